// The rope dose ladder and the pain-monitoring traffic light. Thresholds are named here and
// documented in docs/engine-rules.md with their sources.
#pragma once

#include <string>

#include "coach/model.h"
#include "coach/plan.h"
#include "coach/rules.h"

namespace bb::coach {

// Pain during activity: 0-2 safe, 3-5 acceptable, above 5 not acceptable (Silbernagel 2007).
inline constexpr int kAcceptablePainDuring = 5;
// Next-morning pain this many points above the day's check-in makes a session red.
inline constexpr int kMorningRiseRed = 2;
inline constexpr int kFirstSessionMaxSeconds = 5 * 60;
inline constexpr int kMaxRopeSeconds = 20 * 60;
inline constexpr int kMinRopeSeconds = 2 * 60;  // a step back never goes below two minutes
inline constexpr int kRelaxedCadenceMax = 120;  // turns per minute
inline constexpr double kMaxRaiseFraction = 0.20;
inline constexpr int kMinRaiseSeconds = 60;
inline constexpr double kModeratePainReduction = 0.10;
// Readiness from today's check-in pain (docs/engine-rules.md, readiness.*): from this pain a day
// is restorative with no rope, and from the lower one the rope time is lowered by a tenth.
inline constexpr int kRestorativePainFrom = 7;
inline constexpr int kLoweredPainFrom = 5;
// What a recording measured (docs/engine-rules.md, measured.* and form.*). Our choices, from the
// form-feedback table of docs/motion.md where one applies.
inline constexpr int kMeasuredMinJumps = 20;  // fewer: the recording is taken as not covering it
inline constexpr double kMeasuredShortFraction = 0.8;  // measured below 80% of logged: use it
inline constexpr double kJumpTooHighCm = 5.0;
inline constexpr double kHardLandingG = 4.0;        // pocket, waist, chest
inline constexpr double kHardLandingAnkleG = 12.0;  // the ankle reads much larger peaks
inline constexpr double kCadenceAbovePlanFraction = 0.10;
inline constexpr double kTripsPerMinuteMax = 1.0;
// After frequent trips the next rope is steadier (form.frequent_trips): a basic bounce turns this
// much slower, not below the slowest jumping cadence.
inline constexpr int kTripsCadenceStep = 10;
inline constexpr int kSlowestJumpCadence = 100;

struct Response {
  // What decided the light, in the order it is checked.
  enum class Cause { kSharpPainStop, kPainDuring, kMorningRise, kMorningUnknown, kEndedEarly,
                     kMorningUpOne, kSettled };
  TrafficLight light = TrafficLight::kAmber;
  Rule rule = Rule::kAmberHold;  // kGreenRaise, kAmberHold, kMorningUnknown or kRedStepBack
  Cause cause = Cause::kMorningUnknown;
  int pain_during = 0;
  int checkin_pain = 0;
  int morning_pain = 0;

  // e.g. "pain during reached 7/10, above the acceptable 5/10". Built on demand: the engine
  // folds years of sessions without explaining each one.
  [[nodiscard]] std::string why() const;
};

// The traffic light for a rope session, from what was felt during it, and the next morning
// against that day's check-in pain.
Response classify_response(const SessionLog& session, int checkin_pain,
                           std::optional<int> next_morning_pain);

// The first rope session for a person: never more than five minutes at a relaxed cadence.
RopeDose first_dose(const Profile& profile);

struct Progression {
  RopeDose dose;
  Rule step = Rule::kTimeStep;  // kCadenceStep, kSkillStep, kRatioStep, kTimeStep or kRopeTimeCap
};
// One step up: a cadence slowed after trips back to the skill's own first, then skill, then the
// work:rest ratio, then rope time by at most 20% or one minute, whichever is larger, capped at
// 20 minutes.
Progression raise(const RopeDose& dose);
// One step down: rope time by 20% or a minute (not below two minutes) and the ratio one notch back.
RopeDose step_back(const RopeDose& dose);
// The same rope time made easier to keep in rhythm: the alternate-foot step goes back to the basic
// bounce, a basic bounce turns kTripsCadenceStep slower (not below kSlowestJumpCadence). A side
// swing, or a bounce already at the slowest cadence, comes back unchanged.
RopeDose steadier(const RopeDose& dose);
// The same dose with rope time lowered by `fraction` (at least one round remains).
RopeDose lowered(const RopeDose& dose, double fraction);
// The same dose with rope time brought down to at most `seconds` (at least one round).
RopeDose capped_to(const RopeDose& dose, int seconds);

// "5", "6.5"
std::string minutes_number(double minutes);
// "1 minute", "6.5 minutes"
std::string minutes_words(double minutes);
// "5-minute", "6.5-minute"
std::string minutes_phrase(double minutes);
// "10 rounds of 30 s on / 30 s off at 110 turns a minute, basic bounce"
std::string describe(const RopeDose& dose);
const char* skill_phrase(RopeSkill skill);

}  // namespace bb::coach
