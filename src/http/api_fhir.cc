// GET /api/v1/export/fhir and GET /api/v1/people/{person_id}/export/fhir: a person's outcomes as
// a FHIR R4 Bundle (app/fhir_export.h).
#include "app/fhir_export_service.h"
#include "http/api.h"
#include "http/api_call.h"
#include "http/api_error.h"

namespace bb::http {

namespace {

// A download the record system (or the person) keeps as a file.
Response fhir_response(const Result<nlohmann::ordered_json>& bundle) {
  if (!bundle.ok()) return error_response(bundle.error());
  Response response;
  response.content_type = "application/fhir+json";
  response.body = bundle->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"bounceback-fhir.json\"");
  return response;
}

}  // namespace

Response Api::get_fhir_export(Call& call) const {
  app::FhirExportService exports(*(*call.lease)->persons, *(*call.lease)->accounts);
  return fhir_response(exports.bundle(call.me(), parts_.clock->today()));
}

Response Api::get_person_fhir_export(Call& call) const {
  app::PersonId person = 0;
  if (auto refused = check_viewer(*call.accounts, *call.account, call.params, person)) {
    return *refused;
  }
  app::FhirExportService exports(*(*call.lease)->persons, *(*call.lease)->accounts);
  return fhir_response(exports.bundle(person, parts_.clock->today()));
}

}  // namespace bb::http
