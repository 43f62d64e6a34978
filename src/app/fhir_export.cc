#include "app/fhir_export.h"

#include <cmath>
#include <string>

namespace bb::app {

using json = nlohmann::ordered_json;

namespace {

// LOINC (https://loinc.org/91148-7 and the pages of each code; cited in docs/api.md).
constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kPegPanel = "91148-7";
constexpr const char* kPegAveragePain = "75893-8";
constexpr const char* kPegEnjoyment = "91145-3";
constexpr const char* kPegGeneralActivity = "91146-1";
constexpr const char* kPegMeanScore = "91147-9";
constexpr const char* kPainSeverity = "72514-3";  // pain severity, 0-10 numeric rating, reported
// LOINC's own Questionnaire of the PEG panel is named by this canonical URL.
constexpr const char* kPegQuestionnaire = "http://loinc.org/q/91148-7";

// Our code system: the PSFS has no LOINC code that we know of.
constexpr const char* kPsfsCode = "psfs";
constexpr const char* kPsfsActivityCode = "psfs-activity";
constexpr const char* kPsfsActivityNameCode = "psfs-activity-name";
constexpr const char* kPsfsActivityScoreCode = "psfs-activity-score";
constexpr const char* kPsfsMeanScoreCode = "psfs-mean-score";

constexpr const char* kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr const char* kUcum = "http://unitsofmeasure.org";

void append_hex(std::string& out, std::uint64_t value, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kDigits[(value >> shift) & 0xF];
}

std::string full_url(const std::string& id) { return "urn:uuid:" + id; }

json reference_to(const std::string& id) { return {{"reference", full_url(id)}}; }

json coding(const char* system, const std::string_view code) {
  return {{"system", system}, {"code", code}};
}

json our_coding(const char* code) { return {{"system", kFhirCodeSystemUrl}, {"code", code}}; }

// Scores are means of whole numbers: two decimals say all a reader needs.
double two_decimals(double value) { return std::round(value * 100.0) / 100.0; }

json score_quantity(double value) {
  return {{"value", two_decimals(value)}, {"unit", "{score}"}, {"system", kUcum},
          {"code", "{score}"}};
}

json survey_category() {
  return json::array({{{"coding", json::array({{{"system", kObservationCategory},
                                                {"code", "survey"},
                                                {"display", "Survey"}}})}}});
}

json entry(const std::string& id, json resource) {
  resource["id"] = id;
  return {{"fullUrl", full_url(id)}, {"resource", std::move(resource)}};
}

json observation(const std::string& patient, Date date, json code, double value) {
  return {{"resourceType", "Observation"},
          {"status", "final"},
          {"category", survey_category()},
          {"code", std::move(code)},
          {"subject", reference_to(patient)},
          {"effectiveDateTime", date.to_string()},
          {"valueQuantity", score_quantity(value)}};
}

json integer_item(const char* link_id, int value) {
  return {{"linkId", link_id}, {"answer", json::array({{{"valueInteger", value}}})}};
}

json peg_response(const std::string& patient, const DatedPeg3& entry) {
  return {{"resourceType", "QuestionnaireResponse"},
          {"questionnaire", kPegQuestionnaire},
          {"status", "completed"},
          {"subject", reference_to(patient)},
          {"authored", entry.date.to_string()},
          {"item", json::array({integer_item(kPegAveragePain, entry.peg.average_pain),
                                integer_item(kPegEnjoyment, entry.peg.enjoyment_interference),
                                integer_item(kPegGeneralActivity,
                                             entry.peg.activity_interference)})}};
}

json psfs_response(const std::string& patient, const DatedPsfs& entry) {
  json activities = json::array();
  for (const coach::PsfsActivity& activity : entry.psfs.activities) {
    activities.push_back(
        {{"linkId", kPsfsActivityCode},
         {"item", json::array({{{"linkId", kPsfsActivityNameCode},
                                {"answer", json::array({{{"valueString", activity.name}}})}},
                               integer_item(kPsfsActivityScoreCode, activity.score)})}});
  }
  return {{"resourceType", "QuestionnaireResponse"},
          {"questionnaire", kFhirPsfsQuestionnaireUrl},
          {"status", "completed"},
          {"subject", reference_to(patient)},
          {"authored", entry.date.to_string()},
          {"item", std::move(activities)}};
}

// The PSFS as a questionnaire, so that a record system reading the bundle has its definition.
json psfs_questionnaire() {
  auto item = [](const char* code, const char* type, const char* text) {
    return json{{"linkId", code},
                {"code", json::array({our_coding(code)})},
                {"text", text},
                {"type", type},
                {"required", true}};
  };
  json activity = item(kPsfsActivityCode, "group", "An activity the pain makes hard");
  activity["repeats"] = true;
  activity["item"] = json::array(
      {item(kPsfsActivityNameCode, "string", "The activity, in the person's words"),
       item(kPsfsActivityScoreCode, "integer",
            "How well it can be done today: 0 unable, 10 as well as before the pain")});
  return {{"resourceType", "Questionnaire"},
          {"url", kFhirPsfsQuestionnaireUrl},
          {"name", "PatientSpecificFunctionalScale"},
          {"title", "Patient-Specific Functional Scale (PSFS)"},
          {"status", "active"},
          {"subjectType", json::array({"Patient"})},
          {"code", json::array({our_coding(kPsfsCode)})},
          {"item", json::array({std::move(activity)})}};
}

}  // namespace

std::string fhir_resource_id(PersonId person, FhirResourceKind kind, Date date) {
  const auto person_bits = static_cast<std::uint64_t>(person) & 0xFFFF'FFFF'FFFFull;
  const auto days = static_cast<std::uint32_t>(date.days_since_epoch());
  std::string id;
  id.reserve(36);
  append_hex(id, person_bits >> 16, 8);
  id += '-';
  append_hex(id, person_bits & 0xFFFF, 4);
  id += "-8";  // version 8: laid out by us
  append_hex(id, static_cast<std::uint16_t>(kind) & 0xFFF, 3);
  id += "-8000-";  // the RFC variant, then nothing
  append_hex(id, days, 8);
  id += "0000";
  return id;
}

json fhir_bundle(const FhirExportInput& input) {
  const PersonId person = input.person;
  // Resources that are not of a date carry day 0 in their id.
  const std::string patient_id = fhir_resource_id(person, FhirResourceKind::kPatient, Date());
  json patient = {{"resourceType", "Patient"}};
  if (!input.display_name.empty()) {
    patient["name"] = json::array({{{"text", input.display_name}}});
  }

  json entries = json::array();
  entries.push_back(entry(patient_id, std::move(patient)));

  for (const PainPoint& point : input.checkin_pain) {
    json code = {{"coding", json::array({coding(kLoinc, kPainSeverity)})},
                 {"text", "Pain at check-in, 0-10"}};
    entries.push_back(entry(fhir_resource_id(person, FhirResourceKind::kCheckinPain, point.date),
                            observation(patient_id, point.date, std::move(code), point.pain)));
  }

  for (const DatedPeg3& peg : input.peg) {
    const std::string response_id = fhir_resource_id(person, FhirResourceKind::kPegResponse, peg.date);
    entries.push_back(entry(response_id, peg_response(patient_id, peg)));
    json code = {{"coding", json::array({coding(kLoinc, kPegMeanScore)})},
                 {"text", "PEG-3 score (mean of the three items)"}};
    json score = observation(patient_id, peg.date, std::move(code), peg.peg.score());
    score["derivedFrom"] = json::array({reference_to(response_id)});
    entries.push_back(
        entry(fhir_resource_id(person, FhirResourceKind::kPegScore, peg.date), std::move(score)));
  }

  if (!input.psfs.empty()) {
    entries.push_back(entry(fhir_resource_id(0, FhirResourceKind::kPsfsQuestionnaire, Date()),
                            psfs_questionnaire()));
  }
  for (const DatedPsfs& psfs : input.psfs) {
    const std::string response_id =
        fhir_resource_id(person, FhirResourceKind::kPsfsResponse, psfs.date);
    entries.push_back(entry(response_id, psfs_response(patient_id, psfs)));
    json code = {{"coding", json::array({our_coding(kPsfsMeanScoreCode)})},
                 {"text", "PSFS score (mean of the activities)"}};
    json score = observation(patient_id, psfs.date, std::move(code), psfs.psfs.score());
    score["derivedFrom"] = json::array({reference_to(response_id)});
    entries.push_back(
        entry(fhir_resource_id(person, FhirResourceKind::kPsfsScore, psfs.date), std::move(score)));
  }

  return {{"resourceType", "Bundle"},
          {"type", "collection"},
          {"entry", std::move(entries)}};
}

}  // namespace bb::app
