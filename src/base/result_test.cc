#include "base/result.h"

#include <gtest/gtest.h>

namespace bb {
namespace {

Result<int> halve(int n) {
  if (n % 2 != 0) return Error::invalid("n", "must be even");
  return n / 2;
}

TEST(Result, CarriesValueOrError) {
  const auto good = halve(4);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 2);
  const auto bad = halve(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().describe(), "n: must be even");
}

TEST(Status, DefaultsToSuccess) {
  EXPECT_TRUE(Status::success().ok());
  const Status failed = Error::not_found("no such thing");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().describe(), "no such thing");
  EXPECT_STREQ(to_string(failed.error().code), "not_found");
}

}  // namespace
}  // namespace bb
