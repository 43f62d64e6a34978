#include "coach/catalog.h"

#include <algorithm>

#include "coach/wire_names.h"

namespace bb::coach {

namespace {
using detail::Names;
using detail::name_of;
using detail::value_of;

constexpr Names<ItemKind, 4> kItemKinds{{{ItemKind::kStretch, "stretch"},
                                         {ItemKind::kYoga, "yoga"},
                                         {ItemKind::kMobility, "mobility"},
                                         {ItemKind::kRopeDrill, "rope_drill"}}};
constexpr Names<Target, 8> kTargets{{{Target::kHipFlexors, "hip_flexors"},
                                     {Target::kHamstrings, "hamstrings"},
                                     {Target::kGlutes, "glutes"},
                                     {Target::kLowBack, "low_back"},
                                     {Target::kThoracicSpine, "thoracic_spine"},
                                     {Target::kCalves, "calves"},
                                     {Target::kCore, "core"},
                                     {Target::kShoulders, "shoulders"}}};
constexpr Names<Position, 3> kPositions{
    {{Position::kFloor, "floor"}, {Position::kStanding, "standing"}, {Position::kChair, "chair"}}};
constexpr Names<FlexionLoad, 3> kFlexionLoads{{{FlexionLoad::kNone, "none"},
                                               {FlexionLoad::kGentle, "gentle"},
                                               {FlexionLoad::kDeepLoaded, "deep_loaded"}}};
constexpr Names<ExtensionLoad, 3> kExtensionLoads{{{ExtensionLoad::kNone, "none"},
                                                   {ExtensionLoad::kGentle, "gentle"},
                                                   {ExtensionLoad::kEndRange, "end_range"}}};
constexpr Names<Intensity, 3> kIntensities{{{Intensity::kRestorative, "restorative"},
                                            {Intensity::kGentle, "gentle"},
                                            {Intensity::kModerate, "moderate"}}};
constexpr Names<Phase, 3> kPhases{
    {{Phase::kWarmUp, "warm_up"}, {Phase::kCoolDown, "cool_down"}, {Phase::kAny, "any"}}};
constexpr Names<RopeSkill, 3> kRopeSkills{{{RopeSkill::kSideSwing, "side_swing"},
                                           {RopeSkill::kBasicBounce, "basic_bounce"},
                                           {RopeSkill::kAlternateFootStep, "alternate_foot_step"}}};

}  // namespace

const char* to_string(ItemKind v) { return name_of(kItemKinds, v); }
const char* to_string(Target v) { return name_of(kTargets, v); }
const char* to_string(Position v) { return name_of(kPositions, v); }
const char* to_string(FlexionLoad v) { return name_of(kFlexionLoads, v); }
const char* to_string(ExtensionLoad v) { return name_of(kExtensionLoads, v); }
const char* to_string(Intensity v) { return name_of(kIntensities, v); }
const char* to_string(Phase v) { return name_of(kPhases, v); }
const char* to_string(RopeSkill v) { return name_of(kRopeSkills, v); }

std::optional<ItemKind> item_kind_from(const std::string& s) { return value_of(kItemKinds, s); }
std::optional<Target> target_from(const std::string& s) { return value_of(kTargets, s); }
std::optional<Position> position_from(const std::string& s) { return value_of(kPositions, s); }
std::optional<FlexionLoad> flexion_load_from(const std::string& s) { return value_of(kFlexionLoads, s); }
std::optional<ExtensionLoad> extension_load_from(const std::string& s) {
  return value_of(kExtensionLoads, s);
}
std::optional<Intensity> intensity_from(const std::string& s) { return value_of(kIntensities, s); }
std::optional<Phase> phase_from(const std::string& s) { return value_of(kPhases, s); }
std::optional<RopeSkill> rope_skill_from(const std::string& s) { return value_of(kRopeSkills, s); }

int CatalogItem::seconds_in_routine() const {
  constexpr int kTransitionSeconds = 10;
  constexpr int kSecondsPerRep = 4;  // a slow, controlled repetition
  const int once = hold_seconds > 0 ? hold_seconds : reps * kSecondsPerRep;
  return once * (each_side ? 2 : 1) + kTransitionSeconds;
}

const CatalogItem* Catalog::find(const std::string& id) const {
  const auto it = std::lower_bound(items.begin(), items.end(), id,
                                   [](const CatalogItem& item, const std::string& key) { return item.id < key; });
  return it != items.end() && it->id == id ? &*it : nullptr;
}

}  // namespace bb::coach
