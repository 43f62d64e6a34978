// The soft-landing rule on hand-made |a| traces: a flight, then a landing bump.
#include "motion/soft_landing.h"

#include <gtest/gtest.h>

#include <vector>

namespace bb::motion {
namespace {

struct Phase {
  double g;
  int samples;  // at 100 Hz
};

// Pushes the phases in order and returns every judged rise.
std::vector<std::pair<SoftVerdict, SoftLanding>> judge(const std::vector<Phase>& phases) {
  SoftLandingTracker tracker(0.01);
  std::vector<std::pair<SoftVerdict, SoftLanding>> out;
  std::int64_t index = 0;
  for (const Phase& p : phases) {
    for (int k = 0; k < p.samples; ++k) {
      SoftLanding landing;
      SoftVerdict verdict = SoftVerdict::kNoFlight;
      if (tracker.push(index++, p.g, landing, verdict)) out.emplace_back(verdict, landing);
    }
  }
  return out;
}

TEST(SoftLanding, AFlightThenABumpThatGivesTheMomentumBackIsALanding) {
  // 150 ms at 0.4 g (u falls 0.09 g s), then 80 ms at 2.2 g (rises 0.096 g s), then standing.
  const auto rises = judge({{1.0, 50}, {0.4, 15}, {2.2, 8}, {1.0, 50}});
  ASSERT_EQ(rises.size(), 1u);
  EXPECT_EQ(rises[0].first, SoftVerdict::kLanding);
  EXPECT_NEAR(rises[0].second.impulse_s, 0.096, 0.005);
  EXPECT_NEAR(rises[0].second.fall_s, 0.09, 0.005);
  EXPECT_NEAR(rises[0].second.peak_g, 2.2, 1e-9);
  EXPECT_GE(rises[0].second.peak_index, 65);
}

TEST(SoftLanding, EachMissingPieceOfPhysicsSaysWhich) {
  // The same bump from quiet standing: no flight before it.
  auto rises = judge({{1.0, 50}, {2.2, 8}, {1.0, 50}});
  ASSERT_EQ(rises.size(), 1u);
  EXPECT_EQ(rises[0].first, SoftVerdict::kNoFlight);
  // A deep, long dip and a small bump: the landing cannot have stopped that fall.
  rises = judge({{1.0, 50}, {0.3, 20}, {1.7, 8}, {1.0, 50}});
  ASSERT_EQ(rises.size(), 1u);
  EXPECT_EQ(rises[0].first, SoftVerdict::kLessThanTheFlight);
  // A small dip and a small bump: too little impulse for any flight a rope needs.
  rises = judge({{1.0, 50}, {0.7, 10}, {1.4, 8}, {1.0, 50}});
  ASSERT_EQ(rises.size(), 1u);
  EXPECT_EQ(rises[0].first, SoftVerdict::kTooWeak);
  // A dip, then a slow load lasting half a second: not a landing.
  rises = judge({{1.0, 50}, {0.4, 15}, {1.3, 50}, {1.0, 50}});
  ASSERT_GE(rises.size(), 1u);
  EXPECT_EQ(rises[0].first, SoftVerdict::kTooLong);
}

TEST(SoftLanding, ARestartForgetsTheFlight) {
  SoftLandingTracker tracker(0.01);
  SoftLanding landing;
  SoftVerdict verdict = SoftVerdict::kLanding;
  std::int64_t index = 0;
  for (int k = 0; k < 15; ++k) (void)tracker.push(index++, 0.4, landing, verdict);
  tracker.restart();  // a hole in the recording
  bool judged = false;
  for (int k = 0; k < 60; ++k) {
    judged = tracker.push(index++, k < 8 ? 2.2 : 1.0, landing, verdict) || judged;
  }
  EXPECT_TRUE(judged);
  EXPECT_EQ(verdict, SoftVerdict::kNoFlight);
}

}  // namespace
}  // namespace bb::motion
