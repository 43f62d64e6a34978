// JSON renderings of the engine's answers, shared by the CLI (--json, replay) and the server.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "coach/measures.h"
#include "coach/plan.h"
#include "coach/rope_advice.h"

namespace bb::app {

// {"date", "status", "day_type", "rope": null | {"minutes", "work_seconds", "rest_seconds",
//  "rounds", "cadence_per_min", "skill"}, "stretch": {"minutes", "items", "warm_up", "main",
//  "cool_down"}, "steps": [step], "traffic_light", "ask_urgent_questions", "reasons": [text],
//  "rules": [{"rule", "text"}]}
nlohmann::json plan_to_json(const coach::Plan& plan);
// One step of the session script, with "kind" and "part" always:
// hold {"item", "seconds", "side"}, reps {"item", "reps", "side"} (side null, "right" or "left"),
// rope {"round", "seconds", "cadence_per_min", "skill"}, rest {"round", "seconds"}.
nlohmann::json step_to_json(const coach::SessionStep& step);
// The same as compact text, byte for byte what plan_to_json(plan).dump() gives (invalid UTF-8
// replaced), written straight into one string: the server's hot path.
std::string plan_to_json_text(const coach::Plan& plan);
nlohmann::json rope_advice_to_json(const coach::RopeAdvice& advice);
nlohmann::json change_to_json(const coach::Change& change);
// Every field of a catalog item, with wire names (the catalog file schema, data/README.md).
nlohmann::json catalog_item_to_json(const coach::CatalogItem& item);

}  // namespace bb::app
