// Plans already computed, as the JSON text the API sends, kept per person and date with the
// person's plan revision (PersonStore::plan_revision) they were computed at. A plan is only
// found again at the same revision, so any write to the person's records makes it stale, on
// every server instance, without anyone telling the cache. Thread-safe; bounded: the least
// recently used plan goes first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/person_store.h"
#include "base/date.h"

namespace bb::app {

class PlanCache {
 public:
  explicit PlanCache(std::size_t capacity);

  // The plan kept for `person` on `date` at `revision`, if any.
  [[nodiscard]] std::optional<std::string> find(PersonId person, Date date, std::int64_t revision);
  // Keeps `plan_json` for `person` on `date` at `revision`, replacing what was kept for that
  // person and date.
  void keep(PersonId person, Date date, std::int64_t revision, std::string plan_json);

  [[nodiscard]] std::size_t size() const;

 private:
  struct Key {
    PersonId person;
    Date date;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const;
  };
  struct Entry {
    Key key;
    std::int64_t revision;
    std::string plan_json;
  };

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> index_;
};

}  // namespace bb::app
