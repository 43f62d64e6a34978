// Setting up: profile, the safety screen and a clinician's clearance. Each command parses its
// input (flags, or questions at a terminal), calls the app layer once, and renders text or JSON;
// input is checked completely before anything is written.
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/day_json.h"
#include "app/timeline_json.h"
#include "cli/person_support.h"

namespace bb::cli {
namespace {

using namespace person;  // NOLINT(google-build-using-namespace): this file's own toolkit
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// profile

struct ProfileFlags {
  CommonOptions common;
  Flag birth_year, height, experience, rope, aggravated_by;
};


// Fills `profile` from flags or questions; `have_defaults` says whether `profile` holds stored
// values that may stand in for missing flags.
Status resolve_profile(const ProfileFlags& f, const Prompter& p, Date today, bool have_defaults,
                       coach::Profile& profile) {
  const auto pick_int = [&](const Flag& flag, const std::string& field, const std::string& question,
                            int low, int high, int& target) -> Status {
    if (!flag.given() && have_defaults && !p.at_terminal()) return Status::success();
    BB_ASSIGN_OR_RETURN(auto value, resolve_int(flag, p, field, question, low, high));
    target = value;
    return Status::success();
  };
  BB_RETURN_IF_ERROR(pick_int(f.birth_year, "--birth-year", "What year were you born?", 1900,
                              today.year(), profile.birth_year));
  BB_RETURN_IF_ERROR(pick_int(f.height, "--height-cm", "How tall are you, in centimetres?", 90, 250,
                              profile.height_cm));
  if (f.experience.given() || !have_defaults || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(auto experience, resolve<coach::RopeExperience>(
                                             f.experience, p, "--rope-experience",
                                             "Have you skipped rope before? (none, some, regular)",
                                             "<none|some|regular>", [](const std::string& s) {
                                               return parse_word<coach::RopeExperience>(
                                                   s, "--rope-experience", kExperienceChoices,
                                                   coach::rope_experience_from);
                                             }));
    profile.rope_experience = experience;
  }
  if (f.rope.given() || !have_defaults || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(
        auto rope,
        resolve<coach::RopeOwned>(
            f.rope, p, "--rope",
            "Which rope do you have? (none, beaded, speed_quarter_lb, pvc_speed, heavy, ropeless)",
            "<" + join(kRopeChoices, "|") + ">", [](const std::string& s) {
              return parse_word<coach::RopeOwned>(s, "--rope", kRopeChoices,
                                                  coach::rope_owned_from);
            }));
    profile.rope = rope;
  }
  if (f.aggravated_by.given() || p.at_terminal()) {
    BB_ASSIGN_OR_RETURN(
        auto aggravators,
        resolve<std::vector<coach::Aggravator>>(
            f.aggravated_by, p, "--aggravated-by",
            "What makes your back worse? List any of sitting, bending, standing, arching, walking, "
            "lying, separated by commas (or none):",
            "<list or none>",
            [](const std::string& s) { return parse_aggravators(s, "--aggravated-by"); }));
    profile.aggravated_by = aggravators;
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
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto profile, workspace->service->profile(app::kLocalPerson));
      if (!profile.has_value()) {
        return Error::not_found("no profile yet: set it with `bounceback profile set`");
      }
      if (show_opts->json) {
        print_json(app::profile_to_json(*profile));
      } else {
        render_profile(*profile);
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f->common));
      // Stored values stand in for flags not given, so the profile is read first; nothing is
      // written until every field is valid.
      const Prompter prompter(stdin_mode(), f->common.json ? stderr : stdout);
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto stored, workspace->service->profile(app::kLocalPerson));
      coach::Profile profile = stored.value_or(coach::Profile{});
      BB_RETURN_IF_ERROR(resolve_profile(*f, prompter, date, stored.has_value(), profile));
      BB_RETURN_IF_ERROR(workspace->service->save_profile(app::kLocalPerson, date, profile));
      if (f->common.json) {
        print_json(app::profile_to_json(profile));
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
      BB_ASSIGN_OR_RETURN(auto date, resolve_date(f->common));
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
      BB_ASSIGN_OR_RETURN(auto workspace, open_workspace(ctx));
      BB_ASSIGN_OR_RETURN(auto summary,
                          workspace->service->take_screen(app::kLocalPerson, date, *screening));
      if (f->common.json) {
        print_json(app::screen_summary_to_json(summary));
      } else {
        render_screen(summary);
      }
      return Status::success();
    });
  });
}

void register_clearance(CLI::App& app, CliContext& ctx) {
  add_dated_command(
      app, ctx, "clearance",
      "Record the date a clinician cleared you for exercise (--date, default today)",
      [](const CommonOptions& common, Date date, Workspace& workspace) -> Status {
        BB_RETURN_IF_ERROR(workspace.service->record_clearance(app::kLocalPerson, date));
        if (common.json) {
          print_json({{"cleared_on", date.to_string()}});
        } else {
          fmt::print(
              "Clearance recorded for {}. Plans can include exercise again, starting gently.\n",
              date.to_string());
        }
        return Status::success();
      });
}

}  // namespace

void register_setup_commands(CLI::App& app, CliContext& ctx) {
  register_profile(app, ctx);
  register_screen(app, ctx);
  register_clearance(app, ctx);
}

}  // namespace bb::cli
