#include "http/static_files.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bb::http {
namespace {

std::string header(const Response& r, const std::string& name) {
  for (const auto& [key, value] : r.headers)
    if (key == name) return value;
  return {};
}

// Three files: one with both compressed variants beside it, one with gzip only, one plain.
const StaticFiles& files() {
  static const std::vector<data::EmbeddedFile> kFiles = {
      {"assets/app-1a2b3c4d.js", "console.log('plain')"},
      {"assets/app-1a2b3c4d.js.br", "BROTLI BYTES"},
      {"assets/app-1a2b3c4d.js.gz", "GZIP BYTES"},
      {"index.html", "<!doctype html>"},
      {"index.html.gz", "GZIPPED HTML"},
      {"icon.png", "PNG"},
  };
  static const StaticFiles kStatic(kFiles);
  return kStatic;
}

TEST(StaticFiles, SendsTheBestEncodingTheClientAccepts) {
  const Response br = files().serve("/assets/app-1a2b3c4d.js", "", "gzip, deflate, br");
  EXPECT_EQ(br.body, "BROTLI BYTES");
  EXPECT_EQ(header(br, "Content-Encoding"), "br");
  EXPECT_EQ(header(br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  const Response gz = files().serve("/assets/app-1a2b3c4d.js", "", "gzip");
  EXPECT_EQ(gz.body, "GZIP BYTES");
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  const Response plain = files().serve("/assets/app-1a2b3c4d.js", "", "");
  EXPECT_EQ(plain.body, "console.log('plain')");
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding") << "caches must keep the encodings apart";
  // Each representation has its own ETag, and a 304 only for the one the client holds.
  EXPECT_NE(header(br, "ETag"), header(gz, "ETag"));
  EXPECT_NE(header(gz, "ETag"), header(plain, "ETag"));
  EXPECT_EQ(files().serve("/assets/app-1a2b3c4d.js", header(br, "ETag"), "br").status, 304);
  EXPECT_EQ(files().serve("/assets/app-1a2b3c4d.js", header(br, "ETag"), "gzip").status, 200);
}

TEST(StaticFiles, ReadsWeightsAndRefusals) {
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "br;q=0, gzip;q=0.5"), "Content-Encoding"), "gzip");
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "BR ; q=1.0"), "Content-Encoding"), "br");
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "gzip;q=0.000"), "Content-Encoding"), "");
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "*"), "Content-Encoding"), "");
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "brotli, xgzip"), "Content-Encoding"), "");
  EXPECT_EQ(header(files().serve("/assets/app-1a2b3c4d.js", "", "gzip;q=abc"), "Content-Encoding"), "");
}

TEST(StaticFiles, ClientRoutesGetTheIndexInItsEncodingAndVariantsAreNotPages) {
  const Response route = files().serve("/progress", "", "br, gzip");
  EXPECT_EQ(route.body, "GZIPPED HTML");
  EXPECT_EQ(header(route, "Content-Encoding"), "gzip");
  const Response png = files().serve("/icon.png", "", "br, gzip");
  EXPECT_EQ(png.body, "PNG");
  EXPECT_EQ(header(png, "Vary"), "") << "nothing to vary on";
  EXPECT_EQ(files().serve("/assets/app-1a2b3c4d.js.br", "", "").status, 404);
}

}  // namespace
}  // namespace bb::http
