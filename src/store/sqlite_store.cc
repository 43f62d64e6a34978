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
#include "store/person_rows.h"
#include "store/sqlite_connection.h"

namespace bb::store {
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
  BB_SQLITE_QUERY(*connection_, q, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  return found ? static_cast<int>(q.integer(0)) : 0;
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
  return run(person_sql::kEnsurePerson.sql, person);
}

Result<std::optional<coach::Profile>> SqliteStore::profile(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kProfile.sql, person);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<coach::Profile>();
  BB_ASSIGN_OR_RETURN(coach::Profile profile, read_profile(SqliteColumns(q)));
  return std::optional<coach::Profile>(std::move(profile));
}

Status SqliteStore::save_profile(app::PersonId person, const coach::Profile& profile) {
  return run(person_sql::kSaveProfile.sql, person, profile.birth_year, profile.height_cm,
             std::string_view(to_string(profile.rope_experience)),
             std::string_view(to_string(profile.rope)), aggravator_ids(profile));
}

Result<std::optional<app::ScreeningRecord>> SqliteStore::screening(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kScreening.sql, person);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<app::ScreeningRecord>();
  BB_ASSIGN_OR_RETURN(app::ScreeningRecord record, read_screening(SqliteColumns(q)));
  return std::optional<app::ScreeningRecord>(record);
}

Status SqliteStore::save_screening(app::PersonId person, const app::ScreeningRecord& record) {
  return run(person_sql::kSaveScreening.sql, person, record.date,
             yes_flag_ids(record.screening));
}

Result<std::optional<std::int64_t>> SqliteStore::plan_revision(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kPlanRevision.sql, person);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(q.integer(0));
}

Result<std::optional<Date>> SqliteStore::clearance(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kClearance.sql, person);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<Date>();
  BB_ASSIGN_OR_RETURN(const Date date, read_date(SqliteColumns(q), 0));
  return std::optional<Date>(date);
}

Status SqliteStore::record_clearance(app::PersonId person, Date cleared_on) {
  return run(person_sql::kRecordClearance.sql, person, cleared_on);
}

Status SqliteStore::remove_clearance(app::PersonId person) {
  return run(person_sql::kRemoveClearance.sql, person);
}

Result<std::optional<coach::CheckIn>> SqliteStore::checkin(app::PersonId person, Date date) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kCheckin.sql, person, date);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<coach::CheckIn>();
  BB_ASSIGN_OR_RETURN(coach::CheckIn checkin, read_checkin(SqliteColumns(q), 0));
  return std::optional<coach::CheckIn>(std::move(checkin));
}

Status SqliteStore::save_checkin(app::PersonId person, Date date, const coach::CheckIn& checkin) {
  return run(person_sql::kSaveCheckin.sql, person, date, checkin.pain,
             std::string_view(to_string(checkin.feel)),
             std::string_view(to_string(checkin.leg_symptoms)), flag_ids(checkin.urgent_flags),
             checkin.notes);
}

Result<std::optional<coach::SessionLog>> SqliteStore::session(app::PersonId person, Date date) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kSession.sql, person, date);
  BB_ASSIGN_OR_RETURN(const bool found, q.step());
  if (!found) return std::optional<coach::SessionLog>();
  BB_ASSIGN_OR_RETURN(coach::SessionLog session, read_session(SqliteColumns(q), 0, 5));
  return std::optional<coach::SessionLog>(std::move(session));
}

Status SqliteStore::save_session(app::PersonId person, Date date,
                                 const coach::SessionLog& session) {
  return run(person_sql::kSaveSession.sql, person, date, session.completed ? 1 : 0,
             session.rope_minutes, session.pain_during_max, session.pain_after,
             std::string_view(to_string(session.stopped)), session.effort.value_or(-1),
             std::string_view(session.notes));
}

Status SqliteStore::save_next_morning_pain(app::PersonId person, Date session_date, int pain) {
  BB_RETURN_IF_ERROR(run(person_sql::kSaveNextMorningPain.sql, pain, person, session_date));
  if (sqlite3_changes(connection_->handle()) == 0) {
    return Error::conflict("no session is recorded for " + session_date.to_string());
  }
  return Status::success();
}

Result<coach::Timeline> SqliteStore::timeline(app::PersonId person, Date up_to) {
  coach::Timeline timeline;
  BB_ASSIGN_OR_RETURN(std::optional<coach::Profile> profile_row, profile(person));
  if (profile_row) timeline.profile = std::move(*profile_row);
  BB_ASSIGN_OR_RETURN(const std::optional<app::ScreeningRecord> screening_row, screening(person));
  if (screening_row) timeline.screening = screening_row->screening;
  BB_ASSIGN_OR_RETURN(timeline.clearance, clearance(person));

  // Two scans in date order, merged here: cheaper than looking up each day's session in a join.
  BB_SQLITE_QUERY(*connection_, checkins, person_sql::kTimelineCheckins.sql, person, up_to);
  BB_SQLITE_QUERY(*connection_, sessions, person_sql::kTimelineSessions.sql, person, up_to);
  const SqliteColumns checkin_row(checkins);
  const SqliteColumns session_row(sessions);
  // The stored day of the next session not yet matched to a check-in; none once all are read.
  // Days are compared as stored, as the join on s.day = c.day did.
  std::optional<std::string> session_day;
  const auto next_session = [&]() -> Status {
    BB_ASSIGN_OR_RETURN(const bool found, sessions.step());
    session_day.reset();
    if (found) session_day = sessions.text(0);
    return Status::success();
  };
  BB_RETURN_IF_ERROR(next_session());
  for (;;) {
    BB_ASSIGN_OR_RETURN(const bool found, checkins.step());
    if (!found) break;
    coach::Day& day = timeline.days.emplace_back();
    const std::string checkin_day = checkins.text(0);
    BB_ASSIGN_OR_RETURN(day.date, read_date(checkin_row, 0));
    BB_ASSIGN_OR_RETURN(day.checkin, read_checkin(checkin_row, 1));
    // Every session has its check-in (a foreign key), so none is skipped here in practice.
    while (session_day && *session_day < checkin_day) BB_RETURN_IF_ERROR(next_session());
    if (session_day && *session_day == checkin_day) {
      BB_ASSIGN_OR_RETURN(day.session, read_session(session_row, 1, 7));
      day.next_morning_pain = read_optional_score(session_row, 6);
      BB_RETURN_IF_ERROR(next_session());
    }
  }
  return timeline;
}

Status SqliteStore::add_peg(app::PersonId person, const app::DatedPeg3& entry) {
  return run(person_sql::kAddPeg.sql, person, entry.date, entry.peg.average_pain,
             entry.peg.enjoyment_interference, entry.peg.activity_interference);
}

Result<std::vector<app::DatedPeg3>> SqliteStore::peg_entries(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kPegEntries.sql, person);
  std::vector<app::DatedPeg3> entries;
  for (;;) {
    BB_ASSIGN_OR_RETURN(const bool found, q.step());
    if (!found) break;
    BB_ASSIGN_OR_RETURN(app::DatedPeg3 entry, read_peg(SqliteColumns(q)));
    entries.push_back(entry);
  }
  return entries;
}

Status SqliteStore::add_psfs(app::PersonId person, const app::DatedPsfs& entry) {
  BB_RETURN_IF_ERROR(run(person_sql::kDeletePsfs.sql, person, entry.date));
  BB_RETURN_IF_ERROR(run(person_sql::kInsertPsfs.sql, person, entry.date));
  int position = 0;
  for (const coach::PsfsActivity& activity : entry.psfs.activities) {
    BB_RETURN_IF_ERROR(run(person_sql::kInsertPsfsActivity.sql, person, entry.date, position,
                           activity.name, activity.score));
    ++position;
  }
  return Status::success();
}

Result<std::vector<app::DatedPsfs>> SqliteStore::psfs_entries(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, person_sql::kPsfsEntries.sql, person);
  const SqliteColumns row(q);
  std::vector<app::DatedPsfs> entries;
  for (;;) {
    BB_ASSIGN_OR_RETURN(const bool found, q.step());
    if (!found) break;
    BB_RETURN_IF_ERROR(add_psfs_row(row, entries));
  }
  return entries;
}

}  // namespace bb::store
