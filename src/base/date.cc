#include "base/date.h"

#include <chrono>

#include <fmt/format.h>

namespace bb {

namespace {
int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::chrono::year_month_day ymd_of(std::int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}
}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  return from_ymd(year, month, day);
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int w = (days_ + 3) % 7;
  return w < 0 ? w + 7 : w;
}

const char* Date::weekday_name() const {
  static constexpr const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
  return kNames[weekday()];
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

}  // namespace bb
