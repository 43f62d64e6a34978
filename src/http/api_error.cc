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

namespace {
HttpFailure failure_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return HttpFailure::kInvalidArgument;
    case ErrorCode::kNotFound:
      return HttpFailure::kNotFound;
    case ErrorCode::kConflict:
      return HttpFailure::kConflict;
    case ErrorCode::kUnavailable:
      return HttpFailure::kUnavailable;
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return HttpFailure::kInternal;
  }
  return HttpFailure::kInternal;
}
}  // namespace

HttpError::HttpError(const Error& error)
    : failure(failure_of(error.code)), message(error.message), field(error.field) {}

Response error_response(const Error& error) {
  return error_response(HttpError(error));
}

Response error_response(const HttpError& error) {
  Response response = error_response(error.failure, error.message, error.field);
  if (error.retry_after_seconds) {
    response.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return response;
}

}  // namespace bb::http
