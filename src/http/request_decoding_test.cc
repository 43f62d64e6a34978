#include "http/request_decoding.h"

#include <gtest/gtest.h>

#include <string>

namespace bb::http {
namespace {

Request json_request(std::string body, std::string type = "application/json") {
  Request request;
  request.method = "POST";
  request.content_type = std::move(type);
  request.body = std::move(body);
  return request;
}

std::string code_of(const Response& response) {
  return nlohmann::json::parse(response.body)["error"]["code"];
}

TEST(SplitTarget, DecodesPathAndQuery) {
  std::string path;
  std::multimap<std::string, std::string> query;
  ASSERT_TRUE(split_target("/api/v1/plans/2026-01-05?date=2026-01-06&x=a+b%21&flag", path, query));
  EXPECT_EQ(path, "/api/v1/plans/2026-01-05");
  EXPECT_EQ(query.find("date")->second, "2026-01-06");
  EXPECT_EQ(query.find("x")->second, "a b!");
  EXPECT_EQ(query.find("flag")->second, "");
}

TEST(SplitTarget, RefusesWhatCouldFoolTheRouter) {
  std::string path;
  std::multimap<std::string, std::string> query;
  EXPECT_FALSE(split_target("http://example.org/", path, query));
  EXPECT_FALSE(split_target("", path, query));
  EXPECT_FALSE(split_target("/a%2fb", path, query));
  EXPECT_FALSE(split_target("/a%00", path, query));
  EXPECT_FALSE(split_target("/a%4", path, query));
  EXPECT_FALSE(split_target("/a?x=%zz", path, query));
}

TEST(JsonBody, AcceptsJsonWithCharset) {
  auto body = json_body(json_request(R"({"pain": 3})", "application/json; charset=utf-8"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ((*body)["pain"], 3);
}

TEST(JsonBody, WrongTypeIs415) {
  auto body = json_body(json_request(R"({"pain": 3})", "text/plain"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(error_response(body.error()).status, 415u);
  EXPECT_EQ(code_of(error_response(body.error())), "unsupported_media_type");
}

TEST(JsonBody, TruncatedEmptyOrDeepJsonIs400) {
  for (const std::string& text : {std::string(R"({"pain": )"), std::string(),
                                 std::string(10000, '['), std::string("\xff\xfe")}) {
    auto body = json_body(json_request(text));
    ASSERT_FALSE(body.ok()) << text.substr(0, 20);
    EXPECT_EQ(error_response(body.error()).status, 400u);
    EXPECT_EQ(code_of(error_response(body.error())), "bad_request");
  }
}

TEST(SessionToken, BearerFirstThenCookie) {
  Request request;
  request.cookie = "theme=dark; bb_session=abc123 ; other=1";
  EXPECT_EQ(session_token(request), "abc123");
  request.authorization = "Bearer  xyz ";
  EXPECT_EQ(session_token(request), "xyz");
  request.authorization = "Basic Zm9vOmJhcg==";
  EXPECT_EQ(session_token(request), "abc123");
  EXPECT_EQ(session_token(Request{}), "");
}

TEST(QueryDate, DefaultWhenAbsentAnd422WhenMalformed) {
  Request request;
  const Date fallback = *Date::parse("2026-02-01");
  auto absent = query_date(request, "date", fallback);
  ASSERT_TRUE(absent.ok());
  EXPECT_EQ(*absent, fallback);
  request.query.emplace("date", "2026-02-30");
  auto bad = query_date(request, "date", fallback);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(error_response(bad.error()).status, 422u);
  EXPECT_EQ(nlohmann::json::parse(error_response(bad.error()).body)["error"]["field"], "date");
}

}  // namespace
}  // namespace bb::http
