// Internal to the person's commands (setup_commands.cc, day_commands.cc, record_commands.cc):
// dates, parsing with the field named, asking at a terminal or from piped answers, the workspace
// (store, catalog, use cases) and rendering for people.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/daily_service.h"
#include "app/recording_store.h"
#include "base/date.h"
#include "base/result.h"
#include "cli/cli.h"
#include "coach/catalog.h"
#include "coach/model.h"
#include "coach/plan.h"

namespace bb::cli::person {

// The command line's only clock read; everything else takes the date as input.
Date local_today();
Result<Date> parse_date(const std::string& text, const std::string& field);
Result<int> parse_int(const std::string& text, const std::string& field, int low, int high);
Result<double> parse_minutes(const std::string& text, const std::string& field);
Result<bool> parse_yes_no(const std::string& text, const std::string& field);
std::string join(const std::vector<std::string>& words, const std::string& separator);
std::vector<std::string> split_list(const std::string& text);

// Parses one of a closed set of wire names with `parse` (a coach::*_from function).
template <typename Enum, typename Parse>
Result<Enum> parse_word(const std::string& text, const std::string& field,
                        const std::vector<std::string>& choices, Parse parse) {
  if (const std::optional<Enum> value = parse(text)) return *value;
  return Error::invalid(field, "must be one of " + join(choices, ", ") + ", got '" + text + "'");
}

inline const std::vector<std::string> kFeelChoices = {"sensitive", "okay", "good"};
inline const std::vector<std::string> kLegChoices = {"none", "above_knee", "below_knee"};
inline const std::vector<std::string> kStopChoices = {"none", "sharp_pain", "fatigue", "other"};
inline const std::vector<std::string> kExperienceChoices = {"none", "some", "regular"};
inline const std::vector<std::string> kRopeChoices = {"none",      "beaded", "speed_quarter_lb",
                                               "pvc_speed", "heavy",  "ropeless"};
inline const std::vector<std::string> kAggravatorChoices = {"sitting", "bending", "standing",
                                                     "arching", "walking", "lying"};

// Asking questions. At a terminal a wrong answer is explained and asked again; when the answers
// are piped in, a wrong or missing answer is an error naming the field.
class Prompter {
 public:
  enum class Mode { kTerminal, kPiped };
  Prompter(Mode mode, std::FILE* out) : mode_(mode), out_(out) {}

  [[nodiscard]] bool at_terminal() const { return mode_ == Mode::kTerminal; }
  void say(const std::string& text) const { std::fputs((text + "\n").c_str(), out_); }

  // Asks until `parse` accepts the answer (terminal) or once (piped).
  template <typename T, typename Parse>
  Result<T> ask(const std::string& field, const std::string& question, Parse parse) const {
    for (;;) {
      std::fputs((question + " ").c_str(), out_);
      std::fflush(out_);
      std::string line;
      if (!std::getline(std::cin, line)) {
        std::fputs("\n", out_);
        return Error::invalid(field, "no answer given");
      }
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!at_terminal()) std::fputs((line + "\n").c_str(), out_);  // a readable transcript
      Result<T> parsed = parse(line);
      if (parsed.ok() || !at_terminal()) return parsed;
      say("  " + parsed.error().message + ". Please try again.");
    }
  }

  Result<int> ask_int(const std::string& field, const std::string& question, int low,
                      int high) const {
    return ask<int>(field, question,
                    [&](const std::string& s) { return parse_int(s, field, low, high); });
  }
  Result<bool> ask_yes_no(const std::string& field, const std::string& question) const {
    return ask<bool>(field, question + " [y/n]",
                     [&](const std::string& s) { return parse_yes_no(s, field); });
  }
  Result<std::string> ask_text(const std::string& field, const std::string& question) const {
    return ask<std::string>(field, question,
                            [](const std::string& s) -> Result<std::string> { return s; });
  }

 private:
  Mode mode_;
  std::FILE* out_;
};

Prompter::Mode stdin_mode();

// A flag that is given on the command line, or else asked for at a terminal.
struct Flag {
  std::string value;
  CLI::Option* option = nullptr;
  [[nodiscard]] bool given() const { return option != nullptr && option->count() > 0; }
};

void add_flag(CLI::App* cmd, Flag& flag, const std::string& name, const std::string& help);
Error missing(const std::string& field, const std::string& expected);

// The flag's value if given; else the answer to `question` at a terminal; else an error.
template <typename T, typename Parse>
Result<T> resolve(const Flag& flag, const Prompter& prompter, const std::string& field,
                  const std::string& question, const std::string& expected, Parse parse) {
  if (flag.given()) return parse(flag.value);
  if (!prompter.at_terminal()) return missing(field, expected);
  return prompter.ask<T>(field, question, parse);
}

Result<int> resolve_int(const Flag& flag, const Prompter& prompter, const std::string& field,
                        const std::string& question, int low, int high);

// Options every person command shares.
struct CommonOptions {
  std::string date;
  bool json = false;
};

void add_common(CLI::App* cmd, CommonOptions& common);
Result<Date> resolve_date(const CommonOptions& common);

// The opened database, the catalog and the use cases on top of them.
struct Workspace {
  std::unique_ptr<app::PersonStore> store;
  std::unique_ptr<app::RecordingStore> recordings;  // what sessions measured
  coach::Catalog catalog;
  std::unique_ptr<app::DailyService> service;
};

Result<std::unique_ptr<Workspace>> open_workspace(const CliContext& ctx);

// Running a command: every callback goes through here so errors become exit statuses.
template <typename Body>
void run(CliContext& ctx, Body body) {
  const Status status = body();
  if (!status.ok()) ctx.exit_code = report(status.error());
}

void print_json(const nlohmann::json& doc);

// The value of `result` as JSON through `to_json` (with --json) or for people through `render`,
// or its error.
template <typename T, typename ToJson, typename Render>
Status print_result(const CommonOptions& common, Result<T> result, ToJson to_json, Render render) {
  BB_ASSIGN_OR_RETURN(const T value, std::move(result));
  if (common.json) {
    print_json(to_json(value));
  } else {
    render(value);
  }
  return Status::success();
}

// A subcommand of `parent` whose only options are the common ones: it resolves the date, opens
// the workspace and hands them to `body(common, date, workspace)`, which renders and returns the
// status.
template <typename Body>
void add_dated_command(CLI::App& parent, CliContext& ctx, const std::string& name,
                       const std::string& description, Body body) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = parent.add_subcommand(name, description);
  add_common(cmd, *common);
  cmd->callback([&ctx, common, body] {
    run(ctx, [&]() -> Status {
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(*common));
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      return body(*common, date, *workspace);
    });
  });
}

// Wraps text at the terminal width, every line starting with `indent` and the first with `lead`.
std::string wrap(const std::string& text, const std::string& indent, const std::string& lead);
std::string words(const char* wire_id);  // "basic_bounce" -> "basic bounce"
std::string number(double value);        // at most one decimal

// Rendering for people: calm, short sentences.
void render_plan(const coach::Plan& plan, const coach::Catalog& catalog);
void render_screen(const app::ScreenSummary& summary);
void render_profile(const coach::Profile& profile);

// Questions shared by a command and the guided `today`.
Result<std::vector<coach::Aggravator>> parse_aggravators(const std::string& text,
                                                         const std::string& field);
Result<coach::Screening> ask_screen(const Prompter& p);
Result<std::vector<coach::RedFlag>> ask_urgent(const Prompter& p);

}  // namespace bb::cli::person
