// One request on its way through the Api: what admit() opened for it and whose it is. Private to
// the Api's own source files (api.cc and the api_*.cc files of its handlers).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "app/account_service.h"
#include "app/daily_service.h"
#include "app/recording_service.h"
#include "http/api.h"
#include "http/message.h"
#include "http/router.h"
#include "http/store_pool.h"

namespace bb::http {

struct Api::Call {
  Call(const Request& request_in, const PathParams& params_in)
      : request(request_in), params(params_in) {}

  const Request& request;
  const PathParams& params;
  std::optional<StorePool::Lease> lease;
  std::optional<app::Account> account;
  std::optional<app::DailyService> daily;
  std::optional<app::AccountService> accounts;
  std::optional<app::RecordingService> recordings;

  [[nodiscard]] app::PersonId me() const { return account->id; }
};

// A JSON answer, and the empty 204 of a write that returns nothing.
[[nodiscard]] Response json_response(unsigned status, const nlohmann::json& body);
[[nodiscard]] Response no_content();

// The person of a /people/{person_id}/... route, when the viewer may see them; a 404 otherwise,
// so a clinician cannot even learn whether an id exists.
[[nodiscard]] HttpResult<app::PersonId> viewed_person(app::AccountService& accounts,
                                                      const app::Account& viewer,
                                                      const PathParams& params);

}  // namespace bb::http
