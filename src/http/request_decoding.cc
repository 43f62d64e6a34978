#include "http/request_decoding.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "http/api_error.h"

namespace bb::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

enum class PlusMeans { kPlus, kSpace };

std::optional<std::string> percent_decode(std::string_view text, PlusMeans plus) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus == PlusMeans::kSpace) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}


}  // namespace

std::size_t json_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool split_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query) {
  if (target.empty() || target.front() != '/') return false;
  const std::size_t mark = target.find('?');
  const std::string_view raw_path = target.substr(0, mark);
  if (raw_path.find("%2f") != std::string_view::npos ||
      raw_path.find("%2F") != std::string_view::npos) {
    return false;  // an encoded slash would let a segment pose as two
  }
  std::optional<std::string> decoded = percent_decode(raw_path, PlusMeans::kPlus);
  if (!decoded || decoded->find('\0') != std::string::npos) return false;
  path = std::move(*decoded);
  query.clear();
  if (mark == std::string_view::npos) return true;
  std::string_view rest = target.substr(mark + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::optional<std::string> key = percent_decode(pair.substr(0, eq), PlusMeans::kSpace);
    std::optional<std::string> value = percent_decode(
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), PlusMeans::kSpace);
    if (!key || !value) return false;
    query.emplace(std::move(*key), std::move(*value));
  }
  return true;
}

HttpResult<nlohmann::json> json_body(const Request& request) {
  const std::string_view type = trim(std::string_view(request.content_type).substr(
      0, std::min(request.content_type.find(';'), request.content_type.size())));
  if (lowercase(type) != "application/json") {
    return HttpError(HttpFailure::kUnsupportedMediaType,
                     "the body must be JSON sent as Content-Type: application/json");
  }
  if (request.body.empty()) return HttpError(HttpFailure::kBadRequest, "the body is empty");
  if (json_depth(request.body, kMaxJsonDepth) > kMaxJsonDepth) {
    return HttpError(HttpFailure::kBadRequest, "the JSON is nested too deeply");
  }
  // A key given twice would leave which value counts to the parser: refused instead.
  std::vector<std::set<std::string>> keys_seen;  // one set per open object
  std::optional<std::string> repeated;
  const nlohmann::json::parser_callback_t check_keys =
      [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start) {
          keys_seen.emplace_back();
        } else if (event == Event::object_end && !keys_seen.empty()) {
          keys_seen.pop_back();
        } else if (event == Event::key && !keys_seen.empty() && !repeated) {
          if (!keys_seen.back().insert(parsed.get<std::string>()).second) {
            repeated = parsed.get<std::string>();
          }
        }
        return true;
      };
  nlohmann::json doc =
      nlohmann::json::parse(request.body, check_keys, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return HttpError(HttpFailure::kBadRequest, "the body is not well-formed JSON");
  }
  if (repeated) {
    return HttpError(HttpFailure::kBadRequest,
                     "the JSON gives the key \"" + *repeated + "\" more than once", *repeated);
  }
  return doc;
}

HttpResult<std::string_view> upload_body(const Request& request) {
  const std::string type = lowercase(trim(std::string_view(request.content_type).substr(
      0, std::min(request.content_type.find(';'), request.content_type.size()))));
  if (type != "text/csv" && type != "text/plain" && type != "application/octet-stream") {
    return HttpError(HttpFailure::kUnsupportedMediaType,
                     "send the recording as Content-Type: text/csv");
  }
  return std::string_view(request.body);
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  std::string client = peer;
  while (!forwarded_for.empty()) {
    const std::size_t comma = forwarded_for.rfind(',');
    const std::string_view hop =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view()
                                                    : forwarded_for.substr(0, comma);
    if (hop.empty()) break;
    client = std::string(hop);
    if (!trusted(hop)) break;
  }
  return client;
}

std::optional<std::string> repeated_query_parameter(
    const std::multimap<std::string, std::string>& query) {
  for (auto it = query.begin(); it != query.end(); ++it) {
    const auto next = std::next(it);
    if (next != query.end() && next->first == it->first) return it->first;
  }
  return std::nullopt;
}

std::optional<std::string> query_text(const Request& request, const std::string& name) {
  const auto found = request.query.find(name);
  if (found == request.query.end()) return std::nullopt;
  return found->second;
}

std::string session_token(const Request& request) {
  const std::string_view auth = trim(request.authorization);
  if (auth.size() > 7 && lowercase(auth.substr(0, 7)) == "bearer ") {
    return std::string(trim(auth.substr(7)));
  }
  std::string_view cookies = request.cookie;
  while (!cookies.empty()) {
    const std::size_t semi = cookies.find(';');
    const std::string_view pair = trim(cookies.substr(0, semi));
    cookies = semi == std::string_view::npos ? std::string_view() : cookies.substr(semi + 1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == kSessionCookie) {
      return std::string(trim(pair.substr(eq + 1)));
    }
  }
  return {};
}

bool authenticated_by_cookie(const Request& request) {
  const std::string_view auth = trim(request.authorization);
  return !(auth.size() > 7 && lowercase(auth.substr(0, 7)) == "bearer ") &&
         !session_token(request).empty();
}

HttpResult<Date> path_date(const std::string& text, const std::string& name) {
  if (const std::optional<Date> date = Date::parse(text)) return *date;
  return HttpError(HttpFailure::kInvalidArgument, "must be a date written YYYY-MM-DD", name);
}

HttpResult<Date> query_date(const Request& request, const std::string& name, Date fallback) {
  const auto found = request.query.find(name);
  if (found == request.query.end()) return fallback;
  return path_date(found->second, name);
}

}  // namespace bb::http
