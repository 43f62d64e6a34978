// Strict reading of outside JSON: every failure names the field path and nothing throws.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"

namespace bb::app {

// The path of an array element or an object member: "days" + 3 -> "days[3]".
std::string path_index(const std::string& path, std::size_t index);
std::string path_member(const std::string& path, std::string_view name);

// Fails when `j` is not an object or has a member outside `allowed`.
Status expect_object(const nlohmann::json& j, const std::string& path,
                     std::initializer_list<std::string_view> allowed);

enum class Presence { kRequired, kOptional };

// Each reads member `name` of object `j`. A missing optional member gives nullopt; null counts
// as missing for optional members.
Result<std::optional<int>> read_int(const nlohmann::json& j, const std::string& path,
                                    std::string_view name, int min, int max, Presence presence);
Result<std::optional<double>> read_number(const nlohmann::json& j, const std::string& path,
                                          std::string_view name, double min, double max,
                                          Presence presence);
Result<std::optional<bool>> read_bool(const nlohmann::json& j, const std::string& path,
                                      std::string_view name, Presence presence);
Result<std::optional<std::string>> read_string(const nlohmann::json& j, const std::string& path,
                                               std::string_view name, std::size_t max_length,
                                               Presence presence);
Result<std::optional<Date>> read_date(const nlohmann::json& j, const std::string& path,
                                      std::string_view name, Presence presence);

// Reads a string member and maps it through `from` (e.g. coach::feel_from); the error lists
// `allowed`.
template <typename E, typename From>
Result<std::optional<E>> read_enum(const nlohmann::json& j, const std::string& path,
                                   std::string_view name, From from, const char* allowed,
                                   Presence presence) {
  auto text = read_string(j, path, name, 64, presence);
  if (!text.ok()) return text.error();
  if (!*text) return std::optional<E>{};
  const auto value = from(**text);
  if (!value) {
    return Error::invalid(path_member(path, name),
                          "unknown value \"" + **text + "\"; expected one of " + allowed);
  }
  return std::optional<E>{*value};
}

}  // namespace bb::app
