add_executable(bench_motion ${CMAKE_CURRENT_SOURCE_DIR}/bench_motion.cc)
target_link_libraries(bench_motion PRIVATE bb_motion benchmark::benchmark)
