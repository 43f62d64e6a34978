// Scoring detected jumps against reference landings: the label format of the development set
// (`kind,t_start_s,t_end_s` rows of jump, ambiguous and scored) and its matching rule.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace bb::motion {

struct ReferenceLabels {
  double scored_start = 0;
  double scored_end = 0;
  std::vector<std::pair<double, double>> ambiguous;
  std::vector<double> landings;
};

// Parses a label file: `#` comments, a `kind,t_start_s,t_end_s` header, then rows.
[[nodiscard]] Result<ReferenceLabels> parse_reference_labels(std::string_view text);

struct EventScore {
  int reference = 0;
  int detected = 0;
  int matched = 0;
  [[nodiscard]] double precision() const;
  [[nodiscard]] double recall() const;
  [[nodiscard]] double f1() const;
  [[nodiscard]] double count_error() const;  // |detected - reference| / reference
  EventScore& operator+=(const EventScore& other);
};

inline constexpr double kMatchToleranceS = 0.15;

// One-to-one matching within the tolerance, ignoring everything outside the scored span and
// inside ambiguous spans widened by the tolerance.
[[nodiscard]] EventScore score_events(const ReferenceLabels& labels, std::vector<double> detected,
                                      double tolerance = kMatchToleranceS);

}  // namespace bb::motion
