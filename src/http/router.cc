#include "http/router.h"

namespace bb::http {
namespace {

// The next '/'-separated segment of `text`, consumed from it.
std::string_view next_segment(std::string_view& text) {
  const std::size_t slash = text.find('/');
  std::string_view segment = text.substr(0, slash);
  text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
  return segment;
}

}  // namespace

std::optional<int> match_pattern(std::string_view pattern, std::string_view path,
                                 PathParams& params) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') {
    return std::nullopt;
  }
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  int literal_segments = 0;
  while (true) {
    const bool pattern_done = pattern.empty();
    const bool path_done = path.empty();
    if (pattern_done || path_done) {
      if (pattern_done && path_done) return literal_segments;
      return std::nullopt;
    }
    const std::string_view want = next_segment(pattern);
    const std::string_view got = next_segment(path);
    if (want.size() >= 2 && want.front() == '{' && want.back() == '}') {
      if (got.empty()) return std::nullopt;
      params.emplace(std::string(want.substr(1, want.size() - 2)), std::string(got));
    } else if (want == got) {
      ++literal_segments;
    } else {
      return std::nullopt;
    }
  }
}

}  // namespace bb::http
