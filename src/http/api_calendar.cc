// The calendar feed's routes: a person's settings and feed address, and the feed itself, which
// its secret address alone opens.
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

Response calendar_json(unsigned status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

// The origin the request was sent to, for addresses that lead back here.
std::string origin_of(const Request& request) {
  return std::string(request.transport == Transport::kTls ? "https://" : "http://") + request.host;
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
  return calendar_json(200, app::calendar_view_to_json(view));
}

HttpResult<Response> Api::put_calendar(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const app::CalendarSettings settings, app::calendar_settings_from_json(body));
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(const app::CalendarView view, calendar.save_settings(call.me(), settings));
  return calendar_json(200, app::calendar_view_to_json(view));
}

HttpResult<Response> Api::post_calendar(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const app::CalendarSettings settings, app::calendar_settings_from_json(body));
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(const std::string secret, calendar.open_feed(call.me(), settings));
  const std::string url =
      origin_of(call.request) + std::string(kFeedPath) + secret + std::string(kFeedSuffix);
  return calendar_json(201, {{"url", url}});
}

HttpResult<Response> Api::delete_calendar(Call& call) const {
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_RETURN_IF_ERROR(calendar.revoke_feed(call.me()));
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

HttpResult<Response> Api::get_calendar_feed(Call& call) const {
  const std::string& feed = call.params.at("feed");
  if (feed.size() <= kFeedSuffix.size() ||
      feed.compare(feed.size() - kFeedSuffix.size(), kFeedSuffix.size(), kFeedSuffix) != 0) {
    return no_such_feed();
  }
  const std::string secret = feed.substr(0, feed.size() - kFeedSuffix.size());
  app::CalendarService calendar(*(*call.lease)->accounts, *parts_.secrets, *call.daily);
  BB_ASSIGN_OR_RETURN(std::optional<std::string> text,
                      calendar.feed(secret, parts_.clock->now(), origin_of(call.request)));
  if (!text) return no_such_feed();
  Response response;
  response.content_type = "text/calendar; charset=utf-8";
  response.body = std::move(*text);
  return response;
}

}  // namespace bb::http
