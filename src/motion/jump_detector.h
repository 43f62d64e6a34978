// JumpDetector: streaming jump detection. Push samples in time order, receive each jump no later
// than 250 ms (of sample time) after its landing. The same code runs on a file and on a live
// stream, so the results are identical however the samples are chunked.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "motion/sample.h"
#include "motion/soft_landing.h"

namespace bb::motion {

// Where the sensor sits decides what the signal shows: a pocket or chest sensor falls freely
// with the body during flight, the ankle shows a sharp landing spike (or, strapped loosely, a
// soft landing whose impulse is kept), the wrist only shows the rope turning.
enum class Placement { kAuto, kAnkle, kWrist, kPocket, kChest };

[[nodiscard]] const char* to_string(Placement placement);
// "ankle", "wrist", "pocket", "waist" (same as pocket), "chest", "auto"; false if unknown.
[[nodiscard]] bool parse_placement(std::string_view text, Placement& placement);

struct JumpEvent {
  double t = 0;         // landing time (wrist: one point per rope turn, phase unknown), seconds
  double flight_s = 0;  // 0 when the placement does not show the flight
  double impact_g = 0;  // peak |a| at landing (0 at the wrist and for soft ankle landings)
  // Ankle soft landings (no sharp spike): the landing impulse, integral of |a| - 1 g over the
  // contact, in g s; 0 for every other event.
  double impulse_s = 0;
  bool impact_clipped = false;  // the peak sat at the sensor's range: the true peak is higher
};

// Jump height from flight time for a take-off and landing at the same height: h = g t^2 / 8.
[[nodiscard]] double jump_height_m(double flight_s);

// Every tunable number of the detector in one place; docs/motion.md explains each.
struct DetectorTuning {
  static constexpr double kGridHz = 100;  // samples are resampled to this uniform grid
  // Pocket and chest: landing after free fall (|a| near 0 g while airborne).
  static constexpr double kFreeFallLevelG = 0.6;  // smoothed |a| below this = falling
  static constexpr double kFreeFallDeepG = 0.4;   // ... and reaching below this at least once
  static constexpr int kFreeFallMinSamples = 4;   // ... for at least 40 ms
  static constexpr double kSupportLevelG = 1.4;   // smoothed |a| above this = feet loaded
  static constexpr int kSupportMinSamples = 5;    // ... for at least 50 ms
  static constexpr double kPushOffG = 1.2;        // a flight begins with a push-off above this
  static constexpr double kPushOffBeforeFallS =
      0.4;                                        // ... ending at most this long before the fall
  static constexpr double kBlindHoleS = 0.1;      // holes longer than this may hide a push-off
  static constexpr double kFallToLandMaxS = 0.5;  // landing must follow the fall within this
  static constexpr int kLandingWindowSamples =
      20;                                       // look 200 ms past the 1 g crossing for the peak
  static constexpr double kPeakFraction = 0.8;  // first local max within 80% of the window max
  // Ankle: the landing spike is the sharpest change of the whole stride.
  static constexpr double kAnkleJerkG = 4.0;        // |a[i] - a[i-1]| per 10 ms, in g
  static constexpr double kAnkleMinPeakG = 4.0;     // and the landing peak |a| at least this
  static constexpr double kAnkleRefractoryS = 0.3;  // one landing per 0.3 s (200/min)
  static constexpr double kAnkleConfirmS = 0.2;     // report once no stronger spike came for this
  // Ankle, soft landings (a loosely strapped phone smooths the spike): SoftLandingTuning in
  // soft_landing.h.
  // Wrist: one rope turn = one cycle of the band-passed dominant axis.
  static constexpr int kWristFastSamples = 9;  // 90 ms: smooths the hand's jitter
  // 1.0 s: the slow average must span a whole turn, or it takes out part of the turn's own swing
  // and leaves its second harmonic (landing and push-off) to cross zero twice per turn.
  static constexpr int kWristSlowSamples = 101;
  static constexpr double kWristPowerS = 0.5;           // time constant of the wrist amplitude
  static constexpr double kWristMinRmsG = 0.4;          // quieter than this = not turning a rope
  static constexpr double kWristPeriodTolerance = 0.5;  // a turn's period within 50% of the last
  // ... and its cycle repeats the one before: their correlation reaches this.
  static constexpr double kWristMinRepeat = 0.6;
  // Turns counted from 46 to 214 a minute: the 50 to 200 a rope is turned at, with room for a
  // turn a little quicker or slower than the one before (a limit exactly at 200 would split a
  // session turned at 200 a minute turn by turn).
  static constexpr double kWristMinPeriodS = 0.28;
  static constexpr double kWristMaxPeriodS = 1.3;
  static constexpr double kMinPeriodS = 0.3;  // 200 per minute
  static constexpr double kMaxPeriodS = 1.0;  // 60 per minute
};

class JumpDetector {
 public:
  // kAuto is not accepted here (a live stream cannot look ahead): resolve it with
  // PlacementGuesser first. kAuto behaves as kPocket.
  explicit JumpDetector(Placement placement);

  // Samples must come in time order; out-of-order, repeated and non-finite samples are handled
  // (merged or dropped), never trusted.
  void push(const Sample& sample, std::vector<JumpEvent>& out);
  // End of stream: reports anything still waiting for confirmation.
  void finish(std::vector<JumpEvent>& out);

  [[nodiscard]] Placement placement() const { return placement_; }
  [[nodiscard]] std::int64_t segments() const { return segments_; }
  [[nodiscard]] std::int64_t dropped_samples() const { return dropped_; }

 private:
  static constexpr int kRing = 128;  // power of two, > every look-back below
  static constexpr double kGridStep = 1.0 / DetectorTuning::kGridHz;
  // `mag` (|a|) is filled only for the free-fall placements, which read it on every sample; the
  // ankle reads it on a few samples around each candidate (magnitude_at), the wrist never.
  struct GridSample {
    double x, y, z, mag;
  };

  void flush_group(std::vector<JumpEvent>& out);
  void accept_point(double t, double x, double y, double z, std::vector<JumpEvent>& out);
  void start_segment(double t);
  void end_segment(std::vector<JumpEvent>& out);
  void process(const GridSample& s, std::vector<JumpEvent>& out);
  void process_free_fall(std::vector<JumpEvent>& out);
  void process_ankle(std::vector<JumpEvent>& out);
  void process_wrist(std::vector<JumpEvent>& out);
  void refine_axis();
  [[nodiscard]] double cycle_repeats(int period_samples) const;
  void flush_ankle(std::vector<JumpEvent>& out);
  void emit_soft_landing(const SoftLanding& landing, std::vector<JumpEvent>& out);
  // Grid index of the largest |a| within 30 ms of the pending spike.
  [[nodiscard]] std::int64_t pending_spike_peak() const;
  [[nodiscard]] const GridSample& at(std::int64_t index) const {
    return ring_[index & (kRing - 1)];
  }
  [[nodiscard]] double magnitude_at(std::int64_t index) const {
    const GridSample& g = at(index);
    return std::sqrt(g.x * g.x + g.y * g.y + g.z * g.z);
  }
  [[nodiscard]] bool stores_magnitude() const {
    return placement_ != Placement::kAnkle && placement_ != Placement::kWrist;
  }
  [[nodiscard]] double time_of(std::int64_t index) const {
    return segment_start_ + static_cast<double>(index) * kGridStep;
  }

  Placement placement_;
  std::int64_t segments_ = 0;
  std::int64_t dropped_ = 0;

  // Input side: equal time stamps are merged into one point, then the points are interpolated
  // onto the grid.
  bool have_group_ = false;
  double group_t_ = 0;
  static constexpr int kMaxGroup = 64;
  std::array<Sample, kMaxGroup> group_{};
  int group_size_ = 0;
  bool have_point_ = false;
  double point_t_ = 0;
  double point_[3] = {0, 0, 0};
  double segment_start_ = 0;
  std::int64_t next_grid_ = 0;  // index of the next grid sample to produce in this segment
  std::int64_t n_ = 0;          // grid samples processed in this segment
  std::int64_t newest_ = -1;    // index of the newest grid sample in the ring
  std::array<GridSample, kRing> ring_{};
  double clip_level_ = 0;  // largest |axis| seen, for the clipped flag
  int clip_hits_ = 0;

  // Free fall (pocket, chest).
  std::array<double, kRing> smooth_ring_{};
  double smooth_sum_ = 0;
  int fall_run_ = 0;
  double fall_min_ = 0;
  std::int64_t fall_end_ = -1000000;  // index where the last valid free fall ended
  std::int64_t fall_start_ = 0;
  std::int64_t cross_index_ = -1;  // index where smoothed |a| recrossed 1 g after the fall
  double takeoff_t_ = 0;
  double touchdown_t_ = 0;
  std::int64_t last_loaded_ = -1000000;
  std::int64_t loaded_before_fall_ = -1000000;
  int support_run_ = 0;
  int support_best_ = 0;
  bool airborne_ = false;
  double fall_high_t_ = 0;
  double rise_low_t_ = 0;
  double last_flight_s_ = 0;

  // Ankle.
  bool ankle_pending_ = false;
  std::int64_t ankle_index_ = 0;
  double ankle_jerk_ = 0;  // squared, like the three below
  std::int64_t ankle_last_emitted_ = -1000000;
  double ankle_jerk_now_ = 0;  // |a[i] - a[i-1]| squared, and the two before it
  double ankle_jerk_mid_ = 0;
  double ankle_jerk_before_ = 0;
  SoftLandingTracker ankle_soft_{kGridStep};

  // Wrist.
  double fast_sum_[3] = {0, 0, 0};
  double slow_sum_[3] = {0, 0, 0};
  double cov_[6] = {1e-6, 0, 0, 1e-6, 0, 1e-6};  // xx xy xz yy yz zz
  double axis_[3] = {0.577, 0.577, 0.577};
  double power_ = 0;
  bool armed_ = false;
  double last_turn_t_ = -1e9;
  double prev_projection_ = 0;
  double up_cross_t_ = -1;
  double last_interval_ = 0;
  double held_[2] = {0, 0};
  int held_turns_ = 0;
  bool in_run_ = false;
  // The projection's recent past, for comparing the turn just ended with the one before it.
  static constexpr int kWristHistory = 512;  // power of two, > two of the longest turns
  std::array<double, kWristHistory> projection_ring_{};
  std::int64_t projections_ = 0;  // projections stored in this segment
};

}  // namespace bb::motion
