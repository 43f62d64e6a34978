#include "app/plan_json.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "app/catalog_loader.h"
#include "coach/coach.h"

namespace bb::app {
namespace {

using nlohmann::json;

std::string dumped(const coach::Plan& plan) {
  return plan_to_json(plan).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Ninety days of varied check-ins and sessions, so the plans take many rules, with and without
// a rope dose and a traffic light.
std::vector<coach::Plan> varied_plans(const coach::Catalog& catalog) {
  coach::Timeline timeline;
  timeline.profile.birth_year = 1980;
  timeline.profile.height_cm = 175;
  Date date = *Date::parse("2026-03-01");
  for (int i = 0; i < 90; ++i, date = date.plus_days(1)) {
    coach::Day day;
    day.date = date;
    day.checkin.pain = (i * 7) % 11;
    day.checkin.feel = static_cast<coach::Feel>(i % 3);
    day.checkin.leg_symptoms = static_cast<coach::LegSymptoms>((i / 5) % 3);
    if (i % 4 != 3) {
      coach::SessionLog session;
      session.completed = i % 6 != 0;
      session.rope_minutes = (i % 9) * 1.5;
      session.pain_during_max = (i * 3) % 11;
      session.pain_after = (i * 5) % 11;
      day.session = session;
      if (i % 3 == 0) day.next_morning_pain = (i * 2) % 11;
    }
    timeline.days.push_back(day);
  }
  return coach::Coach(catalog).replay(timeline);
}

TEST(PlanJsonText, IsWhatTheJsonTreeDumps) {
  const Result<coach::Catalog> catalog = load_embedded_catalog();
  ASSERT_TRUE(catalog.ok());
  const std::vector<coach::Plan> plans = varied_plans(*catalog);
  bool with_rope = false;
  bool without_rope = false;
  std::set<std::string> step_shapes;  // kind and side, so every branch of the writer is compared
  for (const coach::Plan& plan : plans) {
    EXPECT_EQ(plan_to_json_text(plan), dumped(plan)) << plan.date.to_string();
    (plan.rope ? with_rope : without_rope) = true;
    for (const coach::SessionStep& step : plan.steps)
      step_shapes.insert(std::string(coach::to_string(step.kind)) + "/" + coach::to_string(step.side));
  }
  EXPECT_TRUE(with_rope && without_rope);
  for (const char* shape : {"hold/none", "hold/right", "hold/left", "reps/none", "rope/none", "rest/none"})
    EXPECT_TRUE(step_shapes.count(shape)) << shape;
}

TEST(PlanJsonText, EscapesLikeTheJsonTree) {
  coach::Plan plan;
  plan.date = *Date::parse("2026-12-02");
  plan.rope = coach::RopeDose{};
  plan.rope->rounds = 7;  // 3.5 minutes
  plan.traffic_light = coach::TrafficLight::kGreen;
  plan.ask_urgent_questions = true;
  plan.stretch.minutes = 12;
  plan.stretch.warm_up = {"a \"quoted\" id", "back\\slash"};
  plan.stretch.main = {"tab\there", std::string("nul\0byte", 8)};
  plan.stretch.cool_down = {"caf\xc3\xa9 \xe2\x80\x93 ok", "broken \xff utf-8", "\x7f"};
  plan.reasons = {{coach::Rule::kUrgentScreen, "plain text"},
                  {coach::Rule::kSeeClinician, "line\nbreak and \x01 control"}};
  EXPECT_EQ(plan_to_json_text(plan), dumped(plan));
  plan.rope.reset();
  plan.traffic_light.reset();
  plan.reasons.clear();
  EXPECT_EQ(plan_to_json_text(plan), dumped(plan));
}

}  // namespace
}  // namespace bb::app
