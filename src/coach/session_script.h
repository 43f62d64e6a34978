// The session script: a plan's parts turned into the ordered steps a player plays.
#pragma once

#include <vector>

#include "coach/catalog.h"
#include "coach/plan.h"

namespace bb::coach {

// The catalog drill a rope round plays for its skill: its steps, cues and figure are the round's.
const char* rope_drill_id(RopeSkill skill);

// Warm-up, rope rounds (a rest between rounds, none after the last), main, cool-down. An item
// done as repetitions becomes a reps step, any other a hold; a two-sided item gives a right step
// then a left step. A rope round names the drill of its skill (rope_drill_id). Ids missing from the catalog are skipped (the engine only plans catalog ids).
// Empty when the plan has neither stretching nor rope.
std::vector<SessionStep> session_script(const Plan& plan, const Catalog& catalog);

}  // namespace bb::coach
