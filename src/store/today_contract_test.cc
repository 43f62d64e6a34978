// DailyService::today, the state every front end follows, on both engines: each of its eight
// states reached by what a person records, and the JSON the API sends for it.
#include <gtest/gtest.h>

#include "app/catalog_loader.h"
#include "app/daily_service.h"
#include "app/day_json.h"
#include "store/store_factory.h"
#include "store/store_test_engines.h"

namespace bb::store {
namespace {

using app::kLocalPerson;
using app::TodayStep;
using test_engines::EngineKind;

Date day(const char* text) { return *Date::parse(text); }

coach::Profile profile() {
  coach::Profile p;
  p.birth_year = 1980;
  p.height_cm = 172;
  return p;
}

coach::CheckIn checkin(int pain, std::vector<coach::RedFlag> urgent = {}) {
  coach::CheckIn c;
  c.pain = pain;
  c.feel = coach::Feel::kGood;
  c.urgent_flags = std::move(urgent);
  return c;
}

coach::SessionLog session() {
  coach::SessionLog s;
  s.completed = true;
  s.rope_minutes = 3;
  s.pain_during_max = 2;
  s.pain_after = 2;
  return s;
}

coach::Screening screening_with(std::vector<coach::RedFlag> yes) {
  coach::Screening s;
  for (coach::RedFlag f : yes) s.answers[static_cast<std::size_t>(f)] = true;
  return s;
}

class TodayContractTest : public ::testing::TestWithParam<EngineKind> {
 protected:
  void SetUp() override {
    engine_ = test_engines::make_engine(GetParam());
    const std::string why_not = engine_->prepare_fresh_database();
    if (!why_not.empty()) GTEST_SKIP() << why_not;
    auto opened = open_person_store(engine_->url());
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    store_ = std::move(*opened);
    catalog_ = app::load_embedded_catalog().value();
    service_ = std::make_unique<app::DailyService>(*store_, catalog_);
  }

  app::TodayState today(const char* date) {
    auto state = service_->today(kLocalPerson, day(date));
    if (!state.ok()) {
      ADD_FAILURE() << state.error().describe();
      app::TodayState failed;
      failed.date = day(date);
      return failed;
    }
    return *state;
  }

  std::unique_ptr<test_engines::Engine> engine_;
  std::unique_ptr<app::PersonStore> store_;
  coach::Catalog catalog_;
  std::unique_ptr<app::DailyService> service_;
};

INSTANTIATE_TEST_SUITE_P(store, TodayContractTest,
                         ::testing::Values(EngineKind::kSqlite, EngineKind::kPostgres),
                         test_engines::engine_name);

TEST_P(TodayContractTest, WalksADayFromProfileToLoggedSession) {
  EXPECT_EQ(today("2026-03-01").step, TodayStep::kNeedsProfile);
  ASSERT_TRUE(service_->save_profile(kLocalPerson, day("2026-03-01"), profile()).ok());
  EXPECT_EQ(today("2026-03-01").step, TodayStep::kNeedsScreen);
  ASSERT_TRUE(service_->take_screen(kLocalPerson, day("2026-03-01"), {}).ok());

  app::TodayState state = today("2026-03-01");
  EXPECT_EQ(state.step, TodayStep::kNeedsCheckin);
  EXPECT_FALSE(state.ask_urgent_questions) << "the screen taken today asked them";
  EXPECT_FALSE(state.plan);
  EXPECT_TRUE(today("2026-03-02").ask_urgent_questions);

  ASSERT_TRUE(service_->check_in(kLocalPerson, day("2026-03-01"), checkin(2)).ok());
  state = today("2026-03-01");
  EXPECT_EQ(state.step, TodayStep::kPlanReady);
  ASSERT_TRUE(state.plan);
  EXPECT_FALSE(state.plan->steps.empty());
  EXPECT_EQ(state.plan->status, coach::PlanStatus::kOk);

  ASSERT_TRUE(service_->log_session(kLocalPerson, day("2026-03-01"), session()).ok());
  state = today("2026-03-01");
  EXPECT_EQ(state.step, TodayStep::kSessionLogged);
  ASSERT_TRUE(state.session);
  EXPECT_DOUBLE_EQ(state.session->rope_minutes, 3);

  // The next morning asks for the pain on waking before the check-in; answered, the check-in.
  state = today("2026-03-02");
  EXPECT_EQ(state.step, TodayStep::kNeedsFollowup);
  EXPECT_EQ(state.followup_session_date, day("2026-03-01"));
  EXPECT_EQ(today("2026-03-03").step, TodayStep::kNeedsFollowup) << "the day after still asks";
  EXPECT_EQ(today("2026-03-04").step, TodayStep::kNeedsCheckin) << "too long after to recall";
  ASSERT_TRUE(service_->record_next_morning_pain(kLocalPerson, day("2026-03-01"), 2).ok());
  EXPECT_EQ(today("2026-03-02").step, TodayStep::kNeedsCheckin);

  const nlohmann::json json = app::today_to_json(today("2026-03-01"));
  EXPECT_EQ(json["state"], "session_logged");
  EXPECT_EQ(json["date"], "2026-03-01");
  EXPECT_EQ(json["screen"]["outcome"], "clear");
  EXPECT_FALSE(json["plan"]["steps"].empty());
  EXPECT_EQ(json["session"]["rope_minutes"], 3);
  EXPECT_EQ(json["checkin"]["pain"], 2);
  EXPECT_TRUE(json["advice"].is_null());
}

TEST_P(TodayContractTest, AnUrgentScreenBlocksBeforeAnyCheckIn) {
  ASSERT_TRUE(service_->save_profile(kLocalPerson, day("2026-03-01"), profile()).ok());
  ASSERT_TRUE(service_->take_screen(kLocalPerson, day("2026-03-01"),
                                    screening_with({coach::RedFlag::kSaddleNumbness}))
                  .ok());
  for (const char* date : {"2026-03-01", "2026-03-09"}) {
    const app::TodayState state = today(date);
    EXPECT_EQ(state.step, TodayStep::kBlockedUrgent) << date;
    ASSERT_TRUE(state.plan);
    EXPECT_EQ(state.plan->status, coach::PlanStatus::kUrgent);
    EXPECT_TRUE(state.plan->steps.empty());
    const nlohmann::json json = app::today_to_json(state);
    EXPECT_EQ(json["advice"], coach::safety_advice(coach::FlagSeverity::kUrgent));
    EXPECT_EQ(json["screen"]["urgent"][0], "saddle_numbness");
  }
  // A clearance does not lift an urgent screen; a new screen does.
  ASSERT_TRUE(service_->record_clearance(kLocalPerson, day("2026-03-02")).ok());
  EXPECT_EQ(today("2026-03-03").step, TodayStep::kBlockedUrgent);
  ASSERT_TRUE(service_->take_screen(kLocalPerson, day("2026-03-03"), {}).ok());
  EXPECT_EQ(today("2026-03-03").step, TodayStep::kNeedsCheckin);
}

TEST_P(TodayContractTest, ASeeAClinicianAnswerWaitsForTheClearance) {
  ASSERT_TRUE(service_->save_profile(kLocalPerson, day("2026-03-01"), profile()).ok());
  ASSERT_TRUE(service_->take_screen(kLocalPerson, day("2026-03-01"),
                                    screening_with({coach::RedFlag::kCancerHistory}))
                  .ok());
  app::TodayState state = today("2026-03-01");
  EXPECT_EQ(state.step, TodayStep::kBlockedUntilClearance);
  ASSERT_TRUE(state.plan);
  EXPECT_TRUE(state.plan->has_rule(coach::Rule::kSeeClinician));
  EXPECT_EQ(app::today_to_json(state)["advice"],
            coach::safety_advice(coach::FlagSeverity::kSeeClinician));
  ASSERT_TRUE(service_->record_clearance(kLocalPerson, day("2026-03-02")).ok());
  EXPECT_EQ(today("2026-03-01").step, TodayStep::kBlockedUntilClearance) << "not yet cleared then";
  EXPECT_EQ(today("2026-03-02").step, TodayStep::kNeedsCheckin);
}

TEST_P(TodayContractTest, AnUrgentCheckInBlocksThatDayAndLaterDaysUntilAClearance) {
  ASSERT_TRUE(service_->save_profile(kLocalPerson, day("2026-03-01"), profile()).ok());
  ASSERT_TRUE(service_->take_screen(kLocalPerson, day("2026-03-01"), {}).ok());
  ASSERT_TRUE(service_->check_in(kLocalPerson, day("2026-03-02"),
                                 checkin(2, {coach::RedFlag::kBladderBowelChange}))
                  .ok());
  EXPECT_EQ(today("2026-03-02").step, TodayStep::kBlockedUrgent);
  // The next day is blocked before its check-in: no check-in could lift it.
  const app::TodayState next = today("2026-03-03");
  EXPECT_EQ(next.step, TodayStep::kBlockedUntilClearance);
  ASSERT_TRUE(next.plan);
  EXPECT_TRUE(next.plan->has_rule(coach::Rule::kUrgentNeedsClearance));
  ASSERT_TRUE(service_->record_clearance(kLocalPerson, day("2026-03-03")).ok());
  EXPECT_EQ(today("2026-03-03").step, TodayStep::kNeedsCheckin);
}

}  // namespace
}  // namespace bb::store
