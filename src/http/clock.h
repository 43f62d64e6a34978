// The server's clock: the only place the HTTP layer learns the time and today's date. Tests use
// FixedClock.
#pragma once

#include <atomic>

#include "app/account_store.h"
#include "base/date.h"

namespace bb::http {

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual app::UnixSeconds now() const = 0;
  // The local calendar date of the machine the server runs on.
  [[nodiscard]] virtual Date today() const = 0;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] app::UnixSeconds now() const override;
  [[nodiscard]] Date today() const override;
};

// A clock that says what it is told; safe to move forward from another thread.
class FixedClock final : public Clock {
 public:
  FixedClock(app::UnixSeconds now, Date today) : now_(now), today_(today.days_since_epoch()) {}
  [[nodiscard]] app::UnixSeconds now() const override { return now_.load(); }
  [[nodiscard]] Date today() const override { return Date(today_.load()); }
  void set(app::UnixSeconds now, Date today) {
    now_ = now;
    today_ = today.days_since_epoch();
  }

 private:
  std::atomic<app::UnixSeconds> now_;
  std::atomic<std::int32_t> today_;
};

}  // namespace bb::http
