// The person's side of the engine: profile, safety screen, daily check-ins, sessions and their
// responses. Plain values; every range is checked by the parsers in src/app before it gets here.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace bb::coach {

enum class RopeExperience { kNone, kSome, kRegular };
enum class RopeOwned { kNone, kBeaded, kSpeedQuarterLb, kPvcSpeed, kHeavy, kRopeless };
enum class Aggravator { kSitting, kBending, kStanding, kArching, kWalking, kLying };

struct Profile {
  int birth_year = 1980;
  int height_cm = 170;
  RopeExperience rope_experience = RopeExperience::kNone;
  RopeOwned rope = RopeOwned::kNone;
  std::vector<Aggravator> aggravated_by;

  [[nodiscard]] bool aggravated(Aggravator a) const;
};

// The ten red flags of the safety screen (clinical-basis.md section 2), in screen order.
enum class RedFlag {
  kSaddleNumbness,
  kBladderBowelChange,
  kProgressiveLegWeakness,
  kMajorTrauma,
  kFeverUnwell,
  kCancerHistory,
  kUnexplainedWeightLoss,
  kConstantNightPain,
  kImmunosuppressionOrIvDrugs,
  kOsteoporosisMinorTrauma,
};
inline constexpr int kRedFlagCount = 10;
enum class FlagSeverity { kUrgent, kSeeClinician };

struct RedFlagInfo {
  RedFlag flag;
  const char* id;        // stable wire id, e.g. "saddle_numbness"
  const char* question;  // asked of the person, in plain words
  const char* summary;   // the sign in a few words, for "You answered yes to ..."
  FlagSeverity severity;
};
// All ten, in screen order; the first three are urgent.
const std::array<RedFlagInfo, kRedFlagCount>& red_flags();
const RedFlagInfo& info(RedFlag flag);
// What to do now after a yes at this severity, in the words every front end shows.
const char* safety_advice(FlagSeverity severity);
std::optional<RedFlag> red_flag_from(const std::string& id);

// Answers to the full screen: true = yes.
struct Screening {
  std::array<bool, kRedFlagCount> answers{};
  [[nodiscard]] bool yes(RedFlag f) const { return answers[static_cast<std::size_t>(f)]; }
};

enum class Feel { kSensitive, kOkay, kGood };
enum class LegSymptoms { kNone, kAboveKnee, kBelowKnee };

struct CheckIn {
  int pain = 0;  // 0-10 right now
  Feel feel = Feel::kOkay;
  LegSymptoms leg_symptoms = LegSymptoms::kNone;
  std::vector<RedFlag> urgent_flags;  // "yes" answers to the brief urgent re-check
  std::string notes;
};

enum class StopReason { kNone, kSharpPain, kFatigue, kOther };

// Where the phone or sensor was worn for a recording (the motion wire names; waist is pocket).
enum class SensorPlacement { kPocket, kChest, kAnkle, kWrist };

// What recordings of a session measured (the app layer merges several into one). Only active
// time and jumps are always known; the others only where the placement shows them.
struct Measured {
  double active_seconds = 0;  // time spent jumping, from the rhythm of the jumps
  int jumps = 0;
  SensorPlacement placement = SensorPlacement::kPocket;
  std::optional<double> cadence_per_min;
  std::optional<double> height_cm;
  std::optional<double> impact_g;
  std::optional<int> trips;
  std::optional<int> longest_run;
};

// What was done on a day and how it felt.
struct SessionLog {
  bool completed = true;
  double rope_minutes = 0;  // rope time actually done (work time, rests excluded)
  int pain_during_max = 0;  // 0-10
  int pain_after = 0;       // 0-10, shortly after
  StopReason stopped = StopReason::kNone;
  // What the person noted about the session; kept and shown, never used by a rule.
  std::optional<int> effort;  // 0-10, how hard it felt (0 rest, 10 maximal)
  std::string notes;
  std::optional<Measured> measured;  // from the session's recordings, if any
};

struct Day {
  Date date;
  CheckIn checkin;
  std::optional<SessionLog> session;
  std::optional<int> next_morning_pain;  // 0-10, the morning after this day's session
};

// Everything the engine knows about a person. `days` are in strictly increasing date order.
struct Timeline {
  Profile profile;
  Screening screening;
  std::optional<Date> clearance;  // a clinician cleared the person for exercise on this date
  std::vector<Day> days;
};

const char* to_string(RopeExperience);
const char* to_string(RopeOwned);
const char* to_string(Aggravator);
const char* to_string(Feel);
const char* to_string(LegSymptoms);
const char* to_string(StopReason);
const char* to_string(SensorPlacement);
std::optional<SensorPlacement> sensor_placement_from(const std::string&);  // "waist" is pocket
std::optional<RopeExperience> rope_experience_from(const std::string&);
std::optional<RopeOwned> rope_owned_from(const std::string&);
std::optional<Aggravator> aggravator_from(const std::string&);
std::optional<Feel> feel_from(const std::string&);
std::optional<LegSymptoms> leg_symptoms_from(const std::string&);
std::optional<StopReason> stop_reason_from(const std::string&);

}  // namespace bb::coach
