#include "http/store_pool.h"

namespace bb::http {

Result<StorePool::Lease> StorePool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Stores> stores = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(stores));
    }
  }
  Result<Stores> made = factory_();
  if (!made.ok()) return made.error();
  return Lease(this, std::make_unique<Stores>(std::move(*made)));
}

void StorePool::give_back(std::unique_ptr<Stores> stores) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(stores));
}

}  // namespace bb::http
