// The use cases of motion recordings: analyse an uploaded file or a finished live stream, keep it
// with the session of its date, list, show, export and delete. Shared by the server's routes and
// its live WebSocket. Nothing is stored unless the whole recording was read and analysed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/live_recorder.h"
#include "app/recording_store.h"
#include "base/date.h"
#include "base/result.h"
#include "motion/csv_reader.h"
#include "motion/jump_detector.h"

namespace bb::app {

// Longest file name kept with an upload.
inline constexpr std::size_t kMaxRecordingNameBytes = 200;

struct UploadRequest {
  Date date;         // the session the recording belongs to
  std::string name;  // the file's name as the person chose it; may be empty
  motion::Placement placement = motion::Placement::kAuto;
  motion::Units units = motion::Units::kAuto;
  motion::Strictness strictness = motion::Strictness::kStrict;  // lenient: skip bad rows
  UnixSeconds created_at = 0;
};

class RecordingService {
 public:
  explicit RecordingService(RecordingStore& store) : store_(store) {}

  // kInvalidArgument (field "csv", the line in the message) when the file cannot be read or
  // holds no samples, (field "name") for a name that is too long or holds control characters.
  [[nodiscard]] Result<StoredRecording> upload(PersonId person, const UploadRequest& request,
                                               std::string_view csv);
  // Saves a finished live stream (kInvalidArgument when it holds no sample).
  [[nodiscard]] Result<StoredRecording> save_live(PersonId person, Date date,
                                                  UnixSeconds created_at,
                                                  const LiveRecorder& recorder);

  [[nodiscard]] Result<std::vector<RecordingHeader>> list(PersonId person);
  // kNotFound when missing or someone else's.
  [[nodiscard]] Result<StoredRecording> get(PersonId person, RecordingId id);
  [[nodiscard]] Result<std::string> samples(PersonId person, RecordingId id);
  [[nodiscard]] Status remove(PersonId person, RecordingId id);

 private:
  [[nodiscard]] Result<StoredRecording> keep(PersonId person, StoredRecording recording,
                                             const std::string& samples);

  RecordingStore& store_;
};

}  // namespace bb::app
