// Looking back and measuring: history, progress, the PEG-3 and PSFS measures, rope advice.
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/day_json.h"
#include "app/plan_json.h"
#include "cli/person_support.h"

namespace bb::cli {
namespace {

using namespace person;  // NOLINT(google-build-using-namespace): this file's own toolkit
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// history and progress

void render_history(const std::vector<app::HistoryDay>& days) {
  if (days.empty()) {
    fmt::print("No check-ins yet. Start with `bounceback checkin`.\n");
    return;
  }
  fmt::print("{:<11} {:>4}  {:<10} {:<12} {:<26} {}\n", "Date", "Pain", "Feel", "Plan", "Session",
             "Last rope session");
  for (const app::HistoryDay& day : days) {
    std::string session = "-";
    if (day.session) {
      session = fmt::format("{} min rope, worst {}/10", number(day.session->rope_minutes),
                            day.session->pain_during_max);
    }
    fmt::print("{:<11} {:>4}  {:<10} {:<12} {:<26} {}\n", day.date.to_string(), day.checkin.pain,
               coach::to_string(day.checkin.feel), coach::to_string(day.plan.day_type), session,
               day.plan.traffic_light ? coach::to_string(*day.plan.traffic_light) : "-");
  }
}

void register_history(CLI::App& app, CliContext& ctx) {
  add_dated_command(
      app, ctx, "history", "Every day you checked in, with its plan and session",
      [](const CommonOptions& common, Date date, Workspace& workspace) {
        return print_result(common, workspace.service->history(app::kLocalPerson, date),
                            app::history_to_json, render_history);
      });
}

void render_progress(const app::Progress& progress) {
  if (progress.pain.empty()) {
    fmt::print("No check-ins yet. Start with `bounceback checkin`.\n");
  } else {
    fmt::print("Pain at check-in\n");
    for (const auto& point : progress.pain) {
      fmt::print("  {}  {:>2}/10  {}\n", point.date.to_string(), point.pain,
                 std::string(static_cast<std::size_t>(point.pain), '#'));
    }
    if (progress.pain_change) {
      fmt::print("{}\n", wrap(progress.pain_change->explanation, "  ", "  "));
    } else {
      fmt::print("  Two separate weeks of check-ins are needed to judge a change in pain.\n");
    }
    fmt::print("\nRope time per week\n");
    for (const auto& week : progress.rope_weeks) {
      fmt::print("  week of {}  {:>5} min in {} session{}\n", week.week_start.to_string(),
                 number(week.rope_minutes), week.sessions, week.sessions == 1 ? "" : "s");
    }
    int counts[3] = {0, 0, 0};
    for (const auto& light : progress.traffic_lights) ++counts[static_cast<int>(light.light)];
    fmt::print("\nHow rope sessions went: {} green, {} amber, {} red.\n", counts[0], counts[1],
               counts[2]);
  }
  if (!progress.peg.empty()) {
    fmt::print("\nPEG-3 (pain and how much it gets in the way, 0-10)\n");
    for (const auto& entry : progress.peg) {
      fmt::print("  {}  {}\n", entry.date.to_string(), number(entry.peg.score()));
    }
    if (progress.peg_change) fmt::print("{}\n", wrap(progress.peg_change->explanation, "  ", "  "));
  }
  if (!progress.psfs.empty()) {
    fmt::print("\nYour activities (0 unable, 10 as before)\n");
    for (const auto& entry : progress.psfs) {
      fmt::print("  {}  {}\n", entry.date.to_string(), number(entry.psfs.score()));
    }
    if (progress.psfs_change) {
      fmt::print("{}\n", wrap(progress.psfs_change->explanation, "  ", "  "));
    }
  }
}

void register_progress(CLI::App& app, CliContext& ctx) {
  add_dated_command(
      app, ctx, "progress", "Pain, rope time and measures over time",
      [](const CommonOptions& common, Date date, Workspace& workspace) {
        return print_result(common, workspace.service->progress(app::kLocalPerson, date),
                            app::progress_to_json, render_progress);
      });
}

// ---------------------------------------------------------------------------------------------
// measure peg / psfs

void print_measure(const CommonOptions& common, Date date, const char* name,
                   const app::MeasureResult& result) {
  if (common.json) {
    print_json(app::measure_result_to_json(date, name, result));
    return;
  }
  fmt::print("{} recorded for {}: {}.\n", name, date.to_string(), number(result.score));
  if (result.change) {
    fmt::print("{}\n", wrap(result.change->explanation, "", ""));
  } else {
    fmt::print("This is your starting point: later entries are compared with it.\n");
  }
}

void register_measure(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("measure", "Record a PEG-3 or PSFS measure");
  group->require_subcommand(1);

  struct PegFlags {
    CommonOptions common;
    Flag pain, enjoyment, activity;
  };
  auto peg_flags = std::make_shared<PegFlags>();
  auto* peg = group->add_subcommand("peg", "PEG-3: pain and interference over the past week");
  add_common(peg, peg_flags->common);
  add_flag(peg, peg_flags->pain, "--pain", "Average pain in the past week, 0-10");
  add_flag(peg, peg_flags->enjoyment, "--enjoyment",
           "How much pain got in the way of enjoying life, 0-10");
  add_flag(peg, peg_flags->activity, "--activity",
           "How much pain got in the way of general activity, 0-10");
  peg->callback([&ctx, peg_flags] {
    run(ctx, [&]() -> Status {
      const PegFlags& f = *peg_flags;
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f.common));
      const Prompter p(stdin_mode(), f.common.json ? stderr : stdout);
      coach::Peg3 entry;
      BB_ASSIGN_OR_RETURN(
          auto pain, resolve_int(f.pain, p, "--pain",
                                 "In the past week, what was your average pain, 0-10?", 0, 10));
      entry.average_pain = pain;
      BB_ASSIGN_OR_RETURN(
          auto enjoyment,
          resolve_int(f.enjoyment, p, "--enjoyment",
                      "In the past week, how much did pain get in the way of enjoying life, 0-10?",
                      0, 10));
      entry.enjoyment_interference = enjoyment;
      BB_ASSIGN_OR_RETURN(
          auto activity,
          resolve_int(
              f.activity, p, "--activity",
              "In the past week, how much did pain get in the way of your general activity, 0-10?",
              0, 10));
      entry.activity_interference = activity;
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto result, workspace->service->add_peg(app::kLocalPerson, date, entry));
      print_measure(f.common, date, "PEG-3", result);
      return Status::success();
    });
  });

  struct PsfsFlags {
    CommonOptions common;
    std::vector<std::string> activities;
  };
  auto psfs_flags = std::make_shared<PsfsFlags>();
  auto* psfs = group->add_subcommand(
      "psfs", "Activities you find hard, each scored 0 (unable) to 10 (as before)");
  add_common(psfs, psfs_flags->common);
  psfs->add_option("--activity", psfs_flags->activities,
                   "NAME=SCORE, 3 to 5 times, e.g. --activity \"tying shoes=4\"");
  psfs->callback([&ctx, psfs_flags] {
    run(ctx, [&]() -> Status {
      const PsfsFlags& f = *psfs_flags;
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f.common));
      const Prompter p(stdin_mode(), f.common.json ? stderr : stdout);
      coach::Psfs entry;
      if (!f.activities.empty()) {
        for (std::size_t i = 0; i < f.activities.size(); ++i) {
          const std::string& text = f.activities[i];
          const std::string field = fmt::format("--activity[{}]", i);
          const auto equals = text.rfind('=');
          if (equals == std::string::npos) {
            return Error::invalid(field, "must be NAME=SCORE, got '" + text + "'");
          }
          BB_ASSIGN_OR_RETURN(auto score, parse_int(text.substr(equals + 1), field, 0, 10));
          entry.activities.push_back({text.substr(0, equals), score});
        }
      } else if (p.at_terminal()) {
        p.say(
            "Name 3 to 5 activities your back makes hard, and score each from 0 (unable) to "
            "10 (as before). Press Enter on an empty name when done.");
        while (entry.activities.size() < 5) {
          BB_ASSIGN_OR_RETURN(
              auto name,
              p.ask_text("--activity", fmt::format("Activity {}:", entry.activities.size() + 1)));
          if (name.empty()) break;
          BB_ASSIGN_OR_RETURN(auto score, p.ask_int("--activity", "  Score 0-10:", 0, 10));
          entry.activities.push_back({name, score});
        }
      } else {
        return missing("--activity", "NAME=SCORE (3 to 5 times)");
      }
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto result,
                          workspace->service->add_psfs(app::kLocalPerson, date, entry));
      print_measure(f.common, date, "PSFS", result);
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// rope-advice

void render_rope_advice(const coach::RopeAdvice& advice) {
  fmt::print("{}\n", wrap(advice.recommendation, "", ""));
  if (!advice.about_owned.empty()) fmt::print("{}\n", wrap(advice.about_owned, "", ""));
  fmt::print("\nLength: about {} cm overall.\n", advice.length_cm);
  if (!advice.length_note.empty()) fmt::print("{}\n", wrap(advice.length_note, "", ""));
  if (!advice.avoid.empty()) {
    fmt::print("\nFor now, avoid:\n");
    for (const auto& item : advice.avoid) fmt::print("{}\n", wrap(item, "    ", "  * "));
  }
  fmt::print("\n{}\n{}\n", wrap("Surface: " + advice.surface, "", ""),
             wrap("Shoes: " + advice.shoes, "", ""));
}

// The date is checked like every command's although the advice does not depend on it.
void register_rope_advice(CLI::App& app, CliContext& ctx) {
  add_dated_command(app, ctx, "rope-advice", "Which rope, what length, where to jump",
                    [](const CommonOptions& common, Date, Workspace& workspace) {
                      return print_result(common, workspace.service->rope_advice(app::kLocalPerson),
                                          app::rope_advice_to_json, render_rope_advice);
                    });
}

}  // namespace

void register_record_commands(CLI::App& app, CliContext& ctx) {
  register_history(app, ctx);
  register_progress(app, ctx);
  register_measure(app, ctx);
  register_rope_advice(app, ctx);
}

}  // namespace bb::cli
