// The one place that turns failures into HTTP statuses and the error body
// {"error": {"code", "message", "field"}}.
#pragma once

#include <string>

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

unsigned status_of(HttpFailure failure);
const char* code_of(HttpFailure failure);

Response error_response(HttpFailure failure, const std::string& message,
                        const std::string& field = {});
// An app-layer error: invalid input is 422, missing things 404, clashes 409, an unreachable
// database 503 and anything else 500.
Response error_response(const Error& error);

}  // namespace bb::http
