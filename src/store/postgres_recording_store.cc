#include "store/postgres_recording_store.h"

#include <string>
#include <utility>
#include <vector>

#include "store/postgres_connection.h"
#include "store/recording_rows.h"

namespace bb::store {
namespace {

// Samples travel as hex text and are kept as BYTEA: exact bytes whatever their encoding, with no
// reliance on this libpqxx version's binary parameters.
const std::string kInsert =
    "INSERT INTO recordings (person_id, day, source, name, created_at, placement, jumps,"
    " cadence_per_min, jump_height_cm, impact_g, duration_s, feedback, active_seconds, trips,"
    " longest_run, analysis, samples)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
    " decode($17, 'hex'))"
    " RETURNING id";
const std::string kSelectAll = std::string("SELECT ") + kRecordingHeaderColumns +
                               " FROM recordings WHERE person_id = $1 ORDER BY day, id";
const std::string kSelectOne = std::string("SELECT ") + kRecordingHeaderColumns +
                               ", analysis FROM recordings WHERE person_id = $1 AND id = $2";

const std::vector<PgStatement>& statements() {
  static const std::vector<PgStatement> kAll = {
      {"recording.insert", kInsert.c_str()},
      {"recording.all", kSelectAll.c_str()},
      {"recording.one", kSelectOne.c_str()},
      {"recording.samples",
       "SELECT encode(samples, 'hex') FROM recordings WHERE person_id = $1 AND id = $2"},
      {"recording.delete", "DELETE FROM recordings WHERE person_id = $1 AND id = $2"},
  };
  return kAll;
}

std::string to_hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xf];
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0) return Error::corrupt("stored samples are unreadable (odd hex length)");
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_digit(hex[i]);
    const int low = hex_digit(hex[i + 1]);
    if (high < 0 || low < 0) return Error::corrupt("stored samples are unreadable (not hex)");
    out += static_cast<char>((high << 4) | low);
  }
  return out;
}

Result<app::RecordingHeader> read_header(const pqxx::row& row) {
  return recording_header_from(
      {row[0].as<app::RecordingId>(), row[1].as<std::string>(), row[2].as<std::string>(),
       row[3].as<std::string>(), row[4].as<app::UnixSeconds>(), row[5].as<std::string>(),
       row[6].as<std::int64_t>(), row[7].as<double>(), row[8].as<double>(), row[9].as<double>(),
       row[10].as<double>(), row[11].as<std::string>(), row[12].as<double>(),
       row[13].as<std::int64_t>(), row[14].as<std::int64_t>()});
}

}  // namespace

Result<std::unique_ptr<PostgresRecordingStore>> PostgresRecordingStore::open(
    const std::string& url) {
  auto connection = PostgresConnection::open(url, statements());
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<PostgresRecordingStore>(
      new PostgresRecordingStore(std::move(*connection)));
}

PostgresRecordingStore::PostgresRecordingStore(std::unique_ptr<PostgresConnection> connection)
    : connection_(std::move(connection)) {}

PostgresRecordingStore::~PostgresRecordingStore() = default;

Result<app::RecordingId> PostgresRecordingStore::add_recording(
    app::PersonId person, const app::StoredRecording& recording, const std::string& samples) {
  const app::RecordingHeader& h = recording.header;
  return connection_->unit(
      "saving a recording", [&](pqxx::dbtransaction& tx) -> Result<app::RecordingId> {
        const pqxx::result rows = tx.exec_prepared(
            "recording.insert", person, h.date.to_string(), app::to_string(h.source), h.name,
            h.created_at, h.placement, h.jumps, h.cadence_per_min, h.jump_height_cm, h.impact_g,
            h.duration_s, join_lines(h.feedback), h.active_seconds, h.trips, h.longest_run,
            recording.analysis_json, to_hex(samples));
        return rows[0][0].as<app::RecordingId>();
      });
}

Result<std::vector<app::RecordingHeader>> PostgresRecordingStore::recordings(app::PersonId person) {
  return connection_->unit(
      "reading recordings",
      [&](pqxx::dbtransaction& tx) -> Result<std::vector<app::RecordingHeader>> {
        std::vector<app::RecordingHeader> out;
        for (const pqxx::row& row : tx.exec_prepared("recording.all", person)) {
          BB_ASSIGN_OR_RETURN(app::RecordingHeader header, read_header(row));
          out.push_back(std::move(header));
        }
        return out;
      });
}

Result<std::optional<app::StoredRecording>> PostgresRecordingStore::recording(app::PersonId person,
                                                                              app::RecordingId id) {
  return connection_->unit(
      "reading a recording",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<app::StoredRecording>> {
        const pqxx::result rows = tx.exec_prepared("recording.one", person, id);
        if (rows.empty()) return std::optional<app::StoredRecording>();
        BB_ASSIGN_OR_RETURN(app::RecordingHeader header, read_header(rows[0]));
        return std::optional<app::StoredRecording>(
            app::StoredRecording{std::move(header), rows[0][15].as<std::string>()});
      });
}

Result<std::optional<std::string>> PostgresRecordingStore::recording_samples(app::PersonId person,
                                                                             app::RecordingId id) {
  return connection_->unit(
      "reading a recording's samples",
      [&](pqxx::dbtransaction& tx) -> Result<std::optional<std::string>> {
        const pqxx::result rows = tx.exec_prepared("recording.samples", person, id);
        if (rows.empty()) return std::optional<std::string>();
        BB_ASSIGN_OR_RETURN(std::string bytes, from_hex(rows[0][0].as<std::string>()));
        return std::optional<std::string>(std::move(bytes));
      });
}

Result<bool> PostgresRecordingStore::delete_recording(app::PersonId person, app::RecordingId id) {
  return connection_->unit("deleting a recording", [&](pqxx::dbtransaction& tx) -> Result<bool> {
    return tx.exec_prepared("recording.delete", person, id).affected_rows() > 0;
  });
}

}  // namespace bb::store
