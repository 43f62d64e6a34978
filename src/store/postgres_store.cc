#include "store/postgres_store.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/postgres_connection.h"

namespace bb::store {
namespace {

// Every statement of this store, prepared once per connection. Same SQL as the SQLite store
// apart from the placeholders.
constexpr PgStatement kEnsurePerson{
    "person.ensure", "INSERT INTO persons (id) VALUES ($1) ON CONFLICT (id) DO NOTHING"};
constexpr PgStatement kProfile{
    "person.profile",
    "SELECT birth_year, height_cm, rope_experience, rope, aggravated_by FROM profiles"
    " WHERE person_id = $1"};
constexpr PgStatement kSaveProfile{
    "person.save_profile",
    "INSERT INTO profiles (person_id, birth_year, height_cm, rope_experience, rope,"
    " aggravated_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (person_id) DO UPDATE SET"
    " birth_year = excluded.birth_year, height_cm = excluded.height_cm,"
    " rope_experience = excluded.rope_experience, rope = excluded.rope,"
    " aggravated_by = excluded.aggravated_by"};
constexpr PgStatement kScreening{
    "person.screening", "SELECT screened_on, yes_flags FROM screenings WHERE person_id = $1"};
constexpr PgStatement kSaveScreening{
    "person.save_screening",
    "INSERT INTO screenings (person_id, screened_on, yes_flags) VALUES ($1, $2, $3)"
    " ON CONFLICT (person_id) DO UPDATE SET screened_on = excluded.screened_on,"
    " yes_flags = excluded.yes_flags"};
constexpr PgStatement kPlanRevision{"person.plan_revision",
                                    "SELECT revision FROM persons WHERE id = $1"};
constexpr PgStatement kClearance{"person.clearance",
                                 "SELECT cleared_on FROM clearances WHERE person_id = $1"};
constexpr PgStatement kRecordClearance{
    "person.record_clearance",
    "INSERT INTO clearances (person_id, cleared_on) VALUES ($1, $2)"
    " ON CONFLICT (person_id) DO UPDATE SET cleared_on = excluded.cleared_on"};
constexpr PgStatement kRemoveClearance{"person.remove_clearance",
                                       "DELETE FROM clearances WHERE person_id = $1"};
constexpr PgStatement kCheckin{"person.checkin",
                               "SELECT pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
                               " WHERE person_id = $1 AND day = $2"};
constexpr PgStatement kSaveCheckin{
    "person.save_checkin",
    "INSERT INTO checkins (person_id, day, pain, feel, leg_symptoms, urgent_flags, notes)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (person_id, day) DO UPDATE SET"
    " pain = excluded.pain, feel = excluded.feel, leg_symptoms = excluded.leg_symptoms,"
    " urgent_flags = excluded.urgent_flags, notes = excluded.notes"};
constexpr PgStatement kSession{
    "person.session",
    "SELECT completed, rope_minutes, pain_during_max, pain_after, stopped, effort, notes"
    " FROM sessions WHERE person_id = $1 AND day = $2"};
constexpr PgStatement kSaveSession{
    "person.save_session",
    "INSERT INTO sessions (person_id, day, completed, rope_minutes, pain_during_max,"
    " pain_after, stopped, effort, notes) VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF($8, -1), $9)"
    " ON CONFLICT (person_id, day)"
    " DO UPDATE SET completed = excluded.completed, rope_minutes = excluded.rope_minutes,"
    " pain_during_max = excluded.pain_during_max, pain_after = excluded.pain_after,"
    " stopped = excluded.stopped, effort = excluded.effort, notes = excluded.notes"};
constexpr PgStatement kSaveNextMorningPain{
    "person.save_next_morning_pain",
    "UPDATE sessions SET next_morning_pain = $1 WHERE person_id = $2 AND day = $3"};
constexpr PgStatement kTimelineDays{
    "person.timeline_days",
    "SELECT c.day, c.pain, c.feel, c.leg_symptoms, c.urgent_flags, c.notes,"
    " s.day, s.completed, s.rope_minutes, s.pain_during_max, s.pain_after, s.stopped,"
    " s.next_morning_pain, s.effort, s.notes"
    " FROM checkins c LEFT JOIN sessions s ON s.person_id = c.person_id AND s.day = c.day"
    " WHERE c.person_id = $1 AND c.day <= $2 ORDER BY c.day"};
constexpr PgStatement kAddPeg{
    "person.add_peg",
    "INSERT INTO peg_entries (person_id, day, average_pain, enjoyment_interference,"
    " activity_interference) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id, day) DO UPDATE"
    " SET average_pain = excluded.average_pain,"
    " enjoyment_interference = excluded.enjoyment_interference,"
    " activity_interference = excluded.activity_interference"};
constexpr PgStatement kPegEntries{
    "person.peg_entries",
    "SELECT day, average_pain, enjoyment_interference, activity_interference FROM peg_entries"
    " WHERE person_id = $1 ORDER BY day"};
constexpr PgStatement kDeletePsfs{"person.delete_psfs",
                                  "DELETE FROM psfs_entries WHERE person_id = $1 AND day = $2"};
constexpr PgStatement kInsertPsfs{"person.insert_psfs",
                                  "INSERT INTO psfs_entries (person_id, day) VALUES ($1, $2)"};
constexpr PgStatement kInsertPsfsActivity{
    "person.insert_psfs_activity",
    "INSERT INTO psfs_activities (person_id, day, position, name, score)"
    " VALUES ($1, $2, $3, $4, $5)"};
constexpr PgStatement kPsfsEntries{
    "person.psfs_entries",
    "SELECT e.day, a.name, a.score FROM psfs_entries e"
    " JOIN psfs_activities a ON a.person_id = e.person_id AND a.day = e.day"
    " WHERE e.person_id = $1 ORDER BY e.day, a.position"};

const std::vector<PgStatement>& statements() {
  static const std::vector<PgStatement> kAll = {
      kPlanRevision,        kEnsurePerson,        kProfile,         kSaveProfile,
      kScreening,           kSaveScreening,   kClearance,
      kRemoveClearance,     kRecordClearance, kCheckin,
      kSaveCheckin,         kSession,         kSaveSession,
      kSaveNextMorningPain, kTimelineDays,    kAddPeg,
      kPegEntries,          kDeletePsfs,      kInsertPsfs,
      kInsertPsfsActivity,  kPsfsEntries};
  return kAll;
}

template <typename... Args>
pqxx::result run(pqxx::dbtransaction& tx, const PgStatement& statement, Args&&... args) {
  return tx.exec_prepared(statement.name, std::forward<Args>(args)...);
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

Result<Date> read_date(const pqxx::field& field) {
  const std::string text = field.as<std::string>();
  const std::optional<Date> date = Date::parse(text);
  if (!date) return unreadable("date", text);
  return *date;
}

// Reads a wire id with `parse` (one of coach's *_from functions).
template <typename Enum, typename Parse>
Result<Enum> read_enum(const pqxx::field& field, std::string_view what, Parse parse) {
  const std::string text = field.as<std::string>();
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
Result<coach::CheckIn> read_checkin(const pqxx::row& row, int first) {
  coach::CheckIn checkin;
  checkin.pain = row[first].as<int>();
  auto feel = read_enum<coach::Feel>(row[first + 1], "feel", coach::feel_from);
  if (!feel.ok()) return feel.error();
  checkin.feel = *feel;
  auto legs =
      read_enum<coach::LegSymptoms>(row[first + 2], "leg symptoms", coach::leg_symptoms_from);
  if (!legs.ok()) return legs.error();
  checkin.leg_symptoms = *legs;
  auto flags = read_flags(row[first + 3].as<std::string>());
  if (!flags.ok()) return flags.error();
  checkin.urgent_flags = std::move(*flags);
  checkin.notes = row[first + 4].as<std::string>();
  return checkin;
}

// Reads the session columns starting at `first`: completed, rope_minutes, pain_during_max,
// pain_after, stopped; and effort and notes from `noted` on.
Result<coach::SessionLog> read_session(const pqxx::row& row, int first, int noted) {
  coach::SessionLog session;
  session.completed = row[first].as<int>() != 0;
  session.rope_minutes = row[first + 1].as<double>();
  session.pain_during_max = row[first + 2].as<int>();
  session.pain_after = row[first + 3].as<int>();
  auto stopped =
      read_enum<coach::StopReason>(row[first + 4], "stop reason", coach::stop_reason_from);
  if (!stopped.ok()) return stopped.error();
  session.stopped = *stopped;
  if (!row[noted].is_null()) session.effort = row[noted].as<int>();
  session.notes = row[noted + 1].as<std::string>();
  return session;
}

Result<std::optional<coach::Profile>> read_profile(pqxx::dbtransaction& tx, app::PersonId person) {
  const pqxx::result rows = run(tx, kProfile, person);
  if (rows.empty()) return std::optional<coach::Profile>();
  const pqxx::row row = rows[0];
  coach::Profile profile;
  profile.birth_year = row[0].as<int>();
  profile.height_cm = row[1].as<int>();
  auto experience =
      read_enum<coach::RopeExperience>(row[2], "rope experience", coach::rope_experience_from);
  if (!experience.ok()) return experience.error();
  profile.rope_experience = *experience;
  auto rope = read_enum<coach::RopeOwned>(row[3], "rope", coach::rope_owned_from);
  if (!rope.ok()) return rope.error();
  profile.rope = *rope;
  for (const auto& id : split(row[4].as<std::string>())) {
    const std::optional<coach::Aggravator> aggravator = coach::aggravator_from(id);
    if (!aggravator) return unreadable("aggravator", id);
    profile.aggravated_by.push_back(*aggravator);
  }
  return std::optional<coach::Profile>(std::move(profile));
}

Result<std::optional<app::ScreeningRecord>> read_screening(pqxx::dbtransaction& tx,
                                                           app::PersonId person) {
  const pqxx::result rows = run(tx, kScreening, person);
  if (rows.empty()) return std::optional<app::ScreeningRecord>();
  app::ScreeningRecord record;
  auto date = read_date(rows[0][0]);
  if (!date.ok()) return date.error();
  record.date = *date;
  auto flags = read_flags(rows[0][1].as<std::string>());
  if (!flags.ok()) return flags.error();
  for (const coach::RedFlag flag : *flags) {
    record.screening.answers[static_cast<std::size_t>(flag)] = true;
  }
  return std::optional<app::ScreeningRecord>(record);
}

Result<std::optional<Date>> read_clearance(pqxx::dbtransaction& tx, app::PersonId person) {
  const pqxx::result rows = run(tx, kClearance, person);
  if (rows.empty()) return std::optional<Date>();
  auto date = read_date(rows[0][0]);
  if (!date.ok()) return date.error();
  return std::optional<Date>(*date);
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
    run(tx, kEnsurePerson, person);
    return Status::success();
  });
}

Result<std::optional<coach::Profile>> PostgresStore::profile(app::PersonId person) {
  return connection_->unit("reading the profile",
                           [&](pqxx::dbtransaction& tx) { return read_profile(tx, person); });
}

Status PostgresStore::save_profile(app::PersonId person, const coach::Profile& profile) {
  std::vector<std::string> aggravators;
  for (const coach::Aggravator a : profile.aggravated_by) aggravators.emplace_back(to_string(a));
  return connection_->unit("saving the profile", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSaveProfile, person, profile.birth_year, profile.height_cm,
        to_string(profile.rope_experience), to_string(profile.rope), join(aggravators));
    return Status::success();
  });
}

Result<std::optional<app::ScreeningRecord>> PostgresStore::screening(app::PersonId person) {
  return connection_->unit("reading the screening",
                           [&](pqxx::dbtransaction& tx) { return read_screening(tx, person); });
}

Status PostgresStore::save_screening(app::PersonId person, const app::ScreeningRecord& record) {
  std::vector<coach::RedFlag> yes;
  for (const auto& flag : coach::red_flags()) {
    if (record.screening.yes(flag.flag)) yes.push_back(flag.flag);
  }
  return connection_->unit("saving the screening", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSaveScreening, person, record.date.to_string(), flag_ids(yes));
    return Status::success();
  });
}

Result<std::optional<std::int64_t>> PostgresStore::plan_revision(app::PersonId person) {
  return connection_->unit(
      "reading the plan revision",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<std::int64_t>> {
        const pqxx::result rows = run(tx, kPlanRevision, person);
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
    run(tx, kRecordClearance, person, cleared_on.to_string());
    return Status::success();
  });
}

Status PostgresStore::remove_clearance(app::PersonId person) {
  return connection_->unit("removing the clearance", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kRemoveClearance, person);
    return Status::success();
  });
}

Result<std::optional<coach::CheckIn>> PostgresStore::checkin(app::PersonId person, Date date) {
  return connection_->unit("reading a check-in",
                           [&](pqxx::dbtransaction& tx) -> Result<std::optional<coach::CheckIn>> {
                             const pqxx::result rows = run(tx, kCheckin, person, date.to_string());
                             if (rows.empty()) return std::optional<coach::CheckIn>();
                             auto checkin = read_checkin(rows[0], 0);
                             if (!checkin.ok()) return checkin.error();
                             return std::optional<coach::CheckIn>(std::move(*checkin));
                           });
}

Status PostgresStore::save_checkin(app::PersonId person, Date date, const coach::CheckIn& checkin) {
  return connection_->unit("saving a check-in", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSaveCheckin, person, date.to_string(), checkin.pain, to_string(checkin.feel),
        to_string(checkin.leg_symptoms), flag_ids(checkin.urgent_flags), checkin.notes);
    return Status::success();
  });
}

Result<std::optional<coach::SessionLog>> PostgresStore::session(app::PersonId person, Date date) {
  return connection_->unit(
      "reading a session",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<coach::SessionLog>> {
        const pqxx::result rows = run(tx, kSession, person, date.to_string());
        if (rows.empty()) return std::optional<coach::SessionLog>();
        auto session = read_session(rows[0], 0, 5);
        if (!session.ok()) return session.error();
        return std::optional<coach::SessionLog>(*session);
      });
}

Status PostgresStore::save_session(app::PersonId person, Date date,
                                   const coach::SessionLog& session) {
  return connection_->unit("saving a session", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kSaveSession, person, date.to_string(), session.completed ? 1 : 0, session.rope_minutes,
        session.pain_during_max, session.pain_after, to_string(session.stopped),
        session.effort.value_or(-1), session.notes);
    return Status::success();
  });
}

Status PostgresStore::save_next_morning_pain(app::PersonId person, Date session_date, int pain) {
  return connection_->unit("saving next-morning pain", [&](pqxx::dbtransaction& tx) -> Status {
    const pqxx::result updated =
        run(tx, kSaveNextMorningPain, pain, person, session_date.to_string());
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

        for (const pqxx::row& row : run(tx, kTimelineDays, person, up_to.to_string())) {
          coach::Day day;
          auto date = read_date(row[0]);
          if (!date.ok()) return date.error();
          day.date = *date;
          auto checkin = read_checkin(row, 1);
          if (!checkin.ok()) return checkin.error();
          day.checkin = std::move(*checkin);
          if (!row[6].is_null()) {
            auto session = read_session(row, 7, 13);
            if (!session.ok()) return session.error();
            day.session = *session;
            if (!row[12].is_null()) day.next_morning_pain = row[12].as<int>();
          }
          timeline.days.push_back(std::move(day));
        }
        return timeline;
      });
}

Status PostgresStore::add_peg(app::PersonId person, const app::DatedPeg3& entry) {
  return connection_->unit("saving a PEG-3 entry", [&](pqxx::dbtransaction& tx) -> Status {
    run(tx, kAddPeg, person, entry.date.to_string(), entry.peg.average_pain,
        entry.peg.enjoyment_interference, entry.peg.activity_interference);
    return Status::success();
  });
}

Result<std::vector<app::DatedPeg3>> PostgresStore::peg_entries(app::PersonId person) {
  return connection_->unit("reading PEG-3 entries",
                           [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::DatedPeg3>> {
                             std::vector<app::DatedPeg3> entries;
                             for (const pqxx::row& row : run(tx, kPegEntries, person)) {
                               app::DatedPeg3 entry;
                               auto date = read_date(row[0]);
                               if (!date.ok()) return date.error();
                               entry.date = *date;
                               entry.peg.average_pain = row[1].as<int>();
                               entry.peg.enjoyment_interference = row[2].as<int>();
                               entry.peg.activity_interference = row[3].as<int>();
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
    run(tx, kDeletePsfs, person, day);
    run(tx, kInsertPsfs, person, day);
    int position = 0;
    for (const coach::PsfsActivity& activity : entry.psfs.activities) {
      run(tx, kInsertPsfsActivity, person, day, position, activity.name, activity.score);
      ++position;
    }
    return Status::success();
  });
}

Result<std::vector<app::DatedPsfs>> PostgresStore::psfs_entries(app::PersonId person) {
  return connection_->unit(
      "reading PSFS entries", [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::DatedPsfs>> {
        std::vector<app::DatedPsfs> entries;
        for (const pqxx::row& row : run(tx, kPsfsEntries, person)) {
          auto date = read_date(row[0]);
          if (!date.ok()) return date.error();
          if (entries.empty() || entries.back().date != *date) entries.push_back({*date, {}});
          entries.back().psfs.activities.push_back({row[1].as<std::string>(), row[2].as<int>()});
        }
        return entries;
      });
}

}  // namespace bb::store
