// Arbitrary floats (NaN, infinities, huge values, time going backwards) into the jump detector.
// Byte 0 picks the placement and whether time is taken as given or accumulated from steps, so
// the fuzzer reaches both the sanitising paths and the detection state machines; bit 6 feeds
// the counter the samples as gravity-removed, so the gravity restoration and the gate run too.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "motion/jump_counter.h"
#include "motion/jump_detector.h"
#include "motion/session.h"
#include "motion/signal_plot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using namespace bb::motion;
  const auto placement = static_cast<Placement>(data[0] % 5);
  const bool accumulate = (data[0] & 0x80) != 0;
  const Gravity gravity = (data[0] & 0x40) != 0 ? Gravity::kRemoved : Gravity::kIncluded;
  JumpDetector detector(placement);
  JumpCounter counter(placement, gravity);
  PlacementGuesser guesser(gravity);
  std::vector<JumpEvent> counted;
  SignalEnvelope envelope(60);
  std::vector<JumpEvent> events;
  double clock = 0;
  for (std::size_t offset = 1; offset + 4 * sizeof(float) <= size; offset += 4 * sizeof(float)) {
    float v[4];
    std::memcpy(v, data + offset, sizeof v);
    Sample s{v[0], v[1], v[2], v[3]};
    if (accumulate) {
      clock += std::isfinite(v[0]) ? std::fmod(std::fabs(static_cast<double>(v[0])), 0.05) : 0.01;
      s.t = clock;
    }
    detector.push(s, events);
    counter.push(s, counted);
    guesser.push(s);
    envelope.push(s);
  }
  detector.finish(events);
  counter.finish(counted);
  if (counted.size() > events.size()) __builtin_trap();  // the gate only ever removes
  (void)explain_gate(counter.gate(), placement);
  (void)guesser.guess();
  const SessionSummary summary = summarize(events, placement);
  (void)render_svg(envelope, events, summary, {"fuzz", "pocket"});
  return 0;
}
