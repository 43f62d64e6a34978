// Local dates and times of a person's IANA time zone ("Europe/Berlin"), read from the system's
// time zone database (Debian's tzdata, through Howard Hinnant's date library). No clock: the
// instant comes in from the caller.
#pragma once

#include <string>

#include "app/account_store.h"
#include "base/date.h"
#include "base/result.h"

namespace bb::app {

// Whether the database knows `name` (a zone or a link such as "US/Pacific").
[[nodiscard]] bool is_known_time_zone(const std::string& name);

// The calendar date at `instant` in `zone`; kInvalidArgument (field "time_zone") for an unknown
// zone.
[[nodiscard]] Result<Date> local_date(const std::string& zone, UnixSeconds instant);

// The instant of `minute_of_day` (0-1439) on `date` in `zone`. A wall time that does not exist
// (the hour skipped when clocks go forward) is the instant of the change; a time that happens
// twice (clocks go back) is its first occurrence.
[[nodiscard]] Result<UnixSeconds> instant_of_local_time(const std::string& zone, Date date,
                                                        int minute_of_day);

}  // namespace bb::app
