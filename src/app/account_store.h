// The storage port for accounts, login sessions, failed-login counters and clinician shares.
// Everything a server instance needs to remember lives behind this port, so several instances on
// one database behave as one. Secrets never reach it in clear: passwords arrive as argon2id
// strings, session tokens and invite codes as hashes. Times are Unix seconds given by the caller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/person_store.h"
#include "base/result.h"

namespace bb::app {

using UnixSeconds = std::int64_t;

enum class Role { kPerson, kClinician };

struct Account {
  PersonId id = 0;  // accounts and people share one key
  std::string email;
  Role role = Role::kPerson;
  std::string password_hash;  // crypto_pwhash_str output
  std::string display_name;   // how the person is shown to others (clinicians); may be empty
};

struct ShareRecord {
  PersonId person = 0;
  PersonId clinician = 0;
  std::string person_email;
  std::string clinician_email;
  UnixSeconds since = 0;
  std::string person_name;  // display names; empty when not set
  std::string clinician_name;
};

// When and where a person's calendar feed puts the daily session.
struct CalendarSettings {
  int start_minute = 7 * 60 + 30;  // minutes after local midnight
  int minutes = 20;                // length of each event
  std::string time_zone;           // IANA name, e.g. "Europe/Berlin"
  bool operator==(const CalendarSettings&) const = default;
};

// A person's stored calendar settings, and whether a feed secret is live.
struct CalendarFeedRecord {
  PersonId person = 0;
  CalendarSettings settings;
  bool has_secret = false;
};

// Attempts (failed logins, registrations) counted over a window that starts at the first one.
struct FailureWindow {
  int failures = 0;
  UnixSeconds window_start = 0;
};

// Contract for every implementation: methods never throw; kConflict when a write breaks a
// constraint (an email already taken), kUnavailable when the storage cannot be reached. Not
// thread-safe: one instance per thread (or per request).
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Same semantics as PersonStore::transaction.
  [[nodiscard]] virtual Status transaction(const std::function<Status()>& work) = 0;

  // Creates the account and its person under a fresh id, never one given before (not even to a
  // deleted account); kConflict when the email is taken.
  [[nodiscard]] virtual Result<PersonId> create_account(const std::string& email, Role role,
                                                        const std::string& password_hash) = 0;
  [[nodiscard]] virtual Result<std::optional<Account>> account_by_email(
      const std::string& email) = 0;
  [[nodiscard]] virtual Result<std::optional<Account>> account_by_id(PersonId id) = 0;
  // Removes the account, its person and everything recorded for them, sessions and shares too.
  [[nodiscard]] virtual Status delete_account(PersonId id) = 0;
  // Sets the account's display name (already checked by the caller).
  [[nodiscard]] virtual Status set_display_name(PersonId id, const std::string& name) = 0;

  [[nodiscard]] virtual Status add_login_session(const std::string& token_hash, PersonId id,
                                                 UnixSeconds expires_at) = 0;
  // The account of an unexpired session.
  [[nodiscard]] virtual Result<std::optional<PersonId>> login_session(const std::string& token_hash,
                                                                      UnixSeconds now) = 0;
  [[nodiscard]] virtual Status delete_login_session(const std::string& token_hash) = 0;
  // Deletes every expired session, and the account's oldest ones beyond the newest `keep`.
  [[nodiscard]] virtual Status prune_login_sessions(PersonId id, UnixSeconds now,
                                                    std::size_t keep) = 0;
  // The account of an unexpired session, without its password hash: what login_session and then
  // account_by_id give, in one lookup. The default asks those two.
  [[nodiscard]] virtual Result<std::optional<Account>> session_account(
      const std::string& token_hash, UnixSeconds now) {
    Result<std::optional<PersonId>> id = login_session(token_hash, now);
    if (!id.ok()) return id.error();
    if (!*id) return std::optional<Account>();
    Result<std::optional<Account>> account = account_by_id(**id);
    if (account.ok() && *account) (*account)->password_hash.clear();
    return account;
  }

  // Attempt windows by key (the service makes the keys); an empty key is never stored.
  [[nodiscard]] virtual Result<FailureWindow> attempts(const std::string& key) = 0;
  [[nodiscard]] virtual Status set_attempts(const std::string& key,
                                            const FailureWindow& window) = 0;
  // Forgets windows that started before `start`.
  [[nodiscard]] virtual Status forget_attempts_before(UnixSeconds start) = 0;

  [[nodiscard]] virtual Status add_invite(const std::string& code_hash, PersonId person,
                                          UnixSeconds expires_at) = 0;
  // Removes the invite and returns its person when it exists and has not expired.
  [[nodiscard]] virtual Result<std::optional<PersonId>> take_invite(const std::string& code_hash,
                                                                    UnixSeconds now) = 0;
  // One-use codes, made by the operator, that let an account register as a clinician.
  [[nodiscard]] virtual Status add_clinician_invite(const std::string& code_hash,
                                                    UnixSeconds expires_at) = 0;
  // Removes the invite; true when it existed and had not expired.
  [[nodiscard]] virtual Result<bool> take_clinician_invite(const std::string& code_hash,
                                                           UnixSeconds now) = 0;
  // Adding an existing share keeps the first one.
  [[nodiscard]] virtual Status add_share(PersonId person, PersonId clinician,
                                         UnixSeconds since) = 0;
  // False when there was no such share.
  [[nodiscard]] virtual Result<bool> delete_share(PersonId person, PersonId clinician) = 0;
  [[nodiscard]] virtual Result<bool> has_share(PersonId person, PersonId clinician) = 0;
  [[nodiscard]] virtual Result<std::vector<ShareRecord>> shares_of_person(PersonId person) = 0;
  [[nodiscard]] virtual Result<std::vector<ShareRecord>> shares_with_clinician(
      PersonId clinician) = 0;

  // Calendar feeds: one row per person with the settings and the digest of the feed's secret.
  // Saving settings keeps the secret; a person's first save starts without one.
  [[nodiscard]] virtual Status save_calendar_settings(PersonId person,
                                                      const CalendarSettings& settings) = 0;
  [[nodiscard]] virtual Result<std::optional<CalendarFeedRecord>> calendar_settings(
      PersonId person) = 0;
  // Replaces the secret (empty removes it); false when the person has no settings saved.
  [[nodiscard]] virtual Result<bool> set_calendar_secret(PersonId person,
                                                         const std::string& secret_hash) = 0;
  // The person whose live secret has this digest.
  [[nodiscard]] virtual Result<std::optional<CalendarFeedRecord>> calendar_feed_by_secret(
      const std::string& secret_hash) = 0;

  // A cheap round trip, for readiness checks.
  [[nodiscard]] virtual Status ping() = 0;
};

const char* to_string(Role role);
std::optional<Role> role_from(const std::string& text);

}  // namespace bb::app
