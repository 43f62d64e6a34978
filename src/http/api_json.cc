#include "http/api_json.h"

#include <cmath>

#include "app/json_reader.h"
#include "app/motion_json.h"
#include "app/day_json.h"
#include "app/plan_json.h"
#include "app/timeline_json.h"

namespace bb::http {
namespace {

using app::Presence;
using nlohmann::json;

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number_text(double value) {
  json j = rounded(value);
  return j.dump();
}

}  // namespace

json account_to_json(const app::Account& account) {
  return {{"id", account.id},
          {"email", account.email},
          {"role", app::to_string(account.role)},
          {"display_name", account.display_name}};
}

json session_opened_to_json(const app::OpenedSession& opened) {
  return {{"account", account_to_json(opened.account)},
          {"token", opened.token},
          {"expires_at", opened.expires_at}};
}

json share_to_json(const app::ShareRecord& share) {
  return {{"person_id", share.person},
          {"clinician_id", share.clinician},
          {"person_email", share.person_email},
          {"clinician_email", share.clinician_email},
          {"person_name", share.person_name},
          {"clinician_name", share.clinician_name},
          {"since", share.since}};
}

namespace {

json recordings_list(const std::vector<app::RecordingHeader>& recordings) {
  json list = json::array();
  for (const app::RecordingHeader& header : recordings) {
    list.push_back(app::recording_header_to_json(header));
  }
  return list;
}

}  // namespace

json export_to_json(const coach::Timeline& timeline, const app::Progress& progress,
                    const std::vector<app::RecordingHeader>& recordings) {
  json days = json::array();
  for (const coach::Day& day : timeline.days) {
    json entry = {{"date", day.date.to_string()}, {"checkin", app::checkin_to_json(day.checkin)}};
    if (day.session) entry["session"] = app::session_to_json(*day.session);
    if (day.next_morning_pain) entry["next_morning_pain"] = *day.next_morning_pain;
    days.push_back(std::move(entry));
  }
  json doc = {{"profile", app::profile_to_json(timeline.profile)},
              {"screening", app::screening_to_json(timeline.screening)},
              {"days", days},
              {"peg", app::peg_entries_to_json(progress.peg)},
              {"psfs", app::psfs_entries_to_json(progress.psfs)},
              {"recordings", recordings_list(recordings)}};
  if (timeline.clearance) doc["clearance"] = timeline.clearance->to_string();
  return doc;
}

std::string export_to_csv(const coach::Timeline& timeline, const app::Progress& progress,
                          const std::vector<app::RecordingHeader>& recordings) {
  std::string out =
      "record,date,pain,feel,leg_symptoms,urgent_flags,notes,completed,rope_minutes,"
      "pain_during_max,pain_after,stopped,next_morning_pain,score,details\r\n";
  for (const coach::Day& day : timeline.days) {
    std::string flags;
    for (const coach::RedFlag flag : day.checkin.urgent_flags) {
      if (!flags.empty()) flags += ' ';
      flags += coach::info(flag).id;
    }
    out += "day," + day.date.to_string() + "," + std::to_string(day.checkin.pain) + "," +
           coach::to_string(day.checkin.feel) + "," + coach::to_string(day.checkin.leg_symptoms) +
           "," + csv_field(flags) + "," + csv_field(day.checkin.notes) + ",";
    if (day.session) {
      out += std::string(day.session->completed ? "yes" : "no") + "," +
             number_text(day.session->rope_minutes) + "," +
             std::to_string(day.session->pain_during_max) + "," +
             std::to_string(day.session->pain_after) + "," +
             coach::to_string(day.session->stopped) + ",";
    } else {
      out += ",,,,,";
    }
    out += (day.next_morning_pain ? std::to_string(*day.next_morning_pain) : std::string()) +
           ",,\r\n";
  }
  for (const auto& entry : progress.peg) {
    out += "peg," + entry.date.to_string() + ",,,,,,,,,,,," + number_text(entry.peg.score()) + "," +
           csv_field("average_pain=" + std::to_string(entry.peg.average_pain) +
                     " enjoyment_interference=" + std::to_string(entry.peg.enjoyment_interference) +
                     " activity_interference=" + std::to_string(entry.peg.activity_interference)) +
           "\r\n";
  }
  for (const auto& entry : progress.psfs) {
    std::string details;
    for (const auto& a : entry.psfs.activities) {
      if (!details.empty()) details += "; ";
      details += a.name + "=" + std::to_string(a.score);
    }
    out += "psfs," + entry.date.to_string() + ",,,,,,,,,,,," + number_text(entry.psfs.score()) +
           "," + csv_field(details) + "\r\n";
  }
  // The score of a recording is its jump count.
  for (const app::RecordingHeader& r : recordings) {
    std::string details = std::string("source=") + app::to_string(r.source) +
                          " placement=" + r.placement +
                          " cadence_per_min=" + number_text(r.cadence_per_min) +
                          " duration_s=" + number_text(r.duration_s);
    if (!r.name.empty()) details += " name=" + r.name;
    out += "recording," + r.date.to_string() + ",,,,,,,,,,,," + std::to_string(r.jumps) + "," +
           csv_field(details) + "\r\n";
  }
  return out;
}

Result<Credentials> credentials_from_json(const json& j, RoleField role_field) {
  const bool with_role = role_field == RoleField::kAllowed;
  BB_RETURN_IF_ERROR(with_role ? app::expect_object(j, "", {"email", "password", "role", "invite"})
                               : app::expect_object(j, "", {"email", "password"}));
  Credentials out;
  BB_ASSIGN_OR_RETURN(const auto email, app::read_string(j, "", "email", 254, Presence::kRequired));
  BB_ASSIGN_OR_RETURN(const auto password,
                      app::read_string(j, "", "password", 256, Presence::kRequired));
  out.email = *email;
  out.password = *password;
  if (with_role) {
    BB_ASSIGN_OR_RETURN(const auto role, app::read_enum<app::Role>(j, "", "role", app::role_from,
                                                                   "person, clinician",
                                                                   Presence::kOptional));
    if (role) out.role = *role;
    BB_ASSIGN_OR_RETURN(const auto invite,
                        app::read_string(j, "", "invite", 64, Presence::kOptional));
    if (invite) out.invite = *invite;
  }
  return out;
}

Result<coach::Peg3> peg_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(
      j, "", {"average_pain", "enjoyment_interference", "activity_interference"}));
  coach::Peg3 peg;
  BB_ASSIGN_OR_RETURN(const auto pain,
                      app::read_int(j, "", "average_pain", 0, 10, Presence::kRequired));
  BB_ASSIGN_OR_RETURN(const auto enjoyment,
                      app::read_int(j, "", "enjoyment_interference", 0, 10, Presence::kRequired));
  BB_ASSIGN_OR_RETURN(const auto activity,
                      app::read_int(j, "", "activity_interference", 0, 10, Presence::kRequired));
  peg.average_pain = *pain;
  peg.enjoyment_interference = *enjoyment;
  peg.activity_interference = *activity;
  return peg;
}

Result<coach::Psfs> psfs_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"activities"}));
  const auto found = j.find("activities");
  if (found == j.end() || !found->is_array()) {
    return Error::invalid("activities", "must be a list of 3 to 5 {\"name\", \"score\"} objects");
  }
  if (found->size() < 3 || found->size() > 5) {
    return Error::invalid("activities", "must list 3 to 5 activities");
  }
  coach::Psfs psfs;
  for (std::size_t i = 0; i < found->size(); ++i) {
    const std::string path = app::path_index("activities", i);
    const json& item = (*found)[i];
    BB_RETURN_IF_ERROR(app::expect_object(item, path, {"name", "score"}));
    BB_ASSIGN_OR_RETURN(const auto name, app::read_string(item, path, "name", 120,
                                                          Presence::kRequired));
    BB_ASSIGN_OR_RETURN(const auto score, app::read_int(item, path, "score", 0, 10,
                                                        Presence::kRequired));
    if (name->empty()) return Error::invalid(app::path_member(path, "name"), "must not be empty");
    psfs.activities.push_back({*name, *score});
  }
  return psfs;
}

Result<FollowUp> followup_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"session_date", "pain"}));
  BB_ASSIGN_OR_RETURN(const auto date, app::read_date(j, "", "session_date", Presence::kRequired));
  BB_ASSIGN_OR_RETURN(const auto pain, app::read_int(j, "", "pain", 0, 10, Presence::kRequired));
  return FollowUp{*date, *pain};
}

Result<Date> clearance_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"cleared_on"}));
  BB_ASSIGN_OR_RETURN(const auto date, app::read_date(j, "", "cleared_on", Presence::kRequired));
  return *date;
}

Result<std::string> password_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"password"}));
  BB_ASSIGN_OR_RETURN(const auto password,
                      app::read_string(j, "", "password", 256, Presence::kRequired));
  return *password;
}

Result<std::string> display_name_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"display_name"}));
  // Bytes bound the read; the service counts characters.
  BB_ASSIGN_OR_RETURN(const auto name,
                      app::read_string(j, "", "display_name", 4 * app::kMaxDisplayNameCharacters,
                                       Presence::kRequired));
  return *name;
}

Result<std::string> invite_code_from_json(const json& j) {
  BB_RETURN_IF_ERROR(app::expect_object(j, "", {"code"}));
  BB_ASSIGN_OR_RETURN(const auto code, app::read_string(j, "", "code", 64, Presence::kRequired));
  return *code;
}

}  // namespace bb::http
