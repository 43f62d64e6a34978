#include "app/catalog_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "coach/session_script.h"

namespace bb::app {
namespace {

using coach::Catalog;
using coach::CatalogItem;
using coach::ExtensionLoad;
using coach::FlexionLoad;
using coach::Intensity;
using coach::ItemKind;
using coach::Phase;
using coach::Position;
using coach::Target;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// The embedded catalog: counts and the coverage the routine builder relies on.

const Catalog& embedded() {
  static const Catalog catalog = [] {
    auto loaded = load_embedded_catalog();
    if (!loaded) ADD_FAILURE() << loaded.error().describe();
    return loaded ? std::move(loaded).value() : Catalog{};
  }();
  return catalog;
}

bool targets(const CatalogItem& item, Target target) {
  return std::find(item.targets.begin(), item.targets.end(), target) != item.targets.end();
}

// Stretch, yoga and mobility items: what a routine is built from.
std::vector<const CatalogItem*> routine_items(Target target) {
  std::vector<const CatalogItem*> out;
  for (const auto& item : embedded().items)
    if (item.kind != ItemKind::kRopeDrill && targets(item, target)) out.push_back(&item);
  return out;
}

template <typename Predicate>
long count_if(const std::vector<const CatalogItem*>& items, Predicate predicate) {
  return std::count_if(items.begin(), items.end(),
                       [&](const CatalogItem* item) { return predicate(*item); });
}

TEST(EmbeddedCatalog, Loads) {
  const auto loaded = load_embedded_catalog();
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  EXPECT_FALSE(loaded->items.empty());
}

TEST(EmbeddedCatalog, HasEnoughItemsOfEachKind) {
  long routine = 0;
  long drills = 0;
  for (const auto& item : embedded().items)
    (item.kind == ItemKind::kRopeDrill ? drills : routine)++;
  EXPECT_GE(routine, 34) << "stretch, yoga and mobility items";
  EXPECT_GE(drills, 8) << "rope drills";
}

TEST(EmbeddedCatalog, EveryRopeSkillHasDrills) {
  for (const auto skill : {coach::RopeSkill::kSideSwing, coach::RopeSkill::kBasicBounce,
                           coach::RopeSkill::kAlternateFootStep}) {
    const auto drills = std::count_if(embedded().items.begin(), embedded().items.end(),
                                      [&](const CatalogItem& item) { return item.skill == skill; });
    EXPECT_GE(drills, 2) << coach::to_string(skill);
  }
}

TEST(EmbeddedCatalog, CoversEachRoutineTargetForEveryKindOfBack) {
  for (const auto target : {Target::kHipFlexors, Target::kHamstrings, Target::kGlutes,
                            Target::kLowBack, Target::kThoracicSpine}) {
    SCOPED_TRACE(coach::to_string(target));
    const auto items = routine_items(target);
    EXPECT_GE(items.size(), 4u);
    // Someone worse with sitting or bending gets no deep loaded flexion.
    EXPECT_GE(
        count_if(items,
                 [](const CatalogItem& item) { return item.flexion != FlexionLoad::kDeepLoaded; }),
        2);
    // Someone worse with standing or arching gets no end-range extension.
    EXPECT_GE(count_if(items,
                       [](const CatalogItem& item) {
                         return item.extension != ExtensionLoad::kEndRange;
                       }),
              2);
    // Someone worse with both gets neither.
    EXPECT_GE(count_if(items,
                       [](const CatalogItem& item) {
                         return item.flexion != FlexionLoad::kDeepLoaded &&
                                item.extension != ExtensionLoad::kEndRange;
                       }),
              2);
    // Restorative days and cool-downs.
    EXPECT_GE(count_if(items,
                       [](const CatalogItem& item) {
                         return item.intensity != Intensity::kModerate &&
                                item.phase != Phase::kWarmUp;
                       }),
              2);
    // Warm-ups before rope, done standing or on the floor.
    EXPECT_GE(count_if(items,
                       [](const CatalogItem& item) {
                         return item.phase != Phase::kCoolDown && item.position != Position::kChair;
                       }),
              2);
  }
}

TEST(EmbeddedCatalog, IsSortedByIdAndFindable) {
  const auto& items = embedded().items;
  for (std::size_t i = 1; i < items.size(); ++i) EXPECT_LT(items[i - 1].id, items[i].id);
  for (const auto& item : items) {
    const CatalogItem* found = embedded().find(item.id);
    ASSERT_NE(found, nullptr) << item.id;
    EXPECT_EQ(found->id, item.id);
  }
  EXPECT_EQ(embedded().find("no_such_item"), nullptr);
}

TEST(EmbeddedCatalog, TagsClassicItemsHonestly) {
  struct Expected {
    const char* id;
    FlexionLoad flexion;
    ExtensionLoad extension;
  };
  for (const auto& expected : {
           Expected{"knees_to_chest", FlexionLoad::kDeepLoaded, ExtensionLoad::kNone},
           Expected{"seated_forward_fold", FlexionLoad::kDeepLoaded, ExtensionLoad::kNone},
           Expected{"childs_pose", FlexionLoad::kDeepLoaded, ExtensionLoad::kNone},
           Expected{"sphinx", FlexionLoad::kNone, ExtensionLoad::kGentle},
           Expected{"cobra", FlexionLoad::kNone, ExtensionLoad::kEndRange},
           Expected{"prone_press_up", FlexionLoad::kNone, ExtensionLoad::kEndRange},
           Expected{"cat_cow", FlexionLoad::kGentle, ExtensionLoad::kGentle},
       }) {
    const CatalogItem* item = embedded().find(expected.id);
    ASSERT_NE(item, nullptr) << expected.id;
    EXPECT_EQ(item->flexion, expected.flexion) << expected.id;
    EXPECT_EQ(item->extension, expected.extension) << expected.id;
  }
}

TEST(EmbeddedCatalog, EveryItemSaysWhenToStop) {
  for (const auto& item : embedded().items) {
    const bool names_a_stop =
        std::any_of(item.cautions.begin(), item.cautions.end(), [](const std::string& caution) {
          return caution.find("Stop") != std::string::npos ||
                 caution.find("stop") != std::string::npos;
        });
    EXPECT_TRUE(names_a_stop) << item.id;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: each class of mistake is rejected with a path to the file, item and field.

json valid_stretch() {
  return {{"id", "test_stretch"},
          {"name", "Test stretch"},
          {"kind", "stretch"},
          {"targets", {"hamstrings", "calves"}},
          {"position", "floor"},
          {"hold_seconds", 30},
          {"each_side", true},
          {"steps", {"Lie on your back.", "Lift one leg."}},
          {"cues", {"Keep your hips level."}},
          {"breath", "Breathe out as you ease in."},
          {"cautions", {"Stop if pain runs down your leg."}},
          {"flexion", "none"},
          {"extension", "none"},
          {"intensity", "gentle"},
          {"phase", "any"}};
}

json valid_drill() {
  json drill = valid_stretch();
  drill["id"] = "test_drill";
  drill["kind"] = "rope_drill";
  drill["position"] = "standing";
  drill["each_side"] = false;
  drill["skill"] = "basic_bounce";
  return drill;
}

// Loads files given as (name, contents) pairs; the contents outlive the call.
Result<Catalog> load_texts(const std::vector<std::pair<std::string, std::string>>& texts) {
  std::vector<bb::data::EmbeddedFile> files;
  for (const auto& [name, contents] : texts) files.push_back({name, contents});
  return load_catalog(files);
}

// {"items": [...]} as text. Takes a vector: a braced json `{item}` would copy the item instead
// of making a list of one.
std::string file_text(const std::vector<json>& items) {
  json root = json::object();
  root["items"] = items;
  return root.dump();
}

Result<Catalog> load_items(const std::vector<json>& items) {
  return load_texts({{"test.json", file_text(items)}});
}

// The error's field path, or a note that loading unexpectedly worked.
std::string failed_field(const Result<Catalog>& result) {
  if (result.ok()) return "<loaded without error>";
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  return result.error().field;
}

std::string failed_message(const Result<Catalog>& result) {
  return result.ok() ? "<loaded without error>" : result.error().message;
}

TEST(CatalogLoader, ReadsEveryFieldOfValidItems) {
  const auto loaded = load_items({valid_stretch(), valid_drill()});
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  ASSERT_EQ(loaded->items.size(), 2u);
  const CatalogItem& drill = loaded->items[0];
  const CatalogItem& stretch = loaded->items[1];
  EXPECT_EQ(drill.id, "test_drill");
  EXPECT_EQ(drill.kind, ItemKind::kRopeDrill);
  EXPECT_EQ(drill.skill, coach::RopeSkill::kBasicBounce);
  EXPECT_EQ(stretch.id, "test_stretch");
  EXPECT_EQ(stretch.name, "Test stretch");
  EXPECT_EQ(stretch.kind, ItemKind::kStretch);
  EXPECT_EQ(stretch.targets, (std::vector{Target::kHamstrings, Target::kCalves}));
  EXPECT_EQ(stretch.position, Position::kFloor);
  EXPECT_EQ(stretch.hold_seconds, 30);
  EXPECT_EQ(stretch.reps, 0);
  EXPECT_TRUE(stretch.each_side);
  EXPECT_EQ(stretch.steps.size(), 2u);
  EXPECT_EQ(stretch.cues.size(), 1u);
  EXPECT_EQ(stretch.breath, "Breathe out as you ease in.");
  EXPECT_EQ(stretch.cautions.size(), 1u);
  EXPECT_EQ(stretch.flexion, FlexionLoad::kNone);
  EXPECT_EQ(stretch.extension, ExtensionLoad::kNone);
  EXPECT_EQ(stretch.intensity, Intensity::kGentle);
  EXPECT_EQ(stretch.phase, Phase::kAny);
  EXPECT_FALSE(stretch.skill.has_value());
}

TEST(CatalogLoader, SortsItemsByIdAcrossFiles) {
  json first = valid_stretch();
  first["id"] = "zeta_stretch";
  json second = valid_stretch();
  second["id"] = "alpha_stretch";
  const auto loaded = load_texts({{"a.json", file_text({first})}, {"b.json", file_text({second})}});
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  ASSERT_EQ(loaded->items.size(), 2u);
  EXPECT_EQ(loaded->items[0].id, "alpha_stretch");
  EXPECT_EQ(loaded->items[1].id, "zeta_stretch");
}

TEST(CatalogLoader, RejectsBadJsonNamingTheFile) {
  const auto loaded = load_texts({{"broken.json", "{\"items\": [ {\"id\": } ]}"}});
  EXPECT_EQ(failed_field(loaded), "broken.json");
  EXPECT_NE(failed_message(loaded).find("not valid JSON"), std::string::npos);
  EXPECT_NE(failed_message(loaded).find("line 1"), std::string::npos);
}

TEST(CatalogLoader, RejectsAKeyGivenTwice) {
  const std::string text = valid_stretch().dump();
  const std::string twice = text.substr(0, text.size() - 1) + ",\"reps\":5,\"reps\":6}";
  const auto loaded = load_texts(
      {{"twice.json", "{\"items\": [\"x\", " + valid_drill().dump() + ", " + twice + "]}"}});
  EXPECT_EQ(failed_field(loaded), "twice.json: items[2] (test_stretch).reps");
  EXPECT_NE(failed_message(loaded).find("twice"), std::string::npos);
  // Outside an item, the file is named.
  EXPECT_EQ(failed_field(load_texts({{"top.json", "{\"items\": [], \"items\": []}"}})), "top.json");
}

TEST(CatalogLoader, RejectsABadFileShape) {
  EXPECT_EQ(failed_field(load_texts({{"list.json", "[]"}})), "list.json");
  EXPECT_EQ(failed_field(load_texts({{"empty.json", "{\"items\": []}"}})), "empty.json: items");
  EXPECT_EQ(failed_field(load_texts({{"none.json", "{}"}})), "none.json: items");
  EXPECT_EQ(failed_field(load_texts({{"extra.json", "{\"items\": [], \"version\": 2}"}})),
            "extra.json: version");
  EXPECT_EQ(failed_field(load_items({"not an object"})), "test.json: items[0]");
  EXPECT_EQ(failed_field(load_texts({})), "catalog");
}

TEST(CatalogLoader, RejectsUnknownField) {
  json item = valid_stretch();
  item["hold_second"] = 30;
  const auto loaded = load_items({valid_drill(), item});
  EXPECT_EQ(failed_field(loaded), "test.json: items[1] (test_stretch).hold_second");
  EXPECT_NE(failed_message(loaded).find("hold_seconds"), std::string::npos);
}

TEST(CatalogLoader, RejectsMissingField) {
  json item = valid_stretch();
  item.erase("breath");
  const auto loaded = load_items({item});
  EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_stretch).breath");
  EXPECT_NE(failed_message(loaded).find("missing"), std::string::npos);
}

TEST(CatalogLoader, RejectsWrongType) {
  json item = valid_stretch();
  item["each_side"] = "yes";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).each_side");

  item = valid_stretch();
  item["hold_seconds"] = "30";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).hold_seconds");

  item = valid_stretch();
  item["hold_seconds"] = 30.5;
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).hold_seconds");

  item = valid_stretch();
  item["targets"] = "hamstrings";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).targets");

  item = valid_stretch();
  item["steps"][1] = 7;
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).steps[1]");
}

TEST(CatalogLoader, RejectsBadEnumValue) {
  json item = valid_stretch();
  item["targets"] = {"hamstrings", "hips"};
  auto loaded = load_items({item});
  EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_stretch).targets[1]");
  EXPECT_NE(failed_message(loaded).find("hip_flexors"), std::string::npos);

  item = valid_stretch();
  item["flexion"] = "deep";
  loaded = load_items({item});
  EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_stretch).flexion");
  EXPECT_NE(failed_message(loaded).find("deep_loaded"), std::string::npos);

  item = valid_stretch();
  item["kind"] = "pilates";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).kind");
}

TEST(CatalogLoader, RejectsRepeatedOrMissingTargets) {
  json item = valid_stretch();
  item["targets"] = {"glutes", "glutes"};
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).targets[1]");
  item["targets"] = json::array();
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).targets");
}

TEST(CatalogLoader, RejectsOutOfRangeDose) {
  for (const int seconds : {9, 121, -30}) {
    json item = valid_stretch();
    item["hold_seconds"] = seconds;
    const auto loaded = load_items({item});
    EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_stretch).hold_seconds");
    EXPECT_NE(failed_message(loaded).find("from 10 to 120"), std::string::npos);
  }
  json item = valid_stretch();
  item.erase("hold_seconds");
  item["reps"] = 31;
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).reps");
}

TEST(CatalogLoader, RejectsHoldAndRepsTogetherOrNeither) {
  json item = valid_stretch();
  item["reps"] = 10;
  auto loaded = load_items({item});
  EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_stretch).reps");
  EXPECT_NE(failed_message(loaded).find("not both"), std::string::npos);

  item.erase("reps");
  item.erase("hold_seconds");
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).hold_seconds");
}

TEST(CatalogLoader, RequiresSkillOnDrillsOnly) {
  json drill = valid_drill();
  drill.erase("skill");
  auto loaded = load_items({drill});
  EXPECT_EQ(failed_field(loaded), "test.json: items[0] (test_drill).skill");
  EXPECT_NE(failed_message(loaded).find("side_swing"), std::string::npos);

  json stretch = valid_stretch();
  stretch["skill"] = "side_swing";
  EXPECT_EQ(failed_field(load_items({stretch})), "test.json: items[0] (test_stretch).skill");
}

TEST(CatalogLoader, RejectsDuplicateIdAcrossFiles) {
  const auto loaded = load_texts({{"a.json", file_text({valid_stretch()})},
                                  {"b.json", file_text({valid_drill(), valid_stretch()})}});
  EXPECT_EQ(failed_field(loaded), "b.json: items[1] (test_stretch).id");
  EXPECT_NE(failed_message(loaded).find("a.json: items[0]"), std::string::npos);
}

TEST(CatalogLoader, RejectsIdsThatAreNotLowerSnakeCase) {
  for (const char* id : {"Kneeling-Stretch", "double__underscore", "trailing_", "9lives", ""}) {
    json item = valid_stretch();
    item["id"] = id;
    EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0].id") << id;
  }
}

TEST(CatalogLoader, RejectsBadTextAndListSizes) {
  json item = valid_stretch();
  item["steps"] = {"Only one step."};
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).steps");

  item = valid_stretch();
  item["cues"] = json::array();
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).cues");

  item = valid_stretch();
  item["breath"] = " Breathe.";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).breath");

  item = valid_stretch();
  item["steps"][0] = "No full stop";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).steps[0]");

  item = valid_stretch();
  item["name"] = "";
  EXPECT_EQ(failed_field(load_items({item})), "test.json: items[0] (test_stretch).name");
}

// A rope round plays the drill of its skill: each exists, is a rope drill and has that skill.
TEST(EmbeddedCatalog, HasTheDrillEveryRopeRoundPlays) {
  for (const coach::RopeSkill skill : {coach::RopeSkill::kSideSwing, coach::RopeSkill::kBasicBounce,
                                       coach::RopeSkill::kAlternateFootStep}) {
    const CatalogItem* drill = embedded().find(coach::rope_drill_id(skill));
    ASSERT_NE(drill, nullptr) << coach::rope_drill_id(skill);
    EXPECT_EQ(drill->skill, skill) << drill->id;
    EXPECT_FALSE(drill->cues.empty()) << drill->id;
  }
}

}  // namespace
}  // namespace bb::app
