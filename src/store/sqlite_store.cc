#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_connection.h"

namespace bb::store {
namespace {

// Waiting this long for another writer is better than failing a person's check-in.
constexpr int kBusyTimeoutMs = 5000;


// One use of a cached statement: binds, steps and reads columns, and resets the statement when
// it goes out of scope so the cache can hand it out again.
class Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Query() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(std::int64_t value) { return check(sqlite3_bind_int64(stmt_, ++next_, value)); }
  Query& bind(int value) { return check(sqlite3_bind_int(stmt_, ++next_, value)); }
  Query& bind(double value) { return check(sqlite3_bind_double(stmt_, ++next_, value)); }
  Query& bind(bool value) { return bind(value ? 1 : 0); }
  Query& bind(Date date) { return bind(std::string_view(date.to_string())); }
  Query& bind(std::string_view text) {
    return check(sqlite3_bind_text(stmt_, ++next_, text.data(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT));
  }
  // Without this overload a string literal would bind as a bool.
  Query& bind(const char* text) { return bind(std::string_view(text)); }

  // True when a row is ready, false when done.
  [[nodiscard]] Result<bool> step() {
    if (bind_rc_ != SQLITE_OK) return sqlite_error(db_, bind_rc_, "binding a value");
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlite_error(db_, rc, "running a statement");
  }
  // For statements that return no rows.
  [[nodiscard]] Status run() {
    Result<bool> stepped = step();
    if (!stepped.ok()) return stepped.error();
    return Status::success();
  }

  [[nodiscard]] bool is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  [[nodiscard]] int integer(int column) const { return sqlite3_column_int(stmt_, column); }
  [[nodiscard]] std::int64_t integer64(int column) const {
    return sqlite3_column_int64(stmt_, column);
  }
  [[nodiscard]] double real(int column) const { return sqlite3_column_double(stmt_, column); }
  [[nodiscard]] std::string text(int column) const {
    // The blob view of a text value is its bytes as stored: unlike sqlite3_column_text, no copy
    // to add a terminating NUL.
    const auto* bytes = sqlite3_column_blob(stmt_, column);
    if (bytes == nullptr) return {};
    return {reinterpret_cast<const char*>(bytes),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  Query& check(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int next_ = 0;
  int bind_rc_ = SQLITE_OK;
};

std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ',';
    out += id;
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Error unreadable(std::string_view what, const std::string& value) {
  return Error::corrupt("stored " + std::string(what) + " is unreadable: '" + value + "'");
}

Result<Date> read_date(const Query& q, int column) {
  const std::string text = q.text(column);
  const std::optional<Date> date = Date::parse(text);
  if (!date) return unreadable("date", text);
  return *date;
}

// Reads a wire id with `parse` (one of coach's *_from functions).
template <typename Enum, typename Parse>
Result<Enum> read_enum(const Query& q, int column, std::string_view what, Parse parse) {
  const std::string text = q.text(column);
  const std::optional<Enum> value = parse(text);
  if (!value) return unreadable(what, text);
  return *value;
}

Result<std::vector<coach::RedFlag>> read_flags(const std::string& text) {
  std::vector<coach::RedFlag> flags;
  for (const auto& id : split(text)) {
    const std::optional<coach::RedFlag> flag = coach::red_flag_from(id);
    if (!flag) return unreadable("red flag", id);
    flags.push_back(*flag);
  }
  return flags;
}

std::string flag_ids(const std::vector<coach::RedFlag>& flags) {
  std::vector<std::string> ids;
  for (const coach::RedFlag flag : flags) ids.emplace_back(coach::info(flag).id);
  return join(ids);
}

// Reads the check-in columns starting at `first`: pain, feel, leg_symptoms, urgent_flags, notes.
Result<coach::CheckIn> read_checkin(const Query& q, int first) {
  coach::CheckIn checkin;
  checkin.pain = q.integer(first);
  auto feel = read_enum<coach::Feel>(q, first + 1, "feel", coach::feel_from);
  if (!feel.ok()) return feel.error();
  checkin.feel = *feel;
  auto legs = read_enum<coach::LegSymptoms>(q, first + 2, "leg symptoms", coach::leg_symptoms_from);
  if (!legs.ok()) return legs.error();
  checkin.leg_symptoms = *legs;
  auto flags = read_flags(q.text(first + 3));
  if (!flags.ok()) return flags.error();
  checkin.urgent_flags = std::move(*flags);
  checkin.notes = q.text(first + 4);
  return checkin;
}

// Reads the session columns starting at `first`: completed, rope_minutes, pain_during_max,
// pain_after, stopped; and effort and notes from `noted` on.
Result<coach::SessionLog> read_session(const Query& q, int first, int noted) {
  coach::SessionLog session;
  session.completed = q.integer(first) != 0;
  session.rope_minutes = q.real(first + 1);
  session.pain_during_max = q.integer(first + 2);
  session.pain_after = q.integer(first + 3);
  auto stopped = read_enum<coach::StopReason>(q, first + 4, "stop reason", coach::stop_reason_from);
  if (!stopped.ok()) return stopped.error();
  session.stopped = *stopped;
  if (!q.is_null(noted)) session.effort = q.integer(noted);
  session.notes = q.text(noted + 1);
  return session;
}

}  // namespace

Result<std::string> default_database_path() {
  std::filesystem::path base;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (home == nullptr || home[0] == '\0') {
      return Error::unavailable("neither XDG_DATA_HOME nor HOME is set: pass --db PATH");
    }
    base = std::filesystem::path(home) / ".local" / "share";
  }
  const std::filesystem::path folder = base / "bounceback";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    return Error::unavailable("cannot create " + folder.string() + ": " + ec.message());
  }
  return (folder / "bounceback.db").string();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc, "opening " + path);
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers continue while one writer commits; NORMAL sync is durable enough with WAL.
  if (Status s = switch_to_wal(db); !s.ok()) {
    Error error = s.error();
    error.message = path + ": " + error.message;
    return error;
  }
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    if (Status s = store->execute(pragma); !s.ok()) {
      Error error = s.error();
      error.message = path + ": " + error.message;
      return error;
    }
  }
  if (Status s = store->migrate(); !s.ok()) return s.error();
  return store;
}

SqliteStore::~SqliteStore() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status SqliteStore::execute(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::success();
  std::string detail = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  Error error = sqlite_error(db_, rc, "executing SQL");
  error.message = "executing SQL: " + detail;
  return error;
}

Status SqliteStore::execute_cached(std::string_view sql) {
  Result<sqlite3_stmt*> stmt = prepare(sql);
  if (!stmt.ok()) return stmt.error();
  Query query(db_, *stmt);
  const Result<bool> stepped = query.step();
  if (stepped.ok()) return Status::success();
  Error error = stepped.error();
  error.message = std::string("executing SQL: ") + sqlite3_errmsg(db_);  // as execute() says it
  return error;
}

Result<sqlite3_stmt*> SqliteStore::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) return found->second;
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, "preparing a statement");
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

template <typename... Args>
Status SqliteStore::run(std::string_view sql, const Args&... args) {
  Result<sqlite3_stmt*> stmt = prepare(sql);
  if (!stmt.ok()) return stmt.error();
  Query query(db_, *stmt);
  (query.bind(args), ...);
  return query.run();
}

Result<int> SqliteStore::schema_version() {
  auto stmt = prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  auto row = q.step();
  if (!row.ok()) return row.error();
  return *row ? q.integer(0) : 0;
}

Status SqliteStore::migrate() {
  if (Status s = execute(kSchemaVersionTable); !s.ok()) return s;
  const std::vector<Migration>& all = migrations();
  const int latest = all.empty() ? 0 : all.back().version;
  for (const Migration& migration : all) {
    // Each migration in its own transaction; the version is read again inside it, so two
    // processes opening a new file at once apply each step exactly once.
    Status applied = transaction([&]() -> Status {
      Result<int> current = schema_version();
      if (!current.ok()) return current.error();
      if (*current > latest) {
        return Error::corrupt("the database has schema version " + std::to_string(*current) +
                              ", newer than this program knows (" + std::to_string(latest) +
                              "): update Bounceback");
      }
      if (*current >= migration.version) return Status::success();
      if (Status s = execute(migration.sql); !s.ok()) return s;
      return run("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                 migration.version, migration.description);
    });
    if (!applied.ok()) {
      Error error = applied.error();
      error.message = "migration " + std::to_string(migration.version) + ": " + error.message;
      return error;
    }
  }
  return Status::success();
}

Status SqliteStore::transaction(const std::function<Status()>& work) {
  if (reading_) return Error::internal("a write transaction inside a read transaction");
  const std::string savepoint = "bb_nested_" + std::to_string(transaction_depth_);
  // IMMEDIATE takes the write lock up front, so a busy database waits here (busy timeout)
  // instead of failing halfway through a use case.
  const std::string begin = transaction_depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint;
  const std::string commit = transaction_depth_ == 0 ? "COMMIT" : "RELEASE " + savepoint;
  const std::string rollback =
      transaction_depth_ == 0 ? "ROLLBACK" : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
  // The outermost statements run on every write: cached rather than parsed each time.
  const auto exec = [this, outermost = transaction_depth_ == 0](const std::string& sql) {
    return outermost ? execute_cached(sql) : execute(sql);
  };
  if (Status s = exec(begin); !s.ok()) return s;
  ++transaction_depth_;
  Status result;
  try {
    result = work();
  } catch (...) {
    --transaction_depth_;
    (void)exec(rollback);
    throw;
  }
  --transaction_depth_;
  if (result.ok()) {
    result = exec(commit);
    if (result.ok()) return result;
  }
  (void)exec(rollback);  // best effort: the first error is the one worth reporting
  return result;
}

Status SqliteStore::read_transaction(const std::function<Status()>& work) {
  if (transaction_depth_ > 0) return work();
  // DEFERRED takes no lock until the first read, then keeps one WAL snapshot until the end:
  // writers carry on meanwhile.
  if (Status s = execute_cached("BEGIN DEFERRED"); !s.ok()) return s;
  ++transaction_depth_;
  reading_ = true;
  Status result;
  try {
    result = work();
  } catch (...) {
    --transaction_depth_;
    reading_ = false;
    (void)execute_cached("ROLLBACK");
    throw;
  }
  --transaction_depth_;
  reading_ = false;
  if (result.ok()) {
    result = execute_cached("COMMIT");
    if (result.ok()) return result;
  }
  (void)execute_cached("ROLLBACK");
  return result;
}

Status SqliteStore::ensure_person(app::PersonId person) {
  return run("INSERT INTO persons (id) VALUES (?) ON CONFLICT (id) DO NOTHING", person);
}

Result<std::optional<coach::Profile>> SqliteStore::profile(app::PersonId person) {
  auto stmt = prepare(
      "SELECT birth_year, height_cm, rope_experience, rope, aggravated_by FROM profiles"
      " WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<coach::Profile>();
  coach::Profile profile;
  profile.birth_year = q.integer(0);
  profile.height_cm = q.integer(1);
  auto experience =
      read_enum<coach::RopeExperience>(q, 2, "rope experience", coach::rope_experience_from);
  if (!experience.ok()) return experience.error();
  profile.rope_experience = *experience;
  auto rope = read_enum<coach::RopeOwned>(q, 3, "rope", coach::rope_owned_from);
  if (!rope.ok()) return rope.error();
  profile.rope = *rope;
  for (const auto& id : split(q.text(4))) {
    const std::optional<coach::Aggravator> aggravator = coach::aggravator_from(id);
    if (!aggravator) return unreadable("aggravator", id);
    profile.aggravated_by.push_back(*aggravator);
  }
  return std::optional<coach::Profile>(std::move(profile));
}

Status SqliteStore::save_profile(app::PersonId person, const coach::Profile& profile) {
  std::vector<std::string> aggravators;
  for (const coach::Aggravator a : profile.aggravated_by) aggravators.emplace_back(to_string(a));
  return run(
      "INSERT INTO profiles (person_id, birth_year, height_cm, rope_experience, rope,"
      " aggravated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
      " birth_year = excluded.birth_year, height_cm = excluded.height_cm,"
      " rope_experience = excluded.rope_experience, rope = excluded.rope,"
      " aggravated_by = excluded.aggravated_by",
      person, profile.birth_year, profile.height_cm,
      std::string_view(to_string(profile.rope_experience)),
      std::string_view(to_string(profile.rope)), join(aggravators));
}

Result<std::optional<app::ScreeningRecord>> SqliteStore::screening(app::PersonId person) {
  auto stmt = prepare("SELECT screened_on, yes_flags FROM screenings WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<app::ScreeningRecord>();
  app::ScreeningRecord record;
  auto date = read_date(q, 0);
  if (!date.ok()) return date.error();
  record.date = *date;
  auto flags = read_flags(q.text(1));
  if (!flags.ok()) return flags.error();
  for (const coach::RedFlag flag : *flags) {
    record.screening.answers[static_cast<std::size_t>(flag)] = true;
  }
  return std::optional<app::ScreeningRecord>(record);
}

Status SqliteStore::save_screening(app::PersonId person, const app::ScreeningRecord& record) {
  std::vector<coach::RedFlag> yes;
  for (const auto& flag : coach::red_flags()) {
    if (record.screening.yes(flag.flag)) yes.push_back(flag.flag);
  }
  return run(
      "INSERT INTO screenings (person_id, screened_on, yes_flags) VALUES (?, ?, ?)"
      " ON CONFLICT (person_id) DO UPDATE SET screened_on = excluded.screened_on,"
      " yes_flags = excluded.yes_flags",
      person, record.date, flag_ids(yes));
}

Result<std::optional<std::int64_t>> SqliteStore::plan_revision(app::PersonId person) {
  auto stmt = prepare("SELECT revision FROM persons WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(q.integer64(0));
}

Result<std::optional<Date>> SqliteStore::clearance(app::PersonId person) {
  auto stmt = prepare("SELECT cleared_on FROM clearances WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<Date>();
  auto date = read_date(q, 0);
  if (!date.ok()) return date.error();
  return std::optional<Date>(*date);
}

Status SqliteStore::record_clearance(app::PersonId person, Date cleared_on) {
  return run(
      "INSERT INTO clearances (person_id, cleared_on) VALUES (?, ?)"
      " ON CONFLICT (person_id) DO UPDATE SET cleared_on = excluded.cleared_on",
      person, cleared_on);
}

Status SqliteStore::remove_clearance(app::PersonId person) {
  return run("DELETE FROM clearances WHERE person_id = ?", person);
}

Result<std::optional<coach::CheckIn>> SqliteStore::checkin(app::PersonId person, Date date) {
  auto stmt = prepare(
      "SELECT pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
      " WHERE person_id = ? AND day = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person).bind(date);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<coach::CheckIn>();
  auto checkin = read_checkin(q, 0);
  if (!checkin.ok()) return checkin.error();
  return std::optional<coach::CheckIn>(std::move(*checkin));
}

Status SqliteStore::save_checkin(app::PersonId person, Date date, const coach::CheckIn& checkin) {
  return run(
      "INSERT INTO checkins (person_id, day, pain, feel, leg_symptoms, urgent_flags, notes)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, day) DO UPDATE SET"
      " pain = excluded.pain, feel = excluded.feel, leg_symptoms = excluded.leg_symptoms,"
      " urgent_flags = excluded.urgent_flags, notes = excluded.notes",
      person, date, checkin.pain, std::string_view(to_string(checkin.feel)),
      std::string_view(to_string(checkin.leg_symptoms)), flag_ids(checkin.urgent_flags),
      checkin.notes);
}

Result<std::optional<coach::SessionLog>> SqliteStore::session(app::PersonId person, Date date) {
  auto stmt = prepare(
      "SELECT completed, rope_minutes, pain_during_max, pain_after, stopped, effort, notes"
      " FROM sessions WHERE person_id = ? AND day = ?");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person).bind(date);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<coach::SessionLog>();
  auto session = read_session(q, 0, 5);
  if (!session.ok()) return session.error();
  return std::optional<coach::SessionLog>(*session);
}

Status SqliteStore::save_session(app::PersonId person, Date date,
                                 const coach::SessionLog& session) {
  return run(
      "INSERT INTO sessions (person_id, day, completed, rope_minutes, pain_during_max,"
      " pain_after, stopped, effort, notes) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, -1), ?)"
      " ON CONFLICT (person_id, day) DO UPDATE"
      " SET completed = excluded.completed, rope_minutes = excluded.rope_minutes,"
      " pain_during_max = excluded.pain_during_max, pain_after = excluded.pain_after,"
      " stopped = excluded.stopped, effort = excluded.effort, notes = excluded.notes",
      person, date, session.completed, session.rope_minutes, session.pain_during_max,
      session.pain_after, std::string_view(to_string(session.stopped)), session.effort.value_or(-1),
      std::string_view(session.notes));
}

Status SqliteStore::save_next_morning_pain(app::PersonId person, Date session_date, int pain) {
  {
    if (Status s = run("UPDATE sessions SET next_morning_pain = ? WHERE person_id = ? AND day = ?",
                       pain, person, session_date);
        !s.ok())
      return s;
  }
  if (sqlite3_changes(db_) == 0) {
    return Error::conflict("no session is recorded for " + session_date.to_string());
  }
  return Status::success();
}

Result<coach::Timeline> SqliteStore::timeline(app::PersonId person, Date up_to) {
  coach::Timeline timeline;
  auto profile_row = profile(person);
  if (!profile_row.ok()) return profile_row.error();
  if (*profile_row) timeline.profile = std::move(**profile_row);
  auto screening_row = screening(person);
  if (!screening_row.ok()) return screening_row.error();
  if (*screening_row) timeline.screening = (*screening_row)->screening;
  auto cleared = clearance(person);
  if (!cleared.ok()) return cleared.error();
  timeline.clearance = *cleared;

  // Two scans in date order, merged here: cheaper than looking up each day's session in a join.
  auto checkins_stmt = prepare(
      "SELECT day, pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
      " WHERE person_id = ? AND day <= ? ORDER BY day");
  if (!checkins_stmt.ok()) return checkins_stmt.error();
  auto sessions_stmt = prepare(
      "SELECT day, completed, rope_minutes, pain_during_max, pain_after, stopped,"
      " next_morning_pain, effort, notes FROM sessions WHERE person_id = ? AND day <= ?"
      " ORDER BY day");
  if (!sessions_stmt.ok()) return sessions_stmt.error();
  Query checkins(db_, *checkins_stmt);
  checkins.bind(person).bind(up_to);
  Query sessions(db_, *sessions_stmt);
  sessions.bind(person).bind(up_to);
  // The stored day of the next session not yet matched to a check-in; none once all are read.
  // Days are compared as stored, as the join on s.day = c.day did.
  std::optional<std::string> session_day;
  const auto next_session = [&]() -> Status {
    auto row = sessions.step();
    if (!row.ok()) return row.error();
    session_day.reset();
    if (*row) session_day = sessions.text(0);
    return Status::success();
  };
  if (Status s = next_session(); !s.ok()) return s.error();
  for (;;) {
    auto row = checkins.step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    coach::Day& day = timeline.days.emplace_back();
    const std::string checkin_day = checkins.text(0);
    const std::optional<Date> date = Date::parse(checkin_day);
    if (!date) return unreadable("date", checkin_day);
    day.date = *date;
    auto checkin = read_checkin(checkins, 1);
    if (!checkin.ok()) return checkin.error();
    day.checkin = std::move(*checkin);
    // Every session has its check-in (a foreign key), so none is skipped here in practice.
    while (session_day && *session_day < checkin_day) {
      if (Status s = next_session(); !s.ok()) return s.error();
    }
    if (session_day && *session_day == checkin_day) {
      auto session = read_session(sessions, 1, 7);
      if (!session.ok()) return session.error();
      day.session = *session;
      if (!sessions.is_null(6)) day.next_morning_pain = sessions.integer(6);
      if (Status s = next_session(); !s.ok()) return s.error();
    }
  }
  return timeline;
}

Status SqliteStore::add_peg(app::PersonId person, const app::DatedPeg3& entry) {
  return run(
      "INSERT INTO peg_entries (person_id, day, average_pain, enjoyment_interference,"
      " activity_interference) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, day) DO UPDATE SET"
      " average_pain = excluded.average_pain,"
      " enjoyment_interference = excluded.enjoyment_interference,"
      " activity_interference = excluded.activity_interference",
      person, entry.date, entry.peg.average_pain, entry.peg.enjoyment_interference,
      entry.peg.activity_interference);
}

Result<std::vector<app::DatedPeg3>> SqliteStore::peg_entries(app::PersonId person) {
  auto stmt = prepare(
      "SELECT day, average_pain, enjoyment_interference, activity_interference FROM peg_entries"
      " WHERE person_id = ? ORDER BY day");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  std::vector<app::DatedPeg3> entries;
  for (;;) {
    auto row = q.step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    app::DatedPeg3 entry;
    auto date = read_date(q, 0);
    if (!date.ok()) return date.error();
    entry.date = *date;
    entry.peg.average_pain = q.integer(1);
    entry.peg.enjoyment_interference = q.integer(2);
    entry.peg.activity_interference = q.integer(3);
    entries.push_back(entry);
  }
  return entries;
}

Status SqliteStore::add_psfs(app::PersonId person, const app::DatedPsfs& entry) {
  // Replacing an entry replaces all its activities: the cascade clears the old ones.
  if (Status s =
          run("DELETE FROM psfs_entries WHERE person_id = ? AND day = ?", person, entry.date);
      !s.ok())
    return s;
  if (Status s = run("INSERT INTO psfs_entries (person_id, day) VALUES (?, ?)", person, entry.date);
      !s.ok())
    return s;
  int position = 0;
  for (const coach::PsfsActivity& activity : entry.psfs.activities) {
    if (Status s = run("INSERT INTO psfs_activities (person_id, day, position, name, score)"
                       " VALUES (?, ?, ?, ?, ?)",
                       person, entry.date, position, activity.name, activity.score);
        !s.ok())
      return s;
    ++position;
  }
  return Status::success();
}

Result<std::vector<app::DatedPsfs>> SqliteStore::psfs_entries(app::PersonId person) {
  auto stmt = prepare(
      "SELECT e.day, a.name, a.score FROM psfs_entries e"
      " JOIN psfs_activities a ON a.person_id = e.person_id AND a.day = e.day"
      " WHERE e.person_id = ? ORDER BY e.day, a.position");
  if (!stmt.ok()) return stmt.error();
  Query q(db_, *stmt);
  q.bind(person);
  std::vector<app::DatedPsfs> entries;
  for (;;) {
    auto row = q.step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto date = read_date(q, 0);
    if (!date.ok()) return date.error();
    if (entries.empty() || entries.back().date != *date) entries.push_back({*date, {}});
    entries.back().psfs.activities.push_back({q.text(1), q.integer(2)});
  }
  return entries;
}

}  // namespace bb::store
