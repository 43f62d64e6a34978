bb_add_fuzz_target(fuzz_http_request ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_http_request.cc bb_http
                   bb_store)
