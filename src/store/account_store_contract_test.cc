// The AccountStore contract, run against every engine: SQLite on a temporary file and PostgreSQL
// in a fresh schema of a test server (see store_test_engines.h).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/account_store.h"
#include "store/store_factory.h"
#include "store/store_test_engines.h"

namespace bb::store {
namespace {

using app::PersonId;
using app::Role;
using test_engines::Engine;
using test_engines::engine_name;
using test_engines::EngineKind;

class AccountStoreContractTest : public ::testing::TestWithParam<EngineKind> {
 protected:
  void SetUp() override {
    engine_ = test_engines::make_engine(GetParam());
    const std::string why_not = engine_->prepare_fresh_database();
    if (!why_not.empty()) GTEST_SKIP() << why_not;
  }

  std::unique_ptr<app::AccountStore> open_store() {
    auto store = open_account_store(engine_->url());
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().describe());
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Counted on a second connection, so nothing uncommitted can be seen.
  long long count_rows(const std::string& table) {
    return engine_->query_number("SELECT COUNT(*) FROM " + table);
  }

  std::unique_ptr<Engine> engine_;
};

INSTANTIATE_TEST_SUITE_P(store, AccountStoreContractTest,
                         ::testing::Values(EngineKind::kSqlite, EngineKind::kPostgres),
                         engine_name);

// Creates an account and fails the test when that does not work.
PersonId create(app::AccountStore& store, const std::string& email, Role role = Role::kPerson) {
  auto id = store.create_account(email, role, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().describe());
  return id.ok() ? *id : 0;
}

TEST_P(AccountStoreContractTest, AccountsRoundTripUnderFreshIds) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId ben = create(*store, "ben@example.org", Role::kClinician);
  EXPECT_GT(ana, app::kLocalPerson);
  EXPECT_NE(ana, ben);

  auto by_email = store->account_by_email("ben@example.org");
  ASSERT_OK(by_email);
  ASSERT_TRUE(by_email->has_value());
  EXPECT_EQ((*by_email)->id, ben);
  EXPECT_EQ((*by_email)->role, Role::kClinician);
  EXPECT_EQ((*by_email)->password_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  auto by_id = store->account_by_id(ana);
  ASSERT_OK(by_id);
  ASSERT_TRUE(by_id->has_value());
  EXPECT_EQ((*by_id)->email, "ana@example.org");
  EXPECT_EQ((*by_id)->role, Role::kPerson);

  auto nobody = store->account_by_email("nobody@example.org");
  ASSERT_OK(nobody);
  EXPECT_FALSE(nobody->has_value());
  auto no_id = store->account_by_id(ben + 100);
  ASSERT_OK(no_id);
  EXPECT_FALSE(no_id->has_value());
}

TEST_P(AccountStoreContractTest, ATakenEmailConflictsAndWritesNothing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  create(*store, "ana@example.org");
  auto again = store->create_account("ana@example.org", Role::kClinician, "hash");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count_rows("accounts"), 1);
  EXPECT_EQ(count_rows("persons"), 1);
}

TEST_P(AccountStoreContractTest, InstancesCreatingAccountsAtOnceGetDistinctIds) {
  constexpr int kInstances = 3;
  constexpr int kEach = 5;
  std::vector<std::thread> instances;
  std::vector<std::vector<PersonId>> ids(kInstances);
  std::atomic<int> failures{0};
  for (int i = 0; i < kInstances; ++i) {
    instances.emplace_back([&, i] {
      auto store = open_account_store(engine_->url());
      if (!store.ok()) {
        ++failures;
        return;
      }
      for (int n = 0; n < kEach; ++n) {
        // Built step by step: g++ 12 at -O3 warns falsely on a chain of string additions.
        std::string email = "p";
        email += std::to_string(i);
        email += '_';
        email += std::to_string(n);
        email += "@example.org";
        auto id = (*store)->create_account(email, Role::kPerson, "hash");
        if (id.ok()) {
          ids[static_cast<std::size_t>(i)].push_back(*id);
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& instance : instances) instance.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<PersonId> distinct;
  for (const auto& list : ids) distinct.insert(list.begin(), list.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kInstances * kEach));
}

TEST_P(AccountStoreContractTest, LoginSessionsExpireAndCanBeDeleted) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  ASSERT_OK(store->add_login_session("token-hash-1", ana, 1000));
  ASSERT_OK(store->add_login_session("token-hash-2", ana, 2000));

  auto live = store->login_session("token-hash-1", 999);
  ASSERT_OK(live);
  EXPECT_EQ(*live, ana);
  auto expired = store->login_session("token-hash-1", 1000);
  ASSERT_OK(expired);
  EXPECT_FALSE(expired->has_value());
  auto unknown = store->login_session("no-such-hash", 0);
  ASSERT_OK(unknown);
  EXPECT_FALSE(unknown->has_value());

  ASSERT_OK(store->delete_login_session("token-hash-2"));
  ASSERT_OK(store->delete_login_session("token-hash-2"));
  auto deleted = store->login_session("token-hash-2", 0);
  ASSERT_OK(deleted);
  EXPECT_FALSE(deleted->has_value());
}

TEST_P(AccountStoreContractTest, ASessionGivesItsAccountWithoutThePasswordHash) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId bo = create(*store, "bo@example.org", Role::kClinician);
  ASSERT_OK(store->add_login_session("token-hash-ana", ana, 1000));
  ASSERT_OK(store->add_login_session("token-hash-bo", bo, 1000));

  auto live = store->session_account("token-hash-bo", 999);
  ASSERT_OK(live);
  ASSERT_TRUE(live->has_value());
  EXPECT_EQ((*live)->id, bo);
  EXPECT_EQ((*live)->email, "bo@example.org");
  EXPECT_EQ((*live)->role, Role::kClinician);
  EXPECT_EQ((*live)->password_hash, "");
  auto expired = store->session_account("token-hash-ana", 1000);
  ASSERT_OK(expired);
  EXPECT_FALSE(expired->has_value());
  auto unknown = store->session_account("no-such-hash", 0);
  ASSERT_OK(unknown);
  EXPECT_FALSE(unknown->has_value());
  ASSERT_OK(store->delete_account(ana));
  auto deleted = store->session_account("token-hash-ana", 0);
  ASSERT_OK(deleted);
  EXPECT_FALSE(deleted->has_value());
}

TEST_P(AccountStoreContractTest, ALoginSessionSavedByOneInstanceIsSeenByAnother) {
  auto first = open_store();
  auto second = open_store();
  ASSERT_TRUE(first && second);
  const PersonId ana = create(*first, "ana@example.org");
  ASSERT_OK(first->add_login_session("token-hash", ana, 5000));
  auto seen = second->login_session("token-hash", 10);
  ASSERT_OK(seen);
  EXPECT_EQ(*seen, ana);
  ASSERT_OK(second->delete_login_session("token-hash"));
  auto gone = first->login_session("token-hash", 10);
  ASSERT_OK(gone);
  EXPECT_FALSE(gone->has_value());
}

TEST_P(AccountStoreContractTest, AttemptWindowsAreKeptPerKeyAndForgottenWhenOld) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto fresh = store->attempts("login ana@example.org from 192.0.2.7");
  ASSERT_OK(fresh);
  EXPECT_EQ(fresh->failures, 0);
  EXPECT_EQ(fresh->window_start, 0);
  ASSERT_OK(store->set_attempts("login ana@example.org from 192.0.2.7", {1, 10}));
  ASSERT_OK(store->set_attempts("login ana@example.org from 192.0.2.7", {2, 10}));
  ASSERT_OK(store->set_attempts("register from 192.0.2.7", {3, 500}));
  auto two = store->attempts("login ana@example.org from 192.0.2.7");
  ASSERT_OK(two);
  EXPECT_EQ(two->failures, 2);
  EXPECT_EQ(two->window_start, 10);
  // An empty key is never stored.
  ASSERT_OK(store->set_attempts("", {9, 9}));
  auto empty = store->attempts("");
  ASSERT_OK(empty);
  EXPECT_EQ(empty->failures, 0);
  EXPECT_EQ(count_rows("attempt_windows"), 2);
  ASSERT_OK(store->forget_attempts_before(100));
  EXPECT_EQ(count_rows("attempt_windows"), 1);
  auto kept = store->attempts("register from 192.0.2.7");
  ASSERT_OK(kept);
  EXPECT_EQ(kept->failures, 3);
}

TEST_P(AccountStoreContractTest, AClinicianInviteIsTakenOnceAndNotAfterItExpires) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->add_clinician_invite("clinician-code-1", 1000));
  ASSERT_OK(store->add_clinician_invite("clinician-code-2", 1000));
  auto taken = store->take_clinician_invite("clinician-code-1", 999);
  ASSERT_OK(taken);
  EXPECT_TRUE(*taken);
  auto again = store->take_clinician_invite("clinician-code-1", 999);
  ASSERT_OK(again);
  EXPECT_FALSE(*again);
  auto expired = store->take_clinician_invite("clinician-code-2", 1000);
  ASSERT_OK(expired);
  EXPECT_FALSE(*expired);
  EXPECT_EQ(count_rows("clinician_invites"), 0);
}

TEST_P(AccountStoreContractTest, AnIdIsNeverGivenAgainAfterItsAccountIsDeleted) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId bea = create(*store, "bea@example.org");
  ASSERT_OK(store->delete_account(bea));
  const PersonId cy = create(*store, "cy@example.org");
  EXPECT_GT(cy, bea);
  EXPECT_GT(bea, ana);
}

TEST_P(AccountStoreContractTest, PruningEndsExpiredSessionsAndTheOldestBeyondTheLimit) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId bea = create(*store, "bea@example.org");
  ASSERT_OK(store->add_login_session("bea-expired", bea, 50));
  for (int i = 1; i <= 4; ++i) {
    ASSERT_OK(store->add_login_session("ana-" + std::to_string(i), ana, 1000 + i));
  }
  ASSERT_OK(store->prune_login_sessions(ana, 100, 2));
  EXPECT_EQ(count_rows("login_sessions"), 2);
  for (const char* gone : {"ana-1", "ana-2"}) {
    auto session = store->login_session(gone, 100);
    ASSERT_OK(session);
    EXPECT_FALSE(session->has_value()) << gone;
  }
  auto newest = store->login_session("ana-4", 100);
  ASSERT_OK(newest);
  EXPECT_EQ(*newest, ana);
}

TEST_P(AccountStoreContractTest, AnInviteIsTakenOnceAndNotAfterItExpires) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  ASSERT_OK(store->add_invite("code-hash-1", ana, 1000));
  ASSERT_OK(store->add_invite("code-hash-2", ana, 1000));

  auto taken = store->take_invite("code-hash-1", 999);
  ASSERT_OK(taken);
  EXPECT_EQ(*taken, ana);
  auto again = store->take_invite("code-hash-1", 999);
  ASSERT_OK(again);
  EXPECT_FALSE(again->has_value());
  auto expired = store->take_invite("code-hash-2", 1000);
  ASSERT_OK(expired);
  EXPECT_FALSE(expired->has_value());
  Status duplicate = store->add_invite("code-hash-3", ana, 1);
  ASSERT_OK(duplicate);
  Status clash = store->add_invite("code-hash-3", ana, 1);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
}

TEST_P(AccountStoreContractTest, ADisplayNameIsKeptAndListedWithTheShares) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId doc = create(*store, "doc@example.org", Role::kClinician);
  auto fresh = store->account_by_id(ana);
  ASSERT_OK(fresh);
  EXPECT_EQ((*fresh)->display_name, "") << "none until the person sets one";
  ASSERT_OK(store->set_display_name(ana, "Ana Núñez"));
  ASSERT_OK(store->add_share(ana, doc, 100));
  auto by_email = store->account_by_email("ana@example.org");
  ASSERT_OK(by_email);
  EXPECT_EQ((*by_email)->display_name, "Ana Núñez");
  auto with_doc = store->shares_with_clinician(doc);
  ASSERT_OK(with_doc);
  ASSERT_EQ(with_doc->size(), 1u);
  EXPECT_EQ((*with_doc)[0].person_name, "Ana Núñez");
  EXPECT_EQ((*with_doc)[0].clinician_name, "");
  ASSERT_OK(store->add_login_session("tokenhash", ana, 1000));
  auto session = store->session_account("tokenhash", 10);
  ASSERT_OK(session);
  EXPECT_EQ((*session)->display_name, "Ana Núñez");
  ASSERT_OK(store->set_display_name(ana, ""));
  auto cleared = store->account_by_id(ana);
  ASSERT_OK(cleared);
  EXPECT_EQ((*cleared)->display_name, "");
}

TEST_P(AccountStoreContractTest, CalendarSettingsAndSecretsRoundTripPerPerson) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId ben = create(*store, "ben@example.org");
  auto none = store->calendar_settings(ana);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());
  // No secret before the settings exist.
  auto early = store->set_calendar_secret(ana, "digest-early");
  ASSERT_OK(early);
  EXPECT_FALSE(*early);
  EXPECT_EQ(count_rows("calendar_feeds"), 0);

  const app::CalendarSettings morning{7 * 60 + 30, 20, "Europe/Berlin"};
  ASSERT_OK(store->save_calendar_settings(ana, morning));
  auto saved = store->calendar_settings(ana);
  ASSERT_OK(saved);
  ASSERT_TRUE(saved->has_value());
  EXPECT_EQ((*saved)->person, ana);
  EXPECT_EQ((*saved)->settings, morning);
  EXPECT_FALSE((*saved)->has_secret);

  auto set = store->set_calendar_secret(ana, "digest-ana-1");
  ASSERT_OK(set);
  EXPECT_TRUE(*set);
  ASSERT_OK(store->save_calendar_settings(ben, {18 * 60, 45, "America/New_York"}));
  ASSERT_OK(store->set_calendar_secret(ben, "digest-ben"));

  // Saving settings again keeps the secret.
  const app::CalendarSettings evening{21 * 60 + 5, 10, "Asia/Kolkata"};
  ASSERT_OK(store->save_calendar_settings(ana, evening));
  auto by_secret = store->calendar_feed_by_secret("digest-ana-1");
  ASSERT_OK(by_secret);
  ASSERT_TRUE(by_secret->has_value());
  EXPECT_EQ((*by_secret)->person, ana);
  EXPECT_EQ((*by_secret)->settings, evening);
  EXPECT_TRUE((*by_secret)->has_secret);
  auto bens = store->calendar_feed_by_secret("digest-ben");
  ASSERT_OK(bens);
  ASSERT_TRUE(bens->has_value());
  EXPECT_EQ((*bens)->person, ben);
  EXPECT_EQ((*bens)->settings.time_zone, "America/New_York");

  // Renewing replaces the secret: the old one finds nothing.
  ASSERT_OK(store->set_calendar_secret(ana, "digest-ana-2"));
  auto old_secret = store->calendar_feed_by_secret("digest-ana-1");
  ASSERT_OK(old_secret);
  EXPECT_FALSE(old_secret->has_value());
  auto new_secret = store->calendar_feed_by_secret("digest-ana-2");
  ASSERT_OK(new_secret);
  ASSERT_TRUE(new_secret->has_value());
  EXPECT_EQ((*new_secret)->person, ana);

  // Revoking (an empty digest) keeps the settings; an empty digest never finds a feed.
  auto revoked = store->set_calendar_secret(ana, "");
  ASSERT_OK(revoked);
  EXPECT_TRUE(*revoked);
  auto after = store->calendar_feed_by_secret("digest-ana-2");
  ASSERT_OK(after);
  EXPECT_FALSE(after->has_value());
  auto by_empty = store->calendar_feed_by_secret("");
  ASSERT_OK(by_empty);
  EXPECT_FALSE(by_empty->has_value());
  auto kept = store->calendar_settings(ana);
  ASSERT_OK(kept);
  ASSERT_TRUE(kept->has_value());
  EXPECT_EQ((*kept)->settings, evening);
  EXPECT_FALSE((*kept)->has_secret);
  // Several people without a secret at once are fine (NULLs do not clash).
  ASSERT_OK(store->set_calendar_secret(ben, ""));
  EXPECT_EQ(count_rows("calendar_feeds"), 2);
}

TEST_P(AccountStoreContractTest, CalendarSettingsOutOfRangeAreRefusedAndWriteNothing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  for (const app::CalendarSettings& bad : {app::CalendarSettings{24 * 60, 20, "UTC"},
                                           app::CalendarSettings{-1, 20, "UTC"},
                                           app::CalendarSettings{60, 4, "UTC"},
                                           app::CalendarSettings{60, 181, "UTC"}}) {
    const Status refused = store->save_calendar_settings(ana, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  }
  const Status no_person = store->save_calendar_settings(ana + 1000, {60, 20, "UTC"});
  ASSERT_FALSE(no_person.ok());
  EXPECT_EQ(no_person.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count_rows("calendar_feeds"), 0);
}

TEST_P(AccountStoreContractTest, TwoPeopleCannotHoldTheSameCalendarSecret) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId ben = create(*store, "ben@example.org");
  ASSERT_OK(store->save_calendar_settings(ana, {60, 20, "UTC"}));
  ASSERT_OK(store->save_calendar_settings(ben, {60, 20, "UTC"}));
  ASSERT_OK(store->set_calendar_secret(ana, "same-digest"));
  auto clash = store->set_calendar_secret(ben, "same-digest");
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  auto found = store->calendar_feed_by_secret("same-digest");
  ASSERT_OK(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->person, ana);
}

TEST_P(AccountStoreContractTest, SharesKeepTheFirstAndListWithEmails) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId cy = create(*store, "cy@example.org");
  const PersonId doc = create(*store, "doc@example.org", Role::kClinician);
  ASSERT_OK(store->add_share(ana, doc, 100));
  ASSERT_OK(store->add_share(ana, doc, 300));  // kept at 100
  ASSERT_OK(store->add_share(cy, doc, 200));

  auto has = store->has_share(ana, doc);
  ASSERT_OK(has);
  EXPECT_TRUE(*has);
  auto reverse = store->has_share(doc, ana);
  ASSERT_OK(reverse);
  EXPECT_FALSE(*reverse);

  auto with_doc = store->shares_with_clinician(doc);
  ASSERT_OK(with_doc);
  ASSERT_EQ(with_doc->size(), 2u);
  EXPECT_EQ((*with_doc)[0].person, ana);
  EXPECT_EQ((*with_doc)[0].person_email, "ana@example.org");
  EXPECT_EQ((*with_doc)[0].clinician_email, "doc@example.org");
  EXPECT_EQ((*with_doc)[0].since, 100);
  EXPECT_EQ((*with_doc)[1].person, cy);
  auto of_ana = store->shares_of_person(ana);
  ASSERT_OK(of_ana);
  ASSERT_EQ(of_ana->size(), 1u);
  EXPECT_EQ((*of_ana)[0].clinician, doc);

  auto deleted = store->delete_share(ana, doc);
  ASSERT_OK(deleted);
  EXPECT_TRUE(*deleted);
  auto deleted_again = store->delete_share(ana, doc);
  ASSERT_OK(deleted_again);
  EXPECT_FALSE(*deleted_again);
  Status no_such_person = store->add_share(ana + 1000, doc, 1);
  ASSERT_FALSE(no_such_person.ok());
  EXPECT_EQ(no_such_person.error().code, ErrorCode::kConflict);
}

TEST_P(AccountStoreContractTest, DeletingAnAccountRemovesEverythingOfIt) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto persons = open_person_store(engine_->url());
  ASSERT_OK(persons);
  const PersonId ana = create(*store, "ana@example.org");
  const PersonId doc = create(*store, "doc@example.org", Role::kClinician);
  coach::CheckIn checkin;
  checkin.pain = 3;
  ASSERT_OK((*persons)->save_checkin(ana, *Date::parse("2026-03-01"), checkin));
  ASSERT_OK(store->add_login_session("token-hash", ana, 5000));
  ASSERT_OK(store->add_invite("code-hash", ana, 5000));
  ASSERT_OK(store->add_share(ana, doc, 1));
  ASSERT_OK(store->save_calendar_settings(ana, {60, 20, "UTC"}));
  ASSERT_OK(store->set_calendar_secret(ana, "calendar-digest"));

  ASSERT_OK(store->delete_account(ana));
  auto gone = store->account_by_id(ana);
  ASSERT_OK(gone);
  EXPECT_FALSE(gone->has_value());
  EXPECT_EQ(count_rows("accounts"), 1);
  EXPECT_EQ(count_rows("persons"), 1);
  EXPECT_EQ(count_rows("checkins"), 0);
  EXPECT_EQ(count_rows("login_sessions"), 0);
  EXPECT_EQ(count_rows("share_invites"), 0);
  EXPECT_EQ(count_rows("shares"), 0);
  EXPECT_EQ(count_rows("calendar_feeds"), 0);
}

TEST_P(AccountStoreContractTest, FailedTransactionLeavesNothingBehind) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transaction([&]() -> Status {
    auto id = store->create_account("ana@example.org", Role::kPerson, "hash");
    if (!id.ok()) return id.error();
    if (Status s = store->add_login_session("token-hash", *id, 5000); !s.ok()) return s;
    return Error::conflict("made up to force a rollback");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(count_rows("accounts"), 0);
  EXPECT_EQ(count_rows("persons"), 0);
  EXPECT_EQ(count_rows("login_sessions"), 0);
  // A refused write inside a transaction leaves the rest of it usable.
  ASSERT_OK(store->transaction([&]() -> Status {
    auto first = store->create_account("ana@example.org", Role::kPerson, "hash");
    if (!first.ok()) return first.error();
    auto clash = store->create_account("ana@example.org", Role::kPerson, "hash");
    EXPECT_FALSE(clash.ok());
    return store->add_login_session("token-hash", *first, 5000);
  }));
  EXPECT_EQ(count_rows("accounts"), 1);
  EXPECT_EQ(count_rows("login_sessions"), 1);
}

TEST_P(AccountStoreContractTest, PingAnswers) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_OK(store->ping());
}

TEST_P(AccountStoreContractTest, PingRecoversAfterALostConnection) {
  auto store = open_store();
  ASSERT_TRUE(store);
  if (!engine_->drop_other_connections()) GTEST_SKIP() << "a file has no connection to lose";
  Status first = store->ping();
  if (!first.ok()) {
    EXPECT_EQ(first.error().code, ErrorCode::kUnavailable) << first.error().describe();
  }
  ASSERT_OK(store->ping());
}

TEST(OpenAccountStore, RefusesAnUnknownScheme) {
  auto store = open_account_store("mysql://localhost/bounceback");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace bb::store
