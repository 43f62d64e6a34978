// Engine cost: today's plan after three years of daily history, and a 1,000-day replay, against a
// baseline pass that only reads every day's check-in (the floor for any O(days) fold).
#include <benchmark/benchmark.h>

#include "app/catalog_loader.h"
#include "coach/coach.h"

namespace {

using namespace bb;

coach::Timeline history(int days) {
  coach::Timeline t;
  t.profile.rope_experience = coach::RopeExperience::kSome;
  t.profile.rope = coach::RopeOwned::kBeaded;
  t.profile.aggravated_by = {coach::Aggravator::kSitting};
  const Date start = *Date::parse("2023-01-01");
  for (int i = 0; i < days; ++i) {
    coach::Day d;
    d.date = start.plus_days(i);
    // A realistic mix: mostly good days, some okay, a sensitive day a week, the odd flare.
    const int phase = i % 7;
    d.checkin.pain = phase == 6 ? 5 : 2 + (i % 3);
    d.checkin.feel = phase == 6 ? coach::Feel::kSensitive : phase == 3 ? coach::Feel::kOkay : coach::Feel::kGood;
    if (phase != 6) {
      coach::SessionLog s;
      s.rope_minutes = 4 + (i % 5);
      s.pain_during_max = i % 23 == 0 ? 6 : 3;
      s.pain_after = 3;
      d.session = s;
      d.next_morning_pain = d.checkin.pain - (i % 2);
    }
    t.days.push_back(d);
  }
  return t;
}

const coach::Catalog& catalog() {
  static const coach::Catalog kCatalog = app::load_embedded_catalog().value();
  return kCatalog;
}

void BM_BaselineReadCheckIns(benchmark::State& state) {
  const auto t = history(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    int sum = 0;
    for (const auto& d : t.days) sum += d.checkin.pain + (d.session ? d.session->pain_during_max : 0);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BaselineReadCheckIns)->Arg(1095)->Arg(1000);

void BM_TodaysPlanAfterThreeYears(benchmark::State& state) {
  const auto t = history(static_cast<int>(state.range(0)));
  const coach::Coach coach(catalog());
  for (auto _ : state) benchmark::DoNotOptimize(coach.plan_last_day(t));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TodaysPlanAfterThreeYears)->Arg(1095)->Unit(benchmark::kMicrosecond);

void BM_Replay(benchmark::State& state) {
  const auto t = history(static_cast<int>(state.range(0)));
  const coach::Coach coach(catalog());
  for (auto _ : state) benchmark::DoNotOptimize(coach.replay(t));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Replay)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
