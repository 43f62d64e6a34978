// The database schema as an ordered list of migrations. Each runs once, in its own transaction,
// and is recorded in the schema_version table. The list is logical: the same steps will be
// applied to PostgreSQL, so the SQL sticks to what both engines accept, except where a migration
// gives PostgreSQL its own text.
#pragma once

#include <string_view>
#include <vector>

namespace bb::store {

struct Migration {
  int version;                   // 1, 2, 3 ... with no gaps
  std::string_view description;  // one line, kept in schema_version
  std::string_view sql;          // one or more statements separated by ';'
  // When set, PostgreSQL runs this instead of `sql`: for the few steps the engines spell
  // differently (triggers, sequences). Both must leave the same logical schema.
  std::string_view postgres_sql;
};

// Creates the bookkeeping table; safe to run on every open.
inline constexpr std::string_view kSchemaVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY,"
    " description TEXT NOT NULL)";

// All migrations in version order. Never edit a released migration: append a new one.
const std::vector<Migration>& migrations();

}  // namespace bb::store
