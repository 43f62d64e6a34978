#include "coach/measures.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

namespace bb::coach {

namespace {
constexpr double kPegMeaningfulFraction = 0.30;  // Krebs et al. 2009
constexpr double kPsfsMeaningfulPoints = 2.0;    // Stratford et al. 1995
constexpr double kPainMeaningfulPoints = 2.0;    // Ostelo et al. 2008
constexpr double kPainMeaningfulFraction = 0.30;  // Ostelo et al. 2008
constexpr double kTolerance = 1e-9;  // scores are means of whole numbers: compare with a margin

Status check_0_10(int value, const std::string& field) {
  if (value < 0 || value > 10) return Error::invalid(field, "must be a whole number from 0 to 10");
  return Status::success();
}

}  // namespace

double Peg3::score() const {
  return (average_pain + enjoyment_interference + activity_interference) / 3.0;
}

double Psfs::score() const {
  if (activities.empty()) return 0;
  double sum = 0;
  for (const auto& a : activities) sum += a.score;
  return sum / static_cast<double>(activities.size());
}

Status validate(const Peg3& peg) {
  if (auto s = check_0_10(peg.average_pain, "average_pain"); !s) return s;
  if (auto s = check_0_10(peg.enjoyment_interference, "enjoyment_interference"); !s) return s;
  return check_0_10(peg.activity_interference, "activity_interference");
}

Status validate(const Psfs& psfs) {
  if (psfs.activities.size() < 3 || psfs.activities.size() > 5)
    return Error::invalid("activities", "name 3 to 5 activities");
  for (std::size_t i = 0; i < psfs.activities.size(); ++i) {
    const std::string field = "activities[" + std::to_string(i) + "]";
    const auto& a = psfs.activities[i];
    if (a.name.empty() || a.name.size() > 120)
      return Error::invalid(field + ".name", "must be 1 to 120 characters");
    if (auto s = check_0_10(a.score, field + ".score"); !s) return s;
  }
  return Status::success();
}

Change peg_change(double baseline, double current) {
  Change c{baseline, current, ChangeDirection::kNoMeaningfulChange, {}};
  if (baseline > 0 && (baseline - current) / baseline >= kPegMeaningfulFraction - kTolerance) {
    c.direction = ChangeDirection::kImproved;
    c.explanation = fmt::format(
        "PEG-3 fell from {:.1f} to {:.1f}: a reduction of 30% or more is a meaningful improvement.",
        baseline, current);
  } else if (current - baseline >= baseline * kPegMeaningfulFraction - kTolerance && current - baseline >= 1.0) {
    c.direction = ChangeDirection::kWorse;
    c.explanation = fmt::format(
        "PEG-3 rose from {:.1f} to {:.1f}: a rise of 30% or more is worth discussing with a "
        "clinician.",
        baseline, current);
  } else {
    c.explanation = fmt::format(
        "PEG-3 is {:.1f} against {:.1f} at the start: not yet a meaningful change (30%).", current,
        baseline);
  }
  return c;
}

Change psfs_change(double baseline, double current) {
  Change c{baseline, current, ChangeDirection::kNoMeaningfulChange, {}};
  if (current - baseline >= kPsfsMeaningfulPoints - kTolerance) {
    c.direction = ChangeDirection::kImproved;
    c.explanation = fmt::format(
        "Your activity score rose from {:.1f} to {:.1f}: 2 points or more is a meaningful "
        "improvement.",
        baseline, current);
  } else if (baseline - current >= kPsfsMeaningfulPoints - kTolerance) {
    c.direction = ChangeDirection::kWorse;
    c.explanation = fmt::format(
        "Your activity score fell from {:.1f} to {:.1f}: 2 points or more is a meaningful decline.",
        baseline, current);
  } else {
    c.explanation = fmt::format(
        "Your activity score is {:.1f} against {:.1f} at the start: not yet a meaningful change (2 "
        "points).",
        current, baseline);
  }
  return c;
}

Change pain_change(double baseline, double current) {
  Change c{baseline, current, ChangeDirection::kNoMeaningfulChange, {}};
  const double drop = baseline - current;
  if (drop >= kPainMeaningfulPoints - kTolerance ||
      (baseline > 0 && drop > 0 && drop >= baseline * kPainMeaningfulFraction - kTolerance)) {
    c.direction = ChangeDirection::kImproved;
    c.explanation =
        fmt::format("Pain fell from {:.1f} to {:.1f}: 2 points or 30% is a meaningful improvement.",
                    baseline, current);
  } else if (-drop >= kPainMeaningfulPoints - kTolerance) {
    c.direction = ChangeDirection::kWorse;
    c.explanation =
        fmt::format("Pain rose from {:.1f} to {:.1f}: 2 points or more is a meaningful rise.",
                    baseline, current);
  } else {
    c.explanation =
        fmt::format("Pain is {:.1f} against {:.1f} at the start: not yet a meaningful change.",
                    current, baseline);
  }
  return c;
}

}  // namespace bb::coach
