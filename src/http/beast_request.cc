#include "http/beast_request.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <cctype>
#include <cstdint>

#include "http/api_error.h"
#include "http/request_decoding.h"

namespace bb::http {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;

std::string framing_problem(const BeastRequest& header) {
  std::size_t encodings = 0;
  for (auto it = header.find(bhttp::field::transfer_encoding);
       it != header.end() && it->name() == bhttp::field::transfer_encoding; ++it) {
    ++encodings;
    std::string value(it->value());
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (value != "chunked" || encodings > 1) {
      return "Transfer-Encoding must be chunked alone, not '" + std::string(it->value()) + "'";
    }
  }
  const std::size_t hosts = header.count(bhttp::field::host);
  if (hosts > 1) return "more than one Host header";
  if (hosts == 0 && header.version() >= 11) return "an HTTP/1.1 request needs a Host header";
  return {};
}

Request to_request(const BeastRequest& in, const std::string& remote, Transport transport) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  out.content_type = std::string(in[bhttp::field::content_type]);
  out.authorization = std::string(in[bhttp::field::authorization]);
  out.cookie = std::string(in[bhttp::field::cookie]);
  out.if_none_match = std::string(in[bhttp::field::if_none_match]);
  out.accept_encoding = std::string(in[bhttp::field::accept_encoding]);
  out.host = std::string(in[bhttp::field::host]);
  out.origin = std::string(in[bhttp::field::origin]);
  out.sec_fetch_site = std::string(in["Sec-Fetch-Site"]);
  out.body = in.body();
  out.remote_address = remote;
  out.transport = transport;
  return out;
}

HttpResult<Request> parse_request_bytes(std::string_view bytes, std::size_t header_limit,
                                        std::size_t body_limit) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.header_limit(static_cast<std::uint32_t>(header_limit));
  parser.body_limit(body_limit);
  boost::system::error_code ec;
  std::size_t used = 0;
  while (!ec && used < bytes.size() && !parser.is_done()) {
    const std::size_t n = parser.put(asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (n == 0 && !ec) break;
    used += n;
  }
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec == bhttp::error::body_limit) {
    return HttpError(HttpFailure::kPayloadTooLarge, "the body is too large");
  }
  if (ec == bhttp::error::header_limit) {
    return HttpError(HttpFailure::kHeaderTooLarge, "the request header is too large");
  }
  if (ec || !parser.is_done()) {
    return HttpError(HttpFailure::kBadRequest, "malformed or incomplete HTTP request");
  }
  const BeastRequest& in = parser.get();
  if (const std::string problem = framing_problem(in); !problem.empty()) {
    return HttpError(HttpFailure::kBadRequest, problem);
  }
  Request request = to_request(in, "192.0.2.1", Transport::kPlain);
  if (!split_target(request.target, request.path, request.query)) {
    return HttpError(HttpFailure::kBadRequest, "malformed request target");
  }
  return request;
}

}  // namespace bb::http
