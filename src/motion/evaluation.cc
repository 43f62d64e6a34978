#include "motion/evaluation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace bb::motion {
namespace {

bool to_double(std::string_view text, double& value) {
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

Result<ReferenceLabels> parse_reference_labels(std::string_view text) {
  ReferenceLabels labels;
  bool have_scored = false;
  int line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#' || line.starts_with("kind,")) continue;
    const std::size_t c1 = line.find(',');
    const std::size_t c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    double start = 0;
    double stop = 0;
    if (c2 == std::string_view::npos || !to_double(line.substr(c1 + 1, c2 - c1 - 1), start) ||
        !to_double(line.substr(c2 + 1), stop)) {
      return Error::invalid("line " + std::to_string(line_number), "expected kind,start,end");
    }
    const std::string_view kind = line.substr(0, c1);
    if (kind == "jump") {
      labels.landings.push_back(start);
    } else if (kind == "ambiguous") {
      labels.ambiguous.emplace_back(start, stop);
    } else if (kind == "scored") {
      labels.scored_start = start;
      labels.scored_end = stop;
      have_scored = true;
    } else {
      return Error::invalid("line " + std::to_string(line_number),
                            "unknown kind '" + std::string(kind) + "'");
    }
  }
  if (!have_scored) return Error::invalid("labels", "no scored span");
  std::sort(labels.landings.begin(), labels.landings.end());
  return labels;
}

double EventScore::precision() const {
  return detected == 0 ? 1.0 : double(matched) / detected;
}
double EventScore::recall() const {
  return reference == 0 ? 1.0 : double(matched) / reference;
}
double EventScore::f1() const {
  const int denominator = reference + detected;
  return denominator == 0 ? 1.0 : 2.0 * matched / denominator;
}
double EventScore::count_error() const {
  if (reference == 0) return detected == 0 ? 0.0 : 1.0;
  return std::abs(detected - reference) / double(reference);
}
EventScore& EventScore::operator+=(const EventScore& other) {
  reference += other.reference;
  detected += other.detected;
  matched += other.matched;
  return *this;
}

EventScore score_events(const ReferenceLabels& labels, std::vector<double> detected,
                        double tolerance) {
  const auto counted = [&](double t) {
    if (t < labels.scored_start || t > labels.scored_end) return false;
    for (const auto& [a, b] : labels.ambiguous) {
      if (t >= a - tolerance && t <= b + tolerance) return false;
    }
    return true;
  };
  std::vector<double> reference;
  for (const double t : labels.landings) {
    if (counted(t)) reference.push_back(t);
  }
  std::erase_if(detected, [&](double t) { return !counted(t); });
  std::sort(detected.begin(), detected.end());
  EventScore score;
  score.reference = static_cast<int>(reference.size());
  score.detected = static_cast<int>(detected.size());
  // Greedy in time order is a maximum matching for points on a line with a fixed tolerance.
  std::size_t r = 0;
  std::size_t d = 0;
  while (r < reference.size() && d < detected.size()) {
    if (detected[d] < reference[r] - tolerance) {
      ++d;
    } else if (detected[d] > reference[r] + tolerance) {
      ++r;
    } else {
      ++score.matched;
      ++r;
      ++d;
    }
  }
  return score;
}

}  // namespace bb::motion
