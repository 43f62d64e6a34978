// Fuzzes request decoding end to end: raw bytes through the server's HTTP parser and target
// decoding, then the API itself on a throw-away SQLite file. Nothing may crash, hang or trip a
// sanitizer, and no input may produce a 500: bad input is always the client's error.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/catalog_loader.h"
#include "http/api.h"
#include "http/api_error.h"
#include "http/beast_request.h"
#include "http/server.h"
#include "http/sodium_secrets.h"
#include "store/sqlite_account_store.h"
#include "store/sqlite_recording_store.h"
#include "store/sqlite_store.h"

namespace {

struct Harness {
  Harness() {
    folder = std::filesystem::temp_directory_path() /
             ("bb_fuzz_http_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::string path = (folder / "fuzz.db").string();
    pool = std::make_unique<bb::http::StorePool>(
        [path]() -> bb::Result<bb::http::Stores> {
          auto persons = bb::store::SqliteStore::open(path);
          if (!persons.ok()) return persons.error();
          auto accounts = bb::store::SqliteAccountStore::open(path);
          if (!accounts.ok()) return accounts.error();
          auto recordings = bb::store::SqliteRecordingStore::open(path);
          if (!recordings.ok()) return recordings.error();
          return bb::http::Stores{std::move(*persons), std::move(*accounts),
                                  std::move(*recordings)};
        },
        1);
    secrets = std::move(bb::http::SodiumSecrets::create(bb::http::PasswordCost::kMinimal).value());
    catalog = bb::app::load_embedded_catalog().value();
    bb::http::ApiParts parts;
    parts.stores = pool.get();
    parts.secrets = secrets.get();
    parts.clock = &clock;
    parts.catalog = &catalog;
    parts.openapi_document = "openapi: 3.0.3\n";
    // A web app with compressed variants, so Accept-Encoding is read on every page request.
    static const std::vector<bb::data::EmbeddedFile> kWeb = {
        {"index.html", "<!doctype html>"}, {"index.html.br", "B"}, {"index.html.gz", "G"}};
    parts.web = bb::http::StaticFiles(kWeb);
    api = std::make_unique<bb::http::Api>(std::move(parts));
  }
  ~Harness() {
    api.reset();
    pool.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }

  std::filesystem::path folder;
  std::unique_ptr<bb::http::StorePool> pool;
  std::unique_ptr<bb::http::SodiumSecrets> secrets;
  bb::http::FixedClock clock{1'773'100'000, *bb::Date::parse("2026-03-10")};
  bb::coach::Catalog catalog;
  std::unique_ptr<bb::http::Api> api;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness harness;
  static const bb::http::ServerOptions options;
  auto request =
      bb::http::parse_request_bytes(std::string_view(reinterpret_cast<const char*>(data), size),
                                    options.header_limit, options.body_limit);
  if (!request.ok()) {
    if (bb::http::status_of(request.error().failure) >= 500) std::abort();
    return 0;
  }
  const bb::http::Response response = harness.api->handle(*request);
  if (response.status >= 500) {
    std::fprintf(stderr, "%u for %s %s: %s\n", response.status, request->method.c_str(),
                 request->target.c_str(), response.body.c_str());
    std::abort();
  }
  return 0;
}
