// What the SQLite stores share: one connection with the project's pragmas, a cache of prepared
// statements, nested transactions as savepoints, and one use of a statement at a time
// (SqliteQuery). Internal to the store folder.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/date.h"
#include "base/result.h"
#include "store/row_columns.h"

struct sqlite3;
struct sqlite3_stmt;

namespace bb::store {

// The error value for SQLite result code `rc` while `doing` something: a broken constraint is
// kConflict, a busy, locked or unwritable file kUnavailable, unreadable data kCorrupt.
[[nodiscard]] Error sqlite_error(sqlite3* db, int rc, std::string_view doing);

// Switches the connection's file to the WAL journal. A fresh file needs a moment to itself for
// that, and SQLite answers "locked" at once, without waiting, while another connection opening
// the same fresh file does the same: so this tries again for up to a few seconds.
[[nodiscard]] Status switch_to_wal(sqlite3* db);

// One use of a cached statement: binds, steps and reads columns, and resets the statement when
// it goes out of scope so the cache can hand it out again.
class SqliteQuery {
 public:
  SqliteQuery(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteQuery();
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  SqliteQuery& bind(std::int64_t value);
  SqliteQuery& bind(int value);
  SqliteQuery& bind(double value);
  SqliteQuery& bind(Date date) { return bind(std::string_view(date.to_string())); }
  SqliteQuery& bind(std::string_view text);
  SqliteQuery& bind(const std::string& text) { return bind(std::string_view(text)); }
  // Without this overload a string literal would bind as something else.
  SqliteQuery& bind(const char* text) { return bind(std::string_view(text)); }
  // Bytes, not text: kept exactly, whatever their encoding.
  SqliteQuery& bind_blob(std::string_view bytes);

  // True when a row is ready, false when done.
  [[nodiscard]] Result<bool> step();
  // For statements that return no rows.
  [[nodiscard]] Status run();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::string blob(int column) const;
  // Rows changed by the last statement run on this connection.
  [[nodiscard]] int changes() const;

 private:
  SqliteQuery& check(int rc);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int next_ = 0;
  int bind_rc_ = 0;
};

// The current row of a query, for the shared decoders.
class SqliteColumns final : public RowColumns {
 public:
  explicit SqliteColumns(const SqliteQuery& query) : query_(query) {}
  [[nodiscard]] bool is_null(int column) const override { return query_.is_null(column); }
  [[nodiscard]] std::int64_t integer(int column) const override { return query_.integer(column); }
  [[nodiscard]] double real(int column) const override { return query_.real(column); }
  [[nodiscard]] std::string text(int column) const override { return query_.text(column); }

 private:
  const SqliteQuery& query_;
};

// Whether opening may create the file: only the person store does, since it owns the schema.
enum class SqliteOpenMode { kExistingFile, kCreateIfMissing };

class SqliteConnection {
 public:
  // Opens a database file for reading and writing, with WAL, foreign keys on and a busy timeout.
  // By default the file must exist (the schema is the person store's to create and migrate).
  [[nodiscard]] static Result<std::unique_ptr<SqliteConnection>> open(
      const std::string& path, SqliteOpenMode mode = SqliteOpenMode::kExistingFile);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  [[nodiscard]] Status execute(std::string_view sql);
  // One statement without parameters, kept prepared for the next time (BEGIN, COMMIT...).
  [[nodiscard]] Status execute_cached(std::string_view sql);
  // A statement prepared once per connection, then taken from the cache.
  [[nodiscard]] Result<sqlite3_stmt*> prepare(std::string_view sql);
  // The outermost call is BEGIN IMMEDIATE ... COMMIT, nested calls savepoints; `work`'s writes
  // are kept only when it returns success. kInternal inside a read_transaction.
  [[nodiscard]] Status transaction(const std::function<Status()>& work);
  // BEGIN DEFERRED ... COMMIT: no lock until the first read, then one WAL snapshot for all of
  // `work` while writers carry on. Inside another transaction it just runs `work`.
  [[nodiscard]] Status read_transaction(const std::function<Status()>& work);
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  int transaction_depth_ = 0;
  bool reading_ = false;  // the outermost transaction is a read_transaction
};

// Prepares `sql` on `connection` into a SqliteQuery named `name` with `args` bound, or returns
// the error from the enclosing function.
#define BB_SQLITE_QUERY(connection, name, sql, ...)          \
  auto name##_prepared = (connection).prepare(sql);          \
  if (!name##_prepared.ok()) return name##_prepared.error(); \
  SqliteQuery name((connection).handle(), *name##_prepared); \
  [&](auto&&... args) { (name.bind(args), ...); }(__VA_ARGS__)

}  // namespace bb::store
