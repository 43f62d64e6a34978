bb_add_fuzz_target(fuzz_motion_csv ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_motion_csv.cc bb_motion)
