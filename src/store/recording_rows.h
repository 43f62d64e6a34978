// Reading and writing a recording's header columns the same way on every engine: the column
// list, and the feedback notes as one text column.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/recording_store.h"

namespace bb::store {

// The header columns in the order every SELECT of a recording lists them.
inline constexpr const char* kRecordingHeaderColumns =
    "id, day, source, name, created_at, placement, jumps, cadence_per_min, jump_height_cm,"
    " impact_g, duration_s, feedback, active_seconds, trips, longest_run";

// Feedback notes are single lines: stored joined by newlines.
[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines);
[[nodiscard]] std::vector<std::string> split_lines(const std::string& text);

// Builds a header from the columns above as text and numbers; kCorrupt for an unreadable value.
struct RecordingHeaderColumns {
  app::RecordingId id = 0;
  std::string day;
  std::string source;
  std::string name;
  app::UnixSeconds created_at = 0;
  std::string placement;
  std::int64_t jumps = 0;
  double cadence_per_min = 0;
  double jump_height_cm = 0;
  double impact_g = 0;
  double duration_s = 0;
  std::string feedback;
  double active_seconds = 0;
  std::int64_t trips = 0;
  std::int64_t longest_run = 0;
};
[[nodiscard]] Result<app::RecordingHeader> recording_header_from(RecordingHeaderColumns columns);

}  // namespace bb::store
