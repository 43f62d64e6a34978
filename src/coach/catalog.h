// The exercise catalog as the engine sees it: plain values, already validated by the loader in
// src/app. The engine never reads files.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bb::coach {

enum class ItemKind { kStretch, kYoga, kMobility, kRopeDrill };
enum class Target {
  kHipFlexors,
  kHamstrings,
  kGlutes,
  kLowBack,
  kThoracicSpine,
  kCalves,
  kCore,
  kShoulders,
};
enum class Position { kFloor, kStanding, kChair };
// How much an item loads the spine into flexion / extension. The engine drops `kDeepLoaded`
// flexion for people worse with sitting or bending, and `kEndRange` extension for people worse
// with standing or arching.
enum class FlexionLoad { kNone, kGentle, kDeepLoaded };
enum class ExtensionLoad { kNone, kGentle, kEndRange };
enum class Intensity { kRestorative, kGentle, kModerate };
// Where in a session an item fits.
enum class Phase { kWarmUp, kCoolDown, kAny };
// Rope skills, in the order they are learned.
enum class RopeSkill { kSideSwing, kBasicBounce, kAlternateFootStep };

struct CatalogItem {
  std::string id;    // stable, lower_snake_case
  std::string name;  // shown to people
  ItemKind kind = ItemKind::kStretch;
  std::vector<Target> targets;  // at least one
  Position position = Position::kFloor;
  int hold_seconds = 0;  // per side; 0 when the item is done as repetitions
  int reps = 0;          // 0 when the item is a hold
  bool each_side = false;
  std::vector<std::string> steps;  // instructions, in order
  std::vector<std::string> cues;   // form cues
  std::string breath;              // breath cue
  std::vector<std::string> cautions;
  FlexionLoad flexion = FlexionLoad::kNone;
  ExtensionLoad extension = ExtensionLoad::kNone;
  Intensity intensity = Intensity::kGentle;
  Phase phase = Phase::kAny;
  std::optional<RopeSkill> skill;  // rope drills only

  // Time the item takes in a routine, both sides and a short transition included.
  [[nodiscard]] int seconds_in_routine() const;
};

struct Catalog {
  std::vector<CatalogItem> items;  // sorted by id

  [[nodiscard]] const CatalogItem* find(const std::string& id) const;
};

const char* to_string(ItemKind);
const char* to_string(Target);
const char* to_string(Position);
const char* to_string(FlexionLoad);
const char* to_string(ExtensionLoad);
const char* to_string(Intensity);
const char* to_string(Phase);
const char* to_string(RopeSkill);

// Parses the wire names above ("hip_flexors", "deep_loaded", ...); nullopt when unknown.
std::optional<ItemKind> item_kind_from(const std::string&);
std::optional<Target> target_from(const std::string&);
std::optional<Position> position_from(const std::string&);
std::optional<FlexionLoad> flexion_load_from(const std::string&);
std::optional<ExtensionLoad> extension_load_from(const std::string&);
std::optional<Intensity> intensity_from(const std::string&);
std::optional<Phase> phase_from(const std::string&);
std::optional<RopeSkill> rope_skill_from(const std::string&);

}  // namespace bb::coach
