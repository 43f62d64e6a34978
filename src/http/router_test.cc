#include "http/router.h"

#include <gtest/gtest.h>

namespace bb::http {
namespace {

TEST(MatchPattern, LiteralAndNamedSegments) {
  PathParams params;
  EXPECT_EQ(match_pattern("/api/v1/plans/{date}", "/api/v1/plans/2026-01-05", params), 3);
  EXPECT_EQ(params.at("date"), "2026-01-05");
  params.clear();
  EXPECT_EQ(match_pattern("/api/v1/plans/today", "/api/v1/plans/today", params), 4);
  EXPECT_FALSE(match_pattern("/api/v1/plans/{date}", "/api/v1/plans", params));
  EXPECT_FALSE(match_pattern("/api/v1/plans/{date}", "/api/v1/plans//", params));
  EXPECT_FALSE(match_pattern("/api/v1/plans", "/api/v1/plans/x/y", params));
  EXPECT_FALSE(match_pattern("/a", "a", params));
  EXPECT_EQ(match_pattern("/", "/", params), 0);
}

TEST(Router, LiteralWinsOverNamedWhateverTheOrder) {
  Router<int> router;
  router.add("GET", "/plans/{date}", 1);
  router.add("GET", "/plans/today", 2);
  EXPECT_EQ(*router.find("GET", "/plans/today").handler, 2);
  EXPECT_EQ(*router.find("GET", "/plans/2026-01-01").handler, 1);
}

TEST(Router, ALiteralRouteOfAnotherMethodLeavesTheNamedRouteToMatch) {
  Router<int> router;
  router.add("POST", "/plans/today", 1);
  router.add("GET", "/plans/{date}", 2);
  EXPECT_EQ(*router.find("POST", "/plans/today").handler, 1);
  const auto named = router.find("GET", "/plans/today");
  ASSERT_NE(named.handler, nullptr);
  EXPECT_EQ(*named.handler, 2);
  EXPECT_EQ(named.params.at("date"), "today");
  // A trailing slash is not the literal path, and still reaches the literal route.
  EXPECT_EQ(*router.find("POST", "/plans/today/").handler, 1);
}

TEST(Router, TellsAWrongMethodFromAMissingPath) {
  Router<int> router;
  router.add("GET", "/profile", 1);
  router.add("PUT", "/profile", 2);
  EXPECT_EQ(*router.find("PUT", "/profile").handler, 2);
  EXPECT_EQ(*router.find("HEAD", "/profile").handler, 1);
  const auto wrong = router.find("DELETE", "/profile");
  EXPECT_EQ(wrong.handler, nullptr);
  EXPECT_EQ(wrong.failure, MatchFailure::kWrongMethod);
  EXPECT_EQ(router.find("GET", "/nothing").failure, MatchFailure::kNoSuchPath);
}

}  // namespace
}  // namespace bb::http
