#include "app/calendar_feed.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app/calendar_json.h"
#include "app/calendar_service.h"
#include "app/time_zone.h"

namespace bb::app {
namespace {

// The content lines of a calendar, unfolded as RFC 5545 3.1 says: a CRLF followed by one space
// or tab is removed.
std::vector<std::string> unfolded_lines(const std::string& text) {
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0 || text.compare(i, 3, "\r\n\t") == 0) {
      i += 2;
      continue;
    }
    joined += text[i];
  }
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < joined.size()) {
    const std::size_t end = joined.find("\r\n", at);
    lines.push_back(joined.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find("\r\n", at);
    if (end == std::string::npos) {
      lines.push_back(text.substr(at));
      break;
    }
    lines.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

UnixSeconds utc(int year, int month, int day, int hour, int minute) {
  return static_cast<UnixSeconds>(Date::from_ymd(year, month, day)->days_since_epoch()) * 86400 +
         hour * 3600 + minute * 60;
}

CalendarDocument two_events() {
  CalendarDocument document;
  document.name = "Bounceback";
  document.time_zone = "Europe/Berlin";
  document.stamp = utc(2026, 12, 4, 1, 30);
  for (int i = 0; i < 2; ++i) {
    CalendarEvent event;
    event.uid = "2026120" + std::to_string(5 + i) + "-42@bounceback";
    event.start = utc(2026, 12, 5 + i, 6, 30);
    event.minutes = 20;
    event.summary = "Bounceback: Rope day: 4 min of rope, 7 min of stretches";
    event.description = "A long description, with commas; semicolons\nand a new line, long enough "
                        "to be folded more than once when it is written out as one content line";
    event.url = "https://bounceback.example/#/today";
    event.alarm_minutes_before = 10;
    event.alarm_text = "Rope day";
    document.events.push_back(event);
  }
  return document;
}

TEST(CalendarFeed, EveryLineEndsInCrlfAndNoneIsLongerThan75Octets) {
  const std::string text = write_icalendar(two_events());
  ASSERT_GE(text.size(), 2u);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
    if (text[i] == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  bool folded = false;
  for (const std::string& line : physical_lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    if (!line.empty() && line[0] == ' ') folded = true;
  }
  EXPECT_TRUE(folded) << "the long description should have been folded";
}

TEST(CalendarFeed, HasTheRequiredPropertiesInOrder) {
  const std::vector<std::string> lines = unfolded_lines(write_icalendar(two_events()));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_EQ(lines[2].rfind("PRODID:", 0), 0u);
  int events = 0;
  int alarms = 0;
  for (const std::string& line : lines) {
    if (line == "BEGIN:VEVENT") ++events;
    if (line == "BEGIN:VALARM") ++alarms;
  }
  EXPECT_EQ(events, 2);
  EXPECT_EQ(alarms, 2);
  const auto has = [&](const std::string& wanted) {
    for (const std::string& line : lines) {
      if (line == wanted) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("UID:20261205-42@bounceback"));
  EXPECT_TRUE(has("DTSTAMP:20261204T013000Z"));
  EXPECT_TRUE(has("DTSTART:20261205T063000Z"));
  EXPECT_TRUE(has("DTSTART:20261206T063000Z"));
  EXPECT_TRUE(has("DURATION:PT20M"));
  EXPECT_TRUE(has("TRIGGER:-PT10M"));
  EXPECT_TRUE(has("ACTION:DISPLAY"));
  EXPECT_TRUE(has("URL:https://bounceback.example/#/today"));
  EXPECT_TRUE(has("DESCRIPTION:A long description\\, with commas\\; semicolons\\nand a new line\\, "
                  "long enough to be folded more than once when it is written out as one "
                  "content line"));
}

TEST(CalendarFeed, EscapesText) {
  EXPECT_EQ(escape_ical_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  // Control characters other than tab are not allowed in TEXT: left out.
  EXPECT_EQ(escape_ical_text(std::string("x\x01y\x7Fz\tw")), "xyz\tw");
  EXPECT_EQ(escape_ical_text("Rückenübung: 5 min"), "Rückenübung: 5 min");
}

TEST(CalendarFeed, FoldsAt75OctetsWithoutSplittingUtf8) {
  EXPECT_EQ(fold_ical_line("SHORT:x"), "SHORT:x\r\n");
  const std::string exact(75, 'a');
  EXPECT_EQ(fold_ical_line(exact), exact + "\r\n");
  const std::string longer(76, 'a');
  EXPECT_EQ(fold_ical_line(longer), std::string(75, 'a') + "\r\n a\r\n");
  // "ü" is two octets: a line of them must break between characters, never inside one.
  std::string umlauts = "SUMMARY:";
  for (int i = 0; i < 60; ++i) umlauts += "ü";
  const std::string folded = fold_ical_line(umlauts);
  std::string rejoined;
  for (const std::string& line : physical_lines(folded)) {
    EXPECT_LE(line.size(), 75u);
    ASSERT_FALSE(line.empty());
    // No physical line starts (after the fold's space) with a continuation octet.
    const std::size_t first = line[0] == ' ' ? 1 : 0;
    ASSERT_LT(first, line.size());
    EXPECT_NE(static_cast<unsigned char>(line[first]) & 0xC0, 0x80) << line;
    rejoined += line.substr(first);
  }
  EXPECT_EQ(rejoined, umlauts);
}

TEST(CalendarFeed, WritesUtcTimes) {
  EXPECT_EQ(ical_utc_time(0), "19700101T000000Z");
  EXPECT_EQ(ical_utc_time(utc(2026, 12, 31, 23, 59) + 58), "20261231T235958Z");
}

TEST(CalendarTimeZone, ConvertsAcrossDaylightSavingChanges) {
  ASSERT_TRUE(is_known_time_zone("Europe/Berlin")) << "tzdata is not installed";
  // Winter: UTC+1; summer: UTC+2.
  EXPECT_EQ(*instant_of_local_time("Europe/Berlin", *Date::parse("2026-12-05"), 7 * 60 + 30),
            utc(2026, 12, 5, 6, 30));
  EXPECT_EQ(*instant_of_local_time("Europe/Berlin", *Date::parse("2026-07-01"), 7 * 60 + 30),
            utc(2026, 7, 1, 5, 30));
  // 2026-03-29 02:30 does not exist in Berlin (02:00 -> 03:00): the change, 01:00 UTC.
  EXPECT_EQ(*instant_of_local_time("Europe/Berlin", *Date::parse("2026-03-29"), 2 * 60 + 30),
            utc(2026, 3, 29, 1, 0));
  // 2026-10-25 02:30 happens twice (03:00 -> 02:00): the first, still summer time.
  EXPECT_EQ(*instant_of_local_time("Europe/Berlin", *Date::parse("2026-10-25"), 2 * 60 + 30),
            utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(*instant_of_local_time("America/New_York", *Date::parse("2026-12-05"), 18 * 60),
            utc(2026, 12, 5, 23, 0));
  EXPECT_EQ(*instant_of_local_time("UTC", *Date::parse("2026-12-05"), 0), utc(2026, 12, 5, 0, 0));
}

TEST(CalendarTimeZone, LocalDateFollowsTheZone) {
  // 23:30 UTC on 4 December is already 5 December in Berlin and still 4 December in New York.
  const UnixSeconds late = utc(2026, 12, 4, 23, 30);
  EXPECT_EQ(*local_date("Europe/Berlin", late), *Date::parse("2026-12-05"));
  EXPECT_EQ(*local_date("America/New_York", late), *Date::parse("2026-12-04"));
  EXPECT_EQ(*local_date("Pacific/Kiritimati", utc(2026, 12, 4, 10, 0)), *Date::parse("2026-12-05"));
}

TEST(CalendarTimeZone, UnknownZonesAreRefused) {
  EXPECT_FALSE(is_known_time_zone(""));
  EXPECT_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(is_known_time_zone("../../etc/passwd"));
  const auto date = local_date("Nowhere/Else", 0);
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.error().field, "time_zone");
}

TEST(CalendarSettingsJson, ReadsAValidChoice) {
  const auto settings = calendar_settings_from_json(
      nlohmann::json{{"time", "18:05"}, {"minutes", 25}, {"time_zone", "Asia/Tokyo"}});
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->start_minute, 18 * 60 + 5);
  EXPECT_EQ(settings->minutes, 25);
  EXPECT_EQ(settings->time_zone, "Asia/Tokyo");
}

TEST(CalendarSettingsJson, RefusesBadInputNamingTheField) {
  const auto field_of = [](const nlohmann::json& j) {
    const auto settings = calendar_settings_from_json(j);
    return settings.ok() ? std::string("(accepted)") : settings.error().field;
  };
  const nlohmann::json good = {{"time", "07:30"}, {"minutes", 20}, {"time_zone", "UTC"}};
  for (const char* time : {"7:30", "24:00", "07:60", "07:30:00", "ab:cd", ""}) {
    nlohmann::json j = good;
    j["time"] = time;
    EXPECT_EQ(field_of(j), "time") << time;
  }
  for (const int minutes : {0, 4, 181, -5}) {
    nlohmann::json j = good;
    j["minutes"] = minutes;
    EXPECT_EQ(field_of(j), "minutes") << minutes;
  }
  nlohmann::json zone = good;
  zone["time_zone"] = "Europe/Atlantis";
  EXPECT_EQ(field_of(zone), "time_zone");
  nlohmann::json extra = good;
  extra["colour"] = "red";
  EXPECT_NE(field_of(extra), "(accepted)");
  nlohmann::json missing = good;
  missing.erase("minutes");
  EXPECT_EQ(field_of(missing), "minutes");
  EXPECT_NE(field_of(nlohmann::json::array()), "(accepted)");
}

TEST(CalendarSummary, SaysTheDayAndItsMinutes) {
  coach::Plan rope;
  rope.day_type = coach::DayType::kRope;
  rope.rope = coach::RopeDose{};
  rope.rope->work_seconds = 40;
  rope.rope->rounds = 6;
  rope.stretch.minutes = 7;
  EXPECT_EQ(plan_summary(rope), "Rope day: 4 min of rope, 7 min of stretches");
  coach::Plan gentle;
  gentle.day_type = coach::DayType::kRestorative;
  gentle.stretch.minutes = 15;
  EXPECT_EQ(plan_summary(gentle), "Gentle day: 15 min of stretches and restorative yoga");
  coach::Plan mixed = rope;
  mixed.day_type = coach::DayType::kMixed;
  mixed.rope->rounds = 4;
  mixed.rope->work_seconds = 45;
  EXPECT_EQ(plan_summary(mixed), "Mixed day: 3 min of rope, 7 min of stretches");
}

}  // namespace
}  // namespace bb::app
