#include "motion/jump_counter.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "motion/csv_reader.h"
#include "motion/principal_axis.h"

namespace bb::motion {
namespace {

using G = GateTuning;

bool shows_flight(Placement placement) {
  return placement == Placement::kPocket || placement == Placement::kChest ||
         placement == Placement::kAuto;
}

// The median of the measured flights (0 when fewer than half were measured).
double typical_flight(const std::array<JumpEvent, GateTuning::kMinRunJumps>& run) {
  std::array<double, GateTuning::kMinRunJumps> flights{};
  std::size_t n = 0;
  for (const JumpEvent& e : run) {
    if (e.flight_s > 0) flights[n++] = e.flight_s;
  }
  if (2 * n < run.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {  // four values: an insertion sort
    for (std::size_t j = i; j > 0 && flights[j - 1] > flights[j]; --j) {
      std::swap(flights[j - 1], flights[j]);
    }
  }
  return flights[n / 2];
}

}  // namespace

JumpCounter::JumpCounter(Placement placement, Gravity gravity)
    : detector_(placement), gravity_(gravity) {
  raw_.reserve(8);
}

Sample JumpCounter::restore_gravity(const Sample& s) {
  // The phone subtracted the gravity it estimated, so standing reads 0, free fall reads 1 g
  // downwards and a landing is a spike upwards, all along the vertical. The vertical is the main
  // axis of the signal over the last seconds (jumping moves the body up and down far more than
  // sideways). Its sign: along the true vertical the reading never falls below -1 g (the feet
  // can push the body up but not pull it down, so the sensor feels 0 g at least), while landings
  // rise well above +1 g; so up is the side that reaches further over the last seconds, and the
  // sign is turned only when the side taken as down reaches beyond 1 g (impossible along the
  // true down), so that it never flips in the middle of a flight before the first landing. Adding
  // 1 g up gives back what the sensor felt, which the detector reads as usual.
  const double dt = have_sample_ ? std::clamp(s.t - last_sample_t_, 0.0, kGapSeconds) : 0.01;
  const double alpha = std::min(1.0, dt / G::kGravityAxisWindowS);
  const double v[3] = {s.x, s.y, s.z};
  const double products[6] = {v[0] * v[0], v[0] * v[1], v[0] * v[2],
                              v[1] * v[1], v[1] * v[2], v[2] * v[2]};
  for (int k = 0; k < 6; ++k) cov_[k] += alpha * (products[k] - cov_[k]);
  if ((restored_++ & 3) == 0) step_towards_main_axis(cov_, axis_);
  const double p = v[0] * axis_[0] + v[1] * axis_[1] + v[2] * axis_[2];
  if (std::isfinite(p)) {
    // Envelopes that forget over the same 2 s.
    high_ = std::max(p, high_ * (1 - alpha));
    low_ = std::min(p, low_ * (1 - alpha));
  }
  // Turn only on proof: a reach beyond 1 g on the side taken as down, further than up reaches.
  if (up_ > 0 && low_ < -G::kBeyondFreeFallG && -low_ > high_) up_ = -1;
  if (up_ < 0 && high_ > G::kBeyondFreeFallG && high_ > -low_) up_ = 1;
  const double up = up_;
  return {s.t, s.x + up * axis_[0], s.y + up * axis_[1], s.z + up * axis_[2]};
}

void JumpCounter::push(const Sample& input, std::vector<JumpEvent>& out) {
  // A hole ends the segment: the gravity axis and the rhythm restart, never bridged.
  const bool gap = have_sample_ && std::isfinite(input.t) && input.t - last_sample_t_ > kGapSeconds;
  if (gap) restart_gravity_axis();
  // The wrist's band-pass takes out gravity, whether the phone did or not: putting it back along
  // an axis that follows the hand's circle would only add steps to the turns.
  const bool restore = gravity_ == Gravity::kRemoved && detector_.placement() != Placement::kWrist;
  const Sample s = restore ? restore_gravity(input) : input;
  if (detector_.placement() == Placement::kWrist) {
    // Judged on the input as it came (the wrist never restores gravity): without gravity the
    // hand's own circle is what is left.
    const double mag = std::sqrt(s.x * s.x + s.y * s.y + s.z * s.z);
    if (std::isfinite(mag) && std::isfinite(s.t)) {
      const double dt = have_sample_ ? std::clamp(s.t - last_sample_t_, 0.0, 1.0) : 0;
      if (!have_sample_ || dt >= kGapSeconds) {
        turning_sum_ = mag;  // a new segment: what came before says nothing
      } else {
        turning_sum_ += std::min(1.0, dt / G::kWristTurningWindowS) * (mag - turning_sum_);
      }
    }
  }
  if (std::isfinite(s.t)) {
    have_sample_ = true;
    last_sample_t_ = s.t;
  }
  raw_.clear();
  detector_.push(s, raw_);
  // What the detector reports at a hole's first sample still belongs to the segment before it.
  for (const JumpEvent& event : raw_) consider(event, out);
  if (gap) {
    end_run();
    have_last_ = false;
    run_interval_ = 0;
  }
  if (std::isfinite(input.t)) track_segment(input.t, gap);
}

void JumpCounter::restart_gravity_axis() {
  const double start[6] = {1e-6, 0, 0, 1e-6, 0, 1e-6};
  for (int k = 0; k < 6; ++k) cov_[k] = start[k];
  for (double& a : axis_) a = 0.577;
  high_ = 0;
  low_ = 0;
  up_ = 1;
}

void JumpCounter::finish(std::vector<JumpEvent>& out) {
  raw_.clear();
  detector_.finish(raw_);
  for (const JumpEvent& event : raw_) consider(event, out);
  end_run();
  have_last_ = false;
  close_segment();
}

void JumpCounter::consider(const JumpEvent& event, std::vector<JumpEvent>& out) {
  ++counts_.candidates;
  // Wrist: is a rope turning around this turn? Judged once the run has its fourth turn (the
  // mean over the last second lags the start of turning) and on every turn after.
  const double turning_floor =
      gravity_ == Gravity::kRemoved ? G::kWristTurningLinearG : G::kWristTurningG;
  const bool not_turning =
      detector_.placement() == Placement::kWrist && turning_sum_ < turning_floor;
  // Against its neighbours.
  const double interval = have_last_ ? event.t - last_t_ : 0;
  // The wrist's rope turns keep the detector's own range, which reaches past 200 a minute; at
  // the ankle a landing may show on every second turn only.
  const double min_interval = detector_.placement() == Placement::kWrist
                                  ? DetectorTuning::kWristMinPeriodS
                                  : G::kMinIntervalS;
  const double max_interval =
      detector_.placement() == Placement::kAnkle ? G::kAnkleMaxIntervalS : G::kMaxIntervalS;
  const bool in_range = have_last_ && interval >= min_interval && interval <= max_interval;
  const bool steady = run_interval_ == 0 || (interval <= G::kMaxIntervalRatio * run_interval_ &&
                                             run_interval_ <= G::kMaxIntervalRatio * interval);
  have_last_ = true;
  last_t_ = event.t;
  if (!(in_range && steady && run_size_ > 0)) {
    end_run();
    run_interval_ = 0;
  } else {
    run_interval_ = interval;
  }
  if (run_size_ >= G::kMinRunJumps) {
    ++run_size_;
    if (run_rejected_ == RunRejection::kShortFlight) {
      ++counts_.short_flight;
      set_aside(event, SetAsideReason::kShortFlight);
      return;
    }
    if (run_rejected_ == RunRejection::kNotTurning || not_turning) {
      ++counts_.not_turning;
      set_aside(event, SetAsideReason::kNotTurning);
      return;
    }
    ++counts_.kept;
    out.push_back(event);
    return;
  }
  held_[static_cast<std::size_t>(run_size_++)] = event;
  if (run_size_ < G::kMinRunJumps) return;
  // A run whose typical flight is a few millimetres is bouncing, not jumping. Judged on the run,
  // not on each jump: a single flight read off a pocket's flanks can be short by chance.
  // Unmeasured flights (the raw |a| never reached 0.3 g, as when a phone clips or bursts) do
  // not count against the run.
  const double flight = typical_flight(held_);
  if (shows_flight(detector_.placement()) && gravity_ == Gravity::kIncluded && flight > 0 &&
      flight < G::kMinFlightS) {
    run_rejected_ = RunRejection::kShortFlight;
    counts_.short_flight += G::kMinRunJumps;
    for (const JumpEvent& held : held_) set_aside(held, SetAsideReason::kShortFlight);
    return;
  }
  if (not_turning) {
    run_rejected_ = RunRejection::kNotTurning;
    counts_.not_turning += G::kMinRunJumps;
    for (const JumpEvent& held : held_) set_aside(held, SetAsideReason::kNotTurning);
    return;
  }
  ++counts_.runs;
  for (const JumpEvent& held : held_) out.push_back(held);
  counts_.kept += G::kMinRunJumps;
}

void JumpCounter::set_aside(const JumpEvent& event, SetAsideReason reason) {
  if (set_aside_.size() < kMaxListed) set_aside_.push_back({event.t, reason});
}

void JumpCounter::track_segment(double t, bool gap) {
  if (gap) close_segment();
  if (segments_.empty() || gap) {
    if (segments_.size() >= kMaxListed) {
      // Beyond the list's bound the last segment absorbs the rest.
      segments_.back().end_s = t;
      ++segments_.back().samples;
      return;
    }
    segments_.push_back({t, t, 0, 0, {}});
    segment_start_counts_ = counts_;
  }
  SegmentGate& segment = segments_.back();
  segment.end_s = t;
  ++segment.samples;
}

void JumpCounter::close_segment() {
  if (segments_.empty()) return;
  SegmentGate& segment = segments_.back();
  const GateCounts& from = segment_start_counts_;
  segment.counts = {counts_.candidates - from.candidates,     counts_.kept - from.kept,
                    counts_.short_flight - from.short_flight, counts_.not_turning - from.not_turning,
                    counts_.no_rhythm - from.no_rhythm,       counts_.runs - from.runs};
  const double span = segment.end_s - segment.start_s;
  segment.rate_hz = span > 0 ? static_cast<double>(segment.samples - 1) / span : 0;
}

void JumpCounter::end_run() {
  if (run_size_ < G::kMinRunJumps) {
    counts_.no_rhythm += run_size_;
    for (int k = 0; k < run_size_; ++k) {
      set_aside(held_[static_cast<std::size_t>(k)], SetAsideReason::kNoRhythm);
    }
  }
  run_size_ = 0;
  run_rejected_ = RunRejection::kNone;
}

const char* to_string(SetAsideReason reason) {
  switch (reason) {
    case SetAsideReason::kShortFlight:
      return "short_flight";
    case SetAsideReason::kNotTurning:
      return "not_turning";
    case SetAsideReason::kNoRhythm:
      return "no_rhythm";
  }
  return "no_rhythm";
}

const char* to_string(GuessConfidence confidence) {
  switch (confidence) {
    case GuessConfidence::kHigh:
      return "sure";
    case GuessConfidence::kLow:
      return "unsure";
    case GuessConfidence::kNone:
      return "no evidence";
  }
  return "no evidence";
}

PlacementGuesser::PlacementGuesser(Gravity gravity)
    : ankle_(Placement::kAnkle, gravity),
      pocket_(Placement::kPocket, gravity),
      wrist_(Placement::kWrist, gravity) {}

void PlacementGuesser::push(const Sample& sample) {
  events_.clear();
  ankle_.push(sample, events_);
  count_ankle_soft();
  pocket_.push(sample, events_);
  wrist_.push(sample, events_);
}

void PlacementGuesser::count_ankle_soft() {
  for (const JumpEvent& e : events_) ankle_soft_ += e.impulse_s > 0 ? 1 : 0;
}

Placement PlacementGuesser::guess() {
  events_.clear();
  ankle_.finish(events_);
  count_ankle_soft();
  pocket_.finish(events_);
  wrist_.finish(events_);
  const std::int64_t ankle = ankle_.gate().kept;
  const std::int64_t pocket = pocket_.gate().kept;
  const std::int64_t wrist = wrist_.gate().kept;
  counts_ = {ankle, pocket, wrist};
  // Sharp landing spikes at least as often as free falls mean the ankle (the foot may fall
  // freely too); free falls mean a sensor riding with the body; soft landings with neither mean
  // the ankle again (a pocket's landings are soft too, after a free fall the pocket counter
  // sees); a rope turning with none of these means the wrist. Sure when the winner kept at
  // least twice the jumps of the next.
  const std::int64_t ankle_spikes = ankle - ankle_soft_;
  Placement placement = Placement::kPocket;
  std::int64_t winner = 0;
  std::int64_t next = 0;
  if (ankle_spikes > 0 && 5 * ankle_spikes >= 4 * pocket) {
    placement = Placement::kAnkle;
    winner = ankle;
    next = std::max(pocket, wrist);
  } else if (pocket > 0 && 2 * pocket >= wrist) {
    winner = pocket;
    next = std::max(ankle, wrist);
  } else if (ankle > 0 && ankle >= wrist) {
    placement = Placement::kAnkle;
    winner = ankle;
    next = std::max(pocket, wrist);
  } else if (wrist > 0) {
    placement = Placement::kWrist;
    winner = wrist;
    next = std::max(ankle, pocket);
  }
  confidence_ = winner == 0          ? GuessConfidence::kNone
                : winner >= 2 * next ? GuessConfidence::kHigh
                                     : GuessConfidence::kLow;
  return placement;
}

std::string explain_gate(const GateCounts& c, Placement placement) {
  if (c.candidates == 0) {
    const char* signature =
        placement == Placement::kAnkle
            ? "a landing (a sharp spike, or a soft landing whose impulse carries a flight)"
        : placement == Placement::kWrist ? "a steady rope rhythm"
                                         : "a free fall followed by a landing";
    return std::string("no jumps counted: ") + signature + " was never seen at the " +
           to_string(placement);
  }
  if (c.candidates == c.kept) return "";
  std::string parts;
  const auto add = [&](std::int64_t n, const char* what) {
    if (n <= 0) return;
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, what);
  };
  add(c.short_flight, "in runs whose flights are too short for jumping (under 3 mm)");
  add(c.not_turning, "without a rope turning at the wrist");
  add(c.no_rhythm, "alone or in runs of fewer than 4 evenly spaced jumps");
  const auto events = [](std::int64_t n) {
    return fmt::format("{} jump-like {}", n, n == 1 ? "event" : "events");
  };
  if (c.kept == 0) {
    return fmt::format("this does not look like jumping ({}): no jumps counted; {} set aside: {}",
                       to_string(placement), events(c.candidates), parts);
  }
  return fmt::format("{} not counted: {}", events(c.candidates - c.kept), parts);
}

}  // namespace bb::motion
