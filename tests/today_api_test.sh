#!/usr/bin/env bash
# GET /api/v1/today on the real server, over SQLite and over PostgreSQL: every state reached by
# what a person records through the API, with what each state carries.
#
# usage: today_api_test.sh BOUNCEBACK_BINARY PG_STATE_DIR
# The PostgreSQL half runs when tests/pg/pg_harness.sh has a server (PG_STATE_DIR/url); exits 77
# (skipped) without curl or python3.
set -euo pipefail

readonly BIN=$1
readonly STATE=$2
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIPPED: python3 is not installed"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

# expect PATH TOKEN PYTHON_CONDITION: GET PATH and check the condition over its JSON (as `d`).
expect() {
  call GET "$1" "$2"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" "$WORK/body" ||
    fail "$STORE: GET $1: expected $3, got $(cat "$WORK/body")"
}

register() {
  curl -s -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    --data "{\"email\": \"$1@example.org\", \"password\": \"correct horse battery\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

readonly PROFILE='{"birth_year": 1985, "height_cm": 172, "rope_experience": "some", "rope": "beaded", "aggravated_by": []}'
screen_with() {  # screen_with [ID]: every question no, but ID yes
  python3 -c 'import json,sys
ids = ["saddle_numbness","bladder_bowel_change","progressive_leg_weakness","major_trauma","fever_unwell","cancer_history","unexplained_weight_loss","constant_night_pain","immunosuppression_or_iv_drugs","osteoporosis_minor_trauma"]
print(json.dumps({i: i in sys.argv[1:] for i in ids}))' "$@"
}

walk() {
  STORE=$1
  start_server
  local day=2026-03-10 next=2026-03-11 ada bob cy
  ada=$(register "ada")
  expect "/api/v1/today?date=$day" "$ada" 'd["state"] == "needs_profile" and d["plan"] is None'
  call PUT /api/v1/profile "$ada" "$PROFILE"
  expect "/api/v1/today?date=$day" "$ada" 'd["state"] == "needs_screen"'
  call POST "/api/v1/screening?date=$day" "$ada" "$(screen_with)"
  expect "/api/v1/today?date=$day" "$ada" 'd["state"] == "needs_checkin" and not d["ask_urgent_questions"] and d["screen"]["outcome"] == "clear"'
  expect "/api/v1/today?date=$next" "$ada" 'd["state"] == "needs_checkin" and d["ask_urgent_questions"]'
  call POST "/api/v1/checkins?date=$day" "$ada" '{"pain": 2, "feel": "good"}'
  expect "/api/v1/today?date=$day" "$ada" 'd["state"] == "plan_ready" and len(d["plan"]["steps"]) > 0 and d["checkin"]["pain"] == 2'
  call POST "/api/v1/sessions?date=$day" "$ada" '{"completed": true, "rope_minutes": 3, "pain_during_max": 2, "pain_after": 2}'
  expect "/api/v1/today?date=$day" "$ada" 'd["state"] == "session_logged" and d["session"]["rope_minutes"] == 3'
  expect "/api/v1/today?date=$next" "$ada" 'd["state"] == "needs_followup" and d["followup_session_date"] == "2026-03-10"'
  call POST /api/v1/followups "$ada" '{"session_date": "2026-03-10", "pain": 2}'
  expect "/api/v1/today?date=$next" "$ada" 'd["state"] == "needs_checkin"'

  bob=$(register "bob")
  call PUT /api/v1/profile "$bob" "$PROFILE"
  call POST "/api/v1/screening?date=$day" "$bob" "$(screen_with saddle_numbness)"
  expect "/api/v1/today?date=$day" "$bob" 'd["state"] == "blocked_urgent" and "emergency" in d["advice"] and d["plan"]["status"] == "urgent" and d["plan"]["steps"] == []'

  cy=$(register "cy")
  call PUT /api/v1/profile "$cy" "$PROFILE"
  call POST "/api/v1/screening?date=$day" "$cy" "$(screen_with cancer_history)"
  expect "/api/v1/today?date=$day" "$cy" 'd["state"] == "blocked_until_clearance" and d["screen"]["see_clinician"] == ["cancer_history"]'
  call PUT /api/v1/clearance "$cy" '{"cleared_on": "2026-03-10"}'
  expect "/api/v1/today?date=$day" "$cy" 'd["state"] == "needs_checkin"'
  stop_server
  echo "$STORE: every state of GET /api/v1/today"
}

on_sqlite_then_postgresql "$STATE" "bb_today_$$" walk
