// The storage port for everything one person records. The app layer owns this interface; the
// store folder implements it (SQLite today, PostgreSQL later). No SQL and no storage types here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "coach/measures.h"
#include "coach/model.h"

namespace bb::app {

using PersonId = std::int64_t;
// The one person of a local, single-user installation (the command line).
inline constexpr PersonId kLocalPerson = 1;

// The full safety screen as answered on a date.
struct ScreeningRecord {
  Date date;
  coach::Screening screening;
};

struct DatedPeg3 {
  Date date;
  coach::Peg3 peg;
};

struct DatedPsfs {
  Date date;
  coach::Psfs psfs;
};

// Contract for every implementation:
// - Methods never throw; failures come back as Error values (kUnavailable when the storage
//   cannot be reached, kCorrupt when stored data cannot be read back, kConflict when a write
//   breaks a constraint such as a missing person or a session without a check-in).
// - Values are stored as given: range checks belong to the use cases, before anything is written.
// - "get" methods return an empty optional when nothing is stored.
// - Not thread-safe: one instance per thread (or per request).
class PersonStore {
 public:
  virtual ~PersonStore() = default;

  // Runs `work` as one transaction: everything it writes is kept when it returns success and
  // undone when it returns an error. Calls may nest; the outermost call commits.
  [[nodiscard]] virtual Status transaction(const std::function<Status()>& work) = 0;

  // Runs `work`, which only reads, on one snapshot of the data, so that a request reading several
  // things sees them as of one moment and pays for one transaction instead of one per statement.
  // Inside another transaction it simply runs `work`. A write transaction inside it fails
  // (kInternal). The default just runs `work`.
  [[nodiscard]] virtual Status read_transaction(const std::function<Status()>& work) {
    return work();
  }

  // A number that changes, in the same transaction, with every write to what a plan is made of
  // (profile, screening, clearance, check-ins, sessions and their next-morning pain) and never
  // comes back for this person id, even after the person is deleted and the id given again. A
  // plan computed in the same snapshot as a revision stays right while the revision does. Empty
  // when the person does not exist, or when the store cannot tell (the default), in which case
  // nothing is kept.
  [[nodiscard]] virtual Result<std::optional<std::int64_t>> plan_revision(PersonId /*person*/) {
    return std::optional<std::int64_t>();
  }

  // Creates the person when missing; does nothing when they exist.
  [[nodiscard]] virtual Status ensure_person(PersonId person) = 0;

  [[nodiscard]] virtual Result<std::optional<coach::Profile>> profile(PersonId person) = 0;
  [[nodiscard]] virtual Status save_profile(PersonId person, const coach::Profile& profile) = 0;

  // The latest full screen; saving replaces it.
  [[nodiscard]] virtual Result<std::optional<ScreeningRecord>> screening(PersonId person) = 0;
  [[nodiscard]] virtual Status save_screening(PersonId person, const ScreeningRecord& record) = 0;

  // The date a clinician cleared the person for exercise; recording replaces it.
  [[nodiscard]] virtual Result<std::optional<Date>> clearance(PersonId person) = 0;
  [[nodiscard]] virtual Status record_clearance(PersonId person, Date cleared_on) = 0;
  // Forgets the clearance (nothing happens when there is none). Every store must override this;
  // the default fails loudly (and so rolls back the use case) rather than keep a stale clearance.
  [[nodiscard]] virtual Status remove_clearance(PersonId /*person*/) {
    return Error::internal("this store cannot remove a clearance yet");
  }

  // One check-in per date; saving again replaces that date's check-in and keeps its session.
  [[nodiscard]] virtual Result<std::optional<coach::CheckIn>> checkin(PersonId person,
                                                                      Date date) = 0;
  [[nodiscard]] virtual Status save_checkin(PersonId person, Date date,
                                            const coach::CheckIn& checkin) = 0;

  // One session per date, which must already have a check-in (kConflict otherwise). Saving again
  // replaces the session and keeps its next-morning pain.
  [[nodiscard]] virtual Result<std::optional<coach::SessionLog>> session(PersonId person,
                                                                         Date date) = 0;
  [[nodiscard]] virtual Status save_session(PersonId person, Date date,
                                            const coach::SessionLog& session) = 0;

  // Pain the morning after the session of `session_date` (kConflict when there is no session).
  [[nodiscard]] virtual Status save_next_morning_pain(PersonId person, Date session_date,
                                                      int pain) = 0;

  // Profile (defaults when none is stored), latest screening (all "no" when none), clearance,
  // and one Day per check-in dated on or before `up_to`, in date order, with its session and
  // next-morning pain when recorded.
  [[nodiscard]] virtual Result<coach::Timeline> timeline(PersonId person, Date up_to) = 0;

  // One entry per date; adding again on the same date replaces it. Lists are in date order.
  [[nodiscard]] virtual Status add_peg(PersonId person, const DatedPeg3& entry) = 0;
  [[nodiscard]] virtual Result<std::vector<DatedPeg3>> peg_entries(PersonId person) = 0;
  [[nodiscard]] virtual Status add_psfs(PersonId person, const DatedPsfs& entry) = 0;
  [[nodiscard]] virtual Result<std::vector<DatedPsfs>> psfs_entries(PersonId person) = 0;
};

}  // namespace bb::app
