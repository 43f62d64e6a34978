#include "app/live_recorder.h"

#include "coach/progression.h"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "motion/session.h"
#include "motion/signal_plot.h"

namespace bb::app {

LiveRecorder::LiveRecorder(motion::Placement placement, LiveUnits units,
                           std::optional<int> target_cadence)
    : placement_(placement == motion::Placement::kAuto ? motion::Placement::kPocket : placement),
      target_cadence_(target_cadence),
      to_g_(units == LiveUnits::kG ? 1.0 : 1.0 / motion::kStandardGravity),
      counter_(placement_, motion::Gravity::kIncluded) {}

Result<LiveProgress> LiveRecorder::push(const std::vector<motion::Sample>& batch) {
  if (batch.size() > kMaxBatchSamples) {
    return Error::invalid("samples", "at most " + std::to_string(kMaxBatchSamples) +
                                         " samples a message; send smaller batches more often");
  }
  if (samples_.size() + batch.size() > kMaxSamples) {
    return Error::invalid("samples", "the stream is over its limit of " +
                                         std::to_string(kMaxSamples) +
                                         " samples: end it and start another");
  }
  double last_t = samples_.empty() ? 0 : samples_.back().t;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const motion::Sample& s = batch[i];
    const std::string field = "samples[" + std::to_string(i) + "]";
    if (!std::isfinite(s.t) || !std::isfinite(s.x) || !std::isfinite(s.y) || !std::isfinite(s.z)) {
      return Error::invalid(field, "every value must be a finite number");
    }
    if (s.t < 0) return Error::invalid(field, "time starts at 0 seconds");
    if (s.t < last_t) {
      return Error::invalid(field, "time went back (samples must come in time order)");
    }
    if (samples_.empty() && i == 0 && s.t > kMaxFirstSampleSeconds) {
      return Error::invalid(field, "the first sample must come within 10 s of the stream's start "
                                   "(time counts from 0)");
    }
    if ((!samples_.empty() || i > 0) && s.t - last_t > kMaxGapSeconds) {
      return Error::invalid(field, "more than 10 s between two samples: end this stream and "
                                   "start another");
    }
    for (const double axis : {s.x, s.y, s.z}) {
      if (std::abs(axis * to_g_) > kMaxAbsoluteG) {
        return Error::invalid(field, "an acceleration beyond 64 g: check the units");
      }
    }
    last_t = s.t;
  }
  LiveProgress progress;
  const std::size_t before = events_.size();
  for (const motion::Sample& s : batch) {
    const motion::Sample in_g{s.t, s.x * to_g_, s.y * to_g_, s.z * to_g_};
    counter_.push(in_g, events_);
    samples_.push_back({in_g.t, static_cast<float>(in_g.x), static_cast<float>(in_g.y),
                        static_cast<float>(in_g.z)});
  }
  progress.new_jumps.assign(events_.begin() + static_cast<std::ptrdiff_t>(before), events_.end());
  progress.jumps = static_cast<int>(events_.size());
  progress.gate = counter_.gate();
  progress.elapsed_s = samples_.empty() ? 0 : samples_.back().t;
  const std::size_t recent_from = events_.size() > kRecentJumps ? events_.size() - kRecentJumps : 0;
  const std::vector<motion::JumpEvent> recent(
      events_.begin() + static_cast<std::ptrdiff_t>(recent_from), events_.end());
  motion::SessionSummary window = motion::summarize(recent, placement_);
  progress.cadence_per_min = window.cadence_per_min;
  // Until there are enough jumps the summary only says so: no cue is better than that mid-set.
  if (window.jumps >= motion::SessionTuning::kMinJumpsForFeedback) {
    // Running away from the planned pace comes first: it is the cue to act on now. The mark is
    // the engine's form.cadence_above_plan; the wrist counts turns that can read double.
    if (target_cadence_ && placement_ != motion::Placement::kWrist &&
        window.cadence_per_min > *target_cadence_ * (1.0 + coach::kCadenceAbovePlanFraction)) {
      progress.cues.push_back("Slower: aim for " + std::to_string(*target_cadence_) +
                              " a minute.");
    }
    for (std::string& cue : window.feedback) progress.cues.push_back(std::move(cue));
  }
  return progress;
}

MotionAnalysis LiveRecorder::analysis() const {
  MotionAnalysis analysis;
  analysis.placement = placement_;
  analysis.events = events_;
  motion::JumpCounter rest = counter_;  // finishing must not end the stream itself
  rest.finish(analysis.events);
  analysis.gate = rest.gate();
  analysis.set_aside = rest.set_aside();
  analysis.segments = rest.segments();
  analysis.summary = motion::summarize(analysis.events, placement_);
  motion::CsvReport& r = analysis.report;
  r.has_header = true;
  r.time_column = "t_s";
  r.axis_columns[0] = "ax_g";
  r.axis_columns[1] = "ay_g";
  r.axis_columns[2] = "az_g";
  r.units = motion::Units::kG;
  r.units_source = motion::UnitsSource::kOverride;
  r.rows = static_cast<std::int64_t>(samples_.size());
  r.duration_s = samples_.empty() ? 0 : samples_.back().t - samples_.front().t;
  // Rate and gaps per continuous segment, as the file reader counts them.
  std::size_t segment_first = 0;
  for (std::size_t i = 0; i < samples_.size(); ++i) {
    if (i > 0 && samples_[i].t - samples_[i - 1].t > motion::kGapSeconds) {
      ++r.gaps;
      segment_first = i;
    }
    if (i == segment_first) ++r.segments;
    const double span = samples_[i].t - samples_[segment_first].t;
    if (span > r.longest_segment_s) {
      r.longest_segment_s = span;
      r.sampling_rate_hz = static_cast<double>(i - segment_first) / span;
    }
  }
  if (r.longest_segment_s == 0 && r.duration_s > 0) {
    r.sampling_rate_hz = static_cast<double>(r.rows) / r.duration_s;
  }
  analysis.envelope.emplace(samples_.empty() ? 0 : samples_.back().t);
  for (const Stored& s : samples_) analysis.envelope->push({s.t, s.x, s.y, s.z});
  analysis.warnings = motion_warnings(analysis);
  return analysis;
}

std::string LiveRecorder::samples_csv() const {
  std::string out = "t_s,ax_g,ay_g,az_g\n";
  out.reserve(out.size() + samples_.size() * 36);
  for (const Stored& s : samples_) {
    fmt::format_to(std::back_inserter(out), "{:.4f},{:.4f},{:.4f},{:.4f}\n", s.t,
                   static_cast<double>(s.x), static_cast<double>(s.y), static_cast<double>(s.z));
  }
  return out;
}

}  // namespace bb::app
