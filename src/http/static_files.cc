#include "http/static_files.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

#include <fmt/format.h>

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
  return fmt::format("\"{:016x}\"", hash);
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
  std::map<std::string_view, std::string_view> compressed;  // "x.js.br" -> bytes
  for (const data::EmbeddedFile& file : files) {
    if (ends_with(file.name, ".br") || ends_with(file.name, ".gz")) {
      compressed.emplace(file.name, file.contents);
      continue;
    }
    files_.emplace(std::string(file.name),
                   File{{file.contents, etag_of(file.contents)},
                        content_type_for(file.name),
                        looks_hashed(file.name),
                        std::nullopt,
                        std::nullopt});
  }
  for (auto& [name, file] : files_) {
    // Each encoding is its own representation, so its ETag differs from the plain file's.
    if (const auto br = compressed.find(name + ".br"); br != compressed.end())
      file.brotli = Variant{br->second, etag_of(br->second)};
    if (const auto gz = compressed.find(name + ".gz"); gz != compressed.end())
      file.gzip = Variant{gz->second, etag_of(gz->second)};
  }
}

namespace {
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Whether "gzip, deflate, br;q=0.8" lists `coding` (lower case) with a weight above 0. A "*" is
// not taken for either coding: a client that wants one names it.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    const std::string_view name = trimmed(item.substr(0, semicolon));
    const bool same = name.size() == coding.size() &&
                      std::equal(name.begin(), name.end(), coding.begin(), [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) == b;
                      });
    if (!same) continue;
    if (semicolon == std::string_view::npos) return true;
    const std::string_view param = trimmed(item.substr(semicolon + 1));
    if (param.substr(0, 2) != "q=" && param.substr(0, 2) != "Q=") return true;
    const std::string_view value = trimmed(param.substr(2));
    double weight = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), weight);
    return error == std::errc() && end == value.data() + value.size() && weight > 0;
  }
  return false;
}
}  // namespace

Response StaticFiles::answer(const File& file, const std::string& if_none_match,
                             const std::string& accept_encoding) const {
  const Variant* sent = &file.identity;
  const char* encoding = nullptr;
  if (file.brotli && accepts_encoding(accept_encoding, "br")) {
    sent = &*file.brotli;
    encoding = "br";
  } else if (file.gzip && accepts_encoding(accept_encoding, "gzip")) {
    sent = &*file.gzip;
    encoding = "gzip";
  }
  Response response;
  response.headers.emplace_back("ETag", sent->etag);
  response.headers.emplace_back(
      "Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.brotli || file.gzip) response.headers.emplace_back("Vary", "Accept-Encoding");
  if (encoding != nullptr) response.headers.emplace_back("Content-Encoding", encoding);
  if (if_none_match == sent->etag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = file.content_type;
  response.body = std::string(sent->contents);
  return response;
}

Response StaticFiles::serve(const std::string& path, const std::string& if_none_match,
                            const std::string& accept_encoding) const {
  std::string_view name = path;
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  if (name.empty()) name = "index.html";
  if (const auto found = files_.find(name); found != files_.end()) {
    return answer(found->second, if_none_match, accept_encoding);
  }
  const std::size_t last_slash = name.rfind('/');
  const std::string_view last = last_slash == std::string_view::npos ? name : name.substr(last_slash);
  const bool client_route = last.find('.') == std::string_view::npos;
  if (const auto index = files_.find(std::string_view("index.html"));
      client_route && index != files_.end()) {
    return answer(index->second, if_none_match, accept_encoding);
  }
  return error_response(HttpFailure::kNotFound, "no such page");
}

}  // namespace bb::http
