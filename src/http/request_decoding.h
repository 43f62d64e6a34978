// Reading what a client sent: the request target, JSON bodies, the session token and dates in the
// query. Every failure is an HttpError (400, 415 or 422), never an exception.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "http/api_error.h"
#include "http/message.h"

namespace bb::http {

// Deeper JSON than this is refused before parsing: no use case needs it and it keeps the
// parser's recursion bounded.
inline constexpr std::size_t kMaxJsonDepth = 32;

// Nesting depth of arrays and objects in JSON text, ignoring brackets inside strings, counted
// without parsing; stops early once past `limit`.
[[nodiscard]] std::size_t json_depth(std::string_view text, std::size_t limit);

// Splits an origin-form target ("/a%20b?x=1&y") into its decoded path and query. False for an
// absolute or malformed target, bad percent-encoding, or an encoded '/' or NUL in the path.
[[nodiscard]] bool split_target(std::string_view target, std::string& path,
                                std::multimap<std::string, std::string>& query);

// The body as JSON: 415 unless the content type is application/json, 400 for an empty body,
// malformed or too deeply nested JSON, or an object with a key given twice.
HttpResult<nlohmann::json> json_body(const Request& request);

// The body of a file upload (a sensor app's CSV): 415 unless the content type is text/csv,
// text/plain or application/octet-stream. An empty body is the use case's to refuse.
HttpResult<std::string_view> upload_body(const Request& request);

// The address of the client: `peer` itself, or, when `peer` is one of `trusted_proxies`, the
// rightmost address of X-Forwarded-For that is not a trusted proxy (proxies append the address
// they saw; what a client wrote itself is further left and not believed).
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// A query parameter given more than once, if any (requests with one are refused with 400).
std::optional<std::string> repeated_query_parameter(
    const std::multimap<std::string, std::string>& query);

// The query parameter `name`, if given.
std::optional<std::string> query_text(const Request& request, const std::string& name);

// The session token from "Authorization: Bearer ..." or else the bb_session cookie; empty when
// neither is present.
std::string session_token(const Request& request);
// True when the session comes from the cookie (no bearer token): what a browser sends by itself,
// so what a page of another site could make it send.
bool authenticated_by_cookie(const Request& request);

inline constexpr std::string_view kSessionCookie = "bb_session";

// The query parameter `name` as a date; `fallback` when absent, 422 when it is not YYYY-MM-DD.
HttpResult<Date> query_date(const Request& request, const std::string& name, Date fallback);
// A path segment as a date; 422 naming `name` when it is not YYYY-MM-DD.
HttpResult<Date> path_date(const std::string& text, const std::string& name);

}  // namespace bb::http
