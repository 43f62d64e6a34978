#!/usr/bin/env bash
# Drives `bounceback analyze` on CSV recordings written here (idealised jumps in a pocket), plus
# the development set in ../shared/data/motion when it is present.
# Usage: bash tests/motion_cli_test.sh PATH/TO/bounceback REPO_ROOT
set -u

BIN=${1:?usage: motion_cli_test.sh PATH/TO/bounceback REPO_ROOT}
ROOT=${2:-.}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

pass() { echo "PASS $1"; }
fail() {
  failures=$((failures + 1))
  echo "FAIL $1: $2"
  sed 's/^/    stdout: /' "$WORK/out" 2>/dev/null | head -10
  sed 's/^/    stderr: /' "$WORK/err" 2>/dev/null | head -10
}
run() { "$BIN" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"; }
json_check() {
  python3 - "$1" "$WORK/out" <<'PY'
import json, sys
with open(sys.argv[2]) as f:
    d = json.load(f)
sys.exit(0 if eval("(" + sys.argv[1] + ")") else 1)
PY
}

# 20 jumps at 120 per minute, 0.18 s of free fall each (4.0 cm), 100 Hz, in m/s^2 with a
# header that says so; 2 s of standing before and after.
python3 - "$WORK/jumps.csv" <<'PY'
import math, sys
rate, period, flight, jumps = 100, 0.5, 0.18, 20
rows = ["t_s,ax_m_s2,ay_m_s2,az_m_s2"]
start = 2.0
end = start + jumps * period + 2.0
k = 0
while k / rate <= end:
    t = k / rate
    g = 1.0
    if start <= t < start + jumps * period:
        phase = (t - start) % period
        if phase < flight:
            g = 0.02                                   # airborne
        else:
            contact = period - flight
            u = (phase - flight) / contact
            g = math.pi / 2 * period / contact * math.sin(math.pi * u)  # weight x period
    rows.append("%.3f,%.5f,%.5f,%.5f" % (t, 0.0, g * 9.80665, 0.0))
    k += 1
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY

if run analyze "$WORK/jumps.csv" --placement pocket --json &&
   json_check 'd["jumps"] == 19 and len(d["events"]) == 19 and abs(d["cadence_per_min"] - 120) < 2'; then
  pass "counts the landings (the first flight starts from standing without a push-off bump)"
else
  fail "counts the landings" "unexpected JSON"
fi
if json_check 'all(k in d for k in ["events","jumps","cadence_per_min","jump_height_cm","impact_g","rhythm_cv","trips","longest_run","active_seconds","warnings"]) and all(set(e) == {"t","flight_s","impact_g"} for e in d["events"])'; then
  pass "JSON has the documented keys"
else
  fail "JSON keys" "missing keys"
fi
if json_check '2.5 < d["jump_height_cm"] < 5.5 and 1.5 < d["impact_g"] < 3.5'; then
  pass "height and impact are sensible"
else
  fail "height and impact" "out of range"
fi

if run analyze "$WORK/jumps.csv" --svg "$WORK/plot.svg" && head -c 4 "$WORK/plot.svg" | grep -q '<svg' &&
   grep -q 'jumps: 19' "$WORK/plot.svg" && grep -q 'placement' "$WORK/out"; then
  pass "auto placement, readable summary and SVG"
else
  fail "SVG" "not written"
fi

# Bad input: exit 2, a message with the line number, nothing written.
cp "$WORK/jumps.csv" "$WORK/bad.csv"
sed -i '50s/.*/0.480,abc,9.8,0/' "$WORK/bad.csv"
run analyze "$WORK/bad.csv" --svg "$WORK/bad.svg"
status=$?
if [[ $status -eq 2 ]] && grep -q 'line 50' "$WORK/err" && [[ ! -e "$WORK/bad.svg" ]] &&
   [[ -z $(ls "$WORK" | grep partial) ]]; then
  pass "malformed row: exit 2, line number, nothing written"
else
  fail "malformed row" "status $status"
fi
if run analyze "$WORK/bad.csv" --lenient --json && json_check 'd["jumps"] == 19 and any("skipped" in w for w in d["warnings"])'; then
  pass "--lenient skips and reports"
else
  fail "--lenient" "unexpected"
fi
run analyze "$WORK/missing.csv"; status=$?
if [[ $status -eq 2 ]]; then pass "missing file: exit 2"; else fail "missing file" "status $status"; fi
run analyze "$WORK/jumps.csv" --placement knee; status=$?
if [[ $status -eq 2 ]]; then pass "unknown placement: exit 2"; else fail "unknown placement" "status $status"; fi
printf 't,ax,ay,az\n' > "$WORK/empty.csv"
run analyze "$WORK/empty.csv"; status=$?
if [[ $status -eq 2 ]] && grep -q 'no data rows' "$WORK/err"; then
  pass "header only: exit 2"
else
  fail "header only" "status $status"
fi

# The same jumps as a phone's linear acceleration (gravity removed, "Linear Acceleration" header):
# counted after gravity is put back, and the warning says so.
python3 - "$WORK/jumps.csv" "$WORK/linear.csv" <<'PY'
import sys
rows = open(sys.argv[1]).read().split("\n")
out = ['"Time (s)","Linear Acceleration x (m/s^2)","Linear Acceleration y (m/s^2)","Linear Acceleration z (m/s^2)"']
for row in rows[1:]:
    if not row:
        continue
    t, x, y, z = row.split(",")
    out.append("%s,%s,%.5f,%s" % (t, x, float(y) - 9.80665, z))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
if run analyze "$WORK/linear.csv" --placement pocket --json &&
   json_check 'abs(d["jumps"] - 19) <= 1 and any("gravity removed" in w for w in d["warnings"])'; then
  pass "gravity-removed export: counted, and said so"
else
  fail "gravity-removed export" "unexpected JSON"
fi

# Three jumps, each alone after a long pause: jump-like, no rhythm, nothing counted, said why.
python3 - "$WORK/jumps.csv" "$WORK/sparse.csv" <<'PY'
import sys
rows = open(sys.argv[1]).read().split("\n")
out = [rows[0]]
for row in rows[1:]:
    if not row:
        continue
    t = float(row.split(",")[0])
    keep = t < 3.0 or (5.5 <= t < 6.5) or (9.5 <= t < 10.5) or t >= 12.0
    out.append(row if keep else "%s,0,9.80665,0" % row.split(",")[0])
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
if run analyze "$WORK/sparse.csv" --placement pocket --json &&
   json_check 'd["jumps"] == 0 and any("does not look like jumping" in w for w in d["warnings"])'; then
  pass "isolated jumps: none counted, with the reason"
else
  fail "isolated jumps" "unexpected JSON"
fi

# The development set, when present: the labelled ankle file gives its count.
DEV="$ROOT/../shared/data/motion/rope_luciebonn/ankle_series1.csv"
if [[ -f "$DEV" ]]; then
  if run analyze "$DEV" --json && json_check 'd["placement"] == "ankle" and d["jumps"] >= 40 and d["impact_g"] > 6'; then
    pass "development ankle file"
  else
    fail "development ankle file" "unexpected"
  fi
else
  echo "SKIP development set not present"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures case(s) failed"
  exit 1
fi
