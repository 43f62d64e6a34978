#include "coach/rules.h"

namespace bb::coach {

const char* rule_id(Rule rule) {
  switch (rule) {
    case Rule::kUrgentScreen: return "safety.urgent_screen";
    case Rule::kUrgentCheckIn: return "safety.urgent_checkin";
    case Rule::kUrgentNeedsClearance: return "safety.urgent_needs_clearance";
    case Rule::kSeeClinician: return "safety.see_clinician";
    case Rule::kCleared: return "safety.cleared";
    case Rule::kSharpPainStop: return "safety.sharp_pain_stop";
    case Rule::kSensitiveDay: return "readiness.sensitive_day";
    case Rule::kHighPainToday: return "readiness.high_pain_today";
    case Rule::kModeratePainToday: return "readiness.moderate_pain_today";
    case Rule::kOkayDayHolds: return "readiness.okay_day_holds";
    case Rule::kGoodDay: return "readiness.good_day";
    case Rule::kBelowKneeHold: return "readiness.below_knee_hold";
    case Rule::kAboveKneeNote: return "readiness.above_knee_note";
    case Rule::kGreenRaise: return "response.green_raise";
    case Rule::kAmberHold: return "response.amber_hold";
    case Rule::kRedStepBack: return "response.red_step_back";
    case Rule::kMorningUnknown: return "response.morning_unknown";
    case Rule::kShortSessionCredit: return "response.short_session_credit";
    case Rule::kFirstSession: return "progression.first_session";
    case Rule::kCadenceStep: return "progression.cadence_step";
    case Rule::kSkillStep: return "progression.skill_step";
    case Rule::kMeasuredShortOfLogged: return "measured.short_of_logged";
    case Rule::kFormHardLandings: return "form.hard_landings";
    case Rule::kFormJumpsTooHigh: return "form.jumps_too_high";
    case Rule::kFormCadenceAbovePlan: return "form.cadence_above_plan";
    case Rule::kFormFrequentTrips: return "form.frequent_trips";
    case Rule::kFormSteady: return "form.steady";
    case Rule::kRatioStep: return "progression.ratio_step";
    case Rule::kTimeStep: return "progression.time_step";
    case Rule::kRopeTimeCap: return "progression.rope_time_cap";
    case Rule::kTwoRedsHold: return "progression.two_reds_hold";
    case Rule::kGreenWeekRelease: return "progression.green_week_release";
    case Rule::kWeeklyPainRising: return "progression.weekly_pain_rising";
    case Rule::kRoutineRespectsAggravators: return "routine.respects_aggravators";
    case Rule::kRopeEquipment: return "routine.rope_equipment";
    case Rule::kFlareUpNormal: return "routine.flare_up_normal";
  }
  return "unknown";
}

}  // namespace bb::coach
