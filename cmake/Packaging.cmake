# `make install` and the Debian package (`make package`, CPack): the binary, the systemd unit that
# runs `bounceback serve` as its own user, and the documentation.
include(GNUInstallDirs)
install(TARGETS bounceback RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/bounceback.service
        DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/api.md
              ${PROJECT_SOURCE_DIR}/docs/openapi.yaml ${PROJECT_SOURCE_DIR}/docs/engine-rules.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bounceback)
set(CPACK_PACKAGE_VENDOR "Bounceback")
set(CPACK_PACKAGE_CONTACT "Bounceback maintainers <maintainers@bounceback.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Daily stretching and gentle jump-rope plans for back pain, with a web server")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Library dependencies come from the binary itself (dpkg-shlibdeps, from dpkg-dev, when present);
# adduser for the postinst.
find_program(BB_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(BB_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/postinst
                                       ${PROJECT_SOURCE_DIR}/packaging/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
