// A logged session's rounds: the plan's, with their rests, only when the log shows they ran.
#include "app/session_bouts.h"

#include <gtest/gtest.h>

namespace bb::app {
namespace {

using motion::BoutKind;

coach::Plan rope_plan() {
  coach::Plan plan;
  plan.rope = coach::RopeDose{.work_seconds = 40, .rest_seconds = 20, .rounds = 6};
  return plan;
}
coach::SessionLog logged(bool completed, double rope_minutes) {
  coach::SessionLog log;
  log.completed = completed;
  log.rope_minutes = rope_minutes;
  return log;
}

TEST(LoggedBouts, ThePlansRoundsWithRestsBetweenWhenEveryRoundRan) {
  const std::vector<LoggedBout> bouts = logged_bouts(rope_plan(), logged(true, 4));
  ASSERT_EQ(bouts.size(), 11u);
  for (std::size_t i = 0; i < bouts.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(bouts[i].kind, i % 2 == 0 ? BoutKind::kWork : BoutKind::kRest);
    EXPECT_DOUBLE_EQ(bouts[i].start_s, 60.0 * static_cast<double>(i / 2) + (i % 2 == 0 ? 0 : 40));
    EXPECT_DOUBLE_EQ(bouts[i].end_s - bouts[i].start_s, i % 2 == 0 ? 40 : 20);
  }
  EXPECT_EQ(bouts.back().end_s, 340);  // 6 x 40 s of work and 5 x 20 s of rest
  // A rope time within a second of the work time still says the rounds ran (the player's clock).
  EXPECT_EQ(logged_bouts(rope_plan(), logged(true, 4.01)).size(), 11u);
}

TEST(LoggedBouts, OneBoutOfTheRopeTimeWhenTheRoundsAreNotKnown) {
  const std::vector<LoggedBout> one{{BoutKind::kWork, 0, 150}};
  EXPECT_EQ(logged_bouts(rope_plan(), logged(false, 2.5)), one) << "stopped early";
  EXPECT_EQ(logged_bouts(rope_plan(), logged(true, 2.5)), one) << "not the plan's 4 minutes";
  const coach::Plan no_rope;
  EXPECT_EQ(logged_bouts(no_rope, logged(true, 2.5)), one) << "a plan without rope";
  EXPECT_TRUE(logged_bouts(rope_plan(), logged(true, 0)).empty());
}

TEST(LoggedBouts, AsJsonWithoutJumps) {
  EXPECT_EQ(logged_bouts_to_json({{BoutKind::kWork, 0, 40}, {BoutKind::kRest, 40, 60.0004}}),
            nlohmann::json::parse(R"([{"kind": "work", "start_s": 0, "end_s": 40, "jumps": null},
                                      {"kind": "rest", "start_s": 40, "end_s": 60, "jumps": null}])"));
}

}  // namespace
}  // namespace bb::app
