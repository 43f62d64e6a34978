// The use cases of accounts: register, log in and out, authenticate a request, delete an account
// with everything in it, and share read-only access with a clinician. Shared by every front end;
// the clock and the cryptography come in from outside (Unix seconds, the Secrets port).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/account_store.h"
#include "base/result.h"

namespace bb::app {

// Password hashing, random tokens and digests. The server implements it with libsodium.
class Secrets {
 public:
  virtual ~Secrets() = default;
  // An argon2id string with its own salt and cost; kUnavailable when memory runs out.
  [[nodiscard]] virtual Result<std::string> hash_password(std::string_view password) = 0;
  [[nodiscard]] virtual bool verify_password(const std::string& hash,
                                             std::string_view password) = 0;
  // 256 random bits as 64 lowercase hex digits.
  [[nodiscard]] virtual std::string random_token() = 0;
  // A short human-friendly random code (for invites).
  [[nodiscard]] virtual std::string random_code() = 0;
  // A one-way digest as hex: what the database keeps in place of a token or code.
  [[nodiscard]] virtual std::string digest(std::string_view secret) = 0;
};

struct AccountPolicy {
  UnixSeconds session_lifetime = 30 * 24 * 3600;
  UnixSeconds invite_lifetime = 7 * 24 * 3600;
  // Failed logins are counted per email and client address together, so nobody elsewhere can
  // slow down the owner: within a window the first `free_failures` go through at once, then one
  // more each `failure_spacing` (a slow-down, never a lock).
  int free_failures = 5;
  UnixSeconds failure_spacing = 30;
  UnixSeconds failure_window = 15 * 60;
  // Registrations (taken emails included) per client address within a window.
  int max_registrations_per_address = 10;
  UnixSeconds registration_window = 60 * 60;
  // Whether anyone may register as a clinician; otherwise it takes an operator's invite.
  enum class ClinicianSignup { kByInvite, kOpen } clinician_signup = ClinicianSignup::kByInvite;
  UnixSeconds clinician_invite_lifetime = 7 * 24 * 3600;
  // Login sessions kept per account: a new one ends the oldest beyond this.
  std::size_t max_sessions_per_account = 10;
  // Passwords, in characters (UTF-8 code points).
  std::size_t min_password_length = 10;
  std::size_t max_password_length = 256;
};

struct OpenedSession {
  Account account;
  std::string token;  // shown once; only its digest is stored
  UnixSeconds expires_at = 0;
};

enum class LoginVerdict { kOpened, kWrongCredentials, kRateLimited };

struct RegisterOutcome {
  std::optional<OpenedSession> session;  // set unless rate limited
  UnixSeconds retry_after = 0;           // seconds, when rate limited
};

struct LoginOutcome {
  LoginVerdict verdict = LoginVerdict::kWrongCredentials;
  std::optional<OpenedSession> session;  // set when opened
  UnixSeconds retry_after = 0;           // seconds, when rate limited
};

struct Invite {
  std::string code;  // shown once; only its digest is stored
  UnixSeconds expires_at = 0;
};

// A display name is at most this many characters.
inline constexpr std::size_t kMaxDisplayNameCharacters = 60;

class AccountService {
 public:
  // Both must outlive the service.
  AccountService(AccountStore& store, Secrets& secrets, AccountPolicy policy = {})
      : store_(store), secrets_(secrets), policy_(policy) {}

  // kInvalidArgument (fields "email", "password") or kConflict when the email is taken; no
  // session but a retry_after when `address` registered too often.
  // A clinician needs `clinician_invite` (from create_clinician_invite) unless sign-up is open:
  // kInvalidArgument (field "invite") without a valid one, and the invite is used up.
  [[nodiscard]] Result<RegisterOutcome> register_account(const std::string& email,
                                                         const std::string& password, Role role,
                                                         const std::string& address,
                                                         UnixSeconds now,
                                                         const std::string& clinician_invite = {});
  // A one-use code the operator hands to a clinician so they can register.
  [[nodiscard]] Result<Invite> create_clinician_invite(UnixSeconds now);
  // Counts failures per email and `address` together in the store.
  [[nodiscard]] Result<LoginOutcome> login(const std::string& email, const std::string& password,
                                           const std::string& address, UnixSeconds now);
  // The account of a live session token; empty for an unknown or expired one.
  [[nodiscard]] Result<std::optional<Account>> authenticate(const std::string& token,
                                                            UnixSeconds now);
  [[nodiscard]] Status logout(const std::string& token);
  // False (and nothing deleted) when the password is wrong.
  [[nodiscard]] Result<bool> delete_account(const Account& account, const std::string& password);

  // A person's invite code for a clinician.
  [[nodiscard]] Result<Invite> create_invite(const Account& person, UnixSeconds now);
  // kNotFound for an unknown, used or expired code. The code may be typed in lower case and in
  // groups split by spaces or hyphens.
  [[nodiscard]] Result<ShareRecord> accept_invite(const Account& clinician, const std::string& code,
                                                  UnixSeconds now);
  // kNotFound when there was no such share.
  [[nodiscard]] Status revoke_share(const Account& person, PersonId clinician);
  // For a person: the clinicians they share with. For a clinician: the people sharing with them.
  [[nodiscard]] Result<std::vector<ShareRecord>> shares(const Account& account);

  // How the account is shown to others: "" clears it. kInvalidArgument (field "display_name")
  // for text that is not UTF-8, longer than kMaxDisplayNameCharacters, only spaces or holding a
  // control character. Returns the account as it is now.
  [[nodiscard]] Result<Account> set_display_name(const Account& account, const std::string& name);
  // Whether `viewer` may read `person`'s plans, responses and measures.
  [[nodiscard]] Result<bool> may_view(const Account& viewer, PersonId person);

 private:
  [[nodiscard]] Result<OpenedSession> open_session(const Account& account, UnixSeconds now);

  AccountStore& store_;
  Secrets& secrets_;
  AccountPolicy policy_;
};

// kInvalidArgument (field "password") unless `password` is valid UTF-8 of `min` to `max`
// characters with something besides white space.
[[nodiscard]] Status check_password(std::string_view password, std::size_t min, std::size_t max);

// Lowercased and trimmed; kInvalidArgument (field "email") for anything that is not one address.
[[nodiscard]] Result<std::string> normalize_email(std::string_view email);

}  // namespace bb::app
