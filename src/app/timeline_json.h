// The replay scenario format (outside input): parsed strictly, every error naming its field path.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/result.h"
#include "coach/model.h"

namespace bb::app {

// Parses {"profile", "screening", "clearance"?, "days": [...]} (see docs/api.md). Rejects unknown
// fields, out-of-range values, missing red-flag ids and dates out of order with an Error whose
// field is the JSON path, e.g. "days[3].checkin.pain".
Result<coach::Timeline> parse_timeline(std::string_view json_text);
Result<coach::Timeline> timeline_from_json(const nlohmann::json& doc);

// Pieces, reused by the CLI and the server for single records. `path` prefixes error fields.
Result<coach::Profile> profile_from_json(const nlohmann::json& j, const std::string& path);
Result<coach::Screening> screening_from_json(const nlohmann::json& j, const std::string& path);
Result<coach::CheckIn> checkin_from_json(const nlohmann::json& j, const std::string& path);
// A session's "measured" comes from its recordings, never from a logged session: only a replay
// timeline may carry it (docs/api.md).
enum class MeasuredField { kRefused, kAccepted };
Result<coach::SessionLog> session_from_json(const nlohmann::json& j, const std::string& path,
                                            MeasuredField measured = MeasuredField::kRefused);
// {"active_seconds", "jumps", "placement", and where shown "cadence_per_min", "height_cm",
//  "impact_g", "trips", "longest_run"}
nlohmann::json measured_to_json(const coach::Measured& measured);

nlohmann::json profile_to_json(const coach::Profile& profile);
nlohmann::json screening_to_json(const coach::Screening& screening);
// The ten safety questions in screen order, as every front end shows them:
// [{"id", "question", "summary", "urgent", "advice"}], advice being what to do after a yes.
nlohmann::json safety_questions_to_json();
nlohmann::json checkin_to_json(const coach::CheckIn& checkin);
nlohmann::json session_to_json(const coach::SessionLog& session);

}  // namespace bb::app
