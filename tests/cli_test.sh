#!/usr/bin/env bash
# Drives the real `bounceback` binary on temporary SQLite files, one case at a time.
# Usage: bash tests/cli_test.sh PATH/TO/bounceback
# Prints PASS or FAIL per case and exits non-zero when any case fails.
set -u

BIN=${1:?usage: cli_test.sh PATH/TO/bounceback}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Never touch a real person's database, even by accident.
export XDG_DATA_HOME="$WORK/xdg"
export HOME="$WORK/home"

DB="$WORK/main.db"
failures=0
cases=0

pass() { cases=$((cases + 1)); echo "PASS $1"; }
fail() {
  cases=$((cases + 1)); failures=$((failures + 1))
  echo "FAIL $1: $2"
  if [[ -s "$WORK/out" ]]; then sed 's/^/    stdout: /' "$WORK/out" | head -20; fi
  if [[ -s "$WORK/err" ]]; then sed 's/^/    stderr: /' "$WORK/err" | head -20; fi
}

# bb DB ARGS...: runs the binary with standard input closed, output in $WORK/out and $WORK/err.
bb() {
  local db=$1; shift
  "$BIN" --db "$db" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
}

# json_check EXPRESSION: evaluates a Python expression over the JSON in $WORK/out (as `d`).
json_check() {
  python3 - "$1" "$WORK/out" <<'EOF'
import json, sys
expression, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    d = json.load(f)
sys.exit(0 if eval("(" + expression + ")") else 1)
EOF
}

# expect NAME EXIT_CODE DB ARGS...: the command exits with EXIT_CODE.
expect() {
  local name=$1 code=$2 db=$3; shift 3
  bb "$db" "$@"
  local rc=$?
  if [[ $rc -eq $code ]]; then pass "$name"; else fail "$name" "exit $rc, expected $code"; fi
}

# expect_json NAME EXPRESSION DB ARGS...: exits 0 and the JSON output satisfies EXPRESSION.
expect_json() {
  local name=$1 expression=$2 db=$3; shift 3
  bb "$db" "$@"
  local rc=$?
  if [[ $rc -ne 0 ]]; then fail "$name" "exit $rc"; return; fi
  if json_check "$expression"; then pass "$name"; else fail "$name" "JSON check failed: $expression"; fi
}

dump() { sqlite3 "$1" .dump; }

# expect_rejected NAME FIELD ARGS...: exit 2, stderr names FIELD, and the main database is
# byte-for-byte the same afterwards.
expect_rejected() {
  local name=$1 field=$2; shift 2
  local before after rc
  before=$(dump "$DB")
  bb "$DB" "$@"
  rc=$?
  after=$(dump "$DB")
  if [[ $rc -ne 2 ]]; then fail "$name" "exit $rc, expected 2"; return; fi
  if ! grep -qF -- "$field" "$WORK/err"; then fail "$name" "message does not name $field"; return; fi
  if [[ "$before" != "$after" ]]; then fail "$name" "the database changed"; return; fi
  pass "$name"
}

# --- First run: profile, screen, check-in, plan -------------------------------------------------
expect "profile set" 0 "$DB" profile set --birth-year 1982 --height-cm 176 \
  --rope-experience none --rope beaded --aggravated-by sitting,bending --date 2026-03-02
expect_json "profile show" \
  'd["height_cm"] == 176 and d["rope"] == "beaded" and d["aggravated_by"] == ["sitting", "bending"]' \
  "$DB" profile show --json
expect_json "screen, all no" 'd["outcome"] == "clear" and d["urgent"] == [] and d["see_clinician"] == []' \
  "$DB" screen --none --date 2026-03-02 --json
expect "plan before check-in is refused" 1 "$DB" plan --date 2026-03-02
expect "checkin day 1" 0 "$DB" checkin --date 2026-03-02 --pain 3 --feel good --legs none
expect_json "plan --json is a sensible first plan" \
  'd["status"] == "ok" and d["date"] == "2026-03-02" and d["day_type"] in ("mixed", "rope")
   and d["rope"] is not None and 0 < d["rope"]["minutes"] <= 5
   and d["rope"]["cadence_per_min"] <= 120 and d["rope"]["rest_seconds"] > 0
   and len(d["stretch"]["items"]) > 0 and len(d["reasons"]) > 0
   and d["traffic_light"] is None' \
  "$DB" plan --date 2026-03-02 --json
bb "$DB" plan --date 2026-03-02
if grep -q "min of rope time" "$WORK/out" && grep -q "Why this plan" "$WORK/out"; then
  pass "plan reads as plain text"
else
  fail "plan reads as plain text" "missing the rope dose or the reasons"
fi

# --- Log, next-morning follow-up, next day ------------------------------------------------------
expect "log day 1" 0 "$DB" log --date 2026-03-02 --rope-minutes 3 --pain-during 2 --pain-after 2
expect_json "followup next morning" 'd["session_date"] == "2026-03-02" and d["next_morning_pain"] == 2' \
  "$DB" followup --date 2026-03-03 --pain 2 --json
expect "checkin day 2" 0 "$DB" checkin --date 2026-03-03 --pain 2 --feel good
expect_json "next day plan shows a traffic light" \
  'd["status"] == "ok" and d["traffic_light"] in ("green", "amber", "red")' \
  "$DB" plan --date 2026-03-03 --json
expect_json "history --json" \
  'len(d["days"]) == 2 and d["days"][0]["session"]["rope_minutes"] == 3
   and d["days"][0]["next_morning_pain"] == 2 and d["days"][1]["traffic_light"] is not None
   and d["days"][1]["session"] is None' \
  "$DB" history --date 2026-03-03 --json
expect_json "progress --json" \
  '[p["pain"] for p in d["pain"]] == [3, 2] and sum(w["rope_minutes"] for w in d["rope_weeks"]) == 3
   and len(d["traffic_lights"]) == 1 and d["pain_change"] is None' \
  "$DB" progress --date 2026-03-03 --json
expect "progress as text" 0 "$DB" progress --date 2026-03-03

# --- Measures ----------------------------------------------------------------------------------
expect_json "measure peg baseline" 'd["change"] is None and abs(d["score"] - 7.0) < 0.01' \
  "$DB" measure peg --date 2026-03-02 --pain 7 --enjoyment 6 --activity 8 --json
expect_json "measure peg meaningful improvement" \
  'd["change"]["direction"] == "improved" and d["change"]["baseline"] == 7.0' \
  "$DB" measure peg --date 2026-03-16 --pain 4 --enjoyment 3 --activity 4 --json
expect_json "measure peg small change is not meaningful" \
  'd["change"]["direction"] == "no_meaningful_change"' \
  "$DB" measure peg --date 2026-03-23 --pain 6 --enjoyment 6 --activity 6 --json
expect_json "measure psfs baseline" 'd["change"] is None and abs(d["score"] - 3.0) < 0.01' \
  "$DB" measure psfs --date 2026-03-02 --activity "tying shoes=2" --activity "a long walk=3" \
  --activity "lifting shopping=4" --json
expect_json "measure psfs meaningful improvement" 'd["change"]["direction"] == "improved"' \
  "$DB" measure psfs --date 2026-03-23 --activity "tying shoes=6" --activity "a long walk=5" \
  --activity "lifting shopping=7" --json
expect_json "progress carries the measures" \
  'len(d["peg"]) == 3 and d["peg_change"] is not None and len(d["psfs"]) == 2
   and d["psfs_change"]["direction"] == "improved"' \
  "$DB" progress --date 2026-03-31 --json

# --- Rope advice and the catalog ---------------------------------------------------------------
expect_json "rope-advice --json" \
  'd["length_cm"] > 200 and d["recommended"] in ("beaded", "speed_quarter_lb", "ropeless")
   and len(d["recommendation"]) > 0 and len(d["avoid"]) > 0' \
  "$DB" rope-advice --json
expect "rope-advice without a profile" 1 "$WORK/empty.db" rope-advice
expect_json "catalog list" 'len(d["items"]) >= 10 and all(i["id"] for i in d["items"])' \
  "$DB" catalog list --json
expect_json "catalog list --position chair" \
  'len(d["items"]) > 0 and all(i["position"] == "chair" for i in d["items"])' \
  "$DB" catalog list --position chair --json
expect_json "catalog list --target hamstrings" 'len(d["items"]) > 0' \
  "$DB" catalog list --target hamstrings --json
first_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["id"])' "$WORK/out")
expect_json "catalog show --json" \
  "d['id'] == '$first_id' and len(d['steps']) > 0 and len(d['name']) > 0" \
  "$DB" catalog show "$first_id" --json
expect "catalog show as text" 0 "$DB" catalog show "$first_id"
expect "catalog show unknown id" 1 "$DB" catalog show no_such_item
expect "catalog list unknown position" 2 "$DB" catalog list --position ceiling

# --- Bad input exits 2, names the field and writes nothing --------------------------------------
expect_rejected "pain 11" "--pain" checkin --date 2026-03-04 --pain 11 --feel good
expect_rejected "pain not a number" "--pain" checkin --date 2026-03-04 --pain lots --feel good
expect_rejected "unknown feel" "--feel" checkin --date 2026-03-04 --pain 3 --feel great
expect_rejected "missing feel" "--feel" checkin --date 2026-03-04 --pain 3
expect_rejected "malformed date" "--date" checkin --date 2026-02-30 --pain 3 --feel good
expect_rejected "not an urgent question" "--urgent" checkin --date 2026-03-04 --pain 3 --feel good \
  --urgent major_trauma
expect_rejected "unknown leg symptoms" "--legs" checkin --date 2026-03-04 --pain 3 --feel good \
  --legs foot
expect_rejected "log without a check-in" "no check-in" log --date 2026-03-09 --rope-minutes 3 \
  --pain-during 2 --pain-after 2
expect_rejected "log pain during 11" "--pain-during" log --date 2026-03-03 --rope-minutes 3 \
  --pain-during 11 --pain-after 2
expect_rejected "log unknown stop reason" "--stopped" log --date 2026-03-03 --rope-minutes 3 \
  --pain-during 2 --pain-after 2 --stopped bored
expect_rejected "log negative rope minutes" "--rope-minutes" log --date 2026-03-03 \
  --rope-minutes -1 --pain-during 2 --pain-after 2
expect_rejected "followup without a session" "no session" followup --date 2026-03-04 --pain 2
expect_rejected "unknown red-flag id" "--yes" screen --yes saddle_numbness,bogus
expect_rejected "screen with no answers" "--yes" screen
expect_rejected "peg out of range" "--enjoyment" measure peg --pain 3 --enjoyment 12 --activity 2
expect_rejected "psfs needs 3 activities" "activities" measure psfs --activity "walking=3"
expect_rejected "psfs score malformed" "--activity[1]" measure psfs --activity "a=1" \
  --activity "b=x" --activity "c=2"
expect_rejected "profile height" "--height-cm" profile set --height-cm 20
expect_rejected "profile rope" "--rope" profile set --rope golden

# --- Red flags block plans ---------------------------------------------------------------------
RED="$WORK/red.db"
expect_json "urgent screen" 'd["outcome"] == "urgent" and d["urgent"] == ["saddle_numbness"]' \
  "$RED" screen --yes saddle_numbness --date 2026-03-02 --json
expect "checkin with urgent screen" 0 "$RED" checkin --date 2026-03-02 --pain 2 --feel good
expect_json "urgent screen blocks the plan" \
  'd["status"] == "urgent" and d["day_type"] == "rest" and d["rope"] is None' \
  "$RED" plan --date 2026-03-02 --json
expect_json "see-a-clinician screen" \
  'd["outcome"] == "see_clinician" and d["see_clinician"] == ["cancer_history"]' \
  "$RED" screen --yes cancer_history --date 2026-03-03 --json
expect "checkin while waiting for a clinician" 0 "$RED" checkin --date 2026-03-03 --pain 2 --feel good
expect_json "see-a-clinician blocks exercise" \
  'd["status"] == "see_clinician" and d["rope"] is None' \
  "$RED" plan --date 2026-03-03 --json
expect "record clearance" 0 "$RED" clearance --date 2026-03-04
expect "checkin after clearance" 0 "$RED" checkin --date 2026-03-04 --pain 2 --feel good
expect_json "clearance lifts the block" 'd["status"] == "ok" and d["day_type"] != "rest"' \
  "$RED" plan --date 2026-03-04 --json
expect_json "the same answers again keep the clearance" \
  'd["outcome"] == "see_clinician" and d["cleared_on"] == "2026-03-04"' \
  "$RED" screen --yes cancer_history --date 2026-03-04 --json
expect_json "a new warning sign needs a new clearance" \
  'd["outcome"] == "see_clinician" and d["cleared_on"] is None' \
  "$RED" screen --yes cancer_history,fever_unwell --date 2026-03-04 --json
expect_json "the block is back until the next clearance" 'd["status"] == "see_clinician"' \
  "$RED" plan --date 2026-03-04 --json
expect "record a new clearance" 0 "$RED" clearance --date 2026-03-05
expect "checkin with an urgent answer" 0 "$RED" checkin --date 2026-03-05 --pain 2 --feel good \
  --urgent bladder_bowel_change
expect_json "urgent check-in blocks the plan" 'd["status"] == "urgent" and d["rope"] is None' \
  "$RED" plan --date 2026-03-05 --json

# --- A stop for sharp pain: no rope next time, urgent questions asked again --------------------
SHARP="$WORK/sharp.db"
bb "$SHARP" screen --none --date 2026-03-02
bb "$SHARP" checkin --date 2026-03-02 --pain 2 --feel good
expect "log a sharp-pain stop" 0 "$SHARP" log --date 2026-03-02 --rope-minutes 1 --pain-during 6 \
  --pain-after 5 --stopped sharp_pain --completed no
bb "$SHARP" checkin --date 2026-03-03 --pain 3 --feel good
expect_json "after a sharp-pain stop" 'd["rope"] is None and d["ask_urgent_questions"] is True' \
  "$SHARP" plan --date 2026-03-03 --json

# --- The guided daily flow, answers piped in ---------------------------------------------------
TODAY="$WORK/today.db"
# The full screen taken today already asked the urgent questions: the check-in does not repeat them.
answers=$'1979\n168\nsome\nbeaded\nnone\n'$'n\nn\nn\nn\nn\nn\nn\nn\nn\nn\n'$'4\nokay\nnone\n'
printf '%s' "$answers" | "$BIN" --db "$TODAY" today --date 2026-03-02 >"$WORK/out" 2>"$WORK/err"
rc=$?
if [[ $rc -eq 0 ]] && grep -q "Your plan for Monday 2026-03-02" "$WORK/out" &&
  ! grep -q "three quick safety questions" "$WORK/out" && grep -q "Your session, .* steps in order" "$WORK/out"; then
  pass "today: first use, screen, check-in and plan, urgent questions not asked twice"
else
  fail "today: first use, screen, check-in and plan, urgent questions not asked twice" "exit $rc"
fi
bb "$TODAY" log --date 2026-03-02 --rope-minutes 3 --pain-during 2 --pain-after 2 --completed yes
printf '2\nn\nn\nn\n3\ngood\nnone\n' | "$BIN" --db "$TODAY" today --date 2026-03-03 >"$WORK/out" 2>"$WORK/err"
if [[ $? -eq 0 ]] && grep -q "session on 2026-03-02. How much did your back hurt" "$WORK/out" &&
  grep -q "three quick safety questions" "$WORK/out" &&
  grep -q "Your plan for Tuesday 2026-03-03" "$WORK/out"; then
  pass "today: the next day asks the morning-after pain, then the urgent questions"
else
  fail "today: the next day asks the morning-after pain, then the urgent questions" "unexpected output"
fi
answers=$'1979\n168\nnone\nnone\nnone\n'$'n\nn\nn\nn\nn\ny\nn\nn\nn\nn\n'
printf '%s' "$answers" | "$BIN" --db "$WORK/today_clinician.db" today --date 2026-03-02 >/dev/null 2>&1
"$BIN" --db "$WORK/today_clinician.db" today --date 2026-03-03 </dev/null >"$WORK/out" 2>"$WORK/err"
if [[ $? -eq 0 ]] && grep -q "see a clinician" "$WORK/out" && ! grep -q "How much does your back hurt" "$WORK/out"; then
  pass "today: waiting for a clearance shows the block and asks for no check-in"
else
  fail "today: waiting for a clearance shows the block and asks for no check-in" "unexpected output"
fi
printf '2\n' | "$BIN" --db "$TODAY" today --date 2026-03-02 >"$WORK/out" 2>"$WORK/err"
if [[ $? -eq 0 ]] && grep -q "already checked in" "$WORK/out"; then
  pass "today: second run shows the plan again"
else
  fail "today: second run shows the plan again" "unexpected output"
fi
printf 'y\n' | "$BIN" --db "$WORK/today_urgent.db" today --date 2026-03-02 >"$WORK/out" 2>"$WORK/err"
rc=$?
if [[ $rc -eq 2 ]] && grep -q "profile.birth_year" "$WORK/err"; then
  pass "today: a wrong piped answer exits 2 naming the field"
else
  fail "today: a wrong piped answer exits 2 naming the field" "exit $rc"
fi
answers=$'1979\n168\nnone\nnone\nnone\n'$'y\nn\nn\nn\nn\nn\nn\nn\nn\nn\n'
printf '%s' "$answers" | "$BIN" --db "$WORK/today_urgent.db" today --date 2026-03-02 \
  >"$WORK/out" 2>"$WORK/err"
rc=$?
if [[ $rc -eq 0 ]] && grep -q "emergency care now" "$WORK/out" && ! grep -q "Your plan for" "$WORK/out"; then
  pass "today: an urgent answer sends the person to emergency care"
else
  fail "today: an urgent answer sends the person to emergency care" "exit $rc"
fi

# --- A recording kept with a session reaches the next plan -------------------------------------
MEASURED="$WORK/measured.db"
python3 - "$WORK/jumps.csv" <<'PY'
import sys
rows, t = ["t_s,ax_g,ay_g,az_g"], 0.0
def push(g):
    global t
    rows.append(f"{t:.2f},{0.05*g:.3f},{g:.3f},{0.1*g:.3f}"); t += 0.01
for _ in range(100): push(1.0)
for _ in range(60):  # 60 jumps of 0.15 s flight (about 2.5 cm) at 2 a second
    for _ in range(15): push(0.05)
    for g in (3.2, 2.8, 2.2, 1.7, 1.4, 1.2): push(g)
    for _ in range(29): push(1.1)
for _ in range(100): push(1.0)
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
bb "$MEASURED" profile set --birth-year 1980 --height-cm 172 --rope-experience regular --rope beaded --aggravated-by none
bb "$MEASURED" screen --none --date 2026-03-02
bb "$MEASURED" checkin --date 2026-03-02 --pain 2 --feel good
expect "analyze --keep-for keeps the file with the session" 0 "$MEASURED" analyze "$WORK/jumps.csv" --placement pocket --keep-for 2026-03-02
bb "$MEASURED" log --date 2026-03-02 --completed yes --rope-minutes 5 --pain-during 2 --pain-after 2
bb "$MEASURED" followup --date 2026-03-03 --pain 2
bb "$MEASURED" checkin --date 2026-03-03 --pain 2 --feel good
bb "$MEASURED" plan --date 2026-03-03
if grep -q "Your phone counted .* of jumping against 5 min logged" "$WORK/out"; then
  pass "the next plan builds on what the kept recording measured"
else
  fail "the next plan builds on what the kept recording measured" "$(head -c 400 "$WORK/out")"
fi

# --- serve refuses a bad --public-url before it listens or opens the database --------------------
# A time limit, so a server that wrongly starts fails the case instead of hanging the test.
before=$(dump "$DB")
for url in "" "bounceback.example.org" "ftp://bounceback.example.org" "https://" \
  "https://bounceback.example.org/?a=1" "https://bounceback.example.org/#/today" \
  "https://ada@bounceback.example.org" "https://bounce back.example.org"; do
  name="serve --public-url '$url' is refused"
  timeout 20 "$BIN" --db "$DB" serve --listen 127.0.0.1:0 --public-url "$url" \
    </dev/null >"$WORK/out" 2>"$WORK/err"
  rc=$?
  if [[ $rc -ne 2 ]]; then fail "$name" "exit $rc, expected 2"
  elif ! grep -qF -- "public-url" "$WORK/err"; then fail "$name" "message does not name public-url"
  elif [[ -s "$WORK/out" ]]; then fail "$name" "it said it was serving"
  elif [[ "$before" != "$(dump "$DB")" ]]; then fail "$name" "the database changed"
  else pass "$name"; fi
done

# --- The default database lives under XDG_DATA_HOME --------------------------------------------
"$BIN" screen --none </dev/null >"$WORK/out" 2>"$WORK/err"
if [[ $? -eq 0 && -f "$XDG_DATA_HOME/bounceback/bounceback.db" ]]; then
  pass "default database under XDG_DATA_HOME"
else
  fail "default database under XDG_DATA_HOME" "no database file"
fi

echo "$((cases - failures)) of $cases CLI cases passed"
[[ $failures -eq 0 ]]
