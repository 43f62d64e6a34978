// A WebSocket client of /api/v1/live for tests and benchmarks: streams a recording the way a
// phone does, sends hand-written messages, or holds many idle streams open.
//
//   live_client stream URL TOKEN FILE.csv [--batch N] [--cut-after K]
//       reads FILE with the project's CSV reader (any supported export), sends it in batches of
//       N samples (default 50) in g, then "end"; prints every message received, one a line.
//       --cut-after K drops the connection without "end" after K batches; --pause-after K
//       waits 30 s after K batches (for a test to stop the server meanwhile).
//   live_client send URL TOKEN MESSAGE...   sends each message (@FILE: the file's contents),
//       prints each reply
//   live_client idle URL TOKEN COUNT SECONDS  opens COUNT streams, holds them, closes them
//
// URL is ws://HOST:PORT/PATH?QUERY, or wss:// (TLS; the server's certificate is not checked, as
// for a home server's self-signed one); TOKEN a session token (sent as a bearer token).
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>  // before Asio: boost/asio/awaitable.hpp in Boost 1.74 needs it
#include <vector>

#include "motion/csv_reader.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using PlainSocket = websocket::stream<tcp::socket>;
using TlsSocket = websocket::stream<beast::ssl_stream<tcp::socket>>;

struct Url {
  bool tls = false;
  std::string host, port, target;
};

bool parse_url(const std::string& text, Url& url) {
  url.tls = text.rfind("wss://", 0) == 0;
  if (!url.tls && text.rfind("ws://", 0) != 0) return false;
  const std::string rest = text.substr(url.tls ? 6 : 5);
  const std::size_t slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  const std::size_t colon = authority.rfind(':');
  if (colon == std::string::npos) return false;
  url.host = authority.substr(0, colon);
  url.port = authority.substr(colon + 1);
  url.target = slash == std::string::npos ? "/" : rest.substr(slash);
  return true;
}

asio::ssl::context& tls_context() {
  static asio::ssl::context context(asio::ssl::context::tls_client);
  context.set_verify_mode(asio::ssl::verify_none);
  return context;
}

template <typename Socket>
std::unique_ptr<Socket> connect(asio::io_context& ioc, const Url& url, const std::string& token) {
  std::unique_ptr<Socket> ws;
  tcp::resolver resolver(ioc);
  if constexpr (std::is_same_v<Socket, TlsSocket>) {
    ws = std::make_unique<Socket>(ioc, tls_context());
    asio::connect(beast::get_lowest_layer(*ws), resolver.resolve(url.host, url.port));
    ws->next_layer().handshake(asio::ssl::stream_base::client);
  } else {
    ws = std::make_unique<Socket>(ioc);
    asio::connect(ws->next_layer(), resolver.resolve(url.host, url.port));
  }
  ws->set_option(websocket::stream_base::decorator([token](websocket::request_type& request) {
    request.set(beast::http::field::authorization, "Bearer " + token);
  }));
  websocket::response_type response;
  beast::error_code ec;
  ws->handshake(response, url.host + ":" + url.port, url.target, ec);
  if (ec) {
    std::printf("refused: %s\n", ec.message().c_str());
    return nullptr;
  }
  ws->text(true);
  return ws;
}

template <typename Socket>
std::string receive(Socket& ws) {
  beast::flat_buffer buffer;
  ws.read(buffer);
  return beast::buffers_to_string(buffer.data());
}

void print(const std::string& message) {
  std::printf("%s\n", message.c_str());
  std::fflush(stdout);
}

template <typename Socket>
int stream(asio::io_context& ioc, const Url& url, const std::string& token, const std::string& file,
           std::size_t batch, long cut_after, long pause_after) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 2;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  bb::motion::MotionCsvReader reader;
  std::vector<bb::motion::Sample> samples;
  if (!reader.push(bytes.str(), samples).ok() || !reader.finish(samples).ok()) {
    std::fprintf(stderr, "cannot parse %s\n", file.c_str());
    return 2;
  }
  auto ws = connect<Socket>(ioc, url, token);
  if (!ws) return 1;
  print(receive(*ws));  // ready
  long sent = 0;
  for (std::size_t start = 0; start < samples.size(); start += batch) {
    if (cut_after >= 0 && sent == cut_after) {
      beast::get_lowest_layer(*ws).close();  // a phone that loses its connection
      return 0;
    }
    if (sent == pause_after) {
      print("paused");
      std::this_thread::sleep_for(std::chrono::seconds(30));
    }
    std::string message = R"({"type":"samples","samples":[)";
    char row[128];
    for (std::size_t i = start; i < std::min(samples.size(), start + batch); ++i) {
      const auto& s = samples[i];
      std::snprintf(row, sizeof row, "%s[%.5f,%.5f,%.5f,%.5f]", i == start ? "" : ",", s.t, s.x,
                    s.y, s.z);
      message += row;
    }
    message += "]}";
    ws->write(asio::buffer(message));
    print(receive(*ws));
    ++sent;
  }
  ws->write(asio::buffer(std::string(R"({"type":"end"})")));
  print(receive(*ws));  // saved
  beast::error_code ec;
  beast::flat_buffer rest;
  ws->read(rest, ec);  // the server's close
  return 0;
}

template <typename Socket>
int send(asio::io_context& ioc, const Url& url, const std::string& token,
         const std::vector<std::string>& messages) {
  auto ws = connect<Socket>(ioc, url, token);
  if (!ws) return 0;
  print(receive(*ws));
  for (std::string message : messages) {
    if (!message.empty() && message[0] == '@') {  // too long for an argument: from a file
      std::ifstream in(message.substr(1), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      message = bytes.str();
    }
    beast::error_code ec;
    // The server may close while a message over its limit is still being written.
    ws->write(asio::buffer(message), ec);
    if (ec) {
      print(std::string("closed ") + ec.message());
      return 0;
    }
    beast::flat_buffer buffer;
    ws->read(buffer, ec);
    if (ec) {
      print(std::string("closed ") + ec.message());
      return 0;
    }
    print(beast::buffers_to_string(buffer.data()));
  }
  return 0;
}

template <typename Socket>
int idle(asio::io_context& ioc, const Url& url, const std::string& token, int count, int seconds) {
  std::vector<std::unique_ptr<Socket>> open;
  for (int i = 0; i < count; ++i) {
    auto ws = connect<Socket>(ioc, url, token);
    if (!ws) return 1;
    receive(*ws);
    open.push_back(std::move(ws));
  }
  print("holding " + std::to_string(open.size()));
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  for (auto& ws : open) {
    beast::error_code ec;
    ws->write(asio::buffer(std::string(R"({"type":"end"})")), ec);
  }
  return 0;
}

template <typename Socket>
int run(const std::string& mode, const Url& url, const std::string& token, int argc, char** argv);

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: live_client stream|send|idle URL TOKEN ...\n");
    return 2;
  }
  const std::string mode = argv[1];
  Url url;
  if (!parse_url(argv[2], url)) {
    std::fprintf(stderr, "not a ws:// URL: %s\n", argv[2]);
    return 2;
  }
  const std::string token = argv[3];
  try {
    return url.tls ? run<TlsSocket>(mode, url, token, argc, argv)
                   : run<PlainSocket>(mode, url, token, argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "live_client: %s\n", e.what());
    return 1;
  }
}

namespace {

template <typename Socket>
int run(const std::string& mode, const Url& url, const std::string& token, int argc, char** argv) {
  {
    asio::io_context ioc;
    if (mode == "stream" && argc >= 5) {
      std::size_t batch = 50;
      long cut_after = -1;
      long pause_after = -1;
      for (int i = 5; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--batch") batch = std::stoul(argv[i + 1]);
        if (flag == "--cut-after") cut_after = std::stol(argv[i + 1]);
        if (flag == "--pause-after") pause_after = std::stol(argv[i + 1]);
      }
      return stream<Socket>(ioc, url, token, argv[4], batch, cut_after, pause_after);
    }
    if (mode == "send") {
      return send<Socket>(ioc, url, token, std::vector<std::string>(argv + 4, argv + argc));
    }
    if (mode == "idle" && argc == 6) {
      return idle<Socket>(ioc, url, token, std::stoi(argv[4]), std::stoi(argv[5]));
    }
  }
  std::fprintf(stderr, "usage: live_client stream|send|idle URL TOKEN ...\n");
  return 2;
}

}  // namespace
