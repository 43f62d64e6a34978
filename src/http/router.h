// Routes a method and a decoded path to a handler. Patterns are literal segments and named
// segments in braces ("/api/v1/plans/{date}"); a literal segment wins over a named one, so
// "/plans/today" and "/plans/{date}" can live side by side.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bb::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// Whether `path` matches `pattern`; fills `params` with the named segments when it does.
// How specific a match is: the number of literal segments (higher wins).
std::optional<int> match_pattern(std::string_view pattern, std::string_view path,
                                 PathParams& params);

struct RouteInfo {
  std::string method;
  std::string pattern;
};

enum class MatchFailure { kNoSuchPath, kWrongMethod };

template <typename Handler>
class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler) {
    if (pattern.find('{') == std::string::npos) {
      literal_routes_.emplace(pattern, routes_.size());
    }
    routes_.push_back({{std::move(method), std::move(pattern)}, std::move(handler)});
  }

  struct Match {
    const Handler* handler = nullptr;
    PathParams params;
    std::optional<MatchFailure> failure;  // set when handler is null
  };

  [[nodiscard]] Match find(std::string_view method, std::string_view path) const {
    // A pattern of literal segments only that equals the path beats any other match, so most
    // requests need no scan.
    const auto [first, last] = literal_routes_.equal_range(path);
    for (auto at = first; at != last; ++at) {
      const Entry& route = routes_[at->second];
      if (method_fits(route.info.method, method)) return Match{&route.handler, {}, std::nullopt};
    }
    Match best;
    best.failure = MatchFailure::kNoSuchPath;
    int best_score = -1;
    for (const Entry& route : routes_) {
      PathParams params;
      const std::optional<int> score = match_pattern(route.info.pattern, path, params);
      if (!score) continue;
      if (!method_fits(route.info.method, method)) {
        if (best.handler == nullptr) best.failure = MatchFailure::kWrongMethod;
        continue;
      }
      if (*score > best_score) {
        best_score = *score;
        best.handler = &route.handler;
        best.params = std::move(params);
        best.failure.reset();
      }
    }
    return best;
  }

  [[nodiscard]] std::vector<RouteInfo> routes() const {
    std::vector<RouteInfo> out;
    out.reserve(routes_.size());
    for (const Entry& route : routes_) out.push_back(route.info);
    return out;
  }

 private:
  struct Entry {
    RouteInfo info;
    Handler handler;
  };
  // HEAD is answered like GET, without the body (the server drops it).
  static bool method_fits(std::string_view route_method, std::string_view method) {
    return route_method == method || (method == "HEAD" && route_method == "GET");
  }
  std::vector<Entry> routes_;
  // Patterns without named segments, to the index of their route.
  std::multimap<std::string, std::size_t, std::less<>> literal_routes_;
};

}  // namespace bb::http
