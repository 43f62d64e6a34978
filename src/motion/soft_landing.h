// Soft landings at the ankle, read by their impulse rather than their peak. A phone strapped
// loosely to the leg smooths the landing from a sharp spike into a bump of 1.5-3 g over 50-150 ms,
// but smoothing keeps the impulse. The velocity the sensor gains, u = integral of (|a| - 1 g),
// falls while the foot is airborne (the sensor reads less than 1 g) and rises again while the
// landing stops the fall; a landing is one rise of u, and the fall before it is the flight.
// docs/motion.md ("Ankle") gives the physics and what is lost.
#pragma once

#include <cstdint>

namespace bb::motion {

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

}  // namespace bb::motion
