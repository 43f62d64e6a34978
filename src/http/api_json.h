// JSON shapes of the HTTP API that the app layer's codecs do not already cover. The field names
// follow the command line's --json output, so one client understands both.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/account_service.h"
#include "app/daily_service.h"
#include "app/day_json.h"
#include "app/recording_store.h"
#include "base/result.h"
#include "coach/catalog.h"
#include "coach/measures.h"
#include "coach/model.h"

namespace bb::http {

nlohmann::json account_to_json(const app::Account& account);
nlohmann::json session_opened_to_json(const app::OpenedSession& opened);
nlohmann::json share_to_json(const app::ShareRecord& share);
// The replay scenario format of docs/api.md, with "peg", "psfs" and "recordings" lists added.
nlohmann::json export_to_json(const coach::Timeline& timeline, const app::Progress& progress,
                              const std::vector<app::RecordingHeader>& recordings);
// One row per checked-in day, then one per measure and one per recording, under a single header.
std::string export_to_csv(const coach::Timeline& timeline, const app::Progress& progress,
                          const std::vector<app::RecordingHeader>& recordings);

struct Credentials {
  std::string email;
  std::string password;
  app::Role role = app::Role::kPerson;
  std::string invite;  // a clinician's invite code, when registering as one
};
// {"email", "password", "role"?, "invite"?}; `role` and `invite` only when `with_role`.
enum class RoleField { kAllowed, kRefused };
Result<Credentials> credentials_from_json(const nlohmann::json& j, RoleField role_field);
Result<coach::Peg3> peg_from_json(const nlohmann::json& j);
Result<coach::Psfs> psfs_from_json(const nlohmann::json& j);

struct FollowUp {
  Date session_date;
  int pain = 0;
};
Result<FollowUp> followup_from_json(const nlohmann::json& j);
// {"cleared_on": "YYYY-MM-DD"}
Result<Date> clearance_from_json(const nlohmann::json& j);
// {"password"}
Result<std::string> password_from_json(const nlohmann::json& j);
// {"code"}
Result<std::string> invite_code_from_json(const nlohmann::json& j);
// {"display_name"}
Result<std::string> display_name_from_json(const nlohmann::json& j);

}  // namespace bb::http
