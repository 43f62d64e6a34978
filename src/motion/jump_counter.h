// JumpCounter: what the product counts. The detector (jump_detector.h) finds jump-like events;
// the counter puts gravity back into a gravity-removed ("linear acceleration") signal first
// (not at the wrist, whose band-pass takes gravity out anyway), then keeps an event only when it passes the physics of a jump on its own (flight, the wrist's
// turning) and sits in a jumping rhythm with its neighbours. Streaming like the detector: the
// first jumps of a run are held until the run is long enough to be a rhythm, then reported
// together, so a file and a live stream count the same.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "motion/jump_detector.h"
#include "motion/sample.h"

namespace bb::motion {

// Whether the samples still hold gravity (raw acceleration) or the phone removed it.
enum class Gravity { kIncluded, kRemoved };

// The gate's numbers; docs/motion.md gives the physics behind each.
struct GateTuning {
  // Pocket, waist, chest: a run whose median measured flight is shorter than this is a bounce
  // of the phone, not jumping (h = g t^2 / 8: 50 ms is 3 mm of clearance; a rope needs 2 cm).
  static constexpr double kMinFlightS = 0.05;
  // Neighbours: a jump comes 0.3 to 1.5 s after the one before (200 to 40 a minute) ...
  static constexpr double kMinIntervalS = 0.3;
  static constexpr double kMaxIntervalS = 1.5;
  // ... at the ankle up to this: with one foot carrying the sensor in a skipping step, a landing
  // shows on every second turn, and the slowest rope counted turns once a second.
  static constexpr double kAnkleMaxIntervalS = 2.0;
  // ... and its interval is within this factor of the one before (a rhythm, not a scatter).
  static constexpr double kMaxIntervalRatio = 2.2;
  // At least this many such jumps in a row make a run; shorter runs are not counted.
  static constexpr int kMinRunJumps = 4;
  // Wrist: turning a rope swings the hand in a small fast circle, whose centripetal
  // acceleration adds to gravity: the mean |a| over the last second stays above this (a 7.5 cm
  // circle at 2 turns a second is 1.2 g centripetal, 1.56 g with gravity) ...
  static constexpr double kWristTurningG = 1.5;
  // ... and with gravity removed the circle alone stays above this (1.5 g with gravity is
  // 1.1 g without; wide room, because the phone's gravity estimate swings with the hand).
  static constexpr double kWristTurningLinearG = 0.6;
  static constexpr double kWristTurningWindowS = 1.0;
  // Gravity-removed input: the vertical axis is the main axis of the signal over this time.
  static constexpr double kGravityAxisWindowS = 2.0;
  // ... and its sign turns only when the side taken as down reaches beyond this: along the true
  // vertical a gravity-removed reading never falls below -1 g (free fall).
  static constexpr double kBeyondFreeFallG = 1.2;
};

// What the gate decided, for the warnings.
struct GateCounts {
  std::int64_t candidates = 0;    // events the detector found
  std::int64_t kept = 0;          // counted
  std::int64_t short_flight = 0;  // flight too short for a jump
  std::int64_t not_turning = 0;   // wrist: no rope turning around the event
  std::int64_t no_rhythm = 0;     // alone or in a run shorter than kMinRunJumps
  std::int64_t runs = 0;          // runs of kMinRunJumps or more
};

// Why the gate set a jump-like event aside.
enum class SetAsideReason { kShortFlight, kNotTurning, kNoRhythm };
[[nodiscard]] const char* to_string(SetAsideReason reason);

struct SetAsideEvent {
  double t = 0;
  SetAsideReason reason = SetAsideReason::kNoRhythm;
};

// The gate's decisions within one continuous segment (split at holes longer than kGapSeconds).
struct SegmentGate {
  double start_s = 0;
  double end_s = 0;
  std::int64_t samples = 0;
  double rate_hz = 0;  // samples - 1 over the span; 0 when it spans no time
  GateCounts counts;
};

class JumpCounter {
 public:
  // At most this many set-aside events and segments are listed (the counts stay exact): the
  // lists serve explanations, and a day-long stream must not grow them without bound.
  static constexpr std::size_t kMaxListed = 2000;

  // kAuto behaves as kPocket (resolve it with PlacementGuesser first).
  JumpCounter(Placement placement, Gravity gravity);

  void push(const Sample& sample, std::vector<JumpEvent>& out);
  void finish(std::vector<JumpEvent>& out);

  [[nodiscard]] Placement placement() const { return detector_.placement(); }
  [[nodiscard]] Gravity gravity() const { return gravity_; }
  [[nodiscard]] const GateCounts& gate() const { return counts_; }
  // Each jump-like event set aside, in time order, with the reason (at most kMaxListed).
  [[nodiscard]] const std::vector<SetAsideEvent>& set_aside() const { return set_aside_; }
  // The gate per continuous segment; the last one is complete after finish() (at most
  // kMaxListed, the last segments merged into the final one beyond that).
  [[nodiscard]] const std::vector<SegmentGate>& segments() const { return segments_; }
  [[nodiscard]] const JumpDetector& detector() const { return detector_; }

 private:
  [[nodiscard]] Sample restore_gravity(const Sample& s);
  void restart_gravity_axis();
  void consider(const JumpEvent& event, std::vector<JumpEvent>& out);
  void end_run();
  void set_aside(const JumpEvent& event, SetAsideReason reason);
  void track_segment(double t, bool gap);
  void close_segment();

  JumpDetector detector_;
  std::vector<SetAsideEvent> set_aside_;
  std::vector<SegmentGate> segments_;
  GateCounts segment_start_counts_;
  Gravity gravity_;
  GateCounts counts_;
  std::vector<JumpEvent> raw_;

  // Rhythm.
  bool have_last_ = false;
  double last_t_ = 0;
  double run_interval_ = 0;  // the last interval inside the current run, 0 at its start
  int run_size_ = 0;
  enum class RunRejection { kNone, kShortFlight, kNotTurning };
  RunRejection run_rejected_ = RunRejection::kNone;
  std::array<JumpEvent, GateTuning::kMinRunJumps> held_{};

  // Wrist turning: mean |a| over the last second.
  double turning_sum_ = 0;
  double last_sample_t_ = 0;
  bool have_sample_ = false;

  // Gravity axis for gravity-removed input.
  double cov_[6] = {1e-6, 0, 0, 1e-6, 0, 1e-6};  // xx xy xz yy yz zz
  double axis_[3] = {0.577, 0.577, 0.577};  // any start off the main axes: power iteration
                                            // cannot leave a plane it starts orthogonal to
  double high_ = 0;  // furthest reach of the signal along the axis, each way
  double low_ = 0;
  double up_ = 1;  // the sign of the axis taken as up
  std::int64_t restored_ = 0;
};

enum class GuessConfidence { kNone, kLow, kHigh };
// "sure", "unsure" or "no evidence": how a front end names the guess's certainty.
[[nodiscard]] const char* to_string(GuessConfidence confidence);

// Offline placement guess for `--placement auto`: feed the whole recording, then ask. Each
// placement's counter (detector and gate) runs on the signal; the placement whose signature
// shows the most jumps in rhythm wins, and the margin over the next says how sure the guess is.
class PlacementGuesser {
 public:
  explicit PlacementGuesser(Gravity gravity = Gravity::kIncluded);
  void push(const Sample& sample);
  [[nodiscard]] Placement guess();
  [[nodiscard]] GuessConfidence confidence() const { return confidence_; }
  // Jumps each placement's counter kept: ankle, pocket, wrist (the evidence, for the warning).
  [[nodiscard]] std::array<std::int64_t, 3> counts() const { return counts_; }
  // Of the ankle's, how many were soft landings (read by their impulse, no sharp spike).
  [[nodiscard]] std::int64_t ankle_soft_landings() const { return ankle_soft_; }

 private:
  JumpCounter ankle_;
  JumpCounter pocket_;
  JumpCounter wrist_;
  std::vector<JumpEvent> events_;
  std::array<std::int64_t, 3> counts_{0, 0, 0};
  std::int64_t ankle_soft_ = 0;
  void count_ankle_soft();
  GuessConfidence confidence_ = GuessConfidence::kNone;
};

// Why the gate counted nothing or set events aside, in plain words; empty when all counted.
[[nodiscard]] std::string explain_gate(const GateCounts& counts, Placement placement);

}  // namespace bb::motion
