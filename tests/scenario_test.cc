// Runs every engine scenario in tests/scenarios/*.json: replays the timeline and checks each
// expectation, then the safety invariants that must hold on every day of every scenario.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/catalog_loader.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "coach/coach.h"
#include "coach/progression.h"
#include "coach/routine.h"
#include "coach/rules.h"

namespace bb {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  std::error_code error;  // a missing folder yields no scenarios, and the count test fails
  for (const auto& entry :
       fs::directory_iterator(fs::path(BB_SOURCE_DIR) / "tests" / "scenarios", error))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const coach::Catalog& catalog() {
  static const coach::Catalog kCatalog = [] {
    auto loaded = app::load_embedded_catalog();
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().describe();
      return coach::Catalog{};
    }
    return std::move(loaded).value();
  }();
  return kCatalog;
}

bool has_rule(const json& plan, const std::string& id) {
  for (const auto& r : plan["rules"])
    if (r["rule"] == id) return true;
  return false;
}

double rope_minutes(const json& plan) {
  return plan["rope"].is_null() ? 0.0 : plan["rope"]["minutes"].get<double>();
}

// Checks one day's expectation object against its plan; every key is optional.
void check_expectation(const json& expect, const json& plan, const std::map<std::string, json>& by_date,
                       const std::string& where) {
  for (const auto& [key, want] : expect.items()) {
    const std::string at = where + " " + key;
    if (key == "date" || key == "why") continue;
    if (key == "status" || key == "day_type" || key == "traffic_light" ||
        key == "ask_urgent_questions") {
      EXPECT_EQ(plan[key], want) << at;
    } else if (key == "rope") {
      ASSERT_TRUE(want.is_null()) << at << ": only null is allowed";
      EXPECT_TRUE(plan["rope"].is_null()) << at << ": " << plan["rope"].dump();
    } else if (key == "rope_minutes") {
      EXPECT_FALSE(plan["rope"].is_null()) << at;
      EXPECT_NEAR(rope_minutes(plan), want.get<double>(), 1e-6) << at;
    } else if (key == "rope_minutes_max") {
      EXPECT_LE(rope_minutes(plan), want.get<double>() + 1e-6) << at;
    } else if (key == "rope_minutes_min") {
      EXPECT_GE(rope_minutes(plan), want.get<double>() - 1e-6) << at;
    } else if (key == "skill" || key == "work_seconds" || key == "rest_seconds" || key == "rounds" ||
               key == "cadence_per_min") {
      ASSERT_FALSE(plan["rope"].is_null()) << at;
      EXPECT_EQ(plan["rope"][key], want) << at;
    } else if (key == "rules") {
      for (const auto& id : want) EXPECT_TRUE(has_rule(plan, id)) << at << ": missing " << id << " in " << plan["rules"].dump(1);
    } else if (key == "not_rules") {
      for (const auto& id : want) EXPECT_FALSE(has_rule(plan, id)) << at << ": unexpected " << id;
    } else if (key == "items_exclude") {
      for (const auto& id : want)
        for (const auto& item : plan["stretch"]["items"]) EXPECT_NE(item, id) << at;
    } else if (key == "rope_not_above_date") {
      const auto it = by_date.find(want.get<std::string>());
      ASSERT_NE(it, by_date.end()) << at;
      EXPECT_LE(rope_minutes(plan), rope_minutes(it->second) + 1e-6) << at;
    } else if (key == "rope_above_date") {
      const auto it = by_date.find(want.get<std::string>());
      ASSERT_NE(it, by_date.end()) << at;
      EXPECT_GT(rope_minutes(plan), rope_minutes(it->second) + 1e-6) << at;
    } else if (key == "reason_mentions") {
      bool found = false;
      for (const auto& r : plan["reasons"])
        found = found || r.get<std::string>().find(want.get<std::string>()) != std::string::npos;
      EXPECT_TRUE(found) << at << ": no reason mentions \"" << want.get<std::string>() << "\"";
    } else {
      ADD_FAILURE() << at << ": unknown expectation key";
    }
  }
}

// Invariants every plan must satisfy, whatever the scenario.
void check_invariants(const coach::Timeline& timeline, const std::vector<coach::Plan>& plans,
                      const std::string& name) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const coach::Plan& p = plans[i];
    const coach::Day& d = timeline.days[i];
    const std::string at = name + " " + p.date.to_string();
    EXPECT_FALSE(p.reasons.empty()) << at << ": every plan explains itself";
    if (p.status != coach::PlanStatus::kOk) {
      EXPECT_EQ(p.day_type, coach::DayType::kRest) << at;
      EXPECT_FALSE(p.rope) << at;
    }
    if (p.rope) {
      EXPECT_LE(p.rope->work_total_seconds(), coach::kMaxRopeSeconds) << at;
      EXPECT_LE(p.rope->cadence_per_min, coach::kRelaxedCadenceMax) << at;
      EXPECT_NE(d.checkin.feel, coach::Feel::kSensitive) << at << ": a sensitive day gets no rope";
      EXPECT_TRUE(d.checkin.urgent_flags.empty()) << at;
    }
    if (!p.rope) {
      // Reasons never name a rope dose the plan does not carry.
      for (const auto& r : p.reasons)
        EXPECT_EQ(r.text.find(" of rope time"), std::string::npos) << at << ": " << r.text;
    }
    if (i > 0 && timeline.days[i - 1].session &&
        timeline.days[i - 1].session->stopped == coach::StopReason::kSharpPain &&
        p.status == coach::PlanStatus::kOk) {
      EXPECT_FALSE(p.rope) << at << ": no rope after a sharp-pain stop";
      EXPECT_TRUE(p.ask_urgent_questions) << at;
    }
    for (const auto& id : p.stretch.all_items()) {
      const coach::CatalogItem* item = catalog().find(id);
      ASSERT_NE(item, nullptr) << at << ": " << id;
      EXPECT_TRUE(coach::respects_aggravators(*item, timeline.profile)) << at << ": " << id;
      // The promise, spelled out apart from the engine's own filter.
      const coach::Profile& person = timeline.profile;
      using coach::Aggravator;
      if (person.aggravated(Aggravator::kSitting)) {
        EXPECT_NE(item->position, coach::Position::kChair) << at << ": " << id;
      }
      if (person.aggravated(Aggravator::kSitting) || person.aggravated(Aggravator::kBending)) {
        EXPECT_NE(item->flexion, coach::FlexionLoad::kDeepLoaded) << at << ": " << id;
      }
      if (person.aggravated(Aggravator::kStanding) || person.aggravated(Aggravator::kArching)) {
        EXPECT_NE(item->extension, coach::ExtensionLoad::kEndRange) << at << ": " << id;
      }
      if (person.aggravated(Aggravator::kStanding)) {
        EXPECT_FALSE(item->position == coach::Position::kStanding && item->hold_seconds > 0)
            << at << ": " << id;
      }
      EXPECT_NE(item->kind, coach::ItemKind::kRopeDrill) << at;
    }
    // The session script plays every planned item (both sides of a two-sided one) and every
    // rope round at the planned dose, and nothing else.
    std::vector<std::string> played;
    int rope_seconds = 0;
    for (const coach::SessionStep& step : p.steps) {
      if (step.kind == coach::StepKind::kHold || step.kind == coach::StepKind::kReps) {
        EXPECT_TRUE(step.kind == coach::StepKind::kReps ? step.reps > 0 : step.seconds > 0) << at;
        if (step.side != coach::Side::kLeft) played.push_back(step.item);
      } else if (step.kind == coach::StepKind::kRope) {
        ASSERT_TRUE(p.rope) << at;
        EXPECT_EQ(step.cadence_per_min, p.rope->cadence_per_min) << at;
        rope_seconds += step.seconds;
      }
    }
    EXPECT_EQ(played, p.stretch.all_items()) << at;
    // A day that moves has stretching, whatever aggravates the person.
    if (p.day_type != coach::DayType::kRest) {
      EXPECT_FALSE(p.stretch.all_items().empty()) << at;
    }
    EXPECT_EQ(rope_seconds, p.rope ? p.rope->work_total_seconds() : 0) << at;
  }
  // The first rope plan ever is at most five minutes.
  for (const auto& p : plans) {
    if (!p.rope) continue;
    EXPECT_LE(p.rope->work_total_seconds(), coach::kFirstSessionMaxSeconds) << name << ": first rope plan";
    break;
  }
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, MeetsExpectations) {
  const std::string path = GetParam();
  const json doc = json::parse(read_file(path), nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << path << " is not valid JSON";
  ASSERT_TRUE(doc.contains("description")) << path;
  const std::string name = fs::path(path).stem().string();

  if (doc.contains("expect_error")) {
    const auto result = app::timeline_from_json(doc["scenario"]);
    ASSERT_FALSE(result.ok()) << name << " should be rejected";
    EXPECT_EQ(result.error().field, doc["expect_error"]["field"].get<std::string>()) << result.error().describe();
    return;
  }
  const auto timeline = app::timeline_from_json(doc["scenario"]);
  ASSERT_TRUE(timeline.ok()) << name << ": " << timeline.error().describe();
  const coach::Coach coach(catalog());
  const auto plans = coach.replay(*timeline);
  ASSERT_EQ(plans.size(), timeline->days.size());
  check_invariants(*timeline, plans, name);

  // Same input, same plans; and the last day alone matches the replay.
  const auto again = coach.replay(*timeline);
  for (std::size_t i = 0; i < plans.size(); ++i)
    EXPECT_EQ(app::plan_to_json(plans[i]), app::plan_to_json(again[i])) << name;
  const auto last = coach.plan_last_day(*timeline);
  EXPECT_EQ(app::plan_to_json(last), app::plan_to_json(plans.back())) << name;

  std::map<std::string, json> by_date;
  for (const auto& p : plans) by_date[p.date.to_string()] = app::plan_to_json(p);
  ASSERT_TRUE(doc["expect"].is_array()) << name;
  ASSERT_FALSE(doc["expect"].empty()) << name;
  for (const auto& e : doc["expect"]) {
    const std::string date = e["date"].get<std::string>();
    const auto it = by_date.find(date);
    ASSERT_NE(it, by_date.end()) << name << ": no day " << date;
    check_expectation(e, it->second, by_date, name + " " + date);
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = fs::path(info.param).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Engine, Scenario, ::testing::ValuesIn(scenario_files()), test_name);

TEST(ScenarioSuite, HasAtLeastFortyScenarios) { EXPECT_GE(scenario_files().size(), 40U); }

// Every rule is named, explained in docs/engine-rules.md and expected by at least one scenario.
TEST(ScenarioSuite, EveryRuleIsDocumentedAndExpectedByAScenario) {
  std::set<std::string> expected;
  for (const std::string& path : scenario_files()) {
    const json doc = json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
    if (!doc.contains("expect")) continue;
    for (const auto& e : doc["expect"])
      if (e.contains("rules"))
        for (const auto& id : e["rules"]) expected.insert(id.get<std::string>());
  }
  const std::string rules_doc = read_file(std::string(BB_SOURCE_DIR) + "/docs/engine-rules.md");
  ASSERT_FALSE(rules_doc.empty());
  for (int i = 0; i <= static_cast<int>(coach::kLastRule); ++i) {
    const std::string id = coach::rule_id(static_cast<coach::Rule>(i));
    EXPECT_NE(id, "unknown") << "rule " << i << " has no id";
    EXPECT_NE(rules_doc.find("`" + id + "`"), std::string::npos) << id << " is not in engine-rules.md";
    EXPECT_TRUE(expected.contains(id)) << id << " is expected by no scenario";
  }
}

}  // namespace
}  // namespace bb
