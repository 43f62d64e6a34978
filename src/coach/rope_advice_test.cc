#include "coach/rope_advice.h"

#include <gtest/gtest.h>

#include <string>

#include "coach/progression.h"

namespace bb::coach {
namespace {

TEST(RopeAdvice, BeginnersGetABeadedRopeOfHeightPlusNinety) {
  Profile p;
  p.height_cm = 170;
  p.rope_experience = RopeExperience::kNone;
  const RopeAdvice a = advise_rope(p);
  EXPECT_EQ(a.recommended, RopeOwned::kBeaded);
  EXPECT_EQ(a.length_cm, 260);
}

TEST(RopeAdvice, RegularJumpersGetAShorterQuarterPoundRope) {
  Profile p;
  p.height_cm = 180;
  p.rope_experience = RopeExperience::kRegular;
  const RopeAdvice a = advise_rope(p);
  EXPECT_EQ(a.recommended, RopeOwned::kSpeedQuarterLb);
  EXPECT_LT(a.length_cm, 180 + 90);
}

TEST(RopeAdvice, WarnsAboutSpeedAndHeavyRopes) {
  Profile p;
  p.rope = RopeOwned::kPvcSpeed;
  EXPECT_NE(advise_rope(p).about_owned.find("speed"), std::string::npos);
  p.rope = RopeOwned::kHeavy;
  EXPECT_NE(advise_rope(p).about_owned.find("heavy"), std::string::npos);
  EXPECT_NE(advise_rope(p).surface.find("concrete"), std::string::npos);
}

}  // namespace
}  // namespace bb::coach

namespace bb::coach {
namespace {

// The guide's "how to start" follows the first dose the engine plans, for every experience.
TEST(RopeAdvice, HowToStartIsTheFirstDosesSkill) {
  for (RopeExperience experience :
       {RopeExperience::kNone, RopeExperience::kSome, RopeExperience::kRegular}) {
    Profile p;
    p.height_cm = 170;
    p.rope_experience = experience;
    const std::string start = advise_rope(p).start;
    const bool swings = first_dose(p).skill == RopeSkill::kSideSwing;
    EXPECT_EQ(start.find("side swings") != std::string::npos, swings) << start;
    EXPECT_EQ(start.find("basic bounce") != std::string::npos, !swings) << start;
  }
}

}  // namespace
}  // namespace bb::coach
