// The PersonStore on a PostgreSQL database, through libpqxx. Same migrations and contract as the
// SQLite store; meant for several stateless server instances sharing one database.
#pragma once

#include <memory>
#include <string>

#include "app/person_store.h"
#include "base/result.h"

namespace bb::store {

class PostgresConnection;

class PostgresStore final : public app::PersonStore {
 public:
  // Connects to `url` (postgresql://user@host:port/database?...) and applies every pending
  // migration; several processes may open the same database at once. kUnavailable when the
  // server cannot be reached, kCorrupt when the schema is newer than this program.
  [[nodiscard]] static Result<std::unique_ptr<PostgresStore>> open(const std::string& url);

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  // The highest migration applied.
  [[nodiscard]] Result<int> schema_version();

  [[nodiscard]] Status transaction(const std::function<Status()>& work) override;
  [[nodiscard]] Status read_transaction(const std::function<Status()>& work) override;
  [[nodiscard]] Status ensure_person(app::PersonId person) override;

  [[nodiscard]] Result<std::optional<coach::Profile>> profile(app::PersonId person) override;
  [[nodiscard]] Status save_profile(app::PersonId person, const coach::Profile& profile) override;

  [[nodiscard]] Result<std::optional<app::ScreeningRecord>> screening(
      app::PersonId person) override;
  [[nodiscard]] Status save_screening(app::PersonId person,
                                      const app::ScreeningRecord& record) override;

  [[nodiscard]] Result<std::optional<std::int64_t>> plan_revision(app::PersonId person) override;
  [[nodiscard]] Result<std::optional<Date>> clearance(app::PersonId person) override;
  [[nodiscard]] Status record_clearance(app::PersonId person, Date cleared_on) override;
  [[nodiscard]] Status remove_clearance(app::PersonId person) override;

  [[nodiscard]] Result<std::optional<coach::CheckIn>> checkin(app::PersonId person,
                                                              Date date) override;
  [[nodiscard]] Status save_checkin(app::PersonId person, Date date,
                                    const coach::CheckIn& checkin) override;

  [[nodiscard]] Result<std::optional<coach::SessionLog>> session(app::PersonId person,
                                                                 Date date) override;
  [[nodiscard]] Status save_session(app::PersonId person, Date date,
                                    const coach::SessionLog& session) override;
  [[nodiscard]] Status save_next_morning_pain(app::PersonId person, Date session_date,
                                              int pain) override;

  [[nodiscard]] Result<coach::Timeline> timeline(app::PersonId person, Date up_to) override;

  [[nodiscard]] Status add_peg(app::PersonId person, const app::DatedPeg3& entry) override;
  [[nodiscard]] Result<std::vector<app::DatedPeg3>> peg_entries(app::PersonId person) override;
  [[nodiscard]] Status add_psfs(app::PersonId person, const app::DatedPsfs& entry) override;
  [[nodiscard]] Result<std::vector<app::DatedPsfs>> psfs_entries(app::PersonId person) override;

 private:
  explicit PostgresStore(std::unique_ptr<PostgresConnection> connection);

  std::unique_ptr<PostgresConnection> connection_;
};

}  // namespace bb::store
