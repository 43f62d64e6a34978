// The RecordingStore contract, run against every engine (see store_test_engines.h).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/recording_store.h"
#include "store/store_factory.h"
#include "store/store_test_engines.h"

namespace bb::store {
namespace {

using test_engines::EngineKind;

class RecordingStoreContractTest : public ::testing::TestWithParam<EngineKind> {
 protected:
  void SetUp() override {
    engine_ = test_engines::make_engine(GetParam());
    const std::string why_not = engine_->prepare_fresh_database();
    if (!why_not.empty()) GTEST_SKIP() << why_not;
    auto persons = open_person_store(engine_->url());
    ASSERT_TRUE(persons.ok()) << persons.error().describe();
    ASSERT_TRUE((*persons)->ensure_person(kAlice).ok());
    ASSERT_TRUE((*persons)->ensure_person(kBob).ok());
    auto store = open_recording_store(engine_->url());
    ASSERT_TRUE(store.ok()) << store.error().describe();
    store_ = std::move(*store);
  }

  static constexpr app::PersonId kAlice = 2;
  static constexpr app::PersonId kBob = 3;
  std::unique_ptr<test_engines::Engine> engine_;
  std::unique_ptr<app::RecordingStore> store_;
};

INSTANTIATE_TEST_SUITE_P(store, RecordingStoreContractTest,
                         ::testing::Values(EngineKind::kSqlite, EngineKind::kPostgres),
                         test_engines::engine_name);

app::StoredRecording sample(const char* date, const char* name) {
  app::StoredRecording r;
  r.header.date = *Date::parse(date);
  r.header.source = app::RecordingSource::kUpload;
  r.header.name = name;
  r.header.created_at = 1'790'000'000;
  r.header.placement = "pocket";
  r.header.jumps = 42;
  r.header.cadence_per_min = 118.5;
  r.header.jump_height_cm = 6.25;
  r.header.impact_g = 3.5;
  r.header.duration_s = 61.25;
  r.header.feedback = {"Land softly, knees soft.", "Jumps are high: a few cm is enough — ça va"};
  r.header.active_seconds = 37.5;
  r.header.trips = 3;
  r.header.longest_run = 19;
  r.analysis_json = R"({"jumps":42,"events":[]})";
  return r;
}

// Every byte value, a NUL among them, as an upload may hold.
std::string awkward_bytes() {
  std::string bytes = "t,x,y,z\n0,0,0,1\n";
  for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  return bytes;
}

TEST_P(RecordingStoreContractTest, RoundTripKeepsEveryFieldAndByte) {
  auto id = store_->add_recording(kAlice, sample("2026-03-04", "jumps.csv"), awkward_bytes());
  ASSERT_TRUE(id.ok()) << id.error().describe();
  auto found = store_->recording(kAlice, *id);
  ASSERT_TRUE(found.ok()) << found.error().describe();
  ASSERT_TRUE(found->has_value());
  const app::RecordingHeader& h = (*found)->header;
  EXPECT_EQ(h.id, *id);
  EXPECT_EQ(h.date.to_string(), "2026-03-04");
  EXPECT_EQ(h.source, app::RecordingSource::kUpload);
  EXPECT_EQ(h.name, "jumps.csv");
  EXPECT_EQ(h.created_at, 1'790'000'000);
  EXPECT_EQ(h.placement, "pocket");
  EXPECT_EQ(h.jumps, 42);
  EXPECT_DOUBLE_EQ(h.cadence_per_min, 118.5);
  EXPECT_DOUBLE_EQ(h.jump_height_cm, 6.25);
  EXPECT_DOUBLE_EQ(h.impact_g, 3.5);
  EXPECT_DOUBLE_EQ(h.duration_s, 61.25);
  EXPECT_EQ(h.feedback, sample("2026-03-04", "").header.feedback);
  EXPECT_DOUBLE_EQ(h.active_seconds, 37.5);
  EXPECT_EQ(h.trips, 3);
  EXPECT_EQ(h.longest_run, 19);
  EXPECT_EQ((*found)->analysis_json, R"({"jumps":42,"events":[]})");
  auto bytes = store_->recording_samples(kAlice, *id);
  ASSERT_TRUE(bytes.ok()) << bytes.error().describe();
  ASSERT_TRUE(bytes->has_value());
  EXPECT_EQ(**bytes, awkward_bytes());
}

TEST_P(RecordingStoreContractTest, ListsByDateThenIdAndOnlyTheOwners) {
  auto later = store_->add_recording(kAlice, sample("2026-03-05", "b"), "x");
  auto earlier = store_->add_recording(kAlice, sample("2026-03-01", "a"), "x");
  auto same_day = store_->add_recording(kAlice, sample("2026-03-05", "c"), "x");
  auto bobs = store_->add_recording(kBob, sample("2026-03-02", "bob"), "x");
  ASSERT_TRUE(later.ok() && earlier.ok() && same_day.ok() && bobs.ok());
  auto list = store_->recordings(kAlice);
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->size(), 3U);
  EXPECT_EQ((*list)[0].name, "a");
  EXPECT_EQ((*list)[1].name, "b");
  EXPECT_EQ((*list)[2].name, "c");
  EXPECT_LT(*later, *same_day);
}

TEST_P(RecordingStoreContractTest, AnotherPersonsRecordingIsNotFoundNorDeleted) {
  auto id = store_->add_recording(kAlice, sample("2026-03-04", "mine"), "x");
  ASSERT_TRUE(id.ok());
  auto as_bob = store_->recording(kBob, *id);
  ASSERT_TRUE(as_bob.ok());
  EXPECT_FALSE(as_bob->has_value());
  auto bytes = store_->recording_samples(kBob, *id);
  ASSERT_TRUE(bytes.ok());
  EXPECT_FALSE(bytes->has_value());
  auto deleted = store_->delete_recording(kBob, *id);
  ASSERT_TRUE(deleted.ok());
  EXPECT_FALSE(*deleted);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM recordings"), 1);
}

TEST_P(RecordingStoreContractTest, DeleteRemovesOnceAndMissingIdsAreEmpty) {
  auto id = store_->add_recording(kAlice, sample("2026-03-04", "mine"), "x");
  ASSERT_TRUE(id.ok());
  auto first = store_->delete_recording(kAlice, *id);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  auto again = store_->delete_recording(kAlice, *id);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  auto missing = store_->recording(kAlice, *id);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(RecordingStoreContractTest, APersonWhoDoesNotExistConflicts) {
  auto id = store_->add_recording(99, sample("2026-03-04", "ghost"), "x");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kConflict);
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM recordings"), 0);
}

TEST_P(RecordingStoreContractTest, DeletingThePersonTakesTheirRecordings) {
  ASSERT_TRUE(store_->add_recording(kAlice, sample("2026-03-04", "mine"), "x").ok());
  ASSERT_TRUE(store_->add_recording(kBob, sample("2026-03-04", "bob"), "x").ok());
  auto accounts = open_account_store(engine_->url());
  ASSERT_TRUE(accounts.ok());
  ASSERT_TRUE((*accounts)->delete_account(kAlice).ok());
  EXPECT_EQ(engine_->query_number("SELECT COUNT(*) FROM recordings"), 1);
}

TEST_P(RecordingStoreContractTest, AnUnreadableStoredValueIsCorrupt) {
  auto id = store_->add_recording(kAlice, sample("2026-03-04", "mine"), "x");
  ASSERT_TRUE(id.ok());
  // A copy of the table without its CHECKs holds a source no version ever wrote.
  engine_->execute("ALTER TABLE recordings RENAME TO recordings_old");
  engine_->execute("CREATE TABLE recordings AS SELECT * FROM recordings_old");
  engine_->execute("UPDATE recordings SET source = 'fax'");
  store_.reset();
  auto reopened = open_recording_store(engine_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.error().describe();
  auto list = (*reopened)->recordings(kAlice);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace bb::store
