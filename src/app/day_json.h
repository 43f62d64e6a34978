// JSON of the day's use cases that every front end reads the same way: the screen summary and
// the answer of DailyService::today.
#pragma once

#include <nlohmann/json.hpp>

#include "app/daily_service.h"

namespace bb::app {

// {"date", "outcome", "urgent": [ids], "see_clinician": [ids], "cleared_on": date | null}
nlohmann::json screen_summary_to_json(const ScreenSummary& summary);

// {"date", "state", "screen": summary | null, "ask_urgent_questions", "followup_session_date":
//  date | null, "plan": plan | null, "checkin": checkin | null, "session": session | null,
//  "advice": text | null}; advice is
// what to do now when blocked, in the engine's words.
nlohmann::json today_to_json(const TodayState& state);

}  // namespace bb::app
