#include "cli/person_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <ctime>

#include "app/catalog_loader.h"
#include "coach/session_script.h"
#include "store/store_factory.h"

namespace bb::cli::person {

using nlohmann::json;

namespace {
constexpr std::size_t kWrapColumn = 88;
}  // namespace

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


Result<bool> parse_yes_no(const std::string& text, const std::string& field) {
  if (text == "y" || text == "yes") return true;
  if (text == "n" || text == "no") return false;
  return Error::invalid(field, "must be yes or no, got '" + text + "'");
}


// ---------------------------------------------------------------------------------------------
// Asking questions. At a terminal a wrong answer is explained and asked again; when the answers
// are piped in, a wrong or missing answer is an error naming the field.


Prompter::Mode stdin_mode() {
  return ::isatty(STDIN_FILENO) ? Prompter::Mode::kTerminal : Prompter::Mode::kPiped;
}


void add_flag(CLI::App* cmd, Flag& flag, const std::string& name, const std::string& help) {
  flag.option = cmd->add_option(name, flag.value, help);
}

Error missing(const std::string& field, const std::string& expected) {
  return Error::invalid(field, "missing: pass " + field + " " + expected);
}


Result<int> resolve_int(const Flag& flag, const Prompter& prompter, const std::string& field,
                        const std::string& question, int low, int high) {
  return resolve<int>(flag, prompter, field, question, fmt::format("<{}-{}>", low, high),
                      [&](const std::string& s) { return parse_int(s, field, low, high); });
}

// ---------------------------------------------------------------------------------------------
// Options every person command shares.


void add_common(CLI::App* cmd, CommonOptions& common) {
  cmd->add_option("--date", common.date, "The day this is about, YYYY-MM-DD (default: today)");
  cmd->add_flag("--json", common.json, "Print machine-readable JSON");
}

Result<Date> resolve_date(const CommonOptions& common) {
  if (common.date.empty()) return local_today();
  return parse_date(common.date, "--date");
}


Result<std::unique_ptr<Workspace>> open_workspace(const CliContext& ctx) {
  BB_ASSIGN_OR_RETURN(auto url, database_url(ctx));
  BB_ASSIGN_OR_RETURN(auto catalog, app::load_embedded_catalog());
  BB_ASSIGN_OR_RETURN(auto opened, store::open_person_store(url));
  auto workspace = std::make_unique<Workspace>();
  workspace->store = std::move(opened);
  workspace->catalog = std::move(catalog);
  BB_ASSIGN_OR_RETURN(auto recordings, store::open_recording_store(url));
  workspace->recordings = std::move(recordings);
  workspace->service = std::make_unique<app::DailyService>(*workspace->store, workspace->catalog,
                                                           nullptr, workspace->recordings.get());
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
      // The round plays its drill: the same cues as the Library and the web player.
      const coach::CatalogItem* drill = catalog.find(step.item);
      std::string form = drill != nullptr && !drill->cues.empty() ? drill->cues.front() + " " : "";
      form += "Stop if the pain turns sharp or keeps rising.";
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

void render_profile(const coach::Profile& p) {
  std::vector<std::string> aggravators;
  for (const coach::Aggravator a : p.aggravated_by) aggravators.emplace_back(coach::to_string(a));
  fmt::print("Born in {}, {} cm tall.\n", p.birth_year, p.height_cm);
  fmt::print("Rope experience: {}. Rope: {}.\n", words(coach::to_string(p.rope_experience)),
             words(coach::to_string(p.rope)));
  fmt::print("Worse with: {}.\n",
             aggravators.empty() ? "nothing in particular" : join(aggravators, ", "));
}

Result<std::vector<coach::Aggravator>> parse_aggravators(const std::string& text,
                                                         const std::string& field) {
  std::vector<coach::Aggravator> out;
  for (const std::string& word : split_list(text)) {
    if (word == "none") continue;
    BB_ASSIGN_OR_RETURN(auto a, parse_word<coach::Aggravator>(word, field, kAggravatorChoices,
                                                              coach::aggravator_from));
    out.push_back(a);
  }
  return out;
}

Result<coach::Screening> ask_screen(const Prompter& p) {
  p.say("A few questions about warning signs. They keep exercise safe; answer yes or no.");
  coach::Screening screening;
  int number_asked = 0;
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    ++number_asked;
    BB_ASSIGN_OR_RETURN(auto yes,
                        p.ask_yes_no(std::string("screen.") + flag.id,
                                     fmt::format("{:2}. {}", number_asked, flag.question)));
    screening.answers[static_cast<std::size_t>(flag.flag)] = yes;
  }
  return screening;
}

Result<std::vector<coach::RedFlag>> ask_urgent(const Prompter& p) {
  p.say("First, three quick safety questions.");
  std::vector<coach::RedFlag> flags;
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    if (flag.severity != coach::FlagSeverity::kUrgent) continue;
    BB_ASSIGN_OR_RETURN(auto yes, p.ask_yes_no(std::string("checkin.") + flag.id,
                                               std::string("  ") + flag.question));
    if (yes) flags.push_back(flag.flag);
  }
  return flags;
}

}  // namespace bb::cli::person
