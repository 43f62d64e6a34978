#include "motion/soft_landing.h"

namespace bb::motion {

void SoftLandingTracker::restart() {
  u_ = 0;
  swing_ = Swing::kNone;
}

bool SoftLandingTracker::close_rise(SoftLanding& landing, SoftVerdict& verdict) {
  landing.peak_index = peak_index_;
  landing.peak_g = peak_g_;
  landing.impulse_s = high_u_ - trough_u_;
  landing.fall_s = fall_top_u_ - trough_u_;
  landing.contact_s = static_cast<double>(high_index_ - trough_index_) * step_s_;
  // The fall of u is a lower bound on the flight (in flight the sensor reads at least 0 g, so u
  // falls by at most 1 g s per second); the landing must give back at least what it took.
  if (landing.contact_s > SoftLandingTuning::kMaxContactS) {
    verdict = SoftVerdict::kTooLong;
  } else if (landing.fall_s < SoftLandingTuning::kMinFallS) {
    verdict = SoftVerdict::kNoFlight;
  } else if (landing.impulse_s < SoftLandingTuning::kMinImpulseS) {
    verdict = SoftVerdict::kTooWeak;
  } else if (landing.impulse_s < landing.fall_s) {
    verdict = SoftVerdict::kLessThanTheFlight;
  } else {
    verdict = SoftVerdict::kLanding;
  }
  return true;
}

}  // namespace bb::motion
