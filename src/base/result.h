// Errors as values: every expected failure comes back as a Result, never as an exception.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace bb {

// What kind of failure. Mapped to CLI exit codes (and later HTTP statuses) in one place each.
enum class ErrorCode {
  kInvalidArgument,  // the input is wrong: the caller can fix it
  kNotFound,         // the thing asked for does not exist
  kConflict,         // the input is fine but clashes with what is stored
  kUnavailable,      // a resource (file, database) could not be reached
  kCorrupt,          // stored data is unreadable
  kInternal,         // a bug
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // path of the offending input field, e.g. "days[3].checkin.pain"; may be empty

  static Error invalid(std::string field, std::string message) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error not_found(std::string message) { return {ErrorCode::kNotFound, std::move(message), {}}; }
  static Error conflict(std::string message) { return {ErrorCode::kConflict, std::move(message), {}}; }
  static Error unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }
  static Error corrupt(std::string message) { return {ErrorCode::kCorrupt, std::move(message), {}}; }
  static Error internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }

  // "field: message" when a field is known, else the message.
  [[nodiscard]] std::string describe() const { return field.empty() ? message : field + ": " + message; }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> state_;
};

// Success carries nothing.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)
  static Status success() { return {}; }

  [[nodiscard]] bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const Error& error() const {
    assert(failed_);
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace bb

// Early return of an error from a function that itself returns Result or Status.
#define BB_CONCAT_INNER(a, b) a##b
#define BB_CONCAT(a, b) BB_CONCAT_INNER(a, b)
#define BB_RETURN_IF_ERROR(expr)                   \
  do {                                             \
    const auto& bb_status_ = (expr);               \
    if (!bb_status_.ok()) return bb_status_.error(); \
  } while (false)
#define BB_ASSIGN_OR_RETURN(lhs, expr) BB_ASSIGN_OR_RETURN_IMPL(BB_CONCAT(bb_result_, __LINE__), lhs, expr)
#define BB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.error();             \
  lhs = std::move(tmp).value()
