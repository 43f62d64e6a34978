// Internal: tables mapping enum values to their wire names, and the two look-ups over them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace bb::coach::detail {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

template <typename E, std::size_t N>
const char* name_of(const Names<E, N>& table, E value) {
  for (const auto& [v, n] : table)
    if (v == value) return n;
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const Names<E, N>& table, const std::string& name) {
  for (const auto& [v, n] : table)
    if (name == n) return v;
  return std::nullopt;
}

}  // namespace bb::coach::detail
