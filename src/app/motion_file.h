// Analysing a motion recording stored in a file: reads it in chunks through the streaming CSV
// reader and jump detector (src/motion), in constant memory apart from the jump list.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "motion/csv_reader.h"
#include "motion/jump_counter.h"
#include "motion/jump_detector.h"
#include "motion/session.h"
#include "motion/signal_plot.h"

namespace bb::app {

enum class MotionPlot { kNone, kEnvelope };

struct MotionFileOptions {
  motion::Placement placement = motion::Placement::kAuto;
  motion::CsvOptions csv;
  MotionPlot plot = MotionPlot::kNone;
};

struct MotionAnalysis {
  motion::CsvReport report;
  motion::Placement placement = motion::Placement::kPocket;
  bool placement_guessed = false;
  motion::GuessConfidence guess_confidence = motion::GuessConfidence::kNone;
  std::array<std::int64_t, 3> guess_counts{0, 0, 0};  // jumps kept at ankle, pocket, wrist
  motion::GateCounts gate;  // what the plausibility gate set aside, and why
  std::vector<motion::SetAsideEvent> set_aside;  // each event set aside, with the reason
  std::vector<motion::SegmentGate> segments;     // the gate per continuous segment
  std::vector<motion::JumpEvent> events;
  motion::SessionSummary summary;
  std::vector<std::string> warnings;  // what was inferred or is doubtful, in plain words
  std::optional<motion::SignalEnvelope> envelope;
};

// Bad content comes back as ErrorCode::kInvalidArgument with the line number; an unreadable
// file as kInvalidArgument too (the user named it).
[[nodiscard]] Result<MotionAnalysis> analyze_motion_file(const std::string& path,
                                                         const MotionFileOptions& options);

// What was inferred or is doubtful about an analysed recording, in plain words.
[[nodiscard]] std::vector<std::string> motion_warnings(const MotionAnalysis& analysis);

// The same for a recording held in memory (an upload). `label` prefixes error fields, like the
// path does for a file; it may be empty.
[[nodiscard]] Result<MotionAnalysis> analyze_motion_bytes(std::string_view bytes,
                                                          const std::string& label,
                                                          const MotionFileOptions& options);

}  // namespace bb::app
