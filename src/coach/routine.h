// The stretch and yoga part of a day: picked from the catalog for the day type, the person's
// aggravators and the date (deterministic: the same input gives the same routine).
#pragma once

#include "base/date.h"
#include "coach/catalog.h"
#include "coach/model.h"
#include "coach/plan.h"

namespace bb::coach {

// The five regions every routine covers, in the order they are visited.
inline constexpr Target kRoutineTargets[] = {Target::kThoracicSpine, Target::kLowBack,
                                             Target::kHipFlexors, Target::kHamstrings,
                                             Target::kGlutes};

// True when the item spares what aggravates this person (docs/engine-rules.md,
// routine.respects_aggravators): no deep loaded flexion for those worse with sitting or bending,
// no chair items for those worse with sitting, no end-range extension for those worse with
// standing or arching, no held standing stretch for those worse with standing.
bool respects_aggravators(const CatalogItem& item, const Profile& profile);

// An empty plan on rest days.
StretchPlan compose_routine(const Catalog& catalog, const Profile& profile, DayType day_type,
                            Date date);

}  // namespace bb::coach
