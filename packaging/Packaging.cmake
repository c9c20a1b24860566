# Packages for IT: two components, the help desk console ("console", package vigil) and the
# backend ("server", package vigil-server). Each platform adds its generator settings below;
# docs/deployment.md describes what the packages install and how IT configures them.
set(CPACK_PACKAGE_NAME "vigil")
set(CPACK_PACKAGE_VENDOR "Vigil")
set(CPACK_PACKAGE_CONTACT "Vigil maintainers <maintainers@vigil.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://vigil.invalid")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Vigil")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES ON)

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  include(${CMAKE_CURRENT_LIST_DIR}/linux/Linux.cmake)
elseif(WIN32)
  include(${CMAKE_CURRENT_LIST_DIR}/windows/Windows.cmake)
elseif(APPLE)
  include(${CMAKE_CURRENT_LIST_DIR}/macos/MacOS.cmake)
endif()

include(CPack)
cpack_add_component(console DISPLAY_NAME "Vigil console"
  DESCRIPTION "The help desk workstation that verifies callers.")
cpack_add_component(server DISPLAY_NAME "Vigil backend"
  DESCRIPTION "The HTTPS backend, its command-line tools and the unlock job.")
