// Opens the store a database URL names, so callers (the command line, the server) never pick an
// engine themselves.
#pragma once

#include <memory>
#include <string>

#include "app/account_store.h"
#include "app/person_store.h"
#include "app/recording_store.h"
#include "base/result.h"

namespace bb::store {

// `url` is one of:
//   sqlite:PATH                    a SQLite file (created when missing)
//   PATH                           the same, for a bare path
//   postgresql://... postgres://...  a PostgreSQL database (libpq URI, parameters allowed)
// kInvalidArgument for an empty URL or another scheme; otherwise what the store's open returns.
[[nodiscard]] Result<std::unique_ptr<app::PersonStore>> open_person_store(const std::string& url);

// The accounts of the same database, on a connection of their own; same URLs and errors.
[[nodiscard]] Result<std::unique_ptr<app::AccountStore>> open_account_store(const std::string& url);

// The motion recordings of the same database, on a connection of their own; same URLs and errors.
[[nodiscard]] Result<std::unique_ptr<app::RecordingStore>> open_recording_store(
    const std::string& url);

}  // namespace bb::store
