#include "base/date.h"

#include <gtest/gtest.h>

namespace bb {
namespace {

TEST(Date, ParsesAndPrintsIsoDates) {
  const auto d = Date::parse("2026-11-24");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->to_string(), "2026-11-24");
  EXPECT_EQ(d->year(), 2026);
  EXPECT_EQ(d->month(), 11);
  EXPECT_EQ(d->day(), 24);
  EXPECT_STREQ(d->weekday_name(), "Tuesday");
}

TEST(Date, RejectsMalformedAndImpossibleDates) {
  for (const char* bad : {"", "2026-1-24", "2026/11/24", "2025-02-29", "2026-13-01", "2026-11-31",
                          "20261124", "2026-11-24T00:00", "abcd-ef-gh", "1899-12-31"}) {
    EXPECT_FALSE(Date::parse(bad).has_value()) << bad;
  }
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());
}

TEST(Date, ArithmeticAcrossMonthsAndYears) {
  const Date d = *Date::parse("2025-12-30");
  EXPECT_EQ(d.plus_days(3).to_string(), "2026-01-02");
  EXPECT_EQ(Date::parse("2026-03-01")->days_after(*Date::parse("2026-02-01")), 28);
  EXPECT_STREQ(Date::parse("1970-01-01")->weekday_name(), "Thursday");
}

}  // namespace
}  // namespace bb
