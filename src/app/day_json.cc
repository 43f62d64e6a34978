#include "app/day_json.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "app/plan_json.h"
#include "app/session_bouts.h"
#include "app/timeline_json.h"
#include "coach/coach.h"
#include "coach/model.h"

namespace bb::app {

using nlohmann::json;

namespace {
double rounded(double value) { return std::round(value * 100.0) / 100.0; }

json optional_change(const std::optional<coach::Change>& change) {
  return change ? change_to_json(*change) : json();
}

// "1,240": a count (never negative) with its thousands grouped, as the engine's English writes it.
std::string grouped(int count) {
  const std::string digits = std::to_string(count);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

std::string counted(int n, const char* one, const char* many) {
  return grouped(n) + " " + (n == 1 ? one : many);
}

json flag_ids(const std::vector<coach::RedFlag>& flags) {
  json ids = json::array();
  for (const coach::RedFlag flag : flags) ids.push_back(coach::info(flag).id);
  return ids;
}
}  // namespace

std::string measured_words(const coach::Measured& m, std::optional<int> planned_cadence) {
  std::string text =
      "Counted: " + counted(m.jumps, "jump", "jumps") + " in " + coach::duration_words(m.active_seconds);
  if (m.cadence_per_min) {
    text += fmt::format(" at {} a minute", grouped(static_cast<int>(std::lround(*m.cadence_per_min))));
    if (planned_cadence) text += fmt::format(" (planned {})", *planned_cadence);
  }
  if (m.height_cm) text += fmt::format(", about {:.1f} cm high", *m.height_cm);
  if (m.trips) text += ", " + counted(*m.trips, "trip", "trips");
  return text + ".";
}

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
    const std::optional<coach::Measured>& measured =
        day.session ? day.session->measured : std::nullopt;
    const std::optional<int> planned_cadence =
        day.plan.rope ? std::optional<int>(day.plan.rope->cadence_per_min) : std::nullopt;
    out.push_back(
        {{"date", day.date.to_string()},
         {"checkin", checkin_to_json(day.checkin)},
         {"status", coach::to_string(day.plan.status)},
         {"day_type", coach::to_string(day.plan.day_type)},
         {"traffic_light",
          day.plan.traffic_light ? json(coach::to_string(*day.plan.traffic_light)) : json()},
         {"session", day.session ? session_to_json(*day.session) : json()},
         {"next_morning_pain", day.next_morning_pain ? json(*day.next_morning_pain) : json()},
         {"bouts",
          day.session ? logged_bouts_to_json(logged_bouts(day.plan, *day.session)) : json()},
         {"measured_words", measured && measured->jumps > 0
                                ? json(measured_words(*measured, planned_cadence))
                                : json()}});
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
