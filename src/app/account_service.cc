#include "app/account_service.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace bb::app {

const char* to_string(Role role) {
  switch (role) {
    case Role::kPerson:
      return "person";
    case Role::kClinician:
      return "clinician";
  }
  return "person";
}

std::optional<Role> role_from(const std::string& text) {
  if (text == "person") return Role::kPerson;
  if (text == "clinician") return Role::kClinician;
  return std::nullopt;
}

Result<std::string> normalize_email(std::string_view email) {
  while (!email.empty() && email.front() == ' ') email.remove_prefix(1);
  while (!email.empty() && email.back() == ' ') email.remove_suffix(1);
  if (email.empty() || email.size() > 254) {
    return Error::invalid("email", "must be an email address of at most 254 characters");
  }
  std::string out;
  out.reserve(email.size());
  for (const char c : email) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      return Error::invalid("email", "must not contain spaces or control characters");
    }
    out.push_back(static_cast<char>(std::tolower(byte)));
  }
  const std::size_t at = out.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == out.size() ||
      out.find('@', at + 1) != std::string::npos) {
    return Error::invalid("email", "must look like name@example.org");
  }
  return out;
}

// What a person typed, read as UTF-8: its length in characters, whether it is only spaces, and
// whether it holds a control character. kInvalidArgument naming `field` when it is not UTF-8.
struct TypedText {
  std::size_t characters = 0;
  bool only_space = true;
  bool control = false;
};
Result<TypedText> read_typed(std::string_view text, const char* field) {
  TypedText out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                                               : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return Error::invalid(field, "must be UTF-8 text");
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) {
        return Error::invalid(field, "must be UTF-8 text");
      }
    }
    if (length > 1 || !std::isspace(lead)) out.only_space = false;
    if (length == 1 && (lead < 0x20 || lead == 0x7f)) out.control = true;
    i += length;
    ++out.characters;
  }
  return out;
}

Status check_password(std::string_view password, std::size_t min, std::size_t max) {
  BB_ASSIGN_OR_RETURN(const TypedText typed, read_typed(password, "password"));
  if (typed.characters < min || typed.characters > max) {
    return Error::invalid("password", "must be " + std::to_string(min) + " to " +
                                          std::to_string(max) + " characters long");
  }
  if (typed.only_space) return Error::invalid("password", "must not be only spaces");
  return Status::success();
}

Result<Account> AccountService::set_display_name(const Account& account, const std::string& name) {
  BB_ASSIGN_OR_RETURN(const TypedText typed, read_typed(name, "display_name"));
  if (typed.characters > kMaxDisplayNameCharacters) {
    return Error::invalid("display_name", "must be at most " +
                                              std::to_string(kMaxDisplayNameCharacters) +
                                              " characters");
  }
  if (typed.control) return Error::invalid("display_name", "must not contain control characters");
  if (typed.only_space && !name.empty()) {
    return Error::invalid("display_name", "must not be only spaces (send \"\" to clear it)");
  }
  BB_RETURN_IF_ERROR(store_.set_display_name(account.id, name));
  Account updated = account;
  updated.display_name = name;
  updated.password_hash.clear();
  return updated;
}

Result<OpenedSession> AccountService::open_session(const Account& account, UnixSeconds now) {
  OpenedSession opened{account, secrets_.random_token(), now + policy_.session_lifetime};
  opened.account.password_hash.clear();
  BB_RETURN_IF_ERROR(
      store_.add_login_session(secrets_.digest(opened.token), account.id, opened.expires_at));
  BB_RETURN_IF_ERROR(
      store_.prune_login_sessions(account.id, now, policy_.max_sessions_per_account));
  return opened;
}

namespace {

// A share code as typed: read aloud or copied, it may come in lower case, in groups split by
// spaces or hyphens. Codes are made of upper-case letters and digits only, so this loses nothing.
std::string normalize_share_code(const std::string& typed) {
  std::string code;
  for (const char c : typed) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) != 0 || c == '-') continue;
    code.push_back(static_cast<char>(std::toupper(u)));
  }
  return code;
}

// The window as it stands at `now`: an expired window counts from zero again.
FailureWindow current(const FailureWindow& stored, UnixSeconds now, UnixSeconds length) {
  if (stored.failures == 0 || now >= stored.window_start + length) return {0, now};
  return stored;
}

std::string login_key(const std::string& email, const std::string& address) {
  return "login " + email + " from " + address;
}

std::string register_key(const std::string& address) {
  return address.empty() ? std::string() : "register from " + address;
}

}  // namespace

Result<RegisterOutcome> AccountService::register_account(const std::string& email,
                                                         const std::string& password, Role role,
                                                         const std::string& address,
                                                         UnixSeconds now,
                                                         const std::string& clinician_invite) {
  BB_ASSIGN_OR_RETURN(const std::string normalized, normalize_email(email));
  BB_RETURN_IF_ERROR(
      check_password(password, policy_.min_password_length, policy_.max_password_length));
  // Counted before the work, so a flood costs the server little.
  const std::string key = register_key(address);
  RegisterOutcome outcome;
  const Status counted = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(FailureWindow window, store_.attempts(key));
    window = current(window, now, policy_.registration_window);
    if (window.failures >= policy_.max_registrations_per_address) {
      outcome.retry_after =
          std::max<UnixSeconds>(1, window.window_start + policy_.registration_window - now);
      return Status::success();
    }
    ++window.failures;
    return store_.set_attempts(key, window);
  });
  BB_RETURN_IF_ERROR(counted);
  if (outcome.retry_after > 0) return outcome;
  // Hashing is slow on purpose: do it before taking the write lock. A taken email costs the
  // same work, so timing does not tell it apart.
  BB_ASSIGN_OR_RETURN(const std::string hash, secrets_.hash_password(password));
  const bool needs_invite = role == Role::kClinician &&
                            policy_.clinician_signup == AccountPolicy::ClinicianSignup::kByInvite;
  const Status done = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(const std::optional<Account> existing, store_.account_by_email(normalized));
    if (existing) return Error::conflict("an account with this email already exists");
    if (needs_invite) {
      const Error refused = Error::invalid(
          "invite", "a clinician account needs an invite code from the server's operator "
                    "(bounceback clinician-invite), unused and not expired");
      if (clinician_invite.empty() || clinician_invite.size() > 64) return refused;
      BB_ASSIGN_OR_RETURN(const bool taken,
                          store_.take_clinician_invite(secrets_.digest(clinician_invite), now));
      if (!taken) return refused;
    }
    BB_ASSIGN_OR_RETURN(const PersonId id, store_.create_account(normalized, role, hash));
    BB_ASSIGN_OR_RETURN(outcome.session, open_session(Account{id, normalized, role, {}, {}}, now));
    return Status::success();
  });
  BB_RETURN_IF_ERROR(done);
  return outcome;
}

Result<LoginOutcome> AccountService::login(const std::string& email, const std::string& password,
                                           const std::string& address, UnixSeconds now) {
  Result<std::string> normalized = normalize_email(email);
  if (!normalized.ok()) return LoginOutcome{};  // no account can match: a plain wrong login
  const std::string key = login_key(*normalized, address);
  // Unknown emails are counted the same way, so the answers do not tell which emails exist.
  BB_ASSIGN_OR_RETURN(FailureWindow window, store_.attempts(key));
  window = current(window, now, policy_.failure_window);
  if (window.failures >= policy_.free_failures) {
    // One more attempt each failure_spacing after the free ones.
    const UnixSeconds next =
        window.window_start +
        (window.failures - policy_.free_failures + 1) * policy_.failure_spacing;
    if (now < next) return LoginOutcome{LoginVerdict::kRateLimited, std::nullopt, next - now};
  }
  BB_ASSIGN_OR_RETURN(const std::optional<Account> account, store_.account_by_email(*normalized));
  bool matches = false;
  if (account) {
    matches = secrets_.verify_password(account->password_hash, password);
  } else {
    // As slow as checking a password, so timing does not tell an unknown email from a wrong
    // password.
    (void)secrets_.hash_password(password);
  }
  if (matches) {
    LoginOutcome outcome{LoginVerdict::kOpened, std::nullopt, 0};
    const Status done = store_.transaction([&]() -> Status {
      BB_RETURN_IF_ERROR(store_.set_attempts(key, {0, now}));
      BB_ASSIGN_OR_RETURN(outcome.session, open_session(*account, now));
      return Status::success();
    });
    BB_RETURN_IF_ERROR(done);
    return outcome;
  }
  // Counted again inside the transaction, so concurrent failures on several instances add up.
  const Status done = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(FailureWindow stored, store_.attempts(key));
    stored = current(stored, now, policy_.failure_window);
    ++stored.failures;
    BB_RETURN_IF_ERROR(store_.set_attempts(key, stored));
    const UnixSeconds oldest_kept =
        now - std::max(policy_.failure_window, policy_.registration_window);
    return store_.forget_attempts_before(oldest_kept);
  });
  BB_RETURN_IF_ERROR(done);
  return LoginOutcome{};
}

Result<std::optional<Account>> AccountService::authenticate(const std::string& token,
                                                            UnixSeconds now) {
  if (token.empty() || token.size() > 128) return std::optional<Account>{};
  return store_.session_account(secrets_.digest(token), now);
}

Status AccountService::logout(const std::string& token) {
  return store_.delete_login_session(secrets_.digest(token));
}

Result<bool> AccountService::delete_account(const Account& account, const std::string& password) {
  BB_ASSIGN_OR_RETURN(const std::optional<Account> stored, store_.account_by_id(account.id));
  if (!stored) return Error::not_found("no such account");
  if (!secrets_.verify_password(stored->password_hash, password)) return false;
  BB_RETURN_IF_ERROR(store_.delete_account(account.id));
  return true;
}

Result<Invite> AccountService::create_clinician_invite(UnixSeconds now) {
  Invite invite{secrets_.random_code(), now + policy_.clinician_invite_lifetime};
  BB_RETURN_IF_ERROR(store_.add_clinician_invite(secrets_.digest(invite.code), invite.expires_at));
  return invite;
}

Result<Invite> AccountService::create_invite(const Account& person, UnixSeconds now) {
  Invite invite{secrets_.random_code(), now + policy_.invite_lifetime};
  BB_RETURN_IF_ERROR(store_.add_invite(secrets_.digest(invite.code), person.id, invite.expires_at));
  return invite;
}

Result<ShareRecord> AccountService::accept_invite(const Account& clinician,
                                                  const std::string& typed_code,
                                                  UnixSeconds now) {
  if (typed_code.size() > 64) return Error::not_found("no such invite");
  const std::string code = normalize_share_code(typed_code);
  if (code.empty()) return Error::not_found("no such invite");
  std::optional<ShareRecord> share;
  const Status done = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(const std::optional<PersonId> person,
                        store_.take_invite(secrets_.digest(code), now));
    if (!person) return Error::not_found("no such invite, or it was used or has expired");
    if (*person == clinician.id)
      return Error::conflict("an invite cannot be accepted by its maker");
    BB_RETURN_IF_ERROR(store_.add_share(*person, clinician.id, now));
    BB_ASSIGN_OR_RETURN(const std::vector<ShareRecord> all, store_.shares_of_person(*person));
    for (const ShareRecord& record : all) {
      if (record.clinician == clinician.id) share = record;
    }
    return Status::success();
  });
  BB_RETURN_IF_ERROR(done);
  if (!share) return Error::internal("the share just made cannot be read back");
  return std::move(*share);
}

Status AccountService::revoke_share(const Account& person, PersonId clinician) {
  BB_ASSIGN_OR_RETURN(const bool removed, store_.delete_share(person.id, clinician));
  if (!removed) return Error::not_found("no share with this clinician");
  return Status::success();
}

Result<std::vector<ShareRecord>> AccountService::shares(const Account& account) {
  if (account.role == Role::kClinician) return store_.shares_with_clinician(account.id);
  return store_.shares_of_person(account.id);
}

Result<bool> AccountService::may_view(const Account& viewer, PersonId person) {
  if (viewer.id == person) return true;
  if (viewer.role != Role::kClinician) return false;
  return store_.has_share(person, viewer.id);
}

}  // namespace bb::app
