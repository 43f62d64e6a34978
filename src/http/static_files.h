// The browser app, served from memory: Content-Type by extension, a strong ETag per file,
// "immutable" caching for content-hashed assets and "no-cache" for everything else. A file
// embedded with "name.br" or "name.gz" beside it (compressed once at build time) is sent in the
// best encoding the client accepts, Brotli first, with Vary: Accept-Encoding.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/embedded.h"
#include "http/message.h"

namespace bb::http {

class StaticFiles {
 public:
  StaticFiles() = default;
  explicit StaticFiles(const std::vector<data::EmbeddedFile>& files);

  [[nodiscard]] bool empty() const { return files_.empty(); }
  // The file at `path` ("/assets/app-1a2b.js"), else index.html for a path that looks like a
  // client-side route (no extension); 404 otherwise. 304 when `if_none_match` names the ETag of
  // the encoding chosen from `accept_encoding` (each encoding has its own ETag).
  [[nodiscard]] Response serve(const std::string& path, const std::string& if_none_match,
                               const std::string& accept_encoding = {}) const;

  static const char* content_type_for(std::string_view name);

 private:
  struct Variant {
    std::string_view contents;
    std::string etag;
  };
  struct File {
    Variant identity;
    const char* content_type;
    bool immutable;
    std::optional<Variant> brotli;
    std::optional<Variant> gzip;
  };
  [[nodiscard]] Response answer(const File& file, const std::string& if_none_match,
                                const std::string& accept_encoding) const;
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace bb::http
