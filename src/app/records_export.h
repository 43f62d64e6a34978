// The person's own records to take away (the API's export as JSON and as CSV): one use case, so
// every front end exports the same thing.
#pragma once

#include <vector>

#include "app/daily_service.h"
#include "app/person_store.h"
#include "app/recording_store.h"
#include "base/date.h"
#include "base/result.h"
#include "coach/model.h"

namespace bb::app {

struct RecordsExport {
  coach::Timeline timeline;                 // everything recorded up to the date, as stored
  Progress progress;                        // what it adds up to
  std::vector<RecordingHeader> recordings;  // the motion recordings kept, without samples
};

// Everything kept about `person` up to `up_to`. `recordings` may be null (the export then lists
// none). Reads only: call it inside the store's read transaction to see one snapshot.
[[nodiscard]] Result<RecordsExport> export_records(PersonStore& store, DailyService& daily,
                                                   RecordingStore* recordings, PersonId person,
                                                   Date up_to);

}  // namespace bb::app
