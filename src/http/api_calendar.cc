// The calendar feed's routes: a person's settings and feed address, and the feed itself, which
// its secret address alone opens.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "app/calendar_json.h"
#include "app/calendar_service.h"
#include "http/api.h"
#include "http/api_call.h"
#include "http/api_error.h"
#include "http/request_decoding.h"

namespace bb::http {
namespace {

constexpr std::string_view kFeedSuffix = ".ics";
constexpr std::string_view kFeedPath = "/api/v1/calendar/feeds/";

// The origin the request was sent to, for addresses that lead back here.
std::string origin_of(const Request& request) {
  return std::string(request.transport == Transport::kTls ? "https://" : "http://") + request.host;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A character RFC 3986 allows in a host and port ("[::1]:8443" included), or in a path.
bool is_authority_char(char c) {
  return is_ascii_alnum(c) || std::string_view(".-_~:[]").find(c) != std::string_view::npos;
}
bool is_path_char(char c) {
  return is_ascii_alnum(c) ||
         std::string_view("-._~!$&'()*+,;=:@/%").find(c) != std::string_view::npos;
}

Error bad_public_url(const std::string& why) {
  return Error::invalid("public-url", why + ", e.g. https://bounceback.example.org");
}

}  // namespace

Result<std::string> public_url_from(std::string_view url) {
  std::string scheme;
  for (const std::string_view candidate : {"https://", "http://"}) {
    if (url.size() >= candidate.size() &&
        std::equal(candidate.begin(), candidate.end(), url.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      scheme = candidate;
      break;
    }
  }
  if (scheme.empty()) return bad_public_url("must be an absolute http:// or https:// URL");
  std::string_view rest = url.substr(scheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return bad_public_url("must have no query (?) or fragment (#)");
  }
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.empty()) return bad_public_url("must name a host");
  if (authority.find('@') != std::string_view::npos) {
    return bad_public_url("must have no user name or password");
  }
  if (!std::all_of(authority.begin(), authority.end(), is_authority_char) ||
      authority.front() == ':') {
    return bad_public_url("the host may hold only letters, digits, '.', '-', and ':PORT'");
  }
  if (!std::all_of(path.begin(), path.end(), is_path_char)) {
    return bad_public_url("the path may hold only URL characters (percent-encode the others)");
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return scheme + std::string(authority) + std::string(path);
}

std::string web_origin_of(std::string_view public_url) {
  const std::size_t scheme_end = public_url.find("://");
  if (scheme_end == std::string_view::npos) return "";
  const std::string_view scheme = public_url.substr(0, scheme_end);
  std::string_view host = public_url.substr(scheme_end + 3);
  host = host.substr(0, host.find('/'));
  // A port is what follows the last ':' after any bracketed IPv6 address; a browser writes it
  // without leading zeros, and not at all when it is the scheme's default.
  std::string_view port;
  const std::size_t host_end = host.rfind(']');
  const std::size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && (host_end == std::string_view::npos || colon > host_end)) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
    while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
    if (port == (scheme == "https" ? "443" : "80")) port = {};
  }
  std::string origin = port.empty() ? fmt::format("{}://{}", scheme, host)
                                    : fmt::format("{}://{}:{}", scheme, host, port);
  std::transform(origin.begin(), origin.end(), origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return origin;
}

namespace {

// Where the addresses this server hands out lead: --public-url when set, else the request's own
// origin (which, behind a TLS-terminating proxy, says http:// and the Host the proxy sent).
std::string app_origin(const std::string& public_url, const Request& request) {
  return public_url.empty() ? origin_of(request) : public_url;
}

// The same answer for a malformed, unknown or revoked address, so none tells more than another.
HttpError no_such_feed() { return HttpError(HttpFailure::kNotFound, "no such calendar feed"); }

}  // namespace

std::string Api::loggable_target(const Request& request) {
  // The decoded path decides, so a percent-encoded address is blanked out too.
  if (request.path.rfind(kFeedPath, 0) != 0) return request.target;
  return std::string(kFeedPath) + "(secret)";
}

HttpResult<Response> Api::get_calendar(Call& call) const {
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(const app::CalendarView view, calendar.view(call.me()));
  return json_response(200, app::calendar_view_to_json(view));
}

HttpResult<Response> Api::put_calendar(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const app::CalendarSettings settings, app::calendar_settings_from_json(body));
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(const app::CalendarView view, calendar.save_settings(call.me(), settings));
  return json_response(200, app::calendar_view_to_json(view));
}

HttpResult<Response> Api::post_calendar(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const app::CalendarSettings settings, app::calendar_settings_from_json(body));
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(const std::string secret, calendar.open_feed(call.me(), settings));
  const std::string url = app_origin(parts_.public_url, call.request) + std::string(kFeedPath) +
                          secret + std::string(kFeedSuffix);
  return json_response(201, {{"url", url}});
}

HttpResult<Response> Api::delete_calendar(Call& call) const {
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_RETURN_IF_ERROR(calendar.revoke_feed(call.me()));
  return no_content();
}

HttpResult<Response> Api::get_calendar_feed(Call& call) const {
  const std::string& feed = call.params.at("feed");
  if (feed.size() <= kFeedSuffix.size() ||
      feed.compare(feed.size() - kFeedSuffix.size(), kFeedSuffix.size(), kFeedSuffix) != 0) {
    return no_such_feed();
  }
  const std::string secret = feed.substr(0, feed.size() - kFeedSuffix.size());
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(
      std::optional<std::string> text,
      calendar.feed(secret, parts_.clock->now(), app_origin(parts_.public_url, call.request)));
  if (!text) return no_such_feed();
  Response response;
  response.content_type = "text/calendar; charset=utf-8";
  response.body = std::move(*text);
  return response;
}

}  // namespace bb::http
