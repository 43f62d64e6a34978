// Soft landings at the ankle, read by their impulse rather than their peak. A phone strapped
// loosely to the leg smooths the landing from a sharp spike into a bump of 1.5-3 g over 50-150 ms,
// but smoothing keeps the impulse. The velocity the sensor gains, u = integral of (|a| - 1 g),
// falls while the foot is airborne (the sensor reads less than 1 g) and rises again while the
// landing stops the fall; a landing is one rise of u, and the fall before it is the flight.
// docs/motion.md ("Ankle") gives the physics and what is lost.
#pragma once

#include <cstdint>

namespace bb::motion {

// The soft-landing rule's numbers, read on u in g s (1 g s is 9.8 m/s); docs/motion.md gives
// the physics behind each.
struct SoftLandingTuning {
  static constexpr double kSwingS = 0.01;    // u must turn by this (0.1 m/s) to count
  static constexpr double kQuietS = 0.03;    // a rise that stops rising this long has ended
  static constexpr double kMinFallS = 0.02;  // the flight before: u fell by at least this
  // The landing impulse carries g t_f: at least a 40 ms flight (2 mm of clearance).
  static constexpr double kMinImpulseS = 0.04;
  static constexpr double kMaxContactS = 0.25;  // a landing stops the fall within this
};

struct SoftLanding {
  std::int64_t peak_index = 0;  // grid index of the largest |a| within the rise
  double peak_g = 0;
  double impulse_s = 0;  // the rise of u: integral of |a| - 1 g over the contact, in g s
  double fall_s = 0;     // the fall of u before it (the flight's deficit), in g s
  double contact_s = 0;  // how long the rise took
};

// Why a rise of u was not taken as a landing (for the detector's own bookkeeping and tests).
enum class SoftVerdict { kLanding, kNoFlight, kTooWeak, kLessThanTheFlight, kTooLong };

// Streaming: push |a| of each grid sample in order; a rise is judged once it has ended (u fell
// back by the swing threshold, stopped rising for a moment, or went on too long). A rise still
// under way when a segment ends is dropped with it.
class SoftLandingTracker {
 public:
  explicit SoftLandingTracker(double step_s) : step_s_(step_s) {}
  void restart();
  // Returns true when a rise ended with `verdict` (and `landing` filled) at this sample.
  bool push(std::int64_t index, double magnitude_g, SoftLanding& landing, SoftVerdict& verdict);

 private:
  enum class Swing { kNone, kRising, kFalling };
  bool close_rise(SoftLanding& landing, SoftVerdict& verdict);

  double step_s_;
  double u_ = 0;
  Swing swing_ = Swing::kNone;
  // The current rise: from its trough to its highest u so far.
  double trough_u_ = 0;
  std::int64_t trough_index_ = 0;
  double high_u_ = 0;
  std::int64_t high_index_ = 0;
  double peak_g_ = 0;  // largest |a| between the trough and the highest u
  std::int64_t peak_index_ = 0;
  double rise_peak_g_ = 0;  // largest |a| since the trough (may lie past the highest u)
  std::int64_t rise_peak_index_ = 0;
  // The fall before it: from the previous highest u down to the trough.
  double fall_top_u_ = 0;
  // The current fall.
  double low_u_ = 0;
  std::int64_t low_index_ = 0;
  double top_u_ = 0;
};

// Inline: it runs on every ankle sample, and the common case (u moving on within a swing) is a
// few comparisons.
inline bool SoftLandingTracker::push(std::int64_t index, double magnitude_g, SoftLanding& landing,
                                     SoftVerdict& verdict) {
  u_ += (magnitude_g - 1.0) * step_s_;
  switch (swing_) {
    case Swing::kNone:
      // A segment's start: a fall measured from here is still a lower bound on the flight.
      swing_ = Swing::kFalling;
      low_u_ = u_;
      low_index_ = index;
      top_u_ = u_;
      rise_peak_g_ = 0;
      return false;
    case Swing::kFalling:
      if (u_ <= low_u_) {  // the latest of equal lows: the contact starts after it
        low_u_ = u_;
        low_index_ = index;
        rise_peak_g_ = 0;  // the contact starts after the lowest point
        return false;
      }
      if (magnitude_g > rise_peak_g_) {
        rise_peak_g_ = magnitude_g;
        rise_peak_index_ = index;
      }
      if (u_ - low_u_ < SoftLandingTuning::kSwingS) return false;
      swing_ = Swing::kRising;
      trough_u_ = low_u_;
      trough_index_ = low_index_;
      fall_top_u_ = top_u_;
      high_u_ = u_;
      high_index_ = index;
      peak_g_ = rise_peak_g_;
      peak_index_ = rise_peak_index_;
      return false;
    case Swing::kRising:
      break;
  }
  if (magnitude_g > rise_peak_g_) {
    rise_peak_g_ = magnitude_g;
    rise_peak_index_ = index;
  }
  if (u_ > high_u_) {
    high_u_ = u_;
    high_index_ = index;
    peak_g_ = rise_peak_g_;
    peak_index_ = rise_peak_index_;
  }
  const auto samples = [this](double seconds) {
    return static_cast<std::int64_t>(seconds / step_s_ + 0.5);
  };
  const bool fell_back = high_u_ - u_ >= SoftLandingTuning::kSwingS;
  const bool stopped = index - high_index_ >= samples(SoftLandingTuning::kQuietS);
  const bool too_long = index - trough_index_ > samples(SoftLandingTuning::kMaxContactS);
  if (!fell_back && !stopped && !too_long) return false;
  const bool judged = close_rise(landing, verdict);
  if (too_long && !fell_back && !stopped) verdict = SoftVerdict::kTooLong;
  swing_ = Swing::kFalling;
  top_u_ = high_u_;
  low_u_ = u_;
  low_index_ = index;
  rise_peak_g_ = 0;
  return judged;
}

}  // namespace bb::motion
