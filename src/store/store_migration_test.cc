// Migration 10 rebuilds the tables a plan reads (SQLite) or changes their constraints and order
// (PostgreSQL). Here a database is filled at version 9, as a release before it left it, then
// opened by the store: every row must read back as written, on both engines.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/store_factory.h"
#include "store/store_test_engines.h"

namespace bb::store {
namespace {

using test_engines::Engine;
using test_engines::engine_name;
using test_engines::EngineKind;

constexpr int kVersionBefore = 9;
constexpr int kPersons = 3;
constexpr int kDays = 400;
const Date kFirstDay = *Date::parse("2025-01-01");

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// What person `person` recorded on day `index`: every day a check-in, on most a session, now and
// then without an effort or a next-morning pain; values vary so a shifted column would show.
coach::Day history_day(int person, int index) {
  coach::Day day;
  day.date = kFirstDay.plus_days(index);
  day.checkin.pain = (index + person) % 11;
  day.checkin.feel = static_cast<coach::Feel>(index % 3);
  day.checkin.leg_symptoms = static_cast<coach::LegSymptoms>((index / 3) % 3);
  if (index % 50 == 7) day.checkin.urgent_flags = {coach::RedFlag::kSaddleNumbness};
  day.checkin.notes = index % 9 == 0 ? "it's \"fine\"; ça va, day " + std::to_string(index) : "";
  if (index % 7 != 3) {
    coach::SessionLog session;
    session.completed = index % 5 != 0;
    session.rope_minutes = 0.5 * (index % 13);
    session.pain_during_max = (index * 3 + person) % 11;
    session.pain_after = (index * 7) % 11;
    session.stopped = static_cast<coach::StopReason>(index % 4);
    if (index % 4 != 1) session.effort = (index + 2 * person) % 11;
    session.notes = index % 11 == 0 ? "rope caught twice" : "";
    day.session = session;
    if (index % 6 != 2) day.next_morning_pain = (index + 5) % 11;
  }
  return day;
}

coach::Profile person_profile(int person) {
  coach::Profile profile;
  profile.birth_year = 1960 + person;
  profile.height_cm = 160 + person;
  profile.rope_experience = static_cast<coach::RopeExperience>(person % 3);
  profile.rope = static_cast<coach::RopeOwned>(person % 6);
  profile.aggravated_by = {coach::Aggravator::kSitting};
  return profile;
}

std::string flags_text(const std::vector<coach::RedFlag>& flags) {
  std::string out;
  for (const coach::RedFlag flag : flags) {
    if (!out.empty()) out += ',';
    out += coach::info(flag).id;
  }
  return out;
}

class StoreMigrationTest : public ::testing::TestWithParam<EngineKind> {
 protected:
  void SetUp() override {
    engine_ = test_engines::make_engine(GetParam());
    const std::string why_not = engine_->prepare_fresh_database();
    if (!why_not.empty()) GTEST_SKIP() << why_not;
  }

  // The schema as migrations 1 to `version` leave it, as the store would have applied them.
  void migrate_to(int version) {
    engine_->execute(std::string(kSchemaVersionTable));
    for (const Migration& migration : migrations()) {
      if (migration.version > version) break;
      const bool postgres = GetParam() == EngineKind::kPostgres;
      engine_->execute(postgres && !migration.postgres_sql.empty()
                           ? std::string(migration.postgres_sql)
                       : postgres ? postgres_dialect(migration.sql)
                                  : std::string(migration.sql));
      engine_->execute("INSERT INTO schema_version (version, description) VALUES (" +
                       std::to_string(migration.version) + ", " +
                       quoted(std::string(migration.description)) + ")");
    }
  }

  void fill_history() {
    for (int person = 1; person <= kPersons; ++person) {
      const std::string id = std::to_string(person);
      const coach::Profile profile = person_profile(person);
      engine_->execute("INSERT INTO persons (id) VALUES (" + id + ")");
      engine_->execute(
          "INSERT INTO profiles (person_id, birth_year, height_cm, rope_experience, rope,"
          " aggravated_by) VALUES (" +
          id + ", " + std::to_string(profile.birth_year) + ", " +
          std::to_string(profile.height_cm) + ", " +
          quoted(std::string(to_string(profile.rope_experience))) + ", " +
          quoted(std::string(to_string(profile.rope))) + ", 'sitting')");
      engine_->execute("INSERT INTO screenings (person_id, screened_on, yes_flags) VALUES (" + id +
                       ", '2024-12-30', " + quoted(person == 2 ? "fever_unwell" : "") + ")");
      if (person != 3) {
        engine_->execute("INSERT INTO clearances (person_id, cleared_on) VALUES (" + id +
                         ", '2024-12-31')");
      }
      std::string checkins;
      std::string sessions;
      for (int index = 0; index < kDays; ++index) {
        const coach::Day day = history_day(person, index);
        const std::string date = quoted(day.date.to_string());
        checkins += std::string(checkins.empty() ? "" : ", ") + "(" + id + ", " + date + ", " +
                    std::to_string(day.checkin.pain) + ", " +
                    quoted(std::string(to_string(day.checkin.feel))) + ", " +
                    quoted(std::string(to_string(day.checkin.leg_symptoms))) + ", " +
                    quoted(flags_text(day.checkin.urgent_flags)) + ", " +
                    quoted(day.checkin.notes) + ")";
        if (!day.session) continue;
        const coach::SessionLog& s = *day.session;
        sessions += std::string(sessions.empty() ? "" : ", ") + "(" + id + ", " + date + ", " +
                    (s.completed ? "1" : "0") + ", " + std::to_string(s.rope_minutes) + ", " +
                    std::to_string(s.pain_during_max) + ", " + std::to_string(s.pain_after) +
                    ", " + quoted(std::string(to_string(s.stopped))) + ", " +
                    (day.next_morning_pain ? std::to_string(*day.next_morning_pain) : "NULL") +
                    ", " + (s.effort ? std::to_string(*s.effort) : "NULL") + ", " +
                    quoted(s.notes) + ")";
      }
      engine_->execute(
          "INSERT INTO checkins (person_id, day, pain, feel, leg_symptoms, urgent_flags, notes)"
          " VALUES " +
          checkins);
      engine_->execute(
          "INSERT INTO sessions (person_id, day, completed, rope_minutes, pain_during_max,"
          " pain_after, stopped, next_morning_pain, effort, notes) VALUES " +
          sessions);
    }
  }

  // Runs `sql` as a store's connection would (foreign keys on); false when the engine refuses it.
  bool accepted(const std::string& sql) {
    if (GetParam() == EngineKind::kPostgres) {
      try {
        engine_->execute(sql);
        return true;
      } catch (const std::exception&) {
        return false;
      }
    }
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(engine_->url().substr(std::string("sqlite:").size()).c_str(), &db),
              SQLITE_OK);
    const std::string with_keys = "PRAGMA foreign_keys = ON; " + sql;
    const int rc = sqlite3_exec(db, with_keys.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
  }

  std::unique_ptr<Engine> engine_;
};

INSTANTIATE_TEST_SUITE_P(store, StoreMigrationTest,
                         ::testing::Values(EngineKind::kSqlite, EngineKind::kPostgres),
                         engine_name);

TEST_P(StoreMigrationTest, EveryRowOfAFilledDatabaseSurvivesTheRebuild) {
  migrate_to(kVersionBefore);
  fill_history();
  const long long checkins = engine_->query_number("SELECT COUNT(*) FROM checkins");
  const long long sessions = engine_->query_number("SELECT COUNT(*) FROM sessions");
  ASSERT_EQ(checkins, kPersons * kDays);

  auto opened = open_person_store(engine_->url());
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  app::PersonStore& store = **opened;
  EXPECT_EQ(engine_->query_number("SELECT MAX(version) FROM schema_version"),
            migrations().back().version);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM checkins"), checkins);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM sessions"), sessions);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM profiles"), kPersons);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM screenings"), kPersons);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM clearances"), kPersons - 1);

  for (int person = 1; person <= kPersons; ++person) {
    auto timeline = store.timeline(person, kFirstDay.plus_days(kDays));
    ASSERT_TRUE(timeline.ok()) << timeline.error().describe();
    const coach::Profile expected_profile = person_profile(person);
    EXPECT_EQ(timeline->profile.birth_year, expected_profile.birth_year);
    EXPECT_EQ(timeline->profile.height_cm, expected_profile.height_cm);
    EXPECT_EQ(timeline->profile.rope_experience, expected_profile.rope_experience);
    EXPECT_EQ(timeline->profile.rope, expected_profile.rope);
    EXPECT_EQ(timeline->profile.aggravated_by, expected_profile.aggravated_by);
    EXPECT_EQ(timeline->screening.yes(coach::RedFlag::kFeverUnwell), person == 2);
    EXPECT_EQ(timeline->clearance.has_value(), person != 3);
    ASSERT_EQ(timeline->days.size(), static_cast<std::size_t>(kDays));
    for (int index = 0; index < kDays; ++index) {
      const coach::Day expected = history_day(person, index);
      const coach::Day& read = timeline->days[static_cast<std::size_t>(index)];
      SCOPED_TRACE("person " + std::to_string(person) + ", " + expected.date.to_string());
      EXPECT_EQ(read.date, expected.date);
      EXPECT_EQ(read.checkin.pain, expected.checkin.pain);
      EXPECT_EQ(read.checkin.feel, expected.checkin.feel);
      EXPECT_EQ(read.checkin.leg_symptoms, expected.checkin.leg_symptoms);
      EXPECT_EQ(read.checkin.urgent_flags, expected.checkin.urgent_flags);
      EXPECT_EQ(read.checkin.notes, expected.checkin.notes);
      ASSERT_EQ(read.session.has_value(), expected.session.has_value());
      EXPECT_EQ(read.next_morning_pain, expected.next_morning_pain);
      if (!expected.session) continue;
      EXPECT_EQ(read.session->completed, expected.session->completed);
      EXPECT_DOUBLE_EQ(read.session->rope_minutes, expected.session->rope_minutes);
      EXPECT_EQ(read.session->pain_during_max, expected.session->pain_during_max);
      EXPECT_EQ(read.session->pain_after, expected.session->pain_after);
      EXPECT_EQ(read.session->stopped, expected.session->stopped);
      EXPECT_EQ(read.session->effort, expected.session->effort);
      EXPECT_EQ(read.session->notes, expected.session->notes);
    }
  }

  // The rebuilt tables keep their rules: the revision triggers, the cascade from a check-in to
  // its session, the value checks.
  auto revision = store.plan_revision(1);
  ASSERT_TRUE(revision.ok() && revision->has_value());
  coach::CheckIn checkin;
  checkin.pain = 2;
  ASSERT_TRUE(store.save_checkin(1, kFirstDay.plus_days(kDays), checkin).ok());
  auto changed = store.plan_revision(1);
  ASSERT_TRUE(changed.ok() && changed->has_value());
  EXPECT_NE(**changed, **revision);
  ASSERT_TRUE(history_day(1, 0).session.has_value());
  EXPECT_TRUE(accepted("DELETE FROM checkins WHERE person_id = 1 AND day = '2025-01-01'"));
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM sessions"), sessions - 1);
  EXPECT_FALSE(
      accepted("UPDATE checkins SET feel = 'great' WHERE person_id = 2 AND day = '2025-01-02'"));
  EXPECT_FALSE(
      accepted("UPDATE sessions SET stopped = 'bored' WHERE person_id = 2 AND day = '2025-01-02'"));
  EXPECT_FALSE(accepted("UPDATE profiles SET rope = 'golden' WHERE person_id = 2"));
  EXPECT_TRUE(
      accepted("UPDATE checkins SET feel = 'okay' WHERE person_id = 2 AND day = '2025-01-02'"));
}

TEST(StoreMigration, SqliteTablesAPlanReadsAreWithoutRowid) {
  auto engine = test_engines::make_engine(EngineKind::kSqlite);
  ASSERT_EQ(engine->prepare_fresh_database(), "");
  ASSERT_TRUE(open_person_store(engine->url()).ok());
  EXPECT_EQ(engine->query_number(
                "SELECT COUNT(*) FROM pragma_table_list WHERE wr = 1 AND name IN"
                " ('profiles', 'screenings', 'clearances', 'checkins', 'sessions')"),
            5);
}

}  // namespace
}  // namespace bb::store
