// The coaching engine: a pure function of a person's timeline and the catalog.
#pragma once

#include <string>
#include <vector>

#include "coach/catalog.h"
#include "coach/model.h"
#include "coach/plan.h"

namespace bb::coach {

// A length of time as the engine's words and every front end write it: "2 min 40 s", "45 s",
// "4 min" (rounded to the second).
[[nodiscard]] std::string duration_words(double seconds);

class Coach {
 public:
  // The catalog must outlive the coach.
  explicit Coach(const Catalog& catalog) : catalog_(catalog) {}

  // The plan of every day of the timeline, in order. Day i uses days[0..i-1] in full and only the
  // check-in of day i, never day i's own session. O(days).
  [[nodiscard]] std::vector<Plan> replay(const Timeline& timeline) const;

  // The plan of the timeline's last day (the same as replay(timeline).back()).
  // Precondition: timeline.days is not empty.
  [[nodiscard]] Plan plan_last_day(const Timeline& timeline) const;

 private:
  const Catalog& catalog_;
};

}  // namespace bb::coach
