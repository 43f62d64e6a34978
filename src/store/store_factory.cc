#include "store/store_factory.h"

#include <string_view>

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace bb::store {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<std::unique_ptr<app::PersonStore>> open_person_store(const std::string& url) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    auto store = PostgresStore::open(url);
    if (!store.ok()) return store.error();
    return std::unique_ptr<app::PersonStore>(std::move(*store));
  }
  std::string path = url;
  if (starts_with(url, kSqlitePrefix)) {
    path = url.substr(kSqlitePrefix.size());
  } else if (url.find("://") != std::string::npos) {
    return Error::invalid("db", "unknown database URL scheme in '" +
                                    url.substr(0, url.find("://")) +
                                    "': use sqlite:PATH or postgresql://...");
  }
  if (path.empty()) return Error::invalid("db", "the database URL names no file");
  auto store = SqliteStore::open(path);
  if (!store.ok()) return store.error();
  return std::unique_ptr<app::PersonStore>(std::move(*store));
}

}  // namespace bb::store
