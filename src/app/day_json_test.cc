#include "app/day_json.h"

#include <gtest/gtest.h>

namespace bb::app {
namespace {

coach::Measured counted(int jumps, double active_seconds) {
  coach::Measured m;
  m.jumps = jumps;
  m.active_seconds = active_seconds;
  return m;
}

TEST(MeasuredWords, SaysOnlyWhatWasMeasured) {
  EXPECT_EQ(measured_words(counted(40, 28), std::nullopt), "Counted: 40 jumps in 28 s.");
  // Without a measured cadence the planned one has nothing to stand beside.
  EXPECT_EQ(measured_words(counted(40, 28), 90), "Counted: 40 jumps in 28 s.");
}

TEST(MeasuredWords, PutsEveryPartInItsPlaceAndNumber) {
  coach::Measured m = counted(1240, 160.4);
  m.cadence_per_min = 92.6;
  m.height_cm = 3.14;
  m.trips = 2;
  EXPECT_EQ(measured_words(m, 90),
            "Counted: 1,240 jumps in 2 min 40 s at 93 a minute (planned 90), about 3.1 cm high, "
            "2 trips.");
  m.trips = 1;
  m.cadence_per_min.reset();
  EXPECT_EQ(measured_words(m, 90), "Counted: 1,240 jumps in 2 min 40 s, about 3.1 cm high, 1 trip.");
  m.trips = 0;
  EXPECT_EQ(measured_words(counted(1, 60), std::nullopt), "Counted: 1 jump in 1 min.");
}

TEST(HistoryJson, CarriesTheMeasuredSentenceOnlyForADayWithCountedJumps) {
  HistoryDay plain;
  plain.date = *Date::parse("2026-03-02");
  HistoryDay counted_day = plain;
  counted_day.session = coach::SessionLog{};
  counted_day.session->measured = counted(300, 200);
  HistoryDay no_jumps = plain;
  no_jumps.session = coach::SessionLog{};
  no_jumps.session->measured = counted(0, 0);
  const nlohmann::json j = history_to_json({plain, counted_day, no_jumps});
  EXPECT_TRUE(j["days"][0]["measured_words"].is_null());
  EXPECT_EQ(j["days"][1]["measured_words"], "Counted: 300 jumps in 3 min 20 s.");
  EXPECT_TRUE(j["days"][2]["measured_words"].is_null());
}

}  // namespace
}  // namespace bb::app
