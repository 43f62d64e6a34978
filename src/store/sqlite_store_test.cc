#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/migrations.h"
#include "store/sqlite_recording_store.h"

namespace bb::store {
namespace {

using app::kLocalPerson;

Date day(const char* text) {
  return *Date::parse(text);
}

// A fresh database file in its own temporary folder, removed afterwards.
class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("bb_store_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::unique_ptr<SqliteStore> open_store() {
    auto store = SqliteStore::open(path_);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().describe());
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Counts rows with a second, independent connection, so nothing is hidden by the first one.
  int count_rows(const std::string& table) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT COUNT(*) FROM " + table;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    const int count = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
  }

  std::filesystem::path folder_;
  std::string path_;
};

coach::CheckIn sample_checkin(int pain) {
  coach::CheckIn checkin;
  checkin.pain = pain;
  checkin.feel = coach::Feel::kGood;
  checkin.leg_symptoms = coach::LegSymptoms::kAboveKnee;
  checkin.urgent_flags = {coach::RedFlag::kSaddleNumbness, coach::RedFlag::kBladderBowelChange};
  checkin.notes = "stiff after the drive, it's fine";
  return checkin;
}

TEST_F(SqliteStoreTest, AppliesEveryMigrationOnAFreshFile) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto version = store->schema_version();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, migrations().back().version);
}

// A database left at version 6 with a recording: migration 7 fills the new header columns from
// the analysis kept with it, so existing recordings keep shaping plans.
TEST_F(SqliteStoreTest, MigrationSevenFillsTheRecordingFiguresFromTheKeptAnalysis) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const auto exec = [&](const std::string& sql) {
      char* message = nullptr;
      const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
      EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "") << " in " << sql.substr(0, 80);
      sqlite3_free(message);
    };
    exec(std::string(kSchemaVersionTable));
    for (const Migration& m : migrations()) {
      if (m.version > 6) break;
      exec(std::string(m.sql));
      exec("INSERT INTO schema_version (version, description) VALUES (" + std::to_string(m.version) +
           ", 'test')");
    }
    exec("INSERT INTO persons (id) VALUES (1)");
    exec("INSERT INTO recordings (person_id, day, source, name, created_at, placement, jumps,"
         " cadence_per_min, jump_height_cm, impact_g, duration_s, feedback, analysis, samples)"
         " VALUES (1, '2026-03-04', 'upload', 'a.csv', 0, 'pocket', 57, 118.2, 3.4, 2.61, 31, '',"
         " '{\"jumps\": 57, \"active_seconds\": 29.5, \"trips\": 2, \"longest_run\": 40}', x'00')");
    // A second recording, deleted: its id must never be given again.
    exec("INSERT INTO recordings (person_id, day, source, name, created_at, placement, jumps,"
         " cadence_per_min, jump_height_cm, impact_g, duration_s, feedback, analysis, samples)"
         " VALUES (1, '2026-03-05', 'live', '', 0, 'ankle', 0, 0, 0, 0, 1, '', '{}', x'00')");
    exec("DELETE FROM recordings WHERE id = 2");
    sqlite3_close(db);
  }
  auto recordings = SqliteRecordingStore::open(path_);
  ASSERT_TRUE(recordings.ok()) << recordings.error().describe();
  auto headers = (*recordings)->recordings(kLocalPerson);
  ASSERT_TRUE(headers.ok()) << headers.error().describe();
  ASSERT_EQ(headers->size(), 1U);
  EXPECT_DOUBLE_EQ(headers->front().active_seconds, 29.5);
  EXPECT_EQ(headers->front().trips, 2);
  EXPECT_EQ(headers->front().longest_run, 40);
  EXPECT_EQ(headers->front().jumps, 57);
  app::StoredRecording next;
  next.header.date = day("2026-03-06");
  next.header.placement = "pocket";
  next.analysis_json = "{}";
  auto id = (*recordings)->add_recording(kLocalPerson, next, "t,x,y,z\n");
  ASSERT_TRUE(id.ok()) << id.error().describe();
  EXPECT_EQ(*id, 3) << "ids are never given again across the rebuild";
  // The rebuilt table still changes the plan revision.
  auto store = open_store();
  ASSERT_TRUE(store);
  auto before = store->plan_revision(kLocalPerson);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE((*recordings)->delete_recording(kLocalPerson, *id).ok());
  auto after = store->plan_revision(kLocalPerson);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*before, *after);
}

TEST_F(SqliteStoreTest, OpeningTwiceAppliesMigrationsOnce) {
  { ASSERT_TRUE(open_store()); }
  { ASSERT_TRUE(open_store()); }
  EXPECT_EQ(count_rows("schema_version"), static_cast<int>(migrations().size()));
}

TEST_F(SqliteStoreTest, UsesWriteAheadLogAndForeignKeys) {
  auto store = open_store();
  ASSERT_TRUE(store);
  // Foreign keys: a check-in for a person who does not exist is refused.
  Status orphan = store->save_checkin(42, day("2026-03-01"), sample_checkin(3));
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(std::filesystem::exists(path_ + "-wal"));
}

TEST_F(SqliteStoreTest, ProfileRoundTrip) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto missing = store->profile(kLocalPerson);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());

  coach::Profile profile;
  profile.birth_year = 1975;
  profile.height_cm = 182;
  profile.rope_experience = coach::RopeExperience::kSome;
  profile.rope = coach::RopeOwned::kSpeedQuarterLb;
  profile.aggravated_by = {coach::Aggravator::kSitting, coach::Aggravator::kArching};
  ASSERT_TRUE(store->ensure_person(kLocalPerson).ok());
  ASSERT_TRUE(store->save_profile(kLocalPerson, profile).ok());
  profile.height_cm = 183;  // saving again replaces
  ASSERT_TRUE(store->save_profile(kLocalPerson, profile).ok());

  auto loaded = store->profile(kLocalPerson);
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->birth_year, 1975);
  EXPECT_EQ((*loaded)->height_cm, 183);
  EXPECT_EQ((*loaded)->rope_experience, coach::RopeExperience::kSome);
  EXPECT_EQ((*loaded)->rope, coach::RopeOwned::kSpeedQuarterLb);
  EXPECT_EQ((*loaded)->aggravated_by, profile.aggravated_by);
}

TEST_F(SqliteStoreTest, ScreeningAndClearanceRoundTrip) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->ensure_person(kLocalPerson).ok());
  app::ScreeningRecord record{day("2026-03-01"), {}};
  record.screening.answers[static_cast<std::size_t>(coach::RedFlag::kCancerHistory)] = true;
  ASSERT_TRUE(store->save_screening(kLocalPerson, record).ok());
  ASSERT_TRUE(store->record_clearance(kLocalPerson, day("2026-03-04")).ok());

  auto screening = store->screening(kLocalPerson);
  ASSERT_TRUE(screening.ok());
  ASSERT_TRUE(screening->has_value());
  EXPECT_EQ((*screening)->date, day("2026-03-01"));
  EXPECT_EQ((*screening)->screening.answers, record.screening.answers);
  auto clearance = store->clearance(kLocalPerson);
  ASSERT_TRUE(clearance.ok());
  EXPECT_EQ(*clearance, day("2026-03-04"));
  ASSERT_TRUE(store->remove_clearance(kLocalPerson).ok());
  clearance = store->clearance(kLocalPerson);
  ASSERT_TRUE(clearance.ok());
  EXPECT_FALSE(clearance->has_value());
}

TEST_F(SqliteStoreTest, TimelineMergesCheckInsSessionsAndMorningPain) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->ensure_person(kLocalPerson).ok());
  // Written out of order on purpose: the timeline comes back in date order.
  ASSERT_TRUE(store->save_checkin(kLocalPerson, day("2026-03-03"), sample_checkin(2)).ok());
  ASSERT_TRUE(store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4)).ok());
  ASSERT_TRUE(store->save_checkin(kLocalPerson, day("2026-03-05"), sample_checkin(1)).ok());
  coach::SessionLog session{true, 4.5, 3, 2, coach::StopReason::kFatigue, {}, {}, {}};
  ASSERT_TRUE(store->save_session(kLocalPerson, day("2026-03-01"), session).ok());
  ASSERT_TRUE(store->save_next_morning_pain(kLocalPerson, day("2026-03-01"), 3).ok());
  // Logging the session again keeps the morning pain.
  session.pain_after = 1;
  ASSERT_TRUE(store->save_session(kLocalPerson, day("2026-03-01"), session).ok());

  auto timeline = store->timeline(kLocalPerson, day("2026-03-03"));
  ASSERT_TRUE(timeline.ok()) << timeline.error().describe();
  ASSERT_EQ(timeline->days.size(), 2u);
  const coach::Day& first = timeline->days[0];
  EXPECT_EQ(first.date, day("2026-03-01"));
  EXPECT_EQ(first.checkin.pain, 4);
  EXPECT_EQ(first.checkin.feel, coach::Feel::kGood);
  EXPECT_EQ(first.checkin.leg_symptoms, coach::LegSymptoms::kAboveKnee);
  EXPECT_EQ(first.checkin.urgent_flags, sample_checkin(4).urgent_flags);
  EXPECT_EQ(first.checkin.notes, "stiff after the drive, it's fine");
  ASSERT_TRUE(first.session.has_value());
  EXPECT_DOUBLE_EQ(first.session->rope_minutes, 4.5);
  EXPECT_EQ(first.session->pain_during_max, 3);
  EXPECT_EQ(first.session->pain_after, 1);
  EXPECT_EQ(first.session->stopped, coach::StopReason::kFatigue);
  EXPECT_EQ(first.next_morning_pain, 3);
  EXPECT_EQ(timeline->days[1].date, day("2026-03-03"));
  EXPECT_FALSE(timeline->days[1].session.has_value());
  EXPECT_FALSE(timeline->days[1].next_morning_pain.has_value());
}

TEST_F(SqliteStoreTest, SessionNeedsACheckInAndMorningPainNeedsASession) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->ensure_person(kLocalPerson).ok());
  Status session = store->save_session(kLocalPerson, day("2026-03-01"), coach::SessionLog{});
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().code, ErrorCode::kConflict);
  Status morning = store->save_next_morning_pain(kLocalPerson, day("2026-03-01"), 2);
  ASSERT_FALSE(morning.ok());
  EXPECT_EQ(morning.error().code, ErrorCode::kConflict);
}

TEST_F(SqliteStoreTest, FailedTransactionLeavesNothingBehind) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
    if (Status s = store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(3));
        !s.ok()) {
      return s;
    }
    return Error::invalid("pain_after", "made up to force a rollback");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "pain_after");
  EXPECT_EQ(count_rows("persons"), 0);
  EXPECT_EQ(count_rows("checkins"), 0);
}

TEST_F(SqliteStoreTest, NestedTransactionRollsBackOnlyItsOwnWrites) {
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
    return Status::success();
  });
  ASSERT_TRUE(status.ok()) << status.error().describe();
  EXPECT_EQ(count_rows("persons"), 1);
  EXPECT_EQ(count_rows("checkins"), 0);
}

TEST_F(SqliteStoreTest, AReaderIsNotBlockedByAnOpenWriteTransaction) {
  auto writer = open_store();
  auto reader = open_store();
  ASSERT_TRUE(writer && reader);
  ASSERT_TRUE(writer->ensure_person(kLocalPerson).ok());
  Status status = writer->transaction([&]() -> Status {
    if (Status s = writer->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(4));
        !s.ok()) {
      return s;
    }
    // The write-ahead log lets the second connection read the last committed state at once.
    auto seen = reader->checkin(kLocalPerson, day("2026-03-01"));
    EXPECT_TRUE(seen.ok() && !seen->has_value());
    return Status::success();
  });
  ASSERT_TRUE(status.ok());
  auto seen = reader->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(seen->has_value());
}

TEST_F(SqliteStoreTest, CommittedTransactionIsVisibleAfterReopening) {
  {
    auto store = open_store();
    ASSERT_TRUE(store);
    Status status = store->transaction([&]() -> Status {
      if (Status s = store->ensure_person(kLocalPerson); !s.ok()) return s;
      return store->save_checkin(kLocalPerson, day("2026-03-01"), sample_checkin(5));
    });
    ASSERT_TRUE(status.ok());
  }
  auto reopened = open_store();
  ASSERT_TRUE(reopened);
  auto checkin = reopened->checkin(kLocalPerson, day("2026-03-01"));
  ASSERT_TRUE(checkin.ok());
  ASSERT_TRUE(checkin->has_value());
  EXPECT_EQ((*checkin)->pain, 5);
}

TEST_F(SqliteStoreTest, MeasuresRoundTripInDateOrder) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->ensure_person(kLocalPerson).ok());
  ASSERT_TRUE(store->add_peg(kLocalPerson, {day("2026-03-08"), {4, 3, 3}}).ok());
  ASSERT_TRUE(store->add_peg(kLocalPerson, {day("2026-03-01"), {7, 6, 8}}).ok());
  auto pegs = store->peg_entries(kLocalPerson);
  ASSERT_TRUE(pegs.ok());
  ASSERT_EQ(pegs->size(), 2u);
  EXPECT_EQ((*pegs)[0].date, day("2026-03-01"));
  EXPECT_EQ((*pegs)[0].peg.activity_interference, 8);
  EXPECT_EQ((*pegs)[1].peg.average_pain, 4);

  coach::Psfs first{{{"tying shoes", 3}, {"lifting a child", 2}, {"a 30-minute walk", 5}}};
  coach::Psfs replaced{{{"tying shoes", 4}, {"gardening", 6}, {"driving", 7}}};
  ASSERT_TRUE(store->add_psfs(kLocalPerson, {day("2026-03-01"), first}).ok());
  ASSERT_TRUE(store->add_psfs(kLocalPerson, {day("2026-03-01"), replaced}).ok());
  auto psfs = store->psfs_entries(kLocalPerson);
  ASSERT_TRUE(psfs.ok());
  ASSERT_EQ(psfs->size(), 1u);
  ASSERT_EQ((*psfs)[0].psfs.activities.size(), 3u);
  EXPECT_EQ((*psfs)[0].psfs.activities[1].name, "gardening");
  EXPECT_EQ((*psfs)[0].psfs.activities[2].score, 7);
  EXPECT_EQ(count_rows("psfs_activities"), 3);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerVersion) {
  { ASSERT_TRUE(open_store()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_version VALUES (999, 'from the future')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = SqliteStore::open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
}

TEST_F(SqliteStoreTest, ReportsAFileThatIsNotADatabase) {
  {
    std::FILE* file = std::fopen(path_.c_str(), "w");
    ASSERT_NE(file, nullptr);
    std::fputs("this is not a database, just some text that is long enough to matter\n", file);
    std::fclose(file);
  }
  auto store = SqliteStore::open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
}

TEST(DefaultDatabasePath, FollowsXdgDataHome) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("bb_store_xdg_" + std::to_string(::getpid()));
  ASSERT_EQ(::setenv("XDG_DATA_HOME", folder.c_str(), 1), 0);
  auto path = default_database_path();
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, (folder / "bounceback" / "bounceback.db").string());
  EXPECT_TRUE(std::filesystem::is_directory(folder / "bounceback"));
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace bb::store
