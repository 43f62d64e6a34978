#include "app/plan_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace bb::app {
namespace {

Date day(const char* text) { return *Date::parse(text); }

TEST(PlanCache, FindsAPlanOnlyAtTheRevisionItWasKeptAt) {
  PlanCache cache(8);
  EXPECT_FALSE(cache.find(1, day("2026-03-02"), 7));
  cache.keep(1, day("2026-03-02"), 7, "plan at 7");
  EXPECT_EQ(cache.find(1, day("2026-03-02"), 7), "plan at 7");
  EXPECT_FALSE(cache.find(1, day("2026-03-02"), 8)) << "the records changed since";
  EXPECT_FALSE(cache.find(1, day("2026-03-03"), 7)) << "another day";
  EXPECT_FALSE(cache.find(2, day("2026-03-02"), 7)) << "another person";
  cache.keep(1, day("2026-03-02"), 8, "plan at 8");
  EXPECT_FALSE(cache.find(1, day("2026-03-02"), 7));
  EXPECT_EQ(cache.find(1, day("2026-03-02"), 8), "plan at 8");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(PlanCache, TheLeastRecentlyUsedPlanGoesFirst) {
  PlanCache cache(2);
  cache.keep(1, day("2026-03-02"), 1, "one");
  cache.keep(2, day("2026-03-02"), 1, "two");
  EXPECT_TRUE(cache.find(1, day("2026-03-02"), 1));  // one is now the most recent
  cache.keep(3, day("2026-03-02"), 1, "three");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(1, day("2026-03-02"), 1), "one");
  EXPECT_FALSE(cache.find(2, day("2026-03-02"), 1));
  EXPECT_EQ(cache.find(3, day("2026-03-02"), 1), "three");
}

TEST(PlanCache, NoCapacityKeepsNothing) {
  PlanCache cache(0);
  cache.keep(1, day("2026-03-02"), 1, "one");
  EXPECT_FALSE(cache.find(1, day("2026-03-02"), 1));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(PlanCache, ThreadsMayKeepAndFindAtOnce) {
  PlanCache cache(16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t]() {
      for (int i = 0; i < 2000; ++i) {
        const PersonId person = (i + t) % 40;
        const std::string text = "plan " + std::to_string(person) + "@" + std::to_string(i % 3);
        cache.keep(person, day("2026-03-02"), i % 3, text);
        const auto found = cache.find(person, day("2026-03-02"), i % 3);
        // Another thread may have replaced or dropped it, but never with someone else's plan.
        if (found) {
          EXPECT_EQ(found->rfind("plan " + std::to_string(person) + "@", 0), 0u);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(cache.size(), 16u);
}

}  // namespace
}  // namespace bb::app
