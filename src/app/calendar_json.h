// The JSON of calendar settings: {"time": "07:30", "minutes": 20, "time_zone": "Europe/Berlin"}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/account_store.h"
#include "app/calendar_service.h"
#include "base/result.h"

namespace bb::app {

// Strict: every member required, nothing else allowed, the time as "HH:MM" (24-hour clock), the
// zone checked against the time zone database. Fields "time", "minutes", "time_zone".
[[nodiscard]] Result<CalendarSettings> calendar_settings_from_json(const nlohmann::json& j);

// "HH:MM" to minutes after midnight; nullopt for anything else ("7:30", "24:00", "07:30:00").
[[nodiscard]] std::optional<int> parse_time_of_day(std::string_view text);
[[nodiscard]] std::string time_of_day_text(int minute_of_day);

// {"time", "minutes", "time_zone" (null until chosen), "feed"}.
[[nodiscard]] nlohmann::json calendar_view_to_json(const CalendarView& view);

}  // namespace bb::app
