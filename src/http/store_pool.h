// Database connections for concurrent requests. Stores are not thread-safe, so each request
// leases one set for its duration; idle sets are kept for the next request.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "app/account_store.h"
#include "app/person_store.h"
#include "app/recording_store.h"
#include "base/result.h"

namespace bb::http {

// The stores of one connection (or one connection set) to the database.
struct Stores {
  std::unique_ptr<app::PersonStore> persons;
  std::unique_ptr<app::AccountStore> accounts;
  std::unique_ptr<app::RecordingStore> recordings;
};

using StoresFactory = std::function<Result<Stores>()>;

class StorePool {
 public:
  StorePool(StoresFactory factory, std::size_t max_idle)
      : factory_(std::move(factory)), max_idle_(max_idle) {}

  // Gives the stores back to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Stores> stores)
        : pool_(pool), stores_(std::move(stores)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (stores_) pool_->give_back(std::move(stores_));
    }
    Stores& operator*() { return *stores_; }
    Stores* operator->() { return stores_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Stores> stores_;
  };

  // An idle set, or a new one from the factory (kUnavailable when the database cannot be opened).
  [[nodiscard]] Result<Lease> acquire();

 private:
  void give_back(std::unique_ptr<Stores> stores);

  StoresFactory factory_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Stores>> idle_;
};

}  // namespace bb::http
