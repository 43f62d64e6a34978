// `bounceback serve`: the HTTP/JSON API and the web app on one database. Wires the pieces
// together: the database named by --db, the catalog, libsodium, the system clock and the server.
#include <malloc.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "app/catalog_loader.h"
#include "cli/cli.h"
#include "http/api.h"
#include "http/clock.h"
#include "http/openapi_document.h"
#include "http/server.h"
#include "http/sodium_secrets.h"
#include "store/sqlite_store.h"
#include "store/store_factory.h"

namespace bb::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string db;
  std::string tls_cert;
  std::string tls_key;
  unsigned threads = 0;
  int header_timeout_ms = 10'000;
  int body_timeout_ms = 30'000;
  int idle_timeout_ms = 60'000;
  int drain_timeout_ms = 10'000;
  std::size_t body_limit = 64 * 1024;
  bool quiet = false;
  std::string password_cost = "interactive";
  std::vector<std::string> trusted_proxies;
  int registrations_per_hour = app::AccountPolicy{}.max_registrations_per_address;
  bool open_clinician_signup = false;
  std::optional<std::string> public_url;  // given empty, it is refused like any bad URL
};

Status split_listen(const std::string& listen, http::ServerOptions& out) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
    return Error::invalid("listen", "must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:8080
  }
  const std::string port_text = listen.substr(colon + 1);
  unsigned long port = 0;
  try {
    std::size_t used = 0;
    port = std::stoul(port_text, &used);
    if (used != port_text.size()) throw std::invalid_argument("trailing characters");
  } catch (const std::exception&) {
    return Error::invalid("listen", "the port must be a number from 0 to 65535");
  }
  if (port > 65535) return Error::invalid("listen", "the port must be a number from 0 to 65535");
  out.host = host;
  out.port = static_cast<unsigned short>(port);
  return Status::success();
}

int serve(const ServeOptions& opts, const CliContext& ctx) {
  // Each SQLite write allocates and frees more than glibc's moving trim threshold (likely the
  // temporary tables of its CHECK lists), so the freed top of the heap went back to the kernel
  // and was faulted in again on the next write. Fixed thresholds keep it: check-ins went from
  // 2,350 to 4,080 a second in bench/http.sh.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::string public_url;
  if (opts.public_url) {
    Result<std::string> checked = http::public_url_from(*opts.public_url);
    if (!checked.ok()) return report(checked.error());
    public_url = std::move(*checked);
  }
  http::ServerOptions server_options;
  if (Status s = split_listen(opts.listen, server_options); !s.ok()) return report(s.error());
  if (opts.tls_cert.empty() != opts.tls_key.empty()) {
    return report(Error::invalid("tls-cert", "give both --tls-cert and --tls-key, or neither"));
  }
  if (!opts.tls_cert.empty()) server_options.tls = http::TlsFiles{opts.tls_cert, opts.tls_key};
  server_options.threads = opts.threads;
  server_options.header_timeout = std::chrono::milliseconds(opts.header_timeout_ms);
  server_options.body_timeout = std::chrono::milliseconds(opts.body_timeout_ms);
  server_options.idle_timeout = std::chrono::milliseconds(opts.idle_timeout_ms);
  server_options.drain_timeout = std::chrono::milliseconds(opts.drain_timeout_ms);
  server_options.body_limit = opts.body_limit;
  server_options.trusted_proxies = opts.trusted_proxies;
  server_options.access_log = opts.quiet ? http::AccessLog::kOff : http::AccessLog::kOn;

  // serve's own --db first, then the global one.
  const Result<std::string> url = opts.db.empty() ? database_url(ctx) : Result<std::string>(opts.db);
  if (!url.ok()) return report(url.error());
  // Opening once up front applies migrations and fails early on a bad URL or file.
  if (auto first = store::open_account_store(*url); !first.ok()) return report(first.error());
  http::StorePool pool(
      [db = *url]() -> Result<http::Stores> {
        BB_ASSIGN_OR_RETURN(auto persons, store::open_person_store(db));
        BB_ASSIGN_OR_RETURN(auto accounts, store::open_account_store(db));
        BB_ASSIGN_OR_RETURN(auto recordings, store::open_recording_store(db));
        return http::Stores{std::move(persons), std::move(accounts), std::move(recordings)};
      },
      /*max_idle=*/16);

  const Result<coach::Catalog> catalog = app::load_embedded_catalog();
  if (!catalog.ok()) return report(catalog.error());
  auto secrets = http::SodiumSecrets::create(opts.password_cost == "minimal"
                                                 ? http::PasswordCost::kMinimal
                                                 : http::PasswordCost::kInteractive);
  if (!secrets.ok()) return report(secrets.error());
  const http::SystemClock clock;

  http::ApiParts parts;
  parts.stores = &pool;
  parts.secrets = secrets->get();
  parts.clock = &clock;
  parts.catalog = &*catalog;
  parts.account_policy.max_registrations_per_address = opts.registrations_per_hour;
  parts.public_url = public_url;
  if (opts.open_clinician_signup) {
    parts.account_policy.clinician_signup = app::AccountPolicy::ClinicianSignup::kOpen;
  }
  for (const auto& file : data::openapi_files()) parts.openapi_document = std::string(file.contents);
#ifdef BB_HAVE_WEB_FILES
  parts.web = http::StaticFiles(data::web_files());
#endif
  const http::Api api(std::move(parts));

  auto server = http::Server::create(api, server_options);
  if (!server.ok()) return report(server.error());
  // The URL may hold a password: say only which engine.
  const char* engine = url->rfind("postgres", 0) == 0 ? "PostgreSQL" : "SQLite";
  fmt::print("Bounceback ({}) is serving on {}://{}:{}/\n", engine,
             server_options.tls ? "https" : "http", server_options.host,
             static_cast<unsigned>((*server)->port()));
  std::fflush(stdout);
  if (Status s = (*server)->run(); !s.ok()) return report(s.error());
  return kExitOk;
}

}  // namespace

// `bounceback clinician-invite`: a one-use code, valid for a week, that lets one account register
// as a clinician on a server over this database.
int clinician_invite(const CliContext& ctx) {
  const Result<std::string> url = database_url(ctx);
  if (!url.ok()) return report(url.error());
  auto store = store::open_account_store(*url);
  if (!store.ok()) return report(store.error());
  auto secrets = http::SodiumSecrets::create(http::PasswordCost::kMinimal);
  if (!secrets.ok()) return report(secrets.error());
  app::AccountService accounts(**store, **secrets);
  const http::SystemClock clock;
  const Result<app::Invite> invite = accounts.create_clinician_invite(clock.now());
  if (!invite.ok()) return report(invite.error());
  fmt::print("{}\n", invite->code);
  fmt::print(stderr,
             "Give this code to the clinician: they enter it as the invite code when they create "
             "a clinician account (in the app, or \"invite\" in POST /api/v1/auth/register). It "
             "works once, for 7 days.\n");
  return kExitOk;
}

void register_serve_command(CLI::App& app, CliContext& ctx) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API and the web app");
  cmd->add_option("--listen", opts->listen, "HOST:PORT to listen on (port 0 picks a free one)")
      ->capture_default_str();
  cmd->add_option("--db", opts->db,
                  "sqlite:PATH, PATH or postgresql://... (default: the same SQLite file as the "
                  "other commands)");
  cmd->add_option("--tls-cert", opts->tls_cert, "PEM certificate chain: serve HTTPS");
  cmd->add_option("--tls-key", opts->tls_key, "PEM private key of --tls-cert");
  cmd->add_option("--threads", opts->threads, "Worker threads (default: one per core)");
  cmd->add_option("--header-timeout-ms", opts->header_timeout_ms,
                  "Time a client has to send a request header")
      ->capture_default_str();
  cmd->add_option("--body-timeout-ms", opts->body_timeout_ms, "Time a client has to send a body")
      ->capture_default_str();
  cmd->add_option("--idle-timeout-ms", opts->idle_timeout_ms,
                  "Idle time before a kept-alive connection is closed")
      ->capture_default_str();
  cmd->add_option("--drain-timeout-ms", opts->drain_timeout_ms,
                  "On SIGINT/SIGTERM, time requests in flight get to finish")
      ->capture_default_str();
  cmd->add_option("--body-limit", opts->body_limit, "Largest request body in bytes")
      ->capture_default_str();
  cmd->add_flag("--quiet", opts->quiet, "No access log");
  cmd->add_option("--registrations-per-hour", opts->registrations_per_hour,
                  "New accounts one client address may ask for in an hour")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--open-clinician-signup", opts->open_clinician_signup,
                "Anyone may register as a clinician (default: only with an invite from "
                "`bounceback clinician-invite`)");
  cmd->add_option("--trusted-proxy", opts->trusted_proxies,
                  "Address of a reverse proxy whose X-Forwarded-For names the client (repeat for "
                  "several); without it the client is the connection's peer")
      ->check(CLI::ValidIPV4 | CLI::TypeValidator<std::string>());
  cmd->add_option("--public-url", opts->public_url,
                  "The address people reach this server at (e.g. https://bounceback.example.org "
                  "behind a TLS-terminating proxy), used in the calendar feed's addresses; "
                  "default: the address each request was sent to");
  cmd->add_option("--password-cost", opts->password_cost,
                  "interactive (default), or minimal for tests and benchmarks only")
      ->check(CLI::IsMember({"interactive", "minimal"}));
  cmd->callback([opts, &ctx] { ctx.exit_code = serve(*opts, ctx); });

  auto* invite = app.add_subcommand(
      "clinician-invite", "Make a one-use code that lets one account register as a clinician");
  invite->callback([&ctx] { ctx.exit_code = clinician_invite(ctx); });
}

}  // namespace bb::cli
