// `bounceback analyze FILE`: count the jumps in an accelerometer recording and read their form.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <optional>
#include <filesystem>
#include <fstream>
#include <memory>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "app/motion_file.h"
#include "app/daily_service.h"
#include "app/recording_service.h"
#include "store/store_factory.h"
#include "app/motion_json.h"
#include "cli/cli.h"
#include "motion/signal_plot.h"

namespace bb::cli {
namespace {

struct AnalyzeArgs {
  std::string file;
  std::string placement = "auto";
  std::string units = "auto";
  bool lenient = false;
  bool json = false;
  std::string svg;
  std::string keep_for;  // a date: keep the file with that day's session
};

void print_text(const std::string& file, const app::MotionAnalysis& a) {
  const motion::CsvReport& r = a.report;
  const motion::SessionSummary& s = a.summary;
  fmt::print("{}\n", file);
  fmt::print(
      "  read:        {} rows over {:.1f} s; time from \"{}\", axes \"{}\", \"{}\", \"{}\" "
      "in {}\n",
      r.rows, r.duration_s, r.time_column, r.axis_columns[0], r.axis_columns[1], r.axis_columns[2],
      motion::to_string(r.units));
  if (r.sampling_rate_hz > 0) {
    if (r.segments > 1) {
      fmt::print("  rate:        {:.0f} Hz (in the longest of {} continuous parts, {:.1f} s)\n",
                 r.sampling_rate_hz, r.segments, r.longest_segment_s);
    } else {
      fmt::print("  rate:        {:.0f} Hz (one continuous part, {:.1f} s)\n", r.sampling_rate_hz,
                 r.longest_segment_s);
    }
  }
  if (a.placement_guessed) {
    const auto& e = a.guess_counts;
    fmt::print("  placement:   {} (guessed, {}: in rhythm at ankle {}, pocket {}, wrist {})\n",
               motion::to_string(a.placement), motion::to_string(a.guess_confidence), e[0], e[1],
               e[2]);
  } else {
    fmt::print("  placement:   {}\n", motion::to_string(a.placement));
  }
  fmt::print("  jumps:       {}\n", s.jumps);
  const motion::GateCounts& g = a.gate;
  fmt::print("  gate:        {} of {} jump-like events counted ({} short flight, {} no rope "
             "turning, {} out of rhythm; {} runs)\n",
             g.kept, g.candidates, g.short_flight, g.not_turning, g.no_rhythm, g.runs);
  if (a.segments.size() > 1) {
    for (const motion::SegmentGate& part : a.segments) {
      const std::string why = motion::explain_gate(part.counts, a.placement);
      fmt::print("  part:        {:.1f}-{:.1f} s at {:.0f} Hz: {} counted{}{}\n", part.start_s,
                 part.end_s, part.rate_hz, part.counts.kept, why.empty() ? "" : "; ", why);
    }
  }
  fmt::print("  active:      {:.0f} s\n", s.active_seconds);
  fmt::print("  cadence:     {:.0f} per minute (median)\n", s.cadence_per_min);
  fmt::print("  rhythm CV:   {:.3f}\n", s.rhythm_cv);
  fmt::print("  trips:       {}, longest unbroken run {}\n", s.trips, s.longest_run);
  if (s.jump_height_cm > 0) {
    fmt::print("  jump height: {:.1f} cm (median)\n", s.jump_height_cm);
  } else {
    fmt::print("  jump height: not shown at this placement\n");
  }
  if (s.impact_g > 0) {
    fmt::print("  impact:      {:.1f} g (median){}\n", s.impact_g,
               s.impact_clipped ? ", at the sensor's range" : "");
  } else {
    fmt::print("  impact:      not shown at this placement\n");
  }
  for (const std::string& note : s.feedback) fmt::print("  form:        {}\n", note);
  for (const std::string& warning : a.warnings) fmt::print("  warning:     {}\n", warning);
}

// Writes next to the target and renames, so a failure never leaves a partial file behind.
Status write_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".partial-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error::unavailable("cannot write " + temporary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Error::unavailable("cannot write " + temporary);
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return Error::unavailable("cannot write " + path + ": " + error.message());
  }
  return Status::success();
}

// Keeps the file with the local person's session of --keep-for, analysed as an upload is, so the
// next plan reads what it measured.
Status keep_recording(const AnalyzeArgs& args, const CliContext& ctx) {
  const std::optional<Date> date = Date::parse(args.keep_for);
  if (!date) return Error::invalid("--keep-for", "must be a date written YYYY-MM-DD, got '" + args.keep_for + "'");
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return Error::invalid("FILE", "cannot read " + args.file);
  const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BB_ASSIGN_OR_RETURN(auto url, database_url(ctx));
  BB_ASSIGN_OR_RETURN(auto persons, store::open_person_store(url));
  BB_RETURN_IF_ERROR(
      persons->transaction([&] { return persons->ensure_person(app::kLocalPerson); }));
  BB_ASSIGN_OR_RETURN(auto recordings, store::open_recording_store(url));
  app::UploadRequest request;
  request.date = *date;
  request.name = std::filesystem::path(args.file).filename().string();
  if (!motion::parse_placement(args.placement, request.placement))
    return Error::invalid("--placement", "unknown placement " + args.placement);
  request.units = args.units == "g"     ? motion::Units::kG
                  : args.units == "ms2" ? motion::Units::kMetersPerSecond2
                                        : motion::Units::kAuto;
  request.strictness = args.lenient ? motion::Strictness::kLenient : motion::Strictness::kStrict;
  request.created_at = static_cast<app::UnixSeconds>(std::time(nullptr));
  BB_ASSIGN_OR_RETURN(auto kept,
                      app::RecordingService(*recordings).upload(app::kLocalPerson, request, csv));
  fmt::print(stderr, "Kept with the session of {} as recording {}.\n", date->to_string(),
             kept.header.id);
  return Status::success();
}

void run_analyze(const AnalyzeArgs& args, CliContext& ctx) {
  app::MotionFileOptions options;
  if (!motion::parse_placement(args.placement, options.placement)) {
    ctx.exit_code = report(Error::invalid("--placement", "unknown placement " + args.placement));
    return;
  }
  options.csv.units = args.units == "g"     ? motion::Units::kG
                      : args.units == "ms2" ? motion::Units::kMetersPerSecond2
                                            : motion::Units::kAuto;
  options.csv.strictness =
      args.lenient ? motion::Strictness::kLenient : motion::Strictness::kStrict;
  options.plot = args.svg.empty() ? app::MotionPlot::kNone : app::MotionPlot::kEnvelope;
  const auto analysis = app::analyze_motion_file(args.file, options);
  if (!analysis.ok()) {
    ctx.exit_code = report(analysis.error());
    return;
  }
  if (!args.svg.empty()) {
    motion::PlotLabels labels;
    labels.title = std::filesystem::path(args.file).filename().string();
    labels.placement = motion::to_string(analysis->placement);
    const std::string svg =
        motion::render_svg(*analysis->envelope, analysis->events, analysis->summary, labels);
    if (Status status = write_atomically(args.svg, svg); !status.ok()) {
      ctx.exit_code = report(status.error());
      return;
    }
  }
  if (!args.keep_for.empty()) {
    if (Status kept = keep_recording(args, ctx); !kept.ok()) {
      ctx.exit_code = report(kept.error());
      return;
    }
  }
  if (args.json) {
    const std::string out = app::motion_analysis_to_json(*analysis).dump(2);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
  } else {
    print_text(args.file, *analysis);
  }
}

}  // namespace

void register_analyze_command(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "analyze", "Count the jumps in an accelerometer CSV recording and describe their form");
  auto args = std::make_shared<AnalyzeArgs>();
  cmd->add_option("FILE", args->file, "CSV export from a phone sensor app or a wearable")
      ->required();
  cmd->add_option("--placement", args->placement, "Where the sensor was worn")
      ->check(CLI::IsMember({"ankle", "wrist", "pocket", "waist", "chest", "auto"}))
      ->capture_default_str();
  cmd->add_option("--units", args->units, "Acceleration units when the file does not say")
      ->check(CLI::IsMember({"g", "ms2", "auto"}))
      ->capture_default_str();
  cmd->add_flag("--lenient", args->lenient, "Skip and count malformed rows instead of failing");
  cmd->add_flag("--json", args->json, "Print JSON instead of a readable summary");
  cmd->add_option("--svg", args->svg, "Also draw the signal with every jump marked to this file");
  cmd->add_option("--keep-for", args->keep_for,
                  "Keep the file with the session of this date (YYYY-MM-DD), so the next plan "
                  "reads what it measured");
  cmd->callback([&ctx, args] { run_analyze(*args, ctx); });
}

}  // namespace bb::cli
