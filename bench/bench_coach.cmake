add_executable(bench_coach ${CMAKE_CURRENT_SOURCE_DIR}/bench_coach.cc)
target_link_libraries(bench_coach PRIVATE bb_app benchmark::benchmark)
