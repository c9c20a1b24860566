# Lays out Vigil.app the way the macOS build does, on any platform, so that the bundle's structure
# and Info.plist can be checked where no Mac is at hand (tests/packaging/macos):
#   Vigil.app/Contents/{Info.plist, PkgInfo, MacOS/<executable>, Resources/vigil.icns}
# Info.plist comes from the same Info.plist.in as the real bundle.
#
#   cmake -DEXECUTABLE=path/to/vigil -DVERSION=0.1.0 -DOUTPUT_DIR=dir [-DICON=vigil.icns]
#         -P packaging/macos/StageBundle.cmake
foreach(required EXECUTABLE VERSION OUTPUT_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "StageBundle.cmake: -D${required}=… is required")
  endif()
endforeach()
if(NOT DEFINED ICON)
  set(ICON "${CMAKE_CURRENT_LIST_DIR}/../icons/vigil.icns")
endif()

set(bundle "${OUTPUT_DIR}/Vigil.app")
file(REMOVE_RECURSE "${bundle}")

# The variables CMake sets from the target's properties when it configures MACOSX_BUNDLE_INFO_PLIST.
set(MACOSX_BUNDLE_EXECUTABLE_NAME vigil)
set(MACOSX_BUNDLE_SHORT_VERSION_STRING "${VERSION}")
set(MACOSX_BUNDLE_BUNDLE_VERSION "${VERSION}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/Info.plist.in" "${bundle}/Contents/Info.plist")

# The same PkgInfo file MacOS.cmake puts into the bundle (package type APPL, no creator code).
file(COPY "${CMAKE_CURRENT_LIST_DIR}/PkgInfo" DESTINATION "${bundle}/Contents")
file(COPY "${EXECUTABLE}" DESTINATION "${bundle}/Contents/MacOS"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
get_filename_component(copied "${EXECUTABLE}" NAME)
if(NOT copied STREQUAL MACOSX_BUNDLE_EXECUTABLE_NAME)
  file(RENAME "${bundle}/Contents/MacOS/${copied}" "${bundle}/Contents/MacOS/${MACOSX_BUNDLE_EXECUTABLE_NAME}")
endif()
file(COPY "${ICON}" DESTINATION "${bundle}/Contents/Resources")
message(STATUS "Staged ${bundle}")
