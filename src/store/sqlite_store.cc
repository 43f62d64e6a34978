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

// Scores, counts and years: stored as INTEGER, always small.
int small_integer(const SqliteQuery& q, int column) {
  return static_cast<int>(q.integer(column));
}

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

Result<Date> read_date(const SqliteQuery& q, int column) {
  const std::string text = q.text(column);
  const std::optional<Date> date = Date::parse(text);
  if (!date) return unreadable("date", text);
  return *date;
}

// Reads a wire id with `parse` (one of coach's *_from functions).
template <typename Enum, typename Parse>
Result<Enum> read_enum(const SqliteQuery& q, int column, std::string_view what, Parse parse) {
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
Result<coach::CheckIn> read_checkin(const SqliteQuery& q, int first) {
  coach::CheckIn checkin;
  checkin.pain = small_integer(q, first);
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
Result<coach::SessionLog> read_session(const SqliteQuery& q, int first, int noted) {
  coach::SessionLog session;
  session.completed = q.integer(first) != 0;
  session.rope_minutes = q.real(first + 1);
  session.pain_during_max = small_integer(q, first + 2);
  session.pain_after = small_integer(q, first + 3);
  auto stopped = read_enum<coach::StopReason>(q, first + 4, "stop reason", coach::stop_reason_from);
  if (!stopped.ok()) return stopped.error();
  session.stopped = *stopped;
  if (!q.is_null(noted)) session.effort = small_integer(q, noted);
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
  auto connection = SqliteConnection::open(path, SqliteOpenMode::kCreateIfMissing);
  if (!connection.ok()) return connection.error();
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*connection)));
  BB_RETURN_IF_ERROR(store->migrate());
  return store;
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnection> connection)
    : connection_(std::move(connection)) {}

SqliteStore::~SqliteStore() = default;

template <typename... Args>
Status SqliteStore::run(std::string_view sql, const Args&... values) {
  BB_SQLITE_QUERY(*connection_, query, sql, values...);
  return query.run();
}

Result<int> SqliteStore::schema_version() {
  auto stmt = connection_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
  auto row = q.step();
  if (!row.ok()) return row.error();
  return *row ? static_cast<int>(q.integer(0)) : 0;
}

Status SqliteStore::migrate() {
  BB_RETURN_IF_ERROR(connection_->execute(kSchemaVersionTable));
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
      BB_RETURN_IF_ERROR(connection_->execute(migration.sql));
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
  return connection_->transaction(work);
}

Status SqliteStore::read_transaction(const std::function<Status()>& work) {
  return connection_->read_transaction(work);
}

Status SqliteStore::ensure_person(app::PersonId person) {
  return run("INSERT INTO persons (id) VALUES (?) ON CONFLICT (id) DO NOTHING", person);
}

Result<std::optional<coach::Profile>> SqliteStore::profile(app::PersonId person) {
  auto stmt = connection_->prepare(
      "SELECT birth_year, height_cm, rope_experience, rope, aggravated_by FROM profiles"
      " WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<coach::Profile>();
  coach::Profile profile;
  profile.birth_year = small_integer(q, 0);
  profile.height_cm = small_integer(q, 1);
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
  auto stmt = connection_->prepare("SELECT screened_on, yes_flags FROM screenings WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
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
  auto stmt = connection_->prepare("SELECT revision FROM persons WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
  q.bind(person);
  auto row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(q.integer(0));
}

Result<std::optional<Date>> SqliteStore::clearance(app::PersonId person) {
  auto stmt = connection_->prepare("SELECT cleared_on FROM clearances WHERE person_id = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
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
  auto stmt = connection_->prepare(
      "SELECT pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
      " WHERE person_id = ? AND day = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
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
  auto stmt = connection_->prepare(
      "SELECT completed, rope_minutes, pain_during_max, pain_after, stopped, effort, notes"
      " FROM sessions WHERE person_id = ? AND day = ?");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
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
  if (sqlite3_changes(connection_->handle()) == 0) {
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
  auto checkins_stmt = connection_->prepare(
      "SELECT day, pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
      " WHERE person_id = ? AND day <= ? ORDER BY day");
  if (!checkins_stmt.ok()) return checkins_stmt.error();
  auto sessions_stmt = connection_->prepare(
      "SELECT day, completed, rope_minutes, pain_during_max, pain_after, stopped,"
      " next_morning_pain, effort, notes FROM sessions WHERE person_id = ? AND day <= ?"
      " ORDER BY day");
  if (!sessions_stmt.ok()) return sessions_stmt.error();
  SqliteQuery checkins(connection_->handle(), *checkins_stmt);
  checkins.bind(person).bind(up_to);
  SqliteQuery sessions(connection_->handle(), *sessions_stmt);
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
      if (!sessions.is_null(6)) day.next_morning_pain = small_integer(sessions, 6);
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
  auto stmt = connection_->prepare(
      "SELECT day, average_pain, enjoyment_interference, activity_interference FROM peg_entries"
      " WHERE person_id = ? ORDER BY day");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
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
    entry.peg.average_pain = small_integer(q, 1);
    entry.peg.enjoyment_interference = small_integer(q, 2);
    entry.peg.activity_interference = small_integer(q, 3);
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
  auto stmt = connection_->prepare(
      "SELECT e.day, a.name, a.score FROM psfs_entries e"
      " JOIN psfs_activities a ON a.person_id = e.person_id AND a.day = e.day"
      " WHERE e.person_id = ? ORDER BY e.day, a.position");
  if (!stmt.ok()) return stmt.error();
  SqliteQuery q(connection_->handle(), *stmt);
  q.bind(person);
  std::vector<app::DatedPsfs> entries;
  for (;;) {
    auto row = q.step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto date = read_date(q, 0);
    if (!date.ok()) return date.error();
    if (entries.empty() || entries.back().date != *date) entries.push_back({*date, {}});
    entries.back().psfs.activities.push_back({q.text(1), small_integer(q, 2)});
  }
  return entries;
}

}  // namespace bb::store
