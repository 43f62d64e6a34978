// The HTTP/JSON API: every route of docs/openapi.yaml, plus the health checks and the web app.
// Handlers are thin: decode the request, call DailyService or AccountService, encode the answer.
// Authorization happens here, once per route, from the route's declared access.
#pragma once

#include <string>
#include <vector>

#include "app/account_service.h"
#include "coach/catalog.h"
#include "http/clock.h"
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

struct ApiParts {
  StorePool* stores = nullptr;
  app::Secrets* secrets = nullptr;
  const Clock* clock = nullptr;
  const coach::Catalog* catalog = nullptr;
  std::string openapi_document;  // served as YAML
  StaticFiles web;               // the browser app; may be empty
};

class Api {
 public:
  // Everything pointed to must outlive the Api.
  explicit Api(ApiParts parts);

  // Answers one request. Never throws: an unexpected exception becomes a 500 (and is a bug).
  // Safe to call from several threads at once.
  [[nodiscard]] Response handle(const Request& request) const;

  [[nodiscard]] std::vector<RouteInfo> routes() const { return router_.routes(); }

 private:
  struct Call;
  using Handler = Response (Api::*)(Call&) const;
  struct Route {
    Access access;
    Handler handler;
  };

  void add(const char* method, const char* pattern, Access access, Handler handler);
  [[nodiscard]] Response dispatch(const Request& request) const;

  // One per route, named after it.
  Response healthz(Call& call) const;
  Response readyz(Call& call) const;
  Response openapi(Call& call) const;
  Response register_account(Call& call) const;
  Response login(Call& call) const;
  Response logout(Call& call) const;
  Response get_account(Call& call) const;
  Response delete_account(Call& call) const;
  Response get_profile(Call& call) const;
  Response put_profile(Call& call) const;
  Response get_screening(Call& call) const;
  Response post_screening(Call& call) const;
  Response put_clearance(Call& call) const;
  Response post_checkin(Call& call) const;
  Response get_checkin(Call& call) const;
  Response get_plan_today(Call& call) const;
  Response get_plan(Call& call) const;
  Response post_session(Call& call) const;
  Response post_followup(Call& call) const;
  Response get_history(Call& call) const;
  Response get_progress(Call& call) const;
  Response get_measures(Call& call) const;
  Response post_peg(Call& call) const;
  Response post_psfs(Call& call) const;
  Response get_rope_advice(Call& call) const;
  Response get_export(Call& call) const;
  Response get_export_csv(Call& call) const;
  Response get_shares(Call& call) const;
  Response post_invite(Call& call) const;
  Response post_accept(Call& call) const;
  Response delete_share(Call& call) const;
  Response get_person_plan(Call& call) const;
  Response get_person_history(Call& call) const;
  Response get_person_progress(Call& call) const;
  Response get_person_measures(Call& call) const;
  Response get_catalog(Call& call) const;
  Response get_catalog_item(Call& call) const;

  ApiParts parts_;
  Router<Route> router_;
};

}  // namespace bb::http
