#include "app/calendar_service.h"

#include <cmath>
#include <fmt/format.h>
#include <vector>

#include "app/calendar_feed.h"
#include "app/time_zone.h"

namespace bb::app {
namespace {

// Minutes as a person reads them: whole, or with a half ("4", "2.5").
std::string minutes_text(double minutes) {
  const double halves = std::round(minutes * 2) / 2;
  return fmt::format("{:g}", halves);
}

bool paused(TodayStep step) {
  return step == TodayStep::kBlockedUrgent || step == TodayStep::kBlockedUntilClearance;
}

std::string compact_date(Date date) {
  return fmt::format("{:04}{:02}{:02}", date.year(), date.month(), date.day());
}

}  // namespace

Status validate_calendar_settings(const CalendarSettings& settings) {
  if (settings.start_minute < 0 || settings.start_minute >= 24 * 60) {
    return Error::invalid("time", "a time of day is between 00:00 and 23:59");
  }
  if (settings.minutes < kMinCalendarEventMinutes || settings.minutes > kMaxCalendarEventMinutes) {
    return Error::invalid("minutes", fmt::format("a session in the calendar lasts {} to {} minutes",
                                                 kMinCalendarEventMinutes,
                                                 kMaxCalendarEventMinutes));
  }
  if (settings.time_zone.size() > kMaxTimeZoneLength || !is_known_time_zone(settings.time_zone)) {
    return Error::invalid("time_zone", "unknown time zone \"" + settings.time_zone +
                                           "\": expected an IANA name such as Europe/Berlin");
  }
  return Status::success();
}

std::string plan_summary(const coach::Plan& plan) {
  const std::string stretch = minutes_text(plan.stretch.minutes);
  const std::string rope = plan.rope ? minutes_text(plan.rope->minutes()) : "0";
  switch (plan.day_type) {
    case coach::DayType::kRope:
      return fmt::format("Rope day: {} min of rope, {} min of stretches", rope, stretch);
    case coach::DayType::kMixed:
      return fmt::format("Mixed day: {} min of rope, {} min of stretches", rope, stretch);
    case coach::DayType::kRestorative:
      return fmt::format("Gentle day: {} min of stretches and restorative yoga", stretch);
    case coach::DayType::kRest:
      break;
  }
  return "Rest day: no session";
}

Result<CalendarView> CalendarService::view(PersonId person) {
  BB_ASSIGN_OR_RETURN(const auto record, accounts_.calendar_settings(person));
  CalendarView view;
  if (record) {
    view.settings = record->settings;
    view.saved = true;
    view.feed = record->has_secret;
  }
  return view;
}

Result<CalendarView> CalendarService::save_settings(PersonId person,
                                                    const CalendarSettings& settings) {
  BB_RETURN_IF_ERROR(validate_calendar_settings(settings));
  BB_RETURN_IF_ERROR(accounts_.save_calendar_settings(person, settings));
  return view(person);
}

Result<std::string> CalendarService::open_feed(PersonId person, const CalendarSettings& settings) {
  BB_RETURN_IF_ERROR(validate_calendar_settings(settings));
  const std::string secret = secrets_.random_token();
  const std::string digest = secrets_.digest(secret);
  const Status saved = accounts_.transaction([&]() -> Status {
    BB_RETURN_IF_ERROR(accounts_.save_calendar_settings(person, settings));
    BB_ASSIGN_OR_RETURN(const bool set, accounts_.set_calendar_secret(person, digest));
    if (!set) return Error::internal("calendar settings vanished while saving the secret");
    return Status::success();
  });
  if (!saved.ok()) return saved.error();
  return secret;
}

Status CalendarService::revoke_feed(PersonId person) {
  BB_ASSIGN_OR_RETURN(const bool existed, accounts_.set_calendar_secret(person, ""));
  (void)existed;
  return Status::success();
}

Result<std::optional<std::string>> CalendarService::feed(const std::string& secret,
                                                         UnixSeconds now,
                                                         const std::string& app_url) {
  if (secret.empty()) return std::optional<std::string>();
  BB_ASSIGN_OR_RETURN(const auto record, accounts_.calendar_feed_by_secret(secrets_.digest(secret)));
  if (!record || !record->has_secret) return std::optional<std::string>();
  const CalendarSettings& settings = record->settings;
  BB_ASSIGN_OR_RETURN(const Date today, local_date(settings.time_zone, now));

  CalendarDocument document;
  document.name = "Bounceback";
  document.time_zone = settings.time_zone;
  document.stamp = now;
  const std::string link = app_url + "/#/today";

  BB_ASSIGN_OR_RETURN(const TodayState state, daily_.today(record->person, today));
  // A red flag pauses every plan: the calendar then holds no sessions at all.
  if (!paused(state.step)) {
    for (int offset = 0; offset < kCalendarDays; ++offset) {
      const Date date = today.plus_days(offset);
      CalendarEvent event;
      event.uid = fmt::format("{}-{}@bounceback", compact_date(date), record->person);
      BB_ASSIGN_OR_RETURN(event.start,
                          instant_of_local_time(settings.time_zone, date, settings.start_minute));
      event.minutes = settings.minutes;
      event.url = link;
      event.alarm_minutes_before = kCalendarAlarmMinutes;
      // A day's plan exists once that day's check-in does.
      BB_ASSIGN_OR_RETURN(const auto checkin, daily_.checkin(record->person, date));
      std::optional<coach::Plan> plan;
      if (checkin) {
        Result<coach::Plan> planned = daily_.todays_plan(record->person, date);
        if (planned.ok()) {
          plan = std::move(planned).value();
        } else if (planned.error().code != ErrorCode::kNotFound) {  // no screen yet: no plan
          return planned.error();
        }
      }
      if (plan && (plan->status != coach::PlanStatus::kOk ||
                   plan->day_type == coach::DayType::kRest)) {
        continue;  // paused that day
      }
      if (plan) {
        event.summary = "Bounceback: " + plan_summary(*plan);
        event.description = plan_summary(*plan) + ".\nToday's plan and its reasons: " + link;
        event.alarm_text = plan_summary(*plan);
      } else {
        event.summary = "Bounceback: daily practice";
        event.description =
            "Check in (30 seconds) and Bounceback sets the day's plan: " + link;
        event.alarm_text = "Time for your Bounceback check-in and session";
      }
      document.events.push_back(std::move(event));
    }
  }
  return std::optional<std::string>(write_icalendar(document));
}

}  // namespace bb::app
