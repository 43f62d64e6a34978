// The PersonStore on one SQLite file: WAL journal, foreign keys on, a busy timeout so that a
// second process waits instead of failing, prepared statements cached per connection.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "app/person_store.h"
#include "base/result.h"

namespace bb::store {

class SqliteConnection;

// $XDG_DATA_HOME/bounceback/bounceback.db, or ~/.local/share/bounceback/bounceback.db when
// XDG_DATA_HOME is unset or not absolute. Creates the folder; kUnavailable when it cannot.
[[nodiscard]] Result<std::string> default_database_path();

class SqliteStore final : public app::PersonStore {
 public:
  // Opens the file (creating it when missing) and applies every pending migration.
  // kUnavailable when the file cannot be opened, kCorrupt when it is not a Bounceback database
  // or was written by a newer version.
  [[nodiscard]] static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

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
  explicit SqliteStore(std::unique_ptr<SqliteConnection> connection);

  [[nodiscard]] Status migrate();
  // Runs one cached statement with `args` bound in order; for statements that return no rows.
  template <typename... Args>
  [[nodiscard]] Status run(std::string_view sql, const Args&... values);

  std::unique_ptr<SqliteConnection> connection_;
};

}  // namespace bb::store
