// A calendar date with no time zone: the engine's only notion of time. Callers supply it;
// nothing in the pure core reads a clock.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bb {

class Date {
 public:
  // Days since 1970-01-01 (may be negative).
  constexpr explicit Date(std::int32_t days_since_epoch = 0) : days_(days_since_epoch) {}

  // Strict ISO 8601 calendar date "YYYY-MM-DD" for years 1900-2999; nullopt for anything else,
  // including impossible dates such as 2025-02-30.
  static std::optional<Date> parse(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);

  [[nodiscard]] std::string to_string() const;  // "YYYY-MM-DD"
  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;
  [[nodiscard]] int day() const;
  // 0 = Monday ... 6 = Sunday.
  [[nodiscard]] int weekday() const;
  [[nodiscard]] const char* weekday_name() const;  // "Monday"

  [[nodiscard]] constexpr std::int32_t days_since_epoch() const { return days_; }
  [[nodiscard]] constexpr Date plus_days(std::int32_t n) const { return Date(days_ + n); }
  // Whole days from `earlier` to this date.
  [[nodiscard]] constexpr std::int32_t days_after(Date earlier) const { return days_ - earlier.days_; }

  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_;
};

}  // namespace bb
