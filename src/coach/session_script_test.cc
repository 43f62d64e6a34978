#include "coach/session_script.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace bb::coach {
namespace {

CatalogItem hold(std::string id, int seconds, bool each_side = false) {
  CatalogItem i;
  i.id = std::move(id);
  i.hold_seconds = seconds;
  i.each_side = each_side;
  return i;
}

CatalogItem reps(std::string id, int count, bool each_side = false) {
  CatalogItem i;
  i.id = std::move(id);
  i.reps = count;
  i.each_side = each_side;
  return i;
}

Catalog catalog() {
  Catalog c;
  c.items = {reps("arm_circles", 10), hold("child_pose", 45), reps("hip_hinge", 8),
             hold("lunge", 30, true), reps("side_bend", 6, true)};
  return c;
}

TEST(SessionScript, PlaysWarmUpRopeMainCoolDownInOrder) {
  Plan plan;
  plan.stretch.warm_up = {"arm_circles", "lunge"};
  plan.stretch.cool_down = {"child_pose"};
  plan.rope = RopeDose{RopeSkill::kBasicBounce, 20, 40, 3, 100};
  const std::vector<SessionStep> steps = session_script(plan, catalog());
  ASSERT_EQ(steps.size(), 9U);
  EXPECT_EQ(steps[0].kind, StepKind::kReps);
  EXPECT_EQ(steps[0].reps, 10);
  EXPECT_EQ(steps[0].part, SessionPart::kWarmUp);
  EXPECT_EQ(steps[1].kind, StepKind::kHold);
  EXPECT_EQ(steps[1].side, Side::kRight);
  EXPECT_EQ(steps[2].side, Side::kLeft);
  EXPECT_EQ(steps[2].seconds, 30);
  // Three rounds with a rest between each, none after the last.
  const StepKind rope_part[] = {StepKind::kRope, StepKind::kRest, StepKind::kRope, StepKind::kRest,
                                StepKind::kRope};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(steps[3 + i].kind, rope_part[i]) << i;
    EXPECT_EQ(steps[3 + i].part, SessionPart::kRope);
  }
  EXPECT_EQ(steps[3].round, 1);
  EXPECT_EQ(steps[3].seconds, 20);
  EXPECT_EQ(steps[3].cadence_per_min, 100);
  EXPECT_EQ(steps[3].item, "basic_bounce") << "a round names the drill it plays";
  EXPECT_EQ(steps[4].item, "");
  EXPECT_EQ(steps[4].seconds, 40);
  EXPECT_EQ(steps[4].round, 1);
  EXPECT_EQ(steps[7].round, 3);
  EXPECT_EQ(steps[8].item, "child_pose");
  EXPECT_EQ(steps[8].part, SessionPart::kCoolDown);
  EXPECT_EQ(steps[8].seconds, 45);
}

TEST(SessionScript, RepsNeverBecomeZeroSecondHolds) {
  Plan plan;
  plan.stretch.main = {"hip_hinge", "side_bend"};
  const std::vector<SessionStep> steps = session_script(plan, catalog());
  ASSERT_EQ(steps.size(), 3U);
  for (const SessionStep& step : steps) {
    EXPECT_EQ(step.kind, StepKind::kReps);
    EXPECT_GT(step.reps, 0);
  }
  EXPECT_EQ(steps[1].side, Side::kRight);
  EXPECT_EQ(steps[2].side, Side::kLeft);
}

TEST(SessionScript, RopeWithoutRestsHasNoRestSteps) {
  Plan plan;
  plan.rope = RopeDose{RopeSkill::kSideSwing, 30, 0, 4, 90};
  const std::vector<SessionStep> steps = session_script(plan, catalog());
  ASSERT_EQ(steps.size(), 4U);
  EXPECT_TRUE(std::all_of(steps.begin(), steps.end(), [](const SessionStep& s) {
    return s.kind == StepKind::kRope && s.skill == RopeSkill::kSideSwing &&
           s.item == "rope_side_swing";
  }));
}

TEST(SessionScript, EmptyPlanHasNoSteps) {
  const Plan rest_day;
  EXPECT_TRUE(session_script(rest_day, catalog()).empty());
}

}  // namespace
}  // namespace bb::coach
