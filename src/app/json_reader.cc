#include "app/json_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace bb::app {

using nlohmann::json;

std::string path_index(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string path_member(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

Status expect_object(const json& j, const std::string& path,
                     std::initializer_list<std::string_view> allowed) {
  if (!j.is_object()) return Error::invalid(path.empty() ? "$" : path, "must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return Error::invalid(path_member(path, key), "unknown field");
  }
  return Status::success();
}

namespace {
// Finds member `name`: nullptr when absent (or null and optional); an error when required.
Result<const json*> member(const json& j, const std::string& path, std::string_view name,
                           Presence presence) {
  const auto it = j.find(std::string(name));
  if (it == j.end() || (it->is_null() && presence == Presence::kOptional)) {
    if (presence == Presence::kRequired)
      return Error::invalid(path_member(path, name), "is required");
    return static_cast<const json*>(nullptr);
  }
  return &*it;
}
}  // namespace

Result<std::optional<int>> read_int(const json& j, const std::string& path, std::string_view name,
                                    int min, int max, Presence presence) {
  auto m = member(j, path, name, presence);
  if (!m.ok()) return m.error();
  if (*m == nullptr) return std::optional<int>{};
  const json& v = **m;
  const std::string field = path_member(path, name);
  const std::string range = "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (v.is_number_integer()) {
    const auto n = v.get<std::int64_t>();
    if (n < min || n > max) return Error::invalid(field, range);
    return std::optional<int>{static_cast<int>(n)};
  }
  if (v.is_number_unsigned()) return Error::invalid(field, range);
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && d >= min && d <= max)
      return std::optional<int>{static_cast<int>(d)};
    return Error::invalid(field, range);
  }
  return Error::invalid(field, range);
}

Result<std::optional<double>> read_number(const json& j, const std::string& path,
                                          std::string_view name, double min, double max,
                                          Presence presence) {
  auto m = member(j, path, name, presence);
  if (!m.ok()) return m.error();
  if (*m == nullptr) return std::optional<double>{};
  const json& v = **m;
  const std::string field = path_member(path, name);
  if (!v.is_number()) return Error::invalid(field, "must be a number");
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    return Error::invalid(field, fmt::format("must be a number from {:g} to {:g}", min, max));
  }
  return std::optional<double>{d};
}

Result<std::optional<bool>> read_bool(const json& j, const std::string& path, std::string_view name,
                                      Presence presence) {
  auto m = member(j, path, name, presence);
  if (!m.ok()) return m.error();
  if (*m == nullptr) return std::optional<bool>{};
  if (!(*m)->is_boolean()) return Error::invalid(path_member(path, name), "must be true or false");
  return std::optional<bool>{(*m)->get<bool>()};
}

Result<std::optional<std::string>> read_string(const json& j, const std::string& path,
                                               std::string_view name, std::size_t max_length,
                                               Presence presence) {
  auto m = member(j, path, name, presence);
  if (!m.ok()) return m.error();
  if (*m == nullptr) return std::optional<std::string>{};
  if (!(*m)->is_string()) return Error::invalid(path_member(path, name), "must be a string");
  auto s = (*m)->get<std::string>();
  if (s.size() > max_length)
    return Error::invalid(path_member(path, name),
                          "must be at most " + std::to_string(max_length) + " characters");
  return std::optional<std::string>{std::move(s)};
}

Result<std::optional<Date>> read_date(const json& j, const std::string& path, std::string_view name,
                                      Presence presence) {
  auto s = read_string(j, path, name, 32, presence);
  if (!s.ok()) return s.error();
  if (!*s) return std::optional<Date>{};
  const auto d = Date::parse(**s);
  if (!d) return Error::invalid(path_member(path, name), "must be a date as YYYY-MM-DD");
  return std::optional<Date>{*d};
}

}  // namespace bb::app
