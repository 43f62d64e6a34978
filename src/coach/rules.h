// Every decision the engine can make, by name. Each has a test and a line in
// docs/engine-rules.md with its threshold and source.
#pragma once

namespace bb::coach {

enum class Rule {
  // Safety
  kUrgentScreen,         // an urgent red flag on the full screen blocks every plan
  kUrgentCheckIn,        // an urgent flag at today's check-in blocks every plan
  kUrgentNeedsClearance, // after an urgent check-in flag, plans wait for a clinician's clearance
  kSeeClinician,         // a see-a-clinician flag blocks exercise until clearance is recorded
  kCleared,              // a recorded clearance lifts the see-a-clinician block
  kSharpPainStop,        // a stop for sharp pain: next plan has no rope and re-asks urgent questions
  // Readiness (may hold or lower, never raise)
  kSensitiveDay,    // a sensitive back gets restorative work only
  kHighPainToday,   // pain 7 or more today: restorative only
  kModeratePainToday,  // pain 5-6 today: mixed day, rope dose lowered by 10%
  kOkayDayHolds,    // an "okay" day is mixed and holds the dose at the last session's
  kGoodDay,         // a good day with pain 4 or less gets the progression dose as a rope day
  kBelowKneeHold,   // leg symptoms below the knee hold progression, no rope-focused day
  kAboveKneeNote,   // leg symptoms above the knee: noted, watched
  // Response to the previous rope session (pain-monitoring traffic light)
  kGreenRaise,        // green: the next dose may rise by at most 20% or one minute
  kAmberHold,         // amber: the dose holds
  kRedStepBack,       // red: the dose steps back
  kMorningUnknown,    // no next-morning pain recorded: treated as amber
  kShortSessionCredit,  // less rope time done than planned: the next dose builds on what was done
  // What a recording of the session measured (may hold or lower, never raise)
  kMeasuredShortOfLogged,  // clearly less jumping measured than logged: the dose builds on it
  kFormHardLandings,       // hard landings for the placement hold progression
  kFormJumpsTooHigh,       // jumps higher than the rope needs hold progression
  kFormCadenceAbovePlan,   // a cadence well above the planned one holds progression
  kFormFrequentTrips,      // frequent trips hold progression
  kFormSteady,             // low, soft, steady jumping at the planned cadence: pain rules decide
  // Progression
  kFirstSession,      // the first rope session: at most 5 minutes, relaxed cadence, intervals
  kCadenceStep,       // a cadence slowed after trips returns before any other step
  kSkillStep,         // progress skill before time
  kRatioStep,         // progress work:rest before time
  kTimeStep,          // then add rope time
  kRopeTimeCap,       // never more than 20 minutes of rope time
  kTwoRedsHold,       // two reds within 7 days hold progression until a green week
  kGreenWeekRelease,  // a green week lifts that hold
  kWeeklyPainRising,  // check-in pain rising week on week holds progression
  // Routine and equipment
  kRoutineRespectsAggravators,  // no deep loaded flexion / end-range extension when they aggravate
  kRopeEquipment,               // advice on the rope the person owns
  kFlareUpNormal,               // mild temporary flare-ups are common when starting
};
// The last rule, so that a test can walk them all: keep it pointing at the last one above.
inline constexpr Rule kLastRule = Rule::kFlareUpNormal;

// Stable wire id, e.g. "safety.urgent_screen".
const char* rule_id(Rule rule);

}  // namespace bb::coach
