#include "app/timeline_json.h"

#include <gtest/gtest.h>

namespace bb::app {
namespace {

using nlohmann::json;

json profile_with_aggravators(json aggravated_by) {
  return {{"birth_year", 1980},
          {"height_cm", 175},
          {"rope_experience", "none"},
          {"rope", "none"},
          {"aggravated_by", std::move(aggravated_by)}};
}

json checkin_with_urgent(json urgent_flags) {
  return {{"pain", 3}, {"feel", "okay"}, {"urgent_flags", std::move(urgent_flags)}};
}

TEST(ProfileJson, ReadsAggravatorsOnceEachInTheirOrder) {
  const auto profile =
      profile_from_json(profile_with_aggravators({"bending", "sitting", "bending"}), "profile");
  ASSERT_TRUE(profile.ok()) << profile.error().message;
  EXPECT_EQ(profile->aggravated_by,
            (std::vector<coach::Aggravator>{coach::Aggravator::kBending,
                                            coach::Aggravator::kSitting}));
  const auto none = profile_from_json(profile_with_aggravators(nullptr), "profile");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->aggravated_by.empty());
}

TEST(ProfileJson, NamesTheAggravatorThatIsNotOne) {
  const auto not_a_list = profile_from_json(profile_with_aggravators("sitting"), "profile");
  ASSERT_FALSE(not_a_list.ok());
  EXPECT_EQ(not_a_list.error().field, "profile.aggravated_by");
  EXPECT_EQ(not_a_list.error().message, "must be a list");

  const auto unknown = profile_from_json(profile_with_aggravators({"sitting", 3}), "profile");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "profile.aggravated_by[1]");
  EXPECT_EQ(unknown.error().message,
            "unknown value; expected one of sitting, bending, standing, arching, walking, lying");
}

TEST(CheckInJson, KeepsEveryUrgentAnswerAndRefusesAFlagThatIsNotUrgent) {
  const auto checkin = checkin_from_json(
      checkin_with_urgent({"saddle_numbness", "saddle_numbness", "bladder_bowel_change"}),
      "checkin");
  ASSERT_TRUE(checkin.ok()) << checkin.error().message;
  EXPECT_EQ(checkin->urgent_flags,
            (std::vector<coach::RedFlag>{coach::RedFlag::kSaddleNumbness,
                                         coach::RedFlag::kSaddleNumbness,
                                         coach::RedFlag::kBladderBowelChange}));

  const auto not_urgent =
      checkin_from_json(checkin_with_urgent({"saddle_numbness", "constant_night_pain"}), "checkin");
  ASSERT_FALSE(not_urgent.ok());
  EXPECT_EQ(not_urgent.error().field, "checkin.urgent_flags[1]");
  EXPECT_EQ(not_urgent.error().message,
            "expected one of saddle_numbness, bladder_bowel_change, progressive_leg_weakness");

  const auto not_a_list = checkin_from_json(checkin_with_urgent(json::object({{"a", 1}})), "checkin");
  ASSERT_FALSE(not_a_list.ok());
  EXPECT_EQ(not_a_list.error().field, "checkin.urgent_flags");
  EXPECT_EQ(not_a_list.error().message, "must be a list of urgent red-flag ids");
}

}  // namespace
}  // namespace bb::app
