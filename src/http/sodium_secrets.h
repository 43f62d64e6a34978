// The Secrets port on libsodium: argon2id password strings (crypto_pwhash_str), random tokens
// and BLAKE2b digests.
#pragma once

#include <memory>

#include "app/account_service.h"
#include "base/result.h"

namespace bb::http {

// How much work a password hash costs. kInteractive is libsodium's recommendation for logins;
// kMinimal exists for tests, which would otherwise spend most of their time hashing.
enum class PasswordCost { kInteractive, kMinimal };

class SodiumSecrets final : public app::Secrets {
 public:
  // kUnavailable when libsodium cannot initialise (no entropy source).
  [[nodiscard]] static Result<std::unique_ptr<SodiumSecrets>> create(PasswordCost cost);

  [[nodiscard]] Result<std::string> hash_password(std::string_view password) override;
  [[nodiscard]] bool verify_password(const std::string& hash, std::string_view password) override;
  [[nodiscard]] std::string random_token() override;
  [[nodiscard]] std::string random_code() override;
  [[nodiscard]] std::string digest(std::string_view secret) override;

 private:
  explicit SodiumSecrets(PasswordCost cost) : cost_(cost) {}
  PasswordCost cost_;
};

}  // namespace bb::http
