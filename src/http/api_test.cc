// The API in-process on a real SQLite file: the daily flow, the error statuses, the
// authorization walk over every route, shares and account deletion.
#include "http/api.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/catalog_loader.h"
#include "coach/model.h"
#include "http/live_session.h"
#include "http/request_decoding.h"
#include "http/sodium_secrets.h"
#include "motion/simulator.h"
#include "store/sqlite_account_store.h"
#include "store/sqlite_recording_store.h"
#include "store/sqlite_store.h"

namespace bb::http {
namespace {

using nlohmann::json;

constexpr const char* kToday = "2026-03-10";

const char* kScreenAllNo = R"({"saddle_numbness": false, "bladder_bowel_change": false,
  "progressive_leg_weakness": false, "major_trauma": false, "fever_unwell": false,
  "cancer_history": false, "unexplained_weight_loss": false, "constant_night_pain": false,
  "immunosuppression_or_iv_drugs": false, "osteoporosis_minor_trauma": false})";
const char* kProfile = R"({"birth_year": 1985, "height_cm": 172, "rope_experience": "some",
  "rope": "beaded", "aggravated_by": ["sitting"]})";

// The real secrets, counting the argon2id operations (hashing and checking cost the same).
class CountingSecrets final : public app::Secrets {
 public:
  explicit CountingSecrets(std::unique_ptr<SodiumSecrets> real) : real_(std::move(real)) {}
  Result<std::string> hash_password(std::string_view password) override {
    ++password_work;
    return real_->hash_password(password);
  }
  bool verify_password(const std::string& hash, std::string_view password) override {
    ++password_work;
    return real_->verify_password(hash, password);
  }
  std::string random_token() override { return real_->random_token(); }
  std::string random_code() override { return real_->random_code(); }
  std::string digest(std::string_view secret) override { return real_->digest(secret); }
  int password_work = 0;

 private:
  std::unique_ptr<SodiumSecrets> real_;
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("bb_api_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    db_path_ = (folder_ / "api.db").string();
    pool_ = std::make_unique<StorePool>(
        [path = db_path_]() -> Result<Stores> {
          auto persons = store::SqliteStore::open(path);
          if (!persons.ok()) return persons.error();
          auto accounts = store::SqliteAccountStore::open(path);
          if (!accounts.ok()) return accounts.error();
          auto recordings = store::SqliteRecordingStore::open(path);
          if (!recordings.ok()) return recordings.error();
          return Stores{std::move(*persons), std::move(*accounts), std::move(*recordings)};
        },
        4);
    secrets_ = std::make_unique<CountingSecrets>(
        std::move(SodiumSecrets::create(PasswordCost::kMinimal).value()));
    catalog_ = app::load_embedded_catalog().value();
    api_ = std::make_unique<Api>(parts());
  }
  // The parts of the fixture's Api, for a test that builds one with an option changed.
  ApiParts parts() {
    ApiParts parts;
    parts.stores = pool_.get();
    parts.secrets = secrets_.get();
    parts.clock = &clock_;
    parts.catalog = &catalog_;
    // The unit tests make clinicians freely; tests/http_server_test.sh covers the invite.
    parts.account_policy.clinician_signup = app::AccountPolicy::ClinicianSignup::kOpen;
    parts.openapi_document = "openapi: 3.0.3\n";
    return parts;
  }
  void TearDown() override {
    api_.reset();
    pool_.reset();
    std::filesystem::remove_all(folder_);
  }

  Request make_request(const std::string& method, const std::string& target,
                       const std::string& body, const std::string& token,
                       const std::string& content_type) {
    Request request;
    request.method = method;
    request.target = target;
    EXPECT_TRUE(split_target(target, request.path, request.query)) << target;
    // JSON calls without a body send no type; uploads always name theirs, even when empty.
    if (!body.empty() || content_type != "application/json") request.content_type = content_type;
    request.body = body;
    if (!token.empty()) request.authorization = "Bearer " + token;
    request.remote_address = "192.0.2.1";
    return request;
  }
  Response call(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& token = "",
                const std::string& content_type = "application/json") {
    return api_->handle(make_request(method, target, body, token, content_type));
  }
  Response upload(const std::string& target, const std::string& csv, const std::string& token) {
    return call("POST", target, csv, token, "text/csv");
  }

  // Registers and returns the bearer token.
  std::string sign_up(const std::string& email, const std::string& role = "person") {
    const Response r =
        call("POST", "/api/v1/auth/register",
             json{{"email", email}, {"password", "correct horse"}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body).value("token", "");
  }
  app::PersonId id_of(const std::string& token) {
    return json::parse(call("GET", "/api/v1/account", "", token).body)["id"];
  }

  // A person with a profile, a screen, a check-in today, a session and a PEG-3 entry.
  void record_a_day(const std::string& token) {
    ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, token).status, 200u);
    ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, token).status, 200u);
    ASSERT_EQ(call("POST", "/api/v1/checkins", R"({"pain": 2, "feel": "good"})", token).status,
              201u);
    ASSERT_EQ(call("POST", "/api/v1/sessions",
                   R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2,
                       "pain_after": 2})",
                   token)
                  .status,
              201u);
    ASSERT_EQ(
        call("POST", "/api/v1/measures/peg",
             R"({"average_pain": 4, "enjoyment_interference": 3, "activity_interference": 5})",
             token)
            .status,
        201u);
    const Response recording =
        upload("/api/v1/recordings?placement=pocket&name=private-jumps.csv", jumps_csv(24), token);
    ASSERT_EQ(recording.status, 201u) << recording.body;
    last_recording_ = json::parse(recording.body)["id"];
  }

  // Simulated jumps in a trouser pocket as a sensor app's CSV (seconds, g).
  static std::string jumps_csv(int jumps) {
    motion::SimulatedSession session;
    session.jumps = jumps;
    std::string csv = "t_s,ax_g,ay_g,az_g\n";
    char line[128];
    for (const motion::Sample& s : motion::simulate(session).samples) {
      std::snprintf(line, sizeof line, "%.4f,%.4f,%.4f,%.4f\n", s.t, s.x, s.y, s.z);
      csv += line;
    }
    return csv;
  }

  std::int64_t last_recording_ = 0;

  int count_rows(const std::string& table) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT COUNT(*) FROM " + table;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    const int count = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
  }

  std::filesystem::path folder_;
  std::string db_path_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<CountingSecrets> secrets_;
  FixedClock clock_{1'773'100'000, *Date::parse(kToday)};
  coach::Catalog catalog_;
  std::unique_ptr<Api> api_;
};

std::string error_code(const Response& r) {
  return json::parse(r.body)["error"]["code"];
}

TEST_F(ApiTest, HealthAndReadiness) {
  EXPECT_EQ(call("GET", "/healthz").status, 200u);
  EXPECT_EQ(call("GET", "/readyz").status, 200u);
  EXPECT_EQ(call("GET", "/api/v1/openapi.yaml").content_type, "application/yaml");
}

TEST_F(ApiTest, RegisterLoginLogout) {
  const Response registered = call("POST", "/api/v1/auth/register",
                                   R"({"email": " Ada@Example.org", "password": "correct horse"})");
  ASSERT_EQ(registered.status, 201u) << registered.body;
  const json body = json::parse(registered.body);
  EXPECT_EQ(body["account"]["email"], "ada@example.org");
  EXPECT_EQ(body["account"]["role"], "person");
  EXPECT_EQ(body["token"].get<std::string>().size(), 64u);
  bool cookie_seen = false;
  for (const auto& [name, value] : registered.headers) {
    if (name != "Set-Cookie") continue;
    cookie_seen = true;
    EXPECT_NE(value.find("HttpOnly"), std::string::npos);
    EXPECT_NE(value.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(value.find("Secure"), std::string::npos);  // plain HTTP here
  }
  EXPECT_TRUE(cookie_seen);

  EXPECT_EQ(call("POST", "/api/v1/auth/register",
                 R"({"email": "ada@example.org", "password": "another password"})")
                .status,
            409u);
  const Response login = call("POST", "/api/v1/auth/login",
                              R"({"email": "ADA@example.org", "password": "correct horse"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  const std::string token = json::parse(login.body)["token"];
  EXPECT_EQ(call("GET", "/api/v1/account", "", token).status, 200u);
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", "", token).status, 204u);
  EXPECT_EQ(call("GET", "/api/v1/account", "", token).status, 401u);
  // The cookie works like the bearer token.
  Request by_cookie;
  by_cookie.method = "GET";
  by_cookie.path = "/api/v1/account";
  by_cookie.cookie = "bb_session=" + body["token"].get<std::string>();
  EXPECT_EQ(api_->handle(by_cookie).status, 200u);
}

TEST_F(ApiTest, AnUnknownEmailCostsAsMuchAsAWrongPassword) {
  sign_up("ada@example.org");
  const auto work_for = [&](const char* body) {
    const int before = secrets_->password_work;
    EXPECT_EQ(call("POST", "/api/v1/auth/login", body).status, 401u);
    return secrets_->password_work - before;
  };
  const int wrong_password =
      work_for(R"({"email": "ada@example.org", "password": "wrong horse"})");
  const int unknown_email =
      work_for(R"({"email": "nobody@example.org", "password": "wrong horse"})");
  EXPECT_EQ(wrong_password, 1);
  EXPECT_EQ(unknown_email, wrong_password);
}

TEST_F(ApiTest, SessionsExpire) {
  const std::string token = sign_up("ada@example.org");
  clock_.set(1'773'100'000 + 31 * 24 * 3600, *Date::parse("2026-04-10"));
  EXPECT_EQ(call("GET", "/api/v1/account", "", token).status, 401u);
}

TEST_F(ApiTest, FailedLoginsSlowDownThatEmailFromThatAddressOnly) {
  sign_up("ada@example.org");
  const std::string wrong = R"({"email": "ada@example.org", "password": "wrong password"})";
  const std::string right = R"({"email": "ada@example.org", "password": "correct horse"})";
  const auto from = [&](const std::string& address, const std::string& body) {
    Request request = make_request("POST", "/api/v1/auth/login", body, "", "application/json");
    request.remote_address = address;
    return api_->handle(request);
  };
  for (int i = 0; i < 5; ++i) EXPECT_EQ(from("192.0.2.9", wrong).status, 401u);
  const Response limited = from("192.0.2.9", right);
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(error_code(limited), "rate_limited");
  // The owner elsewhere is not slowed down by someone else's guesses.
  EXPECT_EQ(from("198.51.100.4", right).status, 200u);
  // From the guessing address, one more try each 30 s: a slow-down, not a lock.
  clock_.set(1'773'100'000 + 31, *Date::parse(kToday));
  EXPECT_EQ(from("192.0.2.9", wrong).status, 401u);
  EXPECT_EQ(from("192.0.2.9", right).status, 429u);
  clock_.set(1'773'100'000 + 61, *Date::parse(kToday));
  EXPECT_EQ(from("192.0.2.9", right).status, 200u);
  // An unknown email is answered the same way.
  const std::string unknown = R"({"email": "nobody@example.org", "password": "wrong password"})";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(from("192.0.2.9", unknown).status, 401u);
  EXPECT_EQ(from("192.0.2.9", unknown).status, 429u);
}

TEST_F(ApiTest, PasswordsCountCharactersAndMustNotBeOnlySpaces) {
  const auto try_password = [&](const std::string& email, const std::string& password) {
    return call("POST", "/api/v1/auth/register",
                json{{"email", email}, {"password", password}}.dump());
  };
  EXPECT_EQ(try_password("a@example.org", "          ").status, 422u);
  // Nine characters in 18 bytes: too short.
  EXPECT_EQ(try_password("b@example.org", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9").status, 422u);
  EXPECT_EQ(try_password("c@example.org", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9").status, 201u);
}

TEST_F(ApiTest, TheDailyFlow) {
  const std::string token = sign_up("ada@example.org");
  EXPECT_EQ(call("GET", "/api/v1/plans/today", "", token).status, 404u);
  record_a_day(token);
  const Response plan = call("GET", "/api/v1/plans/today", "", token);
  ASSERT_EQ(plan.status, 200u) << plan.body;
  EXPECT_EQ(json::parse(plan.body)["date"], kToday);
  EXPECT_EQ(call("GET", std::string("/api/v1/plans/") + kToday, "", token).body, plan.body);
  EXPECT_EQ(call("POST", "/api/v1/followups", R"({"session_date": "2026-03-10", "pain": 1})", token)
                .status,
            201u);
  const json history = json::parse(call("GET", "/api/v1/history", "", token).body);
  ASSERT_EQ(history["days"].size(), 1u);
  EXPECT_EQ(history["days"][0]["next_morning_pain"], 1);
  EXPECT_EQ(call("GET", "/api/v1/progress", "", token).status, 200u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/measures", "", token).body)["peg"].size(), 1u);
  EXPECT_EQ(
      call("POST", "/api/v1/measures/psfs",
           R"({"activities": [{"name": "sitting", "score": 4}, {"name": "lifting", "score": 5},
                                    {"name": "walking", "score": 6}]})",
           token)
          .status,
      201u);
  EXPECT_EQ(call("GET", "/api/v1/rope-advice", "", token).status, 200u);
  EXPECT_EQ(call("PUT", "/api/v1/clearance", R"({"cleared_on": "2026-03-01"})", token).status,
            200u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/screening", "", token).body)["cleared_on"],
            "2026-03-01");
  EXPECT_EQ(call("GET", "/api/v1/checkins/2026-03-10", "", token).status, 200u);
  const json exported = json::parse(call("GET", "/api/v1/export", "", token).body);
  EXPECT_EQ(exported["days"].size(), 1u);
  EXPECT_EQ(exported["profile"]["height_cm"], 172);
  const Response csv = call("GET", "/api/v1/export.csv", "", token);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("day,2026-03-10,2,good"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("psfs,2026-03-10"), std::string::npos);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/catalog").body)["items"].size(),
            catalog_.items.size());
  EXPECT_EQ(call("GET", "/api/v1/catalog/" + catalog_.items.front().id).status, 200u);
  EXPECT_EQ(call("GET", "/api/v1/catalog/no_such_item").status, 404u);
}

// GET /api/v1/today walks the person through the day with one request per screen.
TEST_F(ApiTest, TodaySaysWhatThePersonNeedsNow) {
  const std::string token = sign_up("ada@example.org");
  const auto today = [&](const std::string& query) {
    const Response r = call("GET", "/api/v1/today" + query, "", token);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body, nullptr, false);
  };
  EXPECT_EQ(today("")["state"], "needs_profile");
  ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, token).status, 200u);
  EXPECT_EQ(today("")["state"], "needs_screen");
  ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, token).status, 200u);
  json state = today("");
  EXPECT_EQ(state["state"], "needs_checkin");
  EXPECT_EQ(state["ask_urgent_questions"], false);
  EXPECT_EQ(state["screen"]["outcome"], "clear");
  ASSERT_EQ(call("POST", "/api/v1/checkins", R"({"pain": 2, "feel": "good"})", token).status, 201u);
  state = today("");
  EXPECT_EQ(state["state"], "plan_ready");
  EXPECT_EQ(state["plan"], json::parse(call("GET", "/api/v1/plans/today", "", token).body));
  ASSERT_EQ(call("POST", "/api/v1/sessions",
                 R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2, "pain_after": 2})",
                 token)
                .status,
            201u);
  EXPECT_EQ(today("")["state"], "session_logged");
  const std::string tomorrow = clock_.today().plus_days(1).to_string();
  state = today("?date=" + tomorrow);
  EXPECT_EQ(state["state"], "needs_followup");
  EXPECT_EQ(state["followup_session_date"], clock_.today().to_string());
  // A bad date is refused with the field named, like every route's ?date=.
  const Response bad = call("GET", "/api/v1/today?date=2026-02-30", "", token);
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(call("GET", "/api/v1/today", "").status, 401u);
}

// A recording of the session reaches the next plan: the count is cited, and a recording added
// later makes a kept plan stale.
TEST_F(ApiTest, ARecordingOfTheSessionShapesTheNextPlan) {
  const std::string token = sign_up("ada@example.org");
  record_a_day(token);  // a 3-minute session and a recording of 24 jumps, on kToday
  // What was measured comes from the recordings; a logged session cannot claim it.
  const Response faked = call("POST", "/api/v1/sessions",
                              R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2,
                                  "pain_after": 2, "measured": {"active_seconds": 180,
                                  "jumps": 300, "placement": "pocket"}})",
                              token);
  EXPECT_EQ(faked.status, 422u) << faked.body;
  EXPECT_EQ(json::parse(faked.body)["error"]["field"], "session.measured");
  const Date today = *Date::parse(kToday);
  const std::string next = "?date=" + today.plus_days(1).to_string();
  ASSERT_EQ(call("POST", "/api/v1/followups",
                 R"({"session_date": ")" + today.to_string() + R"(", "pain": 2})", token)
                .status,
            201u);
  ASSERT_EQ(call("POST", "/api/v1/checkins" + next, R"({"pain": 2, "feel": "good"})", token).status,
            201u);
  const json plan = json::parse(call("GET", "/api/v1/today" + next, "", token).body)["plan"];
  bool measured = false;
  for (const auto& r : plan["rules"]) measured = measured || r["rule"] == "measured.short_of_logged";
  EXPECT_TRUE(measured) << plan["rules"].dump(1);
  const std::string first = call("GET", "/api/v1/plans/" + today.plus_days(1).to_string(), "", token).body;
  EXPECT_NE(first.find("24 jumps"), std::string::npos) << first;
  ASSERT_EQ(upload("/api/v1/recordings?placement=pocket&date=" + today.to_string(), jumps_csv(30), token)
                .status,
            201u);
  const std::string again = call("GET", "/api/v1/plans/" + today.plus_days(1).to_string(), "", token).body;
  EXPECT_NE(again.find("54 jumps"), std::string::npos) << again;
}

// Behind a TLS-terminating proxy the request says http:// and the Host the proxy sent, so the
// feed's address and its links come from --public-url when it is set, and from the request's
// own origin when not.
TEST_F(ApiTest, TheCalendarFeedUsesThePublicUrlWhenSet) {
  const std::string token = sign_up("ada@example.org");
  ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, token).status, 200u);
  ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, token).status, 200u);
  const std::string settings = R"({"time": "07:30", "minutes": 20, "time_zone": "UTC"})";
  // Opens a feed through `api` over plain HTTP to Host 127.0.0.1:8080; answers the feed's
  // address and the feed itself.
  const auto open_feed = [&](const Api& api) -> std::pair<std::string, std::string> {
    Request post = make_request("POST", "/api/v1/calendar", settings, token, "application/json");
    post.host = "127.0.0.1:8080";
    const Response made = api.handle(post);
    EXPECT_EQ(made.status, 201u) << made.body;
    const std::string url = json::parse(made.body).value("url", "");
    const std::size_t path = url.find("/api/v1/calendar/feeds/");
    EXPECT_NE(path, std::string::npos) << url;
    if (path == std::string::npos) return {url, ""};
    Request get = make_request("GET", url.substr(path), "", "", "application/json");
    get.host = "127.0.0.1:8080";
    const Response feed = api.handle(get);
    EXPECT_EQ(feed.status, 200u) << feed.body;
    return {url, feed.body};
  };

  const auto [origin_url, origin_feed] = open_feed(*api_);
  EXPECT_EQ(origin_url.rfind("http://127.0.0.1:8080/api/v1/calendar/feeds/", 0), 0u) << origin_url;
  EXPECT_NE(origin_feed.find("URL:http://127.0.0.1:8080/#/today\r\n"), std::string::npos)
      << origin_feed;

  ApiParts behind_proxy = parts();
  behind_proxy.public_url = public_url_from("HTTPS://bounceback.example.org/").value();
  const Api public_api(std::move(behind_proxy));
  const auto [public_address, public_feed] = open_feed(public_api);
  EXPECT_EQ(public_address.rfind("https://bounceback.example.org/api/v1/calendar/feeds/", 0), 0u)
      << public_address;
  EXPECT_NE(public_feed.find("URL:https://bounceback.example.org/#/today\r\n"), std::string::npos)
      << public_feed;
  EXPECT_EQ(public_feed.find("127.0.0.1"), std::string::npos) << "no trace of the request's Host";
}

TEST(PublicUrl, TakesAbsoluteHttpUrlsAndTrimsTrailingSlashes) {
  EXPECT_EQ(public_url_from("https://bounceback.example.org").value(),
            "https://bounceback.example.org");
  EXPECT_EQ(public_url_from("http://Bounce.example:8443/").value(), "http://Bounce.example:8443");
  EXPECT_EQ(public_url_from("https://example.org/apps/bounceback//").value(),
            "https://example.org/apps/bounceback");
  EXPECT_EQ(public_url_from("https://[2001:db8::1]:8443").value(), "https://[2001:db8::1]:8443");
  for (const std::string bad :
       {"", "bounceback.example.org", "ftp://example.org", "https://", "https:///path",
        "https://example.org/?a=1", "https://example.org/#/today", "https://ada@example.org",
        "https://exa mple.org", "https://example.org/a b", "https://:8443", "//example.org",
        "https://example.org\r\nX: y"}) {
    SCOPED_TRACE(bad);
    const Result<std::string> checked = public_url_from(bad);
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().field, "public-url");
  }
}

// A write carried by the session cookie must come from this site's pages; a bearer token (an
// app, curl) is not something a page of another site can send.
TEST_F(ApiTest, CookieWritesFromAnotherSiteAreRefused) {
  const std::string token = sign_up("ada@example.org");
  ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, token).status, 200u);
  ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, token).status, 200u);
  const auto by_cookie = [&](const std::string& method, const std::string& target,
                             const std::string& origin, const std::string& fetch_site,
                             const std::string& body = "") {
    Request r = make_request(method, target, body, "", "application/json");
    r.cookie = "bb_session=" + token;
    r.host = "127.0.0.1:8080";
    r.origin = origin;
    r.sec_fetch_site = fetch_site;
    return api_->handle(r);
  };
  const std::string checkin = R"({"pain": 2, "feel": "good"})";
  for (const auto& [origin, site] : std::vector<std::pair<std::string, std::string>>{
           {"https://evil.example", ""}, {"null", ""}, {"", "cross-site"}, {"", "same-site"},
           {"http://127.0.0.1:8080.evil.example", ""}}) {
    SCOPED_TRACE(origin + " / " + site);
    const Response r = by_cookie("POST", "/api/v1/checkins", origin, site, checkin);
    EXPECT_EQ(r.status, 403u) << r.body;
    EXPECT_EQ(by_cookie("POST", "/api/v1/shares/invites", origin, site).status, 403u);
  }
  EXPECT_EQ(call("GET", "/api/v1/checkins/" + std::string(kToday), "", token).status, 404u)
      << "nothing was written";
  // From this site's own page, or with no browser headers at all, the cookie works.
  EXPECT_EQ(by_cookie("POST", "/api/v1/checkins", "http://127.0.0.1:8080", "same-origin", checkin).status, 201u);
  EXPECT_EQ(by_cookie("POST", "/api/v1/checkins", "", "", checkin).status, 201u);
  // Reads are not writes; a bearer token from anywhere is not a browser's ambient credential.
  EXPECT_EQ(by_cookie("GET", "/api/v1/profile", "https://evil.example", "cross-site").status, 200u);
  Request bearer = make_request("POST", "/api/v1/checkins", checkin, token, "application/json");
  bearer.origin = "https://evil.example";
  EXPECT_EQ(api_->handle(bearer).status, 201u);
}

// Behind a proxy (--public-url) the Host names where the proxy sent the request: a cookie write
// must name the public origin, and one naming the Host is refused (it was not the page's).
TEST_F(ApiTest, BehindAProxyCookieWritesMustNameThePublicOrigin) {
  const std::string token = sign_up("ada@example.org");
  ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, token).status, 200u);
  ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, token).status, 200u);
  ApiParts behind_proxy = parts();
  behind_proxy.public_url = public_url_from("https://Bounce.Example.org:443/app/").value();
  const Api public_api(std::move(behind_proxy));
  const auto by_cookie = [&](const std::string& origin, const std::string& date) {
    Request r = make_request("POST", "/api/v1/checkins?date=" + date,
                             R"({"pain": 2, "feel": "good"})", "", "application/json");
    r.cookie = "bb_session=" + token;
    r.host = "127.0.0.1:8080";
    r.origin = origin;
    r.sec_fetch_site = origin.empty() ? "" : "same-origin";
    return public_api.handle(r);
  };
  for (const std::string refused :
       {"http://127.0.0.1:8080", "https://127.0.0.1:8080", "http://bounce.example.org",
        "https://bounce.example.org:8443", "https://bounce.example.org/app", "null"}) {
    SCOPED_TRACE(refused);
    const Response r = by_cookie(refused, std::string(kToday));
    EXPECT_EQ(r.status, 403u) << r.body;
  }
  EXPECT_EQ(call("GET", "/api/v1/checkins/" + std::string(kToday), "", token).status, 404u)
      << "nothing was written";
  EXPECT_EQ(by_cookie("https://bounce.example.org", std::string(kToday)).status, 201u);
  EXPECT_EQ(by_cookie("", "2026-03-09").status, 201u) << "no browser headers: not a page's write";
}

TEST(PublicUrl, WebOriginIsWhatABrowserSendsAsOrigin) {
  EXPECT_EQ(web_origin_of(""), "");
  EXPECT_EQ(web_origin_of("https://bounceback.example.org"), "https://bounceback.example.org");
  EXPECT_EQ(web_origin_of("https://Bounce.Example.org/apps/bounceback"),
            "https://bounce.example.org");
  EXPECT_EQ(web_origin_of("https://example.org:443"), "https://example.org");
  EXPECT_EQ(web_origin_of("http://example.org:80/x"), "http://example.org");
  EXPECT_EQ(web_origin_of("http://example.org:443"), "http://example.org:443");
  EXPECT_EQ(web_origin_of("https://example.org:08443"), "https://example.org:8443");
  EXPECT_EQ(web_origin_of("https://[2001:DB8::1]:8443"), "https://[2001:db8::1]:8443");
  EXPECT_EQ(web_origin_of("https://[2001:db8::443]"), "https://[2001:db8::443]");
}

// The safety questions come from the engine's own table, the same words the terminal asks.
TEST_F(ApiTest, SafetyQuestionsAreTheEnginesInScreenOrder) {
  const Response r = call("GET", "/api/v1/safety-questions");
  ASSERT_EQ(r.status, 200u);
  const json questions = json::parse(r.body);
  ASSERT_EQ(questions.size(), coach::red_flags().size());
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const coach::RedFlagInfo& flag = coach::red_flags()[i];
    EXPECT_EQ(questions[i]["id"], flag.id);
    EXPECT_EQ(questions[i]["question"], flag.question);
    EXPECT_EQ(questions[i]["urgent"], flag.severity == coach::FlagSeverity::kUrgent);
    EXPECT_EQ(questions[i]["advice"], coach::safety_advice(flag.severity));
    EXPECT_FALSE(questions[i]["summary"].get<std::string>().empty());
  }
  EXPECT_EQ(questions[0]["urgent"], true);
  EXPECT_EQ(questions[3]["urgent"], false);
}

TEST_F(ApiTest, BadInputGetsTheRightStatusAndWritesNothing) {
  const std::string token = sign_up("ada@example.org");
  record_a_day(token);
  const std::string before = call("GET", "/api/v1/export", "", token).body;

  Request wrong_type;
  wrong_type.method = "POST";
  wrong_type.path = "/api/v1/checkins";
  wrong_type.content_type = "text/plain";
  wrong_type.body = R"({"pain": 3, "feel": "okay"})";
  wrong_type.authorization = "Bearer " + token;
  EXPECT_EQ(api_->handle(wrong_type).status, 415u);

  EXPECT_EQ(call("POST", "/api/v1/checkins", R"({"pain": 3, "feel": )", token).status, 400u);
  const Response out_of_range =
      call("POST", "/api/v1/checkins", R"({"pain": 11, "feel": "okay"})", token);
  EXPECT_EQ(out_of_range.status, 422u);
  EXPECT_EQ(json::parse(out_of_range.body)["error"]["field"], "checkin.pain");
  EXPECT_EQ(
      call("POST", "/api/v1/checkins", R"({"pain": 3, "feel": "okay", "extra": 1})", token).status,
      422u);
  EXPECT_EQ(
      call("POST", "/api/v1/checkins?date=2026-13-01", R"({"pain": 3, "feel": "okay"})", token)
          .status,
      422u);
  EXPECT_EQ(call("POST", "/api/v1/sessions?date=2026-03-01",
                 R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2, "pain_after": 2})",
                 token)
                .status,
            409u);
  EXPECT_EQ(call("POST", "/api/v1/followups", R"({"session_date": "2026-03-02", "pain": 1})", token)
                .status,
            409u);
  EXPECT_EQ(call("PUT", "/api/v1/profile", R"({"birth_year": 1800})", token).status, 422u);
  EXPECT_EQ(call("POST", "/api/v1/measures/psfs", R"({"activities": []})", token).status, 422u);
  EXPECT_EQ(call("POST", "/api/v1/screening", R"({"saddle_numbness": true})", token).status, 422u);
  EXPECT_EQ(call("GET", "/api/v1/plans/yesterday", "", token).status, 422u);
  EXPECT_EQ(call("DELETE", "/api/v1/profile", "", token).status, 405u);
  EXPECT_EQ(call("GET", "/api/v1/nothing", "", token).status, 404u);
  EXPECT_EQ(call("DELETE", "/api/v1/account", R"({"password": "wrong password"})", token).status,
            403u);
  EXPECT_EQ(call("GET", "/api/v1/export", "", token).body, before);
}

// Fills a route pattern with ids and dates that exist for somebody.
// `recording` fills the {id} of recording routes, a catalog id the others.
std::string fill(std::string pattern, app::PersonId person, std::int64_t recording) {
  const bool recording_route = pattern.find("/recordings/") != std::string::npos;
  pattern = std::regex_replace(pattern, std::regex(R"(\{date\})"), kToday);
  pattern = std::regex_replace(pattern, std::regex(R"(\{person_id\})"), std::to_string(person));
  pattern = std::regex_replace(pattern, std::regex(R"(\{clinician_id\})"), std::to_string(person));
  pattern = std::regex_replace(pattern, std::regex(R"(\{id\})"),
                               recording_route ? std::to_string(recording) : "cat_cow");
  return pattern;
}

TEST_F(ApiTest, AuthorizationWalkNoDataCrosses) {
  const std::string ada = sign_up("ada@example.org");
  record_a_day(ada);
  const app::PersonId ada_id = id_of(ada);
  const std::string bob = sign_up("bob@example.org");
  const std::string carol = sign_up("carol@example.org", "clinician");
  const std::set<std::string> open_routes = {
      "/healthz",           "/readyz",         "/api/v1/openapi.yaml", "/api/v1/auth/register",
      "/api/v1/auth/login", "/api/v1/catalog", "/api/v1/catalog/{id}",
      "/api/v1/safety-questions", "/api/v1/calendar/feeds/{feed}"};
  const std::string ada_export = call("GET", "/api/v1/export", "", ada).body;
  for (const RouteInfo& route : api_->routes()) {
    const std::string target = fill(route.pattern, ada_id, last_recording_);
    const std::string body = route.method == "GET" ? "" : "{}";
    SCOPED_TRACE(route.method + " " + target);
    if (open_routes.count(route.pattern) == 0) {
      // Nobody: always 401, whatever the route.
      const Response nobody = call(route.method, target, body);
      EXPECT_EQ(nobody.status, 401u);
      EXPECT_EQ(error_code(nobody), "unauthenticated");
      EXPECT_EQ(nobody.body.find("ada"), std::string::npos);
    }
    // These two would end the other callers' own sessions; they are tested on their own.
    if (route.pattern == "/api/v1/account" && route.method == "DELETE") continue;
    if (route.pattern == "/api/v1/auth/logout") continue;
    // Another person and a clinician without a share see nothing of Ada's.
    for (const std::string* other : {&bob, &carol}) {
      const Response r = call(route.method, target, body, *other);
      EXPECT_EQ(r.body.find("ada@"), std::string::npos) << r.body;
      if (route.pattern.find("/people/") != std::string::npos) {
        EXPECT_TRUE(r.status == 403u || r.status == 404u) << r.status;
      }
      if (route.method == "GET" && r.status == 200u && route.pattern != "/api/v1/catalog" &&
          route.pattern != "/api/v1/catalog/{id}" && route.pattern != "/api/v1/openapi.yaml") {
        EXPECT_EQ(r.body.find("\"pain\":2"), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("172"), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("private-jumps"), std::string::npos) << r.body;
      }
    }
  }
  // Nothing the walk sent changed Ada's records.
  EXPECT_EQ(call("GET", "/api/v1/export", "", ada).body, ada_export);
}

TEST_F(ApiTest, SharesGiveAClinicianReadOnlyAccessUntilRevoked) {
  const std::string ada = sign_up("ada@example.org");
  record_a_day(ada);
  const app::PersonId ada_id = id_of(ada);
  const std::string carol = sign_up("carol@example.org", "clinician");
  const app::PersonId carol_id = id_of(carol);
  const std::string plan_path = "/api/v1/people/" + std::to_string(ada_id) + "/plans/" + kToday;
  EXPECT_EQ(call("GET", plan_path, "", carol).status, 404u);

  EXPECT_EQ(call("POST", "/api/v1/shares/invites", "", carol).status, 403u);  // clinicians don't
  const Response invite = call("POST", "/api/v1/shares/invites", "", ada);
  ASSERT_EQ(invite.status, 201u);
  const std::string code = json::parse(invite.body)["code"];
  EXPECT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", code}}.dump(), ada).status, 403u);
  ASSERT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", code}}.dump(), carol).status, 201u);
  EXPECT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", code}}.dump(), carol).status, 404u);

  EXPECT_EQ(call("GET", plan_path, "", carol).status, 200u);
  const std::string screening_path = "/api/v1/people/" + std::to_string(ada_id) + "/screening";
  const json screen = json::parse(call("GET", screening_path, "", carol).body);
  EXPECT_EQ(screen["outcome"], "clear") << screen;
  for (const char* view : {"/history", "/progress", "/measures", "/screening"}) {
    EXPECT_EQ(call("GET", "/api/v1/people/" + std::to_string(ada_id) + view, "", carol).status,
              200u)
        << view;
  }
  const json shared = json::parse(call("GET", "/api/v1/shares", "", carol).body);
  ASSERT_EQ(shared["shares"].size(), 1u);
  EXPECT_EQ(shared["shares"][0]["person_email"], "ada@example.org");
  EXPECT_EQ(shared["shares"][0]["person_name"], "");
  // Ada names herself; the clinician sees the name. Bad names change nothing.
  const Response named =
      call("PUT", "/api/v1/account", R"({"display_name": "Ada Lovelace"})", ada);
  ASSERT_EQ(named.status, 200u) << named.body;
  EXPECT_EQ(json::parse(named.body)["display_name"], "Ada Lovelace");
  for (const char* bad : {R"({"display_name": "   "})", R"({"display_name": "tab\there"})",
                          R"({"display_name": 7})", R"({"name": "Ada"})",
                          R"({"display_name": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})"}) {
    const Response refused = call("PUT", "/api/v1/account", bad, ada);
    EXPECT_EQ(refused.status, 422u) << bad << " " << refused.body;
  }
  EXPECT_EQ(json::parse(call("GET", "/api/v1/account", "", ada).body)["display_name"],
            "Ada Lovelace");
  EXPECT_EQ(json::parse(call("GET", "/api/v1/shares", "", carol).body)["shares"][0]["person_name"],
            "Ada Lovelace");
  // Read-only: the clinician's own writes land nowhere near Ada.
  EXPECT_EQ(call("POST", "/api/v1/checkins", R"({"pain": 9, "feel": "sensitive"})", carol).status,
            403u);

  EXPECT_EQ(call("DELETE", "/api/v1/shares/" + std::to_string(carol_id), "", ada).status, 204u);
  EXPECT_EQ(call("GET", plan_path, "", carol).status, 404u);
  EXPECT_EQ(call("GET", screening_path, "", carol).status, 404u);
  EXPECT_EQ(call("DELETE", "/api/v1/shares/" + std::to_string(carol_id), "", ada).status, 404u);
}

TEST_F(ApiTest, AShareCodeIsAcceptedInLowerCaseAndInGroups) {
  const std::string ada = sign_up("ada@example.org");
  const std::string carol = sign_up("carol@example.org", "clinician");
  const std::string code =
      json::parse(call("POST", "/api/v1/shares/invites", "", ada).body)["code"];
  ASSERT_EQ(code.size(), 12u);
  std::string typed;  // "76nm 3e82-8nu7 " as read aloud or copied
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i == 4) typed += ' ';
    if (i == 8) typed += '-';
    typed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(code[i]))));
  }
  typed += ' ';
  // Only separators go: another character still makes another code.
  EXPECT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", typed + "x"}}.dump(), carol).status,
            404u);
  EXPECT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", " - "}}.dump(), carol).status,
            404u);
  ASSERT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", typed}}.dump(), carol).status, 201u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/shares", "", carol).body)["shares"].size(), 1u);
}

TEST_F(ApiTest, DeletingAnAccountRemovesEverything) {
  const std::string ada = sign_up("ada@example.org");
  record_a_day(ada);
  const std::string carol = sign_up("carol@example.org", "clinician");
  const std::string code =
      json::parse(call("POST", "/api/v1/shares/invites", "", ada).body)["code"];
  ASSERT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", code}}.dump(), carol).status, 201u);
  ASSERT_EQ(call("DELETE", "/api/v1/account", R"({"password": "correct horse"})", ada).status,
            204u);
  EXPECT_EQ(call("GET", "/api/v1/account", "", ada).status, 401u);
  EXPECT_EQ(call("POST", "/api/v1/auth/login",
                 R"({"email": "ada@example.org", "password": "correct horse"})")
                .status,
            401u);
  for (const char* table : {"checkins", "sessions", "profiles", "screenings", "peg_entries",
                            "shares", "share_invites", "recordings"}) {
    EXPECT_EQ(count_rows(table), 0) << table;
  }
  EXPECT_EQ(count_rows("accounts"), 1);  // Carol's
  EXPECT_EQ(count_rows("login_sessions"), 1);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/shares", "", carol).body)["shares"].size(), 0u);
}

TEST_F(ApiTest, ASessionKeepsItsEffortAndNotes) {
  const std::string ada = sign_up("ada@example.org");
  ASSERT_EQ(call("PUT", "/api/v1/profile", kProfile, ada).status, 200u);
  ASSERT_EQ(call("POST", "/api/v1/screening", kScreenAllNo, ada).status, 200u);
  ASSERT_EQ(call("POST", "/api/v1/checkins", R"({"pain": 2, "feel": "good"})", ada).status, 201u);
  const std::string plan_before = call("GET", "/api/v1/plans/today", "", ada).body;
  EXPECT_EQ(call("POST", "/api/v1/sessions",
                 R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2,
                     "pain_after": 2, "effort": 11})",
                 ada)
                .status,
            422u);
  EXPECT_EQ(call("POST", "/api/v1/sessions",
                 json{{"completed", true},
                      {"rope_minutes", 3},
                      {"pain_during_max", 2},
                      {"pain_after", 2},
                      {"notes", std::string(2001, 'x')}}
                     .dump(),
                 ada)
                .status,
            422u);
  EXPECT_EQ(count_rows("sessions"), 0);
  const Response logged = call("POST", "/api/v1/sessions",
                               R"({"completed": true, "rope_minutes": 3, "pain_during_max": 2,
                                   "pain_after": 2, "effort": 6, "notes": "calves tight"})",
                               ada);
  ASSERT_EQ(logged.status, 201u) << logged.body;
  const json history = json::parse(call("GET", "/api/v1/history", "", ada).body);
  const json& session = history["days"][0]["session"];
  EXPECT_EQ(session["effort"], 6);
  EXPECT_EQ(session["notes"], "calves tight");
  // The logged rope as work and rest: its work adds up to the 3 minutes logged, no jumps.
  const json& bouts = history["days"][0]["bouts"];
  ASSERT_TRUE(bouts.is_array() && !bouts.empty()) << bouts.dump();
  double work = 0;
  for (const json& b : bouts) {
    if (b["kind"] == "work") work += b["end_s"].get<double>() - b["start_s"].get<double>();
    EXPECT_TRUE(b["jumps"].is_null());
  }
  EXPECT_DOUBLE_EQ(work, 180);
  // Kept and shown, never a reason for a different plan.
  EXPECT_EQ(call("GET", "/api/v1/plans/today", "", ada).body, plan_before);
}

// Two sets of simulated jumps in a pocket with a long rest between them, in one CSV.
std::string two_sets_csv(int first, int second, double rest_s) {
  std::string csv = "t_s,ax_g,ay_g,az_g\n";
  double offset = 0;
  for (const int jumps : {first, second}) {
    motion::SimulatedSession session;
    session.jumps = jumps;
    session.standing_after_s = rest_s / 2;
    session.standing_before_s = rest_s / 2;
    session.seed = static_cast<std::uint64_t>(jumps);
    double last = offset;
    for (const motion::Sample& s : motion::simulate(session).samples) {
      csv += fmt::format("{:.4f},{:.4f},{:.4f},{:.4f}\n", offset + s.t, s.x, s.y, s.z);
      last = offset + s.t;
    }
    offset = last + 0.01;
  }
  return csv;
}

// The recording names its bouts (work and rest, as motion finds them), the same when read back.
TEST_F(ApiTest, ARecordingNamesItsWorkAndRestBouts) {
  const std::string ada = sign_up("ada@example.org");
  const Response created =
      upload("/api/v1/recordings?date=2026-03-09&placement=pocket", two_sets_csv(24, 18, 16), ada);
  ASSERT_EQ(created.status, 201u) << created.body;
  const json recording = json::parse(created.body);
  const json& analysis = recording["analysis"];
  ASSERT_EQ(analysis["rests"], 1) << analysis["bouts"].dump();
  const json& bouts = analysis["bouts"];
  ASSERT_EQ(bouts.size(), 3u) << bouts.dump();
  EXPECT_EQ(bouts[0]["kind"], "work");
  EXPECT_EQ(bouts[1]["kind"], "rest");
  EXPECT_EQ(bouts[2]["kind"], "work");
  EXPECT_EQ(bouts[0]["jumps"].get<int>() + bouts[2]["jumps"].get<int>(), analysis["jumps"]);
  EXPECT_EQ(bouts[1]["jumps"], 0);
  const json& events = analysis["events"];
  EXPECT_EQ(bouts[0]["start_s"], events.front()["t"]);
  EXPECT_EQ(bouts[2]["end_s"], events.back()["t"]);
  for (std::size_t i = 1; i < bouts.size(); ++i) {
    EXPECT_EQ(bouts[i]["start_s"], bouts[i - 1]["end_s"]) << "bouts meet end to start";
  }
  EXPECT_GT(bouts[1]["end_s"].get<double>() - bouts[1]["start_s"].get<double>(), 8.0);
  const std::string id = std::to_string(recording["id"].get<std::int64_t>());
  EXPECT_EQ(json::parse(call("GET", "/api/v1/recordings/" + id, "", ada).body)["analysis"]["bouts"],
            bouts);
}

TEST_F(ApiTest, ARecordingIsAnalysedKeptListedAndDeleted) {
  const std::string ada = sign_up("ada@example.org");
  const std::string csv = jumps_csv(30);
  const Response created =
      upload("/api/v1/recordings?date=2026-03-09&placement=pocket&name=set%201.csv", csv, ada);
  ASSERT_EQ(created.status, 201u) << created.body;
  const json recording = json::parse(created.body);
  EXPECT_EQ(recording["date"], "2026-03-09");
  EXPECT_EQ(recording["source"], "upload");
  EXPECT_EQ(recording["name"], "set 1.csv");
  EXPECT_EQ(recording["created_at"], 1'773'100'000);
  const json& analysis = recording["analysis"];
  EXPECT_EQ(analysis["jumps"], 30);
  EXPECT_EQ(analysis["events"].size(), 30u);
  EXPECT_EQ(analysis["placement"], "pocket");
  EXPECT_FALSE(analysis["placement_guessed"]);
  EXPECT_NEAR(analysis["cadence_per_min"].get<double>(), 120, 2);
  EXPECT_NEAR(analysis["jump_height_cm"].get<double>(), 3, 0.5);
  // The signal covers the recording, at most kSignalMaxBins bins.
  const json& signal = analysis["signal"];
  ASSERT_TRUE(signal.is_object());
  EXPECT_EQ(signal["low"].size(), signal["high"].size());
  EXPECT_LE(signal["low"].size(), 1500u);
  const double covered = signal["bin_s"].get<double>() * static_cast<double>(signal["low"].size());
  EXPECT_NEAR(covered, analysis["input"]["duration_s"].get<double>(), 0.2);
  const std::string id = std::to_string(recording["id"].get<std::int64_t>());

  const json list = json::parse(call("GET", "/api/v1/recordings", "", ada).body);
  ASSERT_EQ(list["recordings"].size(), 1u);
  EXPECT_EQ(list["recordings"][0]["jumps"], 30);
  EXPECT_EQ(list["recordings"][0]["name"], "set 1.csv");
  // The list carries what the engine reads too, as the analysis gives it.
  EXPECT_EQ(list["recordings"][0]["longest_run"], analysis["longest_run"]);
  EXPECT_EQ(list["recordings"][0]["trips"], analysis["trips"]);
  EXPECT_EQ(list["recordings"][0]["active_seconds"], analysis["active_seconds"]);
  EXPECT_GT(list["recordings"][0]["active_seconds"].get<double>(), 0);
  // The gate's decisions: everything counted, one continuous segment.
  EXPECT_EQ(analysis["gate"]["kept"], 30);
  EXPECT_EQ(analysis["gate"]["why"], nullptr);
  ASSERT_EQ(analysis["gate"]["segments"].size(), 1u);
  EXPECT_EQ(analysis["gate"]["segments"][0]["kept"], 30);
  EXPECT_GT(analysis["gate"]["segments"][0]["rate_hz"].get<double>(), 0);
  EXPECT_EQ(analysis["placement_certainty"], nullptr);  // the placement was given
  EXPECT_EQ(analysis["input"]["gravity"], "included");
  EXPECT_EQ(json::parse(call("GET", "/api/v1/recordings/" + id, "", ada).body), recording);
  const Response samples = call("GET", "/api/v1/recordings/" + id + "/csv", "", ada);
  EXPECT_EQ(samples.status, 200u);
  EXPECT_EQ(samples.content_type, "text/csv");
  EXPECT_EQ(samples.body, csv);
  const json exported = json::parse(call("GET", "/api/v1/export", "", ada).body);
  EXPECT_EQ(exported["recordings"], list["recordings"]);
  EXPECT_NE(call("GET", "/api/v1/export.csv", "", ada).body.find("\r\nrecording,2026-03-09,"),
            std::string::npos);

  // Someone else cannot see or delete it.
  const std::string bob = sign_up("bob@example.org");
  EXPECT_EQ(call("GET", "/api/v1/recordings/" + id, "", bob).status, 404u);
  EXPECT_EQ(call("DELETE", "/api/v1/recordings/" + id, "", bob).status, 404u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/recordings", "", bob).body)["recordings"].size(), 0u);

  EXPECT_EQ(call("DELETE", "/api/v1/recordings/" + id, "", ada).status, 204u);
  EXPECT_EQ(call("GET", "/api/v1/recordings/" + id, "", ada).status, 404u);
  EXPECT_EQ(call("DELETE", "/api/v1/recordings/" + id, "", ada).status, 404u);
  EXPECT_EQ(count_rows("recordings"), 0);
}

TEST_F(ApiTest, ABadUploadIsRefusedAndStoresNothing) {
  const std::string ada = sign_up("ada@example.org");
  const std::string csv = jumps_csv(12);
  struct Case {
    Response response;
    unsigned status;
    const char* field;
  };
  const std::vector<Case> cases = {
      {call("POST", "/api/v1/recordings", csv, ada), 415, ""},
      {upload("/api/v1/recordings", "t_s,ax_g,ay_g,az_g\n0,0,0,1\n0.01,0,0\n", ada), 422, "csv"},
      {upload("/api/v1/recordings", "t_s,ax_g,ay_g,az_g\n", ada), 422, "csv"},
      {upload("/api/v1/recordings", "", ada), 422, "csv"},
      {upload("/api/v1/recordings?placement=knee", csv, ada), 422, "placement"},
      {upload("/api/v1/recordings?units=furlongs", csv, ada), 422, "units"},
      {upload("/api/v1/recordings?date=2026-02-30", csv, ada), 422, "date"},
      {upload("/api/v1/recordings?name=a%0Ab", csv, ada), 422, "name"},
      {upload("/api/v1/recordings?name=" + std::string(201, 'x'), csv, ada), 422, "name"},
      {upload("/api/v1/recordings/7", csv, ada), 405, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.response.status, c.status) << c.response.body;
    if (c.status == 422) {
      EXPECT_EQ(json::parse(c.response.body)["error"]["field"], c.field) << c.response.body;
    }
  }
  EXPECT_NE(cases[1].response.body.find("line 3"), std::string::npos) << cases[1].response.body;
  EXPECT_EQ(upload("/api/v1/recordings?lenient=maybe", csv, ada).status, 422u);
  EXPECT_EQ(count_rows("recordings"), 0);
  // Lenient: the bad row is skipped and counted, the rest kept.
  const Response lenient = upload("/api/v1/recordings?lenient=true",
                                  "t_s,ax_g,ay_g,az_g\n0,0,0,1\n0.01,0,0\n0.02,0,0,1\n", ada);
  EXPECT_EQ(lenient.status, 201u) << lenient.body;
  EXPECT_EQ(json::parse(lenient.body)["analysis"]["input"]["skipped_rows"], 1);
  EXPECT_EQ(count_rows("recordings"), 1);
}

TEST_F(ApiTest, AClinicianCannotUpload) {
  const std::string csv = jumps_csv(12);
  // A clinician has no recordings of their own.
  const std::string carol = sign_up("carol@example.org", "clinician");
  EXPECT_EQ(upload("/api/v1/recordings", csv, carol).status, 403u);
  EXPECT_EQ(count_rows("recordings"), 0);
}

TEST_F(ApiTest, AClinicianSeesASharedPersonsRecordingsOnly) {
  const std::string ada = sign_up("ada@example.org");
  const Response created = upload("/api/v1/recordings?placement=pocket", jumps_csv(15), ada);
  ASSERT_EQ(created.status, 201u);
  const std::string rec = std::to_string(json::parse(created.body)["id"].get<std::int64_t>());
  const std::string carol = sign_up("carol@example.org", "clinician");
  const std::string people = "/api/v1/people/" + std::to_string(id_of(ada));
  EXPECT_EQ(call("GET", people + "/recordings", "", carol).status, 404u);
  EXPECT_EQ(call("GET", people + "/recordings/" + rec, "", carol).status, 404u);
  const std::string code =
      json::parse(call("POST", "/api/v1/shares/invites", "", ada).body)["code"];
  ASSERT_EQ(call("POST", "/api/v1/shares/accept", json{{"code", code}}.dump(), carol).status, 201u);
  const Response list = call("GET", people + "/recordings", "", carol);
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(json::parse(list.body)["recordings"].size(), 1u);
  const Response one = call("GET", people + "/recordings/" + rec, "", carol);
  ASSERT_EQ(one.status, 200u);
  EXPECT_EQ(json::parse(one.body)["analysis"]["jumps"], 15);
}

// The live stream without a socket: the session the server's WebSocket drives.
TEST_F(ApiTest, ALiveStreamCountsLikeTheSameFileUploaded) {
  const std::string ada = sign_up("ada@example.org");
  const std::string csv = jumps_csv(40);
  const Response uploaded = upload("/api/v1/recordings?placement=pocket", csv, ada);
  ASSERT_EQ(uploaded.status, 201u);
  const int uploaded_jumps = json::parse(uploaded.body)["analysis"]["jumps"];

  auto opened = api_->open_live(
      make_request("GET", "/api/v1/live?placement=pocket&units=g&date=2026-03-08", "", ada, ""));
  auto* live = std::get_if<std::unique_ptr<LiveSession>>(&opened);
  ASSERT_NE(live, nullptr);
  LiveSession& session = **live;
  EXPECT_EQ(json::parse(session.ready_message())["placement"], "pocket");
  motion::SimulatedSession simulated;
  simulated.jumps = 40;
  const std::vector<motion::Sample> samples = motion::simulate(simulated).samples;
  int last_count = 0;
  int new_jumps = 0;
  for (std::size_t start = 0; start < samples.size(); start += 37) {
    json rows = json::array();
    for (std::size_t i = start; i < std::min(samples.size(), start + 37); ++i) {
      rows.push_back({samples[i].t, samples[i].x, samples[i].y, samples[i].z});
    }
    const LiveSession::Reply reply =
        session.on_message(json{{"type", "samples"}, {"samples", rows}}.dump());
    ASSERT_EQ(reply.then, LiveSession::Then::kContinue);
    const json count = json::parse(reply.text);
    ASSERT_EQ(count["type"], "count") << reply.text;
    EXPECT_GE(count["jumps"].get<int>(), last_count);
    EXPECT_EQ(count["gate"]["kept"], count["jumps"]) << reply.text;
    last_count = count["jumps"];
    new_jumps += static_cast<int>(count["new_jumps"].size());
  }
  EXPECT_EQ(new_jumps, last_count);
  // A bad batch is refused whole and changes nothing.
  const double next = samples.back().t + 0.01;
  const json refused = json::parse(
      session
          .on_message(json{{"type", "samples"},
                           {"samples", json::array({json::array({next, 0, 0, 1}),
                                                    json::array({next - 0.005, 0, 0, 1})})}}
                          .dump())
          .text);
  EXPECT_EQ(refused["type"], "error");
  EXPECT_EQ(refused["error"]["field"], "samples[1]");
  EXPECT_EQ(count_rows("recordings"), 1);  // nothing saved before the end

  const LiveSession::Reply saved = session.on_message(R"({"type":"end"})");
  EXPECT_EQ(saved.then, LiveSession::Then::kClose);
  const json recording = json::parse(saved.text)["recording"];
  EXPECT_EQ(recording["source"], "live");
  EXPECT_EQ(recording["date"], "2026-03-08");
  EXPECT_EQ(recording["analysis"]["jumps"], uploaded_jumps);
  EXPECT_EQ(recording["analysis"]["input"]["rows"], samples.size());
  EXPECT_EQ(count_rows("recordings"), 2);
  EXPECT_TRUE(session.on_disconnect().ok());  // saved once only
  EXPECT_EQ(count_rows("recordings"), 2);
}

TEST_F(ApiTest, ALiveStreamCutOffIsKeptAndAnEmptyOneIsNot) {
  const std::string ada = sign_up("ada@example.org");
  {
    auto opened = api_->open_live(make_request("GET", "/api/v1/live?placement=ankle", "", ada, ""));
    auto& session = *std::get<std::unique_ptr<LiveSession>>(opened);
    ASSERT_EQ(json::parse(
                  session.on_message(R"({"type":"samples","samples":[[0,0,0,9.8],[0.01,0,0,9.8]]})")
                      .text)["type"],
              "count");
    EXPECT_TRUE(session.on_disconnect().ok());
  }
  EXPECT_EQ(count_rows("recordings"), 1);
  {
    auto opened = api_->open_live(make_request("GET", "/api/v1/live?placement=ankle", "", ada, ""));
    auto& session = *std::get<std::unique_ptr<LiveSession>>(opened);
    EXPECT_EQ(json::parse(session.on_message(R"({"type":"end"})").text)["recording"], nullptr);
    EXPECT_TRUE(session.on_disconnect().ok());
  }
  EXPECT_EQ(count_rows("recordings"), 1);
}

TEST_F(ApiTest, ALiveStreamIsRefusedLikeAnyRequest) {
  const std::string ada = sign_up("ada@example.org");
  const std::string carol = sign_up("carol@example.org", "clinician");
  const auto status = [&](const std::string& target, const std::string& token) {
    auto opened = api_->open_live(make_request("GET", target, "", token, ""));
    const Response* refused = std::get_if<Response>(&opened);
    return refused == nullptr ? 101u : refused->status;
  };
  EXPECT_EQ(status("/api/v1/live?placement=pocket", ""), 401u);
  EXPECT_EQ(status("/api/v1/live?placement=pocket", "not-a-token"), 401u);
  EXPECT_EQ(status("/api/v1/live?placement=pocket", carol), 403u);
  EXPECT_EQ(status("/api/v1/live", ada), 422u);
  EXPECT_EQ(status("/api/v1/live?placement=auto", ada), 422u);
  EXPECT_EQ(status("/api/v1/live?placement=pocket&units=auto", ada), 422u);
  EXPECT_EQ(status("/api/v1/live?placement=pocket&date=yesterday", ada), 422u);
  EXPECT_EQ(status("/api/v1/livex?placement=pocket", ada), 404u);
  EXPECT_EQ(status("/api/v1/live?placement=wrist&units=ms2", ada), 101u);
  // From a browser, only pages of this site may open a stream.
  Request from_page = make_request("GET", "/api/v1/live?placement=pocket", "", ada, "");
  from_page.host = "127.0.0.1:8080";
  from_page.origin = "http://127.0.0.1:8080";
  EXPECT_TRUE(std::holds_alternative<std::unique_ptr<LiveSession>>(api_->open_live(from_page)));
  from_page.origin = "https://evil.example";
  const auto cross_site = api_->open_live(from_page);
  ASSERT_TRUE(std::holds_alternative<Response>(cross_site));
  EXPECT_EQ(std::get<Response>(cross_site).status, 403u);
  // Without the upgrade the route checks the same things, then says what it is, so a browser
  // (which cannot read a refused upgrade) can learn why.
  EXPECT_EQ(call("GET", "/api/v1/live?placement=pocket", "", ada).status, 426u);
  EXPECT_EQ(call("GET", "/api/v1/live?placement=auto", "", ada).status, 422u);
  // The round's planned cadence, for the pace cue: a whole number of turns a minute, 40-200.
  EXPECT_EQ(call("GET", "/api/v1/live?placement=pocket&cadence=110", "", ada).status, 426u);
  for (const char* bad : {"500", "abc", "11.5", ""}) {
    const Response r = call("GET", std::string("/api/v1/live?placement=pocket&cadence=") + bad, "", ada);
    EXPECT_EQ(r.status, 422u) << bad;
    EXPECT_EQ(json::parse(r.body)["error"]["field"], "cadence") << bad;
  }
  EXPECT_EQ(call("GET", "/api/v1/live?placement=pocket", "", carol).status, 403u);
  EXPECT_EQ(call("GET", "/api/v1/live?placement=pocket").status, 401u);
}

// Every route the server answers is in docs/openapi.yaml, and every documented route exists.
TEST(OpenApiDocument, MatchesTheRouter) {
  std::ifstream in(std::string(BB_SOURCE_DIR) + "/docs/openapi.yaml");
  ASSERT_TRUE(in) << "docs/openapi.yaml";
  std::set<std::string> documented;
  std::string line;
  std::string path;
  bool in_paths = false;
  const std::regex path_line(R"(^  (/\S*):\s*$)");
  const std::regex method_line(R"(^    (get|put|post|delete|patch):\s*$)");
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ') in_paths = false;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (std::regex_match(line, m, method_line)) {
      std::string method = m[1];
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(method + " " + path);
    }
  }
  const Api api(ApiParts{});
  std::set<std::string> routed;
  for (const RouteInfo& route : api.routes()) routed.insert(route.method + " " + route.pattern);
  for (const auto& r : routed) EXPECT_TRUE(documented.count(r)) << "not documented: " << r;
  for (const auto& d : documented) EXPECT_TRUE(routed.count(d)) << "not served: " << d;
  EXPECT_GT(routed.size(), 30u);
}

}  // namespace
}  // namespace bb::http
