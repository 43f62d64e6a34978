// A request and a response as the API sees them: plain values with no Beast types, so routing,
// decoding and the handlers can be tested and fuzzed without a socket.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bb::http {

enum class Transport { kPlain, kTls };

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded, without the query
  std::multimap<std::string, std::string> query;  // percent-decoded
  std::string content_type;
  std::string authorization;
  std::string cookie;
  std::string if_none_match;
  std::string accept_encoding;  // the Accept-Encoding header
  std::string host;    // the Host header
  std::string origin;  // the Origin header a browser sends with a WebSocket upgrade or a write
  std::string sec_fetch_site;  // the Sec-Fetch-Site header: same-origin, same-site, cross-site, none
  std::string body;
  std::string remote_address;
  Transport transport = Transport::kPlain;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type and length
};

}  // namespace bb::http
