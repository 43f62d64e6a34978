// What the recordings of a session measured, as the engine reads it (coach::Measured): each
// recording's figures read from its header, several recordings of one day merged, and attached to the
// timeline's sessions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/recording_store.h"
#include "base/result.h"
#include "coach/model.h"

namespace bb::app {

// One recording's figures as the engine reads them, from its header (a cadence, height or impact
// of 0 is one the placement does not show); kCorrupt for an unknown placement.
[[nodiscard]] Result<coach::Measured> measured_from_header(const RecordingHeader& header);

// Several recordings of one session as one: jumps, active time and trips add up; cadence,
// height and impact are averaged weighted by jumps over the recordings that show them; the
// longest run is the longest of any; the placement is that of the recording with most jumps.
// Precondition: `parts` is not empty.
[[nodiscard]] coach::Measured merge_measured(const std::vector<coach::Measured>& parts);

// What the recordings of `date` measured together; none without a recording that day.
[[nodiscard]] Result<std::optional<coach::Measured>> measured_on(RecordingStore& recordings,
                                                                 PersonId person, Date date);

// Sets `measured` on every session of the timeline that has recordings on its date.
[[nodiscard]] Status attach_measurements(RecordingStore& recordings, PersonId person,
                                         coach::Timeline& timeline);

}  // namespace bb::app
