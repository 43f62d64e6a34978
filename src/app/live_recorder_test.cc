#include "app/live_recorder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "motion/simulator.h"

namespace bb::app {
namespace {

// The cues after streaming 40 simulated jumps at `cadence` in batches, as a phone sends them.
std::vector<std::string> cues_after(double cadence, std::optional<int> target,
                                    motion::Placement placement = motion::Placement::kPocket) {
  motion::SimulatedSession s;
  s.placement = placement;
  s.jumps = 40;
  s.cadence_per_min = cadence;
  const motion::Simulation sim = motion::simulate(s);
  LiveRecorder recorder(placement, LiveUnits::kG, target);
  std::vector<std::string> cues;
  for (std::size_t i = 0; i < sim.samples.size(); i += 500) {
    const std::vector<motion::Sample> batch(
        sim.samples.begin() + static_cast<std::ptrdiff_t>(i),
        sim.samples.begin() + static_cast<std::ptrdiff_t>(std::min(i + 500, sim.samples.size())));
    auto progress = recorder.push(batch);
    EXPECT_TRUE(progress.ok());
    if (progress.ok() && progress->jumps > 20) cues = progress->cues;
  }
  return cues;
}

bool says_slower(const std::vector<std::string>& cues) {
  return std::any_of(cues.begin(), cues.end(),
                     [](const std::string& c) { return c.rfind("Slower: aim for 110", 0) == 0; });
}

TEST(LiveRecorder, SaysSlowerWhenThePaceRunsWellAboveThePlannedCadence) {
  EXPECT_TRUE(says_slower(cues_after(150, 110)));
  EXPECT_FALSE(says_slower(cues_after(112, 110))) << "within a tenth of the plan";
  EXPECT_FALSE(says_slower(cues_after(150, std::nullopt))) << "no plan, no pace cue";
  // The wrist counts turns that can read double: no pace cue there.
  EXPECT_FALSE(says_slower(cues_after(150, 110, motion::Placement::kWrist)));
}

TEST(LiveRecorder, RefusesAFirstSampleFarFromTheStartAndLongGaps) {
  LiveRecorder far(motion::Placement::kPocket, LiveUnits::kG);
  auto late = far.push({{1e15, 0, 0, 1}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "samples[0]");
  EXPECT_EQ(far.size(), 0u);

  LiveRecorder gaps(motion::Placement::kPocket, LiveUnits::kG);
  ASSERT_TRUE(gaps.push({{0.5, 0, 0, 1}, {0.51, 0, 0, 1}}).ok());
  auto gap_within = gaps.push({{0.52, 0, 0, 1}, {30, 0, 0, 1}});
  ASSERT_FALSE(gap_within.ok());
  EXPECT_EQ(gap_within.error().field, "samples[1]");
  auto gap_between = gaps.push({{11, 0, 0, 1}});
  ASSERT_FALSE(gap_between.ok());
  EXPECT_EQ(gaps.size(), 2u) << "a refused batch keeps nothing";
  EXPECT_TRUE(gaps.push({{10.5, 0, 0, 1}}).ok());
}

}  // namespace
}  // namespace bb::app
