#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <utility>

namespace bb::store {
namespace {

// Waiting this long for another writer is better than failing a person's request.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Error sqlite_error(sqlite3* db, int rc, std::string_view doing) {
  std::string message = std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {  // the primary result code
    case SQLITE_CONSTRAINT:
      return Error::conflict(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Error::unavailable(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error::corrupt(std::move(message));
    default:
      return Error::internal(std::move(message));
  }
}

Status switch_to_wal(sqlite3* db) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    const int rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return Status::success();
    const int primary = rc & 0xff;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) ||
        std::chrono::steady_clock::now() >= deadline) {
      return sqlite_error(db, rc, "switching to the WAL journal");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

SqliteQuery::~SqliteQuery() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

SqliteQuery& SqliteQuery::bind(std::int64_t value) {
  return check(sqlite3_bind_int64(stmt_, ++next_, value));
}
SqliteQuery& SqliteQuery::bind(int value) {
  return check(sqlite3_bind_int(stmt_, ++next_, value));
}
SqliteQuery& SqliteQuery::bind(double value) {
  return check(sqlite3_bind_double(stmt_, ++next_, value));
}
SqliteQuery& SqliteQuery::bind(std::string_view text) {
  return check(sqlite3_bind_text(stmt_, ++next_, text.data(), static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT));
}
SqliteQuery& SqliteQuery::bind_blob(std::string_view bytes) {
  return check(sqlite3_bind_blob64(stmt_, ++next_, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

SqliteQuery& SqliteQuery::check(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  return *this;
}

Result<bool> SqliteQuery::step() {
  if (bind_rc_ != SQLITE_OK) return sqlite_error(db_, bind_rc_, "binding a value");
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, "running a statement");
}

Status SqliteQuery::run() {
  Result<bool> stepped = step();
  if (!stepped.ok()) return stepped.error();
  return Status::success();
}

bool SqliteQuery::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t SqliteQuery::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}
double SqliteQuery::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string SqliteQuery::text(int column) const {
  // The blob view of a text value is its bytes as stored: unlike sqlite3_column_text, no copy to
  // add a terminating NUL.
  const auto* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return {reinterpret_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string SqliteQuery::blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return {static_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

int SqliteQuery::changes() const {
  return sqlite3_changes(db_);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path,
                                                                 SqliteOpenMode mode) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                    (mode == SqliteOpenMode::kCreateIfMissing ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc, "opening " + path);
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers continue while one writer commits; NORMAL sync is durable enough with WAL.
  Status configured = switch_to_wal(db);
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    if (configured.ok()) configured = connection->execute(pragma);
  }
  if (!configured.ok()) {
    Error error = configured.error();
    error.message = path + ": " + error.message;
    return error;
  }
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status SqliteConnection::execute(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::success();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  Error error = sqlite_error(db_, rc, "executing SQL");
  error.message = "executing SQL: " + detail;
  return error;
}

Status SqliteConnection::execute_cached(std::string_view sql) {
  Result<sqlite3_stmt*> stmt = prepare(sql);
  if (!stmt.ok()) return stmt.error();
  SqliteQuery query(db_, *stmt);
  const Result<bool> stepped = query.step();
  if (stepped.ok()) return Status::success();
  Error error = stepped.error();
  error.message = std::string("executing SQL: ") + sqlite3_errmsg(db_);  // as execute() says it
  return error;
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) return found->second;
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, "preparing a statement");
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

Status SqliteConnection::transaction(const std::function<Status()>& work) {
  if (reading_) return Error::internal("a write transaction inside a read transaction");
  const bool outermost = transaction_depth_ == 0;
  const std::string savepoint = "bb_level_" + std::to_string(transaction_depth_);
  // IMMEDIATE takes the write lock up front, so a busy database waits here (busy timeout)
  // instead of failing halfway through a use case.
  const std::string begin = outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint;
  const std::string commit = outermost ? "COMMIT" : "RELEASE " + savepoint;
  const std::string rollback =
      outermost ? "ROLLBACK" : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
  // The outermost statements run on every write: cached rather than parsed each time.
  const auto exec = [this, outermost](const std::string& sql) {
    return outermost ? execute_cached(sql) : execute(sql);
  };
  BB_RETURN_IF_ERROR(exec(begin));
  ++transaction_depth_;
  Status result;
  try {
    result = work();
  } catch (...) {
    --transaction_depth_;
    (void)exec(rollback);
    throw;
  }
  --transaction_depth_;
  if (result.ok()) {
    result = exec(commit);
    if (result.ok()) return result;
  }
  (void)exec(rollback);  // best effort: the first error is the one worth reporting
  return result;
}

Status SqliteConnection::read_transaction(const std::function<Status()>& work) {
  if (transaction_depth_ > 0) return work();
  BB_RETURN_IF_ERROR(execute_cached("BEGIN DEFERRED"));
  ++transaction_depth_;
  reading_ = true;
  const auto end = [this] {
    --transaction_depth_;
    reading_ = false;
  };
  Status result;
  try {
    result = work();
  } catch (...) {
    end();
    (void)execute_cached("ROLLBACK");
    throw;
  }
  end();
  if (result.ok()) {
    result = execute_cached("COMMIT");
    if (result.ok()) return result;
  }
  (void)execute_cached("ROLLBACK");
  return result;
}

}  // namespace bb::store
