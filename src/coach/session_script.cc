#include "coach/session_script.h"

#include <string>

namespace bb::coach {

namespace {
void add_items(const std::vector<std::string>& ids, SessionPart part, const Catalog& catalog,
               std::vector<SessionStep>& out) {
  for (const std::string& id : ids) {
    const CatalogItem* item = catalog.find(id);
    if (item == nullptr) continue;
    SessionStep step;
    step.part = part;
    step.item = id;
    if (item->hold_seconds <= 0 && item->reps > 0) {
      step.kind = StepKind::kReps;
      step.reps = item->reps;
    } else {
      step.kind = StepKind::kHold;
      step.seconds = item->hold_seconds;
    }
    if (item->each_side) {
      step.side = Side::kRight;
      out.push_back(step);
      step.side = Side::kLeft;
    }
    out.push_back(step);
  }
}

void add_rope(const RopeDose& rope, std::vector<SessionStep>& out) {
  const char* drill = rope_drill_id(rope.skill);
  for (int round = 1; round <= rope.rounds; ++round) {
    SessionStep work;
    work.kind = StepKind::kRope;
    work.part = SessionPart::kRope;
    work.seconds = rope.work_seconds;
    work.round = round;
    work.cadence_per_min = rope.cadence_per_min;
    work.skill = rope.skill;
    work.item = drill;
    out.push_back(work);
    if (round < rope.rounds && rope.rest_seconds > 0) {
      SessionStep rest;
      rest.kind = StepKind::kRest;
      rest.part = SessionPart::kRope;
      rest.seconds = rope.rest_seconds;
      rest.round = round;
      out.push_back(rest);
    }
  }
}
}  // namespace

const char* rope_drill_id(RopeSkill skill) {
  switch (skill) {
    case RopeSkill::kSideSwing: return "rope_side_swing";
    case RopeSkill::kBasicBounce: return "basic_bounce";
    case RopeSkill::kAlternateFootStep: return "alternate_foot_step";
  }
  return "basic_bounce";
}

std::vector<SessionStep> session_script(const Plan& plan, const Catalog& catalog) {
  std::vector<SessionStep> steps;
  add_items(plan.stretch.warm_up, SessionPart::kWarmUp, catalog, steps);
  if (plan.rope) add_rope(*plan.rope, steps);
  add_items(plan.stretch.main, SessionPart::kMain, catalog, steps);
  add_items(plan.stretch.cool_down, SessionPart::kCoolDown, catalog, steps);
  return steps;
}

}  // namespace bb::coach
