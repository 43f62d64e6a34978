#include "http/server.h"

#include <utility>  // before Asio: boost/asio/awaitable.hpp in Boost 1.74 needs it

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "http/api_error.h"
#include "http/beast_request.h"
#include "http/live_protocol.h"
#include "http/request_decoding.h"

namespace bb::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using BeastResponse = bhttp::response<bhttp::string_body>;

namespace {

// What a drain needs to reach one open connection: its strand and, while it lives, its socket.
struct ConnectionState {
  explicit ConnectionState(asio::any_io_executor ex) : executor(std::move(ex)) {}
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;  // touched only on `executor`
  std::atomic<bool> busy{false};        // a request is being answered (read by the registry)
  std::atomic<bool> live{false};        // a live stream: never closed to make room
  bool closing = false;                 // chosen to make room (guarded by the registry)
  std::uint64_t order = 0;              // accept order (guarded by the registry)
};

// Counts a connection from its accept to the end of its coroutine.
class OpenConnection {
 public:
  explicit OpenConnection(std::atomic<std::size_t>& count) : count_(count) {}
  ~OpenConnection() { count_.fetch_sub(1); }
  OpenConnection(const OpenConnection&) = delete;
  OpenConnection& operator=(const OpenConnection&) = delete;

 private:
  std::atomic<std::size_t>& count_;
};

// A warning that may come thousands of times a second is written at most once per interval,
// with the number of times it came since the last line.
class ThrottledWarning {
 public:
  explicit ThrottledWarning(std::chrono::seconds interval) : interval_(interval) {}
  // The number of occurrences to report now, or 0 to stay quiet.
  std::size_t occurred() {
    std::lock_guard lock(mutex_);
    ++pending_;
    const auto now = std::chrono::steady_clock::now();
    if (last_ && now - *last_ < interval_) return 0;
    last_ = now;
    return std::exchange(pending_, 0);
  }

 private:
  std::mutex mutex_;
  std::chrono::seconds interval_;
  std::optional<std::chrono::steady_clock::time_point> last_;
  std::size_t pending_ = 0;
};

// File descriptors kept for everything but client connections: database files and sockets,
// logs, the listener, TLS files.
std::size_t reserved_descriptors(std::size_t limit) {
  return std::min<std::size_t>(256, limit / 2);
}

// Raises the soft limit on open files to the hard limit (the usual soft limit of 1,024 is far
// below what a server needs) and returns the limit in force.
std::size_t raise_file_limit(spdlog::logger& events) {
  rlimit limits{};
  if (getrlimit(RLIMIT_NOFILE, &limits) != 0) return 1024;
  constexpr rlim_t kEnough = 1 << 20;
  const rlim_t wanted = limits.rlim_max == RLIM_INFINITY ? kEnough
                                                         : std::min<rlim_t>(limits.rlim_max, kEnough);
  if (limits.rlim_cur != RLIM_INFINITY && limits.rlim_cur < wanted) {
    const rlim_t before = limits.rlim_cur;
    limits.rlim_cur = wanted;
    if (setrlimit(RLIMIT_NOFILE, &limits) == 0) {
      events.info("raised the open-file limit from {} to {}", before, wanted);
    } else {
      limits.rlim_cur = before;
    }
  }
  return limits.rlim_cur == RLIM_INFINITY ? kEnough : static_cast<std::size_t>(limits.rlim_cur);
}

// The body limit of the route a request header names.
std::size_t body_limit_for(const Api& api, const ServerOptions& options,
                           const bhttp::request_parser<bhttp::string_body>& parser) {
  std::string path;
  std::multimap<std::string, std::string> query;
  const auto& header = parser.get();
  const auto target = header.target();
  const auto method = header.method_string();
  if (!split_target({target.data(), target.size()}, path, query)) return options.body_limit;
  return api.body_size({method.data(), method.size()}, path) == BodySize::kUpload
             ? options.upload_body_limit
             : options.body_limit;
}

// Open connections, oldest first.
// Bodies that may pass the small limit (up to the upload limit each), counted overall and per
// client address, so a few clients cannot make the server hold many of them at once.
class LargeBodies {
 public:
  LargeBodies(std::size_t overall, std::size_t per_address)
      : overall_(overall), per_address_(per_address) {}
  enum class Taken { kYes, kTooManyFromAddress, kTooManyOverall };
  Taken take(const std::string& address) {
    std::lock_guard lock(mutex_);
    std::size_t& mine = by_address_[address];
    if (mine >= per_address_) {
      if (mine == 0) by_address_.erase(address);
      return Taken::kTooManyFromAddress;
    }
    if (total_ >= overall_) {
      if (mine == 0) by_address_.erase(address);
      return Taken::kTooManyOverall;
    }
    ++mine;
    ++total_;
    return Taken::kYes;
  }
  void give_back(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto found = by_address_.find(address);
    if (found == by_address_.end()) return;
    if (--found->second == 0) by_address_.erase(found);
    --total_;
  }

 private:
  std::mutex mutex_;
  std::size_t overall_;
  std::size_t per_address_;
  std::size_t total_ = 0;
  std::map<std::string, std::size_t> by_address_;
};

// One large body being read or answered; gives its place back when the request is done.
class LargeBodyTicket {
 public:
  LargeBodyTicket(LargeBodies& bodies, std::string address)
      : bodies_(bodies), address_(std::move(address)) {}
  ~LargeBodyTicket() { bodies_.give_back(address_); }
  LargeBodyTicket(const LargeBodyTicket&) = delete;
  LargeBodyTicket& operator=(const LargeBodyTicket&) = delete;

 private:
  LargeBodies& bodies_;
  std::string address_;
};

// After an answer sent before the whole request was read: stop sending, then read and drop
// what the client still sends for a moment, so the answer is not lost to a connection reset.
asio::awaitable<void> linger(beast::tcp_stream& lowest) {
  boost::system::error_code ec;
  lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::array<char, 16 * 1024> sink{};
  std::size_t drained = 0;
  lowest.expires_after(std::chrono::seconds(2));
  while (!ec && drained < 1024 * 1024) {
    drained += co_await lowest.async_read_some(asio::buffer(sink),
                                               asio::redirect_error(asio::use_awaitable, ec));
  }
}

class ConnectionRegistry {
 public:
  void add(const std::shared_ptr<ConnectionState>& state) {
    std::lock_guard lock(mutex_);
    state->order = next_order_++;
    states_.emplace(state->order, state);
  }
  void remove(const std::shared_ptr<ConnectionState>& state) {
    std::lock_guard lock(mutex_);
    states_.erase(state->order);
  }
  // Closes the oldest connection that waits for a request (no request in flight or live stream
  // is cut), so a new client gets its file descriptor; false when every connection is busy.
  bool close_oldest_idle() {
    std::lock_guard lock(mutex_);
    for (const auto& [order, state] : states_) {
      if (state->busy || state->live || state->closing) continue;
      state->closing = true;
      asio::post(state->executor, [state = state] {
        if (state->stream != nullptr && !state->busy) state->stream->socket().close();
      });
      return true;
    }
    return false;
  }
  // Closes every connection that is waiting for a request; busy ones close after answering.
  bool empty() {
    std::lock_guard lock(mutex_);
    return states_.empty();
  }
  void close_idle() {
    std::lock_guard lock(mutex_);
    for (const auto& [order, state] : states_) {
      asio::post(state->executor, [state] {
        if (state->stream != nullptr && !state->busy) state->stream->socket().close();
      });
    }
  }

 private:
  std::mutex mutex_;
  std::uint64_t next_order_ = 0;
  std::map<std::uint64_t, std::shared_ptr<ConnectionState>> states_;
};

// The app's pages load only their own scripts, styles and connections, and no other site may
// frame them.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Headers every answer carries; HSTS only over TLS (a browser ignores it over plain HTTP).
void set_security_headers(BeastResponse& out, Transport transport) {
  out.set("X-Content-Type-Options", "nosniff");
  out.set("Referrer-Policy", "no-referrer");
  out.set("Content-Security-Policy", kContentSecurityPolicy);
  out.set("X-Frame-Options", "DENY");
  if (transport == Transport::kTls) out.set("Strict-Transport-Security", "max-age=31536000");
}

BeastResponse to_beast(Response response, const BeastRequest& request, bool keep_alive,
                       Transport transport) {
  BeastResponse out{static_cast<bhttp::status>(response.status), request.version()};
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  set_security_headers(out, transport);
  for (auto& [name, value] : response.headers) out.insert(name, value);
  const std::size_t size = response.body.size();
  out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (request.method() == bhttp::verb::head) {
    out.body().clear();
    out.content_length(size);
  }
  return out;
}

// A response to a request that could not be read as one.
BeastResponse early_response(HttpFailure failure, const std::string& message,
                             Transport transport) {
  Response response = error_response(failure, message);
  BeastResponse out{static_cast<bhttp::status>(response.status), 11};
  out.set(bhttp::field::content_type, response.content_type);
  set_security_headers(out, transport);
  out.body() = std::move(response.body);
  out.keep_alive(false);
  out.prepare_payload();
  return out;
}

}  // namespace

struct Server::Impl {
  Impl(const Api& api_in, ServerOptions options_in)
      : api(api_in),
        options(std::move(options_in)),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        tls_context(asio::ssl::context::tls_server) {}

  const Api& api;
  ServerOptions options;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::ssl::context tls_context;
  std::shared_ptr<spdlog::logger> access;
  std::shared_ptr<spdlog::logger> events;
  ConnectionRegistry connections;
  std::atomic<std::size_t> open_connections{0};
  std::size_t max_connections = 0;
  ThrottledWarning accept_warning{std::chrono::seconds(10)};
  LargeBodies large_bodies{options.max_large_bodies, options.max_large_bodies_per_address};
  std::atomic<bool> draining{false};
  std::shared_ptr<std::function<void()>> drain_check;  // kept alive while draining

  asio::awaitable<void> accept_loop();
  template <typename Stream>
  asio::awaitable<void> serve(Stream& stream, std::shared_ptr<ConnectionState> state,
                              std::string remote, Transport transport);
  template <typename Stream>
  asio::awaitable<void> serve_live(Stream& stream, const BeastRequest& request,
                                   std::unique_ptr<LiveSession> session, ConnectionState& state,
                                   const std::string& remote);
  asio::awaitable<void> serve_plain(tcp::socket socket);
  asio::awaitable<void> serve_tls(tcp::socket socket);
  void warn_accept_failed(const boost::system::error_code& ec);
  void start_drain();
};

void Server::Impl::warn_accept_failed(const boost::system::error_code& ec) {
  if (const std::size_t times = accept_warning.occurred(); times > 0) {
    events->warn("accept failed: {} ({} time(s) since the last such line; {} connections open)",
                 ec.message(), times, open_connections.load());
  }
}

asio::awaitable<void> Server::Impl::accept_loop() {
  // Out of file descriptors, accept fails at once until one is freed: waiting (longer each time)
  // keeps the loop from spinning on a core, and closing an idle connection frees one.
  constexpr std::chrono::milliseconds kFirstPause{10};
  constexpr std::chrono::milliseconds kLongestPause{1000};
  std::chrono::milliseconds pause = kFirstPause;
  asio::steady_timer backoff(ioc);
  while (!draining) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (draining || ec == asio::error::operation_aborted) break;
      warn_accept_failed(ec);
      if (ec == asio::error::no_descriptors ||
          ec == boost::system::errc::too_many_files_open_in_system ||
          ec == asio::error::no_buffer_space || ec == asio::error::no_memory) {
        connections.close_oldest_idle();
        backoff.expires_after(pause);
        co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        pause = std::min(pause * 2, kLongestPause);
      }
      continue;
    }
    pause = kFirstPause;
    // At the connection cap the oldest idle connection makes room; when all are busy the new one
    // is turned away, so the descriptors left stay for the database.
    if (open_connections.load() >= max_connections && !connections.close_oldest_idle()) {
      socket.close(ec);
      warn_accept_failed(asio::error::no_descriptors);
      continue;
    }
    open_connections.fetch_add(1);
    auto executor = socket.get_executor();
    if (options.tls) {
      asio::co_spawn(executor, serve_tls(std::move(socket)), asio::detached);
    } else {
      asio::co_spawn(executor, serve_plain(std::move(socket)), asio::detached);
    }
  }
}

asio::awaitable<void> Server::Impl::serve_plain(tcp::socket socket) {
  const OpenConnection counted(open_connections);
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? std::string() : endpoint.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  auto state = std::make_shared<ConnectionState>(stream.get_executor());
  state->stream = &stream;
  connections.add(state);
  co_await serve(stream, state, std::move(remote), Transport::kPlain);
  state->stream = nullptr;
  connections.remove(state);
}

asio::awaitable<void> Server::Impl::serve_tls(tcp::socket socket) {
  const OpenConnection counted(open_connections);
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? std::string() : endpoint.address().to_string();
  beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls_context);
  auto state = std::make_shared<ConnectionState>(beast::get_lowest_layer(stream).get_executor());
  state->stream = &beast::get_lowest_layer(stream);
  connections.add(state);
  beast::get_lowest_layer(stream).expires_after(options.header_timeout);
  co_await stream.async_handshake(asio::ssl::stream_base::server,
                                  asio::redirect_error(asio::use_awaitable, ec));
  if (!ec) {
    co_await serve(stream, state, std::move(remote), Transport::kTls);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  }
  state->stream = nullptr;
  connections.remove(state);
}

template <typename Stream>
asio::awaitable<void> Server::Impl::serve(Stream& stream, std::shared_ptr<ConnectionState> state,
                                          std::string peer, Transport transport) {
  auto& lowest = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  int answered = 0;
  while (!draining) {
    boost::system::error_code ec;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // The largest limit until the header says which route it is for.
    parser.body_limit(std::max(options.body_limit, options.upload_body_limit));
    // The first request gets the header deadline; a kept-alive connection may idle first.
    lowest.expires_after(answered == 0 ? options.header_timeout
                                       : options.idle_timeout + options.header_timeout);
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::bad_descriptor) {
      co_return;
    }
    const auto forwarded_for = parser.get()["X-Forwarded-For"];
    const std::string remote = client_address(
        peer, {forwarded_for.data(), forwarded_for.size()}, options.trusted_proxies);
    BeastResponse early;
    bool failed = false;
    if (ec == bhttp::error::body_limit) {
      // Over even the upload limit, before the route is known.
      early = early_response(HttpFailure::kPayloadTooLarge,
                             "the body is larger than " +
                                 std::to_string(std::max(options.body_limit,
                                                         options.upload_body_limit)) +
                                 " bytes", transport);
      failed = true;
    } else if (ec == bhttp::error::header_limit) {
      early = early_response(HttpFailure::kHeaderTooLarge,
                             "the request header is larger than " +
                                 std::to_string(options.header_limit) + " bytes", transport);
      failed = true;
    } else if (ec) {
      early = early_response(HttpFailure::kBadRequest, "malformed HTTP request: " + ec.message(),
                             transport);
      failed = true;
    } else if (const std::string problem = framing_problem(parser.get()); !problem.empty()) {
      // Served, the rest of the bytes would be read as another request: answer and close.
      early = early_response(HttpFailure::kBadRequest, problem, transport);
      failed = true;
    }
    std::size_t body_limit = options.body_limit;
    if (!failed) {
      body_limit = body_limit_for(api, options, parser);
      parser.body_limit(body_limit);
      if (parser.content_length() && *parser.content_length() > body_limit) {
        early = early_response(HttpFailure::kPayloadTooLarge,
                               "the body is larger than " + std::to_string(body_limit) + " bytes", transport);
        failed = true;
      }
    }
    // Who sends a body is checked before it is read: without a session the answer is 401 at
    // once, and a body that may pass the small limit is read only for a valid session, within
    // a cap on such bodies overall and per address.
    std::optional<LargeBodyTicket> large_ticket;
    if (!failed) {
      const std::uint64_t declared = parser.content_length().value_or(0);
      const bool has_body = parser.chunked() || declared > 0;
      const bool large =
          parser.chunked() ? body_limit > options.body_limit : declared > options.body_limit;
      Request head = to_request(parser.get(), remote, transport);
      if (has_body && split_target(head.target, head.path, head.query)) {
        if (std::optional<Response> refusal = api.refuse_before_body(
                head, large ? SessionCheck::kLookup : SessionCheck::kPresence)) {
          early = to_beast(std::move(*refusal), parser.get(), false, transport);
          failed = true;
        }
      }
      if (!failed && large) {
        switch (large_bodies.take(remote)) {
          case LargeBodies::Taken::kYes:
            large_ticket.emplace(large_bodies, remote);
            break;
          case LargeBodies::Taken::kTooManyFromAddress:
            early = early_response(HttpFailure::kRateLimited,
                                   "too many large uploads at once from this address", transport);
            early.set(bhttp::field::retry_after, "5");
            failed = true;
            break;
          case LargeBodies::Taken::kTooManyOverall:
            early = early_response(HttpFailure::kUnavailable,
                                   "too many large uploads at once: try again shortly", transport);
            early.set(bhttp::field::retry_after, "5");
            failed = true;
            break;
        }
      }
    }
    if (!failed) {
      state->busy = true;
      auto& header = parser.get();
      if (bhttp::token_list{header[bhttp::field::expect]}.exists("100-continue")) {
        BeastResponse go_on{bhttp::status::continue_, header.version()};
        lowest.expires_after(options.write_timeout);
        co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return;
      }
      lowest.expires_after(options.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::body_limit) {
        early = early_response(HttpFailure::kPayloadTooLarge,
                               "the body is larger than " + std::to_string(body_limit) + " bytes", transport);
        failed = true;
      } else if (ec == beast::error::timeout || ec == asio::error::eof ||
                 ec == bhttp::error::partial_message || ec == asio::error::connection_reset ||
                 ec == asio::error::operation_aborted) {
        co_return;  // a body that never came: nobody to answer
      } else if (ec) {
        early = early_response(HttpFailure::kBadRequest, "malformed HTTP body: " + ec.message(),
                               transport);
        failed = true;
      }
    }
    if (failed) {
      lowest.expires_after(options.write_timeout);
      co_await bhttp::async_write(stream, early, asio::redirect_error(asio::use_awaitable, ec));
      if (access) access->info("{} - - {} 0", remote, early.result_int());
      state->busy = false;
      if (!ec) co_await linger(lowest);
      co_return;
    }

    const auto started = std::chrono::steady_clock::now();
    BeastRequest beast_request = parser.release();
    Request request = to_request(beast_request, remote, transport);
    Response response;
    if (!split_target(request.target, request.path, request.query)) {
      response = error_response(HttpFailure::kBadRequest, "malformed request target");
    } else if (websocket::is_upgrade(beast_request) && Api::is_live_path(request.path)) {
      auto opened = api.open_live(request);
      if (auto* session = std::get_if<std::unique_ptr<LiveSession>>(&opened)) {
        co_await serve_live(stream, beast_request, std::move(*session), *state, remote);
        co_return;
      }
      response = std::move(std::get<Response>(opened));
    } else {
      response = api.handle(request);
    }
    const bool keep_alive = beast_request.keep_alive() && !draining;
    BeastResponse out = to_beast(std::move(response), beast_request, keep_alive, transport);
    lowest.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    state->busy = false;
    ++answered;
    if (access) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      access->info("{} \"{} {}\" {} {} {}us", remote, request.method,
                   Api::loggable_target(request),
                   out.result_int(), out.body().size(), micros);
    }
    if (ec || !keep_alive) co_return;
  }
}

template <typename Stream>
asio::awaitable<void> Server::Impl::serve_live(Stream& stream, const BeastRequest& request,
                                               std::unique_ptr<LiveSession> session,
                                               ConnectionState& state, const std::string& remote) {
  const auto started = std::chrono::steady_clock::now();
  // The WebSocket keeps its own deadlines from here on.
  beast::get_lowest_layer(stream).expires_never();
  websocket::stream<Stream&> ws(stream);
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = options.header_timeout;
  timeouts.idle_timeout = options.live_idle_timeout;
  timeouts.keep_alive_pings = true;  // a phone that still answers pings is still there
  ws.set_option(timeouts);
  ws.read_message_max(kMaxLiveMessageBytes);
  boost::system::error_code ec;
  co_await ws.async_accept(request, asio::redirect_error(asio::use_awaitable, ec));
  state.live = true;   // not closed to make room for others
  state.busy = false;  // from now on a drain may close it: what came is kept all the same
  if (ec) co_return;
  ws.text(true);
  std::string outgoing = session->ready_message();
  co_await ws.async_write(asio::buffer(outgoing), asio::redirect_error(asio::use_awaitable, ec));
  beast::flat_buffer incoming;
  bool closed_by_us = false;
  while (!ec) {
    incoming.clear();
    co_await ws.async_read(incoming, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;  // closed, cut off, idle too long or a message over the limit
    LiveSession::Reply reply;
    if (!ws.got_text()) {
      reply.text = live_error_message(Error::invalid("", "send text messages of JSON"));
    } else {
      // An exception must not escape into the io_context, where it would stop a worker.
      try {
        reply = session->on_message(beast::buffers_to_string(incoming.data()));
      } catch (const std::exception& e) {
        reply.text = live_error_message(Error::internal(std::string("unexpected: ") + e.what()));
      }
    }
    co_await ws.async_write(asio::buffer(reply.text),
                            asio::redirect_error(asio::use_awaitable, ec));
    if (!ec && reply.then == LiveSession::Then::kClose) {
      co_await ws.async_close(websocket::close_code::normal,
                              asio::redirect_error(asio::use_awaitable, ec));
      closed_by_us = true;
      break;
    }
  }
  Status saved = Error::internal("saving threw");
  try {
    saved = session->on_disconnect();
  } catch (const std::exception& e) {
    saved = Error::internal(e.what());
  }
  if (!saved.ok()) {
    events->error("{}: a live recording of {} samples was not saved: {}", remote,
                  session->samples(), saved.error().describe());
  }
  if (access) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
    access->info("{} \"GET {}\" 101 live {} samples {}s {}", remote, std::string(request.target()),
                 session->samples(), seconds, closed_by_us ? "ended" : "cut off");
  }
}

void Server::Impl::start_drain() {
  if (draining.exchange(true)) return;
  events->info("draining: no new connections, finishing requests in flight");
  boost::system::error_code ignored;
  acceptor.close(ignored);
  connections.close_idle();
  // Stop as soon as the last connection is gone; whatever still runs when the drain time is up
  // is cut off.
  const auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
  auto timer = std::make_shared<asio::steady_timer>(ioc);
  auto check = std::make_shared<std::function<void()>>();
  *check = [this, timer, deadline, weak = std::weak_ptr<std::function<void()>>(check)] {
    if (connections.empty() || std::chrono::steady_clock::now() >= deadline) {
      ioc.stop();
      return;
    }
    timer->expires_after(std::chrono::milliseconds(20));
    timer->async_wait([weak](const boost::system::error_code& ec) {
      if (auto next = weak.lock(); next && !ec) (*next)();
    });
  };
  drain_check = check;
  (*check)();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(const Api& api, const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(api, options);
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  impl->events = std::make_shared<spdlog::logger>("bounceback", sink);
  if (options.access_log == AccessLog::kOn) {
    impl->access = std::make_shared<spdlog::logger>("access", sink);
  }
  const std::size_t file_limit = raise_file_limit(*impl->events);
  impl->max_connections = options.max_connections > 0
                              ? options.max_connections
                              : file_limit - reserved_descriptors(file_limit);
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options.host, ec);
  if (ec) return Error::invalid("listen", "not an IP address: " + options.host);
  const tcp::endpoint endpoint(address, options.port);
  const auto where = options.host + ":" + std::to_string(options.port);
  if (impl->acceptor.open(endpoint.protocol(), ec); ec) {
    return Error::unavailable("cannot open a socket: " + ec.message());
  }
  impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (impl->acceptor.bind(endpoint, ec); ec) {
    return Error::unavailable("cannot listen on " + where + ": " + ec.message());
  }
  if (impl->acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
    return Error::unavailable("cannot listen on " + where + ": " + ec.message());
  }
  if (options.tls) {
    auto& context = impl->tls_context;
    context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                            asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                            asio::ssl::context::no_tlsv1_1,
                        ec);
    if (context.use_certificate_chain_file(options.tls->certificate_chain, ec); ec) {
      return Error::invalid("tls-cert", "cannot use " + options.tls->certificate_chain + ": " +
                                            ec.message());
    }
    if (context.use_private_key_file(options.tls->private_key, asio::ssl::context::pem, ec); ec) {
      return Error::invalid("tls-key",
                            "cannot use " + options.tls->private_key + ": " + ec.message());
    }
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const {
  boost::system::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

Status Server::run() {
  Impl& impl = *impl_;
  impl.signals.async_wait([&impl](const boost::system::error_code& ec, int) {
    if (!ec) impl.start_drain();
  });
  asio::co_spawn(impl.ioc, impl.accept_loop(), asio::detached);
  unsigned threads = impl.options.threads;
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  impl.events->info("serving on {}://{}:{} with {} thread(s), at most {} connections",
                    impl.options.tls ? "https" : "http", impl.options.host, port(), threads,
                    impl.max_connections);
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < threads; ++i) {
    workers.emplace_back([&impl] {
      try {
        impl.ioc.run();
      } catch (const std::exception& e) {
        impl.events->error("worker stopped: {}", e.what());
      }
    });
  }
  try {
    impl.ioc.run();
  } catch (const std::exception& e) {
    impl.events->error("server stopped: {}", e.what());
    impl.ioc.stop();
  }
  for (auto& worker : workers) worker.join();
  impl.events->info("stopped");
  return Status::success();
}

}  // namespace bb::http
