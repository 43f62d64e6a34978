// The bouts of a recording's analysis: work between the rests motion counts and the rests
// themselves, so a front end (the FIT export) lays out laps without restating the rest rule.
#include "app/motion_json.h"

#include <gtest/gtest.h>

#include <vector>

#include "motion/session.h"

namespace bb::app {
namespace {

using nlohmann::json;

std::vector<motion::JumpEvent> at_times(const std::vector<double>& times) {
  std::vector<motion::JumpEvent> events;
  for (const double t : times) events.push_back({.t = t, .flight_s = 0.3, .impact_g = 2});
  return events;
}

// Three rounds at 2 landings a second (20, 16 and 12), 20 s rests between them, and a 3 s trip
// in the second round (a short break: not a rest).
std::vector<double> rounds_with_a_trip() {
  std::vector<double> t;
  double now = 1;
  for (const auto& [landings, trip] : {std::pair{20, false}, {16, true}, {12, false}}) {
    for (int i = 0; i < landings; ++i) {
      t.push_back(now);
      now += trip && i == 7 ? 3 : 0.5;
    }
    now += 20;
  }
  return t;
}

TEST(Bouts, WorkBetweenRestsAndTheRestsInTimeOrder) {
  const motion::SessionSummary s =
      motion::summarize(at_times(rounds_with_a_trip()), motion::Placement::kPocket);
  ASSERT_EQ(s.rests, 2);
  ASSERT_EQ(s.trips, 1);
  const json bouts = bouts_to_json(s.bouts);
  const json expected = json::parse(R"([
    {"kind": "work", "start_s": 1.0, "end_s": 10.5, "jumps": 20},
    {"kind": "rest", "start_s": 10.5, "end_s": 31.0, "jumps": 0},
    {"kind": "work", "start_s": 31.0, "end_s": 41.0, "jumps": 16},
    {"kind": "rest", "start_s": 41.0, "end_s": 61.5, "jumps": 0},
    {"kind": "work", "start_s": 61.5, "end_s": 67.0, "jumps": 12}
  ])");
  EXPECT_EQ(bouts, expected) << bouts.dump(1);
}

TEST(Bouts, ABreakOfEightSecondsIsATripAndLongerIsARest) {
  // The rule is motion's (SessionTuning::kRestSeconds): 8 s keeps one bout, 8.5 s splits it.
  for (const auto& [gap, work_bouts] : {std::pair{8.0, 1u}, {8.5, 2u}}) {
    std::vector<double> times;
    for (int i = 0; i < 10; ++i) times.push_back(0.5 * i);
    for (int i = 0; i < 10; ++i) times.push_back(4.5 + gap + 0.5 * i);
    const motion::SessionSummary s = motion::summarize(at_times(times), motion::Placement::kAnkle);
    SCOPED_TRACE(gap);
    EXPECT_EQ(s.bouts.size(), 2 * work_bouts - 1);
    EXPECT_EQ(static_cast<std::size_t>(s.rests) + 1, work_bouts);
    int jumps = 0;
    for (const motion::Bout& b : s.bouts) jumps += b.jumps;
    EXPECT_EQ(jumps, 20);
  }
}

TEST(Bouts, NoLandingsNoBoutsAndOneLandingOneInstant) {
  EXPECT_EQ(bouts_to_json(motion::summarize({}, motion::Placement::kPocket).bouts), json::array());
  EXPECT_EQ(bouts_to_json(motion::summarize(at_times({2.5}), motion::Placement::kPocket).bouts),
            json::parse(R"([{"kind": "work", "start_s": 2.5, "end_s": 2.5, "jumps": 1}])"));
}

TEST(Bouts, ARecordingSavedWithoutThemGetsThemFromItsLandings) {
  const std::vector<double> times = rounds_with_a_trip();
  json events = json::array();
  for (const double t : times) events.push_back({{"t", t}, {"flight_s", 0.3}, {"impact_g", 2}});
  StoredRecording old;
  old.header.id = 7;
  old.analysis_json = json{{"jumps", times.size()}, {"events", events}, {"rests", 2}}.dump();
  const Result<json> read = recording_to_json(old);
  ASSERT_TRUE(read.ok()) << read.error().message;
  const json expected =
      bouts_to_json(motion::summarize(at_times(times), motion::Placement::kPocket).bouts);
  EXPECT_EQ((*read)["analysis"]["bouts"], expected);
  EXPECT_EQ((*read)["analysis"]["bouts"].size(), 5u);

  // Bouts saved with the analysis are passed on as they are.
  StoredRecording current = old;
  current.analysis_json = json{{"events", events}, {"bouts", json::array()}}.dump();
  EXPECT_EQ((*recording_to_json(current))["analysis"]["bouts"], json::array());

  StoredRecording broken = old;
  broken.analysis_json = R"({"events": [{"flight_s": 0.3}]})";
  EXPECT_FALSE(recording_to_json(broken).ok());
}

}  // namespace
}  // namespace bb::app
