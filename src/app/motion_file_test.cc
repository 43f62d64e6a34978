// Every real export in ../shared/data/formats through the same analysis as `bounceback analyze`
// and an upload: jumping files counted in a plausible range, every other activity 1 jump or
// fewer with a warning that says why, files that are not recordings refused with a clear error.
// Skipped when ../shared is absent (those files are never part of the repository).
#include "app/motion_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace bb::app {
namespace {

namespace fs = std::filesystem;

// Known misses, each explained in docs/motion.md ("Recordings without jumps"): a
// gravity-removed wrist recording without the device's gravity beside it, where the hand's
// circle cannot be told from other arm motion once gravity is gone. Printed, not checked, so
// that the list stays honest and short.
bool known_miss(const std::string& name) {
  return name == "practice_linear_accelerometer_time_ax_ay_az_aT.csv";
}

bool any_warning_says(const MotionAnalysis& a, const std::vector<std::string>& words) {
  for (const std::string& w : a.warnings) {
    for (const std::string& word : words) {
      if (w.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

TEST(MotionFormats, EveryRealExportGivesASensibleAnswer) {
  const fs::path root = fs::path(BB_SOURCE_DIR) / ".." / "shared" / "data" / "formats";
  if (!fs::is_directory(root)) GTEST_SKIP() << "real exports not present at " << root;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  int analysed = 0;
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    MotionFileOptions options;
    options.csv.strictness = motion::Strictness::kLenient;
    const auto analysis = analyze_motion_file(file.string(), options);
    if (name.find("Metadata") != std::string::npos) {
      // A recording's side file (app version, device): refused with the reason, never counted.
      ASSERT_FALSE(analysis.ok()) << name;
      EXPECT_FALSE(analysis.error().message.empty()) << name;
      continue;
    }
    ASSERT_TRUE(analysis.ok()) << name << ": " << analysis.error().message;
    ++analysed;
    const int jumps = analysis->summary.jumps;
    const double seconds = analysis->report.duration_s;
    std::printf("%-50s %-7s %4d jumps over %5.0f s at %4.0f Hz\n", name.substr(0, 50).c_str(),
                motion::to_string(analysis->placement), jumps, seconds,
                analysis->report.sampling_rate_hz);
    for (const std::string& w : analysis->warnings) std::printf("    %s\n", w.c_str());
    // The gate's decisions, as every front end shows them: per segment they add up to the
    // whole, and every event not counted is listed with its reason.
    std::int64_t candidates = 0;
    for (const motion::SegmentGate& part : analysis->segments) candidates += part.counts.candidates;
    EXPECT_EQ(candidates, analysis->gate.candidates) << name;
    EXPECT_EQ(static_cast<std::int64_t>(analysis->set_aside.size()),
              analysis->gate.candidates - analysis->gate.kept)
        << name;
    EXPECT_EQ(analysis->placement_guessed, true) << name;
    if (known_miss(name)) {
      std::printf("    (a known miss, not checked)\n");
      continue;
    }
    if (name == "jump_rope_ankle_series3_trial2.csv") {
      // A phone at the ankle whose landings are soft (docs/motion.md, "Ankle"): read as the
      // ankle from its landings' impulse, with nothing else in rhythm.
      EXPECT_EQ(analysis->placement, motion::Placement::kAnkle) << name;
      EXPECT_EQ(analysis->guess_confidence, motion::GuessConfidence::kHigh) << name;
      EXPECT_GT(jumps, 0) << name;
    }
    if (name.find("jump") != std::string::npos) {
      // Rope or jump sequences: never more than 200 a minute of the recording.
      EXPECT_LE(jumps, seconds * 200 / 60) << name;
      if (jumps <= 1) {
        EXPECT_TRUE(any_warning_says(*analysis, {"no jumps", "does not look like jumping"}))
            << name;
      }
    } else if (name.find("stairs") != std::string::npos ||
               name.find("steps_ladder") != std::string::npos ||
               name.find("squats") != std::string::npos) {
      // Stairs and squats: a few steps can read as a short run of hops; very few, and said.
      EXPECT_LE(jumps, 10) << name;
      EXPECT_TRUE(any_warning_says(*analysis, {"no jumps", "does not look like jumping",
                                               "few for a jumping session"}))
          << name;
    } else {
      // Walking, swimming, standing, a phone at rest.
      EXPECT_LE(jumps, 1) << name;
      EXPECT_TRUE(any_warning_says(*analysis, {"no jumps", "does not look like jumping",
                                               "too low to see landings"}))
          << name;
    }
  }
  EXPECT_GE(analysed, 20);
}

}  // namespace
}  // namespace bb::app

namespace bb::app {
namespace {

// A second of standing still at 100 Hz with `backwards` samples stamped before the one before.
std::string still_csv(int backwards) {
  std::string csv = "time,ax,ay,az\n";
  for (int i = 0; i < 300; ++i) {
    const double t = (i > 0 && i <= backwards * 10 && i % 10 == 0) ? (i - 2) * 0.01 : i * 0.01;
    csv += std::to_string(t) + ",0,0,1\n";
  }
  return csv;
}

TEST(MotionWarnings, CountTheRowsDroppedForTimeGoingBackwards) {
  for (const auto& [backwards, expected] :
       std::vector<std::pair<int, std::string>>{{1, "1 row dropped"}, {2, "2 rows dropped"}}) {
    auto analysis = analyze_motion_bytes(still_csv(backwards), "", MotionFileOptions{});
    ASSERT_TRUE(analysis.ok()) << analysis.error().message;
    ASSERT_EQ(analysis->report.backwards_timestamps, backwards);
    EXPECT_TRUE(any_warning_says(*analysis, {expected + " because time went backwards"}))
        << backwards;
  }
}

}  // namespace
}  // namespace bb::app
