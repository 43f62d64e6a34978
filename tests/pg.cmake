# PostgreSQL tests share one throw-away server per ctest run: `postgres_server_start` starts it
# before the first of them and `postgres_server_stop` stops it after the last. Tests find it
# through BB_TEST_PG_URL_FILE; without the server programs the harness writes no URL and the
# tests skip.
set(BB_PG_STATE ${CMAKE_BINARY_DIR}/pg)
set(BB_PG_HARNESS ${CMAKE_CURRENT_LIST_DIR}/pg/pg_harness.sh)

add_test(NAME postgres_server_start COMMAND bash ${BB_PG_HARNESS} start ${BB_PG_STATE})
set_tests_properties(postgres_server_start PROPERTIES FIXTURES_SETUP bb_postgres TIMEOUT 120)
add_test(NAME postgres_server_stop COMMAND bash ${BB_PG_HARNESS} stop ${BB_PG_STATE})
set_tests_properties(postgres_server_stop PROPERTIES FIXTURES_CLEANUP bb_postgres TIMEOUT 60)

# The store contract cases are discovered from bb_store_test when ctest runs (after the discovery
# script of src/store); this script gives the PostgreSQL ones the fixture and the URL file.
set(BB_PG_PROPERTIES_SCRIPT ${CMAKE_BINARY_DIR}/pg_test_properties.cmake)
file(WRITE ${BB_PG_PROPERTIES_SCRIPT} "
foreach(test IN LISTS bb_store_test_TESTS)
  if(test MATCHES \"/Postgres( |$)\")
    set_tests_properties(\"\${test}\" PROPERTIES
      FIXTURES_REQUIRED bb_postgres
      ENVIRONMENT BB_TEST_PG_URL_FILE=${BB_PG_STATE}/url)
  endif()
endforeach()
")
set_property(DIRECTORY ${PROJECT_SOURCE_DIR}/src/store APPEND PROPERTY TEST_INCLUDE_FILES
             ${BB_PG_PROPERTIES_SCRIPT})

# Two server instances on one database, and SIGKILL in the middle of writes (skips, exit 77,
# until the binary has a serve command or when PostgreSQL or curl is missing).
add_test(NAME pg_servers_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/pg_servers_test.sh $<TARGET_FILE:bounceback>
                 ${BB_PG_STATE})
set_tests_properties(pg_servers_test PROPERTIES
  FIXTURES_REQUIRED bb_postgres SKIP_RETURN_CODE 77 TIMEOUT 180)

# GET /api/v1/today on the real server over SQLite, then over PostgreSQL when its test server runs.
add_test(NAME today_api_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/today_api_test.sh $<TARGET_FILE:bounceback>
                 ${BB_PG_STATE})
set_tests_properties(today_api_test PROPERTIES
  FIXTURES_REQUIRED bb_postgres SKIP_RETURN_CODE 77 TIMEOUT 180)

# The FHIR R4 export on the real server over SQLite, then over PostgreSQL when its test server
# runs, every bundle checked by a FHIR validator from npm (skips without node or web/node_modules).
add_test(NAME fhir_export_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/fhir_export_test.sh $<TARGET_FILE:bounceback>
                 ${BB_PG_STATE} ${PROJECT_SOURCE_DIR}/web)
set_tests_properties(fhir_export_test PROPERTIES
  FIXTURES_REQUIRED bb_postgres SKIP_RETURN_CODE 77 TIMEOUT 180)
