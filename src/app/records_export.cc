#include "app/records_export.h"

#include <utility>

namespace bb::app {

Result<RecordsExport> export_records(PersonStore& store, DailyService& daily,
                                     RecordingStore* recordings, PersonId person, Date up_to) {
  RecordsExport out;
  BB_ASSIGN_OR_RETURN(out.timeline, store.timeline(person, up_to));
  BB_ASSIGN_OR_RETURN(out.progress, daily.progress(person, up_to));
  if (recordings != nullptr) {
    BB_ASSIGN_OR_RETURN(out.recordings, recordings->recordings(person));
  }
  return out;
}

}  // namespace bb::app
