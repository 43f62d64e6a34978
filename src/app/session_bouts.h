// The rounds of a logged rope session as work and rest, for a front end that lays them out (the
// FIT export's laps): the rule of when the plan's rounds are known lives here, not in a browser.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "coach/model.h"
#include "coach/plan.h"
#include "motion/session.h"

namespace bb::app {

struct LoggedBout {
  motion::BoutKind kind = motion::BoutKind::kWork;
  double start_s = 0;  // from the session's rope start
  double end_s = 0;
  bool operator==(const LoggedBout&) const = default;
};

// The plan's rounds with the rests between them when the log says every round ran to its end and
// its rope time is their work time (what the session player logs for a finished rope part);
// otherwise one work bout of the logged rope time; none without rope time.
[[nodiscard]] std::vector<LoggedBout> logged_bouts(const coach::Plan& plan,
                                                   const coach::SessionLog& session);

// [{"kind": "work"|"rest", "start_s", "end_s", "jumps": null}]: a log counts no jumps.
[[nodiscard]] nlohmann::json logged_bouts_to_json(const std::vector<LoggedBout>& bouts);

}  // namespace bb::app
