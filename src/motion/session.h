// Session metrics and plain-language form feedback from a list of detected jumps.
#pragma once

#include <string>
#include <vector>

#include "motion/jump_detector.h"

namespace bb::motion {

// The thresholds behind the summary and the feedback; docs/motion.md gives the reasons.
struct SessionTuning {
  static constexpr double kBreakFactor = 1.8;  // an interval this many times the usual breaks a run
  static constexpr double kRestSeconds = 8.0;  // a longer break is a rest, a shorter one a trip
  static constexpr double kCadenceWindowS = 10.0;  // cadence over time: one value per window
  static constexpr double kHighJumpCm = 5.0;       // a rope needs only a few cm of clearance
  static constexpr double kUnevenRhythmCv = 0.10;  // intervals varying more than 10% feel uneven
  static constexpr double kHardLandingAnkleG = 12.0;
  static constexpr double kHardLandingBodyG = 4.0;  // pocket, waist or chest
  static constexpr int kMinJumpsForFeedback = 10;
};

struct CadencePoint {
  double t = 0;        // window start, seconds
  double per_min = 0;  // jumps per minute within runs in that window
};

// A stretch of jumping between rests (its trips inside it), or a rest between two such stretches.
enum class BoutKind { kWork, kRest };
struct Bout {
  BoutKind kind = BoutKind::kWork;
  double start_s = 0;  // work: its first landing; rest: the last landing before it
  double end_s = 0;    // work: its last landing; rest: the first landing after it
  int jumps = 0;       // landings in a work bout; 0 in a rest
};
[[nodiscard]] const char* to_string(BoutKind kind);

struct SessionSummary {
  int jumps = 0;
  double active_seconds = 0;
  double cadence_per_min = 0;  // median, from intervals within runs; 0 if none
  std::vector<CadencePoint> cadence_over_time;
  double rhythm_cv = 0;               // coefficient of variation of intervals within runs
  int trips = 0;                      // short breaks in the rhythm
  int rests = 0;                      // long breaks
  std::vector<Bout> bouts;            // work and rest in time order: rests + 1 work bouts
  int longest_run = 0;                // jumps in the longest unbroken run
  double jump_height_cm = 0;          // median, 0 when the placement does not show the flight
  double impact_g = 0;                // median landing peak, 0 when not shown
  bool impact_clipped = false;        // most landing peaks hit the sensor's range
  std::vector<std::string> feedback;  // plain-language form notes
};

[[nodiscard]] SessionSummary summarize(const std::vector<JumpEvent>& events, Placement placement);

}  // namespace bb::motion
