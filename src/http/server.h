// The network side: accepts HTTP/1.1 (optionally over TLS), reads requests with deadlines and
// limits, hands each one to the Api and writes the answer. Beast stays inside server.cc.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "http/api.h"

namespace bb::http {

struct TlsFiles {
  std::string certificate_chain;  // PEM
  std::string private_key;        // PEM
};

enum class AccessLog { kOn, kOff };

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port (see Server::port)
  unsigned threads = 0;        // 0: one per core
  // A client gets this long to send a whole request header; a slow or stalled one is dropped.
  std::chrono::milliseconds header_timeout{10'000};
  // ... and this long for the body once the header is in.
  std::chrono::milliseconds body_timeout{30'000};
  // An idle keep-alive connection is closed after this long.
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  // On SIGINT/SIGTERM, requests in flight get this long to finish.
  std::chrono::milliseconds drain_timeout{10'000};
  std::size_t body_limit = 64 * 1024;
  // Routes that take an uploaded recording (BodySize::kUpload) get this limit instead.
  std::size_t upload_body_limit = 16 * 1024 * 1024;
  // Bodies over body_limit are read only for a valid session, and only this many at once
  // (503 past it), at most max_large_bodies_per_address of them from one address (429).
  std::size_t max_large_bodies = 8;
  std::size_t max_large_bodies_per_address = 2;
  // A live WebSocket that sends nothing, not even an answer to a ping, for this long is closed
  // (what it sent is kept).
  std::chrono::milliseconds live_idle_timeout{60'000};
  std::size_t header_limit = 16 * 1024;
  // Open connections at most; 0 takes the open-file limit (raised to the hard limit at start)
  // less what the database and logs need. At the cap the oldest idle connection is closed.
  std::size_t max_connections = 0;
  std::optional<TlsFiles> tls;
  // Reverse proxies whose X-Forwarded-For is believed (exact addresses); the client address of
  // a request through them is the rightmost one they did not add themselves.
  std::vector<std::string> trusted_proxies;
  AccessLog access_log = AccessLog::kOn;
};

class Server {
 public:
  // Binds the listening socket and loads the TLS files. kUnavailable when the address cannot be
  // bound, kInvalidArgument for an unreadable certificate or key.
  [[nodiscard]] static Result<std::unique_ptr<Server>> create(const Api& api,
                                                              const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port actually bound.
  [[nodiscard]] unsigned short port() const;
  // Serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish (up to
  // the drain timeout) and returns.
  [[nodiscard]] Status run();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bb::http
