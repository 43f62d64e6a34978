# CLI tests: the real binary on temporary SQLite files (needs bash, python3 and the sqlite3 tool).
add_test(NAME cli_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_test.sh $<TARGET_FILE:bounceback>)
