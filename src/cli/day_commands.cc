// The day: checkin, plan, log, followup, and `today`, the guided flow that follows the app
// layer's answer of what the person needs now. Input is checked completely before anything is
// written, so bad input leaves no trace.
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/day_json.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "cli/person_support.h"

namespace bb::cli {
namespace {

using namespace person;  // NOLINT(google-build-using-namespace): this file's own toolkit
using nlohmann::json;

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


Result<coach::CheckIn> resolve_checkin(const CheckInFlags& f, const Prompter& p) {
  coach::CheckIn checkin;
  // At a terminal the urgent questions come first, as they matter most.
  if (f.urgent.given()) {
    BB_ASSIGN_OR_RETURN(auto flags, parse_urgent(f.urgent.value));
    checkin.urgent_flags = flags;
  } else if (p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(auto flags, ask_urgent(p));
    checkin.urgent_flags = flags;
  }
  BB_ASSIGN_OR_RETURN(
      auto pain,
      resolve_int(f.pain, p, "--pain", "How much does your back hurt right now, 0-10?", 0, 10));
  checkin.pain = pain;
  BB_ASSIGN_OR_RETURN(
      auto feel, resolve<coach::Feel>(
                     f.feel, p, "--feel", "How does your back feel today? (sensitive, okay, good)",
                     "<sensitive|okay|good>", [](const std::string& s) {
                       return parse_word<coach::Feel>(s, "--feel", kFeelChoices, coach::feel_from);
                     }));
  checkin.feel = feel;
  const auto parse_legs = [](const std::string& s) {
    return parse_word<coach::LegSymptoms>(s, "--legs", kLegChoices, coach::leg_symptoms_from);
  };
  if (f.legs.given() || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(
        auto legs, resolve<coach::LegSymptoms>(
                       f.legs, p, "--legs",
                       "Any pain, tingling or numbness in a leg? (none, above_knee, below_knee)",
                       "<none|above_knee|below_knee>", parse_legs));
    checkin.leg_symptoms = legs;
  }
  if (f.notes.given()) {
    checkin.notes = f.notes.value;
  } else if (p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(auto notes,
                        p.ask_text("--notes", "Anything else to note? (press Enter to skip)"));
    checkin.notes = notes;
  }
  BB_RETURN_IF_ERROR(app::validate_checkin(checkin));
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f->common));
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      BB_ASSIGN_OR_RETURN(auto checkin, resolve_checkin(*f, prompter));
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_RETURN_IF_ERROR(workspace->service->check_in(app::kLocalPerson, date, checkin));
      if (f->common.json) {
        print_json({{"date", date.to_string()}, {"checkin", app::checkin_to_json(checkin)}});
      } else if (!checkin.urgent_flags.empty()) {
        fmt::print(
            "Checked in for {}. You answered yes to an urgent question: please seek\n"
            "emergency care now. No exercise until a doctor has checked you.\n",
            date.to_string());
      } else {
        fmt::print("Checked in for {}. See today's plan with `bounceback plan`.\n",
                   date.to_string());
      }
      return Status::success();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// plan

void register_plan(CLI::App& app, CliContext& ctx) {
  add_dated_command(
      app, ctx, "plan", "Today's plan, with its reasons",
      [](const CommonOptions& common, Date date, Workspace& workspace) {
        return print_result(common, workspace.service->todays_plan(app::kLocalPerson, date),
                            app::plan_to_json,
                            [&](const coach::Plan& plan) { render_plan(plan, workspace.catalog); });
      });
}

// ---------------------------------------------------------------------------------------------
// log and followup

struct LogFlags {
  CommonOptions common;
  Flag completed, rope_minutes, pain_during, pain_after, stopped, effort, notes;
};

// `counted`: the jumping time the day's recordings measured, offered at a terminal.
Result<coach::SessionLog> resolve_session(const LogFlags& f, const Prompter& p,
                                          const std::optional<coach::Measured>& counted) {
  coach::SessionLog session;
  if (f.completed.given() || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(
        auto completed,
        resolve<bool>(f.completed, p, "--completed", "Did you finish the plan? [y/n]", "<yes|no>",
                      [](const std::string& s) { return parse_yes_no(s, "--completed"); }));
    session.completed = completed;
  }
  std::string question =
      "How many minutes of rope time did you do (jumping only, rests not counted; 0 if none)?";
  if (counted && counted->active_seconds > 0) {
    question = fmt::format(
        "Your recordings today counted {} jumps in {} min of jumping. How many minutes of rope "
        "time did you do (jumping only; {} if the count is right)?",
        counted->jumps, number(counted->active_seconds / 60.0),
        number(counted->active_seconds / 60.0));
  }
  BB_ASSIGN_OR_RETURN(auto minutes, resolve<double>(f.rope_minutes, p, "--rope-minutes", question,
                                                    "<minutes>", [](const std::string& s) {
                                                      return parse_minutes(s, "--rope-minutes");
                                                    }));
  session.rope_minutes = minutes;
  BB_ASSIGN_OR_RETURN(auto during,
                      resolve_int(f.pain_during, p, "--pain-during",
                                  "What was the worst pain during the session, 0-10?", 0, 10));
  session.pain_during_max = during;
  BB_ASSIGN_OR_RETURN(
      auto after, resolve_int(f.pain_after, p, "--pain-after", "And shortly after, 0-10?", 0, 10));
  session.pain_after = after;
  if (f.stopped.given() || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(
        auto stopped,
        resolve<coach::StopReason>(f.stopped, p, "--stopped",
                                   "Did you stop early? (none, sharp_pain, fatigue, other)",
                                   "<none|sharp_pain|fatigue|other>", [](const std::string& s) {
                                     return parse_word<coach::StopReason>(
                                         s, "--stopped", kStopChoices, coach::stop_reason_from);
                                   }));
    session.stopped = stopped;
  }
  // Effort and notes are asked for only when given: the log is short on purpose.
  if (f.effort.given()) {
    BB_ASSIGN_OR_RETURN(auto effort,
                        resolve_int(f.effort, p, "--effort", "How hard did it feel, 0-10?", 0, 10));
    session.effort = effort;
  }
  if (f.notes.given()) session.notes = f.notes.value;
  BB_RETURN_IF_ERROR(app::validate_session(session));
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f->common));
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto counted, workspace->service->measured_on(app::kLocalPerson, date));
      BB_ASSIGN_OR_RETURN(auto session, resolve_session(*f, prompter, counted));
      BB_RETURN_IF_ERROR(workspace->service->log_session(app::kLocalPerson, date, session));
      if (f->common.json) {
        print_json({{"date", date.to_string()}, {"session", app::session_to_json(session)}});
        return Status::success();
      }
      fmt::print("Logged for {}. Well done for showing up.\n", date.to_string());
      if (session.stopped == coach::StopReason::kSharpPain) {
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f->common));
      Date session_date = date.plus_days(-1);
      if (f->session_date.given()) {
        BB_ASSIGN_OR_RETURN(auto parsed, parse_date(f->session_date.value, "--session-date"));
        session_date = parsed;
      }
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      BB_ASSIGN_OR_RETURN(auto pain,
                          resolve_int(f->pain, prompter, "--pain",
                                      fmt::format("How does your back feel this morning, after the "
                                                  "session of {}? Pain 0-10:",
                                                  session_date.to_string()),
                                      0, 10));
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_RETURN_IF_ERROR(
          (workspace)->service->record_next_morning_pain(app::kLocalPerson, session_date, pain));
      if (f->common.json) {
        print_json({{"session_date", session_date.to_string()}, {"next_morning_pain", pain}});
      } else {
        fmt::print("Noted: pain {} the morning after {}. Your next plan takes it into account.\n",
                   pain, session_date.to_string());
      }
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
  BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
  app::DailyService& service = *workspace->service;

  p.say(fmt::format("Bounceback, {} {}.", date.weekday_name(), date.to_string()));
  bool screened_now = false;
  bool checked_in_now = false;
  // Each step records something, so the state moves on; the bound only guards against a loop.
  for (int turn = 0; turn < 8; ++turn) {
    BB_ASSIGN_OR_RETURN(auto state, service.today(app::kLocalPerson, date));
    switch (state.step) {
      case app::TodayStep::kNeedsProfile: {
        p.say("\nWelcome. First, a little about you, so plans and rope advice fit.");
        coach::Profile fresh;
        BB_ASSIGN_OR_RETURN(auto year, p.ask_int("profile.birth_year", "What year were you born?",
                                                 1900, date.year()));
        fresh.birth_year = year;
        BB_ASSIGN_OR_RETURN(auto height, p.ask_int("profile.height_cm",
                                                   "How tall are you, in centimetres?", 90, 250));
        fresh.height_cm = height;
        BB_ASSIGN_OR_RETURN(
            auto experience,
            p.ask<coach::RopeExperience>("profile.rope_experience",
                                         "Have you skipped rope before? (none, some, regular)",
                                         [](const std::string& s) {
                                           return parse_word<coach::RopeExperience>(
                                               s, "profile.rope_experience", kExperienceChoices,
                                               coach::rope_experience_from);
                                         }));
        fresh.rope_experience = experience;
        BB_ASSIGN_OR_RETURN(auto rope,
                            p.ask<coach::RopeOwned>("profile.rope",
                                                    "Which rope do you have? (none, beaded, "
                                                    "speed_quarter_lb, pvc_speed, heavy, ropeless)",
                                                    [](const std::string& s) {
                                                      return parse_word<coach::RopeOwned>(
                                                          s, "profile.rope", kRopeChoices,
                                                          coach::rope_owned_from);
                                                    }));
        fresh.rope = rope;
        BB_ASSIGN_OR_RETURN(auto aggravators, p.ask<std::vector<coach::Aggravator>>(
                                                  "profile.aggravated_by",
                                                  "What makes your back worse? Any of sitting, "
                                                  "bending, standing, arching, walking, lying, "
                                                  "separated by commas (or none):",
                                                  [](const std::string& s) {
                                                    return parse_aggravators(
                                                        s, "profile.aggravated_by");
                                                  }));
        fresh.aggravated_by = aggravators;
        BB_RETURN_IF_ERROR(service.save_profile(app::kLocalPerson, date, fresh));
        p.say("Thank you, saved.");
        break;
      }
      case app::TodayStep::kNeedsScreen: {
        p.say("");
        BB_ASSIGN_OR_RETURN(auto screening, ask_screen(p));
        BB_ASSIGN_OR_RETURN(auto taken, service.take_screen(app::kLocalPerson, date, screening));
        p.say("");
        render_screen(taken);
        screened_now = true;
        break;
      }
      case app::TodayStep::kBlockedUrgent:
      case app::TodayStep::kBlockedUntilClearance:
        // A screen answered just now has said what it means; otherwise the day's plan says why.
        if (!screened_now) {
          p.say("");
          render_plan(*state.plan, workspace->catalog);
          if (state.step == app::TodayStep::kBlockedUrgent) {
            p.say("To take the safety questions again: `bounceback screen`.");
          }
        }
        return Status::success();
      case app::TodayStep::kNeedsFollowup: {
        p.say("");
        BB_ASSIGN_OR_RETURN(
            auto pain, p.ask_int("followup.pain",
                                 fmt::format("You did a session on {}. How much did your back hurt "
                                             "the morning after, 0-10?",
                                             state.followup_session_date->to_string()),
                                 0, 10));
        BB_RETURN_IF_ERROR(service.record_next_morning_pain(app::kLocalPerson,
                                                            *state.followup_session_date, pain));
        break;
      }
      case app::TodayStep::kNeedsCheckin: {
        p.say("");
        coach::CheckIn checkin;
        // The full screen taken today already asked the urgent questions.
        if (state.ask_urgent_questions) {
          BB_ASSIGN_OR_RETURN(auto urgent, ask_urgent(p));
          checkin.urgent_flags = urgent;
        }
        BB_ASSIGN_OR_RETURN(
            auto pain,
            p.ask_int("checkin.pain", "How much does your back hurt right now, 0-10?", 0, 10));
        checkin.pain = pain;
        BB_ASSIGN_OR_RETURN(
            auto feel, p.ask<coach::Feel>("checkin.feel",
                                          "How does your back feel today? (sensitive, okay, good)",
                                          [](const std::string& s) {
                                            return parse_word<coach::Feel>(
                                                s, "checkin.feel", kFeelChoices, coach::feel_from);
                                          }));
        checkin.feel = feel;
        BB_ASSIGN_OR_RETURN(
            auto legs,
            p.ask<coach::LegSymptoms>(
                "checkin.leg_symptoms",
                "Any pain, tingling or numbness in a leg? (none, above_knee, below_knee)",
                [](const std::string& s) {
                  return parse_word<coach::LegSymptoms>(s, "checkin.leg_symptoms", kLegChoices,
                                                        coach::leg_symptoms_from);
                }));
        checkin.leg_symptoms = legs;
        BB_RETURN_IF_ERROR(service.check_in(app::kLocalPerson, date, checkin));
        checked_in_now = true;
        break;
      }
      case app::TodayStep::kPlanReady:
      case app::TodayStep::kSessionLogged:
        if (!checked_in_now) p.say("\nYou have already checked in today. Here is your plan again.");
        if (state.step == app::TodayStep::kSessionLogged) {
          p.say(fmt::format("Today's session is logged: {} min of rope time.",
                            number(state.session->rope_minutes)));
        }
        p.say("");
        render_plan(*state.plan, workspace->catalog);
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(*common));
      return run_today(ctx, date);
    });
  });
}

}  // namespace

void register_day_commands(CLI::App& app, CliContext& ctx) {
  register_today(app, ctx);
  register_checkin(app, ctx);
  register_plan(app, ctx);
  register_log(app, ctx);
  register_followup(app, ctx);
}

}  // namespace bb::cli
