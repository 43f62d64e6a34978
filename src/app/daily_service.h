// The use cases of one person's day: screen, check in, get today's plan, log, follow up, and look
// back. Shared by the command line and the server. Every write is validated first, then done in
// one store transaction, so a rejected input leaves nothing behind. Dates are always inputs: the
// app layer reads no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/person_store.h"
#include "app/plan_cache.h"
#include "app/recording_store.h"
#include "base/date.h"
#include "base/result.h"
#include "coach/catalog.h"
#include "coach/measures.h"
#include "coach/model.h"
#include "coach/plan.h"
#include "coach/rope_advice.h"

namespace bb::app {

// What the full safety screen allows.
enum class ScreenOutcome {
  kClear,         // no red flag: plans may include exercise
  kSeeClinician,  // exercise waits for a clinician's clearance
  kUrgent,        // seek emergency care now; no plan at all
};

struct ScreenSummary {
  Date screened_on;
  ScreenOutcome outcome = ScreenOutcome::kClear;
  std::vector<coach::RedFlag> urgent;         // "yes" answers that are urgent
  std::vector<coach::RedFlag> see_clinician;  // "yes" answers that need a clinician
  std::optional<Date> cleared_on;             // a recorded clearance, if any
};

// One checked-in day as the person lived it, with the plan the engine gave for it.
struct HistoryDay {
  Date date;
  coach::CheckIn checkin;
  coach::Plan plan;
  std::optional<coach::SessionLog> session;
  std::optional<int> next_morning_pain;
};

struct PainPoint {
  Date date;
  int pain = 0;
};

// Rope time of one Monday-to-Sunday week.
struct RopeWeek {
  Date week_start;  // a Monday
  double rope_minutes = 0;
  int sessions = 0;
};

struct DatedLight {
  Date date;  // the day whose plan reported the light
  coach::TrafficLight light = coach::TrafficLight::kGreen;
};

struct Progress {
  std::vector<PainPoint> pain;  // one point per check-in
  // Mean pain of the first week of check-ins against the last week; empty until the two weeks
  // no longer overlap.
  std::optional<coach::Change> pain_change;
  std::vector<RopeWeek> rope_weeks;  // every week from the first check-in, empty weeks included
  std::vector<DatedLight> traffic_lights;
  std::vector<DatedPeg3> peg;
  std::optional<coach::Change> peg_change;  // the first entry against the latest
  std::vector<DatedPsfs> psfs;
  std::optional<coach::Change> psfs_change;  // the first entry against the latest
};

// A measure just recorded, with its change from the first entry (the baseline).
struct MeasureResult {
  double score = 0;
  std::optional<coach::Change> change;  // empty when this entry is the baseline
};

// What a person needs now, on a date: the one answer every front end follows.
enum class TodayStep {
  kNeedsProfile,
  kNeedsScreen,
  kBlockedUrgent,           // seek emergency care now: the screen or today's check-in
  kBlockedUntilClearance,   // exercise waits for a clinician's clearance
  kNeedsFollowup,           // the next-morning pain of a recent session is missing
  kNeedsCheckin,
  kPlanReady,
  kSessionLogged,
};

struct TodayState {
  Date date;
  TodayStep step = TodayStep::kNeedsProfile;
  std::optional<ScreenSummary> screen;        // from kBlockedUrgent on
  bool ask_urgent_questions = false;          // kNeedsCheckin: the screen was not taken today
  std::optional<Date> followup_session_date;  // kNeedsFollowup
  // The day's plan; with a block, the rest day whose reasons say why (planned on an empty
  // check-in when today has none yet, since a check-in can add a block but never lift one).
  std::optional<coach::Plan> plan;
  std::optional<coach::CheckIn> checkin;     // the day's check-in, once made
  std::optional<coach::SessionLog> session;  // kSessionLogged
};

// A session's next-morning pain is asked for up to this many days after it (the morning after,
// or the next when the app was not opened that morning); later, the session stays without it.
inline constexpr int kFollowupWindowDays = 2;

// How many days a first-week or last-week pain mean covers.
inline constexpr int kPainWindowDays = 7;

class DailyService {
 public:
  // All must outlive the service; `plans` may be null (nothing is kept); `recordings` may be
  // null (sessions then carry no measurements).
  DailyService(PersonStore& store, const coach::Catalog& catalog, PlanCache* plans = nullptr,
               RecordingStore* recordings = nullptr)
      : store_(store), catalog_(catalog), plans_(plans), recordings_(recordings) {}

  // kInvalidArgument for a birth year outside 1900..today's year or a height outside 90-250 cm.
  [[nodiscard]] Status save_profile(PersonId person, Date today, const coach::Profile& profile);
  [[nodiscard]] Result<std::optional<coach::Profile>> profile(PersonId person);

  // Records the full screen (it replaces any earlier one) and says what it allows. A recorded
  // clearance is dropped when the new screen adds a "see a clinician" answer.
  [[nodiscard]] Result<ScreenSummary> take_screen(PersonId person, Date date,
                                                  const coach::Screening& screening);
  // The latest screen; empty when the person has not taken it.
  [[nodiscard]] Result<std::optional<ScreenSummary>> screen_summary(PersonId person);
  // A clinician cleared the person for exercise on `cleared_on`.
  [[nodiscard]] Status record_clearance(PersonId person, Date cleared_on);

  // One check-in per date; checking in again the same day replaces it. kInvalidArgument (field
  // "checkin.pain", "checkin.urgent_flags", "checkin.notes") before anything is written.
  [[nodiscard]] Status check_in(PersonId person, Date date, const coach::CheckIn& checkin);
  [[nodiscard]] Result<std::optional<coach::CheckIn>> checkin(PersonId person, Date date);

  // The plan for `date` from everything recorded up to it. kNotFound when the screen has not been
  // taken or when there is no check-in for `date`.
  [[nodiscard]] Result<coach::Plan> todays_plan(PersonId person, Date date);
  // The same plan as the API's JSON text (plan_to_json_text), read on one snapshot. With a plan
  // cache, a plan computed at the person's current plan revision is sent again as it was.
  [[nodiscard]] Result<std::string> todays_plan_json(PersonId person, Date date);

  // What the person needs now on `date`, read on one snapshot, in this order: a profile, the
  // screen, a block (urgent, or until a clearance), the next-morning pain of the latest session
  // when it was at most kFollowupWindowDays ago, the check-in, then the plan or the logged session.
  [[nodiscard]] Result<TodayState> today(PersonId person, Date date);

  // What the recordings of `date` measured, merged; empty without recordings (or a recording
  // store).
  [[nodiscard]] Result<std::optional<coach::Measured>> measured_on(PersonId person, Date date);

  // What was done on `date`, which needs a check-in (kConflict otherwise). Fields "session.*".
  [[nodiscard]] Status log_session(PersonId person, Date date, const coach::SessionLog& session);
  // Pain on waking after the session of `session_date` (kConflict when none was logged).
  [[nodiscard]] Status record_next_morning_pain(PersonId person, Date session_date, int pain);

  // Every checked-in day up to `up_to`, oldest first.
  [[nodiscard]] Result<std::vector<HistoryDay>> history(PersonId person, Date up_to);
  [[nodiscard]] Result<Progress> progress(PersonId person, Date up_to);

  // PEG-3 and PSFS: one entry per date (again the same day replaces it).
  [[nodiscard]] Result<MeasureResult> add_peg(PersonId person, Date date, const coach::Peg3& peg);
  [[nodiscard]] Result<MeasureResult> add_psfs(PersonId person, Date date, const coach::Psfs& psfs);

  // kNotFound until a profile is saved: the advice depends on height and experience.
  [[nodiscard]] Result<coach::RopeAdvice> rope_advice(PersonId person);

 private:
  // The stored timeline up to `up_to`, with what the recordings of each session measured.
  [[nodiscard]] Result<coach::Timeline> measured_timeline(PersonId person, Date up_to);

  PersonStore& store_;
  const coach::Catalog& catalog_;
  PlanCache* plans_;
  RecordingStore* recordings_;
};

const char* to_string(ScreenOutcome outcome);
const char* to_string(TodayStep step);

// Range checks shared by the use cases, exposed so callers can reject input early.
[[nodiscard]] Status validate_checkin(const coach::CheckIn& checkin);
[[nodiscard]] Status validate_session(const coach::SessionLog& session);
[[nodiscard]] Status validate_pain(int pain, const char* field);

}  // namespace bb::app
