// Which rope, how long, on what surface: advice from the profile alone.
#pragma once

#include <string>
#include <vector>

#include "coach/model.h"

namespace bb::coach {

struct RopeAdvice {
  RopeOwned recommended = RopeOwned::kBeaded;
  std::string recommendation;   // one sentence: what to use and why
  std::string about_owned;      // what to do with the rope they own
  std::vector<std::string> avoid;
  int length_cm = 0;            // overall rope length, handle tip to handle tip
  std::string length_note;
  std::string surface;
  std::string shoes;
  // How the first sessions go, from the same rule that doses them (progression.first_session).
  std::string start;
};

RopeAdvice advise_rope(const Profile& profile);

}  // namespace bb::coach
