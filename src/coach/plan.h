// What the engine answers: today's plan, its dose and the reasons, each tied to a named rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "coach/catalog.h"
#include "coach/rules.h"

namespace bb::coach {

enum class PlanStatus { kOk, kSeeClinician, kUrgent };
// rest: blocked by safety; restorative: stretching and restorative yoga only; mixed: stretch
// warm-up, rope, stretch cool-down; rope: rope-focused with a short warm-up and cool-down.
enum class DayType { kRest, kRestorative, kMixed, kRope };
enum class TrafficLight { kGreen, kAmber, kRed };

// A rope block: `rounds` intervals of `work_seconds` jumping and `rest_seconds` easy rest.
struct RopeDose {
  RopeSkill skill = RopeSkill::kBasicBounce;
  int work_seconds = 30;
  int rest_seconds = 30;
  int rounds = 10;
  int cadence_per_min = 110;  // rope turns per minute

  // Rope time: work only, rests excluded.
  [[nodiscard]] int work_total_seconds() const { return work_seconds * rounds; }
  [[nodiscard]] double minutes() const { return work_total_seconds() / 60.0; }
  bool operator==(const RopeDose&) const = default;
};

struct StretchPlan {
  std::vector<std::string> warm_up;    // catalog ids, in order (empty on restorative days)
  std::vector<std::string> main;       // the restorative routine (restorative days only)
  std::vector<std::string> cool_down;  // catalog ids, in order
  int minutes = 0;

  // warm_up, main, cool_down in the order they are done.
  [[nodiscard]] std::vector<std::string> all_items() const;
};

struct Reason {
  Rule rule;
  std::string text;  // a sentence a person understands, naming the data that led to it
};

struct Plan {
  Date date;
  PlanStatus status = PlanStatus::kOk;
  DayType day_type = DayType::kRest;
  std::optional<RopeDose> rope;
  StretchPlan stretch;
  std::optional<TrafficLight> traffic_light;  // the response to the previous rope session
  bool ask_urgent_questions = false;          // re-ask the urgent screen before anything else
  std::vector<Reason> reasons;

  [[nodiscard]] bool has_rule(Rule rule) const;
};

const char* to_string(PlanStatus);
const char* to_string(DayType);
const char* to_string(TrafficLight);

}  // namespace bb::coach
