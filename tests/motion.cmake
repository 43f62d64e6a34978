# `bounceback analyze` end to end: the real binary on CSV files the test writes itself.
add_test(NAME motion_cli_test
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/motion_cli_test.sh $<TARGET_FILE:bounceback>
                 ${PROJECT_SOURCE_DIR})
