#include "coach/routine.h"

#include <gtest/gtest.h>

namespace bb::coach {
namespace {

CatalogItem item(std::string id, Target t, Position pos, FlexionLoad flex, ExtensionLoad ext,
                 Intensity intensity = Intensity::kGentle, Phase phase = Phase::kAny) {
  CatalogItem i;
  i.id = std::move(id);
  i.name = i.id;
  i.targets = {t};
  i.position = pos;
  i.hold_seconds = 30;
  i.flexion = flex;
  i.extension = ext;
  i.intensity = intensity;
  i.phase = phase;
  return i;
}

Catalog small_catalog() {
  Catalog c;
  for (Target t : kRoutineTargets) {
    const std::string base = to_string(t);
    c.items.push_back(item(base + "_deep_flexion", t, Position::kFloor, FlexionLoad::kDeepLoaded,
                           ExtensionLoad::kNone));
    c.items.push_back(item(base + "_end_range", t, Position::kFloor, FlexionLoad::kNone,
                           ExtensionLoad::kEndRange));
    c.items.push_back(item(base + "_neutral_standing", t, Position::kStanding, FlexionLoad::kNone,
                           ExtensionLoad::kNone));
    c.items.push_back(item(base + "_neutral_floor", t, Position::kFloor, FlexionLoad::kGentle,
                           ExtensionLoad::kGentle, Intensity::kRestorative));
  }
  std::sort(c.items.begin(), c.items.end(),
            [](const CatalogItem& a, const CatalogItem& b) { return a.id < b.id; });
  return c;
}

TEST(Routine, SittingAndBendingExcludeDeepLoadedFlexion) {
  const Catalog c = small_catalog();
  Profile p;
  p.aggravated_by = {Aggravator::kSitting};
  for (int day = 0; day < 60; ++day) {
    const auto plan = compose_routine(c, p, DayType::kRestorative, Date(20000 + day));
    for (const auto& id : plan.all_items()) EXPECT_EQ(id.find("deep_flexion"), std::string::npos) << id;
  }
}

TEST(Routine, StandingAndArchingExcludeEndRangeExtension) {
  const Catalog c = small_catalog();
  Profile p;
  p.aggravated_by = {Aggravator::kArching};
  for (int day = 0; day < 60; ++day) {
    const auto plan = compose_routine(c, p, DayType::kMixed, Date(20000 + day));
    for (const auto& id : plan.all_items()) EXPECT_EQ(id.find("end_range"), std::string::npos) << id;
  }
}

TEST(Routine, SittingExcludesChairItems) {
  Catalog c = small_catalog();
  for (Target t : kRoutineTargets)
    c.items.push_back(item(std::string(to_string(t)) + "_z_chair", t, Position::kChair,
                           FlexionLoad::kNone, ExtensionLoad::kNone));
  std::sort(c.items.begin(), c.items.end(),
            [](const CatalogItem& a, const CatalogItem& b) { return a.id < b.id; });
  Profile p;
  p.aggravated_by = {Aggravator::kSitting};
  for (int day = 0; day < 60; ++day) {
    const auto plan = compose_routine(c, p, DayType::kRestorative, Date(20000 + day));
    EXPECT_EQ(plan.main.size(), 10U);
    for (const auto& id : plan.all_items()) EXPECT_EQ(id.find("chair"), std::string::npos) << id;
    EXPECT_TRUE(plan.left_out.empty());
  }
}

TEST(Routine, StandingExcludesStandingHoldsButKeepsStandingRepetitions) {
  Catalog c;
  CatalogItem hold = item("hip_hold", Target::kHipFlexors, Position::kStanding, FlexionLoad::kNone,
                          ExtensionLoad::kNone);
  CatalogItem moving = hold;
  moving.id = "hip_swings";
  moving.hold_seconds = 0;
  moving.reps = 10;
  c.items = {hold, moving};
  Profile p;
  p.aggravated_by = {Aggravator::kStanding};
  for (int day = 0; day < 20; ++day) {
    const auto plan = compose_routine(c, p, DayType::kMixed, Date(20000 + day));
    EXPECT_EQ(plan.warm_up, std::vector<std::string>{"hip_swings"});
  }
}

TEST(Routine, SaysWhichRegionsHadNothingThatSparesTheAggravator) {
  // Only deep loaded flexion for the hamstrings: a person worse with bending gets none.
  Catalog c = small_catalog();
  c.items.erase(std::remove_if(c.items.begin(), c.items.end(),
                               [](const CatalogItem& i) {
                                 return i.targets.front() == Target::kHamstrings &&
                                        i.flexion != FlexionLoad::kDeepLoaded;
                               }),
                c.items.end());
  Profile p;
  p.aggravated_by = {Aggravator::kBending};
  const auto plan = compose_routine(c, p, DayType::kRestorative, Date(20000));
  EXPECT_EQ(plan.left_out, std::vector<Target>{Target::kHamstrings});
  for (const auto& id : plan.all_items()) EXPECT_EQ(id.find("hamstrings"), std::string::npos) << id;
  EXPECT_FALSE(plan.main.empty());
  // Without the aggravator nothing is left out.
  EXPECT_TRUE(compose_routine(c, Profile{}, DayType::kRestorative, Date(20000)).left_out.empty());
}

TEST(Routine, CoversEveryRegionAndIsDeterministic) {
  const Catalog c = small_catalog();
  const Profile p;
  const auto a = compose_routine(c, p, DayType::kRestorative, Date(20400));
  const auto b = compose_routine(c, p, DayType::kRestorative, Date(20400));
  EXPECT_EQ(a.all_items(), b.all_items());
  EXPECT_EQ(a.main.size(), 10U);
  for (Target t : kRoutineTargets) {
    const std::string prefix = to_string(t);
    EXPECT_TRUE(std::any_of(a.main.begin(), a.main.end(),
                            [&](const std::string& id) { return id.rfind(prefix, 0) == 0; }))
        << prefix;
  }
  EXPECT_GT(a.minutes, 0);
}

TEST(Routine, VariesFromDayToDay) {
  const Catalog c = small_catalog();
  const Profile p;
  int differing = 0;
  for (int day = 0; day < 14; ++day) {
    if (compose_routine(c, p, DayType::kMixed, Date(20000 + day)).all_items() !=
        compose_routine(c, p, DayType::kMixed, Date(20001 + day)).all_items())
      ++differing;
  }
  EXPECT_GE(differing, 7);
}

TEST(Routine, RestDaysAreEmptyAndFloorItemsComeLast) {
  const Catalog c = small_catalog();
  const Profile p;
  EXPECT_TRUE(compose_routine(c, p, DayType::kRest, Date(20000)).all_items().empty());
  const auto plan = compose_routine(c, p, DayType::kRestorative, Date(20010));
  bool seen_floor = false;
  for (const auto& id : plan.main) {
    const bool floor = c.find(id)->position == Position::kFloor;
    if (seen_floor) {
      EXPECT_TRUE(floor) << id;
    }
    seen_floor = seen_floor || floor;
  }
}

}  // namespace
}  // namespace bb::coach
