#include "app/daily_service.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "app/measured_sessions.h"
#include "app/plan_json.h"
#include "coach/coach.h"

namespace bb::app {
namespace {

constexpr int kMinBirthYear = 1900;
constexpr int kMinHeightCm = 90;
constexpr int kMaxHeightCm = 250;
constexpr std::size_t kMaxNotesLength = 2000;
// Generous on purpose: a session is planned at 20 minutes at most, but people may do more and
// their log should still be accepted as it happened.
constexpr double kMaxLoggedRopeMinutes = 120;

Status in_range(int value, int low, int high, const std::string& field) {
  if (value < low || value > high) {
    return Error::invalid(field, "must be a whole number from " + std::to_string(low) + " to " +
                                     std::to_string(high) + ", got " + std::to_string(value));
  }
  return Status::success();
}

ScreenSummary summarize(Date screened_on, const coach::Screening& screening,
                        std::optional<Date> cleared_on) {
  ScreenSummary summary;
  summary.screened_on = screened_on;
  summary.cleared_on = cleared_on;
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    if (!screening.yes(flag.flag)) continue;
    if (flag.severity == coach::FlagSeverity::kUrgent) {
      summary.urgent.push_back(flag.flag);
    } else {
      summary.see_clinician.push_back(flag.flag);
    }
  }
  if (!summary.urgent.empty()) {
    summary.outcome = ScreenOutcome::kUrgent;
  } else if (!summary.see_clinician.empty()) {
    summary.outcome = ScreenOutcome::kSeeClinician;
  }
  return summary;
}

// Mean check-in pain of the days in [from, to].
std::optional<double> mean_pain(const std::vector<coach::Day>& days, Date from, Date to) {
  double sum = 0;
  int count = 0;
  for (const coach::Day& day : days) {
    if (day.date < from || day.date > to) continue;
    sum += day.checkin.pain;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return sum / count;
}

// True when `next` answers yes to a see-a-clinician question that `previous` did not.
bool adds_see_clinician_flag(const coach::Screening* previous, const coach::Screening& next) {
  for (const coach::RedFlagInfo& flag : coach::red_flags()) {
    if (flag.severity != coach::FlagSeverity::kSeeClinician || !next.yes(flag.flag)) continue;
    if (previous == nullptr || !previous->yes(flag.flag)) return true;
  }
  return false;
}

Date monday_of(Date date) {
  return date.plus_days(-date.weekday());
}


// What tells the two outcome measures apart: their stored entry and the measure in it, their
// store calls and the rule that judges a change. Everything else about them is done once, below.
template <typename EntryType, auto kMeasure, auto kAdd, auto kEntries, auto kChange>
struct OutcomeMeasure {
  using Entry = EntryType;
  static double score(const Entry& entry) { return (entry.*kMeasure).score(); }
  static constexpr auto add = kAdd;
  static constexpr auto entries = kEntries;
  static constexpr auto change = kChange;
};
using PegMeasure = OutcomeMeasure<DatedPeg3, &DatedPeg3::peg, &PersonStore::add_peg,
                                  &PersonStore::peg_entries, &coach::peg_change>;
using PsfsMeasure = OutcomeMeasure<DatedPsfs, &DatedPsfs::psfs, &PersonStore::add_psfs,
                                   &PersonStore::psfs_entries, &coach::psfs_change>;

// Keeps the entries dated up to `up_to` and, from two on, the change from the first to the
// latest.
template <typename Measure>
Status read_measure_progress(PersonStore& store, PersonId person, Date up_to,
                             std::vector<typename Measure::Entry>& kept,
                             std::optional<coach::Change>& change) {
  auto entries = (store.*Measure::entries)(person);
  if (!entries.ok()) return entries.error();
  for (const auto& entry : *entries) {
    if (entry.date <= up_to) kept.push_back(entry);
  }
  if (kept.size() >= 2) {
    change = Measure::change(Measure::score(kept.front()), Measure::score(kept.back()));
  }
  return Status::success();
}

// Keeps a validated entry and scores it, with the change since the person's first entry when
// that one is older.
template <typename Measure>
Result<MeasureResult> add_measure(PersonStore& store, PersonId person,
                                  const typename Measure::Entry& entry) {
  std::optional<double> baseline;
  Status saved = store.transaction([&]() -> Status {
    if (Status s = store.ensure_person(person); !s.ok()) return s;
    if (Status s = (store.*Measure::add)(person, entry); !s.ok()) return s;
    auto entries = (store.*Measure::entries)(person);
    if (!entries.ok()) return entries.error();
    if (entries->front().date < entry.date) baseline = Measure::score(entries->front());
    return Status::success();
  });
  if (!saved.ok()) return saved.error();
  MeasureResult result{Measure::score(entry), std::nullopt};
  if (baseline) result.change = Measure::change(*baseline, result.score);
  return result;
}
}  // namespace

const char* to_string(ScreenOutcome outcome) {
  switch (outcome) {
    case ScreenOutcome::kClear:
      return "clear";
    case ScreenOutcome::kSeeClinician:
      return "see_clinician";
    case ScreenOutcome::kUrgent:
      return "urgent";
  }
  return "clear";
}

const char* to_string(TodayStep step) {
  switch (step) {
    case TodayStep::kNeedsProfile: return "needs_profile";
    case TodayStep::kNeedsScreen: return "needs_screen";
    case TodayStep::kBlockedUrgent: return "blocked_urgent";
    case TodayStep::kBlockedUntilClearance: return "blocked_until_clearance";
    case TodayStep::kNeedsFollowup: return "needs_followup";
    case TodayStep::kNeedsCheckin: return "needs_checkin";
    case TodayStep::kPlanReady: return "plan_ready";
    case TodayStep::kSessionLogged: return "session_logged";
  }
  return "needs_profile";
}

Status validate_pain(int pain, const char* field) {
  return in_range(pain, 0, 10, field);
}

Status validate_checkin(const coach::CheckIn& checkin) {
  if (Status s = validate_pain(checkin.pain, "checkin.pain"); !s.ok()) return s;
  for (const coach::RedFlag flag : checkin.urgent_flags) {
    if (coach::info(flag).severity != coach::FlagSeverity::kUrgent) {
      return Error::invalid("checkin.urgent_flags",
                            std::string(coach::info(flag).id) +
                                " is not one of the three urgent questions of the check-in");
    }
  }
  if (checkin.notes.size() > kMaxNotesLength) {
    return Error::invalid("checkin.notes",
                          "must be at most " + std::to_string(kMaxNotesLength) + " characters");
  }
  return Status::success();
}

Status validate_session(const coach::SessionLog& session) {
  if (!std::isfinite(session.rope_minutes) || session.rope_minutes < 0 ||
      session.rope_minutes > kMaxLoggedRopeMinutes) {
    return Error::invalid("session.rope_minutes", "must be from 0 to 120 minutes");
  }
  if (Status s = validate_pain(session.pain_during_max, "session.pain_during_max"); !s.ok()) {
    return s;
  }
  if (session.effort) {
    if (Status s = in_range(*session.effort, 0, 10, "session.effort"); !s.ok()) return s;
  }
  if (session.notes.size() > kMaxNotesLength) {
    return Error::invalid("session.notes", "at most 2000 bytes");
  }
  return validate_pain(session.pain_after, "session.pain_after");
}

Status DailyService::save_profile(PersonId person, Date today, const coach::Profile& profile) {
  if (Status s = in_range(profile.birth_year, kMinBirthYear, today.year(), "profile.birth_year");
      !s.ok()) {
    return s;
  }
  if (Status s = in_range(profile.height_cm, kMinHeightCm, kMaxHeightCm, "profile.height_cm");
      !s.ok()) {
    return s;
  }
  coach::Profile cleaned = profile;
  // The same aggravator twice means nothing more; keep the first mention.
  std::vector<coach::Aggravator> unique;
  for (const coach::Aggravator a : profile.aggravated_by) {
    if (std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(a);
  }
  cleaned.aggravated_by = std::move(unique);
  return store_.transaction([&]() -> Status {
    if (Status s = store_.ensure_person(person); !s.ok()) return s;
    return store_.save_profile(person, cleaned);
  });
}

Result<std::optional<coach::Profile>> DailyService::profile(PersonId person) {
  return store_.profile(person);
}

Result<ScreenSummary> DailyService::take_screen(PersonId person, Date date,
                                                const coach::Screening& screening) {
  std::optional<Date> cleared_on;
  Status saved = store_.transaction([&]() -> Status {
    if (Status s = store_.ensure_person(person); !s.ok()) return s;
    auto previous = store_.screening(person);
    if (!previous.ok()) return previous.error();
    // A clearance covers the warning signs the clinician knew of: a new "see a clinician" answer
    // needs a new clearance. The same answers again keep it.
    if (adds_see_clinician_flag(*previous ? &(*previous)->screening : nullptr, screening)) {
      if (Status s = store_.remove_clearance(person); !s.ok()) return s;
    }
    if (Status s = store_.save_screening(person, {date, screening}); !s.ok()) return s;
    auto clearance = store_.clearance(person);
    if (!clearance.ok()) return clearance.error();
    cleared_on = *clearance;
    return Status::success();
  });
  if (!saved.ok()) return saved.error();
  return summarize(date, screening, cleared_on);
}

Result<std::optional<ScreenSummary>> DailyService::screen_summary(PersonId person) {
  auto record = store_.screening(person);
  if (!record.ok()) return record.error();
  if (!record->has_value()) return std::optional<ScreenSummary>();
  auto clearance = store_.clearance(person);
  if (!clearance.ok()) return clearance.error();
  return std::optional<ScreenSummary>(summarize((*record)->date, (*record)->screening, *clearance));
}

Status DailyService::record_clearance(PersonId person, Date cleared_on) {
  return store_.transaction([&]() -> Status {
    if (Status s = store_.ensure_person(person); !s.ok()) return s;
    return store_.record_clearance(person, cleared_on);
  });
}

Status DailyService::check_in(PersonId person, Date date, const coach::CheckIn& checkin) {
  if (Status s = validate_checkin(checkin); !s.ok()) return s;
  return store_.transaction([&]() -> Status {
    if (Status s = store_.ensure_person(person); !s.ok()) return s;
    return store_.save_checkin(person, date, checkin);
  });
}

Result<std::optional<coach::CheckIn>> DailyService::checkin(PersonId person, Date date) {
  return store_.checkin(person, date);
}

Result<coach::Plan> DailyService::todays_plan(PersonId person, Date date) {
  auto screening = store_.screening(person);
  if (!screening.ok()) return screening.error();
  if (!screening->has_value()) {
    return Error::not_found("no safety screen yet: take the safety screen before the first plan");
  }
  auto timeline = measured_timeline(person, date);
  if (!timeline.ok()) return timeline.error();
  if (timeline->days.empty() || timeline->days.back().date != date) {
    return Error::not_found("no check-in for " + date.to_string() +
                            " yet: check in first, then ask for the plan");
  }
  return coach::Coach(catalog_).plan_last_day(*timeline);
}

Result<std::string> DailyService::todays_plan_json(PersonId person, Date date) {
  Result<std::string> json = Error::internal("the plan was not read");
  const Status read = store_.read_transaction([&]() -> Status {
    std::optional<std::int64_t> revision;
    if (plans_ != nullptr) {
      auto stored = store_.plan_revision(person);
      if (!stored.ok()) return stored.error();
      revision = *stored;
    }
    if (revision) {
      if (std::optional<std::string> kept = plans_->find(person, date, *revision)) {
        json = std::move(*kept);
        return Status::success();
      }
    }
    auto plan = todays_plan(person, date);
    if (!plan.ok()) return plan.error();
    std::string text = plan_to_json_text(*plan);
    if (revision) plans_->keep(person, date, *revision, text);
    json = std::move(text);
    return Status::success();
  });
  if (!read.ok()) return read.error();
  return json;
}

Status DailyService::log_session(PersonId person, Date date, const coach::SessionLog& session) {
  if (Status s = validate_session(session); !s.ok()) return s;
  return store_.transaction([&]() -> Status {
    auto checkin = store_.checkin(person, date);
    if (!checkin.ok()) return checkin.error();
    if (!checkin->has_value()) {
      return Error::conflict("no check-in for " + date.to_string() +
                             ": check in for that day first, then log its session");
    }
    return store_.save_session(person, date, session);
  });
}

Status DailyService::record_next_morning_pain(PersonId person, Date session_date, int pain) {
  if (Status s = validate_pain(pain, "next_morning_pain"); !s.ok()) return s;
  return store_.transaction([&]() -> Status {
    auto session = store_.session(person, session_date);
    if (!session.ok()) return session.error();
    if (!session->has_value()) {
      return Error::conflict("no session logged for " + session_date.to_string() +
                             ": the next-morning pain belongs to a logged session");
    }
    return store_.save_next_morning_pain(person, session_date, pain);
  });
}

Result<std::optional<coach::Measured>> DailyService::measured_on(PersonId person, Date date) {
  if (recordings_ == nullptr) return std::optional<coach::Measured>();
  return app::measured_on(*recordings_, person, date);
}

Result<coach::Timeline> DailyService::measured_timeline(PersonId person, Date up_to) {
  auto timeline = store_.timeline(person, up_to);
  if (!timeline.ok() || recordings_ == nullptr) return timeline;
  if (Status s = attach_measurements(*recordings_, person, *timeline); !s.ok()) return s.error();
  return timeline;
}

Result<TodayState> DailyService::today(PersonId person, Date date) {
  TodayState state;
  state.date = date;
  const Status read = store_.read_transaction([&]() -> Status {
    auto profile = store_.profile(person);
    if (!profile.ok()) return profile.error();
    if (!profile->has_value()) {
      state.step = TodayStep::kNeedsProfile;
      return Status::success();
    }
    auto summary = screen_summary(person);
    if (!summary.ok()) return summary.error();
    if (!summary->has_value()) {
      state.step = TodayStep::kNeedsScreen;
      return Status::success();
    }
    state.screen = **summary;
    auto timeline = measured_timeline(person, date);
    if (!timeline.ok()) return timeline.error();
    const coach::Coach coach(catalog_);
    const bool checked_in = !timeline->days.empty() && timeline->days.back().date == date;
    coach::Plan plan;
    if (checked_in) {
      plan = coach.plan_last_day(*timeline);
      state.checkin = timeline->days.back().checkin;
    } else {
      coach::Timeline probe = *timeline;
      coach::Day empty_day;
      empty_day.date = date;
      probe.days.push_back(empty_day);
      plan = coach.plan_last_day(probe);
    }
    if (plan.status != coach::PlanStatus::kOk) {
      state.step = plan.status == coach::PlanStatus::kUrgent ? TodayStep::kBlockedUrgent
                                                             : TodayStep::kBlockedUntilClearance;
      state.plan = std::move(plan);
      return Status::success();
    }
    if (!checked_in) {
      const auto last_session =
          std::find_if(timeline->days.rbegin(), timeline->days.rend(),
                       [](const coach::Day& day) { return day.session.has_value(); });
      if (last_session != timeline->days.rend() && !last_session->next_morning_pain &&
          date.days_after(last_session->date) <= kFollowupWindowDays) {
        state.step = TodayStep::kNeedsFollowup;
        state.followup_session_date = last_session->date;
        return Status::success();
      }
      state.step = TodayStep::kNeedsCheckin;
      state.ask_urgent_questions = state.screen->screened_on != date;
      return Status::success();
    }
    const coach::Day& day = timeline->days.back();
    state.step = day.session ? TodayStep::kSessionLogged : TodayStep::kPlanReady;
    state.session = day.session;
    state.plan = std::move(plan);
    return Status::success();
  });
  if (!read.ok()) return read.error();
  return state;
}

Result<std::vector<HistoryDay>> DailyService::history(PersonId person, Date up_to) {
  auto timeline = measured_timeline(person, up_to);
  if (!timeline.ok()) return timeline.error();
  std::vector<coach::Plan> plans = coach::Coach(catalog_).replay(*timeline);
  std::vector<HistoryDay> days;
  days.reserve(timeline->days.size());
  for (std::size_t i = 0; i < timeline->days.size(); ++i) {
    coach::Day& day = timeline->days[i];
    days.push_back({day.date, std::move(day.checkin), std::move(plans[i]), day.session,
                    day.next_morning_pain});
  }
  return days;
}

Result<Progress> DailyService::progress(PersonId person, Date up_to) {
  auto timeline = measured_timeline(person, up_to);
  if (!timeline.ok()) return timeline.error();
  Progress progress;
  const std::vector<coach::Day>& days = timeline->days;
  for (const coach::Day& day : days) progress.pain.push_back({day.date, day.checkin.pain});

  if (!days.empty()) {
    const Date first = days.front().date;
    const Date last = days.back().date;
    const Date first_week_end = first.plus_days(kPainWindowDays - 1);
    const Date last_week_start = last.plus_days(-(kPainWindowDays - 1));
    if (last_week_start > first_week_end) {
      const auto baseline = mean_pain(days, first, first_week_end);
      const auto current = mean_pain(days, last_week_start, last);
      if (baseline && current) progress.pain_change = coach::pain_change(*baseline, *current);
    }
    for (Date week = monday_of(first); week <= last; week = week.plus_days(7)) {
      progress.rope_weeks.push_back({week, 0, 0});
    }
    for (const coach::Day& day : days) {
      if (!day.session) continue;
      const auto index =
          static_cast<std::size_t>(monday_of(day.date).days_after(monday_of(first)) / 7);
      progress.rope_weeks[index].rope_minutes += day.session->rope_minutes;
      ++progress.rope_weeks[index].sessions;
    }
    for (const coach::Plan& plan : coach::Coach(catalog_).replay(*timeline)) {
      if (plan.traffic_light) progress.traffic_lights.push_back({plan.date, *plan.traffic_light});
    }
  }

  BB_RETURN_IF_ERROR(read_measure_progress<PegMeasure>(store_, person, up_to, progress.peg,
                                                      progress.peg_change));
  BB_RETURN_IF_ERROR(read_measure_progress<PsfsMeasure>(store_, person, up_to, progress.psfs,
                                                       progress.psfs_change));
  return progress;
}

Result<MeasureResult> DailyService::add_peg(PersonId person, Date date, const coach::Peg3& peg) {
  if (Status s = coach::validate(peg); !s.ok()) return s.error();
  return add_measure<PegMeasure>(store_, person, {date, peg});
}

Result<MeasureResult> DailyService::add_psfs(PersonId person, Date date, const coach::Psfs& psfs) {
  if (Status s = coach::validate(psfs); !s.ok()) return s.error();
  return add_measure<PsfsMeasure>(store_, person, {date, psfs});
}

Result<coach::RopeAdvice> DailyService::rope_advice(PersonId person) {
  auto profile = store_.profile(person);
  if (!profile.ok()) return profile.error();
  if (!profile->has_value()) {
    return Error::not_found(
        "no profile yet: rope advice depends on height and experience, so set the profile first");
  }
  return coach::advise_rope(**profile);
}

}  // namespace bb::app
