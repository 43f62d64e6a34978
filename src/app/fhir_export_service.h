// The FHIR export as a use case: gathers what a person recorded (check-ins, PEG-3, PSFS) and how
// they are named, and hands it to the pure bundle builder of fhir_export.h.
#pragma once

#include <nlohmann/json.hpp>

#include "app/account_store.h"
#include "app/person_store.h"
#include "base/date.h"
#include "base/result.h"

namespace bb::app {

class FhirExportService {
 public:
  // Both must outlive the service.
  FhirExportService(PersonStore& persons, AccountStore& accounts)
      : persons_(persons), accounts_(accounts) {}

  // The person's Bundle with everything recorded up to `today`, read on one snapshot of their
  // records. The Patient carries the account's display name when one is set, no name otherwise.
  // Who may read it is the caller's to check.
  [[nodiscard]] Result<nlohmann::ordered_json> bundle(PersonId person, Date today);

 private:
  PersonStore& persons_;
  AccountStore& accounts_;
};

}  // namespace bb::app
