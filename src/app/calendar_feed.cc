#include "app/calendar_feed.h"

#include <fmt/format.h>

#include "base/date.h"

namespace bb::app {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// A duration of whole minutes (RFC 5545 3.3.6): "PT20M".
std::string minutes_duration(int minutes) { return fmt::format("PT{}M", minutes); }

void add_line(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  out += fold_ical_line(line);
}

}  // namespace

std::string escape_ical_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT (RFC 5545 3.3.11): left out.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        if (c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string fold_ical_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / kMaxLineOctets * 3 + 2);
  std::size_t at = 0;
  // The first line holds 75 octets; each continuation holds 74 after its leading space.
  std::size_t room = kMaxLineOctets;
  while (line.size() - at > room) {
    std::size_t end = at + room;
    while (end > at && is_utf8_continuation(static_cast<unsigned char>(line[end]))) --end;
    if (end == at) end = at + room;  // not UTF-8 at all: cut where the octets run out
    out.append(line.substr(at, end - at));
    out += "\r\n ";
    at = end;
    room = kMaxLineOctets - 1;
  }
  out.append(line.substr(at));
  out += "\r\n";
  return out;
}

std::string ical_utc_time(UnixSeconds instant) {
  const auto seconds_of_day = ((instant % 86400) + 86400) % 86400;
  const auto days = (instant - seconds_of_day) / 86400;
  const Date date(static_cast<std::int32_t>(days));
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", date.year(), date.month(), date.day(),
                     seconds_of_day / 3600, seconds_of_day / 60 % 60, seconds_of_day % 60);
}

std::string write_icalendar(const CalendarDocument& document) {
  std::string out;
  add_line(out, "BEGIN", "VCALENDAR");
  add_line(out, "VERSION", "2.0");
  add_line(out, "PRODID", "-//Bounceback//Daily practice calendar//EN");
  add_line(out, "CALSCALE", "GREGORIAN");
  add_line(out, "METHOD", "PUBLISH");
  add_line(out, "X-WR-CALNAME", escape_ical_text(document.name));
  if (!document.time_zone.empty()) {
    add_line(out, "X-WR-TIMEZONE", escape_ical_text(document.time_zone));
  }
  const std::string refresh = fmt::format("PT{}H", document.refresh_hours);
  add_line(out, "REFRESH-INTERVAL;VALUE=DURATION", refresh);
  add_line(out, "X-PUBLISHED-TTL", refresh);
  const std::string stamp = ical_utc_time(document.stamp);
  for (const CalendarEvent& event : document.events) {
    add_line(out, "BEGIN", "VEVENT");
    add_line(out, "UID", escape_ical_text(event.uid));
    add_line(out, "DTSTAMP", stamp);
    add_line(out, "DTSTART", ical_utc_time(event.start));
    add_line(out, "DURATION", minutes_duration(event.minutes));
    add_line(out, "SUMMARY", escape_ical_text(event.summary));
    if (!event.description.empty()) {
      add_line(out, "DESCRIPTION", escape_ical_text(event.description));
    }
    // A URI value is not TEXT: it is written as it is (the caller gives a valid one).
    if (!event.url.empty()) add_line(out, "URL", event.url);
    add_line(out, "TRANSP", "OPAQUE");
    add_line(out, "BEGIN", "VALARM");
    add_line(out, "ACTION", "DISPLAY");
    add_line(out, "DESCRIPTION", escape_ical_text(event.alarm_text));
    add_line(out, "TRIGGER", fmt::format("-PT{}M", event.alarm_minutes_before));
    add_line(out, "END", "VALARM");
    add_line(out, "END", "VEVENT");
  }
  add_line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace bb::app
