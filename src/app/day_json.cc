#include "app/day_json.h"

#include <cmath>

#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "coach/model.h"

namespace bb::app {

using nlohmann::json;

namespace {
double rounded(double value) { return std::round(value * 100.0) / 100.0; }

json optional_change(const std::optional<coach::Change>& change) {
  return change ? change_to_json(*change) : json();
}

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

json peg_entries_to_json(const std::vector<DatedPeg3>& entries) {
  json out = json::array();
  for (const auto& entry : entries) {
    out.push_back({{"date", entry.date.to_string()},
                   {"average_pain", entry.peg.average_pain},
                   {"enjoyment_interference", entry.peg.enjoyment_interference},
                   {"activity_interference", entry.peg.activity_interference},
                   {"score", rounded(entry.peg.score())}});
  }
  return out;
}

json psfs_entries_to_json(const std::vector<DatedPsfs>& entries) {
  json out = json::array();
  for (const auto& entry : entries) {
    json activities = json::array();
    for (const auto& a : entry.psfs.activities) {
      activities.push_back({{"name", a.name}, {"score", a.score}});
    }
    out.push_back({{"date", entry.date.to_string()},
                   {"activities", activities},
                   {"score", rounded(entry.psfs.score())}});
  }
  return out;
}

json history_to_json(const std::vector<HistoryDay>& days) {
  json out = json::array();
  for (const HistoryDay& day : days) {
    out.push_back(
        {{"date", day.date.to_string()},
         {"checkin", checkin_to_json(day.checkin)},
         {"status", coach::to_string(day.plan.status)},
         {"day_type", coach::to_string(day.plan.day_type)},
         {"traffic_light",
          day.plan.traffic_light ? json(coach::to_string(*day.plan.traffic_light)) : json()},
         {"session", day.session ? session_to_json(*day.session) : json()},
         {"next_morning_pain", day.next_morning_pain ? json(*day.next_morning_pain) : json()}});
  }
  return {{"days", out}};
}

json progress_to_json(const Progress& progress) {
  json pain = json::array();
  for (const auto& point : progress.pain) {
    pain.push_back({{"date", point.date.to_string()}, {"pain", point.pain}});
  }
  json weeks = json::array();
  for (const auto& week : progress.rope_weeks) {
    weeks.push_back({{"week_start", week.week_start.to_string()},
                     {"rope_minutes", rounded(week.rope_minutes)},
                     {"sessions", week.sessions}});
  }
  json lights = json::array();
  for (const auto& light : progress.traffic_lights) {
    lights.push_back({{"date", light.date.to_string()}, {"light", coach::to_string(light.light)}});
  }
  return {{"pain", pain},
          {"pain_change", optional_change(progress.pain_change)},
          {"rope_weeks", weeks},
          {"traffic_lights", lights},
          {"peg", peg_entries_to_json(progress.peg)},
          {"peg_change", optional_change(progress.peg_change)},
          {"psfs", psfs_entries_to_json(progress.psfs)},
          {"psfs_change", optional_change(progress.psfs_change)}};
}

json measures_to_json(const Progress& progress) {
  return {{"peg", peg_entries_to_json(progress.peg)}, {"psfs", psfs_entries_to_json(progress.psfs)}};
}

json measure_result_to_json(Date date, const char* measure, const MeasureResult& result) {
  return {{"date", date.to_string()},
          {"measure", measure},
          {"score", rounded(result.score)},
          {"change", optional_change(result.change)}};
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
