#include "coach/model.h"

#include <algorithm>

#include "coach/wire_names.h"

namespace bb::coach {

namespace {
using detail::Names;
using detail::name_of;
using detail::value_of;

constexpr std::array<RedFlagInfo, kRedFlagCount> kRedFlags{{
    {RedFlag::kSaddleNumbness, "saddle_numbness",
     "Do you have numbness or tingling around your genitals, buttocks or inner thighs (the "
     "saddle area)?",
     "numbness around the saddle area",
     FlagSeverity::kUrgent},
    {RedFlag::kBladderBowelChange, "bladder_bowel_change",
     "Do you have new trouble passing urine, leaking urine, or loss of bowel control?",
     "a change in bladder or bowel control",
     FlagSeverity::kUrgent},
    {RedFlag::kProgressiveLegWeakness, "progressive_leg_weakness",
     "Is weakness, numbness or foot drop in a leg getting worse?", "a leg getting weaker",
     FlagSeverity::kUrgent},
    {RedFlag::kMajorTrauma, "major_trauma",
     "Did this back pain start after a fall, a crash or a heavy blow?", "pain that began with a fall or blow",
     FlagSeverity::kSeeClinician},
    {RedFlag::kFeverUnwell, "fever_unwell",
     "Do you have a fever or chills, or feel generally unwell, along with the back pain?",
     "fever or feeling unwell",
     FlagSeverity::kSeeClinician},
    {RedFlag::kCancerHistory, "cancer_history",
     "Have you had cancer, and is this back pain new?", "cancer and new back pain",
     FlagSeverity::kSeeClinician},
    {RedFlag::kUnexplainedWeightLoss, "unexplained_weight_loss",
     "Have you lost weight without trying?", "weight loss without trying",
     FlagSeverity::kSeeClinician},
    {RedFlag::kConstantNightPain, "constant_night_pain",
     "Is the pain severe at night or lying down, and not eased by any position?",
     "severe night pain no position eases",
     FlagSeverity::kSeeClinician},
    {RedFlag::kImmunosuppressionOrIvDrugs, "immunosuppression_or_iv_drugs",
     "Do you take long-term steroids or drugs that weaken the immune system, or inject drugs?",
     "lowered immunity or injecting drugs",
     FlagSeverity::kSeeClinician},
    {RedFlag::kOsteoporosisMinorTrauma, "osteoporosis_minor_trauma",
     "Do you have osteoporosis, or are you over 70, and did the pain start after a minor strain or "
     "fall?",
     "fragile bones and a minor strain or fall",
     FlagSeverity::kSeeClinician},
}};

constexpr Names<RopeExperience, 3> kExperience{{{RopeExperience::kNone, "none"},
                                                {RopeExperience::kSome, "some"},
                                                {RopeExperience::kRegular, "regular"}}};
constexpr Names<RopeOwned, 6> kRopes{{{RopeOwned::kNone, "none"},
                                      {RopeOwned::kBeaded, "beaded"},
                                      {RopeOwned::kSpeedQuarterLb, "speed_quarter_lb"},
                                      {RopeOwned::kPvcSpeed, "pvc_speed"},
                                      {RopeOwned::kHeavy, "heavy"},
                                      {RopeOwned::kRopeless, "ropeless"}}};
constexpr Names<Aggravator, 6> kAggravators{{{Aggravator::kSitting, "sitting"},
                                             {Aggravator::kBending, "bending"},
                                             {Aggravator::kStanding, "standing"},
                                             {Aggravator::kArching, "arching"},
                                             {Aggravator::kWalking, "walking"},
                                             {Aggravator::kLying, "lying"}}};
constexpr Names<Feel, 3> kFeels{
    {{Feel::kSensitive, "sensitive"}, {Feel::kOkay, "okay"}, {Feel::kGood, "good"}}};
constexpr Names<LegSymptoms, 3> kLegSymptoms{{{LegSymptoms::kNone, "none"},
                                              {LegSymptoms::kAboveKnee, "above_knee"},
                                              {LegSymptoms::kBelowKnee, "below_knee"}}};
constexpr Names<SensorPlacement, 4> kPlacements{{{SensorPlacement::kPocket, "pocket"},
                                                 {SensorPlacement::kChest, "chest"},
                                                 {SensorPlacement::kAnkle, "ankle"},
                                                 {SensorPlacement::kWrist, "wrist"}}};
constexpr Names<StopReason, 4> kStopReasons{{{StopReason::kNone, "none"},
                                             {StopReason::kSharpPain, "sharp_pain"},
                                             {StopReason::kFatigue, "fatigue"},
                                             {StopReason::kOther, "other"}}};
}  // namespace

bool Profile::aggravated(Aggravator a) const {
  return std::find(aggravated_by.begin(), aggravated_by.end(), a) != aggravated_by.end();
}

const std::array<RedFlagInfo, kRedFlagCount>& red_flags() { return kRedFlags; }

const char* safety_advice(FlagSeverity severity) {
  switch (severity) {
    case FlagSeverity::kUrgent:
      return "Please seek emergency care now: call your local emergency number or go to an "
             "emergency department. These signs can mean pressure on the nerves at the base of the "
             "spine, which needs checking quickly. No exercise until a doctor has checked your "
             "back; then take the safety questions again.";
    case FlagSeverity::kSeeClinician:
      return "This is a precaution, not a diagnosis: these signs are usually harmless, but a doctor "
             "or physiotherapist should check your back before you exercise, because they can point "
             "to a cause that needs its own treatment. Until then your plans hold off on exercise.";
  }
  return "";
}
const RedFlagInfo& info(RedFlag flag) { return kRedFlags[static_cast<std::size_t>(flag)]; }
std::optional<RedFlag> red_flag_from(const std::string& id) {
  for (const auto& f : kRedFlags)
    if (id == f.id) return f.flag;
  return std::nullopt;
}

const char* to_string(RopeExperience v) { return name_of(kExperience, v); }
const char* to_string(RopeOwned v) { return name_of(kRopes, v); }
const char* to_string(Aggravator v) { return name_of(kAggravators, v); }
const char* to_string(Feel v) { return name_of(kFeels, v); }
const char* to_string(LegSymptoms v) { return name_of(kLegSymptoms, v); }
const char* to_string(StopReason v) { return name_of(kStopReasons, v); }
const char* to_string(SensorPlacement v) { return name_of(kPlacements, v); }
std::optional<SensorPlacement> sensor_placement_from(const std::string& s) {
  if (s == "waist") return SensorPlacement::kPocket;
  return value_of(kPlacements, s);
}
std::optional<RopeExperience> rope_experience_from(const std::string& s) {
  return value_of(kExperience, s);
}
std::optional<RopeOwned> rope_owned_from(const std::string& s) { return value_of(kRopes, s); }
std::optional<Aggravator> aggravator_from(const std::string& s) { return value_of(kAggravators, s); }
std::optional<Feel> feel_from(const std::string& s) { return value_of(kFeels, s); }
std::optional<LegSymptoms> leg_symptoms_from(const std::string& s) {
  return value_of(kLegSymptoms, s);
}
std::optional<StopReason> stop_reason_from(const std::string& s) { return value_of(kStopReasons, s); }

}  // namespace bb::coach
