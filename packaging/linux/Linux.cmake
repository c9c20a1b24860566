# Linux packaging (DEB, TGZ): see packaging/Packaging.cmake.
# Two packages per format: `vigil` (component console) and `vigil-server` (component server).
# Every destination is relative to the /usr prefix, so the TGZ holds the same usr/… tree as the DEB.
# Nothing is installed under /etc: a live /etc/vigil/policies.conf would enforce values on every seat,
# and the backend's settings file is created by the package's postinst, not owned by dpkg.
set(VIGIL_LINUX_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})

set(CPACK_GENERATOR "DEB;TGZ")
# vigil-device is a demo stand-in for the user's phone; it has no install rule and so no component.
set(CPACK_COMPONENTS_ALL console server)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# Read by cpack once per generator: gives each DEB its own summary line.
set(CPACK_PROJECT_CONFIG_FILE ${VIGIL_LINUX_PACKAGING_DIR}/CPackLinuxOptions.cmake)

# --- Console: the binary, its launcher and icon, and an example of the enforced-settings file.
install(FILES ${VIGIL_LINUX_PACKAGING_DIR}/org.vigil.console.desktop
        DESTINATION share/applications COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/vigil.svg
        DESTINATION share/icons/hicolor/scalable/apps COMPONENT console)
install(FILES ${VIGIL_LINUX_PACKAGING_DIR}/policies.conf.example
        DESTINATION share/doc/vigil COMPONENT console)

# --- Backend: the service, the unlock job's service and timer, and the settings-file template.
install(FILES ${VIGIL_LINUX_PACKAGING_DIR}/vigil-server.service
              ${VIGIL_LINUX_PACKAGING_DIR}/vigil-unlock-expired.service
              ${VIGIL_LINUX_PACKAGING_DIR}/vigil-unlock-expired.timer
        DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${VIGIL_LINUX_PACKAGING_DIR}/vigil-server.default
        DESTINATION share/vigil-server COMPONENT server)
install(FILES ${VIGIL_LINUX_PACKAGING_DIR}/README.Debian
        DESTINATION share/doc/vigil-server COMPONENT server)

# --- DEB
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# Maintainer scripts get 0755 and data files 0644 whatever the checkout's file modes are.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME "vigil")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION "utils")
# Qt loads the SQLite driver (the policy cache) and the SVG icon engine (the window icon) as plugins,
# which shlibdeps cannot see; QtKeychain likewise loads libsecret at run time for the Secret Service.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "libsecret-1-0")
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "Vigil help desk console: verify callers before touching their account
The workstation a help desk technician uses to find a caller's profile, ask the
questions the Vigil backend generates and record the answers. Only a passing
verification unlocks the profile, for a short time; changes that could hand an
account to an attacker need stronger proof and a supervisor's approval.
.
IT can enforce the server, its certificate pin and the policy key for every
seat in /etc/vigil/policies.conf (see /usr/share/doc/vigil/policies.conf.example).")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "vigil-server")
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION "net")
# adduser: postinst creates the `vigil` system user (--comment needs bookworm's adduser).
# The SQLite driver is a plugin (see above); PostgreSQL's driver only matters for a shared store.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser (>= 3.134), libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "Vigil help desk backend: HTTPS API, lockout and signed audit log
The backend of the Vigil help desk console. It generates verification
questions, keeps the shared per-profile lockout, asks for supervisor approval
of high-risk changes and writes a hash-chained, signed audit log, in SQLite or
a shared PostgreSQL database.
.
The package adds the systemd units vigil-server.service and
vigil-unlock-expired.timer; neither starts before `vigil-server init` has
created the data folder /var/lib/vigil.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${VIGIL_LINUX_PACKAGING_DIR}/postinst
    ${VIGIL_LINUX_PACKAGING_DIR}/prerm
    ${VIGIL_LINUX_PACKAGING_DIR}/postrm)

# --- TGZ: same names as the packages, with the processor as in `uname -m`.
set(CPACK_ARCHIVE_CONSOLE_FILE_NAME "vigil-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_ARCHIVE_SERVER_FILE_NAME "vigil-server-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
