// The RecordingStore on one SQLite file, next to the SqliteStore of the same file (its own
// connection, the same pragmas).
#pragma once

#include <memory>
#include <string>

#include "app/recording_store.h"
#include "store/sqlite_connection.h"

namespace bb::store {

class SqliteRecordingStore final : public app::RecordingStore {
 public:
  // Opens the file and applies pending migrations (through SqliteStore) first.
  [[nodiscard]] static Result<std::unique_ptr<SqliteRecordingStore>> open(const std::string& path);

  [[nodiscard]] Result<app::RecordingId> add_recording(app::PersonId person,
                                                       const app::StoredRecording& recording,
                                                       const std::string& samples) override;
  [[nodiscard]] Result<std::vector<app::RecordingHeader>> recordings(app::PersonId person) override;
  [[nodiscard]] Result<std::optional<app::StoredRecording>> recording(app::PersonId person,
                                                                      app::RecordingId id) override;
  [[nodiscard]] Result<std::optional<std::string>> recording_samples(app::PersonId person,
                                                                     app::RecordingId id) override;
  [[nodiscard]] Result<bool> delete_recording(app::PersonId person, app::RecordingId id) override;

 private:
  explicit SqliteRecordingStore(std::unique_ptr<SqliteConnection> connection)
      : connection_(std::move(connection)) {}
  std::unique_ptr<SqliteConnection> connection_;
};

}  // namespace bb::store
