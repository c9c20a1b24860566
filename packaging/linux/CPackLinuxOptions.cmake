# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE in Linux.cmake).
# CPackDeb puts the project-wide summary in front of every package's description, which would give
# `vigil` and `vigil-server` the same summary line in apt; without it, the first line of
# CPACK_DEBIAN_<COMPONENT>_DESCRIPTION is the package's own summary.
if(CPACK_GENERATOR STREQUAL "DEB")
  unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
