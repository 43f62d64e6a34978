// Fuzzes the live WebSocket's messages (outside input from a phone): each line of the input is one
// message, decoded and, when it holds samples, pushed into a live recorder; at the end the
// stream is analysed and its saved CSV read back. Nothing may crash, hang or trip a sanitizer,
// and the saved CSV must hold every sample the recorder took.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "app/live_recorder.h"
#include "app/motion_json.h"
#include "http/live_protocol.h"
#include "motion/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bb::app::LiveRecorder recorder(bb::motion::Placement::kPocket,
                                 bb::app::LiveUnits::kMetersPerSecond2);
  while (!input.empty()) {
    const std::size_t end = input.find('\n');
    const std::string_view line = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    const auto message = bb::http::decode_live_message(line);
    if (!message.ok() || message->kind != bb::http::LiveMessage::Kind::kSamples) continue;
    const auto progress = recorder.push(message->samples);
    if (progress.ok()) (void)bb::http::live_count_message(*progress, recorder.placement());
  }
  if (recorder.empty()) return 0;
  (void)bb::app::motion_analysis_to_json(recorder.analysis()).dump();
  bb::motion::MotionCsvReader reader;
  std::vector<bb::motion::Sample> samples;
  const std::string csv = recorder.samples_csv();
  if (!reader.push(csv, samples).ok() || !reader.finish(samples).ok()) std::abort();
  // Rows whose rounded time stamps went backwards may be dropped; none may appear from nowhere.
  if (static_cast<std::size_t>(reader.report().rows) > recorder.size()) std::abort();
  return 0;
}
