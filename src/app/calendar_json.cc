#include "app/calendar_json.h"

#include <fmt/format.h>

#include "app/json_reader.h"

namespace bb::app {

std::optional<int> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

std::string time_of_day_text(int minute_of_day) {
  return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

Result<CalendarSettings> calendar_settings_from_json(const nlohmann::json& j) {
  BB_RETURN_IF_ERROR(expect_object(j, "", {"time", "minutes", "time_zone"}));
  CalendarSettings settings;
  {
    Result<std::optional<std::string>> time = read_string(j, "", "time", 5, Presence::kRequired);
    if (!time.ok()) return time.error();
    const std::optional<int> start = parse_time_of_day(time->value_or(""));
    if (!start) return Error::invalid("time", "expected a time of day as HH:MM, e.g. 07:30");
    settings.start_minute = *start;
  }
  {
    Result<std::optional<int>> minutes = read_int(j, "", "minutes", kMinCalendarEventMinutes,
                                                  kMaxCalendarEventMinutes, Presence::kRequired);
    if (!minutes.ok()) return minutes.error();
    settings.minutes = minutes->value_or(0);
  }
  {
    Result<std::optional<std::string>> zone =
        read_string(j, "", "time_zone", kMaxTimeZoneLength, Presence::kRequired);
    if (!zone.ok()) return zone.error();
    settings.time_zone = zone->value_or("");
  }
  BB_RETURN_IF_ERROR(validate_calendar_settings(settings));
  return settings;
}

nlohmann::json calendar_view_to_json(const CalendarView& view) {
  nlohmann::json out = {{"time", time_of_day_text(view.settings.start_minute)},
                        {"minutes", view.settings.minutes},
                        {"time_zone", nullptr},
                        {"feed", view.feed}};
  if (view.saved) out["time_zone"] = view.settings.time_zone;
  return out;
}

}  // namespace bb::app
