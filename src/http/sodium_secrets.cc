#include "http/sodium_secrets.h"

#include <sodium.h>

#include <array>

namespace bb::http {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::unique_ptr<SodiumSecrets>> SodiumSecrets::create(PasswordCost cost) {
  if (sodium_init() < 0) return Error::unavailable("libsodium could not initialise");
  return std::unique_ptr<SodiumSecrets>(new SodiumSecrets(cost));
}

Result<std::string> SodiumSecrets::hash_password(std::string_view password) {
  const bool interactive = cost_ == PasswordCost::kInteractive;
  const unsigned long long ops =
      interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
  const std::size_t memory =
      interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), ops, memory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::unavailable("not enough memory to hash a password");
  }
  return std::string(out.data());
}

bool SodiumSecrets::verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumSecrets::random_token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes.data(), bytes.size());
}

std::string SodiumSecrets::random_code() {
  // No 0/O, 1/I/L: codes are read aloud and typed by hand. 12 of 31 symbols is about 59 bits.
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string code;
  for (int i = 0; i < 12; ++i) {
    code.push_back(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]);
  }
  return code;
}

std::string SodiumSecrets::digest(std::string_view secret) {
  std::array<unsigned char, crypto_generichash_BYTES> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return to_hex(out.data(), out.size());
}

}  // namespace bb::http
