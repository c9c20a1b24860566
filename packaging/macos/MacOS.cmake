# macOS: the console as Vigil.app in a drag-and-drop DMG (CPack DragNDrop). The backend runs on
# Linux servers, so the DMG carries the console alone. Packaging, signing and notarising:
#   cmake --build <build>
#   cpack --config <build>/CPackConfig.cmake -G DragNDrop \
#         -D CPACK_VIGIL_CODESIGN_IDENTITY="Developer ID Application: <name> (<team id>)"
# PrepareBundle.cmake runs inside cpack once Vigil.app is staged: macdeployqt copies Qt's frameworks
# and plugins into it, then every nested framework and plugin and the app are signed with
#   codesign --force --options runtime --timestamp --sign <identity>
# The DMG is then signed, notarised and stapled outside CPack (docs/deployment.md):
#   codesign --timestamp --sign <identity> vigil-<version>-Darwin.dmg
#   xcrun notarytool submit vigil-<version>-Darwin.dmg --keychain-profile <profile> --wait
#   xcrun stapler staple vigil-<version>-Darwin.dmg
set(VIGIL_MACOS_ICON "${PROJECT_SOURCE_DIR}/packaging/icons/vigil.icns")
set(VIGIL_MACOS_PKGINFO "${CMAKE_CURRENT_LIST_DIR}/PkgInfo")

# Info.plist.in's LSMinimumSystemVersion promises a macOS the binaries must really run on, so the
# compiler's deployment target has to be the same (set it before project(), e.g.
# -DCMAKE_OSX_DEPLOYMENT_TARGET=10.14); otherwise it defaults to the build machine's macOS.
file(READ "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in" VIGIL_INFO_PLIST)
string(REGEX MATCH "<key>LSMinimumSystemVersion</key>[ \t\r\n]*<string>([0-9.]+)</string>" _ "${VIGIL_INFO_PLIST}")
set(VIGIL_MACOS_MINIMUM "${CMAKE_MATCH_1}")
if(NOT CMAKE_OSX_DEPLOYMENT_TARGET)
  message(WARNING "CMAKE_OSX_DEPLOYMENT_TARGET is not set: Vigil.app will need this Mac's macOS version "
    "although its Info.plist says ${VIGIL_MACOS_MINIMUM}. Configure with "
    "-DCMAKE_OSX_DEPLOYMENT_TARGET=${VIGIL_MACOS_MINIMUM} to build what the DMG promises.")
elseif(NOT CMAKE_OSX_DEPLOYMENT_TARGET VERSION_EQUAL VIGIL_MACOS_MINIMUM)
  message(FATAL_ERROR "CMAKE_OSX_DEPLOYMENT_TARGET is ${CMAKE_OSX_DEPLOYMENT_TARGET} but "
    "packaging/macos/Info.plist.in says LSMinimumSystemVersion ${VIGIL_MACOS_MINIMUM}; change both together.")
endif()

set_target_properties(vigil PROPERTIES
  MACOSX_BUNDLE ON
  MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
  MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
  MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}")
target_sources(vigil PRIVATE "${VIGIL_MACOS_ICON}" "${VIGIL_MACOS_PKGINFO}")
# Source file properties belong to the directory of the target (app/), not to this one.
set_source_files_properties("${VIGIL_MACOS_ICON}" TARGET_DIRECTORY vigil
  PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_source_files_properties("${VIGIL_MACOS_PKGINFO}" TARGET_DIRECTORY vigil
  PROPERTIES MACOSX_PACKAGE_LOCATION .)

# CMake names a bundle after its executable (vigil.app); IT and technicians see Vigil.app, so the
# built bundle is installed under that name rather than with install(TARGETS … BUNDLE). The console
# must have no other install rule on macOS, or a second copy of the bundle lands in the DMG.
install(DIRECTORY "$<TARGET_BUNDLE_DIR:vigil>/" DESTINATION "Vigil.app" USE_SOURCE_PERMISSIONS
  COMPONENT console)

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_COMPONENTS_ALL console)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DMG_VOLUME_NAME "Vigil")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${VIGIL_MACOS_ICON}") # the mounted volume's icon
set(CPACK_DMG_BACKGROUND_IMAGE "${PROJECT_SOURCE_DIR}/packaging/icons/dmg-background.png")
set(CPACK_DMG_DS_STORE_SETUP_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/dmg-layout.applescript")
# The Applications link is what the user drags Vigil.app onto.
set(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK OFF)

find_program(VIGIL_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
set(CPACK_VIGIL_MACDEPLOYQT "${VIGIL_MACDEPLOYQT}")
set(VIGIL_CODESIGN_IDENTITY "" CACHE STRING
  "Developer ID Application identity that signs Vigil.app (empty: unsigned)")
set(CPACK_VIGIL_CODESIGN_IDENTITY "${VIGIL_CODESIGN_IDENTITY}")
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/PrepareBundle.cmake")
