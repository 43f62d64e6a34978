#include "app/motion_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

namespace bb::app {
namespace {

using motion::Sample;

constexpr std::size_t kChunkBytes = 1 << 16;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// One pass over the file: every sample goes to `sink`.
Result<motion::CsvReport> read_pass(const std::string& path, const motion::CsvOptions& csv,
                                    const std::function<void(const Sample&)>& sink) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Error::invalid(path, std::string("cannot open: ") + std::strerror(errno));
  motion::MotionCsvReader reader(csv);
  std::vector<char> buffer(kChunkBytes);
  std::vector<Sample> samples;
  while (true) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) {
      if (std::ferror(file.get())) return Error::invalid(path, "read error");
      break;
    }
    samples.clear();
    if (Status status = reader.push({buffer.data(), got}, samples); !status.ok()) {
      Error error = status.error();
      error.field = path + ": " + error.field;
      return error;
    }
    for (const Sample& s : samples) sink(s);
  }
  samples.clear();
  if (Status status = reader.finish(samples); !status.ok()) {
    Error error = status.error();
    error.field = path + ": " + error.field;
    return error;
  }
  for (const Sample& s : samples) sink(s);
  return reader.report();
}

std::string printf_string(const char* pattern, double a, double b = 0) {
  char text[512];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

std::vector<std::string> warnings_for(const MotionAnalysis& analysis) {
  const motion::CsvReport& r = analysis.report;
  std::vector<std::string> out;
  if (r.units_source == motion::UnitsSource::kRestingMagnitude) {
    out.push_back(std::string("units inferred as ") + motion::to_string(r.units) +
                  printf_string(" from the resting magnitude %.2f (use --units to override)",
                                r.resting_magnitude));
  } else if (r.units_source == motion::UnitsSource::kDefault) {
    out.push_back("units could not be inferred: assumed g (use --units to override)");
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
                  motion::to_string(analysis.placement) + " (use --placement to set it)");
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

}  // namespace

Result<MotionAnalysis> analyze_motion_file(const std::string& path,
                                           const MotionFileOptions& options) {
  MotionAnalysis analysis;
  analysis.placement = options.placement;
  double duration = 0;
  // A first pass when the placement must be guessed or the plot needs the duration.
  if (options.placement == motion::Placement::kAuto || options.plot != MotionPlot::kNone) {
    motion::PlacementGuesser guesser;
    const bool guess = options.placement == motion::Placement::kAuto;
    auto first = read_pass(path, options.csv, [&](const Sample& s) {
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
  auto pass = read_pass(path, options.csv, [&](const Sample& s) {
    detector.push(s, analysis.events);
    if (analysis.envelope) analysis.envelope->push(s);
  });
  if (!pass.ok()) return pass.error();
  detector.finish(analysis.events);
  if (pass->gravity_removed) analysis.events.clear();
  analysis.report = *pass;
  analysis.summary = motion::summarize(analysis.events, analysis.placement);
  analysis.warnings = warnings_for(analysis);
  return analysis;
}

}  // namespace bb::app
