#include "store/postgres_account_store.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "store/postgres_connection.h"

namespace bb::store {
namespace {

// Serializes new person ids between server instances ("bbids").
constexpr long kNewIdLock = 0x6262696473;

constexpr PgStatement kNextPersonId{
    "account.next_id",
    "UPDATE id_counters SET last_id = GREATEST(last_id, $1, (SELECT COALESCE(MAX(id), 0)"
    " FROM persons)) + 1 WHERE name = 'person' RETURNING last_id"};
constexpr PgStatement kInsertPerson{"account.insert_person",
                                    "INSERT INTO persons (id) VALUES ($1)"};
constexpr PgStatement kInsertAccount{
    "account.insert",
    "INSERT INTO accounts (person_id, email, role, password_hash) VALUES ($1, $2, $3, $4)"};
constexpr PgStatement kAccountByEmail{
    "account.by_email",
    "SELECT person_id, email, role, password_hash, display_name FROM accounts WHERE email = $1"};
constexpr PgStatement kAccountById{
    "account.by_id",
    "SELECT person_id, email, role, password_hash, display_name FROM accounts"
    " WHERE person_id = $1"};
constexpr PgStatement kSetDisplayName{
    "account.set_display_name", "UPDATE accounts SET display_name = $1 WHERE person_id = $2"};
constexpr PgStatement kSaveCalendarSettings{
    "account.save_calendar_settings",
    "INSERT INTO calendar_feeds (person_id, time_zone, start_minute, length_minutes)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) DO UPDATE SET"
    " time_zone = excluded.time_zone, start_minute = excluded.start_minute,"
    " length_minutes = excluded.length_minutes"};
#define BB_CALENDAR_COLUMNS                                  \
  "SELECT person_id, time_zone, start_minute, length_minutes," \
  " CASE WHEN secret_hash IS NULL THEN 0 ELSE 1 END FROM calendar_feeds"
constexpr PgStatement kCalendarSettings{"account.calendar_settings",
                                        BB_CALENDAR_COLUMNS " WHERE person_id = $1"};
constexpr PgStatement kCalendarBySecret{"account.calendar_by_secret",
                                        BB_CALENDAR_COLUMNS " WHERE secret_hash = $1"};
#undef BB_CALENDAR_COLUMNS
constexpr PgStatement kSetCalendarSecret{
    "account.set_calendar_secret",
    "UPDATE calendar_feeds SET secret_hash = NULLIF($1, '') WHERE person_id = $2"};
// Every table hangs off persons with ON DELETE CASCADE: one row takes everything with it.
constexpr PgStatement kDeletePerson{"account.delete", "DELETE FROM persons WHERE id = $1"};
constexpr PgStatement kAddLoginSession{
    "account.add_login_session",
    "INSERT INTO login_sessions (token_hash, person_id, expires_at) VALUES ($1, $2, $3)"};
constexpr PgStatement kLoginSession{
    "account.login_session",
    "SELECT person_id FROM login_sessions WHERE token_hash = $1 AND expires_at > $2"};
constexpr PgStatement kSessionAccount{
    "account.session_account",
    "SELECT a.person_id, a.email, a.role, '', a.display_name FROM login_sessions s"
    " JOIN accounts a ON a.person_id = s.person_id"
    " WHERE s.token_hash = $1 AND s.expires_at > $2"};
constexpr PgStatement kDeleteLoginSession{"account.delete_login_session",
                                          "DELETE FROM login_sessions WHERE token_hash = $1"};
constexpr PgStatement kAttempts{
    "account.attempts",
    "SELECT failures, window_start FROM attempt_windows WHERE attempt_key = $1"};
constexpr PgStatement kSetAttempts{
    "account.set_attempts",
    "INSERT INTO attempt_windows (attempt_key, failures, window_start) VALUES ($1, $2, $3)"
    " ON CONFLICT (attempt_key) DO UPDATE SET failures = excluded.failures,"
    " window_start = excluded.window_start"};
constexpr PgStatement kForgetAttempts{"account.forget_attempts",
                                      "DELETE FROM attempt_windows WHERE window_start < $1"};
constexpr PgStatement kDeleteExpiredSessions{"account.delete_expired_sessions",
                                             "DELETE FROM login_sessions WHERE expires_at <= $1"};
constexpr PgStatement kDeleteOldSessions{
    "account.delete_old_sessions",
    "DELETE FROM login_sessions WHERE person_id = $1 AND token_hash NOT IN"
    " (SELECT token_hash FROM login_sessions WHERE person_id = $1"
    " ORDER BY expires_at DESC, token_hash LIMIT $2)"};
constexpr PgStatement kAddInvite{
    "account.add_invite",
    "INSERT INTO share_invites (code_hash, person_id, expires_at) VALUES ($1, $2, $3)"};
// One statement, so two servers taking the same code at once cannot both get it.
constexpr PgStatement kTakeInvite{
    "account.take_invite",
    "DELETE FROM share_invites WHERE code_hash = $1 RETURNING person_id, expires_at"};
constexpr PgStatement kAddClinicianInvite{
    "account.add_clinician_invite",
    "INSERT INTO clinician_invites (code_hash, expires_at) VALUES ($1, $2)"};
constexpr PgStatement kTakeClinicianInvite{
    "account.take_clinician_invite",
    "DELETE FROM clinician_invites WHERE code_hash = $1 RETURNING expires_at"};
constexpr PgStatement kAddShare{
    "account.add_share",
    "INSERT INTO shares (person_id, clinician_id, since) VALUES ($1, $2, $3)"
    " ON CONFLICT (person_id, clinician_id) DO NOTHING"};
constexpr PgStatement kDeleteShare{"account.delete_share",
                                   "DELETE FROM shares WHERE person_id = $1 AND clinician_id = $2"};
constexpr PgStatement kHasShare{"account.has_share",
                                "SELECT 1 FROM shares WHERE person_id = $1 AND clinician_id = $2"};
constexpr PgStatement kSharesOfPerson{
    "account.shares_of_person",
    "SELECT s.person_id, s.clinician_id, p.email, c.email, s.since, p.display_name,"
    " c.display_name FROM shares s"
    " JOIN accounts p ON p.person_id = s.person_id"
    " JOIN accounts c ON c.person_id = s.clinician_id WHERE s.person_id = $1"
    " ORDER BY s.since, s.person_id, s.clinician_id"};
constexpr PgStatement kSharesWithClinician{
    "account.shares_with_clinician",
    "SELECT s.person_id, s.clinician_id, p.email, c.email, s.since, p.display_name,"
    " c.display_name FROM shares s"
    " JOIN accounts p ON p.person_id = s.person_id"
    " JOIN accounts c ON c.person_id = s.clinician_id WHERE s.clinician_id = $1"
    " ORDER BY s.since, s.person_id, s.clinician_id"};

const std::vector<PgStatement>& statements() {
  static const std::vector<PgStatement> kAll = {
      kNextPersonId,       kInsertPerson,    kInsertAccount,      kAccountByEmail,
      kAccountById,        kDeletePerson,    kAddLoginSession,    kLoginSession,
      kDeleteLoginSession, kAttempts,        kSetAttempts,        kForgetAttempts,
      kDeleteExpiredSessions, kDeleteOldSessions, kAddClinicianInvite, kTakeClinicianInvite,
      kAddInvite,       kTakeInvite,         kAddShare,
      kDeleteShare,        kHasShare,        kSharesOfPerson,     kSharesWithClinician,
      kSessionAccount,     kSetDisplayName,  kSaveCalendarSettings, kCalendarSettings,
      kCalendarBySecret,   kSetCalendarSecret};
  return kAll;
}

template <typename... Args>
pqxx::result run(pqxx::dbtransaction& tx, const PgStatement& statement, Args&&... args) {
  return tx.exec_prepared(statement.name, std::forward<Args>(args)...);
}

Result<std::optional<app::Account>> read_account(const pqxx::result& rows) {
  if (rows.empty()) return std::optional<app::Account>();
  const pqxx::row row = rows[0];
  const std::string role_text = row[2].as<std::string>();
  const std::optional<app::Role> role = app::role_from(role_text);
  if (!role) return Error::corrupt("stored role is unreadable: '" + role_text + "'");
  return std::optional<app::Account>(app::Account{
      row[0].as<app::PersonId>(), row[1].as<std::string>(), *role, row[3].as<std::string>(),
      row[4].as<std::string>()});
}

Result<app::FailureWindow> read_window(const pqxx::result& rows) {
  if (rows.empty()) return app::FailureWindow{};
  return app::FailureWindow{rows[0][0].as<int>(), rows[0][1].as<app::UnixSeconds>()};
}

std::vector<app::ShareRecord> read_shares(const pqxx::result& rows) {
  std::vector<app::ShareRecord> shares;
  for (const pqxx::row& row : rows) {
    shares.push_back({row[0].as<app::PersonId>(), row[1].as<app::PersonId>(),
                      row[2].as<std::string>(), row[3].as<std::string>(),
                      row[4].as<app::UnixSeconds>(), row[5].as<std::string>(),
                      row[6].as<std::string>()});
  }
  return shares;
}

}  // namespace

Result<std::unique_ptr<PostgresAccountStore>> PostgresAccountStore::open(const std::string& url) {
  auto connection = PostgresConnection::open(url, statements());
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<PostgresAccountStore>(new PostgresAccountStore(std::move(*connection)));
}

PostgresAccountStore::PostgresAccountStore(std::unique_ptr<PostgresConnection> connection)
    : connection_(std::move(connection)) {}

PostgresAccountStore::~PostgresAccountStore() = default;

Status PostgresAccountStore::transaction(const std::function<Status()>& work) {
  return connection_->transaction(work);
}

Result<app::PersonId> PostgresAccountStore::create_account(const std::string& email, app::Role role,
                                                           const std::string& password_hash) {
  return connection_->unit(
      "creating an account", [&](pqxx::dbtransaction& tx) -> Result<app::PersonId> {
        // Another instance may be creating an account right now: wait for it, then read the
        // highest id it committed (each statement sees the latest commits).
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kNewIdLock);
        // Ids start above the command line's local person, so a server on the same database
        // never hands that person's records to an account.
        const pqxx::result next = run(tx, kNextPersonId, app::kLocalPerson);
        if (next.empty()) return Error::internal("no next person id");
        const app::PersonId id = next[0][0].as<app::PersonId>();
        run(tx, kInsertPerson, id);
        run(tx, kInsertAccount, id, email, app::to_string(role), password_hash);
        return id;
      });
}

Result<std::optional<app::Account>> PostgresAccountStore::account_by_email(
    const std::string& email) {
  return connection_->unit("reading an account", [&](pqxx::dbtransaction& tx) {
    return read_account(run(tx, kAccountByEmail, email));
  });
}

Result<std::optional<app::Account>> PostgresAccountStore::account_by_id(app::PersonId id) {
  return connection_->unit("reading an account", [&](pqxx::dbtransaction& tx) {
    return read_account(run(tx, kAccountById, id));
  });
}

Status PostgresAccountStore::delete_account(app::PersonId id) {
  return connection_->unit("deleting an account", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kDeletePerson, id);
    return Status::success();
  });
}

Status PostgresAccountStore::set_display_name(app::PersonId id, const std::string& name) {
  return connection_->unit("setting a display name", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSetDisplayName, name, id);
    return Status::success();
  });
}

namespace {

std::optional<app::CalendarFeedRecord> read_calendar(const pqxx::result& rows) {
  if (rows.empty()) return std::nullopt;
  app::CalendarFeedRecord record;
  record.person = rows[0][0].as<app::PersonId>();
  record.settings.time_zone = rows[0][1].as<std::string>();
  record.settings.start_minute = rows[0][2].as<int>();
  record.settings.minutes = rows[0][3].as<int>();
  record.has_secret = rows[0][4].as<int>() != 0;
  return record;
}

}  // namespace

Status PostgresAccountStore::save_calendar_settings(app::PersonId person,
                                                    const app::CalendarSettings& settings) {
  return connection_->unit("saving calendar settings", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSaveCalendarSettings, person, settings.time_zone, settings.start_minute,
        settings.minutes);
    return Status::success();
  });
}

Result<std::optional<app::CalendarFeedRecord>> PostgresAccountStore::calendar_settings(
    app::PersonId person) {
  return connection_->unit(
      "reading calendar settings",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<app::CalendarFeedRecord>> {
        return read_calendar(run(tx, kCalendarSettings, person));
      });
}

Result<bool> PostgresAccountStore::set_calendar_secret(app::PersonId person,
                                                       const std::string& secret_hash) {
  return connection_->unit("saving a calendar secret", [&](pqxx::dbtransaction& tx) -> Result<bool> {
    return run(tx, kSetCalendarSecret, secret_hash, person).affected_rows() > 0;
  });
}

Result<std::optional<app::CalendarFeedRecord>> PostgresAccountStore::calendar_feed_by_secret(
    const std::string& secret_hash) {
  return connection_->unit(
      "reading a calendar feed",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<app::CalendarFeedRecord>> {
        return read_calendar(run(tx, kCalendarBySecret, secret_hash));
      });
}

Status PostgresAccountStore::add_login_session(const std::string& token_hash, app::PersonId id,
                                               app::UnixSeconds expires_at) {
  return connection_->unit("saving a login session", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kAddLoginSession, token_hash, id, expires_at);
    return Status::success();
  });
}

Result<std::optional<app::PersonId>> PostgresAccountStore::login_session(
    const std::string& token_hash, app::UnixSeconds now) {
  return connection_->unit("reading a login session",
                           [&](pqxx::dbtransaction& tx) -> Result<std::optional<app::PersonId>> {
                             const pqxx::result rows = run(tx, kLoginSession, token_hash, now);
                             if (rows.empty()) return std::optional<app::PersonId>();
                             return std::optional<app::PersonId>(rows[0][0].as<app::PersonId>());
                           });
}

Result<std::optional<app::Account>> PostgresAccountStore::session_account(
    const std::string& token_hash, app::UnixSeconds now) {
  return connection_->unit("reading a login session", [&](pqxx::dbtransaction& tx) {
    return read_account(run(tx, kSessionAccount, token_hash, now));
  });
}

Status PostgresAccountStore::delete_login_session(const std::string& token_hash) {
  return connection_->unit("deleting a login session", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kDeleteLoginSession, token_hash);
    return Status::success();
  });
}

Status PostgresAccountStore::prune_login_sessions(app::PersonId id, app::UnixSeconds now,
                                                  std::size_t keep) {
  return connection_->unit("pruning login sessions", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kDeleteExpiredSessions, now);
    run(tx, kDeleteOldSessions, id, static_cast<std::int64_t>(keep));
    return Status::success();
  });
}

Result<app::FailureWindow> PostgresAccountStore::attempts(const std::string& key) {
  if (key.empty()) return app::FailureWindow{};
  return connection_->unit("reading attempts", [&](pqxx::dbtransaction& tx) {
    return read_window(run(tx, kAttempts, key));
  });
}

Status PostgresAccountStore::set_attempts(const std::string& key,
                                          const app::FailureWindow& window) {
  if (key.empty()) return Status::success();
  return connection_->unit("saving attempts", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSetAttempts, key, window.failures, window.window_start);
    return Status::success();
  });
}

Status PostgresAccountStore::forget_attempts_before(app::UnixSeconds start) {
  return connection_->unit("forgetting attempts", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kForgetAttempts, start);
    return Status::success();
  });
}

Status PostgresAccountStore::add_invite(const std::string& code_hash, app::PersonId person,
                                        app::UnixSeconds expires_at) {
  return connection_->unit("saving an invite", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kAddInvite, code_hash, person, expires_at);
    return Status::success();
  });
}

Status PostgresAccountStore::add_clinician_invite(const std::string& code_hash,
                                                  app::UnixSeconds expires_at) {
  return connection_->unit("saving a clinician invite", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kAddClinicianInvite, code_hash, expires_at);
    return Status::success();
  });
}

Result<bool> PostgresAccountStore::take_clinician_invite(const std::string& code_hash,
                                                         app::UnixSeconds now) {
  return connection_->unit("taking a clinician invite",
                           [&](pqxx::dbtransaction& tx) -> Result<bool> {
                             // An expired invite is removed all the same.
                             const pqxx::result rows = run(tx, kTakeClinicianInvite, code_hash);
                             return !rows.empty() && rows[0][0].as<app::UnixSeconds>() > now;
                           });
}

Result<std::optional<app::PersonId>> PostgresAccountStore::take_invite(const std::string& code_hash,
                                                                       app::UnixSeconds now) {
  return connection_->unit("taking an invite",
                           [&](pqxx::dbtransaction& tx) -> Result<std::optional<app::PersonId>> {
                             // An expired invite is removed all the same.
                             const pqxx::result rows = run(tx, kTakeInvite, code_hash);
                             if (rows.empty() || rows[0][1].as<app::UnixSeconds>() <= now) {
                               return std::optional<app::PersonId>();
                             }
                             return std::optional<app::PersonId>(rows[0][0].as<app::PersonId>());
                           });
}

Status PostgresAccountStore::add_share(app::PersonId person, app::PersonId clinician,
                                       app::UnixSeconds since) {
  return connection_->unit("saving a share", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kAddShare, person, clinician, since);
    return Status::success();
  });
}

Result<bool> PostgresAccountStore::delete_share(app::PersonId person, app::PersonId clinician) {
  return connection_->unit("deleting a share", [&](pqxx::dbtransaction& tx) -> Result<bool> {
    return run(tx, kDeleteShare, person, clinician).affected_rows() > 0;
  });
}

Result<bool> PostgresAccountStore::has_share(app::PersonId person, app::PersonId clinician) {
  return connection_->unit("reading a share", [&](pqxx::dbtransaction& tx) -> Result<bool> {
    return !run(tx, kHasShare, person, clinician).empty();
  });
}

Result<std::vector<app::ShareRecord>> PostgresAccountStore::shares_of_person(app::PersonId person) {
  return connection_->unit("reading shares",
                           [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::ShareRecord>> {
                             return read_shares(run(tx, kSharesOfPerson, person));
                           });
}

Result<std::vector<app::ShareRecord>> PostgresAccountStore::shares_with_clinician(
    app::PersonId clinician) {
  return connection_->unit("reading shares",
                           [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::ShareRecord>> {
                             return read_shares(run(tx, kSharesWithClinician, clinician));
                           });
}

Status PostgresAccountStore::ping() {
  return connection_->unit("checking the database", [&](pqxx::dbtransaction& tx) -> Status {
    tx.exec("SELECT COUNT(*) FROM schema_version");
    return Status::success();
  });
}

}  // namespace bb::store
