// JSON of DailyService's answers, one encoder per type, shared by the command line (--json) and
// the server: the screen summary, the day's state, history, progress and the measures.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/daily_service.h"

namespace bb::app {

// {"date", "outcome", "urgent": [ids], "see_clinician": [ids], "cleared_on": date | null}
nlohmann::json screen_summary_to_json(const ScreenSummary& summary);

// {"date", "state", "screen": summary | null, "ask_urgent_questions", "followup_session_date":
//  date | null, "plan": plan | null, "checkin": checkin | null, "session": session | null,
//  "advice": text | null}; advice is
// what to do now when blocked, in the engine's words.
nlohmann::json today_to_json(const TodayState& state);

// {"days": [{"date", "checkin", "status", "day_type", "traffic_light", "session",
//  "next_morning_pain", "bouts": [...] | null, "measured_words": text | null}]}; bouts are the
// logged session's rounds (logged_bouts, null without a session); measured_words is
// measured_words() of the session's recordings (null without a counted jump), shown as the
// day's own sentence.
nlohmann::json history_to_json(const std::vector<HistoryDay>& days);

// What a day's recordings counted, in one sentence: "Counted: 240 jumps in 2 min 40 s at 92 a
// minute (planned 90), about 3.1 cm high, 2 trips." Parts not measured are left out.
std::string measured_words(const coach::Measured& measured, std::optional<int> planned_cadence);

// {"pain", "pain_change", "rope_weeks", "traffic_lights", "peg", "peg_change", "psfs",
//  "psfs_change"}
nlohmann::json progress_to_json(const Progress& progress);
nlohmann::json measures_to_json(const Progress& progress);  // its PEG-3 and PSFS entries
nlohmann::json measure_result_to_json(Date date, const char* measure, const MeasureResult& result);
nlohmann::json peg_entries_to_json(const std::vector<DatedPeg3>& entries);
nlohmann::json psfs_entries_to_json(const std::vector<DatedPsfs>& entries);

}  // namespace bb::app
