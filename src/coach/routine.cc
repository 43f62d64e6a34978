#include "coach/routine.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace bb::coach {

namespace {
// A well-mixed 64-bit hash (splitmix64 finaliser): turns (date, target, slot) into a stable choice.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31U);
}

bool has_target(const CatalogItem& item, Target t) {
  return std::find(item.targets.begin(), item.targets.end(), t) != item.targets.end();
}

enum class Slot { kWarmUp, kMain, kCoolDown };

bool fits_slot(const CatalogItem& item, Slot slot) {
  switch (slot) {
    case Slot::kWarmUp:
      return item.phase != Phase::kCoolDown && item.intensity != Intensity::kRestorative;
    case Slot::kMain:
      return item.intensity != Intensity::kModerate;
    case Slot::kCoolDown:
      return item.phase != Phase::kWarmUp && item.intensity != Intensity::kModerate;
  }
  return false;
}

int position_rank(Position p) {
  switch (p) {
    case Position::kStanding: return 0;
    case Position::kChair: return 1;
    case Position::kFloor: return 2;
  }
  return 2;
}

class RoutinePicker {
 public:
  RoutinePicker(const Catalog& catalog, const Profile& profile, Date date)
      : catalog_(catalog), profile_(profile), date_(date) {}

  // Adds one item for `target` to `out`, if any eligible one is left. A target whose every
  // fitting item loads what aggravates the person goes into `left_out`.
  void pick(Target target, Slot slot, int round, std::vector<const CatalogItem*>& out,
            std::vector<Target>& left_out) {
    std::vector<const CatalogItem*> candidates;
    bool aggravating_only = false;
    for (const CatalogItem& item : catalog_.items) {
      if (item.kind == ItemKind::kRopeDrill || !has_target(item, target)) continue;
      if (!fits_slot(item, slot)) continue;
      if (std::find(chosen_.begin(), chosen_.end(), item.id) != chosen_.end()) continue;
      if (!respects_aggravators(item, profile_)) {
        aggravating_only = true;
        continue;
      }
      candidates.push_back(&item);
    }
    // A second round only adds variety, so a target missing there is not a shorter phase.
    if (candidates.empty() && aggravating_only && round == 0 &&
        std::find(left_out.begin(), left_out.end(), target) == left_out.end())
      left_out.push_back(target);
    // A person worse lying down, or warming up for rope, is better off its feet when possible.
    const bool prefer_upright = profile_.aggravated(Aggravator::kLying) || slot == Slot::kWarmUp;
    if (prefer_upright) {
      std::vector<const CatalogItem*> upright;
      std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(upright),
                   [](const CatalogItem* i) { return i->position != Position::kFloor; });
      if (!upright.empty()) candidates = std::move(upright);
    }
    if (candidates.empty()) return;
    const std::uint64_t key = mix(static_cast<std::uint64_t>(date_.days_since_epoch()) * 131U +
                                  static_cast<std::uint64_t>(target) * 17U +
                                  static_cast<std::uint64_t>(slot) * 5U +
                                  static_cast<std::uint64_t>(round));
    const CatalogItem* choice = candidates[key % candidates.size()];
    chosen_.push_back(choice->id);
    out.push_back(choice);
  }

 private:
  const Catalog& catalog_;
  const Profile& profile_;
  Date date_;
  std::vector<std::string> chosen_;
};

// Upright items first, floor last, so the person gets down once; otherwise the target order.
std::vector<std::string> ordered_ids(std::vector<const CatalogItem*> items, int* seconds) {
  std::stable_sort(items.begin(), items.end(), [](const CatalogItem* a, const CatalogItem* b) {
    return position_rank(a->position) < position_rank(b->position);
  });
  std::vector<std::string> ids;
  for (const CatalogItem* item : items) {
    ids.push_back(item->id);
    *seconds += item->seconds_in_routine();
  }
  return ids;
}
}  // namespace

bool respects_aggravators(const CatalogItem& item, const Profile& profile) {
  const bool flexion_sensitive =
      profile.aggravated(Aggravator::kSitting) || profile.aggravated(Aggravator::kBending);
  const bool extension_sensitive =
      profile.aggravated(Aggravator::kStanding) || profile.aggravated(Aggravator::kArching);
  if (flexion_sensitive && item.flexion == FlexionLoad::kDeepLoaded) return false;
  if (extension_sensitive && item.extension == ExtensionLoad::kEndRange) return false;
  if (profile.aggravated(Aggravator::kSitting) && item.position == Position::kChair) return false;
  // Standing that bothers is standing still: held standing stretches go, standing movements
  // done as repetitions stay.
  if (profile.aggravated(Aggravator::kStanding) && item.position == Position::kStanding &&
      item.hold_seconds > 0)
    return false;
  return true;
}

StretchPlan compose_routine(const Catalog& catalog, const Profile& profile, DayType day_type,
                            Date date) {
  StretchPlan plan;
  if (day_type == DayType::kRest) return plan;
  RoutinePicker picker(catalog, profile, date);
  std::vector<const CatalogItem*> warm_up;
  std::vector<const CatalogItem*> main;
  std::vector<const CatalogItem*> cool_down;
  switch (day_type) {
    case DayType::kRestorative:
      for (int round = 0; round < 2; ++round)
        for (Target t : kRoutineTargets) picker.pick(t, Slot::kMain, round, main, plan.left_out);
      break;
    case DayType::kMixed:
      for (Target t : kRoutineTargets) picker.pick(t, Slot::kWarmUp, 0, warm_up, plan.left_out);
      for (Target t : kRoutineTargets) picker.pick(t, Slot::kCoolDown, 0, cool_down, plan.left_out);
      break;
    case DayType::kRope:
      // Rope days keep the stretching short: the regions a rope session loads most.
      for (Target t : {Target::kThoracicSpine, Target::kHipFlexors, Target::kHamstrings})
        picker.pick(t, Slot::kWarmUp, 0, warm_up, plan.left_out);
      for (Target t : {Target::kLowBack, Target::kHamstrings, Target::kGlutes})
        picker.pick(t, Slot::kCoolDown, 0, cool_down, plan.left_out);
      break;
    case DayType::kRest:
      break;
  }
  int seconds = 0;
  plan.warm_up = ordered_ids(warm_up, &seconds);
  plan.main = ordered_ids(main, &seconds);
  plan.cool_down = ordered_ids(cool_down, &seconds);
  plan.minutes = (seconds + 59) / 60;
  return plan;
}

}  // namespace bb::coach
