#include "app/plan_cache.h"

#include <functional>
#include <utility>

namespace bb::app {

PlanCache::PlanCache(std::size_t capacity) : capacity_(capacity) {}

std::size_t PlanCache::KeyHash::operator()(const Key& key) const {
  return std::hash<PersonId>()(key.person) * 31 +
         std::hash<std::int32_t>()(key.date.days_since_epoch());
}

std::optional<std::string> PlanCache::find(PersonId person, Date date, std::int64_t revision) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(Key{person, date});
  if (found == index_.end() || found->second->revision != revision) return std::nullopt;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->plan_json;
}

void PlanCache::keep(PersonId person, Date date, std::int64_t revision, std::string plan_json) {
  if (capacity_ == 0) return;
  const std::lock_guard lock(mutex_);
  const Key key{person, date};
  if (const auto found = index_.find(key); found != index_.end()) {
    found->second->revision = revision;
    found->second->plan_json = std::move(plan_json);
    recent_.splice(recent_.begin(), recent_, found->second);
    return;
  }
  if (index_.size() == capacity_) {
    index_.erase(recent_.back().key);
    recent_.pop_back();
  }
  recent_.push_front(Entry{key, revision, std::move(plan_json)});
  index_.emplace(key, recent_.begin());
}

std::size_t PlanCache::size() const {
  const std::lock_guard lock(mutex_);
  return index_.size();
}

}  // namespace bb::app
