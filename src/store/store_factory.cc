#include "store/store_factory.h"

#include <string_view>

#include "store/postgres_account_store.h"
#include "store/postgres_recording_store.h"
#include "store/postgres_store.h"
#include "store/sqlite_account_store.h"
#include "store/sqlite_recording_store.h"
#include "store/sqlite_store.h"

namespace bb::store {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Where a database URL points: a PostgreSQL URL as given, or the path of a SQLite file.
struct Target {
  bool postgres = false;
  std::string location;
};

Result<Target> parse_url(const std::string& url) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://"))
    return Target{true, url};
  std::string path = url;
  if (starts_with(url, kSqlitePrefix)) {
    path = url.substr(kSqlitePrefix.size());
  } else if (url.find("://") != std::string::npos) {
    return Error::invalid("db", "unknown database URL scheme in '" +
                                    url.substr(0, url.find("://")) +
                                    "': use sqlite:PATH or postgresql://...");
  }
  if (path.empty()) return Error::invalid("db", "the database URL names no file");
  return Target{false, path};
}

// Opens with `Postgres::open` or `Sqlite::open` and hands the result back as the port `Port`.
template <typename Port, typename Postgres, typename Sqlite>
Result<std::unique_ptr<Port>> open_as(const std::string& url) {
  auto target = parse_url(url);
  if (!target.ok()) return target.error();
  if (target->postgres) {
    auto store = Postgres::open(target->location);
    if (!store.ok()) return store.error();
    return std::unique_ptr<Port>(std::move(*store));
  }
  auto store = Sqlite::open(target->location);
  if (!store.ok()) return store.error();
  return std::unique_ptr<Port>(std::move(*store));
}

}  // namespace

Result<std::unique_ptr<app::PersonStore>> open_person_store(const std::string& url) {
  return open_as<app::PersonStore, PostgresStore, SqliteStore>(url);
}

Result<std::unique_ptr<app::AccountStore>> open_account_store(const std::string& url) {
  return open_as<app::AccountStore, PostgresAccountStore, SqliteAccountStore>(url);
}

Result<std::unique_ptr<app::RecordingStore>> open_recording_store(const std::string& url) {
  return open_as<app::RecordingStore, PostgresRecordingStore, SqliteRecordingStore>(url);
}

}  // namespace bb::store
