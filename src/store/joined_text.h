// Lists kept in one TEXT column: the items joined by a separator that no item holds.
#pragma once

#include <string>
#include <vector>

namespace bb::store {

enum class EmptyItems { kKeep, kDrop };

[[nodiscard]] std::string join_with(const std::vector<std::string>& items, char separator);
// The inverse of join_with; a trailing separator ends the list, it does not add an empty item.
[[nodiscard]] std::vector<std::string> split_at(const std::string& text, char separator,
                                                EmptyItems empty_items);

}  // namespace bb::store
