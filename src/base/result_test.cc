#include "base/result.h"

#include <gtest/gtest.h>

#include <string>

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

// An error type of an outer layer that carries a base Error over, as the HTTP layer's does.
struct OuterError {
  OuterError(int status_in) : status(status_in) {}  // NOLINT(google-explicit-constructor)
  OuterError(const Error& error)                   // NOLINT(google-explicit-constructor)
      : status(error.code == ErrorCode::kInvalidArgument ? 422 : 500), message(error.message) {}
  int status;
  std::string message;
};

Result<int, OuterError> quarter(int n) {
  if (n < 0) return OuterError(400);
  BB_ASSIGN_OR_RETURN(const int half, halve(n));
  BB_ASSIGN_OR_RETURN(const int result, halve(half));
  return result;
}

BasicStatus<OuterError> check_even(int n) {
  BB_RETURN_IF_ERROR(halve(n));
  return {};
}

TEST(Result, PassesAnErrorOnAsAnotherErrorType) {
  EXPECT_EQ(*quarter(8), 2);
  EXPECT_EQ(quarter(-4).error().status, 400);
  const auto odd_half = quarter(6);
  ASSERT_FALSE(odd_half.ok());
  EXPECT_EQ(odd_half.error().status, 422);
  EXPECT_EQ(odd_half.error().message, "must be even");
  EXPECT_TRUE(check_even(2).ok());
  EXPECT_EQ(check_even(3).error().status, 422);
}

}  // namespace
}  // namespace bb
