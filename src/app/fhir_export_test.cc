#include "app/fhir_export.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace bb::app {
namespace {

using json = nlohmann::ordered_json;

Date day(const char* text) { return *Date::parse(text); }

FhirExportInput full_input() {
  FhirExportInput input;
  input.person = 42;
  input.checkin_pain = {{day("2026-03-01"), 6}, {day("2026-03-02"), 4}, {day("2026-03-04"), 0}};
  input.peg = {{day("2026-03-01"), {6, 5, 2}}, {day("2026-03-15"), {3, 2, 2}}};
  coach::Psfs first;
  first.activities = {{"Lifting my daughter", 3}, {"Running", 2}, {"Sitting an hour", 6}};
  coach::Psfs later;
  later.activities = {{"Lifting my daughter", 6}, {"Running", 4}, {"Sitting an hour", 8},
                      {"Gardening", 5}};
  input.psfs = {{day("2026-03-01"), first}, {day("2026-03-15"), later}};
  return input;
}

std::vector<json> resources_of(const json& bundle, const std::string& type) {
  std::vector<json> found;
  for (const json& entry : bundle["entry"]) {
    if (entry["resource"]["resourceType"] == type) found.push_back(entry["resource"]);
  }
  return found;
}

std::string first_code(const json& codeable) { return codeable["coding"][0]["code"]; }

TEST(FhirExport, APersonWithNothingRecordedIsABundleWithAnUnnamedPatient) {
  FhirExportInput input;
  input.person = 7;
  const json bundle = fhir_bundle(input);
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  EXPECT_EQ(bundle["type"], "collection");
  ASSERT_EQ(bundle["entry"].size(), 1u);
  const json& patient = bundle["entry"][0]["resource"];
  EXPECT_EQ(patient["resourceType"], "Patient");
  EXPECT_FALSE(patient.contains("name")) << "pseudonymous without a display name";
  EXPECT_EQ(bundle["entry"][0]["fullUrl"], "urn:uuid:" + patient["id"].get<std::string>());
}

TEST(FhirExport, ThePatientCarriesTheDisplayNameWhenOneIsSet) {
  FhirExportInput input;
  input.person = 7;
  input.display_name = "Ada Lovelace";
  const json patient = resources_of(fhir_bundle(input), "Patient").at(0);
  EXPECT_EQ(patient["name"][0]["text"], "Ada Lovelace");
}

TEST(FhirExport, EachPegIsAResponseToTheLoincPanelWithItsItemCodesAndAScore) {
  const json bundle = fhir_bundle(full_input());
  std::vector<json> responses;
  for (const json& response : resources_of(bundle, "QuestionnaireResponse")) {
    if (response["questionnaire"] == "http://loinc.org/q/91148-7") responses.push_back(response);
  }
  ASSERT_EQ(responses.size(), 2u);
  const json& first = responses[0];
  EXPECT_EQ(first["status"], "completed");
  EXPECT_EQ(first["authored"], "2026-03-01");
  ASSERT_EQ(first["item"].size(), 3u);
  EXPECT_EQ(first["item"][0]["linkId"], "75893-8");
  EXPECT_EQ(first["item"][0]["answer"][0]["valueInteger"], 6);
  EXPECT_EQ(first["item"][1]["linkId"], "91145-3");
  EXPECT_EQ(first["item"][1]["answer"][0]["valueInteger"], 5);
  EXPECT_EQ(first["item"][2]["linkId"], "91146-1");
  EXPECT_EQ(first["item"][2]["answer"][0]["valueInteger"], 2);

  std::vector<json> scores;
  for (const json& observation : resources_of(bundle, "Observation")) {
    if (first_code(observation["code"]) == "91147-9") scores.push_back(observation);
  }
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0]["code"]["coding"][0]["system"], "http://loinc.org");
  EXPECT_EQ(scores[0]["effectiveDateTime"], "2026-03-01");
  EXPECT_DOUBLE_EQ(scores[0]["valueQuantity"]["value"].get<double>(), 4.33);  // (6+5+2)/3
  EXPECT_DOUBLE_EQ(scores[1]["valueQuantity"]["value"].get<double>(), 2.33);
  EXPECT_EQ(scores[0]["derivedFrom"][0]["reference"],
            "urn:uuid:" + first["id"].get<std::string>());
}

TEST(FhirExport, EachCheckinPainIsAnObservationOfPainSeverity) {
  const json bundle = fhir_bundle(full_input());
  std::map<std::string, double> pain_by_date;
  for (const json& observation : resources_of(bundle, "Observation")) {
    if (first_code(observation["code"]) != "72514-3") continue;
    EXPECT_EQ(observation["status"], "final");
    EXPECT_EQ(observation["code"]["coding"][0]["system"], "http://loinc.org");
    pain_by_date[observation["effectiveDateTime"]] = observation["valueQuantity"]["value"];
  }
  const std::map<std::string, double> expected = {
      {"2026-03-01", 6}, {"2026-03-02", 4}, {"2026-03-04", 0}};
  EXPECT_EQ(pain_by_date, expected);
}

TEST(FhirExport, EachPsfsIsAResponseInOurCodeSystemWithItsQuestionnaireOnce) {
  const json bundle = fhir_bundle(full_input());
  const std::vector<json> questionnaires = resources_of(bundle, "Questionnaire");
  ASSERT_EQ(questionnaires.size(), 1u) << "one definition however many PSFS entries";
  EXPECT_EQ(questionnaires[0]["url"], std::string(kFhirPsfsQuestionnaireUrl));
  EXPECT_EQ(questionnaires[0]["code"][0]["system"], std::string(kFhirCodeSystemUrl));

  std::vector<json> responses;
  for (const json& response : resources_of(bundle, "QuestionnaireResponse")) {
    if (response["questionnaire"] == std::string(kFhirPsfsQuestionnaireUrl)) {
      responses.push_back(response);
    }
  }
  ASSERT_EQ(responses.size(), 2u);
  const json& later = responses[1];
  EXPECT_EQ(later["authored"], "2026-03-15");
  ASSERT_EQ(later["item"].size(), 4u);
  EXPECT_EQ(later["item"][3]["linkId"], "psfs-activity");
  EXPECT_EQ(later["item"][3]["item"][0]["answer"][0]["valueString"], "Gardening");
  EXPECT_EQ(later["item"][3]["item"][1]["answer"][0]["valueInteger"], 5);

  int means = 0;
  for (const json& observation : resources_of(bundle, "Observation")) {
    if (first_code(observation["code"]) != "psfs-mean-score") continue;
    EXPECT_EQ(observation["code"]["coding"][0]["system"], std::string(kFhirCodeSystemUrl));
    if (observation["effectiveDateTime"] == "2026-03-15") {
      EXPECT_DOUBLE_EQ(observation["valueQuantity"]["value"].get<double>(), 5.75);
    }
    ++means;
  }
  EXPECT_EQ(means, 2);
}

TEST(FhirExport, NoPsfsNoQuestionnaire) {
  FhirExportInput input = full_input();
  input.psfs.clear();
  EXPECT_TRUE(resources_of(fhir_bundle(input), "Questionnaire").empty());
}

TEST(FhirExport, IdsAreUniqueUuidsAndEveryReferenceResolvesInTheBundle) {
  const json bundle = fhir_bundle(full_input());
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> urls;
  for (const json& entry : bundle["entry"]) {
    const std::string id = entry["resource"]["id"];
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    EXPECT_EQ(entry["fullUrl"], "urn:uuid:" + id);
    EXPECT_TRUE(urls.insert(entry["fullUrl"]).second) << "two entries share " << id;
  }
  EXPECT_EQ(urls.size(), 1u + 3u + 2u * 2u + 1u + 2u * 2u);
  const std::string patient = bundle["entry"][0]["fullUrl"];
  for (const json& entry : bundle["entry"]) {
    const json& resource = entry["resource"];
    if (resource.contains("subject")) {
      EXPECT_EQ(resource["subject"]["reference"], patient);
    }
    if (resource.contains("derivedFrom")) {
      EXPECT_EQ(urls.count(resource["derivedFrom"][0]["reference"]), 1u);
    }
  }
}

TEST(FhirExport, ExportingAgainGivesTheSameBundle) {
  EXPECT_EQ(fhir_bundle(full_input()).dump(), fhir_bundle(full_input()).dump());
}

TEST(FhirExport, ResourceIdsAreLaidOutFromPersonKindAndDate) {
  EXPECT_EQ(fhir_resource_id(2, FhirResourceKind::kPatient, Date()),
            "00000000-0002-8001-8000-000000000000");
  // 2026-03-01 is day 20513 (0x5021) after 1970-01-01.
  EXPECT_EQ(fhir_resource_id(0x123456789abc, FhirResourceKind::kPegResponse, day("2026-03-01")),
            "12345678-9abc-8002-8000-000050210000");
  EXPECT_NE(fhir_resource_id(2, FhirResourceKind::kPegScore, day("2026-03-01")),
            fhir_resource_id(3, FhirResourceKind::kPegScore, day("2026-03-01")));
  EXPECT_NE(fhir_resource_id(2, FhirResourceKind::kPegScore, day("2026-03-01")),
            fhir_resource_id(2, FhirResourceKind::kPegScore, day("2026-03-02")));
}

}  // namespace
}  // namespace bb::app
