// `bounceback catalog list|show`: browse the embedded exercise catalog.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/catalog_loader.h"
#include "app/plan_json.h"
#include "base/date.h"
#include "cli/cli.h"
#include "coach/catalog.h"

namespace bb::cli {
namespace {

using nlohmann::json;

std::string dose(const coach::CatalogItem& item) {
  std::string text;
  if (item.hold_seconds > 0) text = fmt::format("hold {} s", item.hold_seconds);
  if (item.reps > 0) text = fmt::format("{} reps", item.reps);
  if (item.each_side && !text.empty()) text += " each side";
  return text;
}

// "low_back" -> "low back": wire ids read as words for people.
std::string words(const char* wire_id) {
  std::string text = wire_id;
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

void render_item(const coach::CatalogItem& item) {
  std::vector<std::string> targets;
  for (const coach::Target t : item.targets) targets.push_back(words(coach::to_string(t)));
  fmt::print("{} ({})\n", item.name, item.id);
  fmt::print("{}, {}, for {}. {}.\n", words(coach::to_string(item.kind)),
             coach::to_string(item.position), fmt::format("{}", fmt::join(targets, ", ")),
             dose(item));
  fmt::print("\nSteps\n");
  int n = 0;
  for (const auto& step : item.steps) fmt::print("  {}. {}\n", ++n, step);
  if (!item.cues.empty()) {
    fmt::print("\nCues\n");
    for (const auto& cue : item.cues) fmt::print("  * {}\n", cue);
  }
  if (!item.breath.empty()) fmt::print("\nBreath\n  {}\n", item.breath);
  if (!item.cautions.empty()) {
    fmt::print("\nTake care\n");
    for (const auto& caution : item.cautions) fmt::print("  * {}\n", caution);
  }
}

// Every command takes --date; the catalog does not change with it, but a malformed one is still
// bad input.
Status check_date(const std::string& date) {
  if (date.empty() || Date::parse(date)) return Status::success();
  return Error::invalid("--date", "must be a date written YYYY-MM-DD, got '" + date + "'");
}

struct ListOptions {
  std::string date;
  std::string target;
  std::string position;
  bool json = false;
};

struct ShowOptions {
  std::string date;
  std::string id;
  bool json = false;
};

}  // namespace

void register_catalog_command(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("catalog", "Browse the stretches, yoga poses and rope drills");
  group->require_subcommand(1);

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = group->add_subcommand("list", "List catalog items");
  list->add_option("--target", list_opts->target,
                   "Only items for this target, e.g. hip_flexors, hamstrings, low_back");
  list->add_option("--position", list_opts->position, "Only floor, standing or chair items");
  list->add_flag("--json", list_opts->json, "Print machine-readable JSON");
  list->add_option("--date", list_opts->date, "Accepted for symmetry with the other commands");
  list->callback([&ctx, list_opts] {
    if (Status s = check_date(list_opts->date); !s.ok()) {
      ctx.exit_code = report(s.error());
      return;
    }
    std::optional<coach::Target> target;
    if (!list_opts->target.empty()) {
      target = coach::target_from(list_opts->target);
      if (!target) {
        ctx.exit_code =
            report(Error::invalid("--target", "unknown target '" + list_opts->target + "'"));
        return;
      }
    }
    std::optional<coach::Position> position;
    if (!list_opts->position.empty()) {
      position = coach::position_from(list_opts->position);
      if (!position) {
        ctx.exit_code = report(Error::invalid(
            "--position", "must be floor, standing or chair, got '" + list_opts->position + "'"));
        return;
      }
    }
    const auto catalog = app::load_embedded_catalog();
    if (!catalog.ok()) {
      ctx.exit_code = report(catalog.error());
      return;
    }
    std::size_t id_width = 0;
    for (const coach::CatalogItem& item : catalog->items) {
      id_width = std::max(id_width, item.id.size());
    }
    json items = json::array();
    for (const coach::CatalogItem& item : catalog->items) {
      if (target &&
          std::find(item.targets.begin(), item.targets.end(), *target) == item.targets.end()) {
        continue;
      }
      if (position && item.position != *position) continue;
      if (list_opts->json) {
        items.push_back({{"id", item.id},
                         {"name", item.name},
                         {"kind", coach::to_string(item.kind)},
                         {"position", coach::to_string(item.position)}});
      } else {
        fmt::print("{:<{}}  {:<10} {:<9} {}\n", item.id, id_width, coach::to_string(item.kind),
                   coach::to_string(item.position), item.name);
      }
    }
    if (list_opts->json) std::cout << json{{"items", items}}.dump(2) << '\n';
  });

  auto show_opts = std::make_shared<ShowOptions>();
  auto* show = group->add_subcommand("show", "Show one item with its steps and cues");
  show->add_option("ID", show_opts->id, "The item's id (see `catalog list`)")->required();
  show->add_flag("--json", show_opts->json, "Print machine-readable JSON");
  show->add_option("--date", show_opts->date, "Accepted for symmetry with the other commands");
  show->callback([&ctx, show_opts] {
    if (Status s = check_date(show_opts->date); !s.ok()) {
      ctx.exit_code = report(s.error());
      return;
    }
    const auto catalog = app::load_embedded_catalog();
    if (!catalog.ok()) {
      ctx.exit_code = report(catalog.error());
      return;
    }
    const coach::CatalogItem* item = catalog->find(show_opts->id);
    if (item == nullptr) {
      ctx.exit_code = report(Error::not_found("no catalog item with id '" + show_opts->id + "'"));
      return;
    }
    if (show_opts->json) {
      std::cout << app::catalog_item_to_json(*item).dump(2) << '\n';
    } else {
      render_item(*item);
    }
  });
}

}  // namespace bb::cli
