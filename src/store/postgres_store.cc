#include "store/postgres_store.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/person_rows.h"
#include "store/postgres_connection.h"

namespace bb::store {
namespace {

// The person store's statements (person_rows.h), numbered for PostgreSQL.
const std::vector<PgStatement>& statements() {
  static const std::vector<std::string> kSql = [] {
    std::vector<std::string> sql;
    for (const PersonStatement& statement : person_sql::all()) {
      sql.push_back(postgres_placeholders(statement.sql));
    }
    return sql;
  }();
  static const std::vector<PgStatement> kAll = [] {
    std::vector<PgStatement> all;
    for (std::size_t i = 0; i < kSql.size(); ++i) {
      all.push_back({person_sql::all()[i].name, kSql[i].c_str()});
    }
    return all;
  }();
  return kAll;
}

template <typename... Args>
pqxx::result run(pqxx::dbtransaction& tx, const PersonStatement& statement, Args&&... args) {
  return tx.exec_prepared(statement.name, std::forward<Args>(args)...);
}

Result<std::optional<coach::Profile>> read_profile(pqxx::dbtransaction& tx, app::PersonId person) {
  const pqxx::result rows = run(tx, person_sql::kProfile, person);
  if (rows.empty()) return std::optional<coach::Profile>();
  BB_ASSIGN_OR_RETURN(coach::Profile profile, read_profile(PgColumns(rows[0])));
  return std::optional<coach::Profile>(std::move(profile));
}

Result<std::optional<app::ScreeningRecord>> read_screening(pqxx::dbtransaction& tx,
                                                           app::PersonId person) {
  const pqxx::result rows = run(tx, person_sql::kScreening, person);
  if (rows.empty()) return std::optional<app::ScreeningRecord>();
  BB_ASSIGN_OR_RETURN(app::ScreeningRecord record, read_screening(PgColumns(rows[0])));
  return std::optional<app::ScreeningRecord>(record);
}

Result<std::optional<Date>> read_clearance(pqxx::dbtransaction& tx, app::PersonId person) {
  const pqxx::result rows = run(tx, person_sql::kClearance, person);
  if (rows.empty()) return std::optional<Date>();
  BB_ASSIGN_OR_RETURN(const Date date, read_date(PgColumns(rows[0]), 0));
  return std::optional<Date>(date);
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& url) {
  auto connection = PostgresConnection::open(url, statements());
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(*connection)));
}

PostgresStore::PostgresStore(std::unique_ptr<PostgresConnection> connection)
    : connection_(std::move(connection)) {}

PostgresStore::~PostgresStore() = default;

Result<int> PostgresStore::schema_version() {
  return connection_->schema_version();
}

Status PostgresStore::transaction(const std::function<Status()>& work) {
  return connection_->transaction(work);
}

Status PostgresStore::read_transaction(const std::function<Status()>& work) {
  return connection_->read_transaction(work);
}

Status PostgresStore::ensure_person(app::PersonId person) {
  return connection_->unit("saving a person", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kEnsurePerson, person);
    return Status::success();
  });
}

Result<std::optional<coach::Profile>> PostgresStore::profile(app::PersonId person) {
  return connection_->unit("reading the profile",
                           [&](pqxx::dbtransaction& tx) { return read_profile(tx, person); });
}

Status PostgresStore::save_profile(app::PersonId person, const coach::Profile& profile) {
  return connection_->unit("saving the profile", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kSaveProfile, person, profile.birth_year, profile.height_cm,
        to_string(profile.rope_experience), to_string(profile.rope), aggravator_ids(profile));
    return Status::success();
  });
}

Result<std::optional<app::ScreeningRecord>> PostgresStore::screening(app::PersonId person) {
  return connection_->unit("reading the screening",
                           [&](pqxx::dbtransaction& tx) { return read_screening(tx, person); });
}

Status PostgresStore::save_screening(app::PersonId person, const app::ScreeningRecord& record) {
  return connection_->unit("saving the screening", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kSaveScreening, person, record.date.to_string(),
        yes_flag_ids(record.screening));
    return Status::success();
  });
}

Result<std::optional<std::int64_t>> PostgresStore::plan_revision(app::PersonId person) {
  return connection_->unit(
      "reading the plan revision",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<std::int64_t>> {
        const pqxx::result rows = run(tx, person_sql::kPlanRevision, person);
        if (rows.empty()) return std::optional<std::int64_t>();
        return std::optional<std::int64_t>(rows[0][0].as<std::int64_t>());
      });
}

Result<std::optional<Date>> PostgresStore::clearance(app::PersonId person) {
  return connection_->unit("reading the clearance",
                           [&](pqxx::dbtransaction& tx) { return read_clearance(tx, person); });
}

Status PostgresStore::record_clearance(app::PersonId person, Date cleared_on) {
  return connection_->unit("saving the clearance", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kRecordClearance, person, cleared_on.to_string());
    return Status::success();
  });
}

Status PostgresStore::remove_clearance(app::PersonId person) {
  return connection_->unit("removing the clearance", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kRemoveClearance, person);
    return Status::success();
  });
}

Result<std::optional<coach::CheckIn>> PostgresStore::checkin(app::PersonId person, Date date) {
  return connection_->unit("reading a check-in",
                           [&](pqxx::dbtransaction& tx) -> Result<std::optional<coach::CheckIn>> {
                             const pqxx::result rows = run(tx, person_sql::kCheckin, person, date.to_string());
                             if (rows.empty()) return std::optional<coach::CheckIn>();
                             BB_ASSIGN_OR_RETURN(coach::CheckIn checkin,
                                                 read_checkin(PgColumns(rows[0]), 0));
                             return std::optional<coach::CheckIn>(std::move(checkin));
                           });
}

Status PostgresStore::save_checkin(app::PersonId person, Date date, const coach::CheckIn& checkin) {
  return connection_->unit("saving a check-in", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kSaveCheckin, person, date.to_string(), checkin.pain, to_string(checkin.feel),
        to_string(checkin.leg_symptoms), flag_ids(checkin.urgent_flags), checkin.notes);
    return Status::success();
  });
}

Result<std::optional<coach::SessionLog>> PostgresStore::session(app::PersonId person, Date date) {
  return connection_->unit(
      "reading a session",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<coach::SessionLog>> {
        const pqxx::result rows = run(tx, person_sql::kSession, person, date.to_string());
        if (rows.empty()) return std::optional<coach::SessionLog>();
        BB_ASSIGN_OR_RETURN(coach::SessionLog session, read_session(PgColumns(rows[0]), 0, 5));
        return std::optional<coach::SessionLog>(std::move(session));
      });
}

Status PostgresStore::save_session(app::PersonId person, Date date,
                                   const coach::SessionLog& session) {
  return connection_->unit("saving a session", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kSaveSession, person, date.to_string(), session.completed ? 1 : 0, session.rope_minutes,
        session.pain_during_max, session.pain_after, to_string(session.stopped),
        session.effort.value_or(-1), session.notes);
    return Status::success();
  });
}

Status PostgresStore::save_next_morning_pain(app::PersonId person, Date session_date, int pain) {
  return connection_->unit("saving next-morning pain", [&](pqxx::dbtransaction& tx) -> Status {
    const pqxx::result updated =
        run(tx, person_sql::kSaveNextMorningPain, pain, person, session_date.to_string());
    if (updated.affected_rows() == 0) {
      return Error::conflict("no session is recorded for " + session_date.to_string());
    }
    return Status::success();
  });
}

Result<coach::Timeline> PostgresStore::timeline(app::PersonId person, Date up_to) {
  // One transaction, so the parts come from one snapshot even while others write.
  return connection_->unit(
      "reading the timeline", [&](pqxx::dbtransaction& tx) -> Result<coach::Timeline> {
        coach::Timeline timeline;
        auto profile_row = read_profile(tx, person);
        if (!profile_row.ok()) return profile_row.error();
        if (*profile_row) timeline.profile = std::move(**profile_row);
        auto screening_row = read_screening(tx, person);
        if (!screening_row.ok()) return screening_row.error();
        if (*screening_row) timeline.screening = (*screening_row)->screening;
        auto cleared = read_clearance(tx, person);
        if (!cleared.ok()) return cleared.error();
        timeline.clearance = *cleared;

        for (const pqxx::row& row : run(tx, person_sql::kTimelineDays, person, up_to.to_string())) {
          const PgColumns columns(row);
          coach::Day& day = timeline.days.emplace_back();
          BB_ASSIGN_OR_RETURN(day.date, read_date(columns, 0));
          BB_ASSIGN_OR_RETURN(day.checkin, read_checkin(columns, 1));
          if (!columns.is_null(6)) {
            BB_ASSIGN_OR_RETURN(day.session, read_session(columns, 7, 13));
            day.next_morning_pain = read_optional_score(columns, 12);
          }
        }
        return timeline;
      });
}

Status PostgresStore::add_peg(app::PersonId person, const app::DatedPeg3& entry) {
  return connection_->unit("saving a PEG-3 entry", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, person_sql::kAddPeg, person, entry.date.to_string(), entry.peg.average_pain,
        entry.peg.enjoyment_interference, entry.peg.activity_interference);
    return Status::success();
  });
}

Result<std::vector<app::DatedPeg3>> PostgresStore::peg_entries(app::PersonId person) {
  return connection_->unit("reading PEG-3 entries",
                           [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::DatedPeg3>> {
                             std::vector<app::DatedPeg3> entries;
                             for (const pqxx::row& row : run(tx, person_sql::kPegEntries, person)) {
                               BB_ASSIGN_OR_RETURN(app::DatedPeg3 entry,
                                                   read_peg(PgColumns(row)));
                               entries.push_back(entry);
                             }
                             return entries;
                           });
}

Status PostgresStore::add_psfs(app::PersonId person, const app::DatedPsfs& entry) {
  // Replacing an entry replaces all its activities (the cascade clears the old ones), all in
  // one unit so a reader never sees an entry without its activities.
  return connection_->unit("saving a PSFS entry", [&](pqxx::dbtransaction& tx) -> Status {
    const std::string day = entry.date.to_string();
    run(tx, person_sql::kDeletePsfs, person, day);
    run(tx, person_sql::kInsertPsfs, person, day);
    int position = 0;
    for (const coach::PsfsActivity& activity : entry.psfs.activities) {
      run(tx, person_sql::kInsertPsfsActivity, person, day, position, activity.name, activity.score);
      ++position;
    }
    return Status::success();
  });
}

Result<std::vector<app::DatedPsfs>> PostgresStore::psfs_entries(app::PersonId person) {
  return connection_->unit(
      "reading PSFS entries", [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::DatedPsfs>> {
        std::vector<app::DatedPsfs> entries;
        for (const pqxx::row& row : run(tx, person_sql::kPsfsEntries, person)) {
          BB_RETURN_IF_ERROR(add_psfs_row(PgColumns(row), entries));
        }
        return entries;
      });
}

}  // namespace bb::store
