#include "http/live_protocol.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/motion_json.h"
#include "http/api_error.h"
#include "http/request_decoding.h"

namespace bb::http {

using nlohmann::json;

namespace {

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

Result<LiveMessage> decode_live_message(std::string_view text) {
  // A message is an object holding an array of arrays: nothing deeper is ever needed.
  constexpr std::size_t kDepth = 3;
  if (json_depth(text, kDepth) > kDepth)
    return Error::invalid("", "the message is nested too deeply");
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error::invalid("", "the message is not well-formed JSON");
  if (!doc.is_object()) return Error::invalid("", "a message is a JSON object");
  const auto type = doc.find("type");
  if (type == doc.end() || !type->is_string()) {
    return Error::invalid("type", "say the message type: \"samples\" or \"end\"");
  }
  LiveMessage message;
  if (*type == "end") {
    if (doc.size() != 1) return Error::invalid("", "\"end\" takes no other field");
    message.kind = LiveMessage::Kind::kEnd;
    return message;
  }
  if (*type != "samples") {
    return Error::invalid("type", "unknown message type: use \"samples\" or \"end\"");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "type" && key != "samples") return Error::invalid(key, "unknown field");
  }
  const auto rows = doc.find("samples");
  if (rows == doc.end() || !rows->is_array()) {
    return Error::invalid("samples", "an array of [t, x, y, z] rows");
  }
  if (rows->size() > app::LiveRecorder::kMaxBatchSamples) {
    return Error::invalid(
        "samples",
        "at most " + std::to_string(app::LiveRecorder::kMaxBatchSamples) + " samples a message");
  }
  message.samples.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const json& row = (*rows)[i];
    const std::string field = "samples[" + std::to_string(i) + "]";
    if (!row.is_array() || row.size() != 4) {
      return Error::invalid(field, "each sample is [t, x, y, z]: four numbers");
    }
    double v[4];
    for (std::size_t k = 0; k < 4; ++k) {
      if (!row[k].is_number()) return Error::invalid(field, "each sample holds four numbers");
      v[k] = row[k].get<double>();
    }
    message.samples.push_back({v[0], v[1], v[2], v[3]});
  }
  return message;
}

std::string live_ready_message(motion::Placement placement, app::LiveUnits units) {
  return dump({{"type", "ready"},
               {"placement", motion::to_string(placement)},
               {"units", units == app::LiveUnits::kG ? "g" : "ms2"},
               {"max_samples", app::LiveRecorder::kMaxSamples},
               {"max_batch", app::LiveRecorder::kMaxBatchSamples}});
}

std::string live_count_message(const app::LiveProgress& progress, motion::Placement placement) {
  json jumps = json::array();
  for (const motion::JumpEvent& e : progress.new_jumps) {
    jumps.push_back(app::jump_event_to_json(e, placement));
  }
  return dump({{"type", "count"},
               {"jumps", progress.jumps},
               {"cadence_per_min", std::round(progress.cadence_per_min * 10) / 10},
               {"elapsed_s", std::round(progress.elapsed_s * 1000) / 1000},
               {"new_jumps", jumps},
               {"cues", progress.cues},
               {"gate", app::gate_counts_to_json(progress.gate, placement)}});
}

std::string live_error_message(const Error& error) {
  const Response response = error_response(error);
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded()) body = json::object();
  body["type"] = "error";
  return dump(body);
}

}  // namespace bb::http
