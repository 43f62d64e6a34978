// The one place that turns failures into HTTP statuses and the error body
// {"error": {"code", "message", "field"}}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "base/result.h"
#include "http/message.h"

namespace bb::http {

// Failures the HTTP layer knows beyond bb::ErrorCode.
enum class HttpFailure {
  kBadRequest,            // 400: malformed request or JSON
  kUnauthenticated,       // 401: no valid session
  kForbidden,             // 403: logged in, but not allowed
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415
  kHeaderTooLarge,        // 431: the request header is over the limit
  kUpgradeRequired,       // 426: a WebSocket route asked for without the upgrade
  kInvalidArgument,       // 422: well-formed, but a value is out of range
  kRateLimited,           // 429
  kInternal,              // 500: a bug
  kUnavailable,           // 503: the database cannot be reached
};

// Why a request fails, as the API tells it: an HTTP failure with its message and the offending
// field, or an app-layer Error carried over (see error_response below).
struct HttpError {
  HttpFailure failure = HttpFailure::kInternal;
  std::string message;
  std::string field;
  std::optional<std::int64_t> retry_after_seconds;  // sent as Retry-After when set

  HttpError(HttpFailure failure_in, std::string message_in, std::string field_in = {})
      : failure(failure_in), message(std::move(message_in)), field(std::move(field_in)) {}
  HttpError(const Error& error);  // NOLINT(google-explicit-constructor): passed on as is
};

// What a decoder or a handler of the API gives back: a value, or why there is none.
template <typename T>
using HttpResult = Result<T, HttpError>;
using HttpStatus = BasicStatus<HttpError>;

unsigned status_of(HttpFailure failure);
const char* code_of(HttpFailure failure);

Response error_response(HttpFailure failure, const std::string& message,
                        const std::string& field = {});
// An app-layer error: invalid input is 422, missing things 404, clashes 409, an unreachable
// database 503 and anything else 500.
Response error_response(const Error& error);
Response error_response(const HttpError& error);

}  // namespace bb::http
