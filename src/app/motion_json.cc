#include "app/motion_json.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bb::app {
namespace {

using nlohmann::json;

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

json positive_or_null(double value, int decimals) {
  return value > 0 ? json(rounded(value, decimals)) : json(nullptr);
}

// The envelope's rows laid end to end, merged down to at most kSignalMaxBins bins, without the
// empty tail past the last sample.
json signal_to_json(const motion::SignalEnvelope& envelope) {
  const int bins = envelope.rows() * motion::SignalEnvelope::bins_per_row();
  int used = bins;
  while (used > 0 && !envelope.filled(used - 1)) --used;
  const int merge = std::max(1, (used + kSignalMaxBins - 1) / kSignalMaxBins);
  const double bin_s = envelope.row_seconds() / motion::SignalEnvelope::bins_per_row();
  json low = json::array();
  json high = json::array();
  for (int start = 0; start < used; start += merge) {
    bool any = false;
    double lo = 0;
    double hi = 0;
    for (int bin = start; bin < std::min(used, start + merge); ++bin) {
      if (!envelope.filled(bin)) continue;
      lo = any ? std::min(lo, envelope.low(bin)) : envelope.low(bin);
      hi = any ? std::max(hi, envelope.high(bin)) : envelope.high(bin);
      any = true;
    }
    low.push_back(any ? json(rounded(lo, 3)) : json(nullptr));
    high.push_back(any ? json(rounded(hi, 3)) : json(nullptr));
  }
  return {{"bin_s", rounded(bin_s * merge, 6)}, {"low", low}, {"high", high}};
}

}  // namespace

json bouts_to_json(const std::vector<motion::Bout>& bouts) {
  json out = json::array();
  for (const motion::Bout& b : bouts) {
    out.push_back({{"kind", motion::to_string(b.kind)},
                   {"start_s", rounded(b.start_s, 3)},
                   {"end_s", rounded(b.end_s, 3)},
                   {"jumps", b.jumps}});
  }
  return out;
}

json jump_event_to_json(const motion::JumpEvent& event, motion::Placement placement) {
  const bool wrist = placement == motion::Placement::kWrist;
  return {{"t", rounded(event.t, 3)},
          {"flight_s", positive_or_null(event.flight_s, 3)},
          {"impact_g", wrist ? json(nullptr) : json(rounded(event.impact_g, 2))}};
}

json gate_counts_to_json(const motion::GateCounts& c, motion::Placement placement) {
  const std::string why = motion::explain_gate(c, placement);
  return {{"candidates", c.candidates},
          {"kept", c.kept},
          {"short_flight", c.short_flight},
          {"not_turning", c.not_turning},
          {"no_rhythm", c.no_rhythm},
          {"runs", c.runs},
          {"why", why.empty() ? json(nullptr) : json(why)}};
}

json motion_analysis_to_json(const MotionAnalysis& a) {
  json events = json::array();
  for (const motion::JumpEvent& e : a.events) events.push_back(jump_event_to_json(e, a.placement));
  const motion::SessionSummary& s = a.summary;
  json cadence = json::array();
  for (const motion::CadencePoint& p : s.cadence_over_time) {
    cadence.push_back({{"t", rounded(p.t, 1)}, {"per_min", rounded(p.per_min, 1)}});
  }
  const motion::CsvReport& r = a.report;
  json gate = gate_counts_to_json(a.gate, a.placement);
  json set_aside = json::array();
  for (const motion::SetAsideEvent& e : a.set_aside) {
    set_aside.push_back({{"t", rounded(e.t, 3)}, {"reason", motion::to_string(e.reason)}});
  }
  gate["set_aside"] = std::move(set_aside);
  json segments = json::array();
  for (const motion::SegmentGate& g : a.segments) {
    json segment = gate_counts_to_json(g.counts, a.placement);
    segment["start_s"] = rounded(g.start_s, 3);
    segment["end_s"] = rounded(g.end_s, 3);
    segment["samples"] = g.samples;
    segment["rate_hz"] = rounded(g.rate_hz, 1);
    segments.push_back(std::move(segment));
  }
  gate["segments"] = std::move(segments);
  const auto& evidence = a.guess_counts;
  json out = {
      {"events", events},
      {"jumps", s.jumps},
      {"cadence_per_min", rounded(s.cadence_per_min, 1)},
      {"cadence_over_time", cadence},
      {"jump_height_cm", positive_or_null(s.jump_height_cm, 1)},
      {"impact_g", positive_or_null(s.impact_g, 2)},
      {"impact_clipped", s.impact_clipped},
      {"rhythm_cv", rounded(s.rhythm_cv, 3)},
      {"trips", s.trips},
      {"rests", s.rests},
      {"bouts", bouts_to_json(s.bouts)},
      {"longest_run", s.longest_run},
      {"active_seconds", rounded(s.active_seconds, 1)},
      {"feedback", s.feedback},
      {"warnings", a.warnings},
      {"placement", motion::to_string(a.placement)},
      {"placement_guessed", a.placement_guessed},
      {"placement_certainty",
       a.placement_guessed ? json(motion::to_string(a.guess_confidence)) : json(nullptr)},
      {"placement_evidence",
       a.placement_guessed
           ? json{{"ankle", evidence[0]}, {"pocket", evidence[1]}, {"wrist", evidence[2]}}
           : json(nullptr)},
      {"gate", std::move(gate)},
      {"input",
       {{"rows", r.rows},
        {"duration_s", rounded(r.duration_s, 3)},
        {"time_column", r.time_column},
        {"axis_columns", {r.axis_columns[0], r.axis_columns[1], r.axis_columns[2]}},
        {"units", motion::to_string(r.units)},
        {"skipped_rows", r.skipped_rows},
        {"sampling_rate_hz", rounded(r.sampling_rate_hz, 1)},
        {"segments", r.segments},
        {"longest_segment_s", rounded(r.longest_segment_s, 3)},
        {"gravity", r.gravity_added_from_columns ? "added_from_columns"
                    : r.gravity_removed          ? "removed"
                                                 : "included"}}},
  };
  if (a.envelope) out["signal"] = signal_to_json(*a.envelope);
  return out;
}

json recording_header_to_json(const RecordingHeader& h) {
  return {{"id", h.id},
          {"date", h.date.to_string()},
          {"source", to_string(h.source)},
          {"name", h.name},
          {"created_at", h.created_at},
          {"placement", h.placement},
          {"jumps", h.jumps},
          {"cadence_per_min", rounded(h.cadence_per_min, 1)},
          {"jump_height_cm", positive_or_null(h.jump_height_cm, 1)},
          {"impact_g", positive_or_null(h.impact_g, 2)},
          {"duration_s", rounded(h.duration_s, 3)},
          {"active_seconds", rounded(h.active_seconds, 1)},
          {"trips", h.trips},
          {"longest_run", h.longest_run},
          {"feedback", h.feedback}};
}

Result<json> recording_to_json(const StoredRecording& recording) {
  const RecordingHeader& h = recording.header;
  json analysis = json::parse(recording.analysis_json, nullptr, false);
  if (analysis.is_discarded() || !analysis.is_object()) {
    return Error::corrupt("the stored analysis of recording " + std::to_string(h.id) +
                          " is unreadable");
  }
  if (!analysis.contains("bouts")) {
    // Saved before the analysis named its bouts: they follow from the landing times alone
    // (the placement plays no part in them), so the rule that finds them stays in motion.
    std::vector<motion::JumpEvent> events;
    const json* stored = analysis.contains("events") ? &analysis["events"] : nullptr;
    if (stored != nullptr && stored->is_array()) {
      for (const json& e : *stored) {
        if (!e.is_object() || !e.contains("t") || !e["t"].is_number()) {
          return Error::corrupt("the stored analysis of recording " + std::to_string(h.id) +
                                " has an event without a time");
        }
        events.push_back({.t = e["t"].get<double>()});
      }
    }
    analysis["bouts"] = bouts_to_json(motion::summarize(events, motion::Placement::kPocket).bouts);
  }
  return json{{"id", h.id},     {"date", h.date.to_string()}, {"source", to_string(h.source)},
              {"name", h.name}, {"created_at", h.created_at}, {"analysis", std::move(analysis)}};
}

}  // namespace bb::app
