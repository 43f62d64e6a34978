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

Result<OpenedSession> AccountService::open_session(const Account& account, UnixSeconds now) {
  OpenedSession opened{account, secrets_.random_token(), now + policy_.session_lifetime};
  opened.account.password_hash.clear();
  BB_RETURN_IF_ERROR(
      store_.add_login_session(secrets_.digest(opened.token), account.id, opened.expires_at));
  return opened;
}

Result<OpenedSession> AccountService::register_account(const std::string& email,
                                                       const std::string& password, Role role,
                                                       UnixSeconds now) {
  BB_ASSIGN_OR_RETURN(const std::string normalized, normalize_email(email));
  if (password.size() < policy_.min_password_length ||
      password.size() > policy_.max_password_length) {
    return Error::invalid("password", "must be " + std::to_string(policy_.min_password_length) +
                                          " to " + std::to_string(policy_.max_password_length) +
                                          " characters long");
  }
  // Hashing is slow on purpose: do it before taking the write lock.
  BB_ASSIGN_OR_RETURN(const std::string hash, secrets_.hash_password(password));
  std::optional<OpenedSession> opened;
  const Status done = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(const std::optional<Account> existing, store_.account_by_email(normalized));
    if (existing) return Error::conflict("an account with this email already exists");
    BB_ASSIGN_OR_RETURN(const PersonId id, store_.create_account(normalized, role, hash));
    BB_ASSIGN_OR_RETURN(opened, open_session(Account{id, normalized, role, {}}, now));
    return Status::success();
  });
  BB_RETURN_IF_ERROR(done);
  return std::move(*opened);
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

}  // namespace

Result<LoginOutcome> AccountService::login(const std::string& email, const std::string& password,
                                           const std::string& address, UnixSeconds now) {
  Result<std::string> normalized = normalize_email(email);
  if (!normalized.ok()) return LoginOutcome{};  // no account can match: a plain wrong login
  BB_ASSIGN_OR_RETURN(const std::optional<Account> account, store_.account_by_email(*normalized));

  FailureWindow by_address;
  FailureWindow by_account;
  BB_ASSIGN_OR_RETURN(by_address, store_.address_failures(address));
  by_address = current(by_address, now, policy_.failure_window);
  if (account) {
    BB_ASSIGN_OR_RETURN(by_account, store_.account_failures(account->id));
    by_account = current(by_account, now, policy_.failure_window);
  }
  const auto limited = [&](const FailureWindow& w, int max) { return w.failures >= max; };
  if (limited(by_address, policy_.max_failures_per_address) ||
      limited(by_account, policy_.max_failures_per_account)) {
    LoginOutcome outcome{LoginVerdict::kRateLimited, std::nullopt, 0};
    const UnixSeconds end = std::max(
        limited(by_address, policy_.max_failures_per_address) ? by_address.window_start : 0,
        limited(by_account, policy_.max_failures_per_account) ? by_account.window_start : 0);
    outcome.retry_after = std::max<UnixSeconds>(1, end + policy_.failure_window - now);
    return outcome;
  }

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
      BB_RETURN_IF_ERROR(store_.set_account_failures(account->id, {0, now}));
      BB_ASSIGN_OR_RETURN(outcome.session, open_session(*account, now));
      return Status::success();
    });
    BB_RETURN_IF_ERROR(done);
    return outcome;
  }
  // Counted again inside the transaction, so concurrent failures on several instances add up.
  const Status done = store_.transaction([&]() -> Status {
    BB_ASSIGN_OR_RETURN(FailureWindow stored, store_.address_failures(address));
    stored = current(stored, now, policy_.failure_window);
    ++stored.failures;
    BB_RETURN_IF_ERROR(store_.set_address_failures(address, stored));
    if (!account) return Status::success();
    BB_ASSIGN_OR_RETURN(stored, store_.account_failures(account->id));
    stored = current(stored, now, policy_.failure_window);
    ++stored.failures;
    return store_.set_account_failures(account->id, stored);
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
