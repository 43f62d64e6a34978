#include "app/day_json.h"

#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "coach/model.h"

namespace bb::app {

using nlohmann::json;

namespace {
json flag_ids(const std::vector<coach::RedFlag>& flags) {
  json ids = json::array();
  for (const coach::RedFlag flag : flags) ids.push_back(coach::info(flag).id);
  return ids;
}
}  // namespace

json screen_summary_to_json(const ScreenSummary& summary) {
  return {{"date", summary.screened_on.to_string()},
          {"outcome", to_string(summary.outcome)},
          {"urgent", flag_ids(summary.urgent)},
          {"see_clinician", flag_ids(summary.see_clinician)},
          {"cleared_on", summary.cleared_on ? json(summary.cleared_on->to_string()) : json()}};
}

json today_to_json(const TodayState& state) {
  json advice = nullptr;
  if (state.step == TodayStep::kBlockedUrgent) {
    advice = coach::safety_advice(coach::FlagSeverity::kUrgent);
  } else if (state.step == TodayStep::kBlockedUntilClearance) {
    advice = coach::safety_advice(coach::FlagSeverity::kSeeClinician);
  }
  return {{"date", state.date.to_string()},
          {"state", to_string(state.step)},
          {"screen", state.screen ? screen_summary_to_json(*state.screen) : json()},
          {"ask_urgent_questions", state.ask_urgent_questions},
          {"followup_session_date",
           state.followup_session_date ? json(state.followup_session_date->to_string()) : json()},
          {"plan", state.plan ? plan_to_json(*state.plan) : json()},
          {"checkin", state.checkin ? checkin_to_json(*state.checkin) : json()},
          {"session", state.session ? session_to_json(*state.session) : json()},
          {"advice", advice}};
}

}  // namespace bb::app
