#include "app/recording_service.h"

#include <utility>

#include "app/motion_json.h"

namespace bb::app {

const char* to_string(RecordingSource source) {
  return source == RecordingSource::kLive ? "live" : "upload";
}

std::optional<RecordingSource> recording_source_from(std::string_view text) {
  if (text == "upload") return RecordingSource::kUpload;
  if (text == "live") return RecordingSource::kLive;
  return std::nullopt;
}

namespace {

Status check_name(const std::string& name) {
  if (name.size() > kMaxRecordingNameBytes) {
    return Error::invalid(
        "name", "at most " + std::to_string(kMaxRecordingNameBytes) + " bytes for a file name");
  }
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return Error::invalid("name", "a file name cannot hold control characters");
    }
  }
  return Status::success();
}

// The header a list shows, from the analysis.
StoredRecording describe(const MotionAnalysis& analysis, Date date, RecordingSource source,
                         std::string name, UnixSeconds created_at) {
  StoredRecording recording;
  RecordingHeader& h = recording.header;
  h.date = date;
  h.source = source;
  h.name = std::move(name);
  h.created_at = created_at;
  h.placement = motion::to_string(analysis.placement);
  const motion::SessionSummary& s = analysis.summary;
  h.jumps = s.jumps;
  h.cadence_per_min = s.cadence_per_min;
  h.jump_height_cm = s.jump_height_cm;
  h.impact_g = s.impact_g;
  h.duration_s = analysis.report.duration_s;
  h.feedback = s.feedback;
  h.active_seconds = s.active_seconds;
  h.trips = s.trips;
  h.longest_run = s.longest_run;
  recording.analysis_json = motion_analysis_to_json(analysis).dump();
  return recording;
}

}  // namespace

Result<StoredRecording> RecordingService::upload(PersonId person, const UploadRequest& request,
                                                 std::string_view csv) {
  BB_RETURN_IF_ERROR(check_name(request.name));
  if (csv.empty()) return Error::invalid("csv", "the file is empty");
  MotionFileOptions options;
  options.placement = request.placement;
  options.csv.units = request.units;
  options.csv.strictness = request.strictness;
  options.plot = MotionPlot::kEnvelope;
  Result<MotionAnalysis> analysis = analyze_motion_bytes(csv, "", options);
  if (!analysis.ok()) {
    Error error = analysis.error();
    // The reader names the line as the field; for an upload the field is the file itself.
    error.message = error.field.empty() ? error.message : error.field + ": " + error.message;
    error.field = "csv";
    return error;
  }
  if (analysis->report.rows == 0) {
    return Error::invalid("csv", "the file holds no samples (a header, but no rows of readings)");
  }
  return keep(
      person,
      describe(*analysis, request.date, RecordingSource::kUpload, request.name, request.created_at),
      std::string(csv));
}

Result<StoredRecording> RecordingService::save_live(PersonId person, Date date,
                                                    UnixSeconds created_at,
                                                    const LiveRecorder& recorder) {
  if (recorder.empty()) return Error::invalid("samples", "no sample came: nothing to save");
  return keep(person, describe(recorder.analysis(), date, RecordingSource::kLive, "", created_at),
              recorder.samples_csv());
}

Result<StoredRecording> RecordingService::keep(PersonId person, StoredRecording recording,
                                               const std::string& samples) {
  BB_ASSIGN_OR_RETURN(const RecordingId id, store_.add_recording(person, recording, samples));
  recording.header.id = id;
  return recording;
}

Result<std::vector<RecordingHeader>> RecordingService::list(PersonId person) {
  return store_.recordings(person);
}

Result<StoredRecording> RecordingService::get(PersonId person, RecordingId id) {
  BB_ASSIGN_OR_RETURN(std::optional<StoredRecording> found, store_.recording(person, id));
  if (!found) return Error::not_found("no such recording");
  return std::move(*found);
}

Result<std::string> RecordingService::samples(PersonId person, RecordingId id) {
  BB_ASSIGN_OR_RETURN(std::optional<std::string> found, store_.recording_samples(person, id));
  if (!found) return Error::not_found("no such recording");
  return std::move(*found);
}

Status RecordingService::remove(PersonId person, RecordingId id) {
  BB_ASSIGN_OR_RETURN(const bool deleted, store_.delete_recording(person, id));
  if (!deleted) return Error::not_found("no such recording");
  return Status::success();
}

}  // namespace bb::app
