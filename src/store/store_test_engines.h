// Test support for the store contract suites: each engine gives a test a fresh, empty database
// and a second connection of its own. PostgreSQL finds its server through BB_TEST_PG_URL (a URL)
// or BB_TEST_PG_URL_FILE (a file holding it, written by the harness that ctest starts); without
// either its cases skip.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <pqxx/pqxx>
#include <string>

namespace bb::store::test_engines {

// One engine under test: a fresh, empty database per test, and a second connection of its own
// for looking at what the store really committed.
class Engine {
 public:
  virtual ~Engine() = default;
  // Empty when the database is ready; otherwise why this engine cannot run here.
  virtual std::string prepare_fresh_database() = 0;
  virtual std::string url() const = 0;
  // A URL of this engine that cannot be reached.
  virtual std::string unreachable_url() const = 0;
  virtual long long query_number(const std::string& sql) = 0;
  virtual void execute(const std::string& sql) = 0;
  // Cuts the store's connections from the server side, as a restart or a network fault would.
  virtual bool drop_other_connections() { return false; }
};

class SqliteEngine final : public Engine {
 public:
  ~SqliteEngine() override {
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
  }
  std::string prepare_fresh_database() override {
    static std::atomic<int> counter{0};
    folder_ = std::filesystem::temp_directory_path() /
              ("bb_contract_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    return {};
  }
  std::string url() const override { return "sqlite:" + (folder_ / "test.db").string(); }
  std::string unreachable_url() const override {
    return "sqlite:" + (folder_ / "missing-folder" / "test.db").string();
  }
  long long query_number(const std::string& sql) override {
    sqlite3* db = open();
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    const long long number = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return number;
  }
  void execute(const std::string& sql) override {
    sqlite3* db = open();
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

 private:
  sqlite3* open() {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((folder_ / "test.db").c_str(), &db), SQLITE_OK);
    return db;
  }
  std::filesystem::path folder_;
};

// The server's URL, from the environment or the harness's file; empty when there is none.
inline std::string test_server_url(std::string* why_not) {
  if (const char* url = std::getenv("BB_TEST_PG_URL"); url != nullptr && url[0] != '\0') {
    return url;
  }
  const char* file = std::getenv("BB_TEST_PG_URL_FILE");
  if (file == nullptr || file[0] == '\0') {
    *why_not = "no PostgreSQL test server: set BB_TEST_PG_URL, or run through ctest";
    return {};
  }
  std::ifstream in(file);
  std::string url;
  if (in && std::getline(in, url) && !url.empty()) return url;
  // The harness leaves a note instead of a URL when PostgreSQL is not installed.
  std::ifstream note(std::filesystem::path(file).parent_path() / "unavailable");
  std::string reason;
  if (note && std::getline(note, reason)) {
    *why_not = "PostgreSQL is not available: " + reason;
  } else {
    *why_not = "the PostgreSQL test harness wrote no URL to " + std::string(file);
  }
  return {};
}

// `url` with every connection working in `schema` and naming itself after it.
inline std::string in_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema + "&application_name=" + schema;
}

// Each test works in a schema of its own on the shared server: as separate as a database of its
// own, and made in milliseconds where CREATE DATABASE copies a template for a second or more.
class PostgresEngine final : public Engine {
 public:
  ~PostgresEngine() override {
    if (schema_.empty()) return;
    try {
      pqxx::connection admin(server_url_);
      pqxx::nontransaction tx(admin);
      tx.exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    } catch (const std::exception& error) {
      ADD_FAILURE() << "dropping " << schema_ << ": " << error.what();
    }
  }
  std::string prepare_fresh_database() override {
    std::string why_not;
    server_url_ = test_server_url(&why_not);
    if (server_url_.empty()) return why_not;
    static std::atomic<int> counter{0};
    const std::string name =
        "bb_contract_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    try {
      pqxx::connection admin(server_url_);
      pqxx::nontransaction tx(admin);
      tx.exec("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      tx.exec("CREATE SCHEMA " + name);
    } catch (const std::exception& error) {
      ADD_FAILURE() << "preparing a schema on the test server: " << error.what();
      return "no test schema";
    }
    schema_ = name;
    return {};
  }
  std::string url() const override { return in_schema(server_url_, schema_); }
  std::string unreachable_url() const override {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    return "postgresql://bounceback@127.0.0.1:1/postgres?connect_timeout=2";
  }
  long long query_number(const std::string& sql) override {
    pqxx::connection connection(url());
    pqxx::nontransaction tx(connection);
    return tx.exec1(sql)[0].as<long long>();
  }
  void execute(const std::string& sql) override {
    pqxx::connection connection(url());
    pqxx::nontransaction tx(connection);
    tx.exec(sql);
  }
  bool drop_other_connections() override {
    pqxx::connection admin(server_url_);
    pqxx::nontransaction tx(admin);
    tx.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = " +
            tx.quote(schema_) + " AND pid <> pg_backend_pid()");
    return true;
  }

 private:
  std::string server_url_;
  std::string schema_;
};

enum class EngineKind { kSqlite, kPostgres };

inline void PrintTo(EngineKind kind, std::ostream* out) {
  *out << (kind == EngineKind::kSqlite ? "SQLite" : "PostgreSQL");
}

inline std::string engine_name(const ::testing::TestParamInfo<EngineKind>& info) {
  return info.param == EngineKind::kSqlite ? "Sqlite" : "Postgres";
}

inline std::unique_ptr<Engine> make_engine(EngineKind kind) {
  if (kind == EngineKind::kSqlite) return std::make_unique<SqliteEngine>();
  return std::make_unique<PostgresEngine>();
}

#define ASSERT_OK(expr)                                            \
  do {                                                             \
    const auto& bb_checked = (expr);                               \
    ASSERT_TRUE(bb_checked.ok()) << bb_checked.error().describe(); \
  } while (false)

}  // namespace bb::store::test_engines
