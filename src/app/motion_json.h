// The analysis of a motion recording as JSON: one shape for `bounceback analyze --json`, the
// recordings API and the live stream.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/motion_file.h"
#include "app/recording_store.h"
#include "motion/jump_detector.h"
#include "motion/session.h"

namespace bb::app {

// At most this many bins in "signal": enough for a phone-wide chart of a long session.
inline constexpr int kSignalMaxBins = 1500;

// One detected jump: landing time, flight (null where the placement does not show it), impact.
[[nodiscard]] nlohmann::json jump_event_to_json(const motion::JumpEvent& event,
                                                motion::Placement placement);

// What the plausibility gate decided: counts by reason, and `why` (null when all counted).
[[nodiscard]] nlohmann::json gate_counts_to_json(const motion::GateCounts& counts,
                                                 motion::Placement placement);

// Work and rest in time order, as motion::summarize finds them: kind ("work" or "rest"), start_s,
// end_s (seconds from the recording's start) and jumps.
[[nodiscard]] nlohmann::json bouts_to_json(const std::vector<motion::Bout>& bouts);

// Includes "signal" (|a| low and high per time bin) when the analysis has an envelope.
[[nodiscard]] nlohmann::json motion_analysis_to_json(const MotionAnalysis& analysis);

// A recording in a list: id, date, source, name, when it came and its main figures.
[[nodiscard]] nlohmann::json recording_header_to_json(const RecordingHeader& header);
// The same with the whole analysis under "analysis" (kCorrupt when the stored JSON is unreadable).
[[nodiscard]] Result<nlohmann::json> recording_to_json(const StoredRecording& recording);

}  // namespace bb::app
