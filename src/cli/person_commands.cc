// The person's commands: profile, screen, clearance, checkin, plan, log, followup, history,
// progress, measure, rope-advice, and `today`, the guided daily flow. Each one parses its input
// (flags, or questions at a terminal), calls the app layer once, and renders text or JSON.
// Input is checked completely before anything is written, so bad input leaves no trace.
#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/catalog_loader.h"
#include "app/daily_service.h"
#include "app/day_json.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "cli/cli.h"
#include "coach/catalog.h"
#include "coach/model.h"
#include "store/store_factory.h"

namespace bb::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kWrapColumn = 88;

// ---------------------------------------------------------------------------------------------
// Dates: the command line's only clock read. Everything below it takes the date as input.

Date local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(Date());
}

Result<Date> parse_date(const std::string& text, const std::string& field) {
  if (const std::optional<Date> date = Date::parse(text)) return *date;
  return Error::invalid(field, "must be a date written YYYY-MM-DD, got '" + text + "'");
}

// ---------------------------------------------------------------------------------------------
// Parsing words and numbers, each error naming its field.

Result<int> parse_int(const std::string& text, const std::string& field, int low, int high) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return Error::invalid(
        field, fmt::format("must be a whole number from {} to {}, got '{}'", low, high, text));
  }
  if (value < low || value > high) {
    return Error::invalid(
        field, fmt::format("must be a whole number from {} to {}, got {}", low, high, value));
  }
  return value;
}

Result<double> parse_minutes(const std::string& text, const std::string& field) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0 ||
      value > 120) {
    return Error::invalid(field, "must be a number of minutes from 0 to 120, got '" + text + "'");
  }
  return value;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += separator;
    out += word;
  }
  return out;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : text + ",") {
    if (c == ',') {
      const auto first = current.find_first_not_of(' ');
      if (first != std::string::npos) {
        out.push_back(current.substr(first, current.find_last_not_of(' ') - first + 1));
      }
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

// Parses one of a closed set of wire names with `parse` (a coach::*_from function).
template <typename Enum, typename Parse>
Result<Enum> parse_word(const std::string& text, const std::string& field,
                        const std::vector<std::string>& choices, Parse parse) {
  if (const std::optional<Enum> value = parse(text)) return *value;
  return Error::invalid(field, "must be one of " + join(choices, ", ") + ", got '" + text + "'");
}

Result<bool> parse_yes_no(const std::string& text, const std::string& field) {
  if (text == "y" || text == "yes") return true;
  if (text == "n" || text == "no") return false;
  return Error::invalid(field, "must be yes or no, got '" + text + "'");
}

const std::vector<std::string> kFeelChoices = {"sensitive", "okay", "good"};
const std::vector<std::string> kLegChoices = {"none", "above_knee", "below_knee"};
const std::vector<std::string> kStopChoices = {"none", "sharp_pain", "fatigue", "other"};
const std::vector<std::string> kExperienceChoices = {"none", "some", "regular"};
const std::vector<std::string> kRopeChoices = {"none",      "beaded", "speed_quarter_lb",
                                               "pvc_speed", "heavy",  "ropeless"};
const std::vector<std::string> kAggravatorChoices = {"sitting", "bending", "standing",
                                                     "arching", "walking", "lying"};

// ---------------------------------------------------------------------------------------------
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

Prompter::Mode stdin_mode() {
  return ::isatty(STDIN_FILENO) ? Prompter::Mode::kTerminal : Prompter::Mode::kPiped;
}

// A flag that is given on the command line, or else asked for at a terminal.
struct Flag {
  std::string value;
  CLI::Option* option = nullptr;
  [[nodiscard]] bool given() const { return option != nullptr && option->count() > 0; }
};

void add_flag(CLI::App* cmd, Flag& flag, const std::string& name, const std::string& help) {
  flag.option = cmd->add_option(name, flag.value, help);
}

Error missing(const std::string& field, const std::string& expected) {
  return Error::invalid(field, "missing: pass " + field + " " + expected);
}

// The flag's value if given; else the answer to `question` at a terminal; else an error.
template <typename T, typename Parse>
Result<T> resolve(const Flag& flag, const Prompter& prompter, const std::string& field,
                  const std::string& question, const std::string& expected, Parse parse) {
  if (flag.given()) return parse(flag.value);
  if (!prompter.at_terminal()) return missing(field, expected);
  return prompter.ask<T>(field, question, parse);
}

Result<int> resolve_int(const Flag& flag, const Prompter& prompter, const std::string& field,
                        const std::string& question, int low, int high) {
  return resolve<int>(flag, prompter, field, question, fmt::format("<{}-{}>", low, high),
                      [&](const std::string& s) { return parse_int(s, field, low, high); });
}

// ---------------------------------------------------------------------------------------------
// Options every person command shares.

struct CommonOptions {
  std::string date;
  bool json = false;
};

void add_common(CLI::App* cmd, CommonOptions& common) {
  cmd->add_option("--date", common.date, "The day this is about, YYYY-MM-DD (default: today)");
  cmd->add_flag("--json", common.json, "Print machine-readable JSON");
}

Result<Date> resolve_date(const CommonOptions& common) {
  if (common.date.empty()) return local_today();
  return parse_date(common.date, "--date");
}

// The opened database, the catalog and the use cases on top of them.
struct Workspace {
  std::unique_ptr<app::PersonStore> store;
  coach::Catalog catalog;
  std::unique_ptr<app::DailyService> service;
};

Result<std::unique_ptr<Workspace>> open_workspace(const CliContext& ctx) {
  auto url = database_url(ctx);
  if (!url.ok()) return url.error();
  auto catalog = app::load_embedded_catalog();
  if (!catalog.ok()) return catalog.error();
  auto opened = store::open_person_store(*url);
  if (!opened.ok()) return opened.error();
  auto workspace = std::make_unique<Workspace>();
  workspace->store = std::move(*opened);
  workspace->catalog = std::move(*catalog);
  workspace->service = std::make_unique<app::DailyService>(*workspace->store, workspace->catalog);
  return workspace;
}

void print_json(const json& doc) {
  std::cout << doc.dump(2) << '\n';
}

// Wraps `text` at kWrapColumn, every line starting with `indent` and the first with `lead`.
std::string wrap(const std::string& text, const std::string& indent, const std::string& lead) {
  std::string out = lead;
  std::size_t column = lead.size();
  std::size_t start = 0;
  bool first_word = true;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    const std::string word = text.substr(start, space - start);
    start = space + 1;
    if (word.empty()) continue;
    if (!first_word && column + 1 + word.size() > kWrapColumn) {
      out += "\n" + indent;
      column = indent.size();
    } else if (!first_word) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first_word = false;
  }
  return out;
}

std::string words(const char* wire_id) {
  std::string text = wire_id;
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  return text;
}

std::string number(double value) {
  const double rounded = std::round(value * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) return fmt::format("{:.0f}", rounded);
  return fmt::format("{:.1f}", rounded);
}

// ---------------------------------------------------------------------------------------------
// Rendering for people: calm, short sentences.

const char* part_heading(coach::SessionPart part) {
  switch (part) {
    case coach::SessionPart::kWarmUp: return "Warm-up";
    case coach::SessionPart::kMain: return "Stretching and restorative yoga";
    case coach::SessionPart::kRope: return "Rope";
    case coach::SessionPart::kCoolDown: return "Cool-down";
  }
  return "";
}

// The session as the engine scripted it, numbered step by step, under a heading per part. The
// rope rounds and the rests between them are one line: the steps they span and their rhythm.
void render_steps(const coach::Plan& plan, const coach::Catalog& catalog) {
  const std::vector<coach::SessionStep>& steps = plan.steps;
  std::optional<coach::SessionPart> part;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const coach::SessionStep& step = steps[i];
    if (step.part != part) {
      part = step.part;
      fmt::print("\n{}\n", part_heading(step.part));
    }
    if (step.kind == coach::StepKind::kRope || step.kind == coach::StepKind::kRest) {
      std::size_t last = i;
      int rounds = 0;
      int rest_seconds = 0;
      while (last < steps.size() && steps[last].part == coach::SessionPart::kRope) {
        if (steps[last].kind == coach::StepKind::kRope) ++rounds;
        if (steps[last].kind == coach::StepKind::kRest) rest_seconds = steps[last].seconds;
        ++last;
      }
      const std::string range = last - i > 1 ? fmt::format("{}-{}", i + 1, last) : fmt::format("{}", i + 1);
      int work_seconds = 0;
      for (std::size_t k = i; k < last; ++k)
        if (steps[k].kind == coach::StepKind::kRope) work_seconds += steps[k].seconds;
      std::string rhythm = fmt::format("{} round{} of {} s at {} turns/min, {}", rounds,
                                       rounds == 1 ? "" : "s", step.seconds, step.cadence_per_min,
                                       words(coach::to_string(step.skill)));
      if (rest_seconds > 0) rhythm += fmt::format(", {} s of easy rest between rounds", rest_seconds);
      rhythm += fmt::format(": {} min of rope time.", number(work_seconds / 60.0));
      fmt::print("{}\n", wrap(rhythm, "         ", fmt::format("  {:>5}. ", range)));
      const char* form = step.skill == coach::RopeSkill::kSideSwing
                             ? "Swing the rope at your side and step lightly in time, without "
                               "jumping. Stop if the pain turns sharp or keeps rising."
                             : "Jump just high enough to clear the rope and land softly on the "
                               "balls of your feet. Stop if the pain turns sharp or keeps rising.";
      fmt::print("{}\n", wrap(form, "         ", "         "));
      i = last - 1;
      continue;
    }
    const coach::CatalogItem* item = catalog.find(step.item);
    const std::string name = item != nullptr ? item->name : step.item;
    std::string dose = step.kind == coach::StepKind::kReps
                           ? fmt::format("{} slow reps", step.reps)
                           : fmt::format("hold {} s", step.seconds);
    const char* side = step.side == coach::Side::kRight ? ", right side"
                       : step.side == coach::Side::kLeft ? ", left side"
                                                          : "";
    fmt::print("  {:>5}. {}{} ({})\n", i + 1, name, side, dose);
    if (item != nullptr && step.side != coach::Side::kLeft) {
      if (!item->cues.empty()) fmt::print("{}\n", wrap(item->cues.front(), "         ", "         "));
      if (!item->breath.empty()) fmt::print("{}\n", wrap(item->breath, "         ", "         "));
    }
  }
}

const char* day_type_headline(coach::DayType type) {
  switch (type) {
    case coach::DayType::kRest:
      return "a rest day: no exercise today";
    case coach::DayType::kRestorative:
      return "a restorative day: gentle stretching and restorative yoga";
    case coach::DayType::kMixed:
      return "a mixed day: stretch, a little rope, stretch";
    case coach::DayType::kRope:
      return "a rope day: a short warm-up, rope, a cool-down";
  }
  return "";
}

const char* light_text(coach::TrafficLight light) {
  switch (light) {
    case coach::TrafficLight::kGreen:
      return "green: your back handled it well";
    case coach::TrafficLight::kAmber:
      return "amber: it was a bit much, so the dose holds";
    case coach::TrafficLight::kRed:
      return "red: it was too much, so the dose steps back";
  }
  return "";
}

void render_plan(const coach::Plan& plan, const coach::Catalog& catalog) {
  fmt::print("Your plan for {} {}: {}.\n", plan.date.weekday_name(), plan.date.to_string(),
             day_type_headline(plan.day_type));
  if (plan.status == coach::PlanStatus::kUrgent) {
    fmt::print("\n{}\n", wrap(coach::safety_advice(coach::FlagSeverity::kUrgent), "", ""));
  } else if (plan.status == coach::PlanStatus::kSeeClinician) {
    fmt::print(
        "\nPlease see a clinician before exercising. When they clear you, record it with\n"
        "`bounceback clearance --date YYYY-MM-DD`.\n");
  }
  if (plan.ask_urgent_questions) {
    fmt::print(
        "\nBefore anything else, check these three questions again. If any answer is "
        "yes,\nseek emergency care now.\n");
    for (const coach::RedFlagInfo& flag : coach::red_flags()) {
      if (flag.severity == coach::FlagSeverity::kUrgent) {
        fmt::print("{}\n", wrap(flag.question, "    ", "  * "));
      }
    }
  }
  if (plan.traffic_light) {
    fmt::print("\nYour last rope session: {}.\n", light_text(*plan.traffic_light));
  }
  if (!plan.steps.empty()) {
    fmt::print("\nYour session, {} steps in order:\n", plan.steps.size());
    render_steps(plan, catalog);
  }
  if (plan.stretch.minutes > 0) {
    fmt::print("\nAbout {} minutes of stretching in all.\n", plan.stretch.minutes);
  }
  if (!plan.reasons.empty()) {
    fmt::print("\nWhy this plan\n");
    for (const coach::Reason& reason : plan.reasons) {
      fmt::print("{}\n", wrap(reason.text, "    ", "  * "));
    }
  }
  if (plan.status == coach::PlanStatus::kOk) {
    fmt::print("\nAfterwards, log how it went: `bounceback log`.\n");
  }
}

void render_screen(const app::ScreenSummary& summary) {
  switch (summary.outcome) {
    case app::ScreenOutcome::kClear:
      fmt::print(
          "Thank you. None of the warning signs apply, so your plans can include "
          "movement.\n");
      return;
    case app::ScreenOutcome::kUrgent:
      fmt::print("One of your answers can be a sign that a nerve needs care straight away:\n");
      for (const coach::RedFlag flag : summary.urgent) {
        fmt::print("{}\n", wrap(coach::info(flag).question, "    ", "  * "));
      }
      fmt::print("\n{}\nTo take them again: `bounceback screen`.\n",
                 wrap(coach::safety_advice(coach::FlagSeverity::kUrgent), "", ""));
      return;
    case app::ScreenOutcome::kSeeClinician:
      fmt::print("Some answers mean a clinician should look at your back before you exercise:\n");
      for (const coach::RedFlag flag : summary.see_clinician) {
        fmt::print("{}\n", wrap(coach::info(flag).question, "    ", "  * "));
      }
      fmt::print("\n{}\n", wrap(coach::safety_advice(coach::FlagSeverity::kSeeClinician), "", ""));
      if (summary.cleared_on) {
        fmt::print("A clearance is on record from {}.\n", summary.cleared_on->to_string());
      } else {
        fmt::print(
            "When a clinician clears you for exercise, record the date:\n"
            "  bounceback clearance --date YYYY-MM-DD\n");
      }
      return;
  }
}

json profile_json(const coach::Profile& profile) {
  return app::profile_to_json(profile);
}

void render_profile(const coach::Profile& p) {
  std::vector<std::string> aggravators;
  for (const coach::Aggravator a : p.aggravated_by) aggravators.emplace_back(coach::to_string(a));
  fmt::print("Born in {}, {} cm tall.\n", p.birth_year, p.height_cm);
  fmt::print("Rope experience: {}. Rope: {}.\n", words(coach::to_string(p.rope_experience)),
             words(coach::to_string(p.rope)));
  fmt::print("Worse with: {}.\n",
             aggravators.empty() ? "nothing in particular" : join(aggravators, ", "));
}

// ---------------------------------------------------------------------------------------------
// Running a command: every callback goes through here so errors become exit statuses.

template <typename Body>
void run(CliContext& ctx, Body body) {
  const Status status = body();
  if (!status.ok()) ctx.exit_code = report(status.error());
}

// ---------------------------------------------------------------------------------------------
// profile

struct ProfileFlags {
  CommonOptions common;
  Flag birth_year, height, experience, rope, aggravated_by;
};

Result<std::vector<coach::Aggravator>> parse_aggravators(const std::string& text,
                                                         const std::string& field) {
  std::vector<coach::Aggravator> out;
  for (const std::string& word : split_list(text)) {
    if (word == "none") continue;
    auto a = parse_word<coach::Aggravator>(word, field, kAggravatorChoices, coach::aggravator_from);
    if (!a.ok()) return a.error();
    out.push_back(*a);
  }
  return out;
}

// Fills `profile` from flags or questions; `have_defaults` says whether `profile` holds stored
// values that may stand in for missing flags.
Status resolve_profile(const ProfileFlags& f, const Prompter& p, Date today, bool have_defaults,
                       coach::Profile& profile) {
  const auto pick_int = [&](const Flag& flag, const std::string& field, const std::string& question,
                            int low, int high, int& target) -> Status {
    if (!flag.given() && have_defaults && !p.at_terminal()) return Status::success();
    auto value = resolve_int(flag, p, field, question, low, high);
    if (!value.ok()) return value.error();
    target = *value;
    return Status::success();
  };
  if (Status s = pick_int(f.birth_year, "--birth-year", "What year were you born?", 1900,
                          today.year(), profile.birth_year);
      !s.ok()) {
    return s;
  }
  if (Status s = pick_int(f.height, "--height-cm", "How tall are you, in centimetres?", 90, 250,
                          profile.height_cm);
      !s.ok()) {
    return s;
  }
  if (f.experience.given() || !have_defaults || p.at_terminal()) {
    auto experience = resolve<coach::RopeExperience>(
        f.experience, p, "--rope-experience", "Have you skipped rope before? (none, some, regular)",
        "<none|some|regular>", [](const std::string& s) {
          return parse_word<coach::RopeExperience>(s, "--rope-experience", kExperienceChoices,
                                                   coach::rope_experience_from);
        });
    if (!experience.ok()) return experience.error();
    profile.rope_experience = *experience;
  }
  if (f.rope.given() || !have_defaults || p.at_terminal()) {
    auto rope = resolve<coach::RopeOwned>(
        f.rope, p, "--rope",
        "Which rope do you have? (none, beaded, speed_quarter_lb, pvc_speed, heavy, ropeless)",
        "<" + join(kRopeChoices, "|") + ">", [](const std::string& s) {
          return parse_word<coach::RopeOwned>(s, "--rope", kRopeChoices, coach::rope_owned_from);
        });
    if (!rope.ok()) return rope.error();
    profile.rope = *rope;
  }
  if (f.aggravated_by.given() || p.at_terminal()) {
    auto aggravators = resolve<std::vector<coach::Aggravator>>(
        f.aggravated_by, p, "--aggravated-by",
        "What makes your back worse? List any of sitting, bending, standing, arching, walking, "
        "lying, separated by commas (or none):",
        "<list or none>",
        [](const std::string& s) { return parse_aggravators(s, "--aggravated-by"); });
    if (!aggravators.ok()) return aggravators.error();
    profile.aggravated_by = *aggravators;
  }
  return Status::success();
}

void register_profile(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("profile", "Show or set your profile");
  group->require_subcommand(1);

  auto show_opts = std::make_shared<CommonOptions>();
  auto* show = group->add_subcommand("show", "Show your profile");
  add_common(show, *show_opts);
  show->callback([&ctx, show_opts] {
    run(ctx, [&]() -> Status {
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto profile = (*workspace)->service->profile(app::kLocalPerson);
      if (!profile.ok()) return profile.error();
      if (!profile->has_value()) {
        return Error::not_found("no profile yet: set it with `bounceback profile set`");
      }
      if (show_opts->json) {
        print_json(profile_json(**profile));
      } else {
        render_profile(**profile);
      }
      return Status::success();
    });
  });

  auto f = std::make_shared<ProfileFlags>();
  auto* set = group->add_subcommand("set", "Set your profile (asks at a terminal)");
  add_common(set, f->common);
  add_flag(set, f->birth_year, "--birth-year", "Year of birth");
  add_flag(set, f->height, "--height-cm", "Height in centimetres");
  add_flag(set, f->experience, "--rope-experience", "none, some or regular");
  add_flag(set, f->rope, "--rope", join(kRopeChoices, ", "));
  add_flag(set, f->aggravated_by, "--aggravated-by",
           "Comma-separated: sitting, bending, standing, arching, walking, lying (or none)");
  set->callback([&ctx, f] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(f->common);
      if (!date.ok()) return date.error();
      // Stored values stand in for flags not given, so the profile is read first; nothing is
      // written until every field is valid.
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto stored = (*workspace)->service->profile(app::kLocalPerson);
      if (!stored.ok()) return stored.error();
      coach::Profile profile = stored->value_or(coach::Profile{});
      if (Status s = resolve_profile(*f, prompter, *date, stored->has_value(), profile); !s.ok())
        return s;
      if (Status s = (*workspace)->service->save_profile(app::kLocalPerson, *date, profile);
          !s.ok()) {
        return s;
      }
      if (f->common.json) {
        print_json(profile_json(profile));
      } else {
        fmt::print("Profile saved.\n");
        render_profile(profile);
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// screen and clearance

Result<coach::Screening> ask_screen(const Prompter& p) {
  p.say("A few questions about warning signs. They keep exercise safe; answer yes or no.");
  coach::Screening screening;
  int number_asked = 0;
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    ++number_asked;
    auto yes = p.ask_yes_no(std::string("screen.") + flag.id,
                            fmt::format("{:2}. {}", number_asked, flag.question));
    if (!yes.ok()) return yes.error();
    screening.answers[static_cast<std::size_t>(flag.flag)] = *yes;
  }
  return screening;
}

Result<coach::Screening> screening_from_flags(const std::string& yes_list, bool none_given) {
  coach::Screening screening;
  const std::vector<std::string> ids = split_list(yes_list);
  if (none_given && !ids.empty()) {
    return Error::invalid("--yes", "--none and --yes cannot be used together");
  }
  for (const std::string& id : ids) {
    const std::optional<coach::RedFlag> flag = coach::red_flag_from(id);
    if (!flag) {
      std::vector<std::string> known;
      for (const auto& info : coach::red_flags()) known.emplace_back(info.id);
      return Error::invalid("--yes",
                            "unknown red-flag id '" + id + "'; known ids: " + join(known, ", "));
    }
    screening.answers[static_cast<std::size_t>(*flag)] = true;
  }
  return screening;
}

void register_screen(CLI::App& app, CliContext& ctx) {
  struct ScreenFlags {
    CommonOptions common;
    Flag yes;
    bool none = false;
  };
  auto f = std::make_shared<ScreenFlags>();
  auto* cmd = app.add_subcommand("screen", "Take the ten-question safety screen");
  add_common(cmd, f->common);
  add_flag(cmd, f->yes, "--yes", "Comma-separated ids of the questions answered yes");
  cmd->add_flag("--none", f->none, "Every question answered no");
  cmd->callback([&ctx, f] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(f->common);
      if (!date.ok()) return date.error();
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      Result<coach::Screening> screening = coach::Screening{};
      if (f->yes.given() || f->none) {
        screening = screening_from_flags(f->yes.value, f->none);
      } else if (prompter.at_terminal()) {
        screening = ask_screen(prompter);
      } else {
        return missing("--yes", "<ids> or --none");
      }
      if (!screening.ok()) return screening.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto summary = (*workspace)->service->take_screen(app::kLocalPerson, *date, *screening);
      if (!summary.ok()) return summary.error();
      if (f->common.json) {
        print_json(app::screen_summary_to_json(*summary));
      } else {
        render_screen(*summary);
      }
      return Status::success();
    });
  });
}

void register_clearance(CLI::App& app, CliContext& ctx) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand(
      "clearance", "Record the date a clinician cleared you for exercise (--date, default today)");
  add_common(cmd, *common);
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(*common);
      if (!date.ok()) return date.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      if (Status s = (*workspace)->service->record_clearance(app::kLocalPerson, *date); !s.ok()) {
        return s;
      }
      if (common->json) {
        print_json({{"cleared_on", date->to_string()}});
      } else {
        fmt::print(
            "Clearance recorded for {}. Plans can include exercise again, starting "
            "gently.\n",
            date->to_string());
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// checkin

struct CheckInFlags {
  CommonOptions common;
  Flag pain, feel, legs, urgent, notes;
};

Result<std::vector<coach::RedFlag>> parse_urgent(const std::string& text) {
  std::vector<coach::RedFlag> flags;
  for (const std::string& id : split_list(text)) {
    if (id == "none") continue;
    const std::optional<coach::RedFlag> flag = coach::red_flag_from(id);
    if (!flag || coach::info(*flag).severity != coach::FlagSeverity::kUrgent) {
      return Error::invalid("--urgent",
                            "must list urgent question ids (saddle_numbness, "
                            "bladder_bowel_change, progressive_leg_weakness) or none, "
                            "got '" +
                                id + "'");
    }
    flags.push_back(*flag);
  }
  return flags;
}

Result<std::vector<coach::RedFlag>> ask_urgent(const Prompter& p) {
  p.say("First, three quick safety questions.");
  std::vector<coach::RedFlag> flags;
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    if (flag.severity != coach::FlagSeverity::kUrgent) continue;
    auto yes = p.ask_yes_no(std::string("checkin.") + flag.id, std::string("  ") + flag.question);
    if (!yes.ok()) return yes.error();
    if (*yes) flags.push_back(flag.flag);
  }
  return flags;
}

Result<coach::CheckIn> resolve_checkin(const CheckInFlags& f, const Prompter& p) {
  coach::CheckIn checkin;
  // At a terminal the urgent questions come first, as they matter most.
  if (f.urgent.given()) {
    auto flags = parse_urgent(f.urgent.value);
    if (!flags.ok()) return flags.error();
    checkin.urgent_flags = *flags;
  } else if (p.at_terminal()) {
    auto flags = ask_urgent(p);
    if (!flags.ok()) return flags.error();
    checkin.urgent_flags = *flags;
  }
  auto pain =
      resolve_int(f.pain, p, "--pain", "How much does your back hurt right now, 0-10?", 0, 10);
  if (!pain.ok()) return pain.error();
  checkin.pain = *pain;
  auto feel = resolve<coach::Feel>(
      f.feel, p, "--feel", "How does your back feel today? (sensitive, okay, good)",
      "<sensitive|okay|good>", [](const std::string& s) {
        return parse_word<coach::Feel>(s, "--feel", kFeelChoices, coach::feel_from);
      });
  if (!feel.ok()) return feel.error();
  checkin.feel = *feel;
  const auto parse_legs = [](const std::string& s) {
    return parse_word<coach::LegSymptoms>(s, "--legs", kLegChoices, coach::leg_symptoms_from);
  };
  if (f.legs.given() || p.at_terminal()) {
    auto legs = resolve<coach::LegSymptoms>(
        f.legs, p, "--legs",
        "Any pain, tingling or numbness in a leg? (none, above_knee, below_knee)",
        "<none|above_knee|below_knee>", parse_legs);
    if (!legs.ok()) return legs.error();
    checkin.leg_symptoms = *legs;
  }
  if (f.notes.given()) {
    checkin.notes = f.notes.value;
  } else if (p.at_terminal()) {
    auto notes = p.ask_text("--notes", "Anything else to note? (press Enter to skip)");
    if (!notes.ok()) return notes.error();
    checkin.notes = *notes;
  }
  if (Status s = app::validate_checkin(checkin); !s.ok()) return s.error();
  return checkin;
}

void register_checkin(CLI::App& app, CliContext& ctx) {
  auto f = std::make_shared<CheckInFlags>();
  auto* cmd = app.add_subcommand("checkin", "Tell Bounceback how your back is today");
  add_common(cmd, f->common);
  add_flag(cmd, f->pain, "--pain", "Pain right now, 0-10");
  add_flag(cmd, f->feel, "--feel", "sensitive, okay or good");
  add_flag(cmd, f->legs, "--legs", "Leg symptoms: none (default), above_knee or below_knee");
  add_flag(cmd, f->urgent, "--urgent",
           "Urgent questions answered yes, comma-separated ids (default: none)");
  add_flag(cmd, f->notes, "--notes", "Free text");
  cmd->callback([&ctx, f] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(f->common);
      if (!date.ok()) return date.error();
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      auto checkin = resolve_checkin(*f, prompter);
      if (!checkin.ok()) return checkin.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      if (Status s = (*workspace)->service->check_in(app::kLocalPerson, *date, *checkin); !s.ok()) {
        return s;
      }
      if (f->common.json) {
        print_json({{"date", date->to_string()}, {"checkin", app::checkin_to_json(*checkin)}});
      } else if (!checkin->urgent_flags.empty()) {
        fmt::print(
            "Checked in for {}. You answered yes to an urgent question: please seek\n"
            "emergency care now. No exercise until a doctor has checked you.\n",
            date->to_string());
      } else {
        fmt::print("Checked in for {}. See today's plan with `bounceback plan`.\n",
                   date->to_string());
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// plan

void register_plan(CLI::App& app, CliContext& ctx) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("plan", "Today's plan, with its reasons");
  add_common(cmd, *common);
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(*common);
      if (!date.ok()) return date.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto plan = (*workspace)->service->todays_plan(app::kLocalPerson, *date);
      if (!plan.ok()) return plan.error();
      if (common->json) {
        print_json(app::plan_to_json(*plan));
      } else {
        render_plan(*plan, (*workspace)->catalog);
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// log and followup

struct LogFlags {
  CommonOptions common;
  Flag completed, rope_minutes, pain_during, pain_after, stopped, effort, notes;
};

Result<coach::SessionLog> resolve_session(const LogFlags& f, const Prompter& p) {
  coach::SessionLog session;
  if (f.completed.given() || p.at_terminal()) {
    auto completed =
        resolve<bool>(f.completed, p, "--completed", "Did you finish the plan? [y/n]", "<yes|no>",
                      [](const std::string& s) { return parse_yes_no(s, "--completed"); });
    if (!completed.ok()) return completed.error();
    session.completed = *completed;
  }
  auto minutes = resolve<double>(
      f.rope_minutes, p, "--rope-minutes",
      "How many minutes of rope time did you do (jumping only, rests not counted; 0 if none)?",
      "<minutes>", [](const std::string& s) { return parse_minutes(s, "--rope-minutes"); });
  if (!minutes.ok()) return minutes.error();
  session.rope_minutes = *minutes;
  auto during = resolve_int(f.pain_during, p, "--pain-during",
                            "What was the worst pain during the session, 0-10?", 0, 10);
  if (!during.ok()) return during.error();
  session.pain_during_max = *during;
  auto after = resolve_int(f.pain_after, p, "--pain-after", "And shortly after, 0-10?", 0, 10);
  if (!after.ok()) return after.error();
  session.pain_after = *after;
  if (f.stopped.given() || p.at_terminal()) {
    auto stopped = resolve<coach::StopReason>(
        f.stopped, p, "--stopped", "Did you stop early? (none, sharp_pain, fatigue, other)",
        "<none|sharp_pain|fatigue|other>", [](const std::string& s) {
          return parse_word<coach::StopReason>(s, "--stopped", kStopChoices,
                                               coach::stop_reason_from);
        });
    if (!stopped.ok()) return stopped.error();
    session.stopped = *stopped;
  }
  // Effort and notes are asked for only when given: the log is short on purpose.
  if (f.effort.given()) {
    auto effort = resolve_int(f.effort, p, "--effort", "How hard did it feel, 0-10?", 0, 10);
    if (!effort.ok()) return effort.error();
    session.effort = *effort;
  }
  if (f.notes.given()) session.notes = f.notes.value;
  if (Status s = app::validate_session(session); !s.ok()) return s.error();
  return session;
}

void register_log(CLI::App& app, CliContext& ctx) {
  auto f = std::make_shared<LogFlags>();
  auto* cmd = app.add_subcommand("log", "Log what you did today and how it felt");
  add_common(cmd, f->common);
  add_flag(cmd, f->completed, "--completed", "yes (default) or no");
  add_flag(cmd, f->rope_minutes, "--rope-minutes", "Rope time done, rests excluded");
  add_flag(cmd, f->pain_during, "--pain-during", "Worst pain during, 0-10");
  add_flag(cmd, f->pain_after, "--pain-after", "Pain shortly after, 0-10");
  add_flag(cmd, f->stopped, "--stopped", "none (default), sharp_pain, fatigue or other");
  add_flag(cmd, f->effort, "--effort", "How hard it felt, 0 (rest) to 10 (maximal)");
  add_flag(cmd, f->notes, "--notes", "Free text about the session");
  cmd->callback([&ctx, f] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(f->common);
      if (!date.ok()) return date.error();
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      auto session = resolve_session(*f, prompter);
      if (!session.ok()) return session.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      if (Status s = (*workspace)->service->log_session(app::kLocalPerson, *date, *session);
          !s.ok()) {
        return s;
      }
      if (f->common.json) {
        print_json({{"date", date->to_string()}, {"session", app::session_to_json(*session)}});
        return Status::success();
      }
      fmt::print("Logged for {}. Well done for showing up.\n", date->to_string());
      if (session->stopped == coach::StopReason::kSharpPain) {
        fmt::print(
            "You stopped for sharp pain: the next plan leaves out rope and asks the\n"
            "safety questions again. If the pain stays sharp, see a clinician.\n");
      } else {
        fmt::print(
            "Tomorrow morning, tell Bounceback how your back feels: `bounceback followup`.\n"
            "Mild soreness after starting is common and usually settles.\n");
      }
      return Status::success();
    });
  });
}

void register_followup(CLI::App& app, CliContext& ctx) {
  struct FollowupFlags {
    CommonOptions common;
    Flag pain, session_date;
  };
  auto f = std::make_shared<FollowupFlags>();
  auto* cmd = app.add_subcommand("followup", "Next-morning pain after a session");
  add_common(cmd, f->common);
  add_flag(cmd, f->pain, "--pain", "Pain this morning, 0-10");
  add_flag(cmd, f->session_date, "--session-date",
           "The session's date, YYYY-MM-DD (default: the day before --date)");
  cmd->callback([&ctx, f] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(f->common);
      if (!date.ok()) return date.error();
      Date session_date = date->plus_days(-1);
      if (f->session_date.given()) {
        auto parsed = parse_date(f->session_date.value, "--session-date");
        if (!parsed.ok()) return parsed.error();
        session_date = *parsed;
      }
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      auto pain = resolve_int(f->pain, prompter, "--pain",
                              fmt::format("How does your back feel this morning, after the "
                                          "session of {}? Pain 0-10:",
                                          session_date.to_string()),
                              0, 10);
      if (!pain.ok()) return pain.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      if (Status s =
              (*workspace)
                  ->service->record_next_morning_pain(app::kLocalPerson, session_date, *pain);
          !s.ok()) {
        return s;
      }
      if (f->common.json) {
        print_json({{"session_date", session_date.to_string()}, {"next_morning_pain", *pain}});
      } else {
        fmt::print("Noted: pain {} the morning after {}. Your next plan takes it into account.\n",
                   *pain, session_date.to_string());
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// history and progress

void register_history(CLI::App& app, CliContext& ctx) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("history", "Every day you checked in, with its plan and session");
  add_common(cmd, *common);
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(*common);
      if (!date.ok()) return date.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto days = (*workspace)->service->history(app::kLocalPerson, *date);
      if (!days.ok()) return days.error();
      if (common->json) {
        print_json(app::history_to_json(*days));
        return Status::success();
      }
      if (days->empty()) {
        fmt::print("No check-ins yet. Start with `bounceback checkin`.\n");
        return Status::success();
      }
      fmt::print("{:<11} {:>4}  {:<10} {:<12} {:<26} {}\n", "Date", "Pain", "Feel", "Plan",
                 "Session", "Last rope session");
      for (const app::HistoryDay& day : *days) {
        std::string session = "-";
        if (day.session) {
          session = fmt::format("{} min rope, worst {}/10", number(day.session->rope_minutes),
                                day.session->pain_during_max);
        }
        fmt::print("{:<11} {:>4}  {:<10} {:<12} {:<26} {}\n", day.date.to_string(),
                   day.checkin.pain, coach::to_string(day.checkin.feel),
                   coach::to_string(day.plan.day_type), session,
                   day.plan.traffic_light ? coach::to_string(*day.plan.traffic_light) : "-");
      }
      return Status::success();
    });
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
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("progress", "Pain, rope time and measures over time");
  add_common(cmd, *common);
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(*common);
      if (!date.ok()) return date.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto progress = (*workspace)->service->progress(app::kLocalPerson, *date);
      if (!progress.ok()) return progress.error();
      if (common->json) {
        print_json(app::progress_to_json(*progress));
      } else {
        render_progress(*progress);
      }
      return Status::success();
    });
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
      auto date = resolve_date(f.common);
      if (!date.ok()) return date.error();
      const Prompter p(stdin_mode(), f.common.json ? stderr : stdout);
      coach::Peg3 entry;
      auto pain = resolve_int(f.pain, p, "--pain",
                              "In the past week, what was your average pain, 0-10?", 0, 10);
      if (!pain.ok()) return pain.error();
      entry.average_pain = *pain;
      auto enjoyment = resolve_int(
          f.enjoyment, p, "--enjoyment",
          "In the past week, how much did pain get in the way of enjoying life, 0-10?", 0, 10);
      if (!enjoyment.ok()) return enjoyment.error();
      entry.enjoyment_interference = *enjoyment;
      auto activity = resolve_int(
          f.activity, p, "--activity",
          "In the past week, how much did pain get in the way of your general activity, 0-10?", 0,
          10);
      if (!activity.ok()) return activity.error();
      entry.activity_interference = *activity;
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto result = (*workspace)->service->add_peg(app::kLocalPerson, *date, entry);
      if (!result.ok()) return result.error();
      print_measure(f.common, *date, "PEG-3", *result);
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
      auto date = resolve_date(f.common);
      if (!date.ok()) return date.error();
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
          auto score = parse_int(text.substr(equals + 1), field, 0, 10);
          if (!score.ok()) return score.error();
          entry.activities.push_back({text.substr(0, equals), *score});
        }
      } else if (p.at_terminal()) {
        p.say(
            "Name 3 to 5 activities your back makes hard, and score each from 0 (unable) to "
            "10 (as before). Press Enter on an empty name when done.");
        while (entry.activities.size() < 5) {
          auto name =
              p.ask_text("--activity", fmt::format("Activity {}:", entry.activities.size() + 1));
          if (!name.ok()) return name.error();
          if (name->empty()) break;
          auto score = p.ask_int("--activity", "  Score 0-10:", 0, 10);
          if (!score.ok()) return score.error();
          entry.activities.push_back({*name, *score});
        }
      } else {
        return missing("--activity", "NAME=SCORE (3 to 5 times)");
      }
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto result = (*workspace)->service->add_psfs(app::kLocalPerson, *date, entry);
      if (!result.ok()) return result.error();
      print_measure(f.common, *date, "PSFS", *result);
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// rope-advice

void register_rope_advice(CLI::App& app, CliContext& ctx) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("rope-advice", "Which rope, what length, where to jump");
  add_common(cmd, *common);
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      if (auto date = resolve_date(*common); !date.ok()) return date.error();
      auto workspace = open_workspace(ctx);
      if (!workspace.ok()) return workspace.error();
      auto advice = (*workspace)->service->rope_advice(app::kLocalPerson);
      if (!advice.ok()) return advice.error();
      if (common->json) {
        print_json(app::rope_advice_to_json(*advice));
        return Status::success();
      }
      fmt::print("{}\n", wrap(advice->recommendation, "", ""));
      if (!advice->about_owned.empty()) fmt::print("{}\n", wrap(advice->about_owned, "", ""));
      fmt::print("\nLength: about {} cm overall.\n", advice->length_cm);
      if (!advice->length_note.empty()) fmt::print("{}\n", wrap(advice->length_note, "", ""));
      if (!advice->avoid.empty()) {
        fmt::print("\nFor now, avoid:\n");
        for (const auto& item : advice->avoid) fmt::print("{}\n", wrap(item, "    ", "  * "));
      }
      fmt::print("\n{}\n{}\n", wrap("Surface: " + advice->surface, "", ""),
                 wrap("Shoes: " + advice->shoes, "", ""));
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// today: the guided daily flow

Status run_today(CliContext& ctx, Date date) {
  // The flow is a conversation: it reads answers from standard input even when they are piped,
  // so it can be scripted; a wrong piped answer stops it with the field named. Each turn asks the
  // app what the person needs now (the same answer as GET /api/v1/today) and does that.
  const Prompter p(stdin_mode(), stdout);
  auto workspace = open_workspace(ctx);
  if (!workspace.ok()) return workspace.error();
  app::DailyService& service = *(*workspace)->service;

  p.say(fmt::format("Bounceback, {} {}.", date.weekday_name(), date.to_string()));
  bool screened_now = false;
  bool checked_in_now = false;
  // Each step records something, so the state moves on; the bound only guards against a loop.
  for (int turn = 0; turn < 8; ++turn) {
    auto state = service.today(app::kLocalPerson, date);
    if (!state.ok()) return state.error();
    switch (state->step) {
      case app::TodayStep::kNeedsProfile: {
        p.say("\nWelcome. First, a little about you, so plans and rope advice fit.");
        coach::Profile fresh;
        auto year = p.ask_int("profile.birth_year", "What year were you born?", 1900, date.year());
        if (!year.ok()) return year.error();
        fresh.birth_year = *year;
        auto height = p.ask_int("profile.height_cm", "How tall are you, in centimetres?", 90, 250);
        if (!height.ok()) return height.error();
        fresh.height_cm = *height;
        auto experience = p.ask<coach::RopeExperience>(
            "profile.rope_experience", "Have you skipped rope before? (none, some, regular)",
            [](const std::string& s) {
              return parse_word<coach::RopeExperience>(s, "profile.rope_experience", kExperienceChoices,
                                                       coach::rope_experience_from);
            });
        if (!experience.ok()) return experience.error();
        fresh.rope_experience = *experience;
        auto rope = p.ask<coach::RopeOwned>(
            "profile.rope",
            "Which rope do you have? (none, beaded, speed_quarter_lb, pvc_speed, heavy, ropeless)",
            [](const std::string& s) {
              return parse_word<coach::RopeOwned>(s, "profile.rope", kRopeChoices,
                                                  coach::rope_owned_from);
            });
        if (!rope.ok()) return rope.error();
        fresh.rope = *rope;
        auto aggravators = p.ask<std::vector<coach::Aggravator>>(
            "profile.aggravated_by",
            "What makes your back worse? Any of sitting, bending, standing, arching, walking, lying, "
            "separated by commas (or none):",
            [](const std::string& s) { return parse_aggravators(s, "profile.aggravated_by"); });
        if (!aggravators.ok()) return aggravators.error();
        fresh.aggravated_by = *aggravators;
        if (Status s = service.save_profile(app::kLocalPerson, date, fresh); !s.ok()) return s;
        p.say("Thank you, saved.");
        break;
      }
      case app::TodayStep::kNeedsScreen: {
        p.say("");
        auto screening = ask_screen(p);
        if (!screening.ok()) return screening.error();
        auto taken = service.take_screen(app::kLocalPerson, date, *screening);
        if (!taken.ok()) return taken.error();
        p.say("");
        render_screen(*taken);
        screened_now = true;
        break;
      }
      case app::TodayStep::kBlockedUrgent:
      case app::TodayStep::kBlockedUntilClearance:
        // A screen answered just now has said what it means; otherwise the day's plan says why.
        if (!screened_now) {
          p.say("");
          render_plan(*state->plan, (*workspace)->catalog);
          if (state->step == app::TodayStep::kBlockedUrgent) {
            p.say("To take the safety questions again: `bounceback screen`.");
          }
        }
        return Status::success();
      case app::TodayStep::kNeedsFollowup: {
        p.say("");
        auto pain = p.ask_int("followup.pain",
                              fmt::format("You did a session on {}. How much did your back hurt "
                                          "the morning after, 0-10?",
                                          state->followup_session_date->to_string()),
                              0, 10);
        if (!pain.ok()) return pain.error();
        if (Status s = service.record_next_morning_pain(app::kLocalPerson,
                                                        *state->followup_session_date, *pain);
            !s.ok()) {
          return s;
        }
        break;
      }
      case app::TodayStep::kNeedsCheckin: {
        p.say("");
        coach::CheckIn checkin;
        // The full screen taken today already asked the urgent questions.
        if (state->ask_urgent_questions) {
          auto urgent = ask_urgent(p);
          if (!urgent.ok()) return urgent.error();
          checkin.urgent_flags = *urgent;
        }
        auto pain = p.ask_int("checkin.pain", "How much does your back hurt right now, 0-10?", 0, 10);
        if (!pain.ok()) return pain.error();
        checkin.pain = *pain;
        auto feel = p.ask<coach::Feel>(
            "checkin.feel", "How does your back feel today? (sensitive, okay, good)",
            [](const std::string& s) {
              return parse_word<coach::Feel>(s, "checkin.feel", kFeelChoices, coach::feel_from);
            });
        if (!feel.ok()) return feel.error();
        checkin.feel = *feel;
        auto legs = p.ask<coach::LegSymptoms>(
            "checkin.leg_symptoms",
            "Any pain, tingling or numbness in a leg? (none, above_knee, below_knee)",
            [](const std::string& s) {
              return parse_word<coach::LegSymptoms>(s, "checkin.leg_symptoms", kLegChoices,
                                                    coach::leg_symptoms_from);
            });
        if (!legs.ok()) return legs.error();
        checkin.leg_symptoms = *legs;
        if (Status s = service.check_in(app::kLocalPerson, date, checkin); !s.ok()) return s;
        checked_in_now = true;
        break;
      }
      case app::TodayStep::kPlanReady:
      case app::TodayStep::kSessionLogged:
        if (!checked_in_now) p.say("\nYou have already checked in today. Here is your plan again.");
        if (state->step == app::TodayStep::kSessionLogged) {
          p.say(fmt::format("Today's session is logged: {} min of rope time.",
                            number(state->session->rope_minutes)));
        }
        p.say("");
        render_plan(*state->plan, (*workspace)->catalog);
        return Status::success();
    }
  }
  return Error::internal("the daily flow did not settle");
}

void register_today(CLI::App& app, CliContext& ctx) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("today",
                                 "The daily flow: first-time questions, check-in and today's plan");
  cmd->add_option("--date", common->date, "The day, YYYY-MM-DD (default: today)");
  cmd->callback([&ctx, common] {
    run(ctx, [&]() -> Status {
      auto date = resolve_date(*common);
      if (!date.ok()) return date.error();
      return run_today(ctx, *date);
    });
  });
}

}  // namespace

void register_person_commands(CLI::App& app, CliContext& ctx) {
  register_today(app, ctx);
  register_profile(app, ctx);
  register_screen(app, ctx);
  register_clearance(app, ctx);
  register_checkin(app, ctx);
  register_plan(app, ctx);
  register_log(app, ctx);
  register_followup(app, ctx);
  register_history(app, ctx);
  register_progress(app, ctx);
  register_measure(app, ctx);
  register_rope_advice(app, ctx);
}

}  // namespace bb::cli
