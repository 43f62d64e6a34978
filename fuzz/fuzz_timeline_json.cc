// Fuzzes the replay scenario parser (outside input) and, when it accepts, the engine on the
// result: neither may crash, hang or trip a sanitizer, and an accepted timeline must replay.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/catalog_loader.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"
#include "coach/coach.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bb::coach::Catalog kCatalog = bb::app::load_embedded_catalog().value();
  const auto timeline =
      bb::app::parse_timeline(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!timeline.ok()) return 0;
  if (timeline->days.size() > 2000) return 0;  // keep each run short
  const bb::coach::Coach coach(kCatalog);
  for (const auto& plan : coach.replay(*timeline)) (void)bb::app::plan_to_json(plan).dump();
  return 0;
}
