#include "app/motion_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <utility>

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
Result<motion::CsvReport> read_pass(ByteSource& source, const motion::CsvOptions& csv,
                                    const std::function<void(const Sample&)>& sink) {
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
    for (const Sample& s : samples) sink(s);
  }
  samples.clear();
  if (Status status = reader.finish(samples); !status.ok()) {
    return labelled(status.error(), source.label());
  }
  for (const Sample& s : samples) sink(s);
  return reader.report();
}

std::string printf_string(const char* pattern, double a, double b = 0) {
  char text[512];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

}  // namespace

std::vector<std::string> motion_warnings(const MotionAnalysis& analysis) {
  const motion::CsvReport& r = analysis.report;
  std::vector<std::string> out;
  if (r.units_source == motion::UnitsSource::kRestingMagnitude) {
    out.push_back(std::string("units inferred as ") + motion::to_string(r.units) +
                  printf_string(" from the resting magnitude %.2f (set the units to override)",
                                r.resting_magnitude));
  } else if (r.units_source == motion::UnitsSource::kDefault) {
    out.push_back("units could not be inferred: assumed g (set the units to override)");
  }
  if (r.gravity_removed) {
    out.push_back(
        "the file seems to hold linear acceleration (gravity removed): free fall and "
        "landings cannot be seen, so no jumps are counted; export raw acceleration "
        "(with gravity) instead");
  }
  if (r.clip_level_g > 0) {
    out.push_back(printf_string("the sensor clips at about %.1f g: impact peaks are lower bounds",
                                r.clip_level_g));
  }
  if (r.gaps > 0) {
    out.push_back(printf_string("%.0f gap(s) longer than %.2f s: analysed as separate segments",
                                static_cast<double>(r.gaps), motion::kGapSeconds));
  }
  if (r.skipped_rows > 0) {
    out.push_back(printf_string("%.0f malformed row(s) skipped, the first at line %.0f",
                                static_cast<double>(r.skipped_rows),
                                static_cast<double>(r.first_skipped_line)));
  }
  if (r.backwards_timestamps > 0) {
    out.push_back(printf_string("%.0f row(s) dropped because time went backwards",
                                static_cast<double>(r.backwards_timestamps)));
  }
  if (r.repeated_timestamps > r.rows / 10) {
    out.push_back(
        printf_string("%.0f repeated time stamps (a logger delivering in bursts): "
                      "readings spread evenly over each interval",
                      static_cast<double>(r.repeated_timestamps)));
  }
  const double rate = r.duration_s > 0 ? static_cast<double>(r.rows) / r.duration_s : 0;
  if (r.rows > 1 && rate < 40) {
    out.push_back(
        printf_string("the sampling rate (%.0f Hz) is too low to see landings "
                      "reliably; 50 Hz or more is needed",
                      rate));
  }
  if (analysis.placement_guessed) {
    out.push_back(std::string("placement guessed from the signal: ") +
                  motion::to_string(analysis.placement) + " (set the placement to choose another)");
  }
  const int jumps = analysis.summary.jumps;
  if (jumps > 0 && jumps < 5) {
    out.push_back(
        printf_string("only %.0f jump-like event(s): this does not look like a jumping "
                      "session",
                      jumps));
  }
  return out;
}

namespace {

Result<MotionAnalysis> analyze(ByteSource& source, const MotionFileOptions& options) {
  MotionAnalysis analysis;
  analysis.placement = options.placement;
  double duration = 0;
  // A first pass when the placement must be guessed or the plot needs the duration.
  if (options.placement == motion::Placement::kAuto || options.plot != MotionPlot::kNone) {
    motion::PlacementGuesser guesser;
    const bool guess = options.placement == motion::Placement::kAuto;
    auto first = read_pass(source, options.csv, [&](const Sample& s) {
      if (guess) guesser.push(s);
    });
    if (!first.ok()) return first.error();
    duration = first->duration_s;
    if (guess) {
      analysis.placement = guesser.guess();
      analysis.placement_guessed = true;
    }
  }
  if (options.plot != MotionPlot::kNone) analysis.envelope.emplace(duration);
  motion::JumpDetector detector(analysis.placement);
  // Without gravity in the signal neither free fall nor landing can be told apart from motion:
  // count nothing rather than guess (a warning says why).
  auto pass = read_pass(source, options.csv, [&](const Sample& s) {
    detector.push(s, analysis.events);
    if (analysis.envelope) analysis.envelope->push(s);
  });
  if (!pass.ok()) return pass.error();
  detector.finish(analysis.events);
  if (pass->gravity_removed) analysis.events.clear();
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
