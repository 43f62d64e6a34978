// `bounceback replay SCENARIO.json`: the engine over a whole timeline, one plan per day, as JSON.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/catalog_loader.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "cli/cli.h"
#include "coach/coach.h"

namespace bb::cli {

void register_replay_command(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("replay", "Run the engine over a scenario timeline; print every day's plan as JSON");
  auto path = std::make_shared<std::string>();
  cmd->add_option("SCENARIO", *path, "Scenario JSON file ('-' for standard input)")->required();
  cmd->callback([&ctx, path] {
    std::string text;
    if (*path == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(*path, std::ios::binary);
      if (!in) {
        ctx.exit_code = report(Error::invalid("SCENARIO", "cannot read " + *path));
        return;
      }
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto timeline = app::parse_timeline(text);
    if (!timeline.ok()) {
      ctx.exit_code = report(timeline.error());
      return;
    }
    const auto catalog = app::load_embedded_catalog();
    if (!catalog.ok()) {
      ctx.exit_code = report(catalog.error());
      return;
    }
    const coach::Coach coach(*catalog);
    nlohmann::json days = nlohmann::json::array();
    for (const auto& plan : coach.replay(*timeline)) days.push_back(app::plan_to_json(plan));
    const std::string out = nlohmann::json{{"days", days}}.dump(2);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
  });
}

}  // namespace bb::cli
