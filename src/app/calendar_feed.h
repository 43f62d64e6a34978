// The iCalendar (RFC 5545) text of a person's calendar feed: a pure function of the values given,
// no clock and no I/O. Times are written in UTC ("Z" form, RFC 5545 3.3.5 form #2), converted by
// the caller with the time zone database, so no VTIMEZONE is needed and every client shows the
// same instants.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/account_store.h"

namespace bb::app {

struct CalendarEvent {
  std::string uid;  // stable across fetches: the same day keeps the same UID
  UnixSeconds start = 0;
  int minutes = 0;
  std::string summary;
  std::string description;
  std::string url;  // a link back into the app; empty writes none
  int alarm_minutes_before = 0;
  std::string alarm_text;
};

struct CalendarDocument {
  std::string name;         // X-WR-CALNAME, the title a subscription shows
  std::string time_zone;    // X-WR-TIMEZONE: informative only, every time is in UTC
  UnixSeconds stamp = 0;    // DTSTAMP of every event: when the feed was written
  int refresh_hours = 6;    // REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL
  std::vector<CalendarEvent> events;
};

// The whole calendar: CRLF line ends, content lines folded at 75 octets.
[[nodiscard]] std::string write_icalendar(const CalendarDocument& document);

// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
[[nodiscard]] std::string escape_ical_text(std::string_view text);

// One content line, folded (RFC 5545 3.1): no line longer than 75 octets before its CRLF, each
// continuation starting with one space, never splitting a UTF-8 sequence. Ends in CRLF.
[[nodiscard]] std::string fold_ical_line(std::string_view line);

// "20261205T063000Z".
[[nodiscard]] std::string ical_utc_time(UnixSeconds instant);

}  // namespace bb::app
