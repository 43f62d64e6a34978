// The storage port for motion recordings: an upload's file or a live stream's samples, kept with
// the analysis made when it arrived. Same contract as PersonStore: no throws, errors as values,
// values stored as given, not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/account_store.h"
#include "app/person_store.h"
#include "base/date.h"
#include "base/result.h"

namespace bb::app {

using RecordingId = std::int64_t;

enum class RecordingSource { kUpload, kLive };

[[nodiscard]] const char* to_string(RecordingSource source);
[[nodiscard]] std::optional<RecordingSource> recording_source_from(std::string_view text);

// What a list of recordings shows, without the analysis or the samples.
struct RecordingHeader {
  RecordingId id = 0;  // given by the store
  Date date;           // the session the recording belongs to
  RecordingSource source = RecordingSource::kUpload;
  std::string name;  // the uploaded file's name; empty for live streams
  UnixSeconds created_at = 0;
  std::string placement;  // wire id of the placement the detector used (never "auto")
  int jumps = 0;
  double cadence_per_min = 0;
  double jump_height_cm = 0;  // 0 when the placement does not show flight
  double impact_g = 0;        // 0 when not shown
  double duration_s = 0;
  std::vector<std::string> feedback;  // each note one line, no newlines inside
  // The rest of what the engine reads (coach::Measured), so a plan needs no analysis parsed.
  double active_seconds = 0;
  int trips = 0;
  int longest_run = 0;
};

struct StoredRecording {
  RecordingHeader header;
  std::string analysis_json;  // the analysis as the API returns it
};

class RecordingStore {
 public:
  virtual ~RecordingStore() = default;

  // Stores a new recording of an existing person (kConflict when the person does not exist) and
  // returns its id; `header.id` is ignored.
  [[nodiscard]] virtual Result<RecordingId> add_recording(PersonId person,
                                                          const StoredRecording& recording,
                                                          const std::string& samples) = 0;
  // The person's recordings, by date, then by id.
  [[nodiscard]] virtual Result<std::vector<RecordingHeader>> recordings(PersonId person) = 0;
  // Empty when the recording does not exist or belongs to someone else.
  [[nodiscard]] virtual Result<std::optional<StoredRecording>> recording(PersonId person,
                                                                         RecordingId id) = 0;
  [[nodiscard]] virtual Result<std::optional<std::string>> recording_samples(PersonId person,
                                                                             RecordingId id) = 0;
  // False when there was nothing to delete.
  [[nodiscard]] virtual Result<bool> delete_recording(PersonId person, RecordingId id) = 0;
};

}  // namespace bb::app
