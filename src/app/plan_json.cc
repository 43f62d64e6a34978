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
  void put(char c) { out_ += c; }

 private:
  std::string& out_;
};

// Writes a JSON array of `items`, each by `write_item(w, item)`.
template <typename Items, typename WriteItem>
void write_array(TextWriter& w, const Items& items, WriteItem write_item) {
  w.put('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) w.put(',');
    first = false;
    write_item(w, item);
  }
  w.put(']');
}

// One JSON object in TextWriter's text: opened here, a comma before every field but the first,
// closed when it goes out of scope. Fields must come in sorted key order.
class ObjectWriter {
 public:
  explicit ObjectWriter(TextWriter& w) : w_(w) { w_.put('{'); }
  ~ObjectWriter() { w_.put('}'); }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // The key of the next field; the caller writes its value.
  TextWriter& key(std::string_view name) {
    if (!first_) w_.put(',');
    first_ = false;
    w_.key(name);
    return w_;
  }
  void string(std::string_view name, std::string_view text) { key(name).string(text); }
  void number(std::string_view name, int value) { key(name).number(value); }
  void number(std::string_view name, double value) { key(name).number(value); }
  void boolean(std::string_view name, bool value) { key(name).boolean(value); }
  void null(std::string_view name) { key(name).null(); }
  void strings(std::string_view name, const std::vector<std::string>& items) {
    write_array(key(name), items, [](TextWriter& w, const std::string& item) { w.string(item); });
  }

 private:
  TextWriter& w_;
  bool first_ = true;
};

// Keys in sorted order, as step_to_json's object keeps them.
void write_step(TextWriter& w, const coach::SessionStep& step) {
  ObjectWriter o(w);
  switch (step.kind) {
    case coach::StepKind::kHold:
    case coach::StepKind::kReps:
      o.string("item", step.item);
      o.string("kind", coach::to_string(step.kind));
      o.string("part", coach::to_string(step.part));
      if (step.kind == coach::StepKind::kReps) {
        o.number("reps", step.reps);
      } else {
        o.number("seconds", step.seconds);
      }
      if (step.side == coach::Side::kNone) {
        o.null("side");
      } else {
        o.string("side", coach::to_string(step.side));
      }
      break;
    case coach::StepKind::kRope:
      o.number("cadence_per_min", step.cadence_per_min);
      o.string("item", step.item);
      o.string("kind", "rope");
      o.string("part", coach::to_string(step.part));
      o.number("round", step.round);
      o.number("seconds", step.seconds);
      o.string("skill", coach::to_string(step.skill));
      break;
    case coach::StepKind::kRest:
      o.string("kind", "rest");
      o.string("part", coach::to_string(step.part));
      o.number("round", step.round);
      o.number("seconds", step.seconds);
      break;
  }
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
  {
    ObjectWriter o(w);
    o.boolean("ask_urgent_questions", plan.ask_urgent_questions);
    o.string("date", plan.date.to_string());
    o.string("day_type", coach::to_string(plan.day_type));
    write_array(o.key("reasons"), plan.reasons,
                [](TextWriter& item, const coach::Reason& reason) { item.string(reason.text); });
    if (plan.rope) {
      const auto& r = *plan.rope;
      ObjectWriter rope(o.key("rope"));
      rope.number("cadence_per_min", r.cadence_per_min);
      rope.number("minutes", std::round(r.minutes() * 100.0) / 100.0);
      rope.number("rest_seconds", r.rest_seconds);
      rope.number("rounds", r.rounds);
      rope.string("skill", coach::to_string(r.skill));
      rope.number("work_seconds", r.work_seconds);
    } else {
      o.null("rope");
    }
    write_array(o.key("rules"), plan.reasons, [](TextWriter& item, const coach::Reason& reason) {
      ObjectWriter rule(item);
      rule.string("rule", coach::rule_id(reason.rule));
      rule.string("text", reason.text);
    });
    o.string("status", coach::to_string(plan.status));
    write_array(o.key("steps"), plan.steps, write_step);
    {
      ObjectWriter stretch(o.key("stretch"));
      stretch.strings("cool_down", plan.stretch.cool_down);
      stretch.strings("items", plan.stretch.all_items());
      stretch.strings("main", plan.stretch.main);
      stretch.number("minutes", plan.stretch.minutes);
      stretch.strings("warm_up", plan.stretch.warm_up);
    }
    if (plan.traffic_light) {
      o.string("traffic_light", coach::to_string(*plan.traffic_light));
    } else {
      o.null("traffic_light");
    }
  }
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
