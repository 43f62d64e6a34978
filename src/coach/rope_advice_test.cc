#include "coach/rope_advice.h"

#include <gtest/gtest.h>

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
