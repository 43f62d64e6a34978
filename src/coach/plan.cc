#include "coach/plan.h"

#include <algorithm>

#include "coach/wire_names.h"

namespace bb::coach {

namespace {
using detail::Names;
using detail::name_of;

constexpr Names<PlanStatus, 3> kStatuses{{{PlanStatus::kOk, "ok"},
                                          {PlanStatus::kSeeClinician, "see_clinician"},
                                          {PlanStatus::kUrgent, "urgent"}}};
constexpr Names<DayType, 4> kDayTypes{{{DayType::kRest, "rest"},
                                       {DayType::kRestorative, "restorative"},
                                       {DayType::kMixed, "mixed"},
                                       {DayType::kRope, "rope"}}};
constexpr Names<TrafficLight, 3> kLights{
    {{TrafficLight::kGreen, "green"}, {TrafficLight::kAmber, "amber"}, {TrafficLight::kRed, "red"}}};
constexpr Names<StepKind, 4> kStepKinds{{{StepKind::kHold, "hold"},
                                          {StepKind::kReps, "reps"},
                                          {StepKind::kRope, "rope"},
                                          {StepKind::kRest, "rest"}}};
constexpr Names<Side, 3> kSides{{{Side::kNone, "none"}, {Side::kRight, "right"}, {Side::kLeft, "left"}}};
constexpr Names<SessionPart, 4> kParts{{{SessionPart::kWarmUp, "warm_up"},
                                        {SessionPart::kMain, "main"},
                                        {SessionPart::kRope, "rope"},
                                        {SessionPart::kCoolDown, "cool_down"}}};
}  // namespace

const char* to_string(StepKind v) { return name_of(kStepKinds, v); }
const char* to_string(Side v) { return name_of(kSides, v); }
const char* to_string(SessionPart v) { return name_of(kParts, v); }
const char* to_string(PlanStatus v) { return name_of(kStatuses, v); }
const char* to_string(DayType v) { return name_of(kDayTypes, v); }
const char* to_string(TrafficLight v) { return name_of(kLights, v); }

std::vector<std::string> StretchPlan::all_items() const {
  std::vector<std::string> all = warm_up;
  all.insert(all.end(), main.begin(), main.end());
  all.insert(all.end(), cool_down.begin(), cool_down.end());
  return all;
}

bool Plan::has_rule(Rule rule) const {
  return std::any_of(reasons.begin(), reasons.end(), [rule](const Reason& r) { return r.rule == rule; });
}

}  // namespace bb::coach
