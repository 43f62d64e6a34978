#include "http/live_session.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "app/motion_json.h"
#include "app/recording_service.h"
#include "http/live_protocol.h"

namespace bb::http {

using nlohmann::json;

LiveSession::LiveSession(StorePool& stores, const Clock& clock, app::PersonId person, Date date,
                         motion::Placement placement, app::LiveUnits units,
                         std::optional<int> target_cadence)
    : stores_(stores),
      clock_(clock),
      person_(person),
      date_(date),
      units_(units),
      recorder_(placement, units, target_cadence) {}

std::string LiveSession::ready_message() const {
  return live_ready_message(recorder_.placement(), units_);
}

LiveSession::Reply LiveSession::on_message(std::string_view text) {
  if (finished_) {
    return {live_error_message(Error::conflict("the stream has ended")), Then::kClose};
  }
  Result<LiveMessage> message = decode_live_message(text);
  if (!message.ok()) return {live_error_message(message.error())};
  if (message->kind == LiveMessage::Kind::kEnd) return save_and_describe();
  Result<app::LiveProgress> progress = recorder_.push(message->samples);
  if (!progress.ok()) return {live_error_message(progress.error())};
  return {live_count_message(*progress, recorder_.placement())};
}

Status LiveSession::on_disconnect() {
  if (finished_) return Status::success();
  Result<std::optional<app::StoredRecording>> saved = save();
  if (!saved.ok()) return saved.error();
  return Status::success();
}

Result<std::optional<app::StoredRecording>> LiveSession::save() {
  if (recorder_.empty()) {
    finished_ = true;
    return std::optional<app::StoredRecording>();
  }
  Result<StorePool::Lease> lease = stores_.acquire();
  if (!lease.ok()) return lease.error();
  app::RecordingService recordings(*(*lease)->recordings);
  Result<app::StoredRecording> saved =
      recordings.save_live(person_, date_, clock_.now(), recorder_);
  if (!saved.ok()) return saved.error();
  finished_ = true;
  return std::optional<app::StoredRecording>(std::move(*saved));
}

LiveSession::Reply LiveSession::save_and_describe() {
  // When saving fails the stream stays open, so the client may send "end" again.
  Result<std::optional<app::StoredRecording>> saved = save();
  if (!saved.ok()) return {live_error_message(saved.error())};
  json recording = nullptr;
  if (*saved) {
    Result<json> described = app::recording_to_json(**saved);
    if (!described.ok()) return {live_error_message(described.error()), Then::kClose};
    recording = std::move(*described);
  }
  return {json{{"type", "saved"}, {"recording", recording}}.dump(-1, ' ', false,
                                                                 json::error_handler_t::replace),
          Then::kClose};
}

}  // namespace bb::http
