// Fuzzes the calendar settings a person sends (PUT/POST /api/v1/calendar): the JSON body through
// the settings parser and the time zone database and, when accepted, a feed written with them.
// Nothing may crash or hang; an accepted choice must convert to UTC for every day of the feed and
// write a calendar whose every line ends in CRLF and holds at most 75 octets.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "app/calendar_feed.h"
#include "app/calendar_json.h"
#include "app/time_zone.h"
#include "base/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json body =
      nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;
  const auto settings = bb::app::calendar_settings_from_json(body);
  if (!settings.ok()) return 0;
  bb::app::CalendarDocument document;
  document.name = settings->time_zone;
  document.time_zone = settings->time_zone;
  document.stamp = 1796000000;
  const auto today = bb::app::local_date(settings->time_zone, document.stamp);
  if (!today.ok()) std::abort();  // an accepted zone must be usable
  for (int day = 0; day < 14; ++day) {
    const auto start =
        bb::app::instant_of_local_time(settings->time_zone, today->plus_days(day),
                                       settings->start_minute);
    if (!start.ok()) std::abort();
    bb::app::CalendarEvent event;
    event.uid = std::to_string(day);
    event.start = *start;
    event.minutes = settings->minutes;
    event.summary = body.dump();  // outside text through the escaping and the folding
    event.alarm_text = settings->time_zone;
    document.events.push_back(event);
  }
  const std::string text = bb::app::write_icalendar(document);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') std::abort();
      if (i - line_start > 75) std::abort();
      line_start = i + 2;
    } else if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
      std::abort();
    }
  }
  if (line_start != text.size()) std::abort();
  return 0;
}
