// How long opening a large database takes when a migration rebuilds its tables: the file is
// filled as the previous release left it (raw SQL at that schema version), then the store opens
// it and applies the pending migrations; only the open is timed. Migration 10 on ten years of
// daily history for 1,000 people (check-ins every day, sessions on six days of seven), filled day
// by day as a live server writes it; migration 7 on recordings of realistic size. The baseline in
// the same run: the same open on a file already at the latest version (nothing to apply).
// Sizes from the environment: BENCH_PEOPLE (1,000), BENCH_DAYS (3,650), BENCH_RECORDINGS (2,000).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <stdexcept>
#include <string>

#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace {

using namespace bb;
namespace fs = std::filesystem;

void check(sqlite3* db, int rc, const char* doing) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(fmt::format("{}: {}", doing, sqlite3_errmsg(db)));
  }
}

void exec(sqlite3* db, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), "executing");
}

// A fresh file at schema `version`, as the store of that release would have made it.
sqlite3* file_at_version(const fs::path& path, int version) {
  fs::remove(path);
  sqlite3* db = nullptr;
  check(db, sqlite3_open(path.c_str(), &db), "opening");
  // A large cache for the fill only (the timed open uses the store's own settings).
  exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4000000");
  exec(db, std::string(store::kSchemaVersionTable));
  for (const store::Migration& migration : store::migrations()) {
    if (migration.version > version) break;
    exec(db, std::string(migration.sql));
    exec(db, fmt::format("INSERT INTO schema_version VALUES ({}, 'filled')", migration.version));
  }
  return db;
}

struct Statement {
  sqlite3* db;
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* database, const char* sql) : db(database) {
    check(db, sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), "preparing");
  }
  ~Statement() { sqlite3_finalize(stmt); }
  void run() {
    check(db, sqlite3_step(stmt), "inserting");
    sqlite3_reset(stmt);
  }
};

void fill_history(sqlite3* db, int people, int days) {
  exec(db, "BEGIN");
  for (int person = 1; person <= people; ++person) {
    exec(db, fmt::format("INSERT INTO persons (id) VALUES ({0});"
                         "INSERT INTO profiles (person_id, birth_year, height_cm, rope_experience,"
                         " rope) VALUES ({0}, 1980, 170, 'some', 'beaded');"
                         "INSERT INTO screenings (person_id, screened_on) VALUES ({0}, '2016-01-01')",
                         person));
  }
  Statement checkin(db,
                    "INSERT INTO checkins (person_id, day, pain, feel, leg_symptoms, notes)"
                    " VALUES (?, ?, ?, 'good', 'none', ?)");
  Statement session(db,
                    "INSERT INTO sessions (person_id, day, completed, rope_minutes,"
                    " pain_during_max, pain_after, stopped, next_morning_pain, effort, notes)"
                    " VALUES (?, ?, 1, 4.5, ?, 2, 'none', 2, 5, '')");
  const Date first = *Date::parse("2016-01-01");
  for (int index = 0; index < days; ++index) {
    const std::string day = first.plus_days(index).to_string();
    for (int person = 1; person <= people; ++person) {  // day by day, as a live server fills it
      sqlite3_bind_int(checkin.stmt, 1, person);
      sqlite3_bind_text(checkin.stmt, 2, day.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(checkin.stmt, 3, (index + person) % 11);
      sqlite3_bind_text(checkin.stmt, 4, index % 9 == 0 ? "stiff in the morning" : "", -1,
                        SQLITE_STATIC);
      checkin.run();
      if ((index + person) % 7 == 0) continue;
      sqlite3_bind_int(session.stmt, 1, person);
      sqlite3_bind_text(session.stmt, 2, day.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(session.stmt, 3, (index * 3 + person) % 11);
      session.run();
    }
  }
  exec(db, "COMMIT");
}

// Recordings with samples of about a five-minute session's CSV (100 Hz, four columns).
void fill_recordings(sqlite3* db, int recordings) {
  std::string samples = "time,x,y,z\n";
  for (int i = 0; samples.size() < 900'000; ++i) {
    samples += fmt::format("{:.3f},{:.4f},{:.4f},{:.4f}\n", i * 0.01, 0.1 * (i % 7), 9.8, 0.2);
  }
  const std::string analysis = R"({"active_seconds":290.5,"trips":2,"longest_run":180})";
  exec(db, "BEGIN");
  exec(db, "INSERT INTO persons (id) VALUES (1)");
  Statement insert(db,
                   "INSERT INTO recordings (person_id, day, source, created_at, placement, jumps,"
                   " cadence_per_min, jump_height_cm, impact_g, duration_s, analysis, samples)"
                   " VALUES (1, ?, 'upload', 0, 'pocket', 550, 110, 3, 2.5, 300, ?, ?)");
  const Date first = *Date::parse("2016-01-01");
  for (int index = 0; index < recordings; ++index) {
    const std::string day = first.plus_days(index).to_string();
    sqlite3_bind_text(insert.stmt, 1, day.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert.stmt, 2, analysis.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_blob(insert.stmt, 3, samples.data(), static_cast<int>(samples.size()),
                      SQLITE_STATIC);
    insert.run();
  }
  exec(db, "COMMIT");
}

fs::path bench_file(const char* name) {
  const fs::path folder = fs::temp_directory_path() / fmt::format("bench-migration-{}", getpid());
  fs::create_directories(folder);
  return folder / name;
}

void open_and_time(benchmark::State& state, const fs::path& path) {
  state.counters["MB"] = static_cast<double>(fs::file_size(path)) / 1e6;  // before: as filled
  const auto opened = store::SqliteStore::open(path.string());
  if (!opened.ok()) state.SkipWithError(opened.error().describe().c_str());
}

void BM_Migration10(benchmark::State& state) {
  const fs::path path = bench_file("history.db");
  for (auto _ : state) {
    state.PauseTiming();
    sqlite3* db = file_at_version(path, 9);
    fill_history(db, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    sqlite3_close(db);
    state.ResumeTiming();
    open_and_time(state, path);
  }
  state.counters["checkins"] = static_cast<double>(state.range(0) * state.range(1));
}

void BM_Migration7(benchmark::State& state) {
  const fs::path path = bench_file("recordings.db");
  for (auto _ : state) {
    state.PauseTiming();
    sqlite3* db = file_at_version(path, 6);
    fill_recordings(db, static_cast<int>(state.range(0)));
    sqlite3_close(db);
    state.ResumeTiming();
    open_and_time(state, path);
  }
}

// The baseline: opening a file already at the latest version.
void BM_OpenMigrated(benchmark::State& state) {
  const fs::path path = bench_file("history.db");
  for (auto _ : state) open_and_time(state, path);
}

long size_from_environment(const char* name, long fallback) {
  const char* text = std::getenv(name);
  return text != nullptr ? std::strtol(text, nullptr, 10) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::RegisterBenchmark("BM_Migration10", BM_Migration10)
      ->Args({size_from_environment("BENCH_PEOPLE", 1000), size_from_environment("BENCH_DAYS", 3650)})
      ->Iterations(1)
      ->Unit(benchmark::kSecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("BM_OpenMigrated", BM_OpenMigrated)
      ->Iterations(20)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark("BM_Migration7", BM_Migration7)
      ->Arg(size_from_environment("BENCH_RECORDINGS", 2000))
      ->Iterations(1)
      ->Unit(benchmark::kSecond)
      ->UseRealTime();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(bench_file("x").parent_path());
  return 0;
}
