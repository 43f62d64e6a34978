#include "coach/coach.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <deque>
#include <initializer_list>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "coach/progression.h"
#include "coach/routine.h"
#include "coach/session_script.h"

namespace bb::coach {

std::string duration_words(double seconds) {
  const int total = static_cast<int>(seconds + 0.5);
  const int minutes = total / 60;
  const int rest = total % 60;
  if (minutes == 0) return std::to_string(rest) + " s";
  if (rest == 0) return std::to_string(minutes) + " min";
  return std::to_string(minutes) + " min " + std::to_string(rest) + " s";
}

namespace {

enum class Narration { kExplain, kSilent };

// "numbness around the saddle area and new trouble controlling your bladder or bowels"
std::string sign_list(const std::vector<const RedFlagInfo*>& flags) {
  std::string out;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (i > 0) out += i + 1 == flags.size() ? " and " : ", ";
    out += flags[i]->summary;
  }
  return out;
}

std::string day_label(Date session, Date today) {
  const int ago = today.days_after(session);
  if (ago == 1) return "yesterday's";
  if (ago < 7) return std::string(session.weekday_name()) + "'s";
  return session.to_string() + "'s";
}

// The last rope session and what it tells the next plan.
struct LastRopeSession {
  Date date;
  RopeDose planned;   // what the plan asked for (or the progression dose on a day without rope)
  RopeDose credited;  // the dose to build on: what was planned, or less if less was done
  Response response;
  double done_minutes = 0;
  std::optional<Measured> measured;      // a recording with enough jumps to go on
  std::optional<double> logged_minutes;  // set when the measured time replaced the logged one
  std::optional<Rule> form_hold;         // a form.* rule that holds the next raise
};

std::string one_decimal(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

const char* placement_words(SensorPlacement placement) {
  switch (placement) {
    case SensorPlacement::kPocket: return "a phone in a pocket";
    case SensorPlacement::kChest: return "a sensor on the chest";
    case SensorPlacement::kAnkle: return "a sensor at the ankle";
    case SensorPlacement::kWrist: return "a sensor at the wrist";
  }
  return "the sensor";
}

double hard_landing_g(SensorPlacement placement) {
  return placement == SensorPlacement::kAnkle ? kHardLandingAnkleG : kHardLandingG;
}

// The first form problem a recording shows, most load-bearing first; none for steady, low,
// soft jumping at the planned cadence. The wrist shows no landings, and its cadence counts
// turns that can read double at slow turning (docs/motion.md), so it is not judged on either.
std::optional<Rule> form_issue(const Measured& m, const RopeDose& planned) {
  if (m.placement != SensorPlacement::kWrist && m.impact_g && *m.impact_g > hard_landing_g(m.placement))
    return Rule::kFormHardLandings;
  if (m.height_cm && *m.height_cm > kJumpTooHighCm) return Rule::kFormJumpsTooHigh;
  if (m.placement != SensorPlacement::kWrist && m.cadence_per_min &&
      *m.cadence_per_min > planned.cadence_per_min * (1.0 + kCadenceAbovePlanFraction))
    return Rule::kFormCadenceAbovePlan;
  if (m.trips && m.active_seconds > 0 && *m.trips / (m.active_seconds / 60.0) > kTripsPerMinuteMax)
    return Rule::kFormFrequentTrips;
  return std::nullopt;
}

// What the progression allows today, before readiness: decided here, explained in plan() once
// readiness has chosen the day's rope (if any).
struct ProgressionDecision {
  RopeDose progressed;  // the most the progression allows today
  RopeDose held;        // the same without today's step up; readiness may fall back to it
  enum class Kind { kFirst, kRaise, kHold, kStepBack } kind = Kind::kFirst;
  Rule step = Rule::kTimeStep;          // with kRaise: which step
  std::optional<Rule> hold_rule;        // with a green kHold: kTwoRedsHold or kWeeklyPainRising
  double recent_pain = 0;   // with kWeeklyPainRising: mean check-in pain of the last 7 days
  double earlier_pain = 0;  // and of the 7 before
};

// "sitting", "sitting and bending": the aggravators in `which` that the person has.
std::string named(const Profile& p, std::initializer_list<Aggravator> which) {
  std::vector<const char*> names;
  for (Aggravator a : which)
    if (p.aggravated(a)) names.push_back(to_string(a));
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// What each aggravator took out of the routine, and any region a phase had to go without.
std::string aggravator_reason(const Profile& p, const StretchPlan& stretch) {
  std::vector<std::string> parts;
  auto verb = [&](std::initializer_list<Aggravator> which) {
    int count = 0;
    for (Aggravator a : which) count += p.aggravated(a) ? 1 : 0;
    return count > 1 ? " make your back worse" : " makes your back worse";
  };
  if (p.aggravated(Aggravator::kSitting))
    parts.push_back("Stretches in a chair are left out because sitting makes your back worse.");
  if (p.aggravated(Aggravator::kSitting) || p.aggravated(Aggravator::kBending))
    parts.push_back("Deep, loaded forward bends are left out because " +
                    named(p, {Aggravator::kSitting, Aggravator::kBending}) +
                    verb({Aggravator::kSitting, Aggravator::kBending}) + ".");
  if (p.aggravated(Aggravator::kStanding) || p.aggravated(Aggravator::kArching))
    parts.push_back("Strong back-arching is left out because " +
                    named(p, {Aggravator::kStanding, Aggravator::kArching}) +
                    verb({Aggravator::kStanding, Aggravator::kArching}) + ".");
  if (p.aggravated(Aggravator::kStanding))
    parts.push_back("Standing stretches you would hold still are left out because standing "
                    "makes your back worse; standing movements stay, as they keep you moving.");
  if (p.aggravated(Aggravator::kLying))
    parts.push_back(std::string("Stretches on your feet") +
                    (p.aggravated(Aggravator::kSitting) ? "" : " or in a chair") +
                    " come first because lying down makes your back worse.");
  if (p.aggravated(Aggravator::kWalking))
    parts.push_back("Walking makes your back worse, but nothing here is a long walk, so no "
                    "stretch is left out for it; the rope part starts small, and the pain rules "
                    "watch how your back responds.");
  if (!stretch.left_out.empty()) {
    std::string regions;
    for (std::size_t i = 0; i < stretch.left_out.size(); ++i) {
      if (i > 0) regions += i + 1 == stretch.left_out.size() ? " and " : ", ";
      std::string name = to_string(stretch.left_out[i]);
      std::replace(name.begin(), name.end(), '_', ' ');
      regions += name;
    }
    parts.push_back("No stretch for the " + regions +
                    " fits today without one of those positions, so the routine is shorter.");
  }
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : " ") + part;
  return text;
}

// What a form rule says: what was measured and what to change, and whether it held the dose.
std::string trips_seen(const Measured& m) {
  return "The rope caught " + std::to_string(m.trips.value_or(0)) + " times in " +
         duration_words(m.active_seconds) + " of jumping";
}

enum class FormEffect { kHolds, kNoteOnly };
std::string form_cue(Rule rule, const LastRopeSession& last, FormEffect effect,
                     const std::optional<RopeDose>& rope) {
  const Measured& m = *last.measured;
  const RopeDose steady = steadier(last.credited);
  if (rule == Rule::kFormFrequentTrips && !(steady == last.credited)) {
    const std::string seen = trips_seen(m);
    const std::string when = rope ? "today" : "your next rope session";
    const std::string what =
        steady.skill != last.credited.skill
            ? std::string("goes back to the ") + skill_phrase(steady.skill) + " at " +
                  std::to_string(steady.cadence_per_min) + " turns a minute"
            : "turns the rope at " + std::to_string(steady.cadence_per_min) + " a minute instead of " +
                  std::to_string(last.credited.cadence_per_min);
    return seen + (effect == FormEffect::kHolds ? ", so the rope time stays the same and " : ", so ") +
           when + " " + what + " until the rhythm runs smoothly.";
  }
  std::string seen;
  std::string change;
  switch (rule) {
    case Rule::kFormHardLandings:
      seen = "Your landings peaked at " + one_decimal(*m.impact_g) + " g (median), hard for " +
             placement_words(m.placement) + " (soft is below " +
             one_decimal(hard_landing_g(m.placement)) + " g)";
      change = "land softly on the balls of your feet, knees a little bent";
      break;
    case Rule::kFormJumpsTooHigh:
      seen = "Your jumps averaged " + one_decimal(*m.height_cm) + " cm; about 2-3 cm clears the rope";
      change = "aim lower";
      break;
    case Rule::kFormCadenceAbovePlan:
      seen = "You turned the rope " + one_decimal(*m.cadence_per_min) +
             " times a minute against the planned " + std::to_string(last.planned.cadence_per_min);
      change = "slow down to " + std::to_string(last.planned.cadence_per_min);
      break;
    default:  // kFormFrequentTrips
      seen = trips_seen(m);
      change = "turn a little slower until the rhythm runs smoothly";
      break;
  }
  return effect == FormEffect::kHolds ? seen + ", so the dose stays the same: " + change + "."
                                      : seen + ". Next time: " + change + ".";
}

// What today's check-in allows, as one table read top to bottom: the first row that matches
// decides the day type and which rope dose (if any) the day gets, and names the rule that
// explains it. Readiness never raises a dose: the best row takes the progression as it stands.
enum class TodaysRope { kNone, kLowered, kHeld, kProgressed };
struct Readiness {
  Rule rule;
  DayType day_type;
  TodaysRope rope;
};

Readiness readiness(const CheckIn& c, bool sharp_stop_pending) {
  if (sharp_stop_pending) return {Rule::kSharpPainStop, DayType::kRestorative, TodaysRope::kNone};
  if (c.feel == Feel::kSensitive)
    return {Rule::kSensitiveDay, DayType::kRestorative, TodaysRope::kNone};
  if (c.pain >= kRestorativePainFrom)
    return {Rule::kHighPainToday, DayType::kRestorative, TodaysRope::kNone};
  if (c.pain >= kLoweredPainFrom)
    return {Rule::kModeratePainToday, DayType::kMixed, TodaysRope::kLowered};
  if (c.leg_symptoms == LegSymptoms::kBelowKnee)
    return {Rule::kBelowKneeHold, DayType::kMixed, TodaysRope::kHeld};
  if (c.feel == Feel::kOkay) return {Rule::kOkayDayHolds, DayType::kMixed, TodaysRope::kHeld};
  return {Rule::kGoodDay, DayType::kRope, TodaysRope::kProgressed};
}

// Everything the engine remembers from the days before the one being planned. Folded day by
// day, so a whole timeline costs O(days).
class CoachState {
 public:
  CoachState(const Timeline& timeline, const Catalog& catalog)
      : timeline_(timeline), catalog_(catalog) {
    for (const RedFlagInfo& f : red_flags()) {
      if (!timeline.screening.yes(f.flag)) continue;
      (f.severity == FlagSeverity::kUrgent ? screen_urgent_ : screen_see_clinician_).push_back(&f);
    }
  }

  // kSilent decides the same plan without the reasons and the routine: enough to fold the days
  // before the one asked for, at a fraction of the cost.
  Plan plan(const Day& day, Narration narration);
  void absorb(const Day& day, const Plan& plan);

 private:
  template <typename MakeText>
  void say(Plan& plan, Rule rule, MakeText&& make_text) const {
    if (narration_ == Narration::kExplain) plan.reasons.push_back({rule, make_text()});
  }

  bool safety_blocks(const Day& day, Plan& plan) const;
  ProgressionDecision progression_dose(const Day& day) const;
  void explain_progression(const Day& day, const ProgressionDecision& d,
                           const std::optional<RopeDose>& rope, Plan& plan) const;
  bool weekly_pain_rising(Date today, double* recent, double* earlier) const;

  const Timeline& timeline_;
  const Catalog& catalog_;
  std::vector<const RedFlagInfo*> screen_urgent_;
  std::vector<const RedFlagInfo*> screen_see_clinician_;
  Narration narration_ = Narration::kExplain;
  std::optional<LastRopeSession> last_rope_;
  std::optional<Date> last_red_;
  std::optional<Date> last_not_green_;
  bool two_reds_hold_ = false;
  bool hold_just_released_ = false;
  int greens_since_hold_ = 0;
  bool sharp_stop_pending_ = false;
  std::optional<Date> sharp_stop_date_;
  std::optional<Date> urgent_checkin_date_;
  std::deque<std::pair<Date, int>> recent_pain_;  // check-in pain of the last 14 days
  RopeDose todays_progression_;                   // set by plan(), read by absorb()
};

bool CoachState::safety_blocks(const Day& day, Plan& plan) const {
  const auto& urgent = screen_urgent_;
  const auto& see_clinician = screen_see_clinician_;
  if (!urgent.empty()) {
    plan.status = PlanStatus::kUrgent;
    // What to do now is the safety advice, shown beside the reasons: the reason says why only.
    say(plan, Rule::kUrgentScreen, [&] {
      return "Plans are paused: on the safety screen you answered yes to " + sign_list(urgent) +
             ", a sign that needs emergency care. There is no exercise plan until a clinician has "
             "seen you and you take the safety questions again.";
    });
    return true;
  }
  if (!day.checkin.urgent_flags.empty()) {
    plan.status = PlanStatus::kUrgent;
    say(plan, Rule::kUrgentCheckIn, [&] {
      std::vector<const RedFlagInfo*> today;
      for (RedFlag f : day.checkin.urgent_flags) today.push_back(&info(f));
      return "Plans are paused: today you answered yes to " + sign_list(today) +
             ", a sign that needs emergency care. Do not exercise today. After you have been "
             "seen, record the date a clinician cleared you to resume.";
    });
    return true;
  }
  const bool cleared_today = timeline_.clearance && *timeline_.clearance <= day.date;
  if (urgent_checkin_date_ &&
      !(cleared_today && *timeline_.clearance >= *urgent_checkin_date_)) {
    plan.status = PlanStatus::kSeeClinician;
    say(plan, Rule::kUrgentNeedsClearance, [&] { return std::string("On " + urgent_checkin_date_->to_string() +
             " you reported an urgent warning sign. Plans stay paused until a clinician has seen "
             "you and you record the date they cleared you."); });
    return true;
  }
  if (!see_clinician.empty()) {
    if (!cleared_today) {
      plan.status = PlanStatus::kSeeClinician;
      say(plan, Rule::kSeeClinician, [&] { return std::string("Please see a clinician before exercising: you answered yes to " +
               sign_list(see_clinician) +
               ". These can have causes that need checking first. When a clinician clears you, "
               "record the date and your plans start."); });
      return true;
    }
    say(plan, Rule::kCleared, [&] { return std::string("A clinician cleared you for exercise on " +
                                                timeline_.clearance->to_string() +
                                                ", so plans are open to you."); });
  }
  return false;
}

bool CoachState::weekly_pain_rising(Date today, double* recent, double* earlier) const {
  constexpr int kMinCheckInsPerWeek = 3;
  constexpr double kRise = 1.0;
  double recent_sum = 0;
  double earlier_sum = 0;
  int recent_n = 0;
  int earlier_n = 0;
  for (const auto& [date, pain] : recent_pain_) {
    const int ago = today.days_after(date);
    if (ago >= 1 && ago <= 7) {
      recent_sum += pain;
      ++recent_n;
    } else if (ago >= 8 && ago <= 14) {
      earlier_sum += pain;
      ++earlier_n;
    }
  }
  if (recent_n < kMinCheckInsPerWeek || earlier_n < kMinCheckInsPerWeek) return false;
  *recent = recent_sum / recent_n;
  *earlier = earlier_sum / earlier_n;
  return *recent >= *earlier + kRise;
}

ProgressionDecision CoachState::progression_dose(const Day& day) const {
  ProgressionDecision d;
  if (!last_rope_) {
    d.progressed = d.held = first_dose(timeline_.profile);
    d.kind = ProgressionDecision::Kind::kFirst;
    return d;
  }
  const LastRopeSession& last = *last_rope_;
  // Frequent trips make the rope steadier whatever the light: never harder, only simpler.
  const RopeDose start = last.form_hold == Rule::kFormFrequentTrips ? steadier(last.credited)
                                                                     : last.credited;
  d.progressed = d.held = start;
  d.kind = ProgressionDecision::Kind::kHold;
  switch (last.response.light) {
    case TrafficLight::kRed:
      d.progressed = d.held = step_back(start);
      d.kind = ProgressionDecision::Kind::kStepBack;
      return d;
    case TrafficLight::kAmber:
      return d;
    case TrafficLight::kGreen:
      break;
  }
  if (urgent_checkin_date_ && *urgent_checkin_date_ > last.date) {
    d.hold_rule = Rule::kCleared;
    return d;
  }
  if (two_reds_hold_) {
    d.hold_rule = Rule::kTwoRedsHold;
    return d;
  }
  if (weekly_pain_rising(day.date, &d.recent_pain, &d.earlier_pain)) {
    d.hold_rule = Rule::kWeeklyPainRising;
    return d;
  }
  if (last.form_hold) {
    d.hold_rule = *last.form_hold;
    return d;
  }
  if (day.checkin.leg_symptoms == LegSymptoms::kBelowKnee) return d;  // explained by readiness
  const Progression up = raise(start);
  d.progressed = up.dose;
  d.step = up.step;
  d.kind = ProgressionDecision::Kind::kRaise;
  return d;
}

void CoachState::explain_progression(const Day& day, const ProgressionDecision& d,
                                     const std::optional<RopeDose>& rope, Plan& plan) const {
  if (narration_ == Narration::kSilent) return;
  if (d.kind == ProgressionDecision::Kind::kFirst) {
    if (!rope) return;  // nothing to say about rope on a day without it
    say(plan, Rule::kFirstSession, [&] {
      return "Your first rope session is short and slow: " + minutes_words(d.progressed.minutes()) +
             " of rope time (" + describe(d.progressed) +
             "). Starting below what you could do leaves room to build up safely.";
    });
    say(plan, Rule::kFlareUpNormal, [] {
      return std::string(
          "Mild, short-lived soreness is common when you start moving more and is not harm. Sharp "
          "or increasing pain means stop.");
    });
    return;
  }
  const LastRopeSession& last = *last_rope_;
  const std::string session =
      day_label(last.date, day.date) + " " + minutes_phrase(last.done_minutes) + " session";
  if (last.logged_minutes) {
    say(plan, Rule::kMeasuredShortOfLogged, [&] {
      return "Your phone counted " + duration_words(last.measured->active_seconds) +
             " of jumping against " + duration_words(*last.logged_minutes * 60.0) +
             " logged, so the next dose builds on " +
             duration_words(last.credited.work_total_seconds()) + ".";
    });
  } else if (last.credited.work_total_seconds() < last.planned.work_total_seconds()) {
    say(plan, Rule::kShortSessionCredit, [&] {
      return "You did " + minutes_words(last.done_minutes) + " of the " +
             minutes_words(last.planned.minutes()) +
             " planned, so the next dose builds on what you did.";
    });
  }
  if (last.form_hold && last.response.light != TrafficLight::kGreen) {
    say(plan, *last.form_hold,
        [&] { return form_cue(*last.form_hold, last, FormEffect::kNoteOnly, rope); });
  }
  if (last.measured && !last.form_hold) {
    say(plan, Rule::kFormSteady, [&] {
      const Measured& m = *last.measured;
      std::string text = "Your phone counted " + std::to_string(m.jumps) + " jumps";
      if (m.cadence_per_min) text += " at " + one_decimal(*m.cadence_per_min) + " a minute";
      if (m.height_cm) text += ", about " + one_decimal(*m.height_cm) + " cm high";
      return text + ": steady, low and soft enough, so how your back responded decides the dose.";
    });
  }
  // "After <session>, <why>, so ...": on a day without rope it names no rope dose, as the plan
  // does not carry one.
  const auto after_session = [&](const char* without_rope, const char* with_rope,
                                 const RopeDose& dose) {
    const std::string because = "After " + session + ", " + last.response.why() + ", so ";
    if (!rope) return because + without_rope;
    return because + with_rope + minutes_words(dose.minutes()) + " of rope time.";
  };
  switch (last.response.light) {
    case TrafficLight::kRed:
      say(plan, Rule::kRedStepBack, [&] {
        return after_session("your next rope session steps back.", "today steps back to ",
                             d.progressed);
      });
      return;
    case TrafficLight::kAmber:
      say(plan, last.response.rule, [&] {
        return after_session("your next rope session holds the same dose.", "the dose holds at ",
                             d.held);
      });
      return;
    case TrafficLight::kGreen:
      break;
  }
  if (hold_just_released_) {
    say(plan, Rule::kGreenWeekRelease, [] {
      return std::string("A full week of green sessions since the last setback: progression resumes.");
    });
  }
  const std::string settled =
      "Your back settled by the next morning after " + session + " (" + last.response.why() + ")";
  if (d.hold_rule) {
    say(plan, Rule::kGreenRaise, [&] { return settled + "."; });
    say(plan, *d.hold_rule, [&] {
      if (*d.hold_rule == Rule::kCleared)
        return "You reported an urgent warning sign on " + urgent_checkin_date_->to_string() +
               " after that session, so the dose holds rather than rising now that you are "
               "cleared.";
      if (last.form_hold && *d.hold_rule == *last.form_hold)
        return form_cue(*last.form_hold, last, FormEffect::kHolds, rope);
      if (*d.hold_rule == Rule::kTwoRedsHold)
        return std::string(
            "Two sessions within a week were red, so the dose holds until you have a green week.");
      return fmt::format(
          "Your check-in pain averaged {:.1f}/10 this past week against {:.1f}/10 the week "
          "before. Pain should not rise week on week, so the dose holds.",
          d.recent_pain, d.earlier_pain);
    });
    return;
  }
  if (d.kind != ProgressionDecision::Kind::kRaise || !rope || !(*rope == d.progressed)) {
    say(plan, Rule::kGreenRaise,
        [&] { return settled + "; the step up waits for a day when your back feels good."; });
    return;
  }
  std::string what;
  switch (d.step) {
    case Rule::kCadenceStep:
      what = "today turns the rope at " + std::to_string(d.progressed.cadence_per_min) +
             " a minute again";
      break;
    case Rule::kSkillStep:
      what = std::string("today moves on to ") + skill_phrase(d.progressed.skill) +
             " at the same rope time";
      break;
    case Rule::kRatioStep:
      what = "today's intervals are " + std::to_string(d.progressed.work_seconds) + " s on / " +
             std::to_string(d.progressed.rest_seconds) + " s off";
      break;
    case Rule::kTimeStep: {
      const int added = d.progressed.work_total_seconds() - last.credited.work_total_seconds();
      what = added == 60 ? "today adds a minute"
                         : "today adds " + std::to_string(added) + " seconds of rope time";
      break;
    }
    default:
      what = "today stays at the 20-minute limit of rope time";
      break;
  }
  say(plan, Rule::kGreenRaise, [&] { return settled + ", so " + what + "."; });
  say(plan, d.step, [&] { return "Today: " + describe(d.progressed) + "."; });
}

Plan CoachState::plan(const Day& day, Narration narration) {
  narration_ = narration;
  Plan plan;
  plan.date = day.date;
  if (last_rope_) plan.traffic_light = last_rope_->response.light;
  if (safety_blocks(day, plan)) {
    plan.day_type = DayType::kRest;
    todays_progression_ = last_rope_ ? last_rope_->credited : first_dose(timeline_.profile);
    return plan;
  }

  const ProgressionDecision decision = progression_dose(day);
  todays_progression_ = decision.progressed;
  const RopeDose& held = decision.held;
  const CheckIn& c = day.checkin;
  const Readiness ready = readiness(c, sharp_stop_pending_);
  plan.day_type = ready.day_type;
  plan.ask_urgent_questions = ready.rule == Rule::kSharpPainStop;
  std::optional<RopeDose> rope;
  switch (ready.rope) {
    case TodaysRope::kNone: break;
    case TodaysRope::kLowered: rope = lowered(held, kModeratePainReduction); break;
    case TodaysRope::kHeld: rope = held; break;
    case TodaysRope::kProgressed: rope = decision.progressed; break;
  }
  explain_progression(day, decision, rope, plan);
  say(plan, ready.rule, [&]() -> std::string {
    switch (ready.rule) {
      case Rule::kSharpPainStop:
        return "You stopped on " + sharp_stop_date_->to_string() +
               " because of sharp pain, so today has no rope, only gentle stretching. Please "
               "answer the urgent safety questions again first.";
      case Rule::kSensitiveDay:
        return "Your back feels sensitive today, so today is gentle stretching and restorative "
               "yoga, no rope.";
      case Rule::kHighPainToday:
        return "Your pain is " + std::to_string(c.pain) +
               "/10 today, so today is restorative stretching only, no rope.";
      case Rule::kModeratePainToday:
        return "Your pain is " + std::to_string(c.pain) +
               "/10 today, so rope time is lowered by a tenth to " +
               minutes_words(rope->minutes()) + ", between gentle stretches.";
      case Rule::kBelowKneeHold:
        return "You have symptoms below the knee today, so the dose does not rise and the rope "
               "part stays short between stretches. If they spread or get worse, stop and see a "
               "clinician.";
      case Rule::kOkayDayHolds:
        return "Your back feels okay today, so the rope part stays at " +
               minutes_words(held.minutes()) +
               " between a stretch warm-up and cool-down; any step up waits for a good day.";
      default:
        return "Your back feels good today (pain " + std::to_string(c.pain) +
               "/10), so today is a rope day: " + minutes_words(rope->minutes()) +
               " of rope time.";
    }
  });
  if (c.leg_symptoms == LegSymptoms::kAboveKnee) {
    say(plan, Rule::kAboveKneeNote, [&] { return std::string("You have symptoms above the knee. Keep an eye on them: if they spread "
                            "below the knee or get worse during the session, stop."); });
  }
  if (rope) {
    assert(rope->work_total_seconds() <= kMaxRopeSeconds);
    assert(rope->cadence_per_min <= kRelaxedCadenceMax);
    plan.rope = rope;
    switch (timeline_.profile.rope) {
      case RopeOwned::kNone:
        say(plan, Rule::kRopeEquipment, [&] { return std::string("You have no rope yet: do the same movement without one, turning "
                                "your wrists as if holding handles. See the rope advice for which "
                                "rope to get."); });
        break;
      case RopeOwned::kPvcSpeed:
        say(plan, Rule::kRopeEquipment, [&] { return std::string("Your light speed rope turns fast and is hard to keep slow; a "
                                "beaded or quarter-pound rope suits recovery better."); });
        break;
      case RopeOwned::kHeavy:
        say(plan, Rule::kRopeEquipment, [&] { return std::string("A heavy rope loads the shoulders and trunk; for recovery use a "
                                "beaded or quarter-pound rope, or go ropeless."); });
        break;
      default:
        break;
    }
  }
  if (narration == Narration::kSilent) return plan;
  plan.stretch = compose_routine(catalog_, timeline_.profile, plan.day_type, day.date);
  plan.steps = session_script(plan, catalog_);
  if (!timeline_.profile.aggravated_by.empty()) {
    say(plan, Rule::kRoutineRespectsAggravators,
        [&] { return aggravator_reason(timeline_.profile, plan.stretch); });
  }
  return plan;
}

void CoachState::absorb(const Day& day, const Plan& plan) {
  recent_pain_.emplace_back(day.date, day.checkin.pain);
  while (!recent_pain_.empty() && day.date.days_after(recent_pain_.front().first) > 14)
    recent_pain_.pop_front();
  if (!day.checkin.urgent_flags.empty()) urgent_checkin_date_ = day.date;
  if (plan.status == PlanStatus::kOk && plan.ask_urgent_questions) sharp_stop_pending_ = false;
  hold_just_released_ = false;

  if (!day.session) return;
  const SessionLog& s = *day.session;
  if (s.stopped == StopReason::kSharpPain) {
    sharp_stop_pending_ = true;
    sharp_stop_date_ = day.date;
  }
  const bool rope_session = s.rope_minutes > 0 || s.stopped == StopReason::kSharpPain;
  if (!rope_session) return;

  const RopeDose planned = plan.rope ? *plan.rope : todays_progression_;
  LastRopeSession last;
  last.date = day.date;
  last.response = classify_response(s, day.checkin.pain, day.next_morning_pain);
  last.planned = planned;
  // What was done: the logged rope time, or what a recording measured when that is clearly less.
  // More measured than logged never counts for more. Side swings have no jumps to count.
  double done = s.rope_minutes;
  if (s.measured && planned.skill != RopeSkill::kSideSwing &&
      s.measured->jumps >= kMeasuredMinJumps) {
    last.measured = s.measured;
    const double measured_minutes = s.measured->active_seconds / 60.0;
    if (measured_minutes < kMeasuredShortFraction * s.rope_minutes) {
      last.logged_minutes = s.rope_minutes;
      done = measured_minutes;
    }
    last.form_hold = form_issue(*s.measured, planned);
  }
  last.done_minutes = std::min(done, planned.minutes());
  // Build on what was done, but a short stop never drops the base below the two-minute floor.
  const int done_seconds = static_cast<int>(done * 60.0 + 0.5);
  last.credited = capped_to(planned, std::max(done_seconds, kMinRopeSeconds));

  switch (last.response.light) {
    case TrafficLight::kRed:
      if (last_red_ && day.date.days_after(*last_red_) <= 7) {
        two_reds_hold_ = true;
      }
      last_red_ = day.date;
      last_not_green_ = day.date;
      greens_since_hold_ = 0;
      break;
    case TrafficLight::kAmber:
      last_not_green_ = day.date;
      greens_since_hold_ = 0;
      break;
    case TrafficLight::kGreen:
      ++greens_since_hold_;
      if (two_reds_hold_ && greens_since_hold_ >= 2 && last_not_green_ &&
          day.date.days_after(*last_not_green_) >= 7) {
        two_reds_hold_ = false;
        hold_just_released_ = true;
      }
      break;
  }
  last_rope_ = last;
}

}  // namespace

std::vector<Plan> Coach::replay(const Timeline& timeline) const {
  CoachState state(timeline, catalog_);
  std::vector<Plan> plans;
  plans.reserve(timeline.days.size());
  for (const Day& day : timeline.days) {
    plans.push_back(state.plan(day, Narration::kExplain));
    state.absorb(day, plans.back());
  }
  return plans;
}

Plan Coach::plan_last_day(const Timeline& timeline) const {
  assert(!timeline.days.empty());
  CoachState state(timeline, catalog_);
  for (std::size_t i = 0; i + 1 < timeline.days.size(); ++i) {
    const Plan plan = state.plan(timeline.days[i], Narration::kSilent);
    state.absorb(timeline.days[i], plan);
  }
  return state.plan(timeline.days.back(), Narration::kExplain);
}

}  // namespace bb::coach
