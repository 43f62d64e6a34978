#include "coach/rope_advice.h"

#include "coach/progression.h"

namespace bb::coach {

namespace {
// Beginners: about height + 90 cm overall (clinical-basis.md section 5). Experienced jumpers go
// shorter; we take 15 cm off, which keeps the handles near the lower ribs when standing on it.
constexpr int kBeginnerExtraCm = 90;
constexpr int kExperiencedExtraCm = 75;
}  // namespace

RopeAdvice advise_rope(const Profile& profile) {
  RopeAdvice advice;
  if (first_dose(profile).skill == RopeSkill::kSideSwing) {
    advice.start =
        "Your first rope sessions are side swings: swing the rope at your side and step in time, "
        "without jumping. After a session your back handles well, settled by the next morning, "
        "the next plan moves on to low jumps.";
  } else {
    advice.start =
        "You have skipped before, so your first session is low, soft jumps (the basic bounce) in "
        "short rounds with rests between. The rounds grow only after sessions your back handles "
        "well, settled by the next morning.";
  }
  const bool experienced = profile.rope_experience == RopeExperience::kRegular;
  advice.length_cm = profile.height_cm + (experienced ? kExperiencedExtraCm : kBeginnerExtraCm);
  advice.length_note =
      "Stand on the middle of the rope: the handles should reach about your armpits" +
      std::string(experienced ? ", or a little lower since you jump regularly." : ". A longer rope "
                                                                                   "is more forgiving "
                                                                                   "while you learn.");
  if (experienced) {
    advice.recommended = RopeOwned::kSpeedQuarterLb;
    advice.recommendation =
        "A quarter-pound (about 113 g) speed rope: its slight weight slows the pace and builds "
        "shoulder stability, which suits recovery work for someone who already jumps.";
  } else {
    advice.recommended = RopeOwned::kBeaded;
    advice.recommendation =
        "A beaded rope: the segments let you feel where the rope is, and it turns slower and "
        "forgives mistakes, which suits beginners and recovery work.";
  }
  switch (profile.rope) {
    case RopeOwned::kNone:
      advice.about_owned = "You have no rope yet. Until you get one, do the same movement without a rope.";
      break;
    case RopeOwned::kBeaded:
      advice.about_owned = "Your beaded rope is a good choice for recovery: keep using it.";
      break;
    case RopeOwned::kSpeedQuarterLb:
      advice.about_owned = "Your quarter-pound rope is a good choice: its weight keeps the pace relaxed.";
      break;
    case RopeOwned::kPvcSpeed:
      advice.about_owned =
          "Your light PVC or cable speed rope is made for fast work and double unders; it is hard to "
          "keep slow. Keep it for later and use a beaded or quarter-pound rope for recovery.";
      break;
    case RopeOwned::kHeavy:
      advice.about_owned =
          "Your heavy rope adds load to the shoulders and trunk. Put it aside during early recovery.";
      break;
    case RopeOwned::kRopeless:
      advice.about_owned =
          "Ropeless handles are fine: the same motion without a rope, good for low ceilings or "
          "while coordination returns.";
      break;
  }
  advice.avoid = {"Light PVC or cable speed ropes: built for speed, not for recovery.",
                  "Heavy ropes (half a pound and more): too much load for early recovery.",
                  "Jumping on concrete."};
  advice.surface = "A forgiving surface: a wooden floor or a rubber mat. Avoid concrete.";
  advice.shoes = "Cushioned trainers; land softly on the balls of your feet with knees slightly bent.";
  return advice;
}

}  // namespace bb::coach
