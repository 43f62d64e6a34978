# The real server on a temporary SQLite file, driven with curl and raw sockets: the
# authorization walk, error statuses, malformed HTTP, a slow client, SIGKILL mid-writes, TLS and
# the graceful drain (skips, exit 77, when curl or sqlite3 is missing).
add_test(NAME http_server_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/http_server_test.sh $<TARGET_FILE:bounceback>)
set_tests_properties(http_server_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# A WebSocket client of the live route, for live_test.sh and bench/http.sh.
add_executable(live_client ${CMAKE_CURRENT_LIST_DIR}/live_client.cc)
target_link_libraries(live_client PRIVATE bb_http bb_motion)

# Live motion over a real WebSocket: a stream counted like the same file uploaded, a dropped
# connection still saved, bad messages refused, refused upgrades.
add_test(NAME live_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/live_test.sh $<TARGET_FILE:bounceback>
                 $<TARGET_FILE:live_client> ${PROJECT_SOURCE_DIR})
set_tests_properties(live_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# The server under pressure: file descriptors run out, large bodies without credentials, login
# guessing, registration floods, framing (skips, exit 77, without curl).
add_test(NAME limits_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/limits_test.sh $<TARGET_FILE:bounceback>)
set_tests_properties(limits_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# The calendar feed fetched over loopback like a calendar app and parsed with ical.js (skips,
# exit 77, without curl, node or web/node_modules).
add_test(NAME calendar_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/calendar_test.sh $<TARGET_FILE:bounceback>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(calendar_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# The Origin a write with the session cookie must name, with and without --public-url, over
# loopback (skips, exit 77, without curl).
add_test(NAME cookie_origin_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cookie_origin_test.sh $<TARGET_FILE:bounceback>)
set_tests_properties(cookie_origin_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
