// A person's outcomes as a FHIR R4 Bundle (type "collection") that a clinic's record system can
// read: a Patient, each PEG-3 as a QuestionnaireResponse for the LOINC PEG panel with an
// Observation of its score, each PSFS as a QuestionnaireResponse (with the Questionnaire, in a
// code system of ours) with an Observation of its mean, and the pain of every check-in as an
// Observation. A pure function of its input: the same input gives the same bundle, byte for
// byte. The codes and the ids are described in docs/api.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/daily_service.h"
#include "app/person_store.h"

namespace bb::app {

// Where our own FHIR definitions (the PSFS code system and questionnaire) are named. A URL under
// a name reserved so that nobody can own it (RFC 2606 ".invalid"): it identifies, and is never
// fetched, so it stays the same on every installation.
inline constexpr std::string_view kFhirCanonicalBase = "https://bounceback.invalid/fhir";
inline constexpr std::string_view kFhirCodeSystemUrl =
    "https://bounceback.invalid/fhir/CodeSystem/bounceback";
inline constexpr std::string_view kFhirPsfsQuestionnaireUrl =
    "https://bounceback.invalid/fhir/Questionnaire/psfs";

struct FhirExportInput {
  PersonId person = 0;
  std::string display_name;             // the Patient's name; empty: the Patient has none
  std::vector<PainPoint> checkin_pain;  // one per check-in, oldest first
  std::vector<DatedPeg3> peg;           // oldest first
  std::vector<DatedPsfs> psfs;          // oldest first
};

// What each resource of a bundle is, part of its id.
enum class FhirResourceKind : std::uint16_t {
  kPatient = 1,
  kPegResponse = 2,
  kPegScore = 3,
  kPsfsResponse = 4,
  kPsfsScore = 5,
  kCheckinPain = 6,
  kPsfsQuestionnaire = 7,
};

// The id of one resource: a UUID (version 8, RFC 9562) laid out from the person, the kind and
// the date, so that exporting again names the same record the same way and two records never
// share one: "pppppppp-pppp-8kkk-8000-dddddddd0000" in hex, with the person id (48 bits), the kind
// and the date as days since 1970.
[[nodiscard]] std::string fhir_resource_id(PersonId person, FhirResourceKind kind, Date date);

[[nodiscard]] nlohmann::ordered_json fhir_bundle(const FhirExportInput& input);

}  // namespace bb::app
