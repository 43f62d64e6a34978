#include "app/catalog_loader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace bb::app {
namespace {

using coach::CatalogItem;
using coach::ItemKind;
using nlohmann::json;

constexpr int kMinHoldSeconds = 10;
constexpr int kMaxHoldSeconds = 120;
constexpr int kMinReps = 1;
constexpr int kMaxReps = 30;
constexpr std::size_t kMinSteps = 2;
constexpr std::size_t kMaxSteps = 8;
constexpr std::size_t kMinCues = 1;
constexpr std::size_t kMaxCues = 5;
constexpr std::size_t kMaxCautions = 6;
constexpr std::size_t kMaxIdLength = 48;
constexpr std::size_t kMaxNameLength = 60;
constexpr std::size_t kMaxSentenceLength = 240;

constexpr std::array<std::string_view, 17> kItemFields{
    "id",      "name",      "kind",      "targets", "position", "hold_seconds",
    "reps",    "each_side", "steps",     "cues",    "breath",   "cautions",
    "flexion", "extension", "intensity", "phase",   "skill"};

std::string known_fields() {
  std::string out;
  for (const auto field : kItemFields) {
    if (!out.empty()) out += ", ";
    out += field;
  }
  return out;
}

// Every value of each enum, so an error can list what is allowed.
constexpr std::array kAllKinds{ItemKind::kStretch, ItemKind::kYoga, ItemKind::kMobility,
                               ItemKind::kRopeDrill};
constexpr std::array kAllTargets{coach::Target::kHipFlexors,    coach::Target::kHamstrings,
                                 coach::Target::kGlutes,        coach::Target::kLowBack,
                                 coach::Target::kThoracicSpine, coach::Target::kCalves,
                                 coach::Target::kCore,          coach::Target::kShoulders};
constexpr std::array kAllPositions{coach::Position::kFloor, coach::Position::kStanding,
                                   coach::Position::kChair};
constexpr std::array kAllFlexionLoads{coach::FlexionLoad::kNone, coach::FlexionLoad::kGentle,
                                      coach::FlexionLoad::kDeepLoaded};
constexpr std::array kAllExtensionLoads{coach::ExtensionLoad::kNone, coach::ExtensionLoad::kGentle,
                                        coach::ExtensionLoad::kEndRange};
constexpr std::array kAllIntensities{coach::Intensity::kRestorative, coach::Intensity::kGentle,
                                     coach::Intensity::kModerate};
constexpr std::array kAllPhases{coach::Phase::kWarmUp, coach::Phase::kCoolDown, coach::Phase::kAny};
constexpr std::array kAllRopeSkills{coach::RopeSkill::kSideSwing, coach::RopeSkill::kBasicBounce,
                                    coach::RopeSkill::kAlternateFootStep};

template <typename E, std::size_t N>
std::string one_of(const std::array<E, N>& values) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += ", ";
    out += '"';
    out += coach::to_string(values[i]);
    out += '"';
  }
  return out;
}

bool is_lower_snake_case(const std::string& text) {
  if (text.empty() || text.size() > kMaxIdLength) return false;
  if (text.front() < 'a' || text.front() > 'z' || text.back() == '_') return false;
  char previous = '\0';
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed || (c == '_' && previous == '_')) return false;
    previous = c;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A short, human-readable rendering of a bad value for error messages.
std::string shown(const json& value) {
  constexpr std::size_t kMaxShown = 40;
  std::string text = value.dump();
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

// Reads the fields of one item. The first problem is kept and later reads become no-ops, so the
// caller can read the whole schema top to bottom and check `error()` once at the end.
class ItemReader {
 public:
  ItemReader(const json& item, std::string path) : item_(item), path_(std::move(path)) {}

  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] bool has(std::string_view field) const { return item_.contains(field); }
  [[nodiscard]] std::string path_of(std::string_view field) const {
    return path_ + "." + std::string(field);
  }

  void fail(std::string_view field, std::string message) {
    if (!error_) error_ = Error::invalid(path_of(field), std::move(message));
  }

  void reject_unknown_fields() {
    for (const auto& [key, value] : item_.items()) {
      if (std::find(kItemFields.begin(), kItemFields.end(), key) == kItemFields.end())
        fail(key, "unknown field; expected only " + known_fields());
    }
  }

  std::string id(std::string_view field) {
    const json* value = required(field, "a lower_snake_case id");
    if (value == nullptr) return {};
    if (!value->is_string() || !is_lower_snake_case(value->get<std::string>())) {
      fail(field, "expected a lower_snake_case id (a-z, 0-9 and single underscores, at most " +
                      std::to_string(kMaxIdLength) + " characters), got " + shown(*value));
      return {};
    }
    return value->get<std::string>();
  }

  // A single line of text; `sentence` also asks for closing punctuation.
  std::string text(std::string_view field, std::size_t max_length, bool sentence) {
    const json* value = required(field, "a string");
    return value == nullptr ? std::string() : text_value(*value, field, max_length, sentence);
  }

  std::vector<std::string> sentences(std::string_view field, std::size_t min_count,
                                     std::size_t max_count) {
    std::vector<std::string> out;
    const json* list = list_of(field, min_count, max_count, "sentences");
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->size(); ++i)
      out.push_back(text_value((*list)[i], element(field, i), kMaxSentenceLength, true));
    return out;
  }

  int whole_number(std::string_view field, int min, int max) {
    const json* value = required(field, "a whole number");
    if (value == nullptr) return 0;
    const std::string expected = "expected a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max) + ", got " + shown(*value);
    if (value->is_number_unsigned()) {
      const auto number = value->get<std::uint64_t>();
      if (number <= static_cast<std::uint64_t>(max) && number >= static_cast<std::uint64_t>(min))
        return static_cast<int>(number);
    } else if (value->is_number_integer()) {
      const auto number = value->get<std::int64_t>();
      if (number >= min && number <= max) return static_cast<int>(number);
    }
    fail(field, expected);
    return 0;
  }

  bool boolean(std::string_view field) {
    const json* value = required(field, "true or false");
    if (value == nullptr) return false;
    if (!value->is_boolean()) {
      fail(field, "expected true or false, got " + shown(*value));
      return false;
    }
    return value->get<bool>();
  }

  // One enum value, parsed with the engine's own wire names.
  template <typename E, std::size_t N>
  std::optional<E> choice(std::string_view field, std::optional<E> (*parse)(const std::string&),
                          const std::array<E, N>& allowed) {
    const json* value = required(field, one_of(allowed));
    return value == nullptr ? std::nullopt : choice_value(*value, field, parse, allowed);
  }

  template <typename E, std::size_t N>
  std::vector<E> choices(std::string_view field, std::optional<E> (*parse)(const std::string&),
                         const std::array<E, N>& allowed) {
    std::vector<E> out;
    const json* list = list_of(field, 1, N, "values, each " + one_of(allowed));
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = element(field, i);
      const std::optional<E> parsed = choice_value((*list)[i], path, parse, allowed);
      if (!parsed) continue;
      if (std::find(out.begin(), out.end(), *parsed) != out.end())
        fail(path, std::string("\"") + coach::to_string(*parsed) + "\" is listed twice");
      out.push_back(*parsed);
    }
    return out;
  }

 private:
  static std::string element(std::string_view field, std::size_t index) {
    return std::string(field) + "[" + std::to_string(index) + "]";
  }

  const json* required(std::string_view field, const std::string& expected) {
    const auto it = item_.find(field);
    if (it == item_.end()) {
      fail(field, "missing; expected " + expected);
      return nullptr;
    }
    return &*it;
  }

  const json* list_of(std::string_view field, std::size_t min_count, std::size_t max_count,
                      const std::string& what) {
    const std::string expected = "expected a list of " + std::to_string(min_count) + " to " +
                                 std::to_string(max_count) + " " + what;
    const json* value = required(field, "a list");
    if (value == nullptr) return nullptr;
    if (!value->is_array() || value->size() < min_count || value->size() > max_count) {
      fail(field, expected + ", got " + shown(*value));
      return nullptr;
    }
    return value;
  }

  std::string text_value(const json& value, std::string_view path, std::size_t max_length,
                         bool sentence) {
    if (!value.is_string()) {
      fail(path, "expected a string, got " + shown(value));
      return {};
    }
    auto text = value.get<std::string>();
    if (text.empty() || is_space(text.front()) || is_space(text.back())) {
      fail(path, "expected text without leading or trailing spaces, got " + shown(value));
    } else if (std::any_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      fail(path, "expected a single line of text without control characters");
    } else if (text.size() > max_length) {
      fail(path, "expected at most " + std::to_string(max_length) + " characters, got " +
                     std::to_string(text.size()));
    } else if (sentence && std::string_view(".!?").find(text.back()) == std::string_view::npos) {
      fail(path, "expected a sentence ending in '.', '!' or '?', got " + shown(value));
    }
    return text;
  }

  template <typename E, std::size_t N>
  std::optional<E> choice_value(const json& value, std::string_view path,
                                std::optional<E> (*parse)(const std::string&),
                                const std::array<E, N>& allowed) {
    std::optional<E> parsed;
    if (value.is_string()) parsed = parse(value.get<std::string>());
    if (!parsed) fail(path, "expected " + one_of(allowed) + ", got " + shown(value));
    return parsed;
  }

  const json& item_;
  std::string path_;
  std::optional<Error> error_;
};

// "stretches.json: items[3] (kneeling_hip_flexor)"; the id part only when the id is readable.
std::string item_path(std::string_view file, std::size_t index, const json& item) {
  std::string path = std::string(file) + ": items[" + std::to_string(index) + "]";
  if (const auto it = item.find("id");
      it != item.end() && it->is_string() && is_lower_snake_case(it->get<std::string>()))
    path += " (" + it->get<std::string>() + ")";
  return path;
}

Result<CatalogItem> read_item(const json& item, std::string path) {
  if (!item.is_object()) return Error::invalid(path, "expected an object, got " + shown(item));
  ItemReader reader(item, std::move(path));
  // Unknown fields first: a misspelt field would otherwise surface as a confusing "missing".
  reader.reject_unknown_fields();

  CatalogItem out;
  out.id = reader.id("id");
  out.name = reader.text("name", kMaxNameLength, false);
  const auto kind = reader.choice("kind", coach::item_kind_from, kAllKinds);
  out.targets = reader.choices("targets", coach::target_from, kAllTargets);
  const auto position = reader.choice("position", coach::position_from, kAllPositions);

  // An item is either held or repeated, never both.
  const bool has_hold = reader.has("hold_seconds");
  const bool has_reps = reader.has("reps");
  if (has_hold && has_reps) {
    reader.fail("reps", "expected either hold_seconds or reps, not both");
  } else if (has_hold) {
    out.hold_seconds = reader.whole_number("hold_seconds", kMinHoldSeconds, kMaxHoldSeconds);
  } else if (has_reps) {
    out.reps = reader.whole_number("reps", kMinReps, kMaxReps);
  } else {
    reader.fail("hold_seconds",
                "missing; expected hold_seconds (" + std::to_string(kMinHoldSeconds) + " to " +
                    std::to_string(kMaxHoldSeconds) + ") or reps (" + std::to_string(kMinReps) +
                    " to " + std::to_string(kMaxReps) + ")");
  }

  out.each_side = reader.boolean("each_side");
  out.steps = reader.sentences("steps", kMinSteps, kMaxSteps);
  out.cues = reader.sentences("cues", kMinCues, kMaxCues);
  out.breath = reader.text("breath", kMaxSentenceLength, true);
  out.cautions = reader.sentences("cautions", 0, kMaxCautions);
  const auto flexion = reader.choice("flexion", coach::flexion_load_from, kAllFlexionLoads);
  const auto extension = reader.choice("extension", coach::extension_load_from, kAllExtensionLoads);
  const auto intensity = reader.choice("intensity", coach::intensity_from, kAllIntensities);
  const auto phase = reader.choice("phase", coach::phase_from, kAllPhases);

  // A skill says where a rope drill sits in the learning order; other items have none.
  if (kind == ItemKind::kRopeDrill) {
    out.skill = reader.choice("skill", coach::rope_skill_from, kAllRopeSkills);
  } else if (kind && reader.has("skill")) {
    reader.fail("skill", std::string("only rope drills have a skill; this item's kind is \"") +
                             coach::to_string(*kind) + "\"");
  }

  if (reader.error()) return *reader.error();
  out.kind = *kind;
  out.position = *position;
  out.flexion = *flexion;
  out.extension = *extension;
  out.intensity = *intensity;
  out.phase = *phase;
  return out;
}

// A key given twice in one object, and the index of the item whose own field it is, if any.
struct DuplicateKey {
  std::string key;
  std::optional<std::size_t> item_index;
};

// nlohmann keeps the last of two equal keys without a word; a catalog author repeating a field
// almost always made a copy-and-paste mistake, so the loader looks for it while parsing.
class DuplicateKeyFinder {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    // Depths as nlohmann counts them: the file's keys are at 1, the items at 2, their fields at 3.
    constexpr int kFileKeyDepth = 1;
    constexpr int kItemDepth = 2;
    constexpr int kItemFieldDepth = 3;
    switch (event) {
      case json::parse_event_t::object_start:
        open_objects_.emplace_back();
        if (depth == kItemDepth && in_items_) ++items_seen_;
        break;
      case json::parse_event_t::object_end:
        if (!open_objects_.empty()) open_objects_.pop_back();
        break;
      case json::parse_event_t::array_start:
      case json::parse_event_t::value:
        if (depth == kItemDepth && in_items_) ++items_seen_;
        break;
      case json::parse_event_t::key: {
        auto key = parsed.get<std::string>();
        if (depth == kFileKeyDepth) in_items_ = key == "items";
        if (open_objects_.empty() || open_objects_.back().insert(key).second || duplicate_) break;
        const bool item_field = depth == kItemFieldDepth && in_items_ && items_seen_ > 0;
        duplicate_ = DuplicateKey{std::move(key),
                                  item_field ? std::optional(items_seen_ - 1) : std::nullopt};
        break;
      }
      default:
        break;
    }
    return true;
  }
  [[nodiscard]] const std::optional<DuplicateKey>& duplicate() const { return duplicate_; }

 private:
  std::vector<std::set<std::string>> open_objects_;
  bool in_items_ = false;  // inside the value of the file's "items" key
  std::size_t items_seen_ = 0;
  std::optional<DuplicateKey> duplicate_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is what people need.
std::string without_exception_tag(const std::string& what) {
  const auto close = what.find("] ");
  return what.rfind("[json.exception.", 0) == 0 && close != std::string::npos
             ? what.substr(close + 2)
             : what;
}

Result<json> parse_file(const bb::data::EmbeddedFile& file) {
  const std::string name(file.name);
  // Shared by copies of the callback that nlohmann makes, so the finding survives the parse.
  auto finder = std::make_shared<DuplicateKeyFinder>();
  json root;
  try {
    root = json::parse(file.contents, [finder](int depth, json::parse_event_t event, json& parsed) {
      return (*finder)(depth, event, parsed);
    });
  } catch (const json::parse_error& e) {
    return Error::invalid(name, "not valid JSON: " + without_exception_tag(e.what()));
  }
  if (const auto& duplicate = finder->duplicate()) {
    // Name the item when the repeated key is one of its fields, as every other error does.
    std::string path = name;
    const auto items = root.find("items");
    if (duplicate->item_index && items != root.end() && items->is_array() &&
        *duplicate->item_index < items->size())
      path = item_path(name, *duplicate->item_index, (*items)[*duplicate->item_index]) + "." +
             duplicate->key;
    return Error::invalid(path,
                          "\"" + duplicate->key + "\" is given twice in one object; keep one");
  }
  return root;
}

struct Origin {
  std::string file;
  std::size_t index = 0;
};

Result<coach::Catalog> load(const std::vector<bb::data::EmbeddedFile>& files) {
  if (files.empty()) return Error::invalid("catalog", "expected at least one catalog file");
  coach::Catalog catalog;
  std::map<std::string, Origin> origins;  // where each id was first seen
  for (const auto& file : files) {
    const std::string name(file.name);
    auto parsed = parse_file(file);
    if (!parsed) return parsed.error();
    const json& root = *parsed;
    if (!root.is_object())
      return Error::invalid(name, "expected an object {\"items\": [...]}, got " + shown(root));
    for (const auto& [key, value] : root.items()) {
      if (key != "items")
        return Error::invalid(name + ": " + key, "unknown field; a file holds only \"items\"");
    }
    const auto items = root.find("items");
    if (items == root.end()) return Error::invalid(name + ": items", "missing; expected a list");
    if (!items->is_array() || items->empty())
      return Error::invalid(name + ": items",
                            "expected a non-empty list of items, got " + shown(*items));

    for (std::size_t i = 0; i < items->size(); ++i) {
      const json& item = (*items)[i];
      const std::string path = item_path(name, i, item);
      auto read = read_item(item, path);
      if (!read) return read.error();
      const auto [seen, inserted] = origins.try_emplace(read->id, Origin{name, i});
      if (!inserted)
        return Error::invalid(path + ".id", "expected a unique id; \"" + read->id +
                                                "\" is already used by " + seen->second.file +
                                                ": items[" + std::to_string(seen->second.index) +
                                                "]");
      catalog.items.push_back(std::move(read).value());
    }
  }
  std::sort(catalog.items.begin(), catalog.items.end(),
            [](const CatalogItem& a, const CatalogItem& b) { return a.id < b.id; });
  return catalog;
}

}  // namespace

bb::Result<coach::Catalog> load_catalog(const std::vector<bb::data::EmbeddedFile>& files) {
  // The checks above never throw on bad input; this only guards against the unexpected
  // (e.g. running out of memory), so that callers can rely on getting a Result.
  try {
    return load(files);
  } catch (const std::exception& e) {
    return Error::internal(std::string("loading the catalog failed: ") + e.what());
  }
}

bb::Result<coach::Catalog> load_embedded_catalog() {
  return load_catalog(bb::data::catalog_files());
}

}  // namespace bb::app
