add_executable(bench_plan_store ${CMAKE_CURRENT_SOURCE_DIR}/bench_plan_store.cc)
target_link_libraries(bench_plan_store PRIVATE bb_store benchmark::benchmark fmt::fmt)
