bb_add_fuzz_target(fuzz_live_messages ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_live_messages.cc bb_http)
