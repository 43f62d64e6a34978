#!/usr/bin/env bash
# GET /api/v1/export/fhir and /api/v1/people/{person_id}/export/fhir on the real server, over
# SQLite and over PostgreSQL: a person with check-ins, PEG-3 and PSFS entries and a display name,
# a person with nothing recorded, and the clinician a person shares with. Every bundle is
# validated as FHIR R4 by the `fhir` package (web/scripts/validate-fhir.mjs), and what it holds
# is checked against what was recorded.
#
# usage: fhir_export_test.sh BOUNCEBACK_BINARY PG_STATE_DIR WEB_DIR
# The PostgreSQL half runs when tests/pg/pg_harness.sh has a server (PG_STATE_DIR/url); exits 77
# (skipped) without curl, python3, node or the web folder's installed packages (npm ci).
set -euo pipefail

readonly BIN=$1
readonly STATE=$2
readonly WEB=$3
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIPPED: python3 is not installed"; exit 77; }
command -v node >/dev/null || { echo "SKIPPED: node is not installed"; exit 77; }
[[ -f "$WEB/node_modules/fhir/package.json" ]] ||
  { echo "SKIPPED: the FHIR validator is not installed (npm ci in web/)"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

validate() {  # validate FILE...: fails unless every file is valid FHIR R4
  (cd "$WEB" && node scripts/validate-fhir.mjs "$@") || fail "$STORE: not valid FHIR R4: $*"
}

# The validator itself must refuse a broken bundle, or passing it would say nothing.
STORE=validator
cat >"$WORK/broken.json" <<'EOF'
{"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:00000000-0000-8001-8000-000000000000",
 "resource": {"resourceType": "QuestionnaireResponse", "status": "done", "authored": "2026-03-01",
 "item": [{"linkId": "75893-8", "answer": [{"valueInteger": "6"}]}], "severity": 3}}]}
EOF
if (cd "$WEB" && node scripts/validate-fhir.mjs "$WORK/broken.json") >"$WORK/broken.out" 2>&1; then
  fail "the validator passed a bundle with a wrong status, a string for an integer and an unknown element"
fi
grep -q 'QuestionnaireResponse.status' "$WORK/broken.out" || fail "the validator missed the status: $(cat "$WORK/broken.out")"
grep -q 'Unexpected property' "$WORK/broken.out" || fail "the validator missed the unknown element: $(cat "$WORK/broken.out")"

status_of() {  # status_of PATH TOKEN
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" --max-time 10 "$BASE$1"
}

# fetch PATH TOKEN FILE: GET a bundle into FILE, which must be sent as application/fhir+json.
fetch() {
  call GET "$1" "$2"
  grep -qi '^content-type: application/fhir+json' "$WORK/headers" ||
    fail "$STORE: GET $1 is not application/fhir+json: $(cat "$WORK/headers")"
  cp "$WORK/body" "$3"
}

register() {  # register NAME [ROLE]: prints "TOKEN ID"
  curl -s -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    --data "{\"email\": \"$1@example.org\", \"password\": \"correct horse battery\", \"role\": \"${2:-person}\"}" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["token"], d["account"]["id"])'
}

# check FILE PYTHON_CONDITION: the condition over the bundle (as `b`), with helpers:
# `of(type)` the resources of a type, `code(r)` the first code of r["code"].
check() {
  python3 - "$1" "$2" <<'PY' || fail "$STORE: $1: expected $2"
import json, sys
b = json.load(open(sys.argv[1]))
of = lambda t: [e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == t]
code = lambda r: r["code"]["coding"][0]["code"]
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

walk() {
  STORE=$1
  start_server --open-clinician-signup
  local ada ada_id bob carol carol_id dan code
  read -r ada ada_id <<<"$(register ada)"
  read -r bob _ <<<"$(register bob)"
  read -r carol carol_id <<<"$(register carol clinician)"
  read -r dan _ <<<"$(register dan clinician)"

  call PUT /api/v1/account "$ada" '{"display_name": "Ada Lovelace"}'
  call PUT /api/v1/profile "$ada" '{"birth_year": 1985, "height_cm": 172, "rope_experience": "some", "rope": "beaded", "aggravated_by": []}'
  call POST "/api/v1/screening?date=2026-03-01" "$ada" '{"saddle_numbness": false, "bladder_bowel_change": false, "progressive_leg_weakness": false, "major_trauma": false, "fever_unwell": false, "cancer_history": false, "unexplained_weight_loss": false, "constant_night_pain": false, "immunosuppression_or_iv_drugs": false, "osteoporosis_minor_trauma": false}'
  call POST "/api/v1/checkins?date=2026-03-01" "$ada" '{"pain": 6, "feel": "sensitive"}'
  call POST "/api/v1/checkins?date=2026-03-02" "$ada" '{"pain": 4, "feel": "okay"}'
  call POST "/api/v1/measures/peg?date=2026-03-01" "$ada" '{"average_pain": 6, "enjoyment_interference": 5, "activity_interference": 2}'
  call POST "/api/v1/measures/peg?date=2026-03-02" "$ada" '{"average_pain": 5, "enjoyment_interference": 4, "activity_interference": 3}'
  call POST "/api/v1/measures/psfs?date=2026-03-01" "$ada" '{"activities": [{"name": "Lifting my daughter", "score": 3}, {"name": "Running", "score": 2}, {"name": "Sitting an hour", "score": 6}]}'

  fetch /api/v1/export/fhir "$ada" "$WORK/ada.json"
  fetch /api/v1/export/fhir "$bob" "$WORK/bob.json"
  validate "$WORK/ada.json" "$WORK/bob.json"

  check "$WORK/ada.json" 'b["type"] == "collection" and of("Patient")[0]["name"][0]["text"] == "Ada Lovelace"'
  check "$WORK/ada.json" 'sorted((o["effectiveDateTime"], o["valueQuantity"]["value"]) for o in of("Observation") if code(o) == "72514-3") == [("2026-03-01", 6), ("2026-03-02", 4)]'
  check "$WORK/ada.json" '[[i["linkId"] for i in r["item"]] for r in of("QuestionnaireResponse") if r["questionnaire"] == "http://loinc.org/q/91148-7"] == [["75893-8", "91145-3", "91146-1"]] * 2'
  check "$WORK/ada.json" '[o["valueQuantity"]["value"] for o in of("Observation") if code(o) == "91147-9"] == [4.33, 4.0]'
  check "$WORK/ada.json" '[a["item"][0]["answer"][0]["valueString"] for r in of("QuestionnaireResponse") if r["questionnaire"].endswith("/Questionnaire/psfs") for a in r["item"]] == ["Lifting my daughter", "Running", "Sitting an hour"]'
  check "$WORK/ada.json" 'len(set(e["fullUrl"] for e in b["entry"])) == len(b["entry"]) == 1 + 2 + 4 + 1 + 2'
  # The validator checks no invariants: every id is its entry's urn:uuid, references resolve.
  check "$WORK/ada.json" 'all(e["fullUrl"] == "urn:uuid:" + e["resource"]["id"] for e in b["entry"])'
  check "$WORK/ada.json" 'all(r["subject"]["reference"] == b["entry"][0]["fullUrl"] for r in of("QuestionnaireResponse") + of("Observation"))'
  check "$WORK/ada.json" 'all(d["reference"] in {e["fullUrl"] for e in b["entry"]} for o in of("Observation") for d in o.get("derivedFrom", []))'
  check "$WORK/bob.json" '[e["resource"]["resourceType"] for e in b["entry"]] == ["Patient"] and "name" not in of("Patient")[0]'

  # Exporting again names every record the same way.
  fetch /api/v1/export/fhir "$ada" "$WORK/ada-again.json"
  cmp -s "$WORK/ada.json" "$WORK/ada-again.json" || fail "$STORE: a second export differs from the first"

  # A clinician reads a person's bundle only once the person shares with them.
  [[ $(status_of "/api/v1/people/$ada_id/export/fhir" "$carol") == 404 ]] ||
    fail "$STORE: a clinician read the bundle of a person who does not share with them"
  call POST /api/v1/shares/invites "$ada"
  code=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"])' "$WORK/body")
  call POST /api/v1/shares/accept "$carol" "{\"code\": \"$code\"}"
  fetch "/api/v1/people/$ada_id/export/fhir" "$carol" "$WORK/carol.json"
  validate "$WORK/carol.json"
  cmp -s "$WORK/ada.json" "$WORK/carol.json" || fail "$STORE: the clinician's bundle differs from the person's"
  [[ $(status_of "/api/v1/people/$ada_id/export/fhir" "$dan") == 404 ]] ||
    fail "$STORE: another clinician read the bundle"
  [[ $(status_of "/api/v1/people/$ada_id/export/fhir" "$bob") == 403 ]] ||
    fail "$STORE: a person used the clinician's route"
  [[ $(status_of "/api/v1/export/fhir" "$carol") == 403 ]] || fail "$STORE: a clinician used the person's route"
  [[ $(status_of "/api/v1/export/fhir" "") == 401 ]] || fail "$STORE: the export answered without a session"
  call DELETE "/api/v1/shares/$carol_id" "$ada"
  [[ $(status_of "/api/v1/people/$ada_id/export/fhir" "$carol") == 404 ]] ||
    fail "$STORE: the clinician still reads the bundle after the share was revoked"
  stop_server
  echo "$STORE: FHIR bundles valid for a person with measures, one without and their clinician"
}

on_sqlite_then_postgresql "$STATE" "bb_fhir_$$" walk
