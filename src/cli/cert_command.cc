// `bounceback cert`: a self-signed certificate and key for serving HTTPS on a home network
// (phones grant motion sensors only to secure pages). Made with OpenSSL's C API: a P-256 key and
// an X.509 certificate naming localhost, 127.0.0.1 and any --host given.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/cli.h"

namespace bb::cli {
namespace {

struct CertOptions {
  std::string cert_path = "bounceback-cert.pem";
  std::string key_path = "bounceback-key.pem";
  std::vector<std::string> hosts;
  int days = 825;  // the longest validity Apple devices accept
};

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

bool looks_like_ip(const std::string& host) {
  return host.find_first_not_of("0123456789.") == std::string::npos ||
         host.find(':') != std::string::npos;
}

Status add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
    return Error::invalid("host", "cannot use in a certificate: " + value);
  }
  return Status::success();
}

Status write_pem(const std::string& path, mode_t mode, const std::function<int(FILE*)>& write) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return Error::unavailable("cannot write " + path);
  ::chmod(path.c_str(), mode);
  const int ok = write(file);
  const bool closed = std::fclose(file) == 0;
  if (ok != 1 || !closed) return Error::unavailable("cannot write " + path);
  return Status::success();
}

Status make_certificate(const CertOptions& opts) {
  if (opts.days < 1 || opts.days > 3650) return Error::invalid("days", "must be from 1 to 3650");
  KeyPtr key(EVP_EC_gen("P-256"));
  if (!key) return Error::internal("cannot generate a key");
  CertPtr cert(X509_new());
  if (!cert) return Error::internal("cannot make a certificate");
  X509_set_version(cert.get(), 2);
  // A random 63-bit serial: certificates made on the same machine must differ.
  std::uint64_t serial = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) != 1) {
    return Error::internal("no random bytes for the serial number");
  }
  ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial >> 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(opts.days) * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  const std::string common_name = opts.hosts.empty() ? "localhost" : opts.hosts.front();
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Bounceback"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(cert.get(), name);

  std::string names = "DNS:localhost,IP:127.0.0.1,IP:::1";
  for (const std::string& host : opts.hosts) {
    if (host.empty() || host.find_first_of(", \t") != std::string::npos) {
      return Error::invalid("host", "must be one host name or address: '" + host + "'");
    }
    names += (looks_like_ip(host) ? ",IP:" : ",DNS:") + host;
  }
  BB_RETURN_IF_ERROR(add_extension(cert.get(), NID_subject_alt_name, names));
  BB_RETURN_IF_ERROR(add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE"));
  BB_RETURN_IF_ERROR(add_extension(cert.get(), NID_key_usage, "critical,digitalSignature"));
  BB_RETURN_IF_ERROR(add_extension(cert.get(), NID_ext_key_usage, "serverAuth"));
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    return Error::internal("cannot sign the certificate");
  }
  BB_RETURN_IF_ERROR(write_pem(opts.key_path, 0600, [&](FILE* f) {
    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  }));
  BB_RETURN_IF_ERROR(
      write_pem(opts.cert_path, 0644, [&](FILE* f) { return PEM_write_X509(f, cert.get()); }));
  fmt::print("Wrote {} and {} (valid {} days for {}).\n", opts.cert_path, opts.key_path, opts.days,
             names);
  fmt::print("Serve with: bounceback serve --listen 0.0.0.0:8443 --tls-cert {} --tls-key {}\n",
             opts.cert_path, opts.key_path);
  return Status::success();
}

}  // namespace

void register_cert_command(CLI::App& app, CliContext& ctx) {
  auto opts = std::make_shared<CertOptions>();
  auto* cmd = app.add_subcommand("cert", "Make a self-signed certificate and key for HTTPS");
  cmd->add_option("--cert", opts->cert_path, "Where to write the certificate (PEM)")
      ->capture_default_str();
  cmd->add_option("--key", opts->key_path, "Where to write the private key (PEM, mode 0600)")
      ->capture_default_str();
  cmd->add_option("--host", opts->hosts,
                  "A host name or address the server is reached by (repeatable)");
  cmd->add_option("--days", opts->days, "Validity in days")->capture_default_str();
  cmd->callback([opts, &ctx] {
    if (Status s = make_certificate(*opts); !s.ok()) ctx.exit_code = report(s.error());
  });
}

}  // namespace bb::cli
