// Files embedded into the binary at build time (see cmake/Embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace bb::data {

struct EmbeddedFile {
  std::string_view name;      // file name without folders, e.g. "stretches.json"
  std::string_view contents;  // the bytes, as written
};

// The JSON files of data/catalog, sorted by name.
std::vector<EmbeddedFile> catalog_files();

// The built browser app (web/dist), names relative to it ("index.html", "assets/app-1a2b.js"),
// sorted by name. Empty when the web app was not built.
std::vector<EmbeddedFile> web_files();

}  // namespace bb::data
