#include "app/measured_sessions.h"

#include <algorithm>
#include <map>

namespace bb::app {

namespace {
std::optional<double> positive(double value) {
  if (value <= 0) return std::nullopt;
  return value;
}

// The jump-weighted mean of `field` over the parts that show it.
std::optional<double> weighted(const std::vector<coach::Measured>& parts,
                               std::optional<double> coach::Measured::*field) {
  double sum = 0;
  int weight = 0;
  for (const coach::Measured& part : parts) {
    if (!(part.*field) || part.jumps == 0) continue;
    sum += *(part.*field) * part.jumps;
    weight += part.jumps;
  }
  if (weight == 0) return std::nullopt;
  return sum / weight;
}
}  // namespace

Result<coach::Measured> measured_from_header(const RecordingHeader& header) {
  coach::Measured m;
  const auto where = coach::sensor_placement_from(header.placement);
  if (!where) return Error::corrupt("a stored recording has an unknown placement '" + header.placement + "'");
  m.placement = *where;
  m.jumps = header.jumps;
  m.active_seconds = header.active_seconds;
  m.cadence_per_min = positive(header.cadence_per_min);
  m.height_cm = positive(header.jump_height_cm);
  m.impact_g = positive(header.impact_g);
  m.trips = header.trips;
  m.longest_run = header.longest_run;
  return m;
}

coach::Measured merge_measured(const std::vector<coach::Measured>& parts) {
  coach::Measured merged;
  int most_jumps = -1;
  for (const coach::Measured& part : parts) {
    merged.jumps += part.jumps;
    merged.active_seconds += part.active_seconds;
    if (part.trips) merged.trips = merged.trips.value_or(0) + *part.trips;
    if (part.longest_run) merged.longest_run = std::max(merged.longest_run.value_or(0), *part.longest_run);
    if (part.jumps > most_jumps) {
      most_jumps = part.jumps;
      merged.placement = part.placement;
    }
  }
  merged.cadence_per_min = weighted(parts, &coach::Measured::cadence_per_min);
  merged.height_cm = weighted(parts, &coach::Measured::height_cm);
  merged.impact_g = weighted(parts, &coach::Measured::impact_g);
  return merged;
}

namespace {
// The merged figures of the given recordings; none without any.
Result<std::optional<coach::Measured>> measured_of(const std::vector<const RecordingHeader*>& headers) {
  if (headers.empty()) return std::optional<coach::Measured>();
  std::vector<coach::Measured> parts;
  for (const RecordingHeader* header : headers) {
    auto measured = measured_from_header(*header);
    if (!measured.ok()) return measured.error();
    parts.push_back(*measured);
  }
  return std::optional<coach::Measured>(merge_measured(parts));
}
}  // namespace

Result<std::optional<coach::Measured>> measured_on(RecordingStore& recordings, PersonId person,
                                                   Date date) {
  auto headers = recordings.recordings(person);
  if (!headers.ok()) return headers.error();
  std::vector<const RecordingHeader*> that_day;
  for (const RecordingHeader& header : *headers)
    if (header.date == date) that_day.push_back(&header);
  return measured_of(that_day);
}

Status attach_measurements(RecordingStore& recordings, PersonId person, coach::Timeline& timeline) {
  if (timeline.days.empty()) return Status::success();
  auto headers = recordings.recordings(person);
  if (!headers.ok()) return headers.error();
  std::map<Date, std::vector<const RecordingHeader*>> by_day;
  for (const RecordingHeader& header : *headers) by_day[header.date].push_back(&header);
  for (coach::Day& day : timeline.days) {
    if (!day.session) continue;
    const auto found = by_day.find(day.date);
    if (found == by_day.end()) continue;
    auto measured = measured_of(found->second);
    if (!measured.ok()) return measured.error();
    day.session->measured = *measured;
  }
  return Status::success();
}

}  // namespace bb::app
