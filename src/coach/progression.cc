#include "coach/progression.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace bb::coach {

namespace {
struct Ratio {
  int work;
  int rest;
};
// Work:rest ratios in the order they are earned: 1:1, 2:1, 3:1.
constexpr std::array<Ratio, 3> kRatios{{{30, 30}, {40, 20}, {45, 15}}};

int ratio_index(const RopeDose& dose) {
  for (std::size_t i = 0; i < kRatios.size(); ++i)
    if (kRatios[i].work == dose.work_seconds && kRatios[i].rest == dose.rest_seconds)
      return static_cast<int>(i);
  return 0;
}

int cadence_for(RopeSkill skill) {
  switch (skill) {
    case RopeSkill::kSideSwing: return 100;
    case RopeSkill::kBasicBounce: return 110;
    case RopeSkill::kAlternateFootStep: return kRelaxedCadenceMax;
  }
  return 100;
}

// Enough rounds of `work` seconds to keep `seconds` of rope time, unless that would pass
// `ceiling`; at least one.
int rounds_for(int seconds, int work, int ceiling) {
  int rounds = std::max(1, (seconds + work - 1) / work);
  while (rounds > 1 && rounds * work > ceiling) --rounds;
  return rounds;
}

RopeDose with_ratio(RopeDose dose, Ratio ratio, int ceiling) {
  const int total = dose.work_total_seconds();
  dose.work_seconds = ratio.work;
  dose.rest_seconds = ratio.rest;
  dose.rounds = rounds_for(total, ratio.work, ceiling);
  return dose;
}

int max_raise_seconds(int total) {
  return std::max(static_cast<int>(std::floor(total * kMaxRaiseFraction)), kMinRaiseSeconds);
}
}  // namespace

Response classify_response(const SessionLog& session, int checkin_pain,
                           std::optional<int> next_morning_pain) {
  using Cause = Response::Cause;
  Response r;
  r.pain_during = session.pain_during_max;
  r.checkin_pain = checkin_pain;
  r.morning_pain = next_morning_pain.value_or(0);
  const auto set = [&r](TrafficLight light, Rule rule, Cause cause) {
    r.light = light;
    r.rule = rule;
    r.cause = cause;
    return r;
  };
  if (session.stopped == StopReason::kSharpPain)
    return set(TrafficLight::kRed, Rule::kRedStepBack, Cause::kSharpPainStop);
  if (session.pain_during_max > kAcceptablePainDuring)
    return set(TrafficLight::kRed, Rule::kRedStepBack, Cause::kPainDuring);
  if (next_morning_pain && *next_morning_pain >= checkin_pain + kMorningRiseRed)
    return set(TrafficLight::kRed, Rule::kRedStepBack, Cause::kMorningRise);
  if (!next_morning_pain) return set(TrafficLight::kAmber, Rule::kMorningUnknown, Cause::kMorningUnknown);
  if (session.stopped == StopReason::kFatigue || session.stopped == StopReason::kOther ||
      !session.completed)
    return set(TrafficLight::kAmber, Rule::kAmberHold, Cause::kEndedEarly);
  if (*next_morning_pain > checkin_pain)
    return set(TrafficLight::kAmber, Rule::kAmberHold, Cause::kMorningUpOne);
  return set(TrafficLight::kGreen, Rule::kGreenRaise, Cause::kSettled);
}

std::string Response::why() const {
  switch (cause) {
    case Cause::kSharpPainStop:
      return "you stopped for sharp pain";
    case Cause::kPainDuring:
      return fmt::format("pain during reached {}/10, above the acceptable {}/10", pain_during,
                         kAcceptablePainDuring);
    case Cause::kMorningRise:
      return fmt::format("next-morning pain was {}/10, {} points above the {}/10 you checked in with",
                         morning_pain, morning_pain - checkin_pain, checkin_pain);
    case Cause::kMorningUnknown:
      return "no next-morning pain was recorded, so we cannot tell whether your back settled";
    case Cause::kEndedEarly:
      return "the session ended early";
    case Cause::kMorningUpOne:
      return fmt::format("next-morning pain was {}/10, a point above the {}/10 you checked in with",
                         morning_pain, checkin_pain);
    case Cause::kSettled:
      return fmt::format(
          "pain during stayed at {}/10 and next-morning pain was {}/10 against {}/10 at check-in",
          pain_during, morning_pain, checkin_pain);
  }
  return {};
}

RopeDose first_dose(const Profile& profile) {
  RopeDose dose;
  dose.work_seconds = kRatios[0].work;
  dose.rest_seconds = kRatios[0].rest;
  int seconds = kFirstSessionMaxSeconds;
  switch (profile.rope_experience) {
    case RopeExperience::kNone:
      dose.skill = RopeSkill::kSideSwing;
      seconds = 3 * 60;
      break;
    case RopeExperience::kSome:
      dose.skill = RopeSkill::kBasicBounce;
      seconds = 4 * 60;
      break;
    case RopeExperience::kRegular:
      dose.skill = RopeSkill::kBasicBounce;
      seconds = kFirstSessionMaxSeconds;
      break;
  }
  dose.rounds = seconds / dose.work_seconds;
  dose.cadence_per_min = cadence_for(dose.skill);
  return dose;
}

Progression raise(const RopeDose& dose) {
  const int total = dose.work_total_seconds();
  const int ceiling = std::min(kMaxRopeSeconds, total + max_raise_seconds(total));
  if (dose.skill != RopeSkill::kSideSwing && dose.cadence_per_min < cadence_for(dose.skill)) {
    RopeDose next = dose;
    next.cadence_per_min = cadence_for(dose.skill);
    return {next, Rule::kCadenceStep};
  }
  if (dose.skill == RopeSkill::kSideSwing) {
    RopeDose next = dose;
    next.skill = RopeSkill::kBasicBounce;
    next.cadence_per_min = cadence_for(next.skill);
    return {next, Rule::kSkillStep};
  }
  const int ratio = ratio_index(dose);
  if (ratio + 1 < static_cast<int>(kRatios.size())) {
    return {with_ratio(dose, kRatios[static_cast<std::size_t>(ratio + 1)], ceiling), Rule::kRatioStep};
  }
  if (dose.skill == RopeSkill::kBasicBounce) {
    RopeDose next = dose;
    next.skill = RopeSkill::kAlternateFootStep;
    next.cadence_per_min = cadence_for(next.skill);
    return {next, Rule::kSkillStep};
  }
  // At the cap when not one more round fits under 20 minutes.
  if (total + dose.work_seconds > kMaxRopeSeconds) return {dose, Rule::kRopeTimeCap};
  RopeDose next = dose;
  next.rounds = std::max(dose.rounds + 1, ceiling / dose.work_seconds);
  while (next.work_total_seconds() > kMaxRopeSeconds) --next.rounds;
  return {next, Rule::kTimeStep};
}

RopeDose step_back(const RopeDose& dose) {
  const int total = dose.work_total_seconds();
  const int target = std::max(kMinRopeSeconds, total - max_raise_seconds(total));
  const int ratio = std::max(0, ratio_index(dose) - 1);
  RopeDose back = dose;
  back.work_seconds = kRatios[static_cast<std::size_t>(ratio)].work;
  back.rest_seconds = kRatios[static_cast<std::size_t>(ratio)].rest;
  back.rounds = std::max(1, std::min(target, total) / back.work_seconds);
  return back;
}

RopeDose steadier(const RopeDose& dose) {
  RopeDose steady = dose;
  switch (dose.skill) {
    case RopeSkill::kSideSwing:
      break;
    case RopeSkill::kAlternateFootStep:
      steady.skill = RopeSkill::kBasicBounce;
      steady.cadence_per_min = cadence_for(steady.skill);
      break;
    case RopeSkill::kBasicBounce:
      steady.cadence_per_min =
          std::max(kSlowestJumpCadence, dose.cadence_per_min - kTripsCadenceStep);
      break;
  }
  return steady;
}

RopeDose lowered(const RopeDose& dose, double fraction) {
  RopeDose lower = dose;
  const double target = dose.work_total_seconds() * (1.0 - fraction);
  lower.rounds = std::max(1, static_cast<int>(std::floor(target / dose.work_seconds)));
  return lower;
}

RopeDose capped_to(const RopeDose& dose, int seconds) {
  RopeDose capped = dose;
  if (dose.work_total_seconds() > seconds) capped.rounds = std::max(1, seconds / dose.work_seconds);
  return capped;
}

std::string minutes_number(double minutes) {
  const double rounded = std::round(minutes * 10.0) / 10.0;
  if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
    return fmt::format("{}", static_cast<int>(std::lround(rounded)));
  }
  return fmt::format("{:.1f}", rounded);
}

std::string minutes_phrase(double minutes) { return minutes_number(minutes) + "-minute"; }

std::string minutes_words(double minutes) {
  const std::string n = minutes_number(minutes);
  return n + (n == "1" ? " minute" : " minutes");
}

const char* skill_phrase(RopeSkill skill) {
  switch (skill) {
    case RopeSkill::kSideSwing: return "side swings without jumping";
    case RopeSkill::kBasicBounce: return "basic bounce";
    case RopeSkill::kAlternateFootStep: return "alternate-foot step";
  }
  return "basic bounce";
}

std::string describe(const RopeDose& dose) {
  return fmt::format("{} rounds of {} s on / {} s off at {} turns a minute, {}", dose.rounds,
                     dose.work_seconds, dose.rest_seconds, dose.cadence_per_min,
                     skill_phrase(dose.skill));
}

}  // namespace bb::coach
