// The plan a person asks for right after checking in has to be computed: the timeline read back
// from a real SQLite file, the recordings of every session day read and merged (what the phone
// measured shapes the dose), then the engine's fold. Measured for a year of daily history with
// no recordings (the baseline), and with one recording on every session day, so the cost of the
// recordings reads is the ratio between the two in the same run.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <string>
#include <unistd.h>

#include "app/catalog_loader.h"
#include "app/daily_service.h"
#include "app/recording_service.h"
#include "motion/simulator.h"
#include "store/store_factory.h"

namespace {

using namespace bb;
namespace fs = std::filesystem;

constexpr int kDays = 365;

// A five-minute session of basic bounce as a phone in a pocket records it, as CSV in m/s^2.
std::string session_csv(std::uint64_t seed) {
  motion::SimulatedSession session;
  session.jumps = 550;
  session.cadence_per_min = 110;
  session.seed = seed;
  std::string csv = "time,x,y,z\n";
  for (const motion::Sample& s : motion::simulate(session).samples)
    csv += fmt::format("{:.3f},{:.4f},{:.4f},{:.4f}\n", s.t, s.x * 9.80665, s.y * 9.80665, s.z * 9.80665);
  return csv;
}

struct Person {
  fs::path folder;
  std::unique_ptr<app::PersonStore> store;
  std::unique_ptr<app::RecordingStore> recordings;
  Date today;

  explicit Person(bool with_recordings) {
    folder = fs::temp_directory_path() / fmt::format("bench-plan-store-{}-{}", getpid(), with_recordings);
    fs::remove_all(folder);
    fs::create_directories(folder);
    const std::string url = "sqlite:" + (folder / "bench.db").string();
    store = store::open_person_store(url).value();
    recordings = store::open_recording_store(url).value();
    const coach::Catalog& catalog = catalog_once();
    app::DailyService service(*store, catalog);
    app::RecordingService uploads(*recordings);
    const Date start = *Date::parse("2025-01-01");
    coach::Profile profile;
    profile.birth_year = 1980;
    profile.height_cm = 172;
    profile.rope_experience = coach::RopeExperience::kSome;
    profile.rope = coach::RopeOwned::kBeaded;
    check(service.save_profile(app::kLocalPerson, start, profile));
    coach::Screening clear;
    check(service.take_screen(app::kLocalPerson, start, clear));
    const std::string csv = session_csv(7);
    for (int i = 0; i < kDays; ++i) {
      const Date day = start.plus_days(i);
      coach::CheckIn checkin;
      checkin.pain = 2 + i % 3;
      checkin.feel = i % 7 == 6 ? coach::Feel::kSensitive : coach::Feel::kGood;
      check(service.check_in(app::kLocalPerson, day, checkin));
      if (i % 7 == 6) continue;
      coach::SessionLog log;
      log.rope_minutes = 5;
      log.pain_during_max = 2;
      log.pain_after = 2;
      check(service.log_session(app::kLocalPerson, day, log));
      check(service.record_next_morning_pain(app::kLocalPerson, day, checkin.pain));
      if (with_recordings) {
        app::UploadRequest request;
        request.date = day;
        request.name = "session.csv";
        check(uploads.upload(app::kLocalPerson, request, csv));
      }
    }
    today = start.plus_days(kDays);
    coach::CheckIn checkin;
    checkin.pain = 2;
    checkin.feel = coach::Feel::kGood;
    check(service.check_in(app::kLocalPerson, today, checkin));
  }
  ~Person() {
    store.reset();
    recordings.reset();
    fs::remove_all(folder);
  }

  static const coach::Catalog& catalog_once() {
    static const coach::Catalog kCatalog = app::load_embedded_catalog().value();
    return kCatalog;
  }
  template <class Outcome>
  static void check(const Outcome& outcome) {
    if (!outcome.ok()) {
      fmt::print(stderr, "setup failed: {}\n", outcome.error().describe());
      std::abort();
    }
  }
};

void BM_ComputedPlan(benchmark::State& state) {
  const bool with_recordings = state.range(0) != 0;
  Person person(with_recordings);
  // No plan cache: every request computes the plan, as the first one after a check-in does.
  app::DailyService service(*person.store, Person::catalog_once(), nullptr,
                            person.recordings.get());
  for (auto _ : state) {
    auto plan = service.todays_plan_json(app::kLocalPerson, person.today);
    if (!plan.ok()) {
      state.SkipWithError(plan.error().describe().c_str());
      break;
    }
    benchmark::DoNotOptimize(plan->data());
  }
  state.SetLabel(with_recordings ? "a recording on every session day" : "no recordings (baseline)");
}
BENCHMARK(BM_ComputedPlan)->Arg(0)->Arg(1)->ArgName("recordings")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
