#include "http/api.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <functional>
#include <optional>
#include <utility>

#include "app/daily_service.h"
#include "app/motion_json.h"
#include "app/plan_json.h"
#include "app/recording_service.h"
#include "app/records_export.h"
#include "app/timeline_json.h"
#include "http/api_call.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/request_decoding.h"

namespace bb::http {

using nlohmann::json;

Response json_response(unsigned status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response no_content() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

namespace {

std::string session_cookie(const Request& request, const std::string& token,
                           app::UnixSeconds max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (request.transport == Transport::kTls) cookie += "; Secure";
  return cookie;
}

Response session_response(unsigned status, const Request& request,
                          const app::OpenedSession& opened, app::UnixSeconds now) {
  Response response = json_response(status, session_opened_to_json(opened));
  response.headers.emplace_back("Set-Cookie",
                                session_cookie(request, opened.token, opened.expires_at - now));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::optional<app::PersonId> parse_id(const std::string& text) {
  app::PersonId id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The result as JSON with `status`, or its error.
template <typename T, typename Encode>
HttpResult<Response> answer(Result<T> result, unsigned status, Encode encode) {
  BB_ASSIGN_OR_RETURN(const T value, std::move(result));
  return json_response(status, encode(value));
}

// A read of `person` up to the "date" query parameter (`today` when absent), as JSON: `read` is
// a DailyService member such as history or progress.
template <typename Read, typename Encode>
HttpResult<Response> answer_up_to_date(const Request& request, app::DailyService& daily,
                                       app::PersonId person, Date today, Read read,
                                       Encode encode) {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(request, "date", today));
  return answer(std::invoke(read, daily, person, date), 200, encode);
}

// A plan's JSON text (from DailyService::todays_plan_json), or its error.
HttpResult<Response> plan_response(Result<std::string> plan_json) {
  BB_ASSIGN_OR_RETURN(std::string body, std::move(plan_json));
  Response response;
  response.body = std::move(body);
  return response;
}

}  // namespace

Api::Api(ApiParts parts)
    : parts_(std::move(parts)),
      page_origin_(web_origin_of(parts_.public_url)),
      plans_(std::make_unique<app::PlanCache>(parts_.plans_kept)) {
  add("GET", "/healthz", Access::kPublic, &Api::healthz);
  add("GET", "/readyz", Access::kAnonymous, &Api::readyz);
  add("GET", "/api/v1/openapi.yaml", Access::kPublic, &Api::openapi);
  add("POST", "/api/v1/auth/register", Access::kAnonymous, &Api::register_account);
  add("POST", "/api/v1/auth/login", Access::kAnonymous, &Api::login);
  add("POST", "/api/v1/auth/logout", Access::kAccount, &Api::logout);
  add("GET", "/api/v1/account", Access::kAccount, &Api::get_account);
  add("DELETE", "/api/v1/account", Access::kAccount, &Api::delete_account);
  add("PUT", "/api/v1/account", Access::kAccount, &Api::put_account);
  add("GET", "/api/v1/profile", Access::kPerson, &Api::get_profile);
  add("PUT", "/api/v1/profile", Access::kPerson, &Api::put_profile);
  add("GET", "/api/v1/screening", Access::kPerson, &Api::get_screening);
  add("POST", "/api/v1/screening", Access::kPerson, &Api::post_screening);
  add("PUT", "/api/v1/clearance", Access::kPerson, &Api::put_clearance);
  add("POST", "/api/v1/checkins", Access::kPerson, &Api::post_checkin);
  add("GET", "/api/v1/checkins/{date}", Access::kPerson, &Api::get_checkin);
  add("GET", "/api/v1/today", Access::kPerson, &Api::get_today);
  add("GET", "/api/v1/plans/today", Access::kPerson, &Api::get_plan_today);
  add("GET", "/api/v1/plans/{date}", Access::kPerson, &Api::get_plan);
  add("POST", "/api/v1/sessions", Access::kPerson, &Api::post_session);
  add("POST", "/api/v1/followups", Access::kPerson, &Api::post_followup);
  add("GET", "/api/v1/history", Access::kPerson, &Api::get_history);
  add("GET", "/api/v1/progress", Access::kPerson, &Api::get_progress);
  add("GET", "/api/v1/measures", Access::kPerson, &Api::get_measures);
  add("POST", "/api/v1/measures/peg", Access::kPerson, &Api::post_peg);
  add("POST", "/api/v1/measures/psfs", Access::kPerson, &Api::post_psfs);
  add("GET", "/api/v1/rope-advice", Access::kPerson, &Api::get_rope_advice);
  add("GET", "/api/v1/export", Access::kPerson, &Api::get_export);
  add("GET", "/api/v1/export.csv", Access::kPerson, &Api::get_export_csv);
  add("GET", "/api/v1/export/fhir", Access::kPerson, &Api::get_fhir_export);
  add("GET", "/api/v1/shares", Access::kAccount, &Api::get_shares);
  add("POST", "/api/v1/shares/invites", Access::kPerson, &Api::post_invite);
  add("POST", "/api/v1/shares/accept", Access::kClinician, &Api::post_accept);
  add("DELETE", "/api/v1/shares/{clinician_id}", Access::kPerson, &Api::delete_share);
  add("GET", "/api/v1/people/{person_id}/plans/{date}", Access::kClinician,
      &Api::get_person_plan);
  add("GET", "/api/v1/people/{person_id}/history", Access::kClinician, &Api::get_person_history);
  add("GET", "/api/v1/people/{person_id}/screening", Access::kClinician,
      &Api::get_person_screening);
  add("GET", "/api/v1/people/{person_id}/progress", Access::kClinician,
      &Api::get_person_progress);
  add("GET", "/api/v1/people/{person_id}/measures", Access::kClinician,
      &Api::get_person_measures);
  add("GET", "/api/v1/people/{person_id}/export/fhir", Access::kClinician,
      &Api::get_person_fhir_export);
  add("POST", "/api/v1/recordings", Access::kPerson, &Api::post_recording, BodySize::kUpload);
  add("GET", "/api/v1/recordings", Access::kPerson, &Api::get_recordings);
  add("GET", "/api/v1/recordings/{id}", Access::kPerson, &Api::get_recording);
  add("GET", "/api/v1/recordings/{id}/csv", Access::kPerson, &Api::get_recording_csv);
  add("DELETE", "/api/v1/recordings/{id}", Access::kPerson, &Api::delete_recording);
  add("GET", "/api/v1/people/{person_id}/recordings", Access::kClinician,
      &Api::get_person_recordings);
  add("GET", "/api/v1/people/{person_id}/recordings/{id}", Access::kClinician,
      &Api::get_person_recording);
  add("GET", "/api/v1/live", Access::kPerson, &Api::get_live);
  add("GET", "/api/v1/calendar", Access::kPerson, &Api::get_calendar);
  add("PUT", "/api/v1/calendar", Access::kPerson, &Api::put_calendar);
  add("POST", "/api/v1/calendar", Access::kPerson, &Api::post_calendar);
  add("DELETE", "/api/v1/calendar", Access::kPerson, &Api::delete_calendar);
  add("GET", "/api/v1/calendar/feeds/{feed}", Access::kAnonymous, &Api::get_calendar_feed);
  add("GET", "/api/v1/catalog", Access::kPublic, &Api::get_catalog);
  add("GET", "/api/v1/safety-questions", Access::kPublic, &Api::get_safety_questions);
  add("GET", "/api/v1/catalog/{id}", Access::kPublic, &Api::get_catalog_item);
}

void Api::add(const char* method, const char* pattern, Access access, Handler handler,
              BodySize body) {
  router_.add(method, pattern, Route{access, handler, body});
}

BodySize Api::body_size(std::string_view method, std::string_view path) const {
  const auto match = router_.find(method, path);
  return match.handler == nullptr ? BodySize::kSmall : match.handler->body;
}

namespace {
// What the API answers is a person's health data (or about their account): no cache keeps it.
Response not_cached(Response response, const Request& request) {
  if (request.path.rfind("/api/", 0) != 0) return response;
  for (const auto& [name, value] : response.headers) {
    if (name == "Cache-Control") return response;
  }
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}
}  // namespace

Response Api::handle(const Request& request) const {
  try {
    return not_cached(dispatch(request), request);
  } catch (const std::exception& e) {
    return error_response(HttpFailure::kInternal, std::string("unexpected: ") + e.what());
  } catch (...) {
    return error_response(HttpFailure::kInternal, "unexpected failure");
  }
}

// Every failure of a route, its admission or its handler becomes the error body here.
Response Api::dispatch(const Request& request) const {
  HttpResult<Response> answered = serve_route(request);
  if (!answered.ok()) return error_response(answered.error());
  return std::move(answered).value();
}

HttpResult<Response> Api::serve_route(const Request& request) const {
  if (const std::optional<std::string> repeated = repeated_query_parameter(request.query)) {
    return HttpError(HttpFailure::kBadRequest,
                     "the query parameter " + *repeated + " is given more than once", *repeated);
  }
  const auto match = router_.find(request.method, request.path);
  if (match.handler == nullptr) {
    const bool api_path = request.path.rfind("/api/", 0) == 0;
    if (match.failure == MatchFailure::kWrongMethod) {
      return HttpError(HttpFailure::kMethodNotAllowed, "this path does not take " + request.method);
    }
    if (!api_path && (request.method == "GET" || request.method == "HEAD")) {
      return parts_.web.serve(request.path, request.if_none_match, request.accept_encoding);
    }
    return HttpError(HttpFailure::kNotFound, "no such resource");
  }
  const Route& route = *match.handler;
  Call call{request, match.params};
  BB_RETURN_IF_ERROR(admit(route, call));
  if (!call.lease || request.method != "GET") return (this->*route.handler)(call);
  // A GET only reads: its reads of the person store share one snapshot and one transaction.
  std::optional<HttpResult<Response>> answered;
  const Status read = (*call.lease)->persons->read_transaction([&]() -> Status {
    answered = (this->*route.handler)(call);
    return Status::success();
  });
  if (answered) return std::move(*answered);
  return read.error();
}

namespace {
bool same_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The request's Origin (when sent) is `page_origin` (set from --public-url), or names this
// request's Host when that is empty; and Sec-Fetch-Site (when sent) says the request comes from
// this origin or from the person typing an address.
bool from_this_site(const Request& request, const std::string& page_origin) {
  if (!request.origin.empty()) {
    if (!page_origin.empty()) {
      if (!same_ignoring_case(request.origin, page_origin)) return false;
    } else {
      const std::size_t scheme_end = request.origin.find("://");
      if (scheme_end == std::string::npos || request.origin.substr(scheme_end + 3) != request.host)
        return false;
    }
  }
  const std::string& site = request.sec_fetch_site;
  return site.empty() || site == "same-origin" || site == "none";
}
}  // namespace

std::optional<Response> Api::refuse_before_body(const Request& header,
                                                SessionCheck check) const {
  try {
    const auto match = router_.find(header.method, header.path);
    if (match.handler == nullptr) return std::nullopt;
    const Route& route = *match.handler;
    if (route.access == Access::kPublic || route.access == Access::kAnonymous) return std::nullopt;
    if (check == SessionCheck::kLookup) {
      Call call{header, match.params};
      if (const HttpStatus admitted = admit(route, call); !admitted.ok()) {
        return error_response(admitted.error());
      }
      return std::nullopt;
    }
    const bool writes = header.method != "GET" && header.method != "HEAD";
    if (writes && authenticated_by_cookie(header) && !from_this_site(header, page_origin_)) {
      return error_response(HttpFailure::kForbidden,
                            "a write with the session cookie must come from this site's pages");
    }
    if (session_token(header).empty()) {
      return error_response(HttpFailure::kUnauthenticated, "log in first");
    }
    return std::nullopt;
  } catch (const std::exception& e) {
    return error_response(HttpFailure::kInternal, std::string("unexpected: ") + e.what());
  }
}

HttpStatus Api::admit(const Route& route, Call& call) const {
  if (route.access != Access::kPublic) {
    BB_ASSIGN_OR_RETURN(StorePool::Lease lease, parts_.stores->acquire());
    call.lease.emplace(std::move(lease));
    call.daily.emplace(*(*call.lease)->persons, *parts_.catalog, plans_.get(),
                       (*call.lease)->recordings.get());
    call.accounts.emplace(*(*call.lease)->accounts, *parts_.secrets, parts_.account_policy);
    call.recordings.emplace(*(*call.lease)->recordings);
  }
  if (route.access == Access::kAccount || route.access == Access::kPerson ||
      route.access == Access::kClinician) {
    // A write carried by the cookie alone must come from this site's pages (SameSite=Strict
    // aside): a browser names the page's origin, and `Origin: null` or another site is refused.
    const bool writes = call.request.method != "GET" && call.request.method != "HEAD";
    if (writes && authenticated_by_cookie(call.request) &&
        !from_this_site(call.request, page_origin_)) {
      return HttpError(HttpFailure::kForbidden,
                       "a write with the session cookie must come from this site's pages");
    }
    const std::string token = session_token(call.request);
    if (token.empty()) return HttpError(HttpFailure::kUnauthenticated, "log in first");
    BB_ASSIGN_OR_RETURN(std::optional<app::Account> account,
                        call.accounts->authenticate(token, parts_.clock->now()));
    if (!account) {
      return HttpError(HttpFailure::kUnauthenticated, "the session has ended: log in again");
    }
    call.account = std::move(*account);
    if (route.access == Access::kPerson && call.account->role != app::Role::kPerson) {
      return HttpError(HttpFailure::kForbidden, "only for a person's own account");
    }
    if (route.access == Access::kClinician && call.account->role != app::Role::kClinician) {
      return HttpError(HttpFailure::kForbidden, "only for clinician accounts");
    }
  }
  return HttpStatus::success();
}

// ---------------------------------------------------------------------------------------------
// Service

HttpResult<Response> Api::healthz(Call&) const {
  return json_response(200, {{"status", "up"}});
}

HttpResult<Response> Api::readyz(Call& call) const {
  if (const Status ping = (*call.lease)->accounts->ping(); !ping.ok()) {
    return HttpError(HttpFailure::kUnavailable, "database unreachable: " + ping.error().message);
  }
  return json_response(200, {{"status", "ready"}});
}

HttpResult<Response> Api::openapi(Call&) const {
  Response response;
  response.content_type = "application/yaml";
  response.body = parts_.openapi_document;
  return response;
}

// ---------------------------------------------------------------------------------------------
// Accounts

HttpResult<Response> Api::register_account(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const Credentials credentials,
                      credentials_from_json(body, RoleField::kAllowed));
  const app::UnixSeconds now = parts_.clock->now();
  BB_ASSIGN_OR_RETURN(
      const app::RegisterOutcome outcome,
      call.accounts->register_account(credentials.email, credentials.password, credentials.role,
                                      call.request.remote_address, now, credentials.invite));
  if (!outcome.session) {
    HttpError refusal(HttpFailure::kRateLimited,
                      "too many registrations from this address: try again later");
    refusal.retry_after_seconds = outcome.retry_after;
    return refusal;
  }
  return session_response(201, call.request, *outcome.session, now);
}

HttpResult<Response> Api::login(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const Credentials credentials,
                      credentials_from_json(body, RoleField::kRefused));
  const app::UnixSeconds now = parts_.clock->now();
  BB_ASSIGN_OR_RETURN(const app::LoginOutcome outcome,
                      call.accounts->login(credentials.email, credentials.password,
                                           call.request.remote_address, now));
  switch (outcome.verdict) {
    case app::LoginVerdict::kOpened:
      return session_response(200, call.request, *outcome.session, now);
    case app::LoginVerdict::kRateLimited: {
      HttpError refusal(HttpFailure::kRateLimited,
                        "too many failed logins for this email from this address: try again in " +
                            std::to_string(outcome.retry_after) + " s");
      refusal.retry_after_seconds = outcome.retry_after;
      return refusal;
    }
    case app::LoginVerdict::kWrongCredentials:
      break;
  }
  return HttpError(HttpFailure::kUnauthenticated, "wrong email or password");
}

HttpResult<Response> Api::logout(Call& call) const {
  BB_RETURN_IF_ERROR(call.accounts->logout(session_token(call.request)));
  Response response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call.request, "", 0));
  return response;
}

HttpResult<Response> Api::get_account(Call& call) const {
  return json_response(200, account_to_json(*call.account));
}

HttpResult<Response> Api::put_account(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const std::string name, display_name_from_json(body));
  BB_ASSIGN_OR_RETURN(const app::Account updated,
                      call.accounts->set_display_name(*call.account, name));
  return json_response(200, account_to_json(updated));
}

HttpResult<Response> Api::delete_account(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const std::string password, password_from_json(body));
  BB_ASSIGN_OR_RETURN(const bool deleted, call.accounts->delete_account(*call.account, password));
  if (!deleted) return HttpError(HttpFailure::kForbidden, "wrong password", "password");
  Response response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call.request, "", 0));
  return response;
}

// ---------------------------------------------------------------------------------------------
// A person's own records

HttpResult<Response> Api::get_profile(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto profile, call.daily->profile(call.me()));
  if (!profile) return HttpError(HttpFailure::kNotFound, "no profile yet");
  return json_response(200, app::profile_to_json(*profile));
}

HttpResult<Response> Api::put_profile(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::Profile profile, app::profile_from_json(body, "profile"));
  BB_RETURN_IF_ERROR(call.daily->save_profile(call.me(), parts_.clock->today(), profile));
  return json_response(200, app::profile_to_json(profile));
}

HttpResult<Response> Api::get_screening(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto summary, call.daily->screen_summary(call.me()));
  if (!summary) return HttpError(HttpFailure::kNotFound, "the safety screen is not taken yet");
  return json_response(200, app::screen_summary_to_json(*summary));
}

HttpResult<Response> Api::post_screening(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::Screening screening,
                      app::screening_from_json(body, "screening"));
  return answer(call.daily->take_screen(call.me(), date, screening), 200,
                app::screen_summary_to_json);
}

HttpResult<Response> Api::put_clearance(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const Date cleared_on, clearance_from_json(body));
  BB_RETURN_IF_ERROR(call.daily->record_clearance(call.me(), cleared_on));
  return json_response(200, {{"cleared_on", cleared_on.to_string()}});
}

HttpResult<Response> Api::post_checkin(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::CheckIn checkin, app::checkin_from_json(body, "checkin"));
  BB_RETURN_IF_ERROR(call.daily->check_in(call.me(), date, checkin));
  return json_response(201,
                       {{"date", date.to_string()}, {"checkin", app::checkin_to_json(checkin)}});
}

HttpResult<Response> Api::get_checkin(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, path_date(call.params.at("date"), "date"));
  BB_ASSIGN_OR_RETURN(const auto checkin, call.daily->checkin(call.me(), date));
  if (!checkin) return HttpError(HttpFailure::kNotFound, "no check-in on that date");
  return json_response(200,
                       {{"date", date.to_string()}, {"checkin", app::checkin_to_json(*checkin)}});
}

HttpResult<Response> Api::get_today(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  return answer(call.daily->today(call.me(), date), 200, app::today_to_json);
}

HttpResult<Response> Api::get_plan_today(Call& call) const {
  return plan_response(call.daily->todays_plan_json(call.me(), parts_.clock->today()));
}

HttpResult<Response> Api::get_plan(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, path_date(call.params.at("date"), "date"));
  return plan_response(call.daily->todays_plan_json(call.me(), date));
}

HttpResult<Response> Api::post_session(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::SessionLog session, app::session_from_json(body, "session"));
  BB_RETURN_IF_ERROR(call.daily->log_session(call.me(), date, session));
  return json_response(201,
                       {{"date", date.to_string()}, {"session", app::session_to_json(session)}});
}

HttpResult<Response> Api::post_followup(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const FollowUp followup, followup_from_json(body));
  BB_RETURN_IF_ERROR(
      call.daily->record_next_morning_pain(call.me(), followup.session_date, followup.pain));
  return json_response(
      201, {{"session_date", followup.session_date.to_string()}, {"pain", followup.pain}});
}

HttpResult<Response> Api::get_history(Call& call) const {
  return answer_up_to_date(call.request, *call.daily, call.me(), parts_.clock->today(),
                           &app::DailyService::history, app::history_to_json);
}

HttpResult<Response> Api::get_progress(Call& call) const {
  return answer_up_to_date(call.request, *call.daily, call.me(), parts_.clock->today(),
                           &app::DailyService::progress, app::progress_to_json);
}

HttpResult<Response> Api::get_measures(Call& call) const {
  return answer(call.daily->progress(call.me(), parts_.clock->today()), 200, app::measures_to_json);
}

HttpResult<Response> Api::post_peg(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::Peg3 peg, peg_from_json(body));
  return answer(call.daily->add_peg(call.me(), date, peg), 201, [&](const app::MeasureResult& r) {
    return app::measure_result_to_json(date, "peg", r);
  });
}

HttpResult<Response> Api::post_psfs(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const coach::Psfs psfs, psfs_from_json(body));
  return answer(call.daily->add_psfs(call.me(), date, psfs), 201, [&](const app::MeasureResult& r) {
    return app::measure_result_to_json(date, "psfs", r);
  });
}

HttpResult<Response> Api::get_rope_advice(Call& call) const {
  return answer(call.daily->rope_advice(call.me()), 200, app::rope_advice_to_json);
}

HttpResult<Response> Api::get_export(Call& call) const {
  BB_ASSIGN_OR_RETURN(
      const app::RecordsExport records,
      app::export_records(*(*call.lease)->persons, *call.daily, (*call.lease)->recordings.get(),
                          call.me(), parts_.clock->today()));
  Response response =
      json_response(200, export_to_json(records.timeline, records.progress, records.recordings));
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"bounceback.json\"");
  return response;
}

HttpResult<Response> Api::get_export_csv(Call& call) const {
  BB_ASSIGN_OR_RETURN(
      const app::RecordsExport records,
      app::export_records(*(*call.lease)->persons, *call.daily, (*call.lease)->recordings.get(),
                          call.me(), parts_.clock->today()));
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = export_to_csv(records.timeline, records.progress, records.recordings);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"bounceback.csv\"");
  return response;
}

// ---------------------------------------------------------------------------------------------
// Shares and the clinician's read-only views

HttpResult<Response> Api::get_shares(Call& call) const {
  return answer(call.accounts->shares(*call.account), 200,
                [](const std::vector<app::ShareRecord>& shares) {
                  json list = json::array();
                  for (const auto& share : shares) list.push_back(share_to_json(share));
                  return json{{"shares", list}};
                });
}

HttpResult<Response> Api::post_invite(Call& call) const {
  return answer(call.accounts->create_invite(*call.account, parts_.clock->now()), 201,
                [](const app::Invite& invite) {
                  return json{{"code", invite.code}, {"expires_at", invite.expires_at}};
                });
}

HttpResult<Response> Api::post_accept(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto body, json_body(call.request));
  BB_ASSIGN_OR_RETURN(const std::string code, invite_code_from_json(body));
  return answer(call.accounts->accept_invite(*call.account, code, parts_.clock->now()), 201,
                share_to_json);
}

HttpResult<Response> Api::delete_share(Call& call) const {
  const std::optional<app::PersonId> clinician = parse_id(call.params.at("clinician_id"));
  if (!clinician) return HttpError(HttpFailure::kNotFound, "no share with this clinician");
  BB_RETURN_IF_ERROR(call.accounts->revoke_share(*call.account, *clinician));
  return no_content();
}

// The person of a /people/{person_id}/... route, when the viewer may see them. Anything else is a
// 404, so a clinician cannot even learn whether an id exists.
HttpResult<app::PersonId> viewed_person(app::AccountService& accounts, const app::Account& viewer,
                                        const PathParams& params) {
  const HttpError hidden(HttpFailure::kNotFound, "no such person shared with you");
  const std::optional<app::PersonId> id = parse_id(params.at("person_id"));
  if (!id) return hidden;
  BB_ASSIGN_OR_RETURN(const bool allowed, accounts.may_view(viewer, *id));
  if (!allowed) return hidden;
  return *id;
}

HttpResult<Response> Api::get_person_plan(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  BB_ASSIGN_OR_RETURN(const auto date, path_date(call.params.at("date"), "date"));
  return plan_response(call.daily->todays_plan_json(person, date));
}

HttpResult<Response> Api::get_person_history(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  return answer_up_to_date(call.request, *call.daily, person, parts_.clock->today(),
                           &app::DailyService::history, app::history_to_json);
}

// The person's latest safety screen and any clearance, so a clinician sees why plans are paused.
HttpResult<Response> Api::get_person_screening(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  BB_ASSIGN_OR_RETURN(const auto summary, call.daily->screen_summary(person));
  if (!summary) return HttpError(HttpFailure::kNotFound, "the safety screen is not taken yet");
  return json_response(200, app::screen_summary_to_json(*summary));
}

HttpResult<Response> Api::get_person_progress(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  return answer_up_to_date(call.request, *call.daily, person, parts_.clock->today(),
                           &app::DailyService::progress, app::progress_to_json);
}

HttpResult<Response> Api::get_person_measures(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  return answer(call.daily->progress(person, parts_.clock->today()), 200, app::measures_to_json);
}

// ---------------------------------------------------------------------------------------------
// Motion recordings and the live stream

namespace {

enum class AutoPlacement { kAllowed, kRefused };

// The "placement" query parameter: `fallback` when absent, 422 when unknown (or "auto" where a
// stream cannot look ahead).
HttpResult<motion::Placement> query_placement(const Request& request, AutoPlacement automatic,
                                              std::optional<motion::Placement> fallback) {
  const std::optional<std::string> text = query_text(request, "placement");
  if (!text) {
    if (fallback) return *fallback;
    return HttpError(HttpFailure::kInvalidArgument,
                     "say where the phone or sensor is: pocket, waist, chest, ankle or wrist",
                     "placement");
  }
  motion::Placement placement = motion::Placement::kAuto;
  if (!motion::parse_placement(*text, placement)) {
    return HttpError(HttpFailure::kInvalidArgument,
                     "unknown placement: use auto, pocket, waist, chest, ankle or wrist",
                     "placement");
  }
  if (placement == motion::Placement::kAuto && automatic == AutoPlacement::kRefused) {
    return HttpError(HttpFailure::kInvalidArgument,
                     "a live stream cannot guess the placement: say pocket, waist, chest, "
                     "ankle or wrist",
                     "placement");
  }
  return placement;
}

HttpResult<motion::Units> query_units(const Request& request, motion::Units fallback) {
  const std::optional<std::string> text = query_text(request, "units");
  if (!text) return fallback;
  if (*text == "auto") return motion::Units::kAuto;
  if (*text == "g") return motion::Units::kG;
  if (*text == "ms2") return motion::Units::kMetersPerSecond2;
  return HttpError(HttpFailure::kInvalidArgument, "unknown units: use auto, g or ms2", "units");
}

HttpResult<Response> recording_response(unsigned status, const app::StoredRecording& recording) {
  BB_ASSIGN_OR_RETURN(const json body, app::recording_to_json(recording));
  return json_response(status, body);
}

HttpResult<Response> recordings_response(Result<std::vector<app::RecordingHeader>> list) {
  return answer(std::move(list), 200, [](const std::vector<app::RecordingHeader>& headers) {
    json items = json::array();
    for (const auto& header : headers) items.push_back(app::recording_header_to_json(header));
    return json{{"recordings", items}};
  });
}

const HttpError kNoSuchRecording(HttpFailure::kNotFound, "no such recording");

// The recording the {id} of the path names, of `person`, with its analysis.
HttpResult<Response> show_recording(app::RecordingService& recordings, app::PersonId person,
                                    const PathParams& params) {
  const std::optional<app::RecordingId> id = parse_id(params.at("id"));
  if (!id) return kNoSuchRecording;
  BB_ASSIGN_OR_RETURN(const app::StoredRecording found, recordings.get(person, *id));
  return recording_response(200, found);
}

}  // namespace

bool Api::is_live_path(std::string_view path) { return path == "/api/v1/live"; }

std::shared_ptr<void> Api::take_live_place(app::PersonId person) const {
  std::lock_guard lock(live_streams_->mutex);
  std::size_t& open = live_streams_->open[person];
  if (open >= parts_.live_streams_per_person) return nullptr;
  ++open;
  // Holds the registry, not the Api, so a stream that outlives a request is safe.
  return std::shared_ptr<void>(live_streams_.get(), [streams = live_streams_, person](void*) {
    std::lock_guard release(streams->mutex);
    if (--streams->open[person] == 0) streams->open.erase(person);
  });
}

HttpResult<Response> Api::post_recording(Call& call) const {
  BB_ASSIGN_OR_RETURN(const auto date, query_date(call.request, "date", parts_.clock->today()));
  BB_ASSIGN_OR_RETURN(const auto placement, query_placement(call.request, AutoPlacement::kAllowed,
                                                            motion::Placement::kAuto));
  BB_ASSIGN_OR_RETURN(const auto units, query_units(call.request, motion::Units::kAuto));
  const std::optional<std::string> lenient = query_text(call.request, "lenient");
  if (lenient && *lenient != "true" && *lenient != "false") {
    return HttpError(HttpFailure::kInvalidArgument, "lenient is true or false", "lenient");
  }
  BB_ASSIGN_OR_RETURN(const auto csv, upload_body(call.request));
  app::UploadRequest upload;
  upload.date = date;
  upload.name = query_text(call.request, "name").value_or("");
  upload.placement = placement;
  upload.units = units;
  upload.strictness =
      lenient == "true" ? motion::Strictness::kLenient : motion::Strictness::kStrict;
  upload.created_at = parts_.clock->now();
  BB_ASSIGN_OR_RETURN(const app::StoredRecording saved,
                      call.recordings->upload(call.me(), upload, csv));
  return recording_response(201, saved);
}

HttpResult<Response> Api::get_recordings(Call& call) const {
  return recordings_response(call.recordings->list(call.me()));
}

HttpResult<Response> Api::get_recording(Call& call) const {
  return show_recording(*call.recordings, call.me(), call.params);
}

HttpResult<Response> Api::get_recording_csv(Call& call) const {
  const std::optional<app::RecordingId> id = parse_id(call.params.at("id"));
  if (!id) return kNoSuchRecording;
  BB_ASSIGN_OR_RETURN(std::string samples, call.recordings->samples(call.me(), *id));
  Response response;
  response.content_type = "text/csv";
  response.body = std::move(samples);
  response.headers.emplace_back(
      "Content-Disposition", "attachment; filename=\"recording-" + std::to_string(*id) + ".csv\"");
  return response;
}

HttpResult<Response> Api::delete_recording(Call& call) const {
  const std::optional<app::RecordingId> id = parse_id(call.params.at("id"));
  if (!id) return kNoSuchRecording;
  BB_RETURN_IF_ERROR(call.recordings->remove(call.me(), *id));
  return no_content();
}

HttpResult<Response> Api::get_person_recordings(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  return recordings_response(call.recordings->list(person));
}

HttpResult<Response> Api::get_person_recording(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  return show_recording(*call.recordings, person, call.params);
}

namespace {

// What a live stream is opened with, from its query: the session's date, placement and units.
struct LiveParams {
  Date date;
  motion::Placement placement = motion::Placement::kPocket;
  app::LiveUnits units = app::LiveUnits::kMetersPerSecond2;
  std::optional<int> target_cadence;  // the round's planned turns a minute
};

HttpResult<LiveParams> live_params(const Request& request, Date today) {
  LiveParams params;
  BB_ASSIGN_OR_RETURN(const auto date, query_date(request, "date", today));
  params.date = date;
  BB_ASSIGN_OR_RETURN(const auto placement,
                      query_placement(request, AutoPlacement::kRefused, std::nullopt));
  params.placement = placement;
  BB_ASSIGN_OR_RETURN(const auto units, query_units(request, motion::Units::kMetersPerSecond2));
  if (units == motion::Units::kAuto) {
    return HttpError(HttpFailure::kInvalidArgument,
                     "a live stream cannot guess its units: say g or ms2", "units");
  }
  params.units =
      units == motion::Units::kG ? app::LiveUnits::kG : app::LiveUnits::kMetersPerSecond2;
  if (const std::optional<std::string> cadence = query_text(request, "cadence")) {
    int value = 0;
    const char* end = cadence->data() + cadence->size();
    const auto [ptr, ec] = std::from_chars(cadence->data(), end, value);
    if (cadence->empty() || ec != std::errc() || ptr != end || value < 40 || value > 200) {
      return HttpError(HttpFailure::kInvalidArgument,
                       "the planned cadence must be a whole number of turns a minute from "
                       "40 to 200",
                       "cadence");
    }
    params.target_cadence = value;
  }
  return params;
}

}  // namespace

// A browser cannot read why an upgrade was refused, so the same request without the upgrade
// checks everything the upgrade would and says 426 only when the stream would open.
HttpResult<Response> Api::get_live(Call& call) const {
  BB_RETURN_IF_ERROR(live_params(call.request, parts_.clock->today()));
  return HttpError(HttpFailure::kUpgradeRequired,
                   "this route is a WebSocket: connect with an upgrade request");
}

std::variant<Response, std::unique_ptr<LiveSession>> Api::open_live(const Request& request) const {
  try {
    HttpResult<std::unique_ptr<LiveSession>> opened = open_live_session(request);
    if (!opened.ok()) return error_response(opened.error());
    return std::move(opened).value();
  } catch (const std::exception& e) {
    return error_response(HttpFailure::kInternal, std::string("unexpected: ") + e.what());
  }
}

HttpResult<std::unique_ptr<LiveSession>> Api::open_live_session(const Request& request) const {
  const auto match = router_.find("GET", request.path);
  if (match.handler == nullptr || match.handler->handler != &Api::get_live) {
    return HttpError(HttpFailure::kNotFound, "no such resource");
  }
  // A page of another site must not open a stream with the person's cookie.
  if (!from_this_site(request, page_origin_)) {
    return HttpError(HttpFailure::kForbidden, "a live stream opens only from this site");
  }
  Call call{request, match.params};
  BB_RETURN_IF_ERROR(admit(*match.handler, call));
  BB_ASSIGN_OR_RETURN(const LiveParams params, live_params(request, parts_.clock->today()));
  std::shared_ptr<void> place = take_live_place(call.me());
  if (!place) {
    return HttpError(HttpFailure::kRateLimited, "already " +
                                                    std::to_string(parts_.live_streams_per_person) +
                                                    " live streams open: end one first");
  }
  auto session =
      std::make_unique<LiveSession>(*parts_.stores, *parts_.clock, call.me(), params.date,
                                    params.placement, params.units, params.target_cadence);
  session->hold(std::move(place));
  return session;
}

// ---------------------------------------------------------------------------------------------
// Catalog

HttpResult<Response> Api::get_catalog(Call&) const {
  json items = json::array();
  for (const auto& item : parts_.catalog->items) items.push_back(app::catalog_item_to_json(item));
  return json_response(200, {{"items", items}});
}

HttpResult<Response> Api::get_safety_questions(Call&) const {
  return json_response(200, app::safety_questions_to_json());
}

HttpResult<Response> Api::get_catalog_item(Call& call) const {
  const coach::CatalogItem* item = parts_.catalog->find(call.params.at("id"));
  if (item == nullptr) return HttpError(HttpFailure::kNotFound, "no such catalog item");
  return json_response(200, app::catalog_item_to_json(*item));
}

}  // namespace bb::http
