# The real server on a temporary SQLite file, driven with curl and raw sockets: the
# authorization walk, error statuses, malformed HTTP, a slow client, SIGKILL mid-writes, TLS and
# the graceful drain (skips, exit 77, when curl or sqlite3 is missing).
add_test(NAME http_server_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/http_server_test.sh $<TARGET_FILE:bounceback>)
set_tests_properties(http_server_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
