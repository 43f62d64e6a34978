// The RecordingStore on a PostgreSQL database: its own connection to the database the
// PostgresStore uses, same migrations.
#pragma once

#include <memory>
#include <string>

#include "app/recording_store.h"
#include "base/result.h"

namespace bb::store {

class PostgresConnection;

class PostgresRecordingStore final : public app::RecordingStore {
 public:
  // Connects and applies pending migrations; errors as PostgresStore::open.
  [[nodiscard]] static Result<std::unique_ptr<PostgresRecordingStore>> open(const std::string& url);

  ~PostgresRecordingStore() override;
  PostgresRecordingStore(const PostgresRecordingStore&) = delete;
  PostgresRecordingStore& operator=(const PostgresRecordingStore&) = delete;

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
  explicit PostgresRecordingStore(std::unique_ptr<PostgresConnection> connection);
  std::unique_ptr<PostgresConnection> connection_;
};

}  // namespace bb::store
