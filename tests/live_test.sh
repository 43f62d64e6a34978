#!/usr/bin/env bash
# Live motion over a real WebSocket to the real `bounceback serve`: a stream counts like the same
# file uploaded, a stream cut off is kept, bad messages are refused without closing the stream,
# refused upgrades answer in HTTP, and a SIGTERM mid-stream keeps what came.
# Usage: live_test.sh BOUNCEBACK LIVE_CLIENT REPO_ROOT
set -euo pipefail

BIN=$(realpath "$1")
CLIENT=$(realpath "$2")
ROOT=$(realpath "${3:-.}")
readonly BIN CLIENT ROOT
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIPPED: python3 is not installed"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"
# The WebSocket address of the running server.
ws_base() { sed 's|^http|ws|' <<<"$BASE"; }

register() {
  local invite=""
  # A clinician needs an invite made on the server.
  [[ $2 == clinician ]] && invite=",\"invite\":\"$("$BIN" --db "sqlite:$DB" clinician-invite 2>/dev/null)\""
  curl -ksf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"correct horse\",\"role\":\"$2\"$invite}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
# json EXPRESSION FILE: evaluates a Python expression over the JSON in FILE (d), or over the
# JSON lines of FILE (lines), and prints the result.
json() {
  python3 - "$1" "$2" <<'PY'
import json, sys
text = open(sys.argv[2]).read()
lines = [json.loads(l) for l in text.splitlines() if l.startswith("{")]
d = lines[-1] if lines else None
print(eval(sys.argv[1]))
PY
}
recordings() { curl -ksf -H "Authorization: Bearer $1" "$BASE/api/v1/recordings" >"$WORK/list.json"; }

# 40 jumps at 120 a minute in a trouser pocket, 0.2 s of flight each, 100 Hz, in g.
python3 - "$WORK/jumps.csv" <<'PY'
import sys
rate, period, flight, jumps = 100, 0.5, 0.2, 40
rows = ["t_s,ax_g,ay_g,az_g"]
start, k = 2.0, 0
end = start + jumps * period + 2.0
while k / rate <= end:
    t = k / rate
    z = 1.0
    if start <= t < start + jumps * period:
        phase = (t - start) % period
        if phase < flight:
            z = 0.02                      # free fall
        elif phase < flight + 0.08:
            z = 3.0                       # landing
        else:
            z = 1.0 + 0.9 * (1 - (phase - flight - 0.08) / (period - flight - 0.08))
    rows.append(f"{t:.3f},0.01,0.02,{z:.3f}")
    k += 1
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY

start_server
ADA=$(register ada@example.org person)
BOB=$(register bob@example.org person)
CAROL=$(register carol@example.org clinician)

echo "== a stream counts like the same file uploaded"
curl -sf -X POST "$BASE/api/v1/recordings?placement=pocket" -H "Authorization: Bearer $ADA" \
  -H 'Content-Type: text/csv' --data-binary "@$WORK/jumps.csv" >"$WORK/upload.json" ||
  fail "the upload was refused"
uploaded=$(json 'd["analysis"]["jumps"]' "$WORK/upload.json")
[[ $uploaded -ge 38 && $uploaded -le 40 ]] || fail "the upload counted $uploaded of 40 jumps"
"$CLIENT" stream "$(ws_base)/api/v1/live?placement=pocket&units=g&date=2026-03-10" "$ADA" \
  "$WORK/jumps.csv" --batch 25 >"$WORK/stream.txt" || fail "the stream failed: $(tail -3 "$WORK/stream.txt")"
[[ $(json 'lines[0]["type"]' "$WORK/stream.txt") == ready ]] || fail "no ready message first"
[[ $(json 'd["type"]' "$WORK/stream.txt") == saved ]] || fail "no saved message last: $(tail -1 "$WORK/stream.txt")"
live=$(json 'd["recording"]["analysis"]["jumps"]' "$WORK/stream.txt")
[[ $live == "$uploaded" ]] || fail "the stream counted $live, the upload $uploaded"
counts=$(json '[l["jumps"] for l in lines if l["type"] == "count"]' "$WORK/stream.txt")
[[ $(json 'all(a["jumps"] <= b["jumps"] for a, b in zip(lines[1:-2], lines[2:-1]))' "$WORK/stream.txt") == True ]] ||
  fail "the running count went down: $counts"
running=$(json 'max(l["jumps"] for l in lines if l["type"] == "count")' "$WORK/stream.txt")
[[ $running -ge $((live - 1)) ]] || fail "the running count reached only $running of $live: $counts"
[[ $(json 'sum(len(l["new_jumps"]) for l in lines if l["type"] == "count")' "$WORK/stream.txt") == "$running" ]] ||
  fail "new_jumps do not add up to the running count"
cadence=$(json 'round([l for l in lines if l["type"] == "count"][-1]["cadence_per_min"])' "$WORK/stream.txt")
[[ $cadence -ge 115 && $cadence -le 125 ]] || fail "live cadence $cadence, expected about 120"
recordings "$ADA"
[[ $(json 'len(d["recordings"])' "$WORK/list.json") == 2 ]] || fail "expected 2 recordings: $(cat "$WORK/list.json")"
[[ $(json 'd["recordings"][0]["source"] + " " + d["recordings"][0]["date"]' "$WORK/list.json") == "live 2026-03-10" ]] ||
  fail "the live recording is not dated as asked: $(cat "$WORK/list.json")"
echo "ok (upload $uploaded, live $live, running $running)"

echo "== a stream cut off is kept"
"$CLIENT" stream "$(ws_base)/api/v1/live?placement=pocket&units=g" "$ADA" "$WORK/jumps.csv" \
  --batch 50 --cut-after 6 >"$WORK/cut.txt" || fail "the cut-off stream failed"
for _ in $(seq 1 200); do
  recordings "$ADA"
  [[ $(json 'len(d["recordings"])' "$WORK/list.json") == 3 ]] && break
  sleep 0.1
done
[[ $(json 'len(d["recordings"])' "$WORK/list.json") == 3 ]] || fail "the cut-off stream was not saved"
id=$(json '[r for r in d["recordings"] if r["source"] == "live"][-1]["id"]' "$WORK/list.json")
curl -sf -H "Authorization: Bearer $ADA" "$BASE/api/v1/recordings/$id" >"$WORK/cut.json"
[[ $(json 'd["analysis"]["input"]["rows"]' "$WORK/cut.json") == 300 ]] ||
  fail "the cut-off stream kept $(json 'd["analysis"]["input"]["rows"]' "$WORK/cut.json") of 300 samples"
echo ok

echo "== bad messages are refused and the stream goes on"
"$CLIENT" send "$(ws_base)/api/v1/live?placement=ankle" "$ADA" 'not json' \
  '{"type":"samples","samples":[[0,0,0]]}' '{"type":"samples","samples":[[0,0,0,"x"]]}' \
  '{"type":"samples","samples":[[1,0,0,9.8],[0.5,0,0,9.8]]}' '{"type":"samples","samples":[[0,0,0,9000]]}' \
  '{"type":"jump"}' '{"type":"samples","samples":[[0,0,0,9.8]]}' '{"type":"end"}' >"$WORK/bad.txt"
errors=$(json 'sum(1 for l in lines if l["type"] == "error")' "$WORK/bad.txt")
[[ $errors == 6 ]] || fail "expected 6 errors: $(cat "$WORK/bad.txt")"
[[ $(json 'lines[-2]["type"] + " " + str(lines[-2]["jumps"])' "$WORK/bad.txt") == "count 0" ]] ||
  fail "a good batch after bad ones was not taken"
[[ $(json 'd["type"]' "$WORK/bad.txt") == saved ]] || fail "end did not save"
big=$(python3 -c 'import json; print(json.dumps({"type": "samples", "samples": [[i / 100, 0, 0, 9.8] for i in range(2001)]}))')
"$CLIENT" send "$(ws_base)/api/v1/live?placement=ankle" "$ADA" "$big" >"$WORK/big.txt"
[[ $(json 'd["type"]' "$WORK/big.txt") == error ]] || fail "a batch of 2,001 samples was taken"
python3 -c 'print("[" * 10 + " " * 300000 + "]" * 10)' >"$WORK/huge.msg"
"$CLIENT" send "$(ws_base)/api/v1/live?placement=ankle" "$ADA" "@$WORK/huge.msg" >"$WORK/huge.txt"
grep -q '^closed' "$WORK/huge.txt" || fail "a message over 256 KiB did not close the stream: $(cat "$WORK/huge.txt")"
echo ok

echo "== refused upgrades answer in HTTP"
upgrade() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Connection: Upgrade" -H "Upgrade: websocket" \
    -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" "$@"
}
[[ $(upgrade "$BASE/api/v1/live?placement=pocket") == 401 ]] || fail "nobody was not refused with 401"
[[ $(upgrade -H "Authorization: Bearer $CAROL" "$BASE/api/v1/live?placement=pocket") == 403 ]] ||
  fail "a clinician was not refused with 403"
[[ $(upgrade -H "Authorization: Bearer $ADA" -H "Origin: https://elsewhere.example" "$BASE/api/v1/live?placement=pocket") == 403 ]] ||
  fail "a page of another site was not refused with 403"
[[ $(upgrade -H "Authorization: Bearer $ADA" "$BASE/api/v1/live?placement=auto") == 422 ]] ||
  fail "placement auto was not refused with 422"
[[ $(upgrade -H "Authorization: Bearer $ADA" "$BASE/api/v1/live?placement=pocket&units=feet") == 422 ]] ||
  fail "unknown units were not refused with 422"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADA" "$BASE/api/v1/live?placement=pocket") == 426 ]] ||
  fail "a plain GET was not answered 426"
recordings "$BOB"
[[ $(json 'len(d["recordings"])' "$WORK/list.json") == 0 ]] || fail "Bob sees recordings"
echo ok

echo "== SIGTERM mid-stream keeps what came"
recordings "$ADA"
before=$(json 'len(d["recordings"])' "$WORK/list.json")
"$CLIENT" stream "$(ws_base)/api/v1/live?placement=pocket&units=g" "$ADA" "$WORK/jumps.csv" \
  --batch 50 --pause-after 4 >"$WORK/paused.txt" 2>&1 &
CLIENT_PID=$!
for _ in $(seq 1 300); do grep -q paused "$WORK/paused.txt" && break; sleep 0.1; done
grep -q paused "$WORK/paused.txt" || fail "the stream did not reach its pause"
stop_server
kill "$CLIENT_PID" 2>/dev/null || true
wait "$CLIENT_PID" 2>/dev/null || true
start_server
recordings "$ADA"
[[ $(json 'len(d["recordings"])' "$WORK/list.json") == $((before + 1)) ]] ||
  fail "the stream open at SIGTERM was not kept"
[[ $(json 'd["recordings"][-1]["source"]' "$WORK/list.json") == live ]] || fail "the kept stream is not live"
echo ok

echo "== over TLS (wss), as a phone needs"
stop_server
(cd "$WORK" && "$BIN" cert --cert "$WORK/cert.pem" --key "$WORK/key.pem" >/dev/null) || fail "bounceback cert"
start_server --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem"
"$CLIENT" stream "$(ws_base)/api/v1/live?placement=pocket&units=g" "$ADA" "$WORK/jumps.csv" --batch 50 \
  >"$WORK/tls.txt" || fail "the wss stream failed: $(tail -3 "$WORK/tls.txt")"
[[ $(json 'd["recording"]["analysis"]["jumps"]' "$WORK/tls.txt") == "$uploaded" ]] ||
  fail "the wss stream counted $(json 'd["recording"]["analysis"]["jumps"]' "$WORK/tls.txt"), not $uploaded"
echo ok

if [[ -d "$ROOT/../shared/data/motion/jump_mobifall" ]]; then
  echo "== a real recording, streamed and uploaded"
  real="$ROOT/../shared/data/motion/jump_mobifall/JUM_acc_sub02_trial1.csv"
  labelled=$(grep -c '^jump,' "${real%.csv}.labels.csv")
  curl -ksf -X POST "$BASE/api/v1/recordings?placement=pocket" -H "Authorization: Bearer $ADA" \
    -H 'Content-Type: text/csv' --data-binary "@$real" >"$WORK/real.json" || fail "the real upload was refused"
  "$CLIENT" stream "$(ws_base)/api/v1/live?placement=pocket&units=g" "$ADA" "$real" --batch 40 >"$WORK/real.txt" ||
    fail "the real stream failed"
  up=$(json 'd["analysis"]["jumps"]' "$WORK/real.json")
  lv=$(json 'd["recording"]["analysis"]["jumps"]' "$WORK/real.txt")
  [[ $up == "$lv" ]] || fail "real recording: upload $up, live $lv"
  [[ $(( up > labelled ? up - labelled : labelled - up )) -le 1 ]] ||
    fail "real recording: $up counted, $labelled labelled"
  echo "ok (labelled $labelled, upload $up, live $lv)"
else
  echo "SKIP the real recording: ../shared/data/motion is absent"
fi

echo "live_test: all passed"
