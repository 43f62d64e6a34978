// One open live motion stream of one person, as the WebSocket in server.cc drives it: text
// messages in, text messages out. It holds no database connection while the stream is open; the
// recording is saved once, on "end" or when the connection goes away.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/live_recorder.h"
#include "app/person_store.h"
#include "app/recording_store.h"
#include "base/date.h"
#include "base/result.h"
#include "http/clock.h"
#include "http/store_pool.h"

namespace bb::http {

class LiveSession {
 public:
  LiveSession(StorePool& stores, const Clock& clock, app::PersonId person, Date date,
              motion::Placement placement, app::LiveUnits units,
              std::optional<int> target_cadence = std::nullopt);

  [[nodiscard]] std::string ready_message() const;

  enum class Then { kContinue, kClose };
  struct Reply {
    std::string text;
    Then then = Then::kContinue;
  };
  // A batch is answered with the running count (or an error, keeping nothing of it); "end" with
  // the saved recording, after which the connection should close.
  [[nodiscard]] Reply on_message(std::string_view text);

  // The connection ended without "end": keeps what came. The error, for the log, when it could
  // not be saved.
  [[nodiscard]] Status on_disconnect();

  [[nodiscard]] std::size_t samples() const { return recorder_.size(); }

  // Keeps `place` (a place among the person's open streams) for as long as the stream lives.
  void hold(std::shared_ptr<void> place) { place_ = std::move(place); }

 private:
  // Saves what came once (nothing when no sample came); kept unfinished when saving fails.
  [[nodiscard]] Result<std::optional<app::StoredRecording>> save();
  [[nodiscard]] Reply save_and_describe();

  StorePool& stores_;
  const Clock& clock_;
  app::PersonId person_;
  Date date_;
  app::LiveUnits units_;
  app::LiveRecorder recorder_;
  bool finished_ = false;
  std::shared_ptr<void> place_;
};

}  // namespace bb::http
