#include "app/fhir_export_service.h"

#include <optional>
#include <utility>

#include "app/fhir_export.h"

namespace bb::app {

Result<nlohmann::ordered_json> FhirExportService::bundle(PersonId person, Date today) {
  FhirExportInput input;
  input.person = person;
  const Result<std::optional<Account>> account = accounts_.account_by_id(person);
  if (!account.ok()) return account.error();
  if (*account) input.display_name = (*account)->display_name;

  const Status read = persons_.read_transaction([&]() -> Status {
    Result<coach::Timeline> timeline = persons_.timeline(person, today);
    if (!timeline.ok()) return timeline.error();
    for (const coach::Day& day : timeline->days) {
      input.checkin_pain.push_back({day.date, day.checkin.pain});
    }
    Result<std::vector<DatedPeg3>> pegs = persons_.peg_entries(person);
    if (!pegs.ok()) return pegs.error();
    for (DatedPeg3& entry : *pegs) {
      if (entry.date <= today) input.peg.push_back(std::move(entry));
    }
    Result<std::vector<DatedPsfs>> psfs = persons_.psfs_entries(person);
    if (!psfs.ok()) return psfs.error();
    for (DatedPsfs& entry : *psfs) {
      if (entry.date <= today) input.psfs.push_back(std::move(entry));
    }
    return Status::success();
  });
  if (!read.ok()) return read.error();
  return fhir_bundle(input);
}

}  // namespace bb::app
