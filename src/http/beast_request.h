// Beast's request type and the conversion to the API's plain Request: shared by the server and
// the byte parser of tests and fuzzing. Internal to src/http; needs no coroutines, so the fuzz
// build (clang, where Boost 1.74's coroutine support is off) can compile it.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "http/api_error.h"
#include "http/message.h"

namespace bb::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Why a parsed header cannot be served, or empty: a Transfer-Encoding other than plain
// "chunked" (its body could not be told from the next request), HTTP/1.1 without a Host, or
// more than one Host.
[[nodiscard]] std::string framing_problem(const BeastRequest& header);

[[nodiscard]] Request to_request(const BeastRequest& in, const std::string& remote,
                                 Transport transport);

// Reads one complete request from `bytes` the way the server reads it off a socket (the same
// parser, limits and target decoding). The failure is what the server would answer: 400 for
// malformed HTTP or an incomplete request, 413 for a body over `body_limit`, 431 for a header
// over `header_limit`. For tests and fuzzing.
[[nodiscard]] HttpResult<Request> parse_request_bytes(std::string_view bytes,
                                                      std::size_t header_limit,
                                                      std::size_t body_limit);

}  // namespace bb::http
