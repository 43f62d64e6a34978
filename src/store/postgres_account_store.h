// The AccountStore on a PostgreSQL database: its own connection to the database the
// PostgresStore uses, same migrations. Several server instances may share it.
#pragma once

#include <memory>
#include <string>

#include "app/account_store.h"
#include "base/result.h"

namespace bb::store {

class PostgresConnection;

class PostgresAccountStore final : public app::AccountStore {
 public:
  // Connects and applies pending migrations; errors as PostgresStore::open.
  [[nodiscard]] static Result<std::unique_ptr<PostgresAccountStore>> open(const std::string& url);

  ~PostgresAccountStore() override;
  PostgresAccountStore(const PostgresAccountStore&) = delete;
  PostgresAccountStore& operator=(const PostgresAccountStore&) = delete;

  [[nodiscard]] Status transaction(const std::function<Status()>& work) override;

  [[nodiscard]] Result<app::PersonId> create_account(const std::string& email, app::Role role,
                                                     const std::string& password_hash) override;
  [[nodiscard]] Result<std::optional<app::Account>> account_by_email(
      const std::string& email) override;
  [[nodiscard]] Result<std::optional<app::Account>> account_by_id(app::PersonId id) override;
  [[nodiscard]] Status delete_account(app::PersonId id) override;
  [[nodiscard]] Status set_display_name(app::PersonId id, const std::string& name) override;
  [[nodiscard]] Status save_calendar_settings(app::PersonId person,
                                              const app::CalendarSettings& settings) override;
  [[nodiscard]] Result<std::optional<app::CalendarFeedRecord>> calendar_settings(
      app::PersonId person) override;
  [[nodiscard]] Result<bool> set_calendar_secret(app::PersonId person,
                                                 const std::string& secret_hash) override;
  [[nodiscard]] Result<std::optional<app::CalendarFeedRecord>> calendar_feed_by_secret(
      const std::string& secret_hash) override;

  [[nodiscard]] Status add_login_session(const std::string& token_hash, app::PersonId id,
                                         app::UnixSeconds expires_at) override;
  [[nodiscard]] Result<std::optional<app::PersonId>> login_session(const std::string& token_hash,
                                                                   app::UnixSeconds now) override;
  [[nodiscard]] Status delete_login_session(const std::string& token_hash) override;
  [[nodiscard]] Result<std::optional<app::Account>> session_account(const std::string& token_hash,
                                                                    app::UnixSeconds now) override;

  [[nodiscard]] Result<app::FailureWindow> attempts(const std::string& key) override;
  [[nodiscard]] Status set_attempts(const std::string& key,
                                    const app::FailureWindow& window) override;
  [[nodiscard]] Status forget_attempts_before(app::UnixSeconds start) override;
  [[nodiscard]] Status add_clinician_invite(const std::string& code_hash,
                                            app::UnixSeconds expires_at) override;
  [[nodiscard]] Result<bool> take_clinician_invite(const std::string& code_hash,
                                                   app::UnixSeconds now) override;
  [[nodiscard]] Status prune_login_sessions(app::PersonId id, app::UnixSeconds now,
                                            std::size_t keep) override;

  [[nodiscard]] Status add_invite(const std::string& code_hash, app::PersonId person,
                                  app::UnixSeconds expires_at) override;
  [[nodiscard]] Result<std::optional<app::PersonId>> take_invite(const std::string& code_hash,
                                                                 app::UnixSeconds now) override;
  [[nodiscard]] Status add_share(app::PersonId person, app::PersonId clinician,
                                 app::UnixSeconds since) override;
  [[nodiscard]] Result<bool> delete_share(app::PersonId person, app::PersonId clinician) override;
  [[nodiscard]] Result<bool> has_share(app::PersonId person, app::PersonId clinician) override;
  [[nodiscard]] Result<std::vector<app::ShareRecord>> shares_of_person(
      app::PersonId person) override;
  [[nodiscard]] Result<std::vector<app::ShareRecord>> shares_with_clinician(
      app::PersonId clinician) override;

  [[nodiscard]] Status ping() override;

 private:
  explicit PostgresAccountStore(std::unique_ptr<PostgresConnection> connection);

  std::unique_ptr<PostgresConnection> connection_;
};

}  // namespace bb::store
