#include "store/sqlite_account_store.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "store/sqlite_connection.h"
#include "store/sqlite_store.h"

namespace bb::store {

// Prepares `sql` into a SqliteQuery named `name` with `args` bound, or returns the error.
#define BB_STATEMENT(name, sql, ...) BB_SQLITE_QUERY(*connection_, name, sql, __VA_ARGS__)

Result<std::unique_ptr<SqliteAccountStore>> SqliteAccountStore::open(const std::string& path) {
  {
    // The person store owns the schema: opening it applies every pending migration.
    auto migrated = SqliteStore::open(path);
    if (!migrated.ok()) return migrated.error();
  }
  auto connection = SqliteConnection::open(path);
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<SqliteAccountStore>(new SqliteAccountStore(std::move(*connection)));
}

SqliteAccountStore::SqliteAccountStore(std::unique_ptr<SqliteConnection> connection)
    : connection_(std::move(connection)) {}

SqliteAccountStore::~SqliteAccountStore() = default;

Status SqliteAccountStore::transaction(const std::function<Status()>& work) {
  return connection_->transaction(work);
}

Result<app::PersonId> SqliteAccountStore::create_account(const std::string& email, app::Role role,
                                                         const std::string& password_hash) {
  app::PersonId id = 0;
  const Status done = transaction([&]() -> Status {
    {
      // Ids start above the command line's local person, so a server on the same file never
      // hands that person's records to an account; the counter never goes back.
      BB_STATEMENT(next,
                   "UPDATE id_counters SET last_id = MAX(last_id, ?, (SELECT COALESCE(MAX(id), 0)"
                   " FROM persons)) + 1 WHERE name = 'person' RETURNING last_id",
                   app::kLocalPerson);
      BB_ASSIGN_OR_RETURN(const bool row, next.step());
      if (!row) return Error::internal("no next person id");
      id = next.integer(0);
    }
    {
      BB_STATEMENT(person, "INSERT INTO persons (id) VALUES (?)", id);
      BB_RETURN_IF_ERROR(person.run());
    }
    BB_STATEMENT(account,
                 "INSERT INTO accounts (person_id, email, role, password_hash) VALUES (?, ?, ?, ?)",
                 id, email, app::to_string(role), password_hash);
    return account.run();
  });
  BB_RETURN_IF_ERROR(done);
  return id;
}

namespace {

template <typename Row>
Result<std::optional<app::Account>> read_account(Row& q) {
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return std::optional<app::Account>();
  const std::optional<app::Role> role = app::role_from(q.text(2));
  if (!role) return Error::corrupt("stored role is unreadable: '" + q.text(2) + "'");
  return std::optional<app::Account>(
      app::Account{q.integer(0), q.text(1), *role, q.text(3), q.text(4)});
}

}  // namespace

Result<std::optional<app::Account>> SqliteAccountStore::account_by_email(const std::string& email) {
  BB_STATEMENT(q,
               "SELECT person_id, email, role, password_hash, display_name FROM accounts"
               " WHERE email = ?",
               email);
  return read_account(q);
}

Result<std::optional<app::Account>> SqliteAccountStore::account_by_id(app::PersonId id) {
  BB_STATEMENT(q,
               "SELECT person_id, email, role, password_hash, display_name FROM accounts"
               " WHERE person_id = ?",
               id);
  return read_account(q);
}

Status SqliteAccountStore::set_display_name(app::PersonId id, const std::string& name) {
  BB_STATEMENT(q, "UPDATE accounts SET display_name = ? WHERE person_id = ?", name, id);
  return q.run();
}

namespace {

constexpr const char* kCalendarColumns =
    "SELECT person_id, time_zone, start_minute, length_minutes,"
    " CASE WHEN secret_hash IS NULL THEN 0 ELSE 1 END FROM calendar_feeds";

Result<std::optional<app::CalendarFeedRecord>> read_calendar(SqliteQuery& q) {
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return std::optional<app::CalendarFeedRecord>();
  app::CalendarFeedRecord record;
  record.person = q.integer(0);
  record.settings.time_zone = q.text(1);
  record.settings.start_minute = static_cast<int>(q.integer(2));
  record.settings.minutes = static_cast<int>(q.integer(3));
  record.has_secret = q.integer(4) != 0;
  return std::optional<app::CalendarFeedRecord>(std::move(record));
}

}  // namespace

Status SqliteAccountStore::save_calendar_settings(app::PersonId person,
                                                  const app::CalendarSettings& settings) {
  BB_STATEMENT(q,
               "INSERT INTO calendar_feeds (person_id, time_zone, start_minute, length_minutes)"
               " VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
               " time_zone = excluded.time_zone, start_minute = excluded.start_minute,"
               " length_minutes = excluded.length_minutes",
               person, settings.time_zone, settings.start_minute, settings.minutes);
  return q.run();
}

Result<std::optional<app::CalendarFeedRecord>> SqliteAccountStore::calendar_settings(
    app::PersonId person) {
  BB_STATEMENT(q, std::string(kCalendarColumns) + " WHERE person_id = ?", person);
  return read_calendar(q);
}

Result<bool> SqliteAccountStore::set_calendar_secret(app::PersonId person,
                                                     const std::string& secret_hash) {
  BB_STATEMENT(q, "UPDATE calendar_feeds SET secret_hash = NULLIF(?, '') WHERE person_id = ?",
               secret_hash, person);
  BB_RETURN_IF_ERROR(q.run());
  return q.changes() > 0;
}

Result<std::optional<app::CalendarFeedRecord>> SqliteAccountStore::calendar_feed_by_secret(
    const std::string& secret_hash) {
  BB_STATEMENT(q, std::string(kCalendarColumns) + " WHERE secret_hash = ?", secret_hash);
  return read_calendar(q);
}

Status SqliteAccountStore::delete_account(app::PersonId id) {
  // Every table hangs off persons with ON DELETE CASCADE: one row takes everything with it.
  BB_STATEMENT(q, "DELETE FROM persons WHERE id = ?", id);
  return q.run();
}

Status SqliteAccountStore::add_login_session(const std::string& token_hash, app::PersonId id,
                                             app::UnixSeconds expires_at) {
  BB_STATEMENT(q, "INSERT INTO login_sessions (token_hash, person_id, expires_at) VALUES (?, ?, ?)",
               token_hash, id, expires_at);
  return q.run();
}

Result<std::optional<app::PersonId>> SqliteAccountStore::login_session(
    const std::string& token_hash, app::UnixSeconds now) {
  BB_STATEMENT(q, "SELECT person_id FROM login_sessions WHERE token_hash = ? AND expires_at > ?",
               token_hash, now);
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return std::optional<app::PersonId>();
  return std::optional<app::PersonId>(q.integer(0));
}

Result<std::optional<app::Account>> SqliteAccountStore::session_account(
    const std::string& token_hash, app::UnixSeconds now) {
  BB_STATEMENT(q,
               "SELECT a.person_id, a.email, a.role, '', a.display_name FROM login_sessions s"
               " JOIN accounts a ON a.person_id = s.person_id"
               " WHERE s.token_hash = ? AND s.expires_at > ?",
               token_hash, now);
  return read_account(q);
}

Status SqliteAccountStore::delete_login_session(const std::string& token_hash) {
  BB_STATEMENT(q, "DELETE FROM login_sessions WHERE token_hash = ?", token_hash);
  return q.run();
}

Status SqliteAccountStore::prune_login_sessions(app::PersonId id, app::UnixSeconds now,
                                                std::size_t keep) {
  {
    BB_STATEMENT(q, "DELETE FROM login_sessions WHERE expires_at <= ?", now);
    BB_RETURN_IF_ERROR(q.run());
  }
  BB_STATEMENT(q,
               "DELETE FROM login_sessions WHERE person_id = ? AND token_hash NOT IN"
               " (SELECT token_hash FROM login_sessions WHERE person_id = ?"
               " ORDER BY expires_at DESC, token_hash LIMIT ?)",
               id, id, static_cast<std::int64_t>(keep));
  return q.run();
}

Result<app::FailureWindow> SqliteAccountStore::attempts(const std::string& key) {
  if (key.empty()) return app::FailureWindow{};
  BB_STATEMENT(q, "SELECT failures, window_start FROM attempt_windows WHERE attempt_key = ?", key);
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return app::FailureWindow{};
  return app::FailureWindow{static_cast<int>(q.integer(0)), q.integer(1)};
}

Status SqliteAccountStore::set_attempts(const std::string& key, const app::FailureWindow& window) {
  if (key.empty()) return Status::success();
  BB_STATEMENT(q,
               "INSERT INTO attempt_windows (attempt_key, failures, window_start) VALUES (?, ?, ?)"
               " ON CONFLICT (attempt_key) DO UPDATE SET failures = excluded.failures,"
               " window_start = excluded.window_start",
               key, window.failures, window.window_start);
  return q.run();
}

Status SqliteAccountStore::forget_attempts_before(app::UnixSeconds start) {
  BB_STATEMENT(q, "DELETE FROM attempt_windows WHERE window_start < ?", start);
  return q.run();
}

Status SqliteAccountStore::add_clinician_invite(const std::string& code_hash,
                                              app::UnixSeconds expires_at) {
  BB_STATEMENT(q, "INSERT INTO clinician_invites (code_hash, expires_at) VALUES (?, ?)", code_hash,
               expires_at);
  return q.run();
}

Result<bool> SqliteAccountStore::take_clinician_invite(const std::string& code_hash,
                                                       app::UnixSeconds now) {
  bool taken = false;
  const Status done = transaction([&]() -> Status {
    {
      BB_STATEMENT(q, "SELECT expires_at FROM clinician_invites WHERE code_hash = ?", code_hash);
      BB_ASSIGN_OR_RETURN(const bool row, q.step());
      if (!row) return Status::success();
      taken = q.integer(0) > now;
    }
    // An expired invite is removed all the same.
    BB_STATEMENT(remove, "DELETE FROM clinician_invites WHERE code_hash = ?", code_hash);
    return remove.run();
  });
  BB_RETURN_IF_ERROR(done);
  return taken;
}

Status SqliteAccountStore::add_invite(const std::string& code_hash, app::PersonId person,
                                      app::UnixSeconds expires_at) {
  BB_STATEMENT(q, "INSERT INTO share_invites (code_hash, person_id, expires_at) VALUES (?, ?, ?)",
               code_hash, person, expires_at);
  return q.run();
}

Result<std::optional<app::PersonId>> SqliteAccountStore::take_invite(const std::string& code_hash,
                                                                     app::UnixSeconds now) {
  std::optional<app::PersonId> person;
  const Status done = transaction([&]() -> Status {
    {
      BB_STATEMENT(q, "SELECT person_id, expires_at FROM share_invites WHERE code_hash = ?",
                   code_hash);
      BB_ASSIGN_OR_RETURN(const bool row, q.step());
      if (row && q.integer(1) > now) person = q.integer(0);
      if (!row) return Status::success();
    }
    BB_STATEMENT(remove, "DELETE FROM share_invites WHERE code_hash = ?", code_hash);
    return remove.run();
  });
  BB_RETURN_IF_ERROR(done);
  return person;
}

Status SqliteAccountStore::add_share(app::PersonId person, app::PersonId clinician,
                                     app::UnixSeconds since) {
  BB_STATEMENT(q,
               "INSERT INTO shares (person_id, clinician_id, since) VALUES (?, ?, ?)"
               " ON CONFLICT (person_id, clinician_id) DO NOTHING",
               person, clinician, since);
  return q.run();
}

Result<bool> SqliteAccountStore::delete_share(app::PersonId person, app::PersonId clinician) {
  BB_STATEMENT(q, "DELETE FROM shares WHERE person_id = ? AND clinician_id = ?", person, clinician);
  BB_RETURN_IF_ERROR(q.run());
  return q.changes() > 0;
}

Result<bool> SqliteAccountStore::has_share(app::PersonId person, app::PersonId clinician) {
  BB_STATEMENT(q, "SELECT 1 FROM shares WHERE person_id = ? AND clinician_id = ?", person,
               clinician);
  return q.step();
}

Result<std::vector<app::ShareRecord>> SqliteAccountStore::shares_where(std::string_view column,
                                                                       app::PersonId id) {
  const std::string sql =
      "SELECT s.person_id, s.clinician_id, p.email, c.email, s.since, p.display_name,"
      " c.display_name FROM shares s"
      " JOIN accounts p ON p.person_id = s.person_id"
      " JOIN accounts c ON c.person_id = s.clinician_id WHERE s." +
      std::string(column) + " = ? ORDER BY s.since, s.person_id, s.clinician_id";
  BB_STATEMENT(q, sql, id);
  std::vector<app::ShareRecord> out;
  while (true) {
    BB_ASSIGN_OR_RETURN(const bool row, q.step());
    if (!row) break;
    out.push_back({q.integer(0), q.integer(1), q.text(2), q.text(3), q.integer(4), q.text(5),
                   q.text(6)});
  }
  return out;
}

Result<std::vector<app::ShareRecord>> SqliteAccountStore::shares_of_person(app::PersonId person) {
  return shares_where("person_id", person);
}

Result<std::vector<app::ShareRecord>> SqliteAccountStore::shares_with_clinician(
    app::PersonId clinician) {
  return shares_where("clinician_id", clinician);
}

Status SqliteAccountStore::ping() {
  BB_STATEMENT(q, "SELECT COUNT(*) FROM schema_version");
  return q.run();
}

}  // namespace bb::store
