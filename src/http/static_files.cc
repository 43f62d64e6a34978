#include "http/static_files.h"

#include <cstdint>
#include <cstdio>

#include "http/api_error.h"

namespace bb::http {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// FNV-1a over the bytes: a content tag, not a security measure.
std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char text[24];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

// Bundlers name assets "name-<hash>.ext"; such a file never changes under its name.
bool looks_hashed(std::string_view name) {
  if (name.substr(0, 7) != "assets/") return false;
  const std::size_t dash = name.rfind('-');
  const std::size_t dot = name.rfind('.');
  return dash != std::string_view::npos && dot != std::string_view::npos && dot > dash + 6;
}

}  // namespace

const char* StaticFiles::content_type_for(std::string_view name) {
  struct Kind {
    const char* extension;
    const char* type;
  };
  static constexpr Kind kKinds[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".ico", "image/x-icon"},                {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},   {".map", "application/json"},
  };
  for (const Kind& kind : kKinds) {
    if (ends_with(name, kind.extension)) return kind.type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::vector<data::EmbeddedFile>& files) {
  for (const data::EmbeddedFile& file : files) {
    files_.emplace(std::string(file.name),
                   File{file.contents, etag_of(file.contents), content_type_for(file.name),
                        looks_hashed(file.name)});
  }
}

Response StaticFiles::answer(const File& file, const std::string& if_none_match) const {
  Response response;
  response.headers.emplace_back("ETag", file.etag);
  response.headers.emplace_back(
      "Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (if_none_match == file.etag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = file.content_type;
  response.body = std::string(file.contents);
  return response;
}

Response StaticFiles::serve(const std::string& path, const std::string& if_none_match) const {
  std::string_view name = path;
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  if (name.empty()) name = "index.html";
  if (const auto found = files_.find(name); found != files_.end()) {
    return answer(found->second, if_none_match);
  }
  const std::size_t last_slash = name.rfind('/');
  const std::string_view last = last_slash == std::string_view::npos ? name : name.substr(last_slash);
  const bool client_route = last.find('.') == std::string_view::npos;
  if (const auto index = files_.find(std::string_view("index.html"));
      client_route && index != files_.end()) {
    return answer(index->second, if_none_match);
  }
  return error_response(HttpFailure::kNotFound, "no such page");
}

}  // namespace bb::http
