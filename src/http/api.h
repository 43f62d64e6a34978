// The HTTP/JSON API: every route of docs/openapi.yaml, plus the health checks and the web app.
// Handlers are thin: decode the request, call DailyService, AccountService or RecordingService,
// encode the answer.
// Authorization happens here, once per route, from the route's declared access.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/account_service.h"
#include "app/plan_cache.h"
#include "base/result.h"
#include "coach/catalog.h"
#include "http/api_error.h"
#include "http/clock.h"
#include "http/live_session.h"
#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/store_pool.h"

namespace bb::http {

// Who may call a route.
enum class Access {
  kPublic,     // anyone, no database needed
  kAnonymous,  // anyone, with the database (register, login, readiness)
  kAccount,    // any logged-in account
  kPerson,     // a logged-in person (not a clinician)
  kClinician,  // a logged-in clinician
};

// How large a body a route takes: small JSON, or an uploaded recording.
enum class BodySize { kSmall, kUpload };

// How much of the session a check before the body looks at: whether one is sent at all (no
// database), or whether it is valid (a lookup, worth it before a large body).
enum class SessionCheck { kPresence, kLookup };

struct ApiParts {
  StorePool* stores = nullptr;
  app::Secrets* secrets = nullptr;
  const Clock* clock = nullptr;
  const coach::Catalog* catalog = nullptr;
  std::string openapi_document;  // served as YAML
  StaticFiles web;               // the browser app; may be empty
  // How many plans (a person and a date each) the server keeps to send again; 0 keeps none.
  std::size_t plans_kept = 4096;
  // Live streams one person may have open at once (on this server).
  std::size_t live_streams_per_person = 3;
  // Sessions, passwords and the limits on logins and registrations.
  app::AccountPolicy account_policy;
  // Where people reach this server (as from public_url_from), for the addresses the calendar
  // feed hands out and the origin a write with the session cookie must come from; empty: the
  // origin each request was sent to (its Host).
  std::string public_url;
};

// `url` as ApiParts::public_url takes it: an absolute http or https URL, optionally with a path,
// without user name, query or fragment; trailing slashes trimmed. An error naming `public-url`
// otherwise.
[[nodiscard]] Result<std::string> public_url_from(std::string_view url);

// The origin a browser names (the Origin header) for pages under `public_url` (as from
// public_url_from): scheme and host in lower case, no path, and no port when it is the scheme's
// default (RFC 6454, section 6.2).
[[nodiscard]] std::string web_origin_of(std::string_view public_url);

class Api {
 public:
  // Everything pointed to must outlive the Api.
  explicit Api(ApiParts parts);

  // Answers one request. Never throws: an unexpected exception becomes a 500 (and is a bug).
  // Safe to call from several threads at once.
  [[nodiscard]] Response handle(const Request& request) const;

  [[nodiscard]] std::vector<RouteInfo> routes() const { return router_.routes(); }

  // The body size the route of `method` and `path` takes (kSmall for unknown routes), so the
  // server can set its limit once the header is in.
  [[nodiscard]] BodySize body_size(std::string_view method, std::string_view path) const;

  // Checks a request whose header is in, before its body is read: 401 when a route that needs a
  // session has none (or, with kLookup, an invalid one), 403 for a cross-site cookie write or
  // the wrong role (kLookup). std::nullopt: read the body. Never throws.
  [[nodiscard]] std::optional<Response> refuse_before_body(const Request& header,
                                                           SessionCheck check) const;

  // The request's target as an access log may keep it: a calendar feed's secret is blanked out,
  // since the address alone opens the feed.
  [[nodiscard]] static std::string loggable_target(const Request& request);

  // Whether `path` is the live WebSocket route.
  [[nodiscard]] static bool is_live_path(std::string_view path);
  // An upgrade request to the live route: the stream, or the HTTP answer that refuses it (401,
  // 403, 422 as for any request). Never throws.
  [[nodiscard]] std::variant<Response, std::unique_ptr<LiveSession>> open_live(
      const Request& request) const;

 private:
  struct Call;
  using Handler = HttpResult<Response> (Api::*)(Call&) const;
  struct Route {
    Access access;
    Handler handler;
    BodySize body = BodySize::kSmall;
  };

  void add(const char* method, const char* pattern, Access access, Handler handler,
           BodySize body = BodySize::kSmall);
  // Answers a request, turning every failure into its error response.
  [[nodiscard]] Response dispatch(const Request& request) const;
  // Finds the route, admits the caller and runs the handler.
  [[nodiscard]] HttpResult<Response> serve_route(const Request& request) const;
  // Opens the stores and checks the caller against the route's access.
  [[nodiscard]] HttpStatus admit(const Route& route, Call& call) const;
  [[nodiscard]] HttpResult<std::unique_ptr<LiveSession>> open_live_session(
      const Request& request) const;

  // One per route, named after it.
  HttpResult<Response> healthz(Call& call) const;
  HttpResult<Response> readyz(Call& call) const;
  HttpResult<Response> openapi(Call& call) const;
  HttpResult<Response> register_account(Call& call) const;
  HttpResult<Response> login(Call& call) const;
  HttpResult<Response> logout(Call& call) const;
  HttpResult<Response> get_account(Call& call) const;
  HttpResult<Response> put_account(Call& call) const;
  HttpResult<Response> delete_account(Call& call) const;
  HttpResult<Response> get_profile(Call& call) const;
  HttpResult<Response> put_profile(Call& call) const;
  HttpResult<Response> get_screening(Call& call) const;
  HttpResult<Response> post_screening(Call& call) const;
  HttpResult<Response> put_clearance(Call& call) const;
  HttpResult<Response> post_checkin(Call& call) const;
  HttpResult<Response> get_checkin(Call& call) const;
  HttpResult<Response> get_today(Call& call) const;
  HttpResult<Response> get_plan_today(Call& call) const;
  HttpResult<Response> get_plan(Call& call) const;
  HttpResult<Response> post_session(Call& call) const;
  HttpResult<Response> post_followup(Call& call) const;
  HttpResult<Response> get_history(Call& call) const;
  HttpResult<Response> get_progress(Call& call) const;
  HttpResult<Response> get_measures(Call& call) const;
  HttpResult<Response> post_peg(Call& call) const;
  HttpResult<Response> post_psfs(Call& call) const;
  HttpResult<Response> get_rope_advice(Call& call) const;
  HttpResult<Response> get_export(Call& call) const;
  HttpResult<Response> get_export_csv(Call& call) const;
  HttpResult<Response> get_fhir_export(Call& call) const;  // in api_fhir.cc
  HttpResult<Response> get_shares(Call& call) const;
  HttpResult<Response> post_invite(Call& call) const;
  HttpResult<Response> post_accept(Call& call) const;
  HttpResult<Response> delete_share(Call& call) const;
  HttpResult<Response> get_person_plan(Call& call) const;
  HttpResult<Response> get_person_history(Call& call) const;
  HttpResult<Response> get_person_screening(Call& call) const;
  HttpResult<Response> get_person_progress(Call& call) const;
  HttpResult<Response> get_person_measures(Call& call) const;
  HttpResult<Response> get_person_fhir_export(Call& call) const;  // in api_fhir.cc
  HttpResult<Response> post_recording(Call& call) const;
  HttpResult<Response> get_recordings(Call& call) const;
  HttpResult<Response> get_recording(Call& call) const;
  HttpResult<Response> get_recording_csv(Call& call) const;
  HttpResult<Response> delete_recording(Call& call) const;
  HttpResult<Response> get_person_recordings(Call& call) const;
  HttpResult<Response> get_person_recording(Call& call) const;
  HttpResult<Response> get_live(Call& call) const;
  // The calendar feed (api_calendar.cc).
  HttpResult<Response> get_calendar(Call& call) const;
  HttpResult<Response> put_calendar(Call& call) const;
  HttpResult<Response> post_calendar(Call& call) const;
  HttpResult<Response> delete_calendar(Call& call) const;
  HttpResult<Response> get_calendar_feed(Call& call) const;
  HttpResult<Response> get_catalog(Call& call) const;
  HttpResult<Response> get_safety_questions(Call& call) const;
  HttpResult<Response> get_catalog_item(Call& call) const;

  // Open live streams per person on this server; a place is given back when its stream ends.
  struct LiveStreams {
    std::mutex mutex;
    std::map<app::PersonId, std::size_t> open;
  };
  [[nodiscard]] std::shared_ptr<void> take_live_place(app::PersonId person) const;

  ApiParts parts_;
  // The only Origin a cookie write or a live stream may name when public_url is set (behind a
  // proxy the Host says where the proxy sent the request, not what the browser shows); empty:
  // the Origin must name the request's Host.
  std::string page_origin_;
  std::shared_ptr<LiveStreams> live_streams_ = std::make_shared<LiveStreams>();
  // Plans sent before, found again while the person's records keep their revision.
  std::unique_ptr<app::PlanCache> plans_;
  Router<Route> router_;
};

}  // namespace bb::http
