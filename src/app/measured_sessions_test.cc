#include "app/measured_sessions.h"

#include <gtest/gtest.h>

#include "coach/progression.h"
#include "motion/session.h"

namespace bb::app {
namespace {

coach::Measured part(int jumps, double active, coach::SensorPlacement where,
                     std::optional<double> cadence, std::optional<double> height,
                     std::optional<double> impact, int trips, int longest) {
  coach::Measured m;
  m.jumps = jumps;
  m.active_seconds = active;
  m.placement = where;
  m.cadence_per_min = cadence;
  m.height_cm = height;
  m.impact_g = impact;
  m.trips = trips;
  m.longest_run = longest;
  return m;
}

TEST(MeasuredSessions, TwoRecordingsOfOneSessionAddUpAndAverageByJumps) {
  const coach::Measured merged = merge_measured(
      {part(100, 55, coach::SensorPlacement::kPocket, 110, 3, 2.0, 1, 60),
       part(300, 165, coach::SensorPlacement::kWrist, 120, std::nullopt, std::nullopt, 2, 150)});
  EXPECT_EQ(merged.jumps, 400);
  EXPECT_DOUBLE_EQ(merged.active_seconds, 220);
  EXPECT_EQ(merged.trips, 3);
  EXPECT_EQ(merged.longest_run, 150);
  EXPECT_EQ(merged.placement, coach::SensorPlacement::kWrist);  // the one with most jumps
  EXPECT_DOUBLE_EQ(*merged.cadence_per_min, (110.0 * 100 + 120.0 * 300) / 400);
  // Height and impact only from the recording that shows them.
  EXPECT_DOUBLE_EQ(*merged.height_cm, 3);
  EXPECT_DOUBLE_EQ(*merged.impact_g, 2.0);
}

TEST(MeasuredSessions, ReadsTheRecordingHeader) {
  RecordingHeader pocket;
  pocket.placement = "pocket";
  pocket.jumps = 57;
  pocket.active_seconds = 29.5;
  pocket.cadence_per_min = 118.2;
  pocket.jump_height_cm = 3.4;
  pocket.impact_g = 2.61;
  pocket.trips = 1;
  pocket.longest_run = 40;
  auto m = measured_from_header(pocket);
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->jumps, 57);
  EXPECT_DOUBLE_EQ(m->active_seconds, 29.5);
  EXPECT_DOUBLE_EQ(*m->height_cm, 3.4);
  EXPECT_EQ(m->trips, 1);
  EXPECT_EQ(m->longest_run, 40);
  // A placement that does not show height keeps 0 there, which is no height, not zero.
  RecordingHeader wrist;
  wrist.placement = "wrist";
  wrist.jumps = 80;
  wrist.active_seconds = 40;
  auto w = measured_from_header(wrist);
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(w->height_cm);
  EXPECT_FALSE(w->impact_g);
  EXPECT_FALSE(w->cadence_per_min);
  wrist.placement = "elbow";
  EXPECT_FALSE(measured_from_header(wrist).ok());
}

// The recording's own form notes (motion) and the plan's form rules (coach) judge the same jumps;
// the app joins them, so it checks that they mark the same thresholds. A person must never read
// "soft landings" on the recording and "hard landings" in the plan.
TEST(MeasuredSessions, TheRecordingAndThePlanJudgeFormByTheSameMarks) {
  EXPECT_DOUBLE_EQ(motion::SessionTuning::kHighJumpCm, coach::kJumpTooHighCm);
  EXPECT_DOUBLE_EQ(motion::SessionTuning::kHardLandingBodyG, coach::kHardLandingG);
  EXPECT_DOUBLE_EQ(motion::SessionTuning::kHardLandingAnkleG, coach::kHardLandingAnkleG);
}

}  // namespace
}  // namespace bb::app
