// Reads the exercise catalog from its JSON files and checks every field, so the engine can trust
// what it gets. The file format is described in data/README.md.
#pragma once

#include <vector>

#include "base/result.h"
#include "coach/catalog.h"
#include "data/embedded.h"

namespace bb::app {

// Parses and validates every file, then returns all items sorted by id.
// Never throws. On the first problem it returns Error::invalid whose field names the file, the
// item and the field, e.g. "stretches.json: items[3] (kneeling_hip_flexor).hold_seconds", and
// whose message says what was expected. Ids must be unique across all files.
bb::Result<coach::Catalog> load_catalog(const std::vector<bb::data::EmbeddedFile>& files);

// load_catalog over the files embedded into the binary at build time.
bb::Result<coach::Catalog> load_embedded_catalog();

}  // namespace bb::app
