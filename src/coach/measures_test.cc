#include "coach/measures.h"

#include <gtest/gtest.h>

namespace bb::coach {
namespace {

TEST(Peg3, ScoresTheMeanAndFlagsThirtyPercent) {
  const Peg3 peg{6, 5, 7};
  EXPECT_DOUBLE_EQ(peg.score(), 6.0);
  EXPECT_EQ(peg_change(6.0, 4.2).direction, ChangeDirection::kImproved);   // exactly 30%
  EXPECT_EQ(peg_change(6.0, 4.4).direction, ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(peg_change(5.0, 7.0).direction, ChangeDirection::kWorse);
}

TEST(Psfs, TwoPointsInTheMeanIsMeaningful) {
  Psfs psfs{{{"tying shoes", 4}, {"walking 30 minutes", 5}, {"lifting a child", 3}}};
  EXPECT_DOUBLE_EQ(psfs.score(), 4.0);
  EXPECT_EQ(psfs_change(4.0, 6.0).direction, ChangeDirection::kImproved);
  EXPECT_EQ(psfs_change(4.0, 5.5).direction, ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(psfs_change(6.0, 4.0).direction, ChangeDirection::kWorse);
}

TEST(PainChange, TwoPointsOrThirtyPercent) {
  EXPECT_EQ(pain_change(6, 4).direction, ChangeDirection::kImproved);
  EXPECT_EQ(pain_change(3, 2).direction, ChangeDirection::kImproved);  // 33%
  EXPECT_EQ(pain_change(6, 5).direction, ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(pain_change(3, 5).direction, ChangeDirection::kWorse);
}

TEST(Validate, RejectsOutOfRangeWithTheField) {
  const auto bad_peg = validate(Peg3{11, 0, 0});
  ASSERT_FALSE(bad_peg.ok());
  EXPECT_EQ(bad_peg.error().field, "average_pain");
  const auto too_few = validate(Psfs{{{"a", 1}, {"b", 2}}});
  ASSERT_FALSE(too_few.ok());
  EXPECT_EQ(too_few.error().field, "activities");
  const auto bad_score = validate(Psfs{{{"a", 1}, {"b", 2}, {"c", -1}}});
  ASSERT_FALSE(bad_score.ok());
  EXPECT_EQ(bad_score.error().field, "activities[2].score");
  EXPECT_TRUE(validate(Peg3{0, 10, 5}).ok());
}

}  // namespace
}  // namespace bb::coach
