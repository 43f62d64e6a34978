// One result row's columns as the decoders read them, whatever the engine: SqliteColumns
// (sqlite_connection.h) and PgColumns (postgres_connection.h) adapt the two.
#pragma once

#include <cstdint>
#include <string>

namespace bb::store {

// Columns are numbered from 0 as the SELECT lists them.
class RowColumns {
 public:
  virtual ~RowColumns() = default;
  [[nodiscard]] virtual bool is_null(int column) const = 0;
  [[nodiscard]] virtual std::int64_t integer(int column) const = 0;
  [[nodiscard]] virtual double real(int column) const = 0;
  // Empty for NULL.
  [[nodiscard]] virtual std::string text(int column) const = 0;

 protected:
  RowColumns() = default;
  RowColumns(const RowColumns&) = default;
  RowColumns& operator=(const RowColumns&) = default;
};

}  // namespace bb::store
