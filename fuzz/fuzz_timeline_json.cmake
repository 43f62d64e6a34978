bb_add_fuzz_target(fuzz_timeline_json ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_timeline_json.cc bb_app)
