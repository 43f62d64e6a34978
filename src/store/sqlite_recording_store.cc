#include "store/sqlite_recording_store.h"

#include <sqlite3.h>

#include <utility>

#include "store/recording_rows.h"
#include "store/sqlite_store.h"

namespace bb::store {
namespace {

Result<app::RecordingHeader> read_header(const SqliteQuery& q) {
  return recording_header_from({q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4),
                                q.text(5), q.integer(6), q.real(7), q.real(8), q.real(9),
                                q.real(10), q.text(11), q.real(12), q.integer(13), q.integer(14)});
}

const std::string kSelectOne = std::string("SELECT ") + kRecordingHeaderColumns +
                               ", analysis FROM recordings WHERE person_id = ? AND id = ?";
const std::string kSelectAll = std::string("SELECT ") + kRecordingHeaderColumns +
                               " FROM recordings WHERE person_id = ? ORDER BY day, id";

}  // namespace

Result<std::unique_ptr<SqliteRecordingStore>> SqliteRecordingStore::open(const std::string& path) {
  {
    // The person store owns the schema: opening it applies every pending migration.
    auto migrated = SqliteStore::open(path);
    if (!migrated.ok()) return migrated.error();
  }
  auto connection = SqliteConnection::open(path);
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<SqliteRecordingStore>(new SqliteRecordingStore(std::move(*connection)));
}

Result<app::RecordingId> SqliteRecordingStore::add_recording(app::PersonId person,
                                                             const app::StoredRecording& recording,
                                                             const std::string& samples) {
  const app::RecordingHeader& h = recording.header;
  BB_SQLITE_QUERY(*connection_, q,
                  "INSERT INTO recordings (person_id, day, source, name, created_at, placement,"
                  " jumps, cadence_per_min, jump_height_cm, impact_g, duration_s, feedback,"
                  " active_seconds, trips, longest_run, analysis, samples)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  person, h.date, app::to_string(h.source), h.name, h.created_at, h.placement,
                  h.jumps, h.cadence_per_min, h.jump_height_cm, h.impact_g, h.duration_s,
                  join_lines(h.feedback), h.active_seconds, h.trips, h.longest_run,
                  recording.analysis_json);
  q.bind_blob(samples);
  BB_RETURN_IF_ERROR(q.run());
  return static_cast<app::RecordingId>(sqlite3_last_insert_rowid(connection_->handle()));
}

Result<std::vector<app::RecordingHeader>> SqliteRecordingStore::recordings(app::PersonId person) {
  BB_SQLITE_QUERY(*connection_, q, kSelectAll, person);
  std::vector<app::RecordingHeader> out;
  while (true) {
    BB_ASSIGN_OR_RETURN(const bool row, q.step());
    if (!row) break;
    BB_ASSIGN_OR_RETURN(app::RecordingHeader header, read_header(q));
    out.push_back(std::move(header));
  }
  return out;
}

Result<std::optional<app::StoredRecording>> SqliteRecordingStore::recording(app::PersonId person,
                                                                            app::RecordingId id) {
  BB_SQLITE_QUERY(*connection_, q, kSelectOne, person, id);
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return std::optional<app::StoredRecording>();
  BB_ASSIGN_OR_RETURN(app::RecordingHeader header, read_header(q));
  return std::optional<app::StoredRecording>(app::StoredRecording{std::move(header), q.text(15)});
}

Result<std::optional<std::string>> SqliteRecordingStore::recording_samples(app::PersonId person,
                                                                           app::RecordingId id) {
  BB_SQLITE_QUERY(*connection_, q, "SELECT samples FROM recordings WHERE person_id = ? AND id = ?",
                  person, id);
  BB_ASSIGN_OR_RETURN(const bool row, q.step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(q.blob(0));
}

Result<bool> SqliteRecordingStore::delete_recording(app::PersonId person, app::RecordingId id) {
  BB_SQLITE_QUERY(*connection_, q, "DELETE FROM recordings WHERE person_id = ? AND id = ?", person,
                  id);
  BB_RETURN_IF_ERROR(q.run());
  return q.changes() > 0;
}

}  // namespace bb::store
