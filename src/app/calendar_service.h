// The use cases of a person's calendar feed: choose when the daily session goes into their own
// calendar, make (or renew) and revoke the secret feed address, and write the feed for whoever
// holds the address. The feed's words live here; front ends only show the link.
#pragma once

#include <optional>
#include <string>

#include "app/account_service.h"
#include "app/account_store.h"
#include "app/daily_service.h"
#include "base/result.h"
#include "coach/plan.h"

namespace bb::app {

// The feed covers today and the days after it, this many in all.
inline constexpr int kCalendarDays = 14;
inline constexpr int kMinCalendarEventMinutes = 5;
inline constexpr int kMaxCalendarEventMinutes = 180;
// The reminder comes this long before each session.
inline constexpr int kCalendarAlarmMinutes = 10;
// The longest time zone name accepted (the database's longest is about 30).
inline constexpr std::size_t kMaxTimeZoneLength = 64;

// kInvalidArgument (fields "time", "minutes", "time_zone") for a time outside the day, a length
// outside kMinCalendarEventMinutes..kMaxCalendarEventMinutes or a zone the database does not
// know.
[[nodiscard]] Status validate_calendar_settings(const CalendarSettings& settings);

// What Settings shows: the saved choice (or the defaults, with no zone) and whether a feed
// address is live.
struct CalendarView {
  CalendarSettings settings;
  bool saved = false;
  bool feed = false;
};

// A day's plan in a line: "Rope day: 4 min of rope, 7 min of stretches".
[[nodiscard]] std::string plan_summary(const coach::Plan& plan);

class CalendarService {
 public:
  // All must outlive the service.
  CalendarService(AccountStore& accounts, Secrets& secrets, DailyService& daily)
      : accounts_(accounts), secrets_(secrets), daily_(daily) {}

  [[nodiscard]] Result<CalendarView> view(PersonId person);
  // Keeps a live feed address: a subscribed calendar shows the new time at its next refresh.
  [[nodiscard]] Result<CalendarView> save_settings(PersonId person,
                                                   const CalendarSettings& settings);
  // Saves `settings` and gives a new secret (shown once; only its digest is kept). An earlier
  // address stops working.
  [[nodiscard]] Result<std::string> open_feed(PersonId person, const CalendarSettings& settings);
  // The address stops working; the settings stay. Nothing to revoke is not an error.
  [[nodiscard]] Status revoke_feed(PersonId person);

  // The iCalendar text of the feed whose secret is `secret`, at `now`, with links into the app
  // at `app_url` (an origin such as "https://bounceback.example"). Empty for a secret that is
  // unknown or revoked, the same either way. Reads the person's plans, so call it inside the
  // person store's read transaction.
  [[nodiscard]] Result<std::optional<std::string>> feed(const std::string& secret,
                                                        UnixSeconds now,
                                                        const std::string& app_url);

 private:
  AccountStore& accounts_;
  Secrets& secrets_;
  DailyService& daily_;
};

}  // namespace bb::app
