#include "store/migrations.h"

namespace bb::store {

// Migration 5's triggers: each write to a table a plan reads gives the person a new revision.
#define BB_SQLITE_REVISION_TRIGGERS(table)                                          \
  "CREATE TRIGGER " table "_insert_revision AFTER INSERT ON " table                 \
  " BEGIN UPDATE persons SET revision = random() WHERE id = NEW.person_id; END;\n" \
  "CREATE TRIGGER " table "_update_revision AFTER UPDATE ON " table                 \
  " BEGIN UPDATE persons SET revision = random() WHERE id = NEW.person_id; END;\n" \
  "CREATE TRIGGER " table "_delete_revision AFTER DELETE ON " table                 \
  " BEGIN UPDATE persons SET revision = random() WHERE id = OLD.person_id; END;\n"
#define BB_POSTGRES_REVISION_TRIGGER(table)                                            \
  "CREATE TRIGGER " table "_revision AFTER INSERT OR UPDATE OR DELETE ON " table \
  " FOR EACH ROW EXECUTE FUNCTION change_person_revision();\n"

// Conventions, chosen so the same text runs on SQLite and PostgreSQL:
// - dates are DATE columns holding ISO "YYYY-MM-DD" values (SQLite keeps them as text, which
//   sorts in date order);
// - booleans are INTEGER 0/1 with a CHECK, because the two engines bind booleans differently;
// - short closed lists (aggravators, flag ids) are comma-separated wire ids in TEXT columns;
//   open lists (PSFS activities) get their own table;
// - enums are stored as their wire ids with a CHECK listing the allowed values.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "people, profile, screening, clearance, check-ins, sessions, PEG-3, PSFS",
       R"sql(
CREATE TABLE persons (
  id BIGINT PRIMARY KEY
);
CREATE TABLE profiles (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  birth_year INTEGER NOT NULL,
  height_cm INTEGER NOT NULL,
  rope_experience TEXT NOT NULL
    CHECK (rope_experience IN ('none', 'some', 'regular')),
  rope TEXT NOT NULL
    CHECK (rope IN ('none', 'beaded', 'speed_quarter_lb', 'pvc_speed', 'heavy', 'ropeless')),
  aggravated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE screenings (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  screened_on DATE NOT NULL,
  yes_flags TEXT NOT NULL DEFAULT ''
);
CREATE TABLE clearances (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  cleared_on DATE NOT NULL
);
CREATE TABLE checkins (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  feel TEXT NOT NULL CHECK (feel IN ('sensitive', 'okay', 'good')),
  leg_symptoms TEXT NOT NULL CHECK (leg_symptoms IN ('none', 'above_knee', 'below_knee')),
  urgent_flags TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, day)
);
CREATE TABLE sessions (
  person_id BIGINT NOT NULL,
  day DATE NOT NULL,
  completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
  rope_minutes DOUBLE PRECISION NOT NULL CHECK (rope_minutes >= 0),
  pain_during_max INTEGER NOT NULL CHECK (pain_during_max BETWEEN 0 AND 10),
  pain_after INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
  stopped TEXT NOT NULL CHECK (stopped IN ('none', 'sharp_pain', 'fatigue', 'other')),
  next_morning_pain INTEGER CHECK (next_morning_pain BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, day),
  FOREIGN KEY (person_id, day) REFERENCES checkins (person_id, day) ON DELETE CASCADE
);
CREATE TABLE peg_entries (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  average_pain INTEGER NOT NULL CHECK (average_pain BETWEEN 0 AND 10),
  enjoyment_interference INTEGER NOT NULL CHECK (enjoyment_interference BETWEEN 0 AND 10),
  activity_interference INTEGER NOT NULL CHECK (activity_interference BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, day)
);
CREATE TABLE psfs_entries (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  PRIMARY KEY (person_id, day)
);
CREATE TABLE psfs_activities (
  person_id BIGINT NOT NULL,
  day DATE NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, day, position),
  FOREIGN KEY (person_id, day) REFERENCES psfs_entries (person_id, day) ON DELETE CASCADE
)
)sql",
       {}},
      {2, "accounts, login sessions, failed-login windows, invites and clinician shares",
       R"sql(
CREATE TABLE accounts (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('person', 'clinician')),
  password_hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  failure_window_start BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE login_sessions (
  token_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES accounts (person_id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
CREATE INDEX login_sessions_by_person ON login_sessions (person_id);
CREATE TABLE address_failures (
  address TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL
);
CREATE TABLE share_invites (
  code_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES accounts (person_id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
CREATE TABLE shares (
  person_id BIGINT NOT NULL REFERENCES accounts (person_id) ON DELETE CASCADE,
  clinician_id BIGINT NOT NULL REFERENCES accounts (person_id) ON DELETE CASCADE,
  since BIGINT NOT NULL,
  PRIMARY KEY (person_id, clinician_id)
);
CREATE INDEX shares_by_clinician ON shares (clinician_id)
)sql",
       {}},
      // The figures a list shows are columns; the whole analysis is kept as the JSON the API
      // returns, and the samples as they came (an upload's file, or a live stream as CSV).
      {3, "motion recordings, uploaded or streamed live, with their analysis",
       R"sql(
CREATE TABLE recordings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('upload', 'live')),
  name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  placement TEXT NOT NULL CHECK (placement IN ('ankle', 'wrist', 'pocket', 'chest')),
  jumps INTEGER NOT NULL CHECK (jumps >= 0),
  cadence_per_min DOUBLE PRECISION NOT NULL,
  jump_height_cm DOUBLE PRECISION NOT NULL,
  impact_g DOUBLE PRECISION NOT NULL,
  duration_s DOUBLE PRECISION NOT NULL,
  feedback TEXT NOT NULL DEFAULT '',
  analysis TEXT NOT NULL,
  samples BLOB NOT NULL
);
CREATE INDEX recordings_by_person ON recordings (person_id, day)
)sql",
       {}},
      {4, "how hard a session felt and the person's notes on it",
       R"sql(
ALTER TABLE sessions ADD COLUMN effort INTEGER CHECK (effort BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT ''
)sql",
       {}},
      // A person's revision changes, inside the writing transaction, with every change to what
      // a plan is made of, so a server may keep a plan while the revision stays (even across
      // server instances). Values never repeat for a person: random 64-bit numbers on SQLite, a
      // sequence on PostgreSQL, so a person id given again after an account was deleted cannot
      // meet a plan kept for the old account.
      {5, "a revision of each person's plan inputs, changed by every write to them",
       R"sql(
ALTER TABLE persons ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
UPDATE persons SET revision = random();
CREATE TRIGGER persons_insert_revision AFTER INSERT ON persons
  BEGIN UPDATE persons SET revision = random() WHERE id = NEW.id; END;
)sql" BB_SQLITE_REVISION_TRIGGERS("profiles") BB_SQLITE_REVISION_TRIGGERS("screenings")
           BB_SQLITE_REVISION_TRIGGERS("clearances") BB_SQLITE_REVISION_TRIGGERS("checkins")
               BB_SQLITE_REVISION_TRIGGERS("sessions"),
       R"sql(
ALTER TABLE persons ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE SEQUENCE person_revisions;
UPDATE persons SET revision = nextval('person_revisions');
ALTER TABLE persons ALTER COLUMN revision SET DEFAULT nextval('person_revisions');
CREATE FUNCTION change_person_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE persons SET revision = nextval('person_revisions') WHERE id = OLD.person_id;
  ELSE
    UPDATE persons SET revision = nextval('person_revisions') WHERE id = NEW.person_id;
  END IF;
  RETURN NULL;
END
$$;
)sql" BB_POSTGRES_REVISION_TRIGGER("profiles") BB_POSTGRES_REVISION_TRIGGER("screenings")
           BB_POSTGRES_REVISION_TRIGGER("clearances") BB_POSTGRES_REVISION_TRIGGER("checkins")
               BB_POSTGRES_REVISION_TRIGGER("sessions")},
      // What a session's recordings measured is a plan input too (docs/engine-rules.md).
      {6, "recordings change the plan revision, since what they measured shapes the next dose",
       BB_SQLITE_REVISION_TRIGGERS("recordings"), BB_POSTGRES_REVISION_TRIGGER("recordings")},
      // A plan reads what every session day's recordings measured: from header columns, not by
      // parsing each stored analysis (about 4 ms a recording). SQLite rebuilds the table so the
      // header columns come before the analysis and the samples: a row is read only as far as
      // its last wanted column, and columns added at the end would drag every list through each
      // recording's overflow pages. Values come from the analyses already kept; ids never go
      // back (the AUTOINCREMENT high mark moves over). PostgreSQL keeps large values out of
      // line, so adding the columns is enough there.
      {7, "the rest of what a plan reads from a recording, among its header columns",
       R"sql(
CREATE TABLE recordings_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('upload', 'live')),
  name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  placement TEXT NOT NULL CHECK (placement IN ('ankle', 'wrist', 'pocket', 'chest')),
  jumps INTEGER NOT NULL CHECK (jumps >= 0),
  cadence_per_min DOUBLE PRECISION NOT NULL,
  jump_height_cm DOUBLE PRECISION NOT NULL,
  impact_g DOUBLE PRECISION NOT NULL,
  duration_s DOUBLE PRECISION NOT NULL,
  feedback TEXT NOT NULL DEFAULT '',
  active_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
  trips INTEGER NOT NULL DEFAULT 0,
  longest_run INTEGER NOT NULL DEFAULT 0,
  analysis TEXT NOT NULL,
  samples BLOB NOT NULL
);
INSERT INTO recordings_new (id, person_id, day, source, name, created_at, placement, jumps,
  cadence_per_min, jump_height_cm, impact_g, duration_s, feedback, active_seconds, trips,
  longest_run, analysis, samples)
SELECT id, person_id, day, source, name, created_at, placement, jumps, cadence_per_min,
  jump_height_cm, impact_g, duration_s, feedback,
  COALESCE(json_extract(analysis, '$.active_seconds'), 0),
  COALESCE(json_extract(analysis, '$.trips'), 0),
  COALESCE(json_extract(analysis, '$.longest_run'), 0), analysis, samples
FROM recordings;
DELETE FROM sqlite_sequence WHERE name = 'recordings_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'recordings_new', seq FROM sqlite_sequence
  WHERE name = 'recordings';
DROP TABLE recordings;
ALTER TABLE recordings_new RENAME TO recordings;
CREATE INDEX recordings_by_person ON recordings (person_id, day);
)sql" BB_SQLITE_REVISION_TRIGGERS("recordings"),
       R"sql(
ALTER TABLE recordings ADD COLUMN active_seconds DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE recordings ADD COLUMN trips INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recordings ADD COLUMN longest_run INTEGER NOT NULL DEFAULT 0;
UPDATE recordings SET
  active_seconds = COALESCE((analysis::jsonb ->> 'active_seconds')::double precision, 0),
  trips = COALESCE((analysis::jsonb ->> 'trips')::integer, 0),
  longest_run = COALESCE((analysis::jsonb ->> 'longest_run')::integer, 0)
)sql"},
      // Attempts (failed logins, registrations) are counted per key, e.g. an email and an
      // address together, so no one can lock another person's account. Person ids come from a
      // counter that only goes up: the id of a deleted account is never given again. Expired
      // sessions are purged, which wants their expiry indexed. A clinician account needs an
      // invite the operator made on the server.
      {8, "attempt windows per key, a person id counter that never goes back, session expiry, "
          "clinician invites",
       R"sql(
ALTER TABLE address_failures RENAME TO attempt_windows;
ALTER TABLE attempt_windows RENAME COLUMN address TO attempt_key;
DELETE FROM attempt_windows;
CREATE INDEX attempt_windows_by_start ON attempt_windows (window_start);
ALTER TABLE accounts DROP COLUMN failures;
ALTER TABLE accounts DROP COLUMN failure_window_start;
CREATE TABLE id_counters (
  name TEXT PRIMARY KEY,
  last_id BIGINT NOT NULL
);
INSERT INTO id_counters (name, last_id) SELECT 'person', COALESCE(MAX(id), 1) FROM persons;
CREATE INDEX login_sessions_by_expiry ON login_sessions (expires_at);
CREATE TABLE clinician_invites (
  code_hash TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
)
)sql",
       {}},
      // How a person is shown to the clinicians they share with, instead of an email.
      {9, "a display name for each account", R"sql(
ALTER TABLE accounts ADD COLUMN display_name TEXT NOT NULL DEFAULT ''
)sql",
       {}},
      // The tables every plan reads, rebuilt on SQLite as WITHOUT ROWID: a rowid table keeps its
      // (person_id, day) key as a second index, so each row read was an index step and a table
      // lookup; now the rows are the key's b-tree, in key order. The CHECKs that listed three or
      // more values with IN made SQLite build a temporary table for each on every write; written
      // as OR chains they build none (docs/performance.md has both measurements). Sessions
      // first refer to checkins_new, so dropping the old check-ins cascades into nothing; the
      // rename points them at the new table. Rows are copied in key order, so each new b-tree
      // grows at its end (half the time on a large file). Triggers go with their tables and
      // come back.
      // PostgreSQL has neither cost (heap tables with no rowid indirection; IN over constants is
      // one array test): it gets the same constraints, so both keep one logical schema, and
      // check-ins and sessions ordered once by their primary key (CLUSTER is not kept up, but a
      // long history read by person starts out on few pages).
      {10, "plan tables ordered by their primary key, value lists checked without temporary tables",
       R"sql(
CREATE TABLE profiles_new (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  birth_year INTEGER NOT NULL,
  height_cm INTEGER NOT NULL,
  rope_experience TEXT NOT NULL
    CHECK (rope_experience = 'none' OR rope_experience = 'some' OR rope_experience = 'regular'),
  rope TEXT NOT NULL
    CHECK (rope = 'none' OR rope = 'beaded' OR rope = 'speed_quarter_lb' OR rope = 'pvc_speed'
      OR rope = 'heavy' OR rope = 'ropeless'),
  aggravated_by TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO profiles_new (person_id, birth_year, height_cm, rope_experience, rope, aggravated_by)
SELECT person_id, birth_year, height_cm, rope_experience, rope, aggravated_by FROM profiles;
DROP TABLE profiles;
ALTER TABLE profiles_new RENAME TO profiles;
CREATE TABLE screenings_new (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  screened_on DATE NOT NULL,
  yes_flags TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO screenings_new (person_id, screened_on, yes_flags)
SELECT person_id, screened_on, yes_flags FROM screenings;
DROP TABLE screenings;
ALTER TABLE screenings_new RENAME TO screenings;
CREATE TABLE clearances_new (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  cleared_on DATE NOT NULL
) WITHOUT ROWID;
INSERT INTO clearances_new (person_id, cleared_on) SELECT person_id, cleared_on FROM clearances;
DROP TABLE clearances;
ALTER TABLE clearances_new RENAME TO clearances;
CREATE TABLE checkins_new (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  day DATE NOT NULL,
  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  feel TEXT NOT NULL CHECK (feel = 'sensitive' OR feel = 'okay' OR feel = 'good'),
  leg_symptoms TEXT NOT NULL
    CHECK (leg_symptoms = 'none' OR leg_symptoms = 'above_knee' OR leg_symptoms = 'below_knee'),
  urgent_flags TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, day)
) WITHOUT ROWID;
CREATE TABLE sessions_new (
  person_id BIGINT NOT NULL,
  day DATE NOT NULL,
  completed INTEGER NOT NULL CHECK (completed = 0 OR completed = 1),
  rope_minutes DOUBLE PRECISION NOT NULL CHECK (rope_minutes >= 0),
  pain_during_max INTEGER NOT NULL CHECK (pain_during_max BETWEEN 0 AND 10),
  pain_after INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
  stopped TEXT NOT NULL
    CHECK (stopped = 'none' OR stopped = 'sharp_pain' OR stopped = 'fatigue' OR stopped = 'other'),
  next_morning_pain INTEGER CHECK (next_morning_pain BETWEEN 0 AND 10),
  effort INTEGER CHECK (effort BETWEEN 0 AND 10),
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, day),
  FOREIGN KEY (person_id, day) REFERENCES checkins_new (person_id, day) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO checkins_new (person_id, day, pain, feel, leg_symptoms, urgent_flags, notes)
SELECT person_id, day, pain, feel, leg_symptoms, urgent_flags, notes FROM checkins
ORDER BY person_id, day;
INSERT INTO sessions_new (person_id, day, completed, rope_minutes, pain_during_max, pain_after,
  stopped, next_morning_pain, effort, notes)
SELECT person_id, day, completed, rope_minutes, pain_during_max, pain_after, stopped,
  next_morning_pain, effort, notes FROM sessions ORDER BY person_id, day;
DROP TABLE sessions;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
ALTER TABLE sessions_new RENAME TO sessions;
)sql" BB_SQLITE_REVISION_TRIGGERS("profiles") BB_SQLITE_REVISION_TRIGGERS("screenings")
           BB_SQLITE_REVISION_TRIGGERS("clearances") BB_SQLITE_REVISION_TRIGGERS("checkins")
               BB_SQLITE_REVISION_TRIGGERS("sessions"),
       R"sql(
ALTER TABLE profiles
  DROP CONSTRAINT profiles_rope_experience_check,
  ADD CONSTRAINT profiles_rope_experience_check
    CHECK (rope_experience = 'none' OR rope_experience = 'some' OR rope_experience = 'regular'),
  DROP CONSTRAINT profiles_rope_check,
  ADD CONSTRAINT profiles_rope_check
    CHECK (rope = 'none' OR rope = 'beaded' OR rope = 'speed_quarter_lb' OR rope = 'pvc_speed'
      OR rope = 'heavy' OR rope = 'ropeless');
ALTER TABLE checkins
  DROP CONSTRAINT checkins_feel_check,
  ADD CONSTRAINT checkins_feel_check
    CHECK (feel = 'sensitive' OR feel = 'okay' OR feel = 'good'),
  DROP CONSTRAINT checkins_leg_symptoms_check,
  ADD CONSTRAINT checkins_leg_symptoms_check
    CHECK (leg_symptoms = 'none' OR leg_symptoms = 'above_knee' OR leg_symptoms = 'below_knee');
ALTER TABLE sessions
  DROP CONSTRAINT sessions_completed_check,
  ADD CONSTRAINT sessions_completed_check CHECK (completed = 0 OR completed = 1),
  DROP CONSTRAINT sessions_stopped_check,
  ADD CONSTRAINT sessions_stopped_check
    CHECK (stopped = 'none' OR stopped = 'sharp_pain' OR stopped = 'fatigue' OR stopped = 'other');
CLUSTER checkins USING checkins_pkey;
CLUSTER sessions USING sessions_pkey;
ANALYZE checkins;
ANALYZE sessions
)sql"},
      // A person's calendar feed: when the daily session goes into their calendar, in which
      // time zone, and the digest of the secret in the feed's address (NULL once revoked; the
      // settings stay for the next link).
      {11, "calendar feed settings and secrets", R"sql(
CREATE TABLE calendar_feeds (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  secret_hash TEXT UNIQUE,
  time_zone TEXT NOT NULL,
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  length_minutes INTEGER NOT NULL CHECK (length_minutes BETWEEN 5 AND 180)
)
)sql",
       {}},
  };
  return kMigrations;
}

#undef BB_SQLITE_REVISION_TRIGGERS
#undef BB_POSTGRES_REVISION_TRIGGER

}  // namespace bb::store
