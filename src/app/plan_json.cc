#include "app/plan_json.h"

#include <charconv>
#include <cmath>
#include <string_view>

#include "coach/rules.h"

namespace bb::app {

using nlohmann::json;

namespace {
json id_list(const std::vector<std::string>& ids) {
  json list = json::array();
  for (const auto& id : ids) list.push_back(id);
  return list;
}
// Appends JSON text as nlohmann's compact dump writes it. Keys must come in sorted order, as
// nlohmann's objects keep them.
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}

  void string(std::string_view text) {
    // Printable ASCII without quote or backslash is written as is; anything else is escaped
    // (and invalid UTF-8 replaced) by nlohmann itself.
    for (const char c : text) {
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out_ += json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
    }
    out_ += '"';
    out_ += text;
    out_ += '"';
  }
  void number(int value) {
    char buffer[16];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void number(double value) { out_ += json(value).dump(); }
  void boolean(bool value) { out_ += value ? "true" : "false"; }
  void null() { out_ += "null"; }
  void key(std::string_view name) {
    string(name);
    out_ += ':';
  }
  void strings(const std::vector<std::string>& items) {
    out_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ',';
      string(items[i]);
    }
    out_ += ']';
  }
  void put(char c) { out_ += c; }

 private:
  std::string& out_;
};

// Keys in sorted order, as step_to_json's object keeps them.
void write_step(TextWriter& w, const coach::SessionStep& step) {
  w.put('{');
  switch (step.kind) {
    case coach::StepKind::kHold:
    case coach::StepKind::kReps:
      w.key("item");
      w.string(step.item);
      w.put(',');
      w.key("kind");
      w.string(coach::to_string(step.kind));
      w.put(',');
      w.key("part");
      w.string(coach::to_string(step.part));
      w.put(',');
      if (step.kind == coach::StepKind::kReps) {
        w.key("reps");
        w.number(step.reps);
      } else {
        w.key("seconds");
        w.number(step.seconds);
      }
      w.put(',');
      w.key("side");
      if (step.side == coach::Side::kNone) {
        w.null();
      } else {
        w.string(coach::to_string(step.side));
      }
      break;
    case coach::StepKind::kRope:
      w.key("cadence_per_min");
      w.number(step.cadence_per_min);
      w.put(',');
      w.key("item");
      w.string(step.item);
      w.put(',');
      w.key("kind");
      w.string("rope");
      w.put(',');
      w.key("part");
      w.string(coach::to_string(step.part));
      w.put(',');
      w.key("round");
      w.number(step.round);
      w.put(',');
      w.key("seconds");
      w.number(step.seconds);
      w.put(',');
      w.key("skill");
      w.string(coach::to_string(step.skill));
      break;
    case coach::StepKind::kRest:
      w.key("kind");
      w.string("rest");
      w.put(',');
      w.key("part");
      w.string(coach::to_string(step.part));
      w.put(',');
      w.key("round");
      w.number(step.round);
      w.put(',');
      w.key("seconds");
      w.number(step.seconds);
      break;
  }
  w.put('}');
}

}  // namespace

json step_to_json(const coach::SessionStep& step) {
  json out = {{"kind", coach::to_string(step.kind)}, {"part", coach::to_string(step.part)}};
  switch (step.kind) {
    case coach::StepKind::kHold:
    case coach::StepKind::kReps:
      out["item"] = step.item;
      out["side"] = step.side == coach::Side::kNone ? json() : json(coach::to_string(step.side));
      if (step.kind == coach::StepKind::kReps) {
        out["reps"] = step.reps;
      } else {
        out["seconds"] = step.seconds;
      }
      break;
    case coach::StepKind::kRope:
      out["item"] = step.item;
      out["round"] = step.round;
      out["seconds"] = step.seconds;
      out["cadence_per_min"] = step.cadence_per_min;
      out["skill"] = coach::to_string(step.skill);
      break;
    case coach::StepKind::kRest:
      out["round"] = step.round;
      out["seconds"] = step.seconds;
      break;
  }
  return out;
}

std::string plan_to_json_text(const coach::Plan& plan) {
  std::string out;
  out.reserve(2048);
  TextWriter w(out);
  w.put('{');
  w.key("ask_urgent_questions");
  w.boolean(plan.ask_urgent_questions);
  w.put(',');
  w.key("date");
  w.string(plan.date.to_string());
  w.put(',');
  w.key("day_type");
  w.string(coach::to_string(plan.day_type));
  w.put(',');
  w.key("reasons");
  w.put('[');
  for (std::size_t i = 0; i < plan.reasons.size(); ++i) {
    if (i > 0) w.put(',');
    w.string(plan.reasons[i].text);
  }
  w.put(']');
  w.put(',');
  w.key("rope");
  if (plan.rope) {
    const auto& r = *plan.rope;
    w.put('{');
    w.key("cadence_per_min");
    w.number(r.cadence_per_min);
    w.put(',');
    w.key("minutes");
    w.number(std::round(r.minutes() * 100.0) / 100.0);
    w.put(',');
    w.key("rest_seconds");
    w.number(r.rest_seconds);
    w.put(',');
    w.key("rounds");
    w.number(r.rounds);
    w.put(',');
    w.key("skill");
    w.string(coach::to_string(r.skill));
    w.put(',');
    w.key("work_seconds");
    w.number(r.work_seconds);
    w.put('}');
  } else {
    w.null();
  }
  w.put(',');
  w.key("rules");
  w.put('[');
  for (std::size_t i = 0; i < plan.reasons.size(); ++i) {
    if (i > 0) w.put(',');
    w.put('{');
    w.key("rule");
    w.string(coach::rule_id(plan.reasons[i].rule));
    w.put(',');
    w.key("text");
    w.string(plan.reasons[i].text);
    w.put('}');
  }
  w.put(']');
  w.put(',');
  w.key("status");
  w.string(coach::to_string(plan.status));
  w.put(',');
  w.key("steps");
  w.put('[');
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    if (i > 0) w.put(',');
    write_step(w, plan.steps[i]);
  }
  w.put(']');
  w.put(',');
  w.key("stretch");
  w.put('{');
  w.key("cool_down");
  w.strings(plan.stretch.cool_down);
  w.put(',');
  w.key("items");
  w.strings(plan.stretch.all_items());
  w.put(',');
  w.key("main");
  w.strings(plan.stretch.main);
  w.put(',');
  w.key("minutes");
  w.number(plan.stretch.minutes);
  w.put(',');
  w.key("warm_up");
  w.strings(plan.stretch.warm_up);
  w.put('}');
  w.put(',');
  w.key("traffic_light");
  if (plan.traffic_light) {
    w.string(coach::to_string(*plan.traffic_light));
  } else {
    w.null();
  }
  w.put('}');
  return out;
}

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
  json steps = json::array();
  for (const auto& step : plan.steps) steps.push_back(step_to_json(step));
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
          {"steps", steps},
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
          {"shoes", a.shoes},
          {"start", a.start}};
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
