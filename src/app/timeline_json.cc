#include "app/timeline_json.h"

#include <type_traits>
#include <vector>

#include "app/json_reader.h"

namespace bb::app {

using coach::Timeline;
using nlohmann::json;

namespace {
constexpr const char* kExperiences = "none, some, regular";
constexpr const char* kRopes = "none, beaded, speed_quarter_lb, pvc_speed, heavy, ropeless";
constexpr const char* kAggravators = "sitting, bending, standing, arching, walking, lying";
constexpr const char* kFeels = "sensitive, okay, good";
constexpr const char* kLegSymptoms = "none, above_knee, below_knee";
constexpr const char* kStops = "none, sharp_pain, fatigue, other";
constexpr const char* kPlacements = "pocket, waist, chest, ankle, wrist";
constexpr int kMaxDays = 20000;  // over fifty years of daily check-ins

// What a list member's errors say: when it is no list, and when an element is not a value it holds.
struct ListErrors {
  std::string not_a_list;
  std::string unknown_element;
};

// Reads optional member `name` as a list of strings, each mapped through `from` (nullopt for a
// value the list may not hold); a missing or null member is an empty list.
template <typename From,
          typename E = typename std::invoke_result_t<From, const std::string&>::value_type>
Result<std::vector<E>> read_enum_list(const json& j, const std::string& path,
                                      std::string_view name, From from, const ListErrors& errors) {
  std::vector<E> values;
  const std::string list_path = path_member(path, name);
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return values;
  if (!it->is_array()) return Error::invalid(list_path, errors.not_a_list);
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    const auto value = v.is_string() ? from(v.get<std::string>()) : std::nullopt;
    if (!value) return Error::invalid(path_index(list_path, i), errors.unknown_element);
    values.push_back(*value);
  }
  return values;
}
}  // namespace

Result<coach::Profile> profile_from_json(const json& j, const std::string& path) {
  BB_RETURN_IF_ERROR(expect_object(
      j, path, {"birth_year", "height_cm", "rope_experience", "rope", "aggravated_by"}));
  coach::Profile p;
  BB_ASSIGN_OR_RETURN(auto year, read_int(j, path, "birth_year", 1900, 2100, Presence::kRequired));
  p.birth_year = *year;
  BB_ASSIGN_OR_RETURN(auto height, read_int(j, path, "height_cm", 100, 250, Presence::kRequired));
  p.height_cm = *height;
  BB_ASSIGN_OR_RETURN(auto exp, read_enum<coach::RopeExperience>(
                                    j, path, "rope_experience", coach::rope_experience_from,
                                    kExperiences, Presence::kRequired));
  p.rope_experience = *exp;
  BB_ASSIGN_OR_RETURN(auto rope,
                      read_enum<coach::RopeOwned>(j, path, "rope", coach::rope_owned_from, kRopes,
                                                  Presence::kRequired));
  p.rope = *rope;
  BB_ASSIGN_OR_RETURN(auto aggravators,
                      read_enum_list(j, path, "aggravated_by", coach::aggravator_from,
                                     {.not_a_list = "must be a list",
                                      .unknown_element = std::string("unknown value; expected one of ") +
                                                         kAggravators}));
  for (const coach::Aggravator a : aggravators) {
    if (!p.aggravated(a)) p.aggravated_by.push_back(a);
  }
  return p;
}

Result<coach::Screening> screening_from_json(const json& j, const std::string& path) {
  if (!j.is_object()) return Error::invalid(path, "must be a JSON object of the ten red-flag ids");
  for (const auto& [key, value] : j.items()) {
    if (!coach::red_flag_from(key))
      return Error::invalid(path_member(path, key), "unknown red-flag id");
  }
  coach::Screening s;
  for (const auto& f : coach::red_flags()) {
    BB_ASSIGN_OR_RETURN(auto yes, read_bool(j, path, f.id, Presence::kRequired));
    s.answers[static_cast<std::size_t>(f.flag)] = *yes;
  }
  return s;
}

Result<coach::CheckIn> checkin_from_json(const json& j, const std::string& path) {
  BB_RETURN_IF_ERROR(
      expect_object(j, path, {"pain", "feel", "leg_symptoms", "urgent_flags", "notes"}));
  coach::CheckIn c;
  BB_ASSIGN_OR_RETURN(auto pain, read_int(j, path, "pain", 0, 10, Presence::kRequired));
  c.pain = *pain;
  BB_ASSIGN_OR_RETURN(auto feel, read_enum<coach::Feel>(j, path, "feel", coach::feel_from, kFeels,
                                                        Presence::kRequired));
  c.feel = *feel;
  BB_ASSIGN_OR_RETURN(
      auto legs, read_enum<coach::LegSymptoms>(j, path, "leg_symptoms", coach::leg_symptoms_from,
                                               kLegSymptoms, Presence::kOptional));
  c.leg_symptoms = legs.value_or(coach::LegSymptoms::kNone);
  const auto urgent_flag_from = [](const std::string& id) -> std::optional<coach::RedFlag> {
    const auto f = coach::red_flag_from(id);
    if (!f || coach::info(*f).severity != coach::FlagSeverity::kUrgent) return std::nullopt;
    return f;
  };
  BB_ASSIGN_OR_RETURN(
      c.urgent_flags,
      read_enum_list(j, path, "urgent_flags", urgent_flag_from,
                     {.not_a_list = "must be a list of urgent red-flag ids",
                      .unknown_element = "expected one of saddle_numbness, bladder_bowel_change, "
                                         "progressive_leg_weakness"}));
  BB_ASSIGN_OR_RETURN(auto notes, read_string(j, path, "notes", 2000, Presence::kOptional));
  c.notes = notes.value_or("");
  return c;
}

Result<coach::Measured> measured_from_json(const json& j, const std::string& path) {
  BB_RETURN_IF_ERROR(expect_object(j, path,
                                   {"active_seconds", "jumps", "placement", "cadence_per_min",
                                    "height_cm", "impact_g", "trips", "longest_run"}));
  coach::Measured m;
  BB_ASSIGN_OR_RETURN(auto active,
                      read_number(j, path, "active_seconds", 0, 7200, Presence::kRequired));
  m.active_seconds = *active;
  BB_ASSIGN_OR_RETURN(auto jumps, read_int(j, path, "jumps", 0, 100000, Presence::kRequired));
  m.jumps = *jumps;
  BB_ASSIGN_OR_RETURN(auto placement,
                      read_enum<coach::SensorPlacement>(j, path, "placement",
                                                        coach::sensor_placement_from, kPlacements,
                                                        Presence::kRequired));
  m.placement = *placement;
  BB_ASSIGN_OR_RETURN(m.cadence_per_min,
                      read_number(j, path, "cadence_per_min", 0, 400, Presence::kOptional));
  BB_ASSIGN_OR_RETURN(m.height_cm, read_number(j, path, "height_cm", 0, 100, Presence::kOptional));
  BB_ASSIGN_OR_RETURN(m.impact_g, read_number(j, path, "impact_g", 0, 64, Presence::kOptional));
  BB_ASSIGN_OR_RETURN(m.trips, read_int(j, path, "trips", 0, 100000, Presence::kOptional));
  BB_ASSIGN_OR_RETURN(m.longest_run,
                      read_int(j, path, "longest_run", 0, 100000, Presence::kOptional));
  return m;
}

Result<coach::SessionLog> session_from_json(const json& j, const std::string& path,
                                            MeasuredField measured) {
  BB_RETURN_IF_ERROR(expect_object(j, path,
                                   {"completed", "rope_minutes", "pain_during_max", "pain_after",
                                    "stopped", "effort", "notes", "measured"}));
  if (measured == MeasuredField::kRefused && j.contains("measured")) {
    return Error::invalid(path_member(path, "measured"),
                          "comes from the session's recordings and cannot be logged");
  }
  coach::SessionLog s;
  BB_ASSIGN_OR_RETURN(auto completed, read_bool(j, path, "completed", Presence::kRequired));
  s.completed = *completed;
  BB_ASSIGN_OR_RETURN(auto minutes,
                      read_number(j, path, "rope_minutes", 0, 60, Presence::kRequired));
  s.rope_minutes = *minutes;
  BB_ASSIGN_OR_RETURN(auto during,
                      read_int(j, path, "pain_during_max", 0, 10, Presence::kRequired));
  s.pain_during_max = *during;
  BB_ASSIGN_OR_RETURN(auto after, read_int(j, path, "pain_after", 0, 10, Presence::kRequired));
  s.pain_after = *after;
  BB_ASSIGN_OR_RETURN(auto stopped,
                      read_enum<coach::StopReason>(j, path, "stopped", coach::stop_reason_from,
                                                   kStops, Presence::kOptional));
  s.stopped = stopped.value_or(coach::StopReason::kNone);
  BB_ASSIGN_OR_RETURN(s.effort, read_int(j, path, "effort", 0, 10, Presence::kOptional));
  BB_ASSIGN_OR_RETURN(auto notes, read_string(j, path, "notes", 2000, Presence::kOptional));
  s.notes = notes.value_or("");
  if (const auto it = j.find("measured"); it != j.end() && !it->is_null()) {
    BB_ASSIGN_OR_RETURN(s.measured, measured_from_json(*it, path_member(path, "measured")));
  }
  return s;
}

Result<Timeline> timeline_from_json(const json& doc) {
  BB_RETURN_IF_ERROR(expect_object(doc, "", {"profile", "screening", "clearance", "days"}));
  Timeline t;
  if (!doc.contains("profile")) return Error::invalid("profile", "is required");
  BB_ASSIGN_OR_RETURN(t.profile, profile_from_json(doc["profile"], "profile"));
  if (!doc.contains("screening")) return Error::invalid("screening", "is required");
  BB_ASSIGN_OR_RETURN(t.screening, screening_from_json(doc["screening"], "screening"));
  BB_ASSIGN_OR_RETURN(t.clearance, read_date(doc, "", "clearance", Presence::kOptional));
  const auto days = doc.find("days");
  if (days == doc.end()) return Error::invalid("days", "is required");
  if (!days->is_array()) return Error::invalid("days", "must be a list");
  if (days->size() > kMaxDays)
    return Error::invalid("days", "at most " + std::to_string(kMaxDays) + " days");
  t.days.reserve(days->size());
  for (std::size_t i = 0; i < days->size(); ++i) {
    const json& d = (*days)[i];
    const std::string path = path_index("days", i);
    BB_RETURN_IF_ERROR(expect_object(d, path, {"date", "checkin", "session", "next_morning_pain"}));
    coach::Day day;
    BB_ASSIGN_OR_RETURN(auto date, read_date(d, path, "date", Presence::kRequired));
    day.date = *date;
    if (!t.days.empty() && day.date <= t.days.back().date)
      return Error::invalid(path_member(path, "date"), "must come after the previous day's date");
    if (!d.contains("checkin")) return Error::invalid(path_member(path, "checkin"), "is required");
    BB_ASSIGN_OR_RETURN(day.checkin, checkin_from_json(d["checkin"], path_member(path, "checkin")));
    if (d.contains("session") && !d["session"].is_null()) {
      BB_ASSIGN_OR_RETURN(day.session,
                          session_from_json(d["session"], path_member(path, "session"),
                                            MeasuredField::kAccepted));
    }
    BB_ASSIGN_OR_RETURN(day.next_morning_pain,
                        read_int(d, path, "next_morning_pain", 0, 10, Presence::kOptional));
    t.days.push_back(std::move(day));
  }
  return t;
}

Result<Timeline> parse_timeline(std::string_view json_text) {
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error::invalid("$", "is not valid JSON");
  return timeline_from_json(doc);
}

json profile_to_json(const coach::Profile& p) {
  json agg = json::array();
  for (auto a : p.aggravated_by) agg.push_back(coach::to_string(a));
  return {{"birth_year", p.birth_year},
          {"height_cm", p.height_cm},
          {"rope_experience", coach::to_string(p.rope_experience)},
          {"rope", coach::to_string(p.rope)},
          {"aggravated_by", agg}};
}

json safety_questions_to_json() {
  json questions = json::array();
  for (const coach::RedFlagInfo& f : coach::red_flags()) {
    questions.push_back({{"id", f.id},
                         {"question", f.question},
                         {"summary", f.summary},
                         {"urgent", f.severity == coach::FlagSeverity::kUrgent},
                         {"advice", coach::safety_advice(f.severity)}});
  }
  return questions;
}

json screening_to_json(const coach::Screening& s) {
  json j = json::object();
  for (const auto& f : coach::red_flags()) j[f.id] = s.yes(f.flag);
  return j;
}

json checkin_to_json(const coach::CheckIn& c) {
  json flags = json::array();
  for (auto f : c.urgent_flags) flags.push_back(coach::info(f).id);
  json j = {{"pain", c.pain},
            {"feel", coach::to_string(c.feel)},
            {"leg_symptoms", coach::to_string(c.leg_symptoms)},
            {"urgent_flags", flags}};
  if (!c.notes.empty()) j["notes"] = c.notes;
  return j;
}

json session_to_json(const coach::SessionLog& s) {
  json j = {{"completed", s.completed},
            {"rope_minutes", s.rope_minutes},
            {"pain_during_max", s.pain_during_max},
            {"pain_after", s.pain_after},
            {"stopped", coach::to_string(s.stopped)}};
  if (s.effort) j["effort"] = *s.effort;
  if (!s.notes.empty()) j["notes"] = s.notes;
  if (s.measured) j["measured"] = measured_to_json(*s.measured);
  return j;
}

json measured_to_json(const coach::Measured& m) {
  json j = {{"active_seconds", m.active_seconds},
            {"jumps", m.jumps},
            {"placement", coach::to_string(m.placement)}};
  if (m.cadence_per_min) j["cadence_per_min"] = *m.cadence_per_min;
  if (m.height_cm) j["height_cm"] = *m.height_cm;
  if (m.impact_g) j["impact_g"] = *m.impact_g;
  if (m.trips) j["trips"] = *m.trips;
  if (m.longest_run) j["longest_run"] = *m.longest_run;
  return j;
}

}  // namespace bb::app
