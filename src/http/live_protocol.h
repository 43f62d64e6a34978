// The messages of the live motion WebSocket (/api/v1/live, docs/api.md): decoding what a phone
// sends and encoding what the server answers. No sockets here, so it is tested and fuzzed alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/live_recorder.h"
#include "base/result.h"
#include "motion/sample.h"

namespace bb::http {

// Longest text message the server reads: 2,000 samples of four numbers fit with room to spare.
inline constexpr std::size_t kMaxLiveMessageBytes = 256 * 1024;

struct LiveMessage {
  enum class Kind { kSamples, kEnd };
  Kind kind = Kind::kSamples;
  std::vector<motion::Sample> samples;  // [t, x, y, z] rows, as sent
};

// {"type": "samples", "samples": [[t, x, y, z], ...]} or {"type": "end"}. kInvalidArgument, with
// the field, for anything else: not JSON, too deep, an unknown type, a row that is not four
// numbers, more rows than a batch may hold.
[[nodiscard]] Result<LiveMessage> decode_live_message(std::string_view text);

[[nodiscard]] std::string live_ready_message(motion::Placement placement, app::LiveUnits units);
[[nodiscard]] std::string live_count_message(const app::LiveProgress& progress,
                                             motion::Placement placement);
[[nodiscard]] std::string live_error_message(const Error& error);

}  // namespace bb::http
