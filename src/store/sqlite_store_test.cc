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

TEST_F(SqliteStoreTest, UsesWriteAheadLogAndForeignKeys) {
  auto store = open_store();
  ASSERT_TRUE(store);
  // Foreign keys: a check-in for a person who does not exist is refused.
  Status orphan = store->save_checkin(42, day("2026-03-01"), sample_checkin(3));
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(std::filesystem::exists(path_ + "-wal"));
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
