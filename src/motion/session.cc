#include "motion/session.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace bb::motion {
namespace {

using S = SessionTuning;

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + mid);
  return 0.5 * (lower + upper);
}

}  // namespace

const char* to_string(BoutKind kind) {
  return kind == BoutKind::kWork ? "work" : "rest";
}

SessionSummary summarize(const std::vector<JumpEvent>& events, Placement placement) {
  SessionSummary summary;
  summary.jumps = static_cast<int>(events.size());
  if (events.empty()) return summary;

  // The usual interval: median of the intervals a jumping rhythm can have (60-200 per minute;
  // at the wrist the range its rope turns are counted in, from 46 a minute).
  const bool wrist = placement == Placement::kWrist;
  const double shortest = wrist ? DetectorTuning::kWristMinPeriodS : DetectorTuning::kMinPeriodS;
  const double longest = wrist ? DetectorTuning::kWristMaxPeriodS : DetectorTuning::kMaxPeriodS;
  std::vector<double> rhythmic;
  for (std::size_t i = 1; i < events.size(); ++i) {
    const double interval = events[i].t - events[i - 1].t;
    if (interval >= shortest && interval <= longest) {
      rhythmic.push_back(interval);
    }
  }
  const double usual = median(rhythmic);

  std::vector<double> within;  // intervals inside runs
  std::vector<double> within_t;
  int run = 1;
  summary.longest_run = 1;
  Bout work{BoutKind::kWork, events.front().t, events.front().t, 1};
  for (std::size_t i = 1; i < events.size(); ++i) {
    const double interval = events[i].t - events[i - 1].t;
    if (usual > 0 && interval <= S::kBreakFactor * usual) {
      within.push_back(interval);
      within_t.push_back(events[i].t);
      ++run;
    } else {
      if (interval <= S::kRestSeconds) {
        ++summary.trips;
      } else {
        ++summary.rests;
        summary.bouts.push_back(work);
        summary.bouts.push_back({BoutKind::kRest, events[i - 1].t, events[i].t, 0});
        work = {BoutKind::kWork, events[i].t, events[i].t, 0};
      }
      run = 1;
    }
    work.end_s = events[i].t;
    ++work.jumps;
    summary.longest_run = std::max(summary.longest_run, run);
  }
  summary.bouts.push_back(work);
  const int runs = summary.trips + summary.rests + 1;
  double active = 0;
  for (const double interval : within) active += interval;
  summary.active_seconds = active + runs * usual;

  if (!within.empty()) {
    const double typical = median(within);
    summary.cadence_per_min = 60.0 / typical;
    double sum = 0;
    for (const double v : within) sum += v;
    const double mean = sum / static_cast<double>(within.size());
    double squares = 0;
    for (const double v : within) squares += (v - mean) * (v - mean);
    summary.rhythm_cv =
        within.size() > 1 ? std::sqrt(squares / static_cast<double>(within.size() - 1)) / mean : 0;
    std::vector<double> window;
    double window_start = std::floor(within_t.front() / S::kCadenceWindowS) * S::kCadenceWindowS;
    for (std::size_t i = 0; i <= within.size(); ++i) {
      if (i == within.size() || within_t[i] >= window_start + S::kCadenceWindowS) {
        if (!window.empty()) {
          summary.cadence_over_time.push_back({window_start, 60.0 / median(window)});
        }
        window.clear();
        if (i == within.size()) break;
        window_start = std::floor(within_t[i] / S::kCadenceWindowS) * S::kCadenceWindowS;
      }
      window.push_back(within[i]);
    }
  }

  std::vector<double> heights;
  std::vector<double> impacts;
  int clipped = 0;
  for (const JumpEvent& e : events) {
    if (e.flight_s > 0) heights.push_back(100.0 * jump_height_m(e.flight_s));
    if (e.impact_g > 0) impacts.push_back(e.impact_g);
    if (e.impact_clipped) ++clipped;
  }
  summary.jump_height_cm = median(heights);
  summary.impact_g = median(impacts);
  summary.impact_clipped = !impacts.empty() && 2 * clipped > static_cast<int>(impacts.size());

  // Plain-language feedback, only when there is enough to judge.
  auto& notes = summary.feedback;
  if (summary.jumps < S::kMinJumpsForFeedback) {
    notes.push_back("Too few jumps to judge form.");
    return summary;
  }
  if (!heights.empty() && summary.jump_height_cm > S::kHighJumpCm) {
    notes.push_back(
        fmt::format("Jumps average {:.0f} cm high: higher than the rope needs. Keep them low "
                    "to spare your back and knees.",
                    summary.jump_height_cm));
  }
  const double hard = placement == Placement::kAnkle ? S::kHardLandingAnkleG : S::kHardLandingBodyG;
  if (summary.impact_clipped) {
    notes.push_back(
        fmt::format("Landing peaks reach the sensor's range ({:.1f} g), so this recording cannot "
                    "tell how hard the landings are.",
                    summary.impact_g));
  } else if (!impacts.empty() && summary.impact_g > hard) {
    notes.push_back(
        fmt::format("Landings peak at {:.1f} g: land softly on the balls of your feet with "
                    "knees slightly bent.",
                    summary.impact_g));
  }
  if (within.size() >= 5 && summary.rhythm_cv > S::kUnevenRhythmCv) {
    notes.push_back(
        fmt::format("The rhythm is uneven (intervals vary by {:.0f}%): focus on a steady "
                    "beat rather than speed.",
                    100 * summary.rhythm_cv));
  }
  if (summary.trips > 0) {
    notes.push_back(
        summary.trips == 1
            ? std::string("1 trip or short stop: slow the rope down a little.")
            : fmt::format("{} trips or short stops: slow the rope down a little.", summary.trips));
  }
  if (notes.empty()) notes.push_back("Steady, low and soft: good form.");
  return summary;
}

}  // namespace bb::motion
