// Motion throughput: the jump detector over an hour of 100 Hz data against a baseline pass that
// only computes |a| (the memory-bound floor), and the CSV reader in MB/s.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "motion/csv_reader.h"
#include "motion/jump_counter.h"
#include "motion/jump_detector.h"
#include "motion/simulator.h"

namespace {

using namespace bb::motion;

// An hour at 100 Hz: 360,000 samples of jumping at 120 per minute.
const std::vector<Sample>& hour_of(Placement placement) {
  static std::vector<Sample> cache[5];
  auto& samples = cache[static_cast<int>(placement)];
  if (samples.empty()) {
    SimulatedSession session;
    session.placement = placement;
    session.jumps = 7190;
    session.cadence_per_min = 120;
    samples = simulate(session).samples;
  }
  return samples;
}

void BM_MagnitudeBaseline(benchmark::State& state) {
  const auto& samples = hour_of(Placement::kPocket);
  for (auto _ : state) {
    double sum = 0;
    for (const Sample& s : samples) sum += std::sqrt(s.x * s.x + s.y * s.y + s.z * s.z);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(samples.size()));
}
BENCHMARK(BM_MagnitudeBaseline)->Unit(benchmark::kMillisecond);

void BM_JumpDetector(benchmark::State& state) {
  const auto placement = static_cast<Placement>(state.range(0));
  const auto& samples = hour_of(placement);
  std::vector<JumpEvent> events;
  events.reserve(8000);
  for (auto _ : state) {
    events.clear();
    JumpDetector detector(placement);
    for (const Sample& s : samples) detector.push(s, events);
    detector.finish(events);
    benchmark::DoNotOptimize(events.data());
  }
  state.counters["jumps"] = static_cast<double>(events.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(samples.size()));
  state.SetLabel(to_string(placement));
}
BENCHMARK(BM_JumpDetector)
    ->Arg(static_cast<int>(Placement::kPocket))
    ->Arg(static_cast<int>(Placement::kAnkle))
    ->Arg(static_cast<int>(Placement::kWrist))
    ->Unit(benchmark::kMillisecond);

// What a file, an upload and a live stream run: the detector behind the plausibility gate, and
// for gravity-removed input also the gravity restoration (simulated input with 1 g taken off the
// vertical, as a phone's linear acceleration would give).
void BM_JumpCounter(benchmark::State& state) {
  const auto placement = static_cast<Placement>(state.range(0));
  const auto gravity = static_cast<Gravity>(state.range(1));
  static std::vector<Sample> linear[5];
  const std::vector<Sample>* input = &hour_of(placement);
  if (gravity == Gravity::kRemoved) {
    auto& removed = linear[static_cast<int>(placement)];
    if (removed.empty()) {
      removed = *input;
      // The simulator's (tilted) vertical.
      const double norm = std::sqrt(0.28 * 0.28 + 0.90 * 0.90 + 0.33 * 0.33);
      for (Sample& s : removed) {
        s.x -= 0.28 / norm;
        s.y -= 0.90 / norm;
        s.z -= 0.33 / norm;
      }
    }
    input = &removed;
  }
  std::vector<JumpEvent> events;
  events.reserve(8000);
  for (auto _ : state) {
    events.clear();
    JumpCounter counter(placement, gravity);
    for (const Sample& s : *input) counter.push(s, events);
    counter.finish(events);
    benchmark::DoNotOptimize(events.data());
  }
  state.counters["jumps"] = static_cast<double>(events.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input->size()));
  state.SetLabel(std::string(to_string(placement)) +
                 (gravity == Gravity::kRemoved ? " gravity removed" : ""));
}
BENCHMARK(BM_JumpCounter)
    ->Args({static_cast<int>(Placement::kPocket), static_cast<int>(Gravity::kIncluded)})
    ->Args({static_cast<int>(Placement::kAnkle), static_cast<int>(Gravity::kIncluded)})
    ->Args({static_cast<int>(Placement::kWrist), static_cast<int>(Gravity::kIncluded)})
    ->Args({static_cast<int>(Placement::kPocket), static_cast<int>(Gravity::kRemoved)})
    ->Unit(benchmark::kMillisecond);

void BM_CsvReader(benchmark::State& state) {
  const auto& samples = hour_of(Placement::kPocket);
  std::string text = "t_s,ax_g,ay_g,az_g\n";
  char line[128];
  for (const Sample& s : samples) {
    std::snprintf(line, sizeof line, "%.3f,%.6f,%.6f,%.6f\n", s.t, s.x, s.y, s.z);
    text += line;
  }
  std::vector<Sample> out;
  out.reserve(1 << 14);
  constexpr std::size_t kChunk = 1 << 16;
  for (auto _ : state) {
    MotionCsvReader reader;
    std::size_t rows = 0;
    for (std::size_t offset = 0; offset < text.size(); offset += kChunk) {
      out.clear();
      if (!reader.push(std::string_view(text).substr(offset, kChunk), out).ok()) {
        state.SkipWithError("parse error");
        return;
      }
      rows += out.size();
    }
    out.clear();
    if (!reader.finish(out).ok()) state.SkipWithError("parse error");
    benchmark::DoNotOptimize(rows += out.size());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CsvReader)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
