// docs/openapi.yaml, embedded into the binary at build time and served at /api/v1/openapi.yaml.
#pragma once

#include <vector>

#include "data/embedded.h"

namespace bb::data {

// One file: "openapi.yaml".
std::vector<EmbeddedFile> openapi_files();

}  // namespace bb::data
