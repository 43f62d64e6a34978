#include "store/recording_rows.h"

#include <utility>

#include "store/joined_text.h"

namespace bb::store {

std::string join_lines(const std::vector<std::string>& lines) { return join_with(lines, '\n'); }

std::vector<std::string> split_lines(const std::string& text) {
  return split_at(text, '\n', EmptyItems::kKeep);
}

Result<app::RecordingHeader> recording_header_from(RecordingHeaderColumns columns) {
  app::RecordingHeader header;
  header.id = columns.id;
  const std::optional<Date> day = Date::parse(columns.day);
  if (!day) return Error::corrupt("stored recording date is unreadable: '" + columns.day + "'");
  header.date = *day;
  const std::optional<app::RecordingSource> source = app::recording_source_from(columns.source);
  if (!source) {
    return Error::corrupt("stored recording source is unreadable: '" + columns.source + "'");
  }
  header.source = *source;
  header.name = std::move(columns.name);
  header.created_at = columns.created_at;
  header.placement = std::move(columns.placement);
  header.jumps = static_cast<int>(columns.jumps);
  header.cadence_per_min = columns.cadence_per_min;
  header.jump_height_cm = columns.jump_height_cm;
  header.impact_g = columns.impact_g;
  header.duration_s = columns.duration_s;
  header.feedback = split_lines(columns.feedback);
  header.active_seconds = columns.active_seconds;
  header.trips = static_cast<int>(columns.trips);
  header.longest_run = static_cast<int>(columns.longest_run);
  return header;
}

}  // namespace bb::store
