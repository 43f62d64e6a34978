#!/usr/bin/env bash
# The calendar feed over loopback against the real `bounceback serve`: a person makes a feed
# address, a calendar client (no credentials) fetches it, and ical.js parses it as a calendar app
# would: 14 days at the chosen local time, alarms, stable UIDs, today's plan summarized, a link
# back. A renewed or revoked address answers 404, one person's secret never reads another's
# feed, and a red flag leaves the calendar without sessions. Behind a proxy (--public-url) the
# address and every URL in the feed name the public origin, never the Host the proxy sent.
# Usage: calendar_test.sh BOUNCEBACK REPO_ROOT
set -euo pipefail

BIN=$(realpath "$1")
ROOT=$(realpath "${2:-.}")
readonly BIN ROOT
readonly ICAL="$ROOT/web/node_modules/ical.js/dist/ical.js"
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIPPED: python3 is not installed"; exit 77; }
command -v node >/dev/null || { echo "SKIPPED: node is not installed"; exit 77; }
[[ -f $ICAL ]] || { echo "SKIPPED: ical.js is not installed (npm ci in web/)"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

register() {
  curl -ksf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"correct horse\",\"role\":\"person\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
# call METHOD PATH TOKEN [BODY]: prints the body, then the status on a line of its own.
call() {
  local args=(-ks -X "$1" "$BASE$2" -w '\n%{http_code}')
  [[ -n $3 ]] && args+=(-H "Authorization: Bearer $3")
  [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}"
}
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
expect() {
  [[ $(status_of "$3") == "$1" ]] || fail "$2: expected $1, got $(status_of "$3"): $(body_of "$3")"
}
# The local date in an IANA zone now, as the server computes it.
today_in() { python3 -c 'import datetime, sys, zoneinfo; print(datetime.datetime.now(zoneinfo.ZoneInfo(sys.argv[1])).date())' "$1"; }
# summary FEED_FILE OUT_JSON: what ical.js reads from the feed.
summary() { node "$(dirname "$0")/calendar_feed_summary.mjs" "$ICAL" "$1" >"$2" || fail "ical.js could not parse $1"; }
check() {
  python3 - "$@" <<'PY' || fail "the feed in $2 is not what was asked for"
import datetime, json, sys, zoneinfo
kind, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
def need(ok, what):
    if not ok:
        print("FAIL:", what, file=sys.stderr)
        sys.exit(1)
need(d["version"] == "2.0", "VERSION:2.0")
need(d["ends_in_crlf"] and not d["bare_lf"] and not d["bare_cr"], "CRLF line ends only")
need(d["longest_line_octets"] <= 75, f"lines of at most 75 octets, longest {d['longest_line_octets']}")
events = d["events"]
if kind == "paused":
    need(events == [], f"no sessions while paused, got {len(events)}")
    sys.exit(0)
zone, hhmm, minutes, person_today = sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
need(len(events) == 14, f"14 events, got {len(events)}")
tz = zoneinfo.ZoneInfo(zone)
first = datetime.date.fromisoformat(person_today)
hour, minute = map(int, hhmm.split(":"))
uids = set()
for i, e in enumerate(events):
    day = first + datetime.timedelta(days=i)
    local = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    want = local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    need(e["start"] == want, f"event {i} starts {e['start']}, expected {want} ({local})")
    need(e["minutes"] == minutes, f"event {i} lasts {e['minutes']} min")
    need(e["uid"] and e["uid"] not in uids, f"a unique UID for event {i}")
    uids.add(e["uid"])
    need(day.strftime("%Y%m%d") in e["uid"], f"the UID of event {i} names its day")
    need(e["dtstamp"], f"DTSTAMP on event {i}")
    need(len(e["alarms"]) == 1 and e["alarms"][0]["action"] == "DISPLAY"
         and e["alarms"][0]["trigger_seconds"] < 0 and e["alarms"][0]["description"],
         f"a display alarm before event {i}: {e['alarms']}")
    need(e["url"] and e["url"].endswith("/#/today"), f"a link back on event {i}: {e['url']}")
if kind == "planned":
    need(":" in events[0]["summary"] and "min of" in events[0]["summary"],
         f"today's summary names the plan: {events[0]['summary']}")
    need(all(e["summary"] == "Bounceback: daily practice" for e in events[1:]),
         "the days without a plan say so")
print(json.dumps({"uids": sorted(uids), "first_summary": events[0]["summary"]}))
PY
}

start_server
ADA=$(register ada@example.org)
BEN=$(register ben@example.org)
CY=$(register cy@example.org)
CLEAR='{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}'
PROFILE='{"birth_year":1985,"height_cm":172,"rope_experience":"some","rope":"beaded"}'

echo "== settings: defaults, bad input refused and nothing kept"
r=$(call GET /api/v1/calendar "$ADA")
expect 200 "the default settings" "$r"
[[ $(body_of "$r") == '{"feed":false,"minutes":20,"time":"07:30","time_zone":null}' ]] ||
  fail "unexpected defaults: $(body_of "$r")"
expect 401 "settings without a session" "$(call GET /api/v1/calendar "")"
expect 401 "a feed without a session" "$(call POST /api/v1/calendar "" '{"time":"07:30","minutes":20,"time_zone":"UTC"}')"
r=$(call POST /api/v1/calendar "$ADA" '{"time":"07:30","minutes":20,"time_zone":"Mars/Base"}')
expect 422 "an unknown zone" "$r"
grep -q '"field":"time_zone"' <<<"$r" || fail "the error does not name time_zone: $r"
expect 422 "a time past midnight" "$(call POST /api/v1/calendar "$ADA" '{"time":"24:10","minutes":20,"time_zone":"UTC"}')"
expect 422 "too long a session" "$(call PUT /api/v1/calendar "$ADA" '{"time":"07:30","minutes":500,"time_zone":"UTC"}')"
expect 400 "a repeated key" "$(call PUT /api/v1/calendar "$ADA" '{"time":"07:30","time":"08:00","minutes":20,"time_zone":"UTC"}')"
r=$(call GET /api/v1/calendar "$ADA")
[[ $(body_of "$r") == *'"time_zone":null'* ]] || fail "a refused write was kept: $(body_of "$r")"

echo "== a feed in Europe/Berlin, with today's plan"
ADA_ZONE=Europe/Berlin
ADA_TODAY=$(today_in $ADA_ZONE)
expect 200 "profile" "$(call PUT /api/v1/profile "$ADA" "$PROFILE")"
expect 200 "screening" "$(call POST /api/v1/screening "$ADA" "$CLEAR")"
expect 201 "check-in on the person's own today" "$(call POST "/api/v1/checkins?date=$ADA_TODAY" "$ADA" '{"pain":2,"feel":"good"}')"
r=$(call POST /api/v1/calendar "$ADA" "{\"time\":\"06:45\",\"minutes\":25,\"time_zone\":\"$ADA_ZONE\"}")
expect 201 "a feed address" "$r"
ADA_URL=$(body_of "$r" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
[[ $ADA_URL == "$BASE/api/v1/calendar/feeds/"*.ics ]] || fail "unexpected feed address $ADA_URL"
r=$(call GET /api/v1/calendar "$ADA")
[[ $(body_of "$r") == '{"feed":true,"minutes":25,"time":"06:45","time_zone":"Europe/Berlin"}' ]] ||
  fail "the settings were not kept: $(body_of "$r")"
headers=$(curl -ksf -D - -o "$WORK/ada.ics" "$ADA_URL") || fail "the feed did not answer"
grep -qi '^content-type: text/calendar; charset=utf-8' <<<"$headers" || fail "not text/calendar: $headers"
summary "$WORK/ada.ics" "$WORK/ada.json"
ada_first=$(check planned "$WORK/ada.json" $ADA_ZONE 06:45 25 "$ADA_TODAY")
echo "   today: $(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["first_summary"])' "$ada_first")"

echo "== UIDs stay the same from one fetch to the next and after a change of time"
expect 200 "a new time" "$(call PUT /api/v1/calendar "$ADA" "{\"time\":\"19:10\",\"minutes\":15,\"time_zone\":\"$ADA_ZONE\"}")"
curl -ksf -o "$WORK/ada2.ics" "$ADA_URL" || fail "the feed stopped after a change of time"
summary "$WORK/ada2.ics" "$WORK/ada2.json"
ada_second=$(check planned "$WORK/ada2.json" $ADA_ZONE 19:10 15 "$ADA_TODAY")
[[ "$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["uids"])' "$ada_first")" == \
   "$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["uids"])' "$ada_second")" ]] ||
  fail "the UIDs changed between fetches"

echo "== another person's feed, in another zone, never shows the first"
BEN_ZONE=America/Los_Angeles
r=$(call POST /api/v1/calendar "$BEN" "{\"time\":\"21:30\",\"minutes\":10,\"time_zone\":\"$BEN_ZONE\"}")
expect 201 "ben's feed" "$r"
BEN_URL=$(body_of "$r" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
[[ $BEN_URL != "$ADA_URL" ]] || fail "two people got the same address"
curl -ksf -o "$WORK/ben.ics" "$BEN_URL" || fail "ben's feed did not answer"
summary "$WORK/ben.ics" "$WORK/ben.json"
ben=$(check unplanned "$WORK/ben.json" $BEN_ZONE 21:30 10 "$(today_in $BEN_ZONE)")
python3 - "$ada_second" "$ben" <<'PY' || fail "ben's feed holds ada's days"
import json, sys
a, b = (set(json.loads(x)["uids"]) for x in sys.argv[1:])
sys.exit(1 if a & b else 0)
PY
# A session token is no feed secret, and a secret is no session token.
expect 404 "a session token as a feed secret" "$(call GET "/api/v1/calendar/feeds/$BEN.ics" "")"
BEN_SECRET=${BEN_URL##*/}; BEN_SECRET=${BEN_SECRET%.ics}
expect 401 "a feed secret as a session token" "$(call GET /api/v1/calendar "$BEN_SECRET")"
expect 404 "a secret without .ics" "$(call GET "/api/v1/calendar/feeds/$BEN_SECRET" "")"

echo "== a renewed address replaces the old one; a revoked one answers 404 like an unknown one"
r=$(call POST /api/v1/calendar "$ADA" "{\"time\":\"19:10\",\"minutes\":15,\"time_zone\":\"$ADA_ZONE\"}")
expect 201 "a renewed address" "$r"
ADA_URL2=$(body_of "$r" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
[[ $ADA_URL2 != "$ADA_URL" ]] || fail "renewing gave the same address"
unknown=$(call GET "${ADA_URL#"$BASE"}" "")
expect 404 "the old address after renewal" "$unknown"
curl -ksf -o /dev/null "$ADA_URL2" || fail "the renewed address does not answer"
expect 204 "revoking" "$(call DELETE /api/v1/calendar "$ADA")"
revoked=$(call GET "${ADA_URL2#"$BASE"}" "")
expect 404 "the revoked address" "$revoked"
made_up=$(call GET "/api/v1/calendar/feeds/$(printf '0%.0s' {1..64}).ics" "")
expect 404 "a made-up address" "$made_up"
[[ $(body_of "$revoked") == "$(body_of "$made_up")" ]] ||
  fail "a revoked address answers differently from an unknown one"
expect 204 "revoking again" "$(call DELETE /api/v1/calendar "$ADA")"
curl -ksf -o /dev/null "$BEN_URL" || fail "revoking ada's feed ended ben's"
r=$(call GET /api/v1/calendar "$ADA")
[[ $(body_of "$r") == '{"feed":false,"minutes":15,"time":"19:10","time_zone":"Europe/Berlin"}' ]] ||
  fail "revoking should keep the settings: $(body_of "$r")"

echo "== a red flag: the calendar holds no sessions"
expect 200 "profile" "$(call PUT /api/v1/profile "$CY" "$PROFILE")"
expect 200 "a screen with a red flag" "$(call POST /api/v1/screening "$CY" "${CLEAR/\"cancer_history\":false/\"cancer_history\":true}")"
r=$(call POST /api/v1/calendar "$CY" '{"time":"08:00","minutes":20,"time_zone":"Asia/Tokyo"}')
expect 201 "cy's feed" "$r"
curl -ksf -o "$WORK/cy.ics" "$(body_of "$r" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')" ||
  fail "cy's feed did not answer"
summary "$WORK/cy.ics" "$WORK/cy.json"
check paused "$WORK/cy.json" >/dev/null

echo "== deleting the account ends its feed"
expect 204 "deleting ben" "$(call DELETE /api/v1/account "$BEN" '{"password":"correct horse"}')"
expect 404 "ben's feed after deletion" "$(call GET "${BEN_URL#"$BASE"}" "")"

echo "== no feed secret reaches the access log"
grep -q 'calendar/feeds/(secret)' "$WORK/server.log" "$WORK/server.out" || fail "no feed fetch was logged"
for url in "$ADA_URL" "$ADA_URL2" "$BEN_URL"; do
  secret=${url##*/}
  ! grep -q "${secret%.ics}" "$WORK/server.log" "$WORK/server.out" || fail "a feed secret was logged"
done

stop_server

PUBLIC=https://bounce.example.org:8443/app
echo "== behind a proxy: serve --public-url $PUBLIC/"
start_server --public-url "$PUBLIC/"
r=$(call POST /api/v1/calendar "$ADA" "{\"time\":\"07:05\",\"minutes\":20,\"time_zone\":\"$ADA_ZONE\"}")
expect 201 "a feed address behind the proxy" "$r"
PUBLIC_URL=$(body_of "$r" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
[[ $PUBLIC_URL == "$PUBLIC/api/v1/calendar/feeds/"*.ics ]] || fail "the feed address $PUBLIC_URL is not under $PUBLIC"
# The proxy takes the public path away: the server answers at its own root.
curl -ksf -o "$WORK/public.ics" "$BASE${PUBLIC_URL#"$PUBLIC"}" || fail "the feed behind the proxy did not answer"
summary "$WORK/public.ics" "$WORK/public.json"
check planned "$WORK/public.json" $ADA_ZONE 07:05 20 "$ADA_TODAY" >/dev/null
python3 - "$WORK/public.json" "$PUBLIC" <<'PY' || fail "a URL in the feed behind the proxy does not name $PUBLIC"
import json, sys
d, public = json.load(open(sys.argv[1])), sys.argv[2]
urls = d["uris"]
if len(urls) < len(d["events"]) or len(d["events"]) != 14:
    sys.exit(f"FAIL: {len(urls)} URL properties for {len(d['events'])} events")
wrong = [u for u in urls if not u.startswith(public + "/")]
if wrong:
    sys.exit(f"FAIL: URL properties outside {public}: {wrong}")
print(f"   {len(urls)} URL properties, all under {public}")
PY
! grep -q "127\.0\.0\.1" "$WORK/public.ics" || fail "the feed behind the proxy names the loopback Host"
stop_server
echo "calendar_test: all checks passed"
