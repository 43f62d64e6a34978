#include "store/person_rows.h"

#include <string_view>
#include <utility>

#include "store/joined_text.h"

namespace bb::store {
namespace {

// Lists of wire ids are stored comma-joined.
std::string join(const std::vector<std::string>& ids) { return join_with(ids, ','); }
std::vector<std::string> split(const std::string& text) {
  return split_at(text, ',', EmptyItems::kDrop);
}

Error unreadable(std::string_view what, const std::string& value) {
  return Error::corrupt("stored " + std::string(what) + " is unreadable: '" + value + "'");
}

// Scores, counts and years: INTEGER columns whose values are small by their CHECKs.
int small_integer(const RowColumns& row, int column) {
  return static_cast<int>(row.integer(column));
}

// Reads a wire id with `parse` (one of coach's *_from functions).
template <typename Enum, typename Parse>
Result<Enum> read_enum(const RowColumns& row, int column, std::string_view what, Parse parse) {
  const std::string text = row.text(column);
  const std::optional<Enum> value = parse(text);
  if (!value) return unreadable(what, text);
  return *value;
}

Result<std::vector<coach::RedFlag>> read_flags(const std::string& text) {
  std::vector<coach::RedFlag> flags;
  for (const auto& id : split(text)) {
    const std::optional<coach::RedFlag> flag = coach::red_flag_from(id);
    if (!flag) return unreadable("red flag", id);
    flags.push_back(*flag);
  }
  return flags;
}

}  // namespace

namespace person_sql {

const std::vector<PersonStatement>& all() {
  static const std::vector<PersonStatement> kAll = {
      kEnsurePerson,     kProfile,          kSaveProfile,        kScreening,
      kSaveScreening,    kPlanRevision,     kClearance,          kRecordClearance,
      kRemoveClearance,  kCheckin,          kSaveCheckin,        kSession,
      kSaveSession,      kSaveNextMorningPain, kTimelineCheckins, kTimelineSessions,
      kTimelineDays,     kAddPeg,           kPegEntries,         kDeletePsfs,
      kInsertPsfs,       kInsertPsfsActivity, kPsfsEntries};
  return kAll;
}

}  // namespace person_sql

std::string aggravator_ids(const coach::Profile& profile) {
  std::vector<std::string> ids;
  for (const coach::Aggravator a : profile.aggravated_by) ids.emplace_back(to_string(a));
  return join(ids);
}

std::string flag_ids(const std::vector<coach::RedFlag>& flags) {
  std::vector<std::string> ids;
  for (const coach::RedFlag flag : flags) ids.emplace_back(coach::info(flag).id);
  return join(ids);
}

std::string yes_flag_ids(const coach::Screening& screening) {
  std::vector<coach::RedFlag> yes;
  for (const auto& flag : coach::red_flags()) {
    if (screening.yes(flag.flag)) yes.push_back(flag.flag);
  }
  return flag_ids(yes);
}

Result<Date> read_date(const RowColumns& row, int column) {
  const std::string text = row.text(column);
  const std::optional<Date> date = Date::parse(text);
  if (!date) return unreadable("date", text);
  return *date;
}

Result<coach::Profile> read_profile(const RowColumns& row) {
  coach::Profile profile;
  profile.birth_year = small_integer(row, 0);
  profile.height_cm = small_integer(row, 1);
  BB_ASSIGN_OR_RETURN(profile.rope_experience,
                      read_enum<coach::RopeExperience>(row, 2, "rope experience",
                                                       coach::rope_experience_from));
  BB_ASSIGN_OR_RETURN(profile.rope,
                      read_enum<coach::RopeOwned>(row, 3, "rope", coach::rope_owned_from));
  for (const auto& id : split(row.text(4))) {
    const std::optional<coach::Aggravator> aggravator = coach::aggravator_from(id);
    if (!aggravator) return unreadable("aggravator", id);
    profile.aggravated_by.push_back(*aggravator);
  }
  return profile;
}

Result<app::ScreeningRecord> read_screening(const RowColumns& row) {
  app::ScreeningRecord record;
  BB_ASSIGN_OR_RETURN(record.date, read_date(row, 0));
  BB_ASSIGN_OR_RETURN(const std::vector<coach::RedFlag> flags, read_flags(row.text(1)));
  for (const coach::RedFlag flag : flags) {
    record.screening.answers[static_cast<std::size_t>(flag)] = true;
  }
  return record;
}

Result<coach::CheckIn> read_checkin(const RowColumns& row, int first) {
  coach::CheckIn checkin;
  checkin.pain = small_integer(row, first);
  BB_ASSIGN_OR_RETURN(checkin.feel,
                      read_enum<coach::Feel>(row, first + 1, "feel", coach::feel_from));
  BB_ASSIGN_OR_RETURN(checkin.leg_symptoms,
                      read_enum<coach::LegSymptoms>(row, first + 2, "leg symptoms",
                                                    coach::leg_symptoms_from));
  BB_ASSIGN_OR_RETURN(checkin.urgent_flags, read_flags(row.text(first + 3)));
  checkin.notes = row.text(first + 4);
  return checkin;
}

Result<coach::SessionLog> read_session(const RowColumns& row, int first, int noted) {
  coach::SessionLog session;
  session.completed = row.integer(first) != 0;
  session.rope_minutes = row.real(first + 1);
  session.pain_during_max = small_integer(row, first + 2);
  session.pain_after = small_integer(row, first + 3);
  BB_ASSIGN_OR_RETURN(session.stopped,
                      read_enum<coach::StopReason>(row, first + 4, "stop reason",
                                                   coach::stop_reason_from));
  session.effort = read_optional_score(row, noted);
  session.notes = row.text(noted + 1);
  return session;
}

std::optional<int> read_optional_score(const RowColumns& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return small_integer(row, column);
}

Result<app::DatedPeg3> read_peg(const RowColumns& row) {
  app::DatedPeg3 entry;
  BB_ASSIGN_OR_RETURN(entry.date, read_date(row, 0));
  entry.peg.average_pain = small_integer(row, 1);
  entry.peg.enjoyment_interference = small_integer(row, 2);
  entry.peg.activity_interference = small_integer(row, 3);
  return entry;
}

Status add_psfs_row(const RowColumns& row, std::vector<app::DatedPsfs>& entries) {
  BB_ASSIGN_OR_RETURN(const Date date, read_date(row, 0));
  if (entries.empty() || entries.back().date != date) entries.push_back({date, {}});
  entries.back().psfs.activities.push_back({row.text(1), small_integer(row, 2)});
  return Status::success();
}

}  // namespace bb::store
