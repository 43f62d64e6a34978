#include "http/api_error.h"

#include <nlohmann/json.hpp>

namespace bb::http {

unsigned status_of(HttpFailure failure) {
  switch (failure) {
    case HttpFailure::kBadRequest:
      return 400;
    case HttpFailure::kUnauthenticated:
      return 401;
    case HttpFailure::kForbidden:
      return 403;
    case HttpFailure::kNotFound:
      return 404;
    case HttpFailure::kMethodNotAllowed:
      return 405;
    case HttpFailure::kConflict:
      return 409;
    case HttpFailure::kPayloadTooLarge:
      return 413;
    case HttpFailure::kUnsupportedMediaType:
      return 415;
    case HttpFailure::kHeaderTooLarge:
      return 431;
    case HttpFailure::kUpgradeRequired:
      return 426;
    case HttpFailure::kInvalidArgument:
      return 422;
    case HttpFailure::kRateLimited:
      return 429;
    case HttpFailure::kInternal:
      return 500;
    case HttpFailure::kUnavailable:
      return 503;
  }
  return 500;
}

const char* code_of(HttpFailure failure) {
  switch (failure) {
    case HttpFailure::kBadRequest:
      return "bad_request";
    case HttpFailure::kUnauthenticated:
      return "unauthenticated";
    case HttpFailure::kForbidden:
      return "forbidden";
    case HttpFailure::kNotFound:
      return "not_found";
    case HttpFailure::kMethodNotAllowed:
      return "method_not_allowed";
    case HttpFailure::kConflict:
      return "conflict";
    case HttpFailure::kPayloadTooLarge:
      return "payload_too_large";
    case HttpFailure::kUnsupportedMediaType:
      return "unsupported_media_type";
    case HttpFailure::kHeaderTooLarge:
      return "header_too_large";
    case HttpFailure::kUpgradeRequired:
      return "upgrade_required";
    case HttpFailure::kInvalidArgument:
      return "invalid_argument";
    case HttpFailure::kRateLimited:
      return "rate_limited";
    case HttpFailure::kInternal:
      return "internal";
    case HttpFailure::kUnavailable:
      return "unavailable";
  }
  return "internal";
}

Response error_response(HttpFailure failure, const std::string& message, const std::string& field) {
  const nlohmann::json body = {
      {"error", {{"code", code_of(failure)}, {"message", message}, {"field", field}}}};
  Response response;
  response.status = status_of(failure);
  // Replace rather than throw on invalid UTF-8 echoed back from input.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response error_response(const Error& error) {
  HttpFailure failure = HttpFailure::kInternal;
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      failure = HttpFailure::kInvalidArgument;
      break;
    case ErrorCode::kNotFound:
      failure = HttpFailure::kNotFound;
      break;
    case ErrorCode::kConflict:
      failure = HttpFailure::kConflict;
      break;
    case ErrorCode::kUnavailable:
      failure = HttpFailure::kUnavailable;
      break;
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      failure = HttpFailure::kInternal;
      break;
  }
  return error_response(failure, error.message, error.field);
}

}  // namespace bb::http
