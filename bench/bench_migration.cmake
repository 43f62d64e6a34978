add_executable(bench_migration ${CMAKE_CURRENT_SOURCE_DIR}/bench_migration.cc)
target_link_libraries(bench_migration PRIVATE bb_store SQLite::SQLite3 benchmark::benchmark fmt::fmt)
