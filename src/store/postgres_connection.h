// What every PostgreSQL store shares: one libpqxx connection, nested transactions as savepoints,
// the migrations, and the mapping from libpqxx exceptions to error values. Internal to the store
// folder; the ports never see libpqxx.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/row_columns.h"

namespace bb::store {

// The error value for an exception thrown while `doing` something: a lost connection (or a
// commit whose outcome is unknown) is kUnavailable, a broken constraint kConflict, unreadable
// data kCorrupt, anything else kInternal.
[[nodiscard]] Error postgres_error(const std::exception& error, std::string_view doing);

// The shared migrations use SQLite spellings where the engines differ; this rewrites them.
[[nodiscard]] std::string postgres_dialect(std::string_view sql);

// SQL written with `?` placeholders (as SQLite takes them) numbered $1, $2 ... as PostgreSQL
// takes them. A `?` inside a quoted literal is left alone.
[[nodiscard]] std::string postgres_placeholders(std::string_view sql);

// One row of a result, for the shared decoders. A value that does not convert throws
// pqxx::conversion_error, which a unit turns into kCorrupt.
class PgColumns final : public RowColumns {
 public:
  explicit PgColumns(const pqxx::row& row) : row_(row) {}
  [[nodiscard]] bool is_null(int column) const override { return row_[column].is_null(); }
  [[nodiscard]] std::int64_t integer(int column) const override {
    return row_[column].as<std::int64_t>();
  }
  [[nodiscard]] double real(int column) const override { return row_[column].as<double>(); }
  [[nodiscard]] std::string text(int column) const override {
    return row_[column].is_null() ? std::string() : row_[column].as<std::string>();
  }

 private:
  const pqxx::row& row_;
};

// A statement prepared once per connection, run by name.
struct PgStatement {
  const char* name;
  const char* sql;
};

class PostgresConnection {
 public:
  // Connects and applies every pending migration. Several processes may do this at once.
  [[nodiscard]] static Result<std::unique_ptr<PostgresConnection>> open(
      const std::string& url, const std::vector<PgStatement>& statements);

  // Outermost call: BEGIN ... COMMIT; nested calls: a savepoint, so an inner failure undoes only
  // the inner writes. Exceptions thrown by `work` itself are passed on after the rollback.
  [[nodiscard]] Status transaction(const std::function<Status()>& work);

  // Outermost call: BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY ... COMMIT, one snapshot for
  // `work`, begun by its first unit; the units then run without savepoints (a failed statement
  // ends the reads: its error is the one `work` reports). Inside another transaction it just runs
  // `work`; a transaction() inside it fails (kInternal).
  [[nodiscard]] Status read_transaction(const std::function<Status()>& work);

  // Runs `body(pqxx::dbtransaction&)` (which returns a Status or Result) as one unit: in its own
  // transaction at the top level, in a savepoint inside a caller's transaction, so that a failed
  // statement never leaves the caller's transaction unusable. Its writes are kept only when it
  // returns success. Exceptions become error values.
  template <typename Body>
  auto unit(std::string_view doing, Body&& body)
      -> std::invoke_result_t<Body, pqxx::dbtransaction&>;

  [[nodiscard]] Result<int> schema_version();

 private:
  // One level of transaction: the outermost BEGIN ... COMMIT, or a savepoint inside it. Rolls
  // back on destruction unless committed.
  class Level {
   public:
    explicit Level(PostgresConnection& connection);  // may throw
    ~Level();
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
    void commit();  // may throw
    pqxx::dbtransaction& tx() { return *connection_.outer_; }

   private:
    PostgresConnection& connection_;
    std::string savepoint_;  // empty for the outermost level and inside a read transaction
    bool joined_ = false;    // inside a read transaction, which ends it: no level of its own
    bool done_ = false;
  };

  PostgresConnection(std::string url, std::vector<PgStatement> statements)
      : url_(std::move(url)), statements_(std::move(statements)) {}

  // A new server connection with this store's settings and statements; throws when it fails.
  void connect();
  [[nodiscard]] Status migrate();

  const std::string url_;
  const std::vector<PgStatement> statements_;
  std::unique_ptr<pqxx::connection> connection_;
  // The outermost open transaction (null when none); nested levels are savepoints in it. Plain
  // SAVEPOINT statements rather than pqxx::subtransaction, whose savepoints this libpqxx version
  // does not always send.
  std::unique_ptr<pqxx::dbtransaction> outer_;
  bool reading_ = false;  // in read_transaction: outer_, once begun, is read-only
  int depth_ = 0;
};

template <typename Body>
auto PostgresConnection::unit(std::string_view doing, Body&& body)
    -> std::invoke_result_t<Body, pqxx::dbtransaction&> {
  try {
    Level level(*this);
    auto result = body(level.tx());
    if (result.ok()) level.commit();  // otherwise the destructor rolls back
    return result;
  } catch (const std::exception& error) {
    return postgres_error(error, doing);
  } catch (...) {
    return Error::internal(std::string(doing) + ": an unknown exception");
  }
}

}  // namespace bb::store
