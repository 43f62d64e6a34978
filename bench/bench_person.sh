# Sourced by http.sh and callgrind.sh: waits for the server started with its output in
# $WORK/server.out, then registers one person with a profile, a screen and 60 days of check-ins
# and sessions before today (so a plan folds a realistic timeline), and checks in for today.
# Sets PORT, BASE and TOKEN, and defines json METHOD PATH TOKEN BODY.

for _ in $(seq 1 600); do
  PORT=$(sed -n 's|.*://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/server.out")
  [[ -n "${PORT:-}" ]] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.1
done
readonly BASE="http://127.0.0.1:$PORT"
json() { curl -sf -X "$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} --data "$4" "$BASE$2"; }

TOKEN=$(json POST /api/v1/auth/register "" '{"email":"bench@example.org","password":"correct horse battery"}' |
  grep -o '"token":"[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
TODAY=$(date +%F)
json PUT /api/v1/profile "$TOKEN" '{"birth_year":1985,"height_cm":172,"rope_experience":"some","rope":"beaded"}' >/dev/null
json POST /api/v1/screening "$TOKEN" '{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}' >/dev/null
for i in $(seq 60 -1 1); do
  day=$(date -d "$TODAY - $i days" +%F)
  json POST "/api/v1/checkins?date=$day" "$TOKEN" "{\"pain\":$((i % 4 + 1)),\"feel\":\"good\"}" >/dev/null
  json POST "/api/v1/sessions?date=$day" "$TOKEN" '{"completed":true,"rope_minutes":4,"pain_during_max":2,"pain_after":2}' >/dev/null
done
json POST /api/v1/checkins "$TOKEN" '{"pain":2,"feel":"good"}' >/dev/null
