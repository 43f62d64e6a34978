// Outcome measures: pain NRS, PEG-3 and PSFS, scored, with meaningful change flagged
// (clinical-basis.md section 4).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace bb::coach {

struct Peg3 {
  int average_pain = 0;          // 0-10
  int enjoyment_interference = 0;  // 0-10
  int activity_interference = 0;   // 0-10
  [[nodiscard]] double score() const;  // mean of the three
};

struct PsfsActivity {
  std::string name;
  int score = 0;  // 0 unable ... 10 as before
};
struct Psfs {
  std::vector<PsfsActivity> activities;  // 3-5
  [[nodiscard]] double score() const;    // mean
};

enum class ChangeDirection { kImproved, kWorse, kNoMeaningfulChange };
struct Change {
  double baseline = 0;
  double current = 0;
  ChangeDirection direction = ChangeDirection::kNoMeaningfulChange;
  std::string explanation;
};

// Range checks (field names as in the API).
Status validate(const Peg3& peg);
Status validate(const Psfs& psfs);

// PEG-3: a 30% reduction from baseline is meaningful (Krebs et al. 2009); a 30% rise is flagged too.
Change peg_change(double baseline, double current);
// PSFS: a change of 2 points in the mean (Stratford et al. 1995).
Change psfs_change(double baseline, double current);
// Pain NRS: 2 points or 30% from baseline (Ostelo et al. 2008).
Change pain_change(double baseline, double current);

}  // namespace bb::coach
