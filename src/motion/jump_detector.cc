#include "motion/jump_detector.h"

#include <algorithm>
#include <cmath>

#include "motion/csv_reader.h"
#include "motion/principal_axis.h"

namespace bb::motion {
namespace {

using T = DetectorTuning;

constexpr int kSmoothSamples = 5;            // 50 ms moving average of |a| for the free-fall logic
constexpr double kFlightHighG = 0.6;         // two levels on each flank of the flight; the line
constexpr double kFlightLowG = 0.3;          // through them extrapolated to 0 g gives the moment
constexpr double kMaxExtrapolationS = 0.02;  // the feet leave or touch the ground
constexpr double kSaneG = 1000;              // anything larger is not an accelerometer reading
constexpr std::int64_t kNever = -1000000;

double extrapolate_to_zero(double t_high, double t_low) {
  // The flank through (t_high, kFlightHighG) and (t_low, kFlightLowG), continued to 0 g.
  const double step = (t_low - t_high) * kFlightLowG / (kFlightHighG - kFlightLowG);
  return t_low + std::clamp(step, -kMaxExtrapolationS, kMaxExtrapolationS);
}

}  // namespace

const char* to_string(Placement placement) {
  switch (placement) {
    case Placement::kAuto:
      return "auto";
    case Placement::kAnkle:
      return "ankle";
    case Placement::kWrist:
      return "wrist";
    case Placement::kPocket:
      return "pocket";
    case Placement::kChest:
      return "chest";
  }
  return "?";
}

bool parse_placement(std::string_view text, Placement& placement) {
  if (text == "auto") {
    placement = Placement::kAuto;
  } else if (text == "ankle") {
    placement = Placement::kAnkle;
  } else if (text == "wrist") {
    placement = Placement::kWrist;
  } else if (text == "pocket" || text == "waist") {
    placement = Placement::kPocket;
  } else if (text == "chest") {
    placement = Placement::kChest;
  } else {
    return false;
  }
  return true;
}

double jump_height_m(double flight_s) {
  return kStandardGravity * flight_s * flight_s / 8.0;
}

JumpDetector::JumpDetector(Placement placement) : placement_(placement) {}

void JumpDetector::push(const Sample& sample, std::vector<JumpEvent>& out) {
  // Written so that NaN fails every comparison and infinities exceed the bounds.
  const bool sane = std::fabs(sample.x) <= kSaneG && std::fabs(sample.y) <= kSaneG &&
                    std::fabs(sample.z) <= kSaneG && std::fabs(sample.t) <= 1e12;
  if (!sane) {
    ++dropped_;
    return;
  }
  if (have_group_) {
    if (sample.t < group_t_) {
      ++dropped_;  // time went back: the reading cannot be placed
      return;
    }
    if (sample.t > group_t_ && group_size_ == 1) {  // the common case: one reading per stamp
      accept_point(group_t_, group_[0].x, group_[0].y, group_[0].z, out);
      group_t_ = sample.t;
      group_[0] = sample;
      return;
    }
    if (sample.t == group_t_) {
      if (group_size_ < kMaxGroup) {
        group_[group_size_++] = sample;
      } else {  // an absurd burst: fold the rest into the last reading
        Sample& last = group_[kMaxGroup - 1];
        last.x = 0.5 * (last.x + sample.x);
        last.y = 0.5 * (last.y + sample.y);
        last.z = 0.5 * (last.z + sample.z);
      }
      return;
    }
    flush_group(out);
  }
  have_group_ = true;
  group_t_ = sample.t;
  group_[0] = sample;
  group_size_ = 1;
}

void JumpDetector::flush_group(std::vector<JumpEvent>& out) {
  // Loggers that deliver in bursts stamp several readings with the delivery time; they were
  // measured since the previous stamp, so they are spread evenly over that interval.
  const double span = have_point_ ? group_t_ - point_t_ : 0;
  if (group_size_ == 1 || span <= 0 || span > kGapSeconds) {
    double sum[3] = {0, 0, 0};
    for (int k = 0; k < group_size_; ++k) {
      sum[0] += group_[k].x;
      sum[1] += group_[k].y;
      sum[2] += group_[k].z;
    }
    const double n = group_size_;
    accept_point(group_t_, sum[0] / n, sum[1] / n, sum[2] / n, out);
    return;
  }
  const double start = point_t_;
  for (int k = 0; k < group_size_; ++k) {
    const double t = start + span * (k + 1) / group_size_;
    accept_point(t, group_[k].x, group_[k].y, group_[k].z, out);
  }
}

void JumpDetector::finish(std::vector<JumpEvent>& out) {
  if (have_group_) {
    flush_group(out);
    have_group_ = false;
  }
  if (have_point_) end_segment(out);
  have_point_ = false;
}

void JumpDetector::accept_point(double t, double x, double y, double z,
                                std::vector<JumpEvent>& out) {
  if (have_point_ && t - point_t_ > kGapSeconds) {
    end_segment(out);  // a hole: never bridge it as if motion happened
    have_point_ = false;
  }
  if (!have_point_) {
    start_segment(t);
    have_point_ = true;
    point_t_ = t;
    point_[0] = x;
    point_[1] = y;
    point_[2] = z;
    process({x, y, z, stores_magnitude() ? std::sqrt(x * x + y * y + z * z) : 0}, out);
    next_grid_ = 1;
    return;
  }
  const double span = t - point_t_;
  const double inverse_span = 1.0 / span;
  // Across a long hole the push-off may have been missed: do not hold its absence against a jump.
  if (span > T::kBlindHoleS) last_loaded_ = n_ + static_cast<std::int64_t>(span * T::kGridHz);
  for (double grid_t = time_of(next_grid_); grid_t <= t; grid_t = time_of(next_grid_)) {
    const double f = std::clamp((grid_t - point_t_) * inverse_span, 0.0, 1.0);
    const double gx = point_[0] + f * (x - point_[0]);
    const double gy = point_[1] + f * (y - point_[1]);
    const double gz = point_[2] + f * (z - point_[2]);
    process({gx, gy, gz, stores_magnitude() ? std::sqrt(gx * gx + gy * gy + gz * gz) : 0}, out);
    ++next_grid_;
  }
  point_t_ = t;
  point_[0] = x;
  point_[1] = y;
  point_[2] = z;
}

void JumpDetector::start_segment(double t) {
  ++segments_;
  segment_start_ = t;
  next_grid_ = 0;
  n_ = 0;
  smooth_sum_ = 0;
  fall_run_ = 0;
  fall_end_ = kNever;
  cross_index_ = -1;
  takeoff_t_ = 0;
  touchdown_t_ = 0;
  last_loaded_ = 0;  // what came before the segment is unknown: do not hold it against a jump
  loaded_before_fall_ = kNever;
  airborne_ = false;
  last_flight_s_ = 0;
  newest_ = -1;
  ankle_pending_ = false;
  ankle_last_emitted_ = kNever;
  ankle_soft_.restart();
  for (int a = 0; a < 3; ++a) {
    fast_sum_[a] = 0;
    slow_sum_[a] = 0;
  }
  armed_ = false;
  last_turn_t_ = -1e9;
  prev_projection_ = 0;
  up_cross_t_ = -1;
  power_ = 0;
  projections_ = 0;
  last_interval_ = 0;
  held_turns_ = 0;
  in_run_ = false;
}

void JumpDetector::end_segment(std::vector<JumpEvent>& out) {
  flush_ankle(out);
}

void JumpDetector::process(const GridSample& s, std::vector<JumpEvent>& out) {
  ring_[n_ & (kRing - 1)] = s;
  newest_ = n_;
  const double largest = std::max({std::fabs(s.x), std::fabs(s.y), std::fabs(s.z)});
  if (largest > clip_level_ + 1e-9) {
    clip_level_ = largest;
    clip_hits_ = 1;
  } else if (largest >= clip_level_ - 1e-9) {
    ++clip_hits_;
  }
  switch (placement_) {
    case Placement::kAnkle:
      process_ankle(out);
      break;
    case Placement::kWrist:
      process_wrist(out);
      break;
    case Placement::kAuto:
    case Placement::kPocket:
    case Placement::kChest:
      process_free_fall(out);
      break;
  }
  ++n_;
}

void JumpDetector::process_free_fall(std::vector<JumpEvent>& out) {
  const std::int64_t i = n_;
  const double mag = at(i).mag;
  smooth_sum_ += mag;
  if (i >= kSmoothSamples) smooth_sum_ -= at(i - kSmoothSamples).mag;
  const double smooth = i >= kSmoothSamples - 1 ? smooth_sum_ * (1.0 / kSmoothSamples)
                                                : smooth_sum_ / static_cast<double>(i + 1);
  smooth_ring_[i & (kRing - 1)] = smooth;
  const double t = time_of(i);

  // Flanks of the flight on the raw signal, for the flight time.
  if (i > 0) {
    const double prev = at(i - 1).mag;
    const double t_prev = time_of(i - 1);
    const auto crossing = [&](double level) {
      return t_prev + (prev - level) / (prev - mag) * (t - t_prev);
    };
    if (prev >= kFlightHighG && mag < kFlightHighG) fall_high_t_ = crossing(kFlightHighG);
    if (prev >= kFlightLowG && mag < kFlightLowG && !airborne_) {
      airborne_ = true;
      takeoff_t_ = extrapolate_to_zero(fall_high_t_, crossing(kFlightLowG));
    }
    if (prev < kFlightLowG && mag >= kFlightLowG) rise_low_t_ = crossing(kFlightLowG);
    if (prev < kFlightHighG && mag >= kFlightHighG && airborne_) {
      airborne_ = false;
      // Mirror image of the take-off flank.
      const double rise_high = crossing(kFlightHighG);
      touchdown_t_ = rise_low_t_ - std::clamp((rise_high - rise_low_t_) * kFlightLowG /
                                                  (kFlightHighG - kFlightLowG),
                                              -kMaxExtrapolationS, kMaxExtrapolationS);
      last_flight_s_ = touchdown_t_ - takeoff_t_;
    }
  }

  if (smooth > T::kPushOffG) last_loaded_ = i;
  if (smooth < T::kFreeFallLevelG) {
    if (fall_run_ == 0) {
      loaded_before_fall_ = last_loaded_;
      fall_min_ = smooth;
      fall_start_ = i;
    }
    ++fall_run_;
    fall_min_ = std::min(fall_min_, smooth);
  } else {
    // A flight starts with a push-off; a dip from quiet standing (a countermovement, the phone
    // lowered) does not.
    const bool pushed_off = fall_start_ - loaded_before_fall_ <=
                            static_cast<std::int64_t>(T::kPushOffBeforeFallS * T::kGridHz);
    if (fall_run_ >= T::kFreeFallMinSamples && fall_min_ < T::kFreeFallDeepG && pushed_off) {
      fall_end_ = i;
      cross_index_ = -1;
    }
    fall_run_ = 0;
  }

  const double prev_smooth = i > 0 ? smooth_ring_[(i - 1) & (kRing - 1)] : smooth;
  if (cross_index_ < 0 && fall_end_ != kNever &&
      i - fall_end_ <= static_cast<std::int64_t>(T::kFallToLandMaxS * T::kGridHz) &&
      prev_smooth < 1.0 && smooth >= 1.0) {
    cross_index_ = i;
    support_run_ = 0;
    support_best_ = 0;
  }
  if (cross_index_ < 0) return;
  support_run_ = smooth > T::kSupportLevelG ? support_run_ + 1 : 0;
  support_best_ = std::max(support_best_, support_run_);
  // The trailing average lags a centred one by two samples: start the window there.
  const std::int64_t window_start = cross_index_ - (kSmoothSamples - 1) / 2;
  const std::int64_t window_end = window_start + T::kLandingWindowSamples;  // exclusive
  if (i < window_end) return;
  const std::int64_t crossing = cross_index_;
  cross_index_ = -1;
  fall_end_ = kNever;
  if (support_best_ < T::kSupportMinSamples) return;
  double peak = 0;
  for (std::int64_t j = window_start; j < window_end; ++j) peak = std::max(peak, at(j).mag);
  std::int64_t landing = crossing;
  for (std::int64_t j = window_start; j < window_end; ++j) {
    const double m = at(j).mag;
    if (m >= T::kPeakFraction * peak && m >= at(j - 1).mag && m >= at(j + 1).mag) {
      landing = j;
      break;
    }
  }
  JumpEvent event;
  event.t = time_of(landing);
  event.impact_g = peak;
  event.impact_clipped = clip_hits_ >= 3 && clip_level_ >= 1.5 && peak >= clip_level_ * 0.98;
  // The flight measured on the raw flanks counts if it ended at this landing.
  if (last_flight_s_ > 0 && touchdown_t_ <= event.t + 1e-9 &&
      event.t - touchdown_t_ <= T::kLandingWindowSamples / T::kGridHz && last_flight_s_ < 1.5) {
    event.flight_s = last_flight_s_;
  }
  last_flight_s_ = 0;
  out.push_back(event);
}

void JumpDetector::process_ankle(std::vector<JumpEvent>& out) {
  const std::int64_t i = n_;
  // Each change is computed once, when its sample arrives, and kept for the next two samples.
  if (i >= 1) {
    const GridSample& a = at(i);
    const GridSample& b = at(i - 1);
    ankle_jerk_before_ = ankle_jerk_mid_;
    ankle_jerk_mid_ = ankle_jerk_now_;
    // Squared: the changes are only compared with each other and with the threshold squared,
    // so no square root is needed (the soft-landing path below takes the one |a| per sample).
    ankle_jerk_now_ =
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z);
  }
  if (i >= 2) {
    const double j_now = ankle_jerk_now_;
    const double j_mid = ankle_jerk_mid_;
    const double j_before = i >= 3 ? ankle_jerk_before_ : 0;
    const std::int64_t c = i - 1;
    if (j_mid >= T::kAnkleJerkG * T::kAnkleJerkG && j_mid >= j_before && j_mid > j_now &&
        c - ankle_last_emitted_ >= static_cast<std::int64_t>(T::kAnkleRefractoryS * T::kGridHz)) {
      if (!ankle_pending_ || j_mid > ankle_jerk_) {
        ankle_pending_ = true;
        ankle_index_ = c;
        ankle_jerk_ = j_mid;
      }
    }
  }
  if (ankle_pending_ &&
      i - ankle_index_ >= static_cast<std::int64_t>(T::kAnkleConfirmS * T::kGridHz)) {
    flush_ankle(out);
  }
  // Landings too soft for a spike, read by their impulse (soft_landing.h).
  SoftLanding soft;
  SoftVerdict verdict = SoftVerdict::kNoFlight;
  if (ankle_soft_.push(i, magnitude_at(i), soft, verdict) && verdict == SoftVerdict::kLanding) {
    emit_soft_landing(soft, out);
  }
}

void JumpDetector::emit_soft_landing(const SoftLanding& landing, std::vector<JumpEvent>& out) {
  // A sharp spike waiting for confirmation, or one reported within the refractory time, is the
  // same landing: it is never counted twice. A pending spike whose peak falls short of the
  // spike's level would be dropped at its confirmation: the soft landing takes its place.
  if (ankle_pending_) {
    if (magnitude_at(pending_spike_peak()) >= T::kAnkleMinPeakG) return;
    ankle_pending_ = false;
  }
  if (landing.peak_index - ankle_last_emitted_ <
      static_cast<std::int64_t>(T::kAnkleRefractoryS * T::kGridHz)) {
    return;
  }
  ankle_last_emitted_ = landing.peak_index;
  // No impact is given: the soft mount that spread the spike hides how high it was.
  JumpEvent event;
  event.t = time_of(landing.peak_index);
  event.impulse_s = landing.impulse_s;
  out.push_back(event);
}

std::int64_t JumpDetector::pending_spike_peak() const {
  // The landing is the largest |a| within 30 ms of the sharpest change.
  const std::int64_t first = std::max<std::int64_t>(0, ankle_index_ - 3);
  const std::int64_t last = std::min<std::int64_t>(newest_, ankle_index_ + 3);
  std::int64_t best = ankle_index_;
  for (std::int64_t j = first; j <= last; ++j) {
    if (magnitude_at(j) > magnitude_at(best)) best = j;
  }
  return best;
}

void JumpDetector::flush_ankle(std::vector<JumpEvent>& out) {
  if (placement_ != Placement::kAnkle || !ankle_pending_) return;
  ankle_pending_ = false;
  const std::int64_t best = pending_spike_peak();
  const double peak = magnitude_at(best);
  if (peak < T::kAnkleMinPeakG) return;
  ankle_last_emitted_ = ankle_index_;
  JumpEvent event;
  event.t = time_of(best);
  event.impact_g = peak;
  event.impact_clipped = clip_hits_ >= 3 && clip_level_ >= 1.5 &&
                         std::max({std::fabs(at(best).x), std::fabs(at(best).y),
                                   std::fabs(at(best).z)}) >= clip_level_ - 1e-9;
  out.push_back(event);
}

void JumpDetector::refine_axis() { step_towards_main_axis(cov_, axis_); }

double JumpDetector::cycle_repeats(int period_samples) const {
  // The correlation of the last period of the projection with the period before it: near 1 when
  // the hand went round the same circle twice, low when two different movements crossed zero.
  const std::int64_t n = period_samples;
  if (n <= 0 || 2 * n > projections_ || 2 * n > kWristHistory) return 1;  // too early to tell
  const std::int64_t newest = projections_ - 1;
  double cross = 0;
  double now_power = 0;
  double before_power = 0;
  for (std::int64_t k = 0; k < n; ++k) {
    const double now = projection_ring_[(newest - k) & (kWristHistory - 1)];
    const double before = projection_ring_[(newest - n - k) & (kWristHistory - 1)];
    cross += now * before;
    now_power += now * now;
    before_power += before * before;
  }
  const double norm = std::sqrt(now_power * before_power);
  return norm > 0 ? cross / norm : 0;
}

void JumpDetector::process_wrist(std::vector<JumpEvent>& out) {
  const std::int64_t i = n_;
  const GridSample& s = at(i);
  const double v[3] = {s.x, s.y, s.z};
  constexpr int kFast = T::kWristFastSamples;
  constexpr int kSlow = T::kWristSlowSamples;
  constexpr int kCentre = (kSlow - 1) / 2;             // delay of the slow average
  constexpr int kFastLag = kCentre - (kFast - 1) / 2;  // fast average aligned on the same centre
  static_assert(kSlow < kRing, "the slow average reads back further than the ring holds");
  for (int a = 0; a < 3; ++a) {
    const auto axis_value = [&](std::int64_t k) {
      const GridSample& g = at(k);
      return a == 0 ? g.x : (a == 1 ? g.y : g.z);
    };
    slow_sum_[a] += v[a];
    if (i >= kSlow) slow_sum_[a] -= axis_value(i - kSlow);
    if (i >= kFastLag) fast_sum_[a] += axis_value(i - kFastLag);
    if (i >= kFastLag + kFast) fast_sum_[a] -= axis_value(i - kFastLag - kFast);
  }
  if (i < kSlow) return;
  double band[3];
  for (int a = 0; a < 3; ++a) band[a] = fast_sum_[a] / kFast - slow_sum_[a] / kSlow;
  // Exponentially weighted covariance (2 s) and one power-iteration step towards its main axis.
  constexpr double kAlpha = 1.0 / (5.0 * T::kGridHz);
  constexpr double kPowerAlpha = 1.0 / (T::kWristPowerS * T::kGridHz);
  const double products[6] = {band[0] * band[0], band[0] * band[1], band[0] * band[2],
                              band[1] * band[1], band[1] * band[2], band[2] * band[2]};
  for (int k = 0; k < 6; ++k) cov_[k] += kAlpha * (products[k] - cov_[k]);
  // The main axis drifts slowly (the covariance remembers 5 s): refining it every fourth sample
  // is enough.
  if ((i & 3) == 0) refine_axis();
  const double p = band[0] * axis_[0] + band[1] * axis_[1] + band[2] * axis_[2];
  projection_ring_[projections_++ & (kWristHistory - 1)] = p;
  power_ += kPowerAlpha * (p * p - power_);
  // The square root is taken only on the few samples whose decision needs the RMS.
  const auto rms = [this] { return std::sqrt(power_); };
  const double t = time_of(i - kCentre);
  if (p < 0) {
    if (prev_projection_ >= 0) up_cross_t_ = -1;
    if (!armed_ && p < -0.3 * rms()) armed_ = true;
  } else if (prev_projection_ < 0) {
    // Between the two samples, in a straight line: on the grid alone a turn at 200 a minute
    // would read 0.29 or 0.31 s and fall out of its own rhythm.
    up_cross_t_ = t - kGridStep * p / (p - prev_projection_);
  }
  prev_projection_ = p;
  if (!armed_ || up_cross_t_ < 0 || p <= 0.3 * rms()) return;
  armed_ = false;
  const double turn_t = up_cross_t_;
  if (rms() < T::kWristMinRmsG) {
    last_turn_t_ = -1e9;
    last_interval_ = 0;
    held_turns_ = 0;
    in_run_ = false;
    return;
  }
  const double interval = turn_t - last_turn_t_;
  if (interval < T::kWristMinPeriodS) return;  // a wobble, not a turn
  const double previous_turn = last_turn_t_;
  const double previous = last_interval_;
  last_turn_t_ = turn_t;
  last_interval_ = interval;
  if (interval > T::kWristMaxPeriodS) {  // first turn after a pause: not yet a rhythm
    in_run_ = false;
    held_turns_ = 1;
    held_[0] = turn_t;
    return;
  }
  // A rope turns steadily: a turn counts when its period matches the one before and the hand
  // went round the same circle again (a limb moving twice per cycle, as in a swimming stroke,
  // the landing and push-off of a slow jump or a jump with an arm swing, crosses zero on
  // movements that do not repeat). The first two turns of a run are held until the third
  // confirms the rhythm, then reported together.
  const bool same_period = std::fabs(interval - previous) <= T::kWristPeriodTolerance * previous;
  if (!same_period ||
      cycle_repeats(static_cast<int>(std::lround(interval * T::kGridHz))) < T::kWristMinRepeat) {
    // The turn before was already reported if a run was under way.
    held_turns_ = 0;
    if (!in_run_) held_[held_turns_++] = previous_turn;
    held_[held_turns_++] = turn_t;
    in_run_ = false;
    return;
  }
  if (!in_run_) {
    in_run_ = true;
    for (int k = 0; k < held_turns_; ++k) {
      JumpEvent held;
      held.t = held_[k];
      out.push_back(held);
    }
    held_turns_ = 0;
  }
  JumpEvent event;
  event.t = turn_t;
  out.push_back(event);
}

}  // namespace bb::motion
