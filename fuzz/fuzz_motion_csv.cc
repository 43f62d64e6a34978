// Arbitrary bytes through the streaming CSV reader, split into chunks at fuzzer-chosen places,
// then the samples through the counter (detector and gate, gravity restored when the reader says
// it was removed) and the session summary.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "motion/csv_reader.h"
#include "motion/jump_counter.h"
#include "motion/jump_detector.h"
#include "motion/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  using namespace bb::motion;
  CsvOptions options;
  options.strictness = (data[0] & 1) ? Strictness::kLenient : Strictness::kStrict;
  options.units = static_cast<Units>((data[0] >> 1) % 4);
  const std::size_t chunk = 1 + data[1] % 64;
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  MotionCsvReader reader(options);
  const auto placement = static_cast<Placement>((data[0] >> 3) % 5);
  std::optional<JumpCounter> counter;
  const auto feed = [&](const std::vector<Sample>& samples, std::vector<JumpEvent>& events) {
    for (const Sample& s : samples) {
      if (!counter) {
        counter.emplace(placement, reader.report().gravity_removed ? Gravity::kRemoved
                                                                   : Gravity::kIncluded);
      }
      counter->push(s, events);
    }
  };
  std::vector<Sample> samples;
  std::vector<JumpEvent> events;
  bool ok = true;
  for (std::size_t offset = 0; ok && offset < text.size(); offset += chunk) {
    samples.clear();
    ok = reader.push(text.substr(offset, chunk), samples).ok();
    feed(samples, events);
  }
  if (ok) {
    samples.clear();
    ok = reader.finish(samples).ok();
    feed(samples, events);
    (void)reader.report().sampling_rate_hz;
  }
  if (counter) {
    counter->finish(events);
    (void)explain_gate(counter->gate(), placement);
  }
  (void)summarize(events, placement);
  return 0;
}
