// The PersonStore contract, run against every engine: SQLite on a temporary file and PostgreSQL
// in a fresh schema of a test server (see store_test_engines.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/person_store.h"
#include "store/migrations.h"
#include "store/store_factory.h"
#include "store/store_test_engines.h"

// libpqxx 6.4 does not free a libpq result when it finds a connection broken (a few KB per lost
// connection). Not ours to free; keep the leak checker of sanitizer builds quiet about it.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libpqxx\n";
}

namespace bb::store {
namespace {

using app::kLocalPerson;
using test_engines::Engine;
using test_engines::engine_name;
using test_engines::EngineKind;
using test_engines::in_schema;

Date day(const char* text) {
  return *Date::parse(text);
}

class StoreContractTest : public ::testing::TestWithParam<EngineKind> {
 protected:
  void SetUp() override {
    engine_ = test_engines::make_engine(GetParam());
    const std::string why_not = engine_->prepare_fresh_database();
    if (!why_not.empty()) GTEST_SKIP() << why_not;
  }

  std::unique_ptr<app::PersonStore> open_store() {
    auto store = open_person_store(engine_->url());
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().describe());
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Counted on a second connection, so nothing uncommitted can be seen.
  long long count_rows(const std::string& table) {
    return engine_->query_number("SELECT COUNT(*) FROM " + table);
  }

  std::unique_ptr<Engine> engine_;
};

INSTANTIATE_TEST_SUITE_P(store, StoreContractTest,
                         ::testing::Values(EngineKind::kSqlite, EngineKind::kPostgres),
                         engine_name);

coach::CheckIn sample_checkin(int pain) {
  coach::CheckIn checkin;
  checkin.pain = pain;
  checkin.feel = coach::Feel::kGood;
  checkin.leg_symptoms = coach::LegSymptoms::kAboveKnee;
  checkin.urgent_flags = {coach::RedFlag::kSaddleNumbness, coach::RedFlag::kBladderBowelChange};
  checkin.notes = "stiff after the drive, it's \"fine\"; 50% better — ça va";
  return checkin;
}

coach::Profile sample_profile() {
  coach::Profile profile;
  profile.birth_year = 1975;
  profile.height_cm = 182;
  profile.rope_experience = coach::RopeExperience::kSome;
  profile.rope = coach::RopeOwned::kSpeedQuarterLb;
  profile.aggravated_by = {coach::Aggravator::kSitting, coach::Aggravator::kArching};
  return profile;
}

TEST_P(StoreContractTest, AppliesEveryMigrationOnceOverSeveralOpens) {
  { ASSERT_TRUE(open_store()); }
  { ASSERT_TRUE(open_store()); }
  EXPECT_EQ(count_rows("schema_version"), static_cast<long long>(migrations().size()));
  EXPECT_EQ(engine_->query_number("SELECT MAX(version) FROM schema_version"),
            migrations().back().version);
}

TEST_P(StoreContractTest, SeveralProcessesMayOpenAFreshDatabaseAtOnce) {
  std::vector<std::thread> openers;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    openers.emplace_back([&] {
      auto store = open_person_store(engine_->url());
      if (store.ok()) {
        ++opened;
      } else {
        ADD_FAILURE() << store.error().describe();
      }
    });
  }
  for (auto& opener : openers) opener.join();
  EXPECT_EQ(opened.load(), 4);
  EXPECT_EQ(count_rows("schema_version"), static_cast<long long>(migrations().size()));
}

TEST_P(StoreContractTest, RefusesADatabaseFromANewerVersion) {
  { ASSERT_TRUE(open_store()); }
  engine_->execute("INSERT INTO schema_version VALUES (999, 'from the future')");
  auto store = open_person_store(engine_->url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
}

TEST_P(StoreContractTest, AnUnreachableDatabaseIsUnavailable) {
  auto store = open_person_store(engine_->unreachable_url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable) << store.error().describe();
}

TEST_P(StoreContractTest, EnsurePersonIsIdempotent) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->ensure_person(2));
  EXPECT_EQ(count_rows("persons"), 2);
}

TEST_P(StoreContractTest, WritesForAPersonWhoDoesNotExistConflict) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status orphan = store->save_checkin(42, day("2026-03-01"), sample_checkin(3));
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kConflict);
  Status profile = store->save_profile(42, sample_profile());
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.error().code, ErrorCode::kConflict);
}

TEST_P(StoreContractTest, ProfileRoundTripAndReplace) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto missing = store->profile(kLocalPerson);
  ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());

  coach::Profile profile = sample_profile();
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->save_profile(kLocalPerson, profile));
  profile.height_cm = 183;
  profile.rope = coach::RopeOwned::kBeaded;
  profile.aggravated_by = {coach::Aggravator::kLying};
  ASSERT_OK(store->save_profile(kLocalPerson, profile));

  auto loaded = store->profile(kLocalPerson);
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->birth_year, 1975);
  EXPECT_EQ((*loaded)->height_cm, 183);
  EXPECT_EQ((*loaded)->rope_experience, coach::RopeExperience::kSome);
  EXPECT_EQ((*loaded)->rope, coach::RopeOwned::kBeaded);
  EXPECT_EQ((*loaded)->aggravated_by, profile.aggravated_by);
  EXPECT_EQ(count_rows("profiles"), 1);
}

TEST_P(StoreContractTest, ScreeningAndClearanceRoundTripReplaceAndRemove) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  auto no_screening = store->screening(kLocalPerson);
  ASSERT_OK(no_screening);
  EXPECT_FALSE(no_screening->has_value());
  auto no_clearance = store->clearance(kLocalPerson);
  ASSERT_OK(no_clearance);
  EXPECT_FALSE(no_clearance->has_value());

  app::ScreeningRecord first{day("2026-03-01"), {}};
  first.screening.answers[static_cast<std::size_t>(coach::RedFlag::kCancerHistory)] = true;
  first.screening.answers[static_cast<std::size_t>(coach::RedFlag::kSaddleNumbness)] = true;
  ASSERT_OK(store->save_screening(kLocalPerson, first));
  app::ScreeningRecord latest{day("2026-03-02"), {}};
  latest.screening.answers[static_cast<std::size_t>(coach::RedFlag::kCancerHistory)] = true;
  ASSERT_OK(store->save_screening(kLocalPerson, latest));
  ASSERT_OK(store->record_clearance(kLocalPerson, day("2026-03-04")));
  ASSERT_OK(store->record_clearance(kLocalPerson, day("2026-03-05")));

  auto screening = store->screening(kLocalPerson);
  ASSERT_OK(screening);
  ASSERT_TRUE(screening->has_value());
  EXPECT_EQ((*screening)->date, day("2026-03-02"));
  EXPECT_EQ((*screening)->screening.answers, latest.screening.answers);
  auto clearance = store->clearance(kLocalPerson);
  ASSERT_OK(clearance);
  EXPECT_EQ(*clearance, day("2026-03-05"));
  EXPECT_EQ(count_rows("screenings"), 1);
  EXPECT_EQ(count_rows("clearances"), 1);

  ASSERT_OK(store->remove_clearance(kLocalPerson));
  ASSERT_OK(store->remove_clearance(kLocalPerson));  // nothing to remove is fine
  auto removed = store->clearance(kLocalPerson);
  ASSERT_OK(removed);
  EXPECT_FALSE(removed->has_value());
}

TEST_P(StoreContractTest, CheckInRoundTripAndReplaceKeepsItsSession) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  auto missing = store->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());

  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)));
  ASSERT_OK(store->save_session(kLocalPerson, day("2026-03-01"),
                                {true, 4.5, 3, 2, coach::StopReason::kFatigue, {}, {}, {}}));
  coach::CheckIn replaced = sample_checkin(6);
  replaced.feel = coach::Feel::kSensitive;
  replaced.leg_symptoms = coach::LegSymptoms::kNone;
  replaced.urgent_flags = {};
  replaced.notes = "";
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), replaced));

  auto loaded = store->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->pain, 6);
  EXPECT_EQ((*loaded)->feel, coach::Feel::kSensitive);
  EXPECT_EQ((*loaded)->leg_symptoms, coach::LegSymptoms::kNone);
  EXPECT_TRUE((*loaded)->urgent_flags.empty());
  EXPECT_EQ((*loaded)->notes, "");
  auto session = store->session(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(session);
  EXPECT_TRUE(session->has_value());
}

// The decoders are shared, so a stored value that does not read back is refused the same way,
// in the same words, on every engine.
TEST_P(StoreContractTest, AStoredValueThatDoesNotReadBackIsCorrupt) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)));
  ASSERT_OK(store->save_profile(kLocalPerson, sample_profile()));
  engine_->execute("UPDATE checkins SET urgent_flags = 'saddle_numbness,third_eye'");
  engine_->execute("UPDATE profiles SET aggravated_by = 'sitting,flying'");

  auto checkin = store->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_FALSE(checkin.ok());
  EXPECT_EQ(checkin.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(checkin.error().message.find("stored red flag is unreadable: 'third_eye'"),
            std::string::npos)
      << checkin.error().message;
  auto timeline = store->timeline(kLocalPerson, day("2026-03-01"));
  ASSERT_FALSE(timeline.ok());
  EXPECT_EQ(timeline.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(timeline.error().message.find("stored aggravator is unreadable: 'flying'"),
            std::string::npos)
      << timeline.error().message;
}

TEST_P(StoreContractTest, TextIsKeptExactly) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  const coach::CheckIn checkin = sample_checkin(3);
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), checkin));
  auto loaded = store->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->notes, checkin.notes);
  EXPECT_EQ((*loaded)->urgent_flags, checkin.urgent_flags);
}

TEST_P(StoreContractTest, SessionRoundTripAndReplaceKeepsMorningPain) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)));
  auto missing = store->session(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());

  coach::SessionLog session{true, 4.5, 3, 2, coach::StopReason::kFatigue, 6, "felt heavy", {}};
  ASSERT_OK(store->save_session(kLocalPerson, day("2026-03-01"), session));
  ASSERT_OK(store->save_next_morning_pain(kLocalPerson, day("2026-03-01"), 3));
  {
    auto first = store->session(kLocalPerson, day("2026-03-01"));
    ASSERT_OK(first);
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->effort, 6);
    EXPECT_EQ((*first)->notes, "felt heavy");
  }
  session = {
      false, 1.25, 7, 6, coach::StopReason::kSharpPain, {}, "sharp twinge — ça va, \"left\"", {}};
  ASSERT_OK(store->save_session(kLocalPerson, day("2026-03-01"), session));

  auto loaded = store->session(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  EXPECT_FALSE((*loaded)->completed);
  EXPECT_DOUBLE_EQ((*loaded)->rope_minutes, 1.25);
  EXPECT_EQ((*loaded)->pain_during_max, 7);
  EXPECT_EQ((*loaded)->pain_after, 6);
  EXPECT_EQ((*loaded)->stopped, coach::StopReason::kSharpPain);
  EXPECT_FALSE((*loaded)->effort.has_value());  // replaced by a session without one
  EXPECT_EQ((*loaded)->notes, "sharp twinge — ça va, \"left\"");
  auto timeline = store->timeline(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(timeline);
  ASSERT_EQ(timeline->days.size(), 1u);
  EXPECT_EQ(timeline->days[0].next_morning_pain, 3);
  ASSERT_TRUE(timeline->days[0].session.has_value());
  EXPECT_EQ(timeline->days[0].session->notes, (*loaded)->notes);
  EXPECT_EQ(count_rows("sessions"), 1);
}

TEST_P(StoreContractTest, SessionNeedsACheckInAndMorningPainNeedsASession) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  Status session = store->save_session(kLocalPerson, day("2026-03-01"), coach::SessionLog{});
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().code, ErrorCode::kConflict);
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)));
  Status morning = store->save_next_morning_pain(kLocalPerson, day("2026-03-01"), 2);
  ASSERT_FALSE(morning.ok());
  EXPECT_EQ(morning.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count_rows("sessions"), 0);
}

TEST_P(StoreContractTest, EmptyTimelineHasDefaults) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  auto timeline = store->timeline(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(timeline);
  const coach::Timeline defaults;
  EXPECT_EQ(timeline->profile.birth_year, defaults.profile.birth_year);
  EXPECT_EQ(timeline->profile.rope, defaults.profile.rope);
  EXPECT_EQ(timeline->screening.answers, defaults.screening.answers);
  EXPECT_FALSE(timeline->clearance.has_value());
  EXPECT_TRUE(timeline->days.empty());
}

TEST_P(StoreContractTest, TimelineAssemblesEverythingInDateOrder) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  ASSERT_OK(store->ensure_person(2));
  ASSERT_OK(store->save_profile(kLocalPerson, sample_profile()));
  app::ScreeningRecord screen{day("2026-02-27"), {}};
  screen.screening.answers[static_cast<std::size_t>(coach::RedFlag::kCancerHistory)] = true;
  ASSERT_OK(store->save_screening(kLocalPerson, screen));
  ASSERT_OK(store->record_clearance(kLocalPerson, day("2026-02-28")));
  // Written out of order on purpose, with another person's day in between.
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-03"), sample_checkin(2)));
  ASSERT_OK(store->save_checkin(2, day("2026-03-02"), sample_checkin(9)));
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)));
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-05"), sample_checkin(1)));
  ASSERT_OK(store->save_session(kLocalPerson, day("2026-03-01"),
                                {true, 4.5, 3, 2, coach::StopReason::kFatigue, {}, {}, {}}));
  ASSERT_OK(store->save_next_morning_pain(kLocalPerson, day("2026-03-01"), 3));
  ASSERT_OK(store->save_session(kLocalPerson, day("2026-03-03"),
                                {true, 5.0, 2, 1, coach::StopReason::kNone, {}, {}, {}}));

  auto timeline = store->timeline(kLocalPerson, day("2026-03-04"));
  ASSERT_OK(timeline);
  EXPECT_EQ(timeline->profile.birth_year, 1975);
  EXPECT_EQ(timeline->profile.aggravated_by, sample_profile().aggravated_by);
  EXPECT_EQ(timeline->screening.answers, screen.screening.answers);
  EXPECT_EQ(timeline->clearance, day("2026-02-28"));
  ASSERT_EQ(timeline->days.size(), 2u);
  const coach::Day& first = timeline->days[0];
  EXPECT_EQ(first.date, day("2026-03-01"));
  EXPECT_EQ(first.checkin.pain, 4);
  EXPECT_EQ(first.checkin.urgent_flags, sample_checkin(4).urgent_flags);
  EXPECT_EQ(first.checkin.notes, sample_checkin(4).notes);
  ASSERT_TRUE(first.session.has_value());
  EXPECT_DOUBLE_EQ(first.session->rope_minutes, 4.5);
  EXPECT_EQ(first.session->stopped, coach::StopReason::kFatigue);
  EXPECT_EQ(first.next_morning_pain, 3);
  const coach::Day& second = timeline->days[1];
  EXPECT_EQ(second.date, day("2026-03-03"));
  ASSERT_TRUE(second.session.has_value());
  EXPECT_DOUBLE_EQ(second.session->rope_minutes, 5.0);
  EXPECT_FALSE(second.next_morning_pain.has_value());

  auto other = store->timeline(2, day("2026-03-31"));
  ASSERT_OK(other);
  ASSERT_EQ(other->days.size(), 1u);
  EXPECT_EQ(other->days[0].checkin.pain, 9);
  EXPECT_FALSE(other->clearance.has_value());
}

TEST_P(StoreContractTest, MeasuresRoundTripInDateOrderAndReplace) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  auto no_pegs = store->peg_entries(kLocalPerson);
  ASSERT_OK(no_pegs);
  EXPECT_TRUE(no_pegs->empty());
  ASSERT_OK(store->add_peg(kLocalPerson, {day("2026-03-08"), {4, 3, 3}}));
  ASSERT_OK(store->add_peg(kLocalPerson, {day("2026-03-01"), {7, 6, 8}}));
  ASSERT_OK(store->add_peg(kLocalPerson, {day("2026-03-08"), {5, 4, 2}}));
  auto pegs = store->peg_entries(kLocalPerson);
  ASSERT_OK(pegs);
  ASSERT_EQ(pegs->size(), 2u);
  EXPECT_EQ((*pegs)[0].date, day("2026-03-01"));
  EXPECT_EQ((*pegs)[0].peg.activity_interference, 8);
  EXPECT_EQ((*pegs)[1].date, day("2026-03-08"));
  EXPECT_EQ((*pegs)[1].peg.average_pain, 5);
  EXPECT_EQ((*pegs)[1].peg.enjoyment_interference, 4);
  EXPECT_EQ((*pegs)[1].peg.activity_interference, 2);

  coach::Psfs first{{{"tying shoes", 3}, {"lifting a child", 2}, {"a 30-minute walk", 5}}};
  coach::Psfs replaced{{{"tying shoes", 4}, {"gardening", 6}}};
  coach::Psfs earlier{{{"driving", 1}}};
  ASSERT_OK(store->add_psfs(kLocalPerson, {day("2026-03-08"), first}));
  ASSERT_OK(store->add_psfs(kLocalPerson, {day("2026-03-08"), replaced}));
  ASSERT_OK(store->add_psfs(kLocalPerson, {day("2026-03-01"), earlier}));
  auto psfs = store->psfs_entries(kLocalPerson);
  ASSERT_OK(psfs);
  ASSERT_EQ(psfs->size(), 2u);
  EXPECT_EQ((*psfs)[0].date, day("2026-03-01"));
  ASSERT_EQ((*psfs)[0].psfs.activities.size(), 1u);
  EXPECT_EQ((*psfs)[0].psfs.activities[0].name, "driving");
  ASSERT_EQ((*psfs)[1].psfs.activities.size(), 2u);
  EXPECT_EQ((*psfs)[1].psfs.activities[0].name, "tying shoes");
  EXPECT_EQ((*psfs)[1].psfs.activities[0].score, 4);
  EXPECT_EQ((*psfs)[1].psfs.activities[1].name, "gardening");
  EXPECT_EQ(count_rows("psfs_activities"), 3);
}

// Every write that a plan reads, in the order a person makes them; each must give a revision
// not seen before.
std::vector<std::int64_t> revisions_through_a_week(app::PersonStore& store) {
  std::vector<std::int64_t> seen;
  const auto note = [&]() {
    auto revision = store.plan_revision(kLocalPerson);
    EXPECT_TRUE(revision.ok() && revision->has_value());
    seen.push_back(revision.ok() && revision->has_value() ? **revision : -1);
  };
  coach::SessionLog session{true, 4.5, 3, 2, coach::StopReason::kNone, 6, "ok", {}};
  app::ScreeningRecord screen{day("2026-03-01"), {}};
  EXPECT_TRUE(store.ensure_person(kLocalPerson).ok());
  note();
  EXPECT_TRUE(store.save_profile(kLocalPerson, sample_profile()).ok());
  note();
  EXPECT_TRUE(store.save_profile(kLocalPerson, sample_profile()).ok());  // the same again
  note();
  EXPECT_TRUE(store.save_screening(kLocalPerson, screen).ok());
  note();
  EXPECT_TRUE(store.record_clearance(kLocalPerson, day("2026-03-02")).ok());
  note();
  EXPECT_TRUE(store.remove_clearance(kLocalPerson).ok());
  note();
  EXPECT_TRUE(store.save_checkin(kLocalPerson, day("2026-03-02"), sample_checkin(3)).ok());
  note();
  EXPECT_TRUE(store.save_checkin(kLocalPerson, day("2026-03-02"), sample_checkin(4)).ok());
  note();
  EXPECT_TRUE(store.save_session(kLocalPerson, day("2026-03-02"), session).ok());
  note();
  session.pain_after = 5;
  EXPECT_TRUE(store.save_session(kLocalPerson, day("2026-03-02"), session).ok());
  note();
  EXPECT_TRUE(store.save_next_morning_pain(kLocalPerson, day("2026-03-02"), 2).ok());
  note();
  return seen;
}

TEST_P(StoreContractTest, PlanRevisionChangesWithEveryWriteAPlanReads) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto nobody = store->plan_revision(kLocalPerson);
  ASSERT_OK(nobody);
  EXPECT_FALSE(nobody->has_value());

  const std::vector<std::int64_t> seen = revisions_through_a_week(*store);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(seen[i], seen[j]) << "write " << i << ", " << j;
  }
  // Reading changes nothing, and neither does a write that was rolled back.
  ASSERT_OK(store->timeline(kLocalPerson, day("2026-03-31")));
  Status undone = store->transaction([&]() -> Status {
    if (Status s = store->save_checkin(kLocalPerson, day("2026-03-03"), sample_checkin(2));
        !s.ok()) {
      return s;
    }
    return Error::conflict("changed my mind");
  });
  EXPECT_FALSE(undone.ok());
  auto now = store->plan_revision(kLocalPerson);
  ASSERT_OK(now);
  EXPECT_EQ(*now, seen.back());
  // Another connection sees the new revision as soon as the write is committed.
  auto other = open_store();
  ASSERT_TRUE(other);
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-03"), sample_checkin(2)));
  auto after = store->plan_revision(kLocalPerson);
  auto seen_by_other = other->plan_revision(kLocalPerson);
  ASSERT_OK(after);
  ASSERT_OK(seen_by_other);
  EXPECT_NE(*after, seen.back());
  EXPECT_EQ(*seen_by_other, *after);
}

TEST_P(StoreContractTest, APersonIdGivenAgainNeverMeetsAnOldRevision) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<std::int64_t> first = revisions_through_a_week(*store);
  // The account is deleted (everything cascades from persons) and its id is given again.
  engine_->execute("DELETE FROM persons WHERE id = 1");
  const std::vector<std::int64_t> second = revisions_through_a_week(*store);
  for (std::int64_t revision : second) {
    for (std::int64_t old : first) EXPECT_NE(revision, old);
  }
}

TEST_P(StoreContractTest, FailedTransactionLeavesNothingBehind) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    if (Status s = store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
        !s.ok()) {
      return s;
    }
    if (Status s = store->add_peg(kLocalPerson, {day("2026-03-01"), {4, 3, 3}}); !s.ok()) return s;
    return Error::invalid("pain_after", "made up to force a rollback");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "pain_after");
  EXPECT_EQ(count_rows("persons"), 0);
  EXPECT_EQ(count_rows("checkins"), 0);
  EXPECT_EQ(count_rows("peg_entries"), 0);
  // The store is still usable afterwards.
  ASSERT_OK(store->ensure_person(kLocalPerson));
  EXPECT_EQ(count_rows("persons"), 1);
}

TEST_P(StoreContractTest, NothingIsVisibleToOthersBeforeTheOutermostCommit) {
  auto store = open_store();
  ASSERT_TRUE(store);
  long long seen_inside = -1;
  Status status = store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    Status inner = store->transaction([&]() -> Status {
      return store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
    });
    if (!inner.ok()) return inner;
    // The inner call has returned success, but only the outermost call commits.
    seen_inside = count_rows("checkins");
    return Status::success();
  });
  ASSERT_OK(status);
  EXPECT_EQ(seen_inside, 0);
  EXPECT_EQ(count_rows("checkins"), 1);
}

TEST_P(StoreContractTest, AReadTransactionSeesOneSnapshot) {
  auto reader = open_store();
  auto writer = open_store();
  ASSERT_TRUE(reader && writer);
  ASSERT_OK(writer->ensure_person(kLocalPerson));
  ASSERT_OK(writer->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3)));
  std::size_t before = 0;
  std::size_t after_the_write = 0;
  ASSERT_OK(reader->read_transaction([&]() -> Status {
    auto first = reader->timeline(kLocalPerson, day("2026-03-31"));
    if (!first.ok()) return first.error();
    before = first->days.size();
    // Committed by another connection while the read goes on: not part of its snapshot.
    if (Status s = writer->save_checkin(kLocalPerson, day("2026-03-02"), sample_checkin(4));
        !s.ok()) {
      return s;
    }
    auto second = reader->timeline(kLocalPerson, day("2026-03-31"));
    if (!second.ok()) return second.error();
    after_the_write = second->days.size();
    return Status::success();
  }));
  EXPECT_EQ(before, 1u);
  EXPECT_EQ(after_the_write, 1u);
  auto later = reader->timeline(kLocalPerson, day("2026-03-31"));
  ASSERT_OK(later);
  EXPECT_EQ(later->days.size(), 2u);
}

TEST_P(StoreContractTest, AReadTransactionRefusesWriteTransactionsAndNestsInOthers) {
  auto store = open_store();
  ASSERT_TRUE(store);
  // One that reads nothing, and one whose work fails: the work's error comes back.
  ASSERT_OK(store->read_transaction([]() -> Status { return Status::success(); }));
  Status failed = store->read_transaction([&]() -> Status {
    if (auto profile = store->profile(kLocalPerson); !profile.ok()) return profile.error();
    return Error::not_found("nothing here");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kNotFound);
  Status refused = store->read_transaction([&]() -> Status {
    return store->transaction([&]() -> Status { return store->ensure_person(kLocalPerson); });
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInternal);
  EXPECT_EQ(count_rows("persons"), 0);
  // Inside a write transaction it is part of it and sees its uncommitted writes.
  std::size_t seen = 0;
  ASSERT_OK(store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    if (Status s = store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
        !s.ok()) {
      return s;
    }
    return store->read_transaction([&]() -> Status {
      auto timeline = store->timeline(kLocalPerson, day("2026-03-31"));
      if (!timeline.ok()) return timeline.error();
      seen = timeline->days.size();
      return Status::success();
    });
  }));
  EXPECT_EQ(seen, 1u);
  EXPECT_EQ(count_rows("checkins"), 1);
  // And the connection is still fine for reads and writes afterwards.
  ASSERT_OK(store->read_transaction([&]() -> Status {
    return store->profile(kLocalPerson).ok() ? Status::success() : Error::internal("profile");
  }));
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-02"), sample_checkin(3)));
}

TEST_P(StoreContractTest, NestedTransactionRollsBackOnlyItsOwnWrites) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    Status inner = store->transaction([&]() -> Status {
      if (Status s = store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
          !s.ok()) {
        return s;
      }
      return Error::conflict("undo the check-in only");
    });
    EXPECT_FALSE(inner.ok());
    // Still inside the outer transaction, which goes on.
    return store->add_peg(kLocalPerson, {day("2026-03-01"), {4, 3, 3}});
  });
  ASSERT_OK(status);
  EXPECT_EQ(count_rows("persons"), 1);
  EXPECT_EQ(count_rows("checkins"), 0);
  EXPECT_EQ(count_rows("peg_entries"), 1);
}

TEST_P(StoreContractTest, OuterFailureUndoesCommittedInnerTransactions) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    Status inner = store->transaction([&]() { return store->ensure_person(kLocalPerson); });
    if (!inner.ok()) return inner;
    return Error::conflict("undo everything");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(count_rows("persons"), 0);
}

TEST_P(StoreContractTest, AFailedWriteDoesNotSpoilTheTransactionAroundIt) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    Status refused = store->save_session(kLocalPerson, day("2026-03-01"), coach::SessionLog{});
    EXPECT_EQ(refused.ok() ? ErrorCode::kInternal : refused.error().code, ErrorCode::kConflict);
    return store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
  });
  ASSERT_OK(status);
  EXPECT_EQ(count_rows("checkins"), 1);
  EXPECT_EQ(count_rows("sessions"), 0);
}

TEST_P(StoreContractTest, CommittedDataIsThereAfterReopening) {
  {
    auto store = open_store();
    ASSERT_TRUE(store);
    ASSERT_OK(store->transaction([&]() -> Status {
      if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
      if (Status s = store->save_profile(kLocalPerson, sample_profile()); !s.ok()) return s;
      return store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(5));
    }));
  }
  auto reopened = open_store();
  ASSERT_TRUE(reopened);
  auto checkin = reopened->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_OK(checkin);
  ASSERT_TRUE(checkin->has_value());
  EXPECT_EQ((*checkin)->pain, 5);
  auto profile = reopened->profile(kLocalPerson);
  ASSERT_OK(profile);
  ASSERT_TRUE(profile->has_value());
  EXPECT_EQ((*profile)->height_cm, 182);
}

TEST_P(StoreContractTest, ALostConnectionIsReplacedWithoutThrowing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ensure_person(kLocalPerson));
  if (!engine_->drop_other_connections()) GTEST_SKIP() << "a file has no connection to lose";
  // A loss noticed at BEGIN is repaired on the spot; one noticed later, in the middle of the
  // transaction, fails that call as a value (the backend may take a moment to go).
  Status first = store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
  if (!first.ok()) {
    EXPECT_EQ(first.error().code, ErrorCode::kUnavailable) << first.error().describe();
  }
  // Later calls work on a new connection.
  ASSERT_OK(store->save_checkin(kLocalPerson, day("2026-03-02"), sample_checkin(3)));
  auto timeline = store->timeline(kLocalPerson, day("2026-03-31"));
  ASSERT_OK(timeline);
  EXPECT_EQ(timeline->days.size(), first.ok() ? 2u : 1u);
}

// The factory's own choices, engine aside.
TEST(OpenPersonStore, RefusesAnUnknownSchemeAndAnEmptyUrl) {
  for (const char* url : {"", "sqlite:", "mysql://localhost/bounceback"}) {
    auto store = open_person_store(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument) << url;
    EXPECT_EQ(store.error().field, "db");
  }
}

TEST(OpenPersonStore, TakesABarePathAsSqlite) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("bb_factory_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  {
    auto store = open_person_store((folder / "bare.db").string());
    ASSERT_OK(store);
    ASSERT_OK((*store)->ensure_person(kLocalPerson));
  }
  EXPECT_TRUE(std::filesystem::exists(folder / "bare.db"));
  std::filesystem::remove_all(folder);
}

TEST(InSchema, AddsToTheQuery) {
  EXPECT_EQ(in_schema("postgresql://u@h:5/postgres", "s"),
            "postgresql://u@h:5/postgres?options=-csearch_path%3Ds&application_name=s");
  EXPECT_EQ(in_schema("postgres://h/db?sslmode=disable", "s"),
            "postgres://h/db?sslmode=disable&options=-csearch_path%3Ds&application_name=s");
}

}  // namespace
}  // namespace bb::store
