#include "coach/progression.h"

#include <gtest/gtest.h>

namespace bb::coach {
namespace {

SessionLog session(int during, StopReason stopped = StopReason::kNone, bool completed = true) {
  SessionLog s;
  s.completed = completed;
  s.rope_minutes = 5;
  s.pain_during_max = during;
  s.pain_after = during;
  s.stopped = stopped;
  return s;
}

TEST(ClassifyResponse, GreenNeedsAcceptablePainAndASettledMorning) {
  EXPECT_EQ(classify_response(session(5), 3, 3).light, TrafficLight::kGreen);
  EXPECT_EQ(classify_response(session(2), 3, 1).light, TrafficLight::kGreen);
}

TEST(ClassifyResponse, RedAbovePainLineOrMorningRiseOrSharpStop) {
  EXPECT_EQ(classify_response(session(6), 3, 3).light, TrafficLight::kRed);
  EXPECT_EQ(classify_response(session(2), 3, 5).light, TrafficLight::kRed);
  EXPECT_EQ(classify_response(session(0, StopReason::kSharpPain), 3, 3).light, TrafficLight::kRed);
  // Sharp pain is red even with no morning report.
  EXPECT_EQ(classify_response(session(0, StopReason::kSharpPain), 3, std::nullopt).light,
            TrafficLight::kRed);
}

TEST(ClassifyResponse, AmberForUnknownMorningOnePointRiseOrEarlyStop) {
  const Response unknown = classify_response(session(2), 3, std::nullopt);
  EXPECT_EQ(unknown.light, TrafficLight::kAmber);
  EXPECT_EQ(unknown.rule, Rule::kMorningUnknown);
  EXPECT_EQ(classify_response(session(2), 3, 4).light, TrafficLight::kAmber);
  EXPECT_EQ(classify_response(session(2, StopReason::kFatigue), 3, 3).light, TrafficLight::kAmber);
  EXPECT_EQ(classify_response(session(2, StopReason::kNone, false), 3, 3).light,
            TrafficLight::kAmber);
}

TEST(FirstDose, NeverMoreThanFiveMinutesAtRelaxedCadence) {
  for (auto exp : {RopeExperience::kNone, RopeExperience::kSome, RopeExperience::kRegular}) {
    Profile p;
    p.rope_experience = exp;
    const RopeDose d = first_dose(p);
    EXPECT_LE(d.work_total_seconds(), kFirstSessionMaxSeconds);
    EXPECT_LE(d.cadence_per_min, kRelaxedCadenceMax);
    EXPECT_EQ(d.work_seconds, 30);
    EXPECT_EQ(d.rest_seconds, 30);
  }
  Profile beginner;
  beginner.rope_experience = RopeExperience::kNone;
  EXPECT_EQ(first_dose(beginner).skill, RopeSkill::kSideSwing);
}

TEST(Raise, SkillThenRatioThenTime) {
  Profile p;
  p.rope_experience = RopeExperience::kNone;
  RopeDose d = first_dose(p);  // 3 min side swing 30/30
  auto up = raise(d);
  EXPECT_EQ(up.step, Rule::kSkillStep);
  EXPECT_EQ(up.dose.skill, RopeSkill::kBasicBounce);
  EXPECT_EQ(up.dose.work_total_seconds(), d.work_total_seconds());
  up = raise(up.dose);
  EXPECT_EQ(up.step, Rule::kRatioStep);
  EXPECT_EQ(up.dose.work_seconds, 40);
  up = raise(up.dose);
  EXPECT_EQ(up.step, Rule::kRatioStep);
  EXPECT_EQ(up.dose.work_seconds, 45);
  up = raise(up.dose);
  EXPECT_EQ(up.step, Rule::kSkillStep);
  EXPECT_EQ(up.dose.skill, RopeSkill::kAlternateFootStep);
  const int before = up.dose.work_total_seconds();
  up = raise(up.dose);
  EXPECT_EQ(up.step, Rule::kTimeStep);
  EXPECT_GT(up.dose.work_total_seconds(), before);
}

TEST(Steadier, StepsTheSkillBackOrSlowsTheBounceAtTheSameRopeTime) {
  RopeDose alternate;
  alternate.skill = RopeSkill::kAlternateFootStep;
  alternate.work_seconds = 45;
  alternate.rest_seconds = 15;
  alternate.rounds = 9;
  alternate.cadence_per_min = kRelaxedCadenceMax;
  const RopeDose bounce = steadier(alternate);
  EXPECT_EQ(bounce.skill, RopeSkill::kBasicBounce);
  EXPECT_EQ(bounce.cadence_per_min, 110);
  EXPECT_EQ(bounce.work_total_seconds(), alternate.work_total_seconds());
  const RopeDose slower = steadier(bounce);
  EXPECT_EQ(slower.skill, RopeSkill::kBasicBounce);
  EXPECT_EQ(slower.cadence_per_min, 110 - kTripsCadenceStep);
  EXPECT_EQ(slower.work_total_seconds(), alternate.work_total_seconds());
  EXPECT_EQ(steadier(slower), slower) << "never below the slowest jumping cadence";
  Profile p;
  p.rope_experience = RopeExperience::kNone;
  const RopeDose swing = first_dose(p);
  EXPECT_EQ(steadier(swing), swing);
}

TEST(Raise, ASlowedCadenceComesBackBeforeAnyOtherStep) {
  RopeDose d;  // basic bounce 10 x 30/30
  d.cadence_per_min = 100;
  const Progression up = raise(d);
  EXPECT_EQ(up.step, Rule::kCadenceStep);
  EXPECT_EQ(up.dose.cadence_per_min, 110);
  EXPECT_EQ(up.dose.work_total_seconds(), d.work_total_seconds());
  EXPECT_EQ(up.dose.work_seconds, d.work_seconds);
  EXPECT_EQ(raise(up.dose).step, Rule::kRatioStep);
}

TEST(Raise, NeverMoreThanTwentyPercentOrOneMinute) {
  RopeDose d;
  d.skill = RopeSkill::kAlternateFootStep;
  d.work_seconds = 45;
  d.rest_seconds = 15;
  d.cadence_per_min = 120;
  for (int rounds = 1; rounds <= 26; ++rounds) {
    d.rounds = rounds;
    const int before = d.work_total_seconds();
    const auto up = raise(d);
    const int allowed = std::max(before / 5, 60);
    EXPECT_LE(up.dose.work_total_seconds() - before, allowed) << rounds;
    EXPECT_LE(up.dose.work_total_seconds(), kMaxRopeSeconds) << rounds;
  }
}

TEST(Raise, StopsAtTwentyMinutes) {
  RopeDose d;
  d.skill = RopeSkill::kAlternateFootStep;
  d.work_seconds = 45;
  d.rest_seconds = 15;
  d.rounds = 1;
  for (int i = 0; i < 100; ++i) d = raise(d).dose;
  EXPECT_LE(d.work_total_seconds(), kMaxRopeSeconds);
  EXPECT_GE(d.work_total_seconds(), kMaxRopeSeconds - d.work_seconds);
  EXPECT_EQ(raise(d).dose, d);
}

TEST(StepBack, LowersTimeAndRatioButNotBelowTwoMinutes) {
  RopeDose d;
  d.work_seconds = 45;
  d.rest_seconds = 15;
  d.rounds = 12;  // 9 minutes
  const RopeDose back = step_back(d);
  EXPECT_LT(back.work_total_seconds(), d.work_total_seconds());
  EXPECT_EQ(back.work_seconds, 40);
  RopeDose small;
  small.rounds = 5;  // 2.5 minutes at 30/30
  EXPECT_GE(step_back(small).work_total_seconds(), kMinRopeSeconds);
  EXPECT_LE(step_back(small).work_total_seconds(), small.work_total_seconds());
}

TEST(Lowered, TakesATenthOffInWholeRounds) {
  RopeDose d;
  d.rounds = 10;  // 5 minutes at 30/30
  EXPECT_EQ(lowered(d, kModeratePainReduction).rounds, 9);
  d.rounds = 1;
  EXPECT_EQ(lowered(d, kModeratePainReduction).rounds, 1);
}

TEST(Words, MinutesReadNaturally) {
  EXPECT_EQ(minutes_words(1), "1 minute");
  EXPECT_EQ(minutes_words(4.5), "4.5 minutes");
  EXPECT_EQ(minutes_phrase(6), "6-minute");
}

}  // namespace
}  // namespace bb::coach
