// One live stream of motion samples: each batch is checked whole, run through the streaming jump
// detector, and answered with the running count, cadence and form cues. Pure: no I/O, no clock.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/motion_file.h"
#include "base/result.h"
#include "motion/jump_counter.h"
#include "motion/jump_detector.h"
#include "motion/sample.h"

namespace bb::app {

enum class LiveUnits { kG, kMetersPerSecond2 };

struct LiveProgress {
  int jumps = 0;
  double cadence_per_min = 0;  // over the latest jumps; 0 until there are two in a run
  double elapsed_s = 0;        // time of the newest sample
  std::vector<motion::JumpEvent> new_jumps;
  std::vector<std::string> cues;  // form notes on the latest jumps; may be empty
  motion::GateCounts gate;        // the gate's decisions so far (held jumps not yet decided)
};

class LiveRecorder {
 public:
  static constexpr std::size_t kMaxBatchSamples = 2000;
  // 30 minutes at 200 Hz: memory per stream stays under 10 MB.
  static constexpr std::size_t kMaxSamples = 360'000;
  // Cadence and cues look at this many of the latest jumps.
  static constexpr std::size_t kRecentJumps = 20;
  // Larger readings are not acceleration from a body (phones clip near 8 or 16 g).
  static constexpr double kMaxAbsoluteG = 64;
  // A stream's clock starts near 0 and runs on without long silences: a first sample later than
  // this, or a gap longer than this between samples, is a client's clock gone wrong.
  static constexpr double kMaxFirstSampleSeconds = 10;
  static constexpr double kMaxGapSeconds = 10;

  // `placement` must not be kAuto (a live stream cannot look ahead). With `target_cadence` (the
  // round's planned turns a minute) the cues say "slower" when the count runs well above it.
  LiveRecorder(motion::Placement placement, LiveUnits units,
               std::optional<int> target_cadence = std::nullopt);

  // Checks the whole batch first (finite values, time from 0 and never going back, a plausible
  // size, the batch and stream limits) and keeps nothing of it on an error (kInvalidArgument,
  // field "samples[i]").
  [[nodiscard]] Result<LiveProgress> push(const std::vector<motion::Sample>& batch);

  [[nodiscard]] bool empty() const { return samples_.empty(); }
  [[nodiscard]] std::size_t size() const { return samples_.size(); }
  [[nodiscard]] motion::Placement placement() const { return placement_; }

  // The stream's analysis, in the same shape as a file's (with its signal envelope).
  [[nodiscard]] MotionAnalysis analysis() const;
  // The samples as a CSV file in g that `bounceback analyze` reads back.
  [[nodiscard]] std::string samples_csv() const;

 private:
  struct Stored {
    double t;
    float x, y, z;
  };

  motion::Placement placement_;
  std::optional<int> target_cadence_;
  double to_g_;
  motion::JumpCounter counter_;  // the detector and the plausibility gate, as for a file
  std::vector<Stored> samples_;
  std::vector<motion::JumpEvent> events_;
};

}  // namespace bb::app
