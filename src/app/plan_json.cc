#include "app/plan_json.h"

#include <cmath>

#include "coach/rules.h"

namespace bb::app {

using nlohmann::json;

namespace {
json id_list(const std::vector<std::string>& ids) {
  json list = json::array();
  for (const auto& id : ids) list.push_back(id);
  return list;
}
}  // namespace

json plan_to_json(const coach::Plan& plan) {
  json rope = nullptr;
  if (plan.rope) {
    const auto& r = *plan.rope;
    rope = {{"minutes", std::round(r.minutes() * 100.0) / 100.0},
            {"work_seconds", r.work_seconds},
            {"rest_seconds", r.rest_seconds},
            {"rounds", r.rounds},
            {"cadence_per_min", r.cadence_per_min},
            {"skill", coach::to_string(r.skill)}};
  }
  json reasons = json::array();
  json rules = json::array();
  for (const auto& reason : plan.reasons) {
    reasons.push_back(reason.text);
    rules.push_back({{"rule", coach::rule_id(reason.rule)}, {"text", reason.text}});
  }
  return {{"date", plan.date.to_string()},
          {"status", coach::to_string(plan.status)},
          {"day_type", coach::to_string(plan.day_type)},
          {"rope", rope},
          {"stretch",
           {{"minutes", plan.stretch.minutes},
            {"items", id_list(plan.stretch.all_items())},
            {"warm_up", id_list(plan.stretch.warm_up)},
            {"main", id_list(plan.stretch.main)},
            {"cool_down", id_list(plan.stretch.cool_down)}}},
          {"traffic_light",
           plan.traffic_light ? json(coach::to_string(*plan.traffic_light)) : json(nullptr)},
          {"ask_urgent_questions", plan.ask_urgent_questions},
          {"reasons", reasons},
          {"rules", rules}};
}

json rope_advice_to_json(const coach::RopeAdvice& a) {
  return {{"recommended", coach::to_string(a.recommended)},
          {"recommendation", a.recommendation},
          {"about_owned", a.about_owned},
          {"avoid", a.avoid},
          {"length_cm", a.length_cm},
          {"length_note", a.length_note},
          {"surface", a.surface},
          {"shoes", a.shoes}};
}

json change_to_json(const coach::Change& c) {
  const char* direction = "no_meaningful_change";
  if (c.direction == coach::ChangeDirection::kImproved) direction = "improved";
  if (c.direction == coach::ChangeDirection::kWorse) direction = "worse";
  return {{"baseline", std::round(c.baseline * 100.0) / 100.0},
          {"current", std::round(c.current * 100.0) / 100.0},
          {"direction", direction},
          {"explanation", c.explanation}};
}

json catalog_item_to_json(const coach::CatalogItem& item) {
  json targets = json::array();
  for (const coach::Target t : item.targets) targets.push_back(coach::to_string(t));
  return {{"id", item.id},
          {"name", item.name},
          {"kind", coach::to_string(item.kind)},
          {"targets", targets},
          {"position", coach::to_string(item.position)},
          {"hold_seconds", item.hold_seconds},
          {"reps", item.reps},
          {"each_side", item.each_side},
          {"steps", item.steps},
          {"cues", item.cues},
          {"breath", item.breath},
          {"cautions", item.cautions},
          {"flexion", coach::to_string(item.flexion)},
          {"extension", coach::to_string(item.extension)},
          {"intensity", coach::to_string(item.intensity)},
          {"phase", coach::to_string(item.phase)},
          {"skill", item.skill ? json(coach::to_string(*item.skill)) : json()}};
}

}  // namespace bb::app
