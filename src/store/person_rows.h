// The person store's rows, the same on every engine: the SQL of each statement (written once,
// with `?` placeholders; postgres_placeholders() numbers them for PostgreSQL), the values a write
// binds, and the decoders, which read a result row through RowColumns so that one adapter per
// engine (SqliteQuery, pqxx::row) is all that differs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/person_store.h"
#include "base/date.h"
#include "base/result.h"
#include "store/row_columns.h"

namespace bb::store {

// A statement of the person store: a name (PostgreSQL prepares it under it) and its SQL.
struct PersonStatement {
  const char* name;
  const char* sql;
};

namespace person_sql {

inline constexpr PersonStatement kEnsurePerson{
    "person.ensure", "INSERT INTO persons (id) VALUES (?) ON CONFLICT (id) DO NOTHING"};
inline constexpr PersonStatement kProfile{
    "person.profile",
    "SELECT birth_year, height_cm, rope_experience, rope, aggravated_by FROM profiles"
    " WHERE person_id = ?"};
inline constexpr PersonStatement kSaveProfile{
    "person.save_profile",
    "INSERT INTO profiles (person_id, birth_year, height_cm, rope_experience, rope,"
    " aggravated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
    " birth_year = excluded.birth_year, height_cm = excluded.height_cm,"
    " rope_experience = excluded.rope_experience, rope = excluded.rope,"
    " aggravated_by = excluded.aggravated_by"};
inline constexpr PersonStatement kScreening{
    "person.screening", "SELECT screened_on, yes_flags FROM screenings WHERE person_id = ?"};
inline constexpr PersonStatement kSaveScreening{
    "person.save_screening",
    "INSERT INTO screenings (person_id, screened_on, yes_flags) VALUES (?, ?, ?)"
    " ON CONFLICT (person_id) DO UPDATE SET screened_on = excluded.screened_on,"
    " yes_flags = excluded.yes_flags"};
inline constexpr PersonStatement kPlanRevision{"person.plan_revision",
                                               "SELECT revision FROM persons WHERE id = ?"};
inline constexpr PersonStatement kClearance{
    "person.clearance", "SELECT cleared_on FROM clearances WHERE person_id = ?"};
inline constexpr PersonStatement kRecordClearance{
    "person.record_clearance",
    "INSERT INTO clearances (person_id, cleared_on) VALUES (?, ?)"
    " ON CONFLICT (person_id) DO UPDATE SET cleared_on = excluded.cleared_on"};
inline constexpr PersonStatement kRemoveClearance{
    "person.remove_clearance", "DELETE FROM clearances WHERE person_id = ?"};
inline constexpr PersonStatement kCheckin{
    "person.checkin",
    "SELECT pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
    " WHERE person_id = ? AND day = ?"};
inline constexpr PersonStatement kSaveCheckin{
    "person.save_checkin",
    "INSERT INTO checkins (person_id, day, pain, feel, leg_symptoms, urgent_flags, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, day) DO UPDATE SET"
    " pain = excluded.pain, feel = excluded.feel, leg_symptoms = excluded.leg_symptoms,"
    " urgent_flags = excluded.urgent_flags, notes = excluded.notes"};
inline constexpr PersonStatement kSession{
    "person.session",
    "SELECT completed, rope_minutes, pain_during_max, pain_after, stopped, effort, notes"
    " FROM sessions WHERE person_id = ? AND day = ?"};
// An effort of -1 is stored as NULL (not given).
inline constexpr PersonStatement kSaveSession{
    "person.save_session",
    "INSERT INTO sessions (person_id, day, completed, rope_minutes, pain_during_max,"
    " pain_after, stopped, effort, notes) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, -1), ?)"
    " ON CONFLICT (person_id, day) DO UPDATE"
    " SET completed = excluded.completed, rope_minutes = excluded.rope_minutes,"
    " pain_during_max = excluded.pain_during_max, pain_after = excluded.pain_after,"
    " stopped = excluded.stopped, effort = excluded.effort, notes = excluded.notes"};
inline constexpr PersonStatement kSaveNextMorningPain{
    "person.save_next_morning_pain",
    "UPDATE sessions SET next_morning_pain = ? WHERE person_id = ? AND day = ?"};
// The timeline's days: check-in columns from 1 (kCheckinColumns), session columns from 1
// (kSessionColumns, then next_morning_pain, effort, notes). SQLite merges the two date-ordered
// scans in the store, cheaper there than a lookup per day; PostgreSQL joins them.
inline constexpr PersonStatement kTimelineCheckins{
    "person.timeline_checkins",
    "SELECT day, pain, feel, leg_symptoms, urgent_flags, notes FROM checkins"
    " WHERE person_id = ? AND day <= ? ORDER BY day"};
inline constexpr PersonStatement kTimelineSessions{
    "person.timeline_sessions",
    "SELECT day, completed, rope_minutes, pain_during_max, pain_after, stopped,"
    " next_morning_pain, effort, notes FROM sessions WHERE person_id = ? AND day <= ?"
    " ORDER BY day"};
// Check-in columns from 1, then the session's day at 6 (NULL without one) and its columns from 7.
inline constexpr PersonStatement kTimelineDays{
    "person.timeline_days",
    "SELECT c.day, c.pain, c.feel, c.leg_symptoms, c.urgent_flags, c.notes,"
    " s.day, s.completed, s.rope_minutes, s.pain_during_max, s.pain_after, s.stopped,"
    " s.next_morning_pain, s.effort, s.notes"
    " FROM checkins c LEFT JOIN sessions s ON s.person_id = c.person_id AND s.day = c.day"
    " WHERE c.person_id = ? AND c.day <= ? ORDER BY c.day"};
inline constexpr PersonStatement kAddPeg{
    "person.add_peg",
    "INSERT INTO peg_entries (person_id, day, average_pain, enjoyment_interference,"
    " activity_interference) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, day) DO UPDATE SET"
    " average_pain = excluded.average_pain,"
    " enjoyment_interference = excluded.enjoyment_interference,"
    " activity_interference = excluded.activity_interference"};
inline constexpr PersonStatement kPegEntries{
    "person.peg_entries",
    "SELECT day, average_pain, enjoyment_interference, activity_interference FROM peg_entries"
    " WHERE person_id = ? ORDER BY day"};
// Replacing a PSFS entry replaces all its activities: the cascade clears the old ones.
inline constexpr PersonStatement kDeletePsfs{
    "person.delete_psfs", "DELETE FROM psfs_entries WHERE person_id = ? AND day = ?"};
inline constexpr PersonStatement kInsertPsfs{
    "person.insert_psfs", "INSERT INTO psfs_entries (person_id, day) VALUES (?, ?)"};
inline constexpr PersonStatement kInsertPsfsActivity{
    "person.insert_psfs_activity",
    "INSERT INTO psfs_activities (person_id, day, position, name, score)"
    " VALUES (?, ?, ?, ?, ?)"};
inline constexpr PersonStatement kPsfsEntries{
    "person.psfs_entries",
    "SELECT e.day, a.name, a.score FROM psfs_entries e"
    " JOIN psfs_activities a ON a.person_id = e.person_id AND a.day = e.day"
    " WHERE e.person_id = ? ORDER BY e.day, a.position"};

// Every statement above that an engine prepares (the timeline scans are SQLite's, the join
// PostgreSQL's; preparing an unused one costs nothing that matters).
[[nodiscard]] const std::vector<PersonStatement>& all();

}  // namespace person_sql

// Values as a write binds them.
[[nodiscard]] std::string aggravator_ids(const coach::Profile& profile);
[[nodiscard]] std::string flag_ids(const std::vector<coach::RedFlag>& flags);
// The ids of the flags answered "yes".
[[nodiscard]] std::string yes_flag_ids(const coach::Screening& screening);

// Decoders. kCorrupt for a stored value that does not read back.
[[nodiscard]] Result<Date> read_date(const RowColumns& row, int column);
[[nodiscard]] Result<coach::Profile> read_profile(const RowColumns& row);
[[nodiscard]] Result<app::ScreeningRecord> read_screening(const RowColumns& row);
// The check-in columns from `first` on: pain, feel, leg_symptoms, urgent_flags, notes.
[[nodiscard]] Result<coach::CheckIn> read_checkin(const RowColumns& row, int first);
// The session columns from `first` on: completed, rope_minutes, pain_during_max, pain_after,
// stopped; then effort and notes from `noted` on.
[[nodiscard]] Result<coach::SessionLog> read_session(const RowColumns& row, int first, int noted);
// A next-morning pain column, NULL when none was given.
[[nodiscard]] std::optional<int> read_optional_score(const RowColumns& row, int column);
// day, average_pain, enjoyment_interference, activity_interference.
[[nodiscard]] Result<app::DatedPeg3> read_peg(const RowColumns& row);
// A row of kPsfsEntries, added to `entries` (rows come by day, then position).
[[nodiscard]] Status add_psfs_row(const RowColumns& row, std::vector<app::DatedPsfs>& entries);

}  // namespace bb::store
