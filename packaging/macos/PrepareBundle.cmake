# Runs inside cpack (CPACK_PRE_BUILD_SCRIPTS, set by MacOS.cmake) after Vigil.app is staged and
# before the DMG is made. macdeployqt copies Qt's frameworks and plugins into the bundle; then, when
# CPACK_VIGIL_CODESIGN_IDENTITY is set, the bundle is signed for notarisation: hardened runtime,
# secure timestamp, nested code first and the app last (signing the app seals what it contains).
# Signing here, after CPack's install step, keeps the signature valid: nothing touches the bundle
# afterwards.
file(GLOB bundles LIST_DIRECTORIES true
  "${CPACK_TEMPORARY_DIRECTORY}/Vigil.app" "${CPACK_TEMPORARY_DIRECTORY}/*/Vigil.app")
if(NOT bundles)
  message(FATAL_ERROR "PrepareBundle: no Vigil.app staged under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
if(NOT EXISTS "${CPACK_VIGIL_MACDEPLOYQT}")
  message(FATAL_ERROR "PrepareBundle: macdeployqt not found (looked in Qt's bin folder at configure time)")
endif()

foreach(bundle IN LISTS bundles)
  execute_process(COMMAND "${CPACK_VIGIL_MACDEPLOYQT}" "${bundle}" -always-overwrite
    COMMAND_ERROR_IS_FATAL ANY)
  if(NOT CPACK_VIGIL_CODESIGN_IDENTITY)
    message(STATUS "PrepareBundle: ${bundle} left unsigned (CPACK_VIGIL_CODESIGN_IDENTITY is empty)")
    continue()
  endif()

  file(GLOB frameworks LIST_DIRECTORIES true "${bundle}/Contents/Frameworks/*.framework")
  file(GLOB_RECURSE libraries "${bundle}/Contents/Frameworks/*.dylib" "${bundle}/Contents/PlugIns/*.dylib")
  foreach(code IN LISTS libraries frameworks bundle)
    execute_process(COMMAND codesign --force --options runtime --timestamp
      --sign "${CPACK_VIGIL_CODESIGN_IDENTITY}" "${code}"
      COMMAND_ERROR_IS_FATAL ANY)
  endforeach()
  execute_process(COMMAND codesign --verify --strict --deep --verbose=2 "${bundle}"
    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
