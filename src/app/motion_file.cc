#include "app/motion_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <utility>

#include <fmt/format.h>

namespace bb::app {
namespace {

using motion::Sample;

constexpr std::size_t kChunkBytes = 1 << 16;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Hands out the bytes of a recording in chunks; `restart` goes back to the first byte, for a
// second pass.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // 0 at the end; an error when the bytes cannot be read.
  virtual Result<std::size_t> read(char* into, std::size_t capacity) = 0;
  virtual Status restart() = 0;
  [[nodiscard]] virtual std::string label() const = 0;  // prefixed to error fields
};

class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::string path) : path_(std::move(path)) {}
  Status restart() override {
    file_.reset(std::fopen(path_.c_str(), "rb"));
    if (!file_) return Error::invalid(path_, std::string("cannot open: ") + std::strerror(errno));
    return Status::success();
  }
  Result<std::size_t> read(char* into, std::size_t capacity) override {
    const std::size_t got = std::fread(into, 1, capacity, file_.get());
    if (got == 0 && std::ferror(file_.get())) return Error::invalid(path_, "read error");
    return got;
  }
  [[nodiscard]] std::string label() const override { return path_; }

 private:
  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
};

class MemorySource final : public ByteSource {
 public:
  MemorySource(std::string_view bytes, std::string label)
      : bytes_(bytes), label_(std::move(label)) {}
  Status restart() override {
    offset_ = 0;
    return Status::success();
  }
  Result<std::size_t> read(char* into, std::size_t capacity) override {
    const std::size_t n = std::min(capacity, bytes_.size() - offset_);
    std::memcpy(into, bytes_.data() + offset_, n);
    offset_ += n;
    return n;
  }
  [[nodiscard]] std::string label() const override { return label_; }

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
  std::string label_;
};

Error labelled(Error error, const std::string& label) {
  if (!label.empty()) error.field = label + ": " + error.field;
  return error;
}

// One pass over the recording: every sample goes to `sink`.
// The sink also sees the reader's report: by the first sample the units and whether gravity
// was removed are decided.
Result<motion::CsvReport> read_pass(
    ByteSource& source, const motion::CsvOptions& csv,
    const std::function<void(const Sample&, const motion::CsvReport&)>& sink) {
  BB_RETURN_IF_ERROR(source.restart());
  motion::MotionCsvReader reader(csv);
  std::vector<char> buffer(kChunkBytes);
  std::vector<Sample> samples;
  while (true) {
    BB_ASSIGN_OR_RETURN(const std::size_t got, source.read(buffer.data(), buffer.size()));
    if (got == 0) break;
    samples.clear();
    if (Status status = reader.push({buffer.data(), got}, samples); !status.ok()) {
      return labelled(status.error(), source.label());
    }
    for (const Sample& s : samples) sink(s, reader.report());
  }
  samples.clear();
  if (Status status = reader.finish(samples); !status.ok()) {
    return labelled(status.error(), source.label());
  }
  for (const Sample& s : samples) sink(s, reader.report());
  return reader.report();
}

}  // namespace

std::vector<std::string> motion_warnings(const MotionAnalysis& analysis) {
  const motion::CsvReport& r = analysis.report;
  std::vector<std::string> out;
  if (r.units_source == motion::UnitsSource::kRestingMagnitude) {
    out.push_back(std::string("units inferred as ") + motion::to_string(r.units) +
                  fmt::format(" from the resting magnitude {:.2f} (set the units to override)",
                              r.resting_magnitude));
  } else if (r.units_source == motion::UnitsSource::kDefault) {
    out.push_back("units could not be inferred: assumed g (set the units to override)");
  }
  if (r.gravity_removed) {
    out.push_back(
        "the file holds linear acceleration (gravity removed): gravity was put back along the "
        "signal's main axis, taken as the vertical, so jumps are counted from free fall and "
        "landings; impact peaks are less exact and sideways motion can hide the vertical");
  }
  if (r.gravity_added_from_columns) {
    out.push_back(
        "the file holds user acceleration (gravity removed) and the gravity the device "
        "estimated: the two were added back together, which is what the sensor felt");
  }
  if (r.clip_level_g > 0) {
    out.push_back(fmt::format("the sensor clips at about {:.1f} g: impact peaks are lower bounds",
                              r.clip_level_g));
  }
  if (r.gaps > 0) {
    out.push_back(fmt::format("{} {} longer than {:.2f} s: analysed as separate segments", r.gaps,
                              r.gaps == 1 ? "gap" : "gaps", motion::kGapSeconds));
  }
  if (r.skipped_rows > 0) {
    out.push_back(fmt::format("{} malformed {} skipped, the first at line {}", r.skipped_rows,
                              r.skipped_rows == 1 ? "row" : "rows", r.first_skipped_line));
  }
  if (r.backwards_timestamps > 0) {
    out.push_back(fmt::format("{} {} dropped because time went backwards",
                              r.backwards_timestamps, r.backwards_timestamps == 1 ? "row" : "rows"));
  }
  if (r.repeated_timestamps > r.rows / 10) {
    out.push_back(
        fmt::format("{} repeated time stamps (a logger delivering in bursts): "
                    "readings spread evenly over each interval",
                    r.repeated_timestamps));
  }
  // Measured within the longest continuous segment: a logging pause is not a low rate.
  const double rate = r.sampling_rate_hz;
  if (r.rows > 1 && rate < 40) {
    out.push_back(
        fmt::format("the sampling rate ({:.0f} Hz) is too low to see landings "
                    "reliably; 50 Hz or more is needed",
                    rate));
  }
  if (analysis.placement_guessed) {
    const auto& c = analysis.guess_counts;
    out.push_back(fmt::format(
        "placement guessed from the signal: {} ({}: jumps in rhythm read as ankle {}, pocket {}, "
        "wrist {}; set the placement to choose another)",
        motion::to_string(analysis.placement), motion::to_string(analysis.guess_confidence), c[0],
        c[1], c[2]));
  }
  if (std::string why = motion::explain_gate(analysis.gate, analysis.placement); !why.empty()) {
    out.push_back(std::move(why));
  }
  const int jumps = analysis.summary.jumps;
  if (jumps > 0 && jumps < 10) {
    out.push_back(
        fmt::format("only {} jumps in rhythm: few for a jumping session (a short run of "
                    "steps, stairs or hops reads the same)",
                    jumps));
  }
  return out;
}

namespace {

motion::Gravity gravity_of(const motion::CsvReport& report) {
  return report.gravity_removed ? motion::Gravity::kRemoved : motion::Gravity::kIncluded;
}

Result<MotionAnalysis> analyze(ByteSource& source, const MotionFileOptions& options) {
  MotionAnalysis analysis;
  analysis.placement = options.placement;
  double duration = 0;
  // A first pass when the placement must be guessed or the plot needs the duration.
  if (options.placement == motion::Placement::kAuto || options.plot != MotionPlot::kNone) {
    std::optional<motion::PlacementGuesser> guesser;
    const bool guess = options.placement == motion::Placement::kAuto;
    auto first = read_pass(source, options.csv, [&](const Sample& s, const motion::CsvReport& r) {
      if (!guess) return;
      if (!guesser) guesser.emplace(gravity_of(r));
      guesser->push(s);
    });
    if (!first.ok()) return first.error();
    duration = first->duration_s;
    if (guess) {
      if (!guesser) guesser.emplace(gravity_of(*first));
      analysis.placement = guesser->guess();
      analysis.placement_guessed = true;
      analysis.guess_confidence = guesser->confidence();
      analysis.guess_counts = guesser->counts();
    }
  }
  if (options.plot != MotionPlot::kNone) analysis.envelope.emplace(duration);
  // Created at the first sample, when the reader knows whether gravity is in the signal.
  std::optional<motion::JumpCounter> counter;
  auto pass = read_pass(source, options.csv, [&](const Sample& s, const motion::CsvReport& r) {
    if (!counter) counter.emplace(analysis.placement, gravity_of(r));
    counter->push(s, analysis.events);
    if (analysis.envelope) analysis.envelope->push(s);
  });
  if (!pass.ok()) return pass.error();
  if (!counter) counter.emplace(analysis.placement, gravity_of(*pass));
  counter->finish(analysis.events);
  analysis.gate = counter->gate();
  analysis.set_aside = counter->set_aside();
  analysis.segments = counter->segments();
  analysis.report = *pass;
  analysis.summary = motion::summarize(analysis.events, analysis.placement);
  analysis.warnings = motion_warnings(analysis);
  return analysis;
}

}  // namespace

Result<MotionAnalysis> analyze_motion_file(const std::string& path,
                                           const MotionFileOptions& options) {
  FileSource source(path);
  return analyze(source, options);
}

Result<MotionAnalysis> analyze_motion_bytes(std::string_view bytes, const std::string& label,
                                            const MotionFileOptions& options) {
  MemorySource source(bytes, label);
  return analyze(source, options);
}

}  // namespace bb::app
