// Errors as values: every expected failure comes back as a Result, never as an exception.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace bb {

// What kind of failure. Mapped to CLI exit codes (src/cli/cli.h) and HTTP statuses
// (src/http/api_error.cc) in one place each.
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

// Another error type that converts to E, as when a lower layer's Error is passed on where a
// richer error is expected: one user-defined conversion, so `return other.error();` compiles.
template <typename Other, typename E, typename T = void>
concept ConvertibleError = !std::is_same_v<std::remove_cvref_t<Other>, E> &&
                           std::is_convertible_v<const Other&, E> &&
                           !std::is_convertible_v<const Other&, T>;

// A value of type T, or an error of type E.
template <typename T, typename E = Error>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<T, E>, "a value and an error of one type cannot be told apart");

 public:
  // NOLINTBEGIN(google-explicit-constructor): a value or an error is returned as it is
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(E error) : state_(std::in_place_index<1>, std::move(error)) {}
  template <typename Other>
    requires ConvertibleError<Other, E, T>
  Result(const Other& error) : state_(std::in_place_index<1>, E(error)) {}
  // NOLINTEND(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  [[nodiscard]] const E& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, E> state_;
};

// Success carries nothing; a failure carries an error of type E.
template <typename E = Error>
class [[nodiscard]] BasicStatus {
 public:
  BasicStatus() = default;
  BasicStatus(E error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  template <typename Other>
    requires ConvertibleError<Other, E>
  BasicStatus(const Other& error) : error_(E(error)) {}  // NOLINT(google-explicit-constructor)
  static BasicStatus success() { return {}; }

  [[nodiscard]] bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const E& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<E> error_;  // E need not have a default
};

using Status = BasicStatus<>;

}  // namespace bb

// Early return of an error from a function that itself returns a Result or a Status whose error
// type the error converts to.
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
