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
  // Regions a phase has no item for because every fitting one loads what aggravates the
  // person, so that phase is shorter (the plan's reasons say so).
  std::vector<Target> left_out;

  // warm_up, main, cool_down in the order they are done.
  [[nodiscard]] std::vector<std::string> all_items() const;
};

// The session script: the ordered steps the player (web or terminal) plays, written by the engine
// so that no front end builds its own. A hold lasts `seconds` (per side: a two-sided item gives a
// right step then a left step); a reps step waits for the person to say it is done; a rope step
// is one round of work at `cadence_per_min`; a rest sits between rope rounds.
enum class StepKind { kHold, kReps, kRope, kRest };
enum class Side { kNone, kRight, kLeft };
// Where a step sits in the session, for the heading the player shows.
enum class SessionPart { kWarmUp, kMain, kRope, kCoolDown };

struct SessionStep {
  StepKind kind = StepKind::kHold;
  SessionPart part = SessionPart::kMain;
  std::string item;  // hold and reps: the catalog id; rope: the drill of its skill
  Side side = Side::kNone;
  int seconds = 0;  // hold, rope, rest
  int reps = 0;     // reps
  int round = 0;    // rope: 1-based round; rest: the round it follows
  int cadence_per_min = 0;                      // rope
  RopeSkill skill = RopeSkill::kBasicBounce;    // rope
  bool operator==(const SessionStep&) const = default;
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
  std::vector<SessionStep> steps;             // empty on rest days and when blocked
  std::optional<TrafficLight> traffic_light;  // the response to the previous rope session
  bool ask_urgent_questions = false;          // re-ask the urgent screen before anything else
  std::vector<Reason> reasons;

  [[nodiscard]] bool has_rule(Rule rule) const;
};

const char* to_string(PlanStatus);
const char* to_string(DayType);
const char* to_string(TrafficLight);
const char* to_string(StepKind);
const char* to_string(Side);
const char* to_string(SessionPart);

}  // namespace bb::coach
