#include "app/daily_service.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "app/catalog_loader.h"
#include "app/plan_json.h"

namespace bb::app {
namespace {

Date day(const char* text) {
  return *Date::parse(text);
}

// An in-memory PersonStore for one person at a time. Transactions snapshot the whole state and
// restore it on error, which is all the use cases may assume of a real store.
class FakeStore final : public PersonStore {
 public:
  struct State {
    std::set<PersonId> persons;
    std::optional<coach::Profile> profile;
    std::optional<ScreeningRecord> screening;
    std::optional<Date> clearance;
    std::map<Date, coach::CheckIn> checkins;
    std::map<Date, coach::SessionLog> sessions;
    std::map<Date, int> morning;
    std::map<Date, coach::Peg3> pegs;
    std::map<Date, coach::Psfs> psfs;
  };
  State state;
  int writes = 0;
  int timeline_reads = 0;
  bool fail_checkin_writes = false;
  bool knows_revisions = true;

  Status transaction(const std::function<Status()>& work) override {
    const State snapshot = state;
    Status status = work();
    if (!status.ok()) state = snapshot;
    return status;
  }
  Status ensure_person(PersonId person) override {
    ++writes;
    state.persons.insert(person);
    return Status::success();
  }
  Result<std::optional<coach::Profile>> profile(PersonId) override { return state.profile; }
  Status save_profile(PersonId person, const coach::Profile& profile) override {
    if (Status s = known(person); !s.ok()) return s;
    state.profile = profile;
    return Status::success();
  }
  Result<std::optional<ScreeningRecord>> screening(PersonId) override { return state.screening; }
  Status save_screening(PersonId person, const ScreeningRecord& record) override {
    if (Status s = known(person); !s.ok()) return s;
    state.screening = record;
    return Status::success();
  }
  Result<std::optional<Date>> clearance(PersonId) override { return state.clearance; }
  Status record_clearance(PersonId person, Date cleared_on) override {
    if (Status s = known(person); !s.ok()) return s;
    state.clearance = cleared_on;
    return Status::success();
  }
  Status remove_clearance(PersonId) override {
    ++writes;
    state.clearance.reset();
    return Status::success();
  }
  Result<std::optional<coach::CheckIn>> checkin(PersonId, Date date) override {
    auto it = state.checkins.find(date);
    if (it == state.checkins.end()) return std::optional<coach::CheckIn>();
    return std::optional<coach::CheckIn>(it->second);
  }
  Status save_checkin(PersonId person, Date date, const coach::CheckIn& checkin) override {
    if (fail_checkin_writes) return Error::unavailable("disk full");
    if (Status s = known(person); !s.ok()) return s;
    state.checkins[date] = checkin;
    return Status::success();
  }
  Result<std::optional<coach::SessionLog>> session(PersonId, Date date) override {
    auto it = state.sessions.find(date);
    if (it == state.sessions.end()) return std::optional<coach::SessionLog>();
    return std::optional<coach::SessionLog>(it->second);
  }
  Status save_session(PersonId, Date date, const coach::SessionLog& session) override {
    ++writes;
    if (!state.checkins.count(date)) return Error::conflict("no check-in");
    state.sessions[date] = session;
    return Status::success();
  }
  Status save_next_morning_pain(PersonId, Date session_date, int pain) override {
    ++writes;
    if (!state.sessions.count(session_date)) return Error::conflict("no session");
    state.morning[session_date] = pain;
    return Status::success();
  }
  // Every write counts as a change (a failed one too: more changes only cost a recomputation).
  Result<std::optional<std::int64_t>> plan_revision(PersonId person) override {
    if (!knows_revisions || !state.persons.count(person)) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(writes);
  }
  Result<coach::Timeline> timeline(PersonId, Date up_to) override {
    ++timeline_reads;
    coach::Timeline timeline;
    if (state.profile) timeline.profile = *state.profile;
    if (state.screening) timeline.screening = state.screening->screening;
    timeline.clearance = state.clearance;
    for (const auto& [date, checkin] : state.checkins) {
      if (date > up_to) break;
      coach::Day d{date, checkin, std::nullopt, std::nullopt};
      if (auto s = state.sessions.find(date); s != state.sessions.end()) d.session = s->second;
      if (auto m = state.morning.find(date); m != state.morning.end()) {
        d.next_morning_pain = m->second;
      }
      timeline.days.push_back(d);
    }
    return timeline;
  }
  Status add_peg(PersonId person, const DatedPeg3& entry) override {
    if (Status s = known(person); !s.ok()) return s;
    state.pegs[entry.date] = entry.peg;
    return Status::success();
  }
  Result<std::vector<DatedPeg3>> peg_entries(PersonId) override {
    std::vector<DatedPeg3> out;
    for (const auto& [date, peg] : state.pegs) out.push_back({date, peg});
    return out;
  }
  Status add_psfs(PersonId person, const DatedPsfs& entry) override {
    if (Status s = known(person); !s.ok()) return s;
    state.psfs[entry.date] = entry.psfs;
    return Status::success();
  }
  Result<std::vector<DatedPsfs>> psfs_entries(PersonId) override {
    std::vector<DatedPsfs> out;
    for (const auto& [date, psfs] : state.psfs) out.push_back({date, psfs});
    return out;
  }

 private:
  Status known(PersonId person) {
    ++writes;
    if (!state.persons.count(person)) return Error::conflict("unknown person");
    return Status::success();
  }
};

class DailyServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = load_embedded_catalog();
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    catalog_ = new coach::Catalog(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete catalog_;
    catalog_ = nullptr;
  }

  void screen_all_no() {
    ASSERT_TRUE(service_.take_screen(kLocalPerson, day("2026-03-01"), {}).ok());
  }
  void check_in(const char* date, int pain, coach::Feel feel = coach::Feel::kGood) {
    coach::CheckIn checkin;
    checkin.pain = pain;
    checkin.feel = feel;
    Status s = service_.check_in(kLocalPerson, day(date), checkin);
    ASSERT_TRUE(s.ok()) << s.error().describe();
  }

  static coach::Catalog* catalog_;
  FakeStore store_;
  DailyService service_{store_, *catalog_};
};
coach::Catalog* DailyServiceTest::catalog_ = nullptr;

TEST_F(DailyServiceTest, CheckInOutOfRangeIsRejectedBeforeAnyWrite) {
  coach::CheckIn checkin;
  checkin.pain = 11;
  Status s = service_.check_in(kLocalPerson, day("2026-03-02"), checkin);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, "checkin.pain");
  EXPECT_EQ(store_.writes, 0);
}

TEST_F(DailyServiceTest, CheckInRefusesANonUrgentFlagAsAnUrgentAnswer) {
  coach::CheckIn checkin;
  checkin.urgent_flags = {coach::RedFlag::kCancerHistory};
  Status s = service_.check_in(kLocalPerson, day("2026-03-02"), checkin);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "checkin.urgent_flags");
  EXPECT_EQ(store_.writes, 0);
}

TEST_F(DailyServiceTest, AFailedWriteUndoesTheWholeUseCase) {
  store_.fail_checkin_writes = true;
  Status s = service_.check_in(kLocalPerson, day("2026-03-02"), coach::CheckIn{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(store_.state.persons.empty()) << "ensure_person should have been rolled back";
}

TEST_F(DailyServiceTest, PlanNeedsTheScreenThenTodaysCheckIn) {
  auto no_screen = service_.todays_plan(kLocalPerson, day("2026-03-02"));
  ASSERT_FALSE(no_screen.ok());
  EXPECT_EQ(no_screen.error().code, ErrorCode::kNotFound);
  EXPECT_NE(no_screen.error().message.find("screen"), std::string::npos);

  screen_all_no();
  check_in("2026-03-01", 3);
  auto no_checkin = service_.todays_plan(kLocalPerson, day("2026-03-02"));
  ASSERT_FALSE(no_checkin.ok());
  EXPECT_NE(no_checkin.error().message.find("check in first"), std::string::npos);

  check_in("2026-03-02", 3);
  auto plan = service_.todays_plan(kLocalPerson, day("2026-03-02"));
  ASSERT_TRUE(plan.ok()) << plan.error().describe();
  EXPECT_EQ(plan->date, day("2026-03-02"));
  EXPECT_EQ(plan->status, coach::PlanStatus::kOk);
}

TEST_F(DailyServiceTest, APlanIsSentAgainUntilTheRecordsChange) {
  PlanCache plans(16);
  DailyService service(store_, *catalog_, &plans);
  screen_all_no();
  check_in("2026-03-02", 2);
  auto first = service.todays_plan_json(kLocalPerson, day("2026-03-02"));
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(*first, plan_to_json_text(*service_.todays_plan(kLocalPerson, day("2026-03-02"))));
  const int reads = store_.timeline_reads;
  auto again = service.todays_plan_json(kLocalPerson, day("2026-03-02"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *first);
  EXPECT_EQ(store_.timeline_reads, reads) << "the kept plan should have been sent";

  check_in("2026-03-02", 7, coach::Feel::kSensitive);  // a worse morning, checked in again
  auto changed = service.todays_plan_json(kLocalPerson, day("2026-03-02"));
  ASSERT_TRUE(changed.ok());
  EXPECT_NE(*changed, *first);
  EXPECT_EQ(*changed, plan_to_json_text(*service_.todays_plan(kLocalPerson, day("2026-03-02"))));
}

TEST_F(DailyServiceTest, NoPlanIsKeptWithoutACacheOrARevisionOrAPlan) {
  PlanCache plans(16);
  DailyService cached(store_, *catalog_, &plans);
  screen_all_no();
  auto missing = cached.todays_plan_json(kLocalPerson, day("2026-03-02"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(plans.size(), 0u);
  check_in("2026-03-02", 2);
  ASSERT_TRUE(cached.todays_plan_json(kLocalPerson, day("2026-03-02")).ok());
  EXPECT_EQ(plans.size(), 1u);

  int reads = store_.timeline_reads;
  ASSERT_TRUE(service_.todays_plan_json(kLocalPerson, day("2026-03-02")).ok());
  ASSERT_TRUE(service_.todays_plan_json(kLocalPerson, day("2026-03-02")).ok());
  EXPECT_EQ(store_.timeline_reads, reads + 2) << "a service without a cache computes each time";

  store_.knows_revisions = false;
  PlanCache other(16);
  DailyService blind(store_, *catalog_, &other);
  reads = store_.timeline_reads;
  ASSERT_TRUE(blind.todays_plan_json(kLocalPerson, day("2026-03-02")).ok());
  ASSERT_TRUE(blind.todays_plan_json(kLocalPerson, day("2026-03-02")).ok());
  EXPECT_EQ(store_.timeline_reads, reads + 2);
  EXPECT_EQ(other.size(), 0u);
}

TEST_F(DailyServiceTest, ScreenSummarySortsFlagsBySeverity) {
  coach::Screening screening;
  screening.answers[static_cast<std::size_t>(coach::RedFlag::kFeverUnwell)] = true;
  auto summary = service_.take_screen(kLocalPerson, day("2026-03-01"), screening);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->outcome, ScreenOutcome::kSeeClinician);
  EXPECT_EQ(summary->see_clinician, std::vector<coach::RedFlag>{coach::RedFlag::kFeverUnwell});
  EXPECT_FALSE(summary->cleared_on.has_value());

  screening.answers[static_cast<std::size_t>(coach::RedFlag::kSaddleNumbness)] = true;
  summary = service_.take_screen(kLocalPerson, day("2026-03-02"), screening);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->outcome, ScreenOutcome::kUrgent);
}

TEST_F(DailyServiceTest, ANewWarningSignNeedsANewClearance) {
  coach::Screening screening;
  screening.answers[static_cast<std::size_t>(coach::RedFlag::kCancerHistory)] = true;
  ASSERT_TRUE(service_.take_screen(kLocalPerson, day("2026-03-01"), screening).ok());
  ASSERT_TRUE(service_.record_clearance(kLocalPerson, day("2026-03-03")).ok());

  auto same = service_.take_screen(kLocalPerson, day("2026-03-10"), screening);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->cleared_on, day("2026-03-03")) << "the same answers keep the clearance";

  screening.answers[static_cast<std::size_t>(coach::RedFlag::kFeverUnwell)] = true;
  auto worse = service_.take_screen(kLocalPerson, day("2026-03-20"), screening);
  ASSERT_TRUE(worse.ok());
  EXPECT_EQ(worse->outcome, ScreenOutcome::kSeeClinician);
  EXPECT_FALSE(worse->cleared_on.has_value()) << "a new warning sign needs a new clearance";
  EXPECT_FALSE(store_.state.clearance.has_value());
}

TEST_F(DailyServiceTest, SessionNeedsThatDaysCheckIn) {
  Status s = service_.log_session(kLocalPerson, day("2026-03-02"), coach::SessionLog{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(store_.state.sessions.empty());
}

TEST_F(DailyServiceTest, SessionRangesAreChecked) {
  coach::SessionLog session;
  session.pain_after = -1;
  Status s = service_.log_session(kLocalPerson, day("2026-03-02"), session);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "session.pain_after");
  session.pain_after = 0;
  session.rope_minutes = 500;
  s = service_.log_session(kLocalPerson, day("2026-03-02"), session);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "session.rope_minutes");
  EXPECT_EQ(store_.writes, 0);
}

TEST_F(DailyServiceTest, MorningPainNeedsALoggedSession) {
  check_in("2026-03-02", 3);
  Status s = service_.record_next_morning_pain(kLocalPerson, day("2026-03-02"), 2);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(service_.log_session(kLocalPerson, day("2026-03-02"), {true, 3, 2, 2, {}, {}, {}, {}}).ok());
  ASSERT_TRUE(service_.record_next_morning_pain(kLocalPerson, day("2026-03-02"), 2).ok());
  EXPECT_EQ(store_.state.morning.at(day("2026-03-02")), 2);
}

TEST_F(DailyServiceTest, HistoryPairsEachDayWithItsPlan) {
  screen_all_no();
  check_in("2026-03-02", 3);
  ASSERT_TRUE(service_.log_session(kLocalPerson, day("2026-03-02"), {true, 3, 2, 2, {}, {}, {}, {}}).ok());
  ASSERT_TRUE(service_.record_next_morning_pain(kLocalPerson, day("2026-03-02"), 2).ok());
  check_in("2026-03-03", 2);
  auto days = service_.history(kLocalPerson, day("2026-03-03"));
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].plan.date, day("2026-03-02"));
  EXPECT_TRUE((*days)[0].session.has_value());
  EXPECT_EQ((*days)[0].next_morning_pain, 2);
  EXPECT_TRUE((*days)[1].plan.traffic_light.has_value());
}

TEST_F(DailyServiceTest, ProgressCountsRopeTimePerMondayWeek) {
  screen_all_no();
  check_in("2026-03-01", 5);  // a Sunday
  check_in("2026-03-02", 4);  // the next Monday
  check_in("2026-03-04", 4);
  ASSERT_TRUE(service_.log_session(kLocalPerson, day("2026-03-02"), {true, 3, 2, 2, {}, {}, {}, {}}).ok());
  ASSERT_TRUE(service_.log_session(kLocalPerson, day("2026-03-04"), {true, 4, 2, 2, {}, {}, {}, {}}).ok());
  auto progress = service_.progress(kLocalPerson, day("2026-03-04"));
  ASSERT_TRUE(progress.ok());
  ASSERT_EQ(progress->rope_weeks.size(), 2u);
  EXPECT_EQ(progress->rope_weeks[0].week_start, day("2026-02-23"));
  EXPECT_EQ(progress->rope_weeks[0].sessions, 0);
  EXPECT_EQ(progress->rope_weeks[1].week_start, day("2026-03-02"));
  EXPECT_DOUBLE_EQ(progress->rope_weeks[1].rope_minutes, 7);
  EXPECT_EQ(progress->rope_weeks[1].sessions, 2);
  EXPECT_FALSE(progress->pain_change.has_value()) << "one week only";
}

TEST_F(DailyServiceTest, ProgressComparesTheFirstAndLastWeeksOfPain) {
  screen_all_no();
  for (int i = 0; i < 7; ++i) check_in(day("2026-03-01").plus_days(i).to_string().c_str(), 6);
  for (int i = 14; i < 21; ++i) check_in(day("2026-03-01").plus_days(i).to_string().c_str(), 3);
  auto progress = service_.progress(kLocalPerson, day("2026-03-21"));
  ASSERT_TRUE(progress.ok());
  ASSERT_TRUE(progress->pain_change.has_value());
  EXPECT_DOUBLE_EQ(progress->pain_change->baseline, 6);
  EXPECT_DOUBLE_EQ(progress->pain_change->current, 3);
  EXPECT_EQ(progress->pain_change->direction, coach::ChangeDirection::kImproved);
}

TEST_F(DailyServiceTest, PegChangeIsAgainstTheFirstEntry) {
  auto first = service_.add_peg(kLocalPerson, day("2026-03-01"), {6, 6, 6});
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->change.has_value());
  auto later = service_.add_peg(kLocalPerson, day("2026-03-15"), {3, 4, 4});
  ASSERT_TRUE(later.ok());
  ASSERT_TRUE(later->change.has_value());
  EXPECT_EQ(later->change->direction, coach::ChangeDirection::kImproved);
  auto bad = service_.add_peg(kLocalPerson, day("2026-03-22"), {3, 11, 4});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(store_.state.pegs.size(), 2u);
}

TEST_F(DailyServiceTest, PsfsNeedsThreeToFiveActivities) {
  auto bad = service_.add_psfs(kLocalPerson, day("2026-03-01"), {{{"walking", 3}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_.writes, 0);
}

TEST_F(DailyServiceTest, ProfileChecksRangesAndDropsRepeatedAggravators) {
  coach::Profile profile;
  profile.birth_year = 2030;
  Status s = service_.save_profile(kLocalPerson, day("2026-03-01"), profile);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "profile.birth_year");
  profile.birth_year = 1980;
  profile.aggravated_by = {coach::Aggravator::kSitting, coach::Aggravator::kSitting};
  ASSERT_TRUE(service_.save_profile(kLocalPerson, day("2026-03-01"), profile).ok());
  ASSERT_TRUE(store_.state.profile.has_value());
  EXPECT_EQ(store_.state.profile->aggravated_by.size(), 1u);
}

TEST_F(DailyServiceTest, RopeAdviceWaitsForAProfile) {
  auto advice = service_.rope_advice(kLocalPerson);
  ASSERT_FALSE(advice.ok());
  EXPECT_EQ(advice.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service_.save_profile(kLocalPerson, day("2026-03-01"), coach::Profile{}).ok());
  advice = service_.rope_advice(kLocalPerson);
  ASSERT_TRUE(advice.ok());
  EXPECT_GT(advice->length_cm, 0);
}

}  // namespace
}  // namespace bb::app
