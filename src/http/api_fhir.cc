// GET /api/v1/export/fhir and GET /api/v1/people/{person_id}/export/fhir: a person's outcomes as
// a FHIR R4 Bundle (app/fhir_export.h).
#include "app/fhir_export_service.h"
#include "http/api.h"
#include "http/api_call.h"
#include "http/api_error.h"

namespace bb::http {

namespace {

// A download the record system (or the person) keeps as a file.
HttpResult<Response> fhir_response(const Result<nlohmann::ordered_json>& bundle) {
  BB_RETURN_IF_ERROR(bundle);
  Response response;
  response.content_type = "application/fhir+json";
  response.body = bundle->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"bounceback-fhir.json\"");
  return response;
}

}  // namespace

HttpResult<Response> Api::get_fhir_export(Call& call) const {
  app::FhirExportService exports(*(*call.lease)->persons, *(*call.lease)->accounts);
  return fhir_response(exports.bundle(call.me(), parts_.clock->today()));
}

HttpResult<Response> Api::get_person_fhir_export(Call& call) const {
  BB_ASSIGN_OR_RETURN(const app::PersonId person,
                      viewed_person(*call.accounts, *call.account, call.params));
  app::FhirExportService exports(*(*call.lease)->persons, *(*call.lease)->accounts);
  return fhir_response(exports.bundle(person, parts_.clock->today()));
}

}  // namespace bb::http
