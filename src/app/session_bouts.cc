#include "app/session_bouts.h"

#include <cmath>

namespace bb::app {

std::vector<LoggedBout> logged_bouts(const coach::Plan& plan, const coach::SessionLog& session) {
  const double seconds = session.rope_minutes * 60.0;
  if (!(seconds > 0)) return {};
  const std::optional<coach::RopeDose>& rope = plan.rope;
  // The player logs rope time as the seconds spent in rounds, so within a second of the plan's
  // work time a completed session ran exactly the plan's rounds.
  const bool ran_the_rounds = session.completed && rope && rope->rounds > 0 &&
                              std::abs(rope->work_total_seconds() - seconds) < 1.0;
  if (!ran_the_rounds) return {{motion::BoutKind::kWork, 0, seconds}};
  std::vector<LoggedBout> bouts;
  double at = 0;
  for (int round = 0; round < rope->rounds; ++round) {
    if (round > 0) {
      bouts.push_back({motion::BoutKind::kRest, at, at + rope->rest_seconds});
      at += rope->rest_seconds;
    }
    bouts.push_back({motion::BoutKind::kWork, at, at + rope->work_seconds});
    at += rope->work_seconds;
  }
  return bouts;
}

nlohmann::json logged_bouts_to_json(const std::vector<LoggedBout>& bouts) {
  nlohmann::json out = nlohmann::json::array();
  for (const LoggedBout& b : bouts) {
    out.push_back({{"kind", motion::to_string(b.kind)},
                   {"start_s", std::round(b.start_s * 1000.0) / 1000.0},
                   {"end_s", std::round(b.end_s * 1000.0) / 1000.0},
                   {"jumps", nullptr}});
  }
  return out;
}

}  // namespace bb::app
