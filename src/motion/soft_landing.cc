#include "motion/soft_landing.h"

#include "motion/jump_detector.h"

namespace bb::motion {
namespace {

using T = DetectorTuning;

}  // namespace

void SoftLandingTracker::restart() {
  u_ = 0;
  swing_ = Swing::kNone;
}

bool SoftLandingTracker::push(std::int64_t index, double magnitude_g, SoftLanding& landing,
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
      if (u_ - low_u_ < T::kAnkleSoftSwingS) return false;
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
  const bool fell_back = high_u_ - u_ >= T::kAnkleSoftSwingS;
  const bool stopped = index - high_index_ >= samples(T::kAnkleSoftQuietS);
  const bool too_long = index - trough_index_ > samples(T::kAnkleSoftMaxContactS);
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

bool SoftLandingTracker::close_rise(SoftLanding& landing, SoftVerdict& verdict) {
  landing.peak_index = peak_index_;
  landing.peak_g = peak_g_;
  landing.impulse_s = high_u_ - trough_u_;
  landing.fall_s = fall_top_u_ - trough_u_;
  landing.contact_s = static_cast<double>(high_index_ - trough_index_) * step_s_;
  // The fall of u is a lower bound on the flight (in flight the sensor reads at least 0 g, so u
  // falls by at most 1 g s per second); the landing must give back at least what it took.
  if (landing.contact_s > T::kAnkleSoftMaxContactS) {
    verdict = SoftVerdict::kTooLong;
  } else if (landing.fall_s < T::kAnkleSoftMinFallS) {
    verdict = SoftVerdict::kNoFlight;
  } else if (landing.impulse_s < T::kAnkleSoftMinImpulseS) {
    verdict = SoftVerdict::kTooWeak;
  } else if (landing.impulse_s < landing.fall_s) {
    verdict = SoftVerdict::kLessThanTheFlight;
  } else {
    verdict = SoftVerdict::kLanding;
  }
  return true;
}

}  // namespace bb::motion
