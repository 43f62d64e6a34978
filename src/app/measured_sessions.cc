#include "app/measured_sessions.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace bb::app {

using nlohmann::json;

namespace {
std::optional<double> positive_number(const json& doc, const char* key) {
  const auto it = doc.find(key);
  if (it == doc.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
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

Result<coach::Measured> measured_from_analysis(const std::string& analysis_json) {
  const json doc = json::parse(analysis_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error::internal("a stored recording analysis is not valid JSON");
  }
  coach::Measured m;
  const auto jumps = doc.find("jumps");
  const auto active = doc.find("active_seconds");
  const auto placement = doc.find("placement");
  if (jumps == doc.end() || !jumps->is_number_integer() || active == doc.end() ||
      !active->is_number() || placement == doc.end() || !placement->is_string()) {
    return Error::internal("a stored recording analysis lacks jumps, active time or placement");
  }
  m.jumps = jumps->get<int>();
  m.active_seconds = active->get<double>();
  const auto where = coach::sensor_placement_from(placement->get<std::string>());
  if (!where) return Error::internal("a stored recording analysis has an unknown placement");
  m.placement = *where;
  m.cadence_per_min = positive_number(doc, "cadence_per_min");
  m.height_cm = positive_number(doc, "jump_height_cm");
  m.impact_g = positive_number(doc, "impact_g");
  if (const auto it = doc.find("trips"); it != doc.end() && it->is_number_integer())
    m.trips = it->get<int>();
  if (const auto it = doc.find("longest_run"); it != doc.end() && it->is_number_integer())
    m.longest_run = it->get<int>();
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
// The merged figures of the given recordings; none when every one was deleted meanwhile.
Result<std::optional<coach::Measured>> measured_of(RecordingStore& recordings, PersonId person,
                                                   const std::vector<RecordingId>& ids) {
  std::vector<coach::Measured> parts;
  for (const RecordingId id : ids) {
    auto stored = recordings.recording(person, id);
    if (!stored.ok()) return stored.error();
    if (!stored->has_value()) continue;  // deleted meanwhile
    auto measured = measured_from_analysis((*stored)->analysis_json);
    if (!measured.ok()) return measured.error();
    parts.push_back(*measured);
  }
  if (parts.empty()) return std::optional<coach::Measured>();
  return std::optional<coach::Measured>(merge_measured(parts));
}
}  // namespace

Result<std::optional<coach::Measured>> measured_on(RecordingStore& recordings, PersonId person,
                                                   Date date) {
  auto headers = recordings.recordings(person);
  if (!headers.ok()) return headers.error();
  std::vector<RecordingId> ids;
  for (const RecordingHeader& header : *headers)
    if (header.date == date) ids.push_back(header.id);
  return measured_of(recordings, person, ids);
}

Status attach_measurements(RecordingStore& recordings, PersonId person, coach::Timeline& timeline) {
  if (timeline.days.empty()) return Status::success();
  auto headers = recordings.recordings(person);
  if (!headers.ok()) return headers.error();
  std::map<Date, std::vector<RecordingId>> by_day;
  for (const RecordingHeader& header : *headers) by_day[header.date].push_back(header.id);
  for (coach::Day& day : timeline.days) {
    if (!day.session) continue;
    const auto found = by_day.find(day.date);
    if (found == by_day.end()) continue;
    auto measured = measured_of(recordings, person, found->second);
    if (!measured.ok()) return measured.error();
    day.session->measured = *measured;
  }
  return Status::success();
}

}  // namespace bb::app
