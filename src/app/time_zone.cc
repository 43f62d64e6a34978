#include "app/time_zone.h"

#include <chrono>
#include <date/tz.h>
#include <exception>

namespace bb::app {
namespace {

// nullptr for an unknown zone (the library throws for it).
const date::time_zone* find_zone(const std::string& name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

Error unknown_zone(const std::string& name) {
  return Error::invalid("time_zone", "unknown time zone \"" + name + "\"");
}

}  // namespace

bool is_known_time_zone(const std::string& name) { return find_zone(name) != nullptr; }

Result<Date> local_date(const std::string& zone, UnixSeconds instant) {
  const date::time_zone* tz = find_zone(zone);
  if (tz == nullptr) return unknown_zone(zone);
  const date::sys_seconds at{std::chrono::seconds(instant)};
  const auto local = tz->to_local(at);
  const auto day = date::floor<date::days>(local);
  return Date(static_cast<std::int32_t>(day.time_since_epoch().count()));
}

Result<UnixSeconds> instant_of_local_time(const std::string& zone, Date date, int minute_of_day) {
  const date::time_zone* tz = find_zone(zone);
  if (tz == nullptr) return unknown_zone(zone);
  if (minute_of_day < 0 || minute_of_day >= 24 * 60) {
    return Error::invalid("time", "a time of day is between 00:00 and 23:59");
  }
  const date::local_seconds local{date::days(date.days_since_epoch()) +
                                  std::chrono::minutes(minute_of_day)};
  const date::local_info info = tz->get_info(local);
  date::sys_seconds at;
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the first offset is the earlier occurrence
      at = date::sys_seconds{local.time_since_epoch() - info.first.offset};
      break;
    case date::local_info::nonexistent:  // the gap starts where the second period begins
      at = info.second.begin;
      break;
  }
  return static_cast<UnixSeconds>(at.time_since_epoch().count());
}

}  // namespace bb::app
