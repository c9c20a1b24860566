# Windows: one MSI (CPack WIX, WiX Toolset 3) for silent, per-machine installs by IT, e.g.
#   msiexec /i vigil-<version>-win64.msi /qn SERVER_URL=https://… SERVER_PIN=AB:CD:… POLICY_KEY=… ENFORCE=1
# The WiX sources in this folder are shared with the wixl build that tests/packaging/windows checks.
include(${CMAKE_CURRENT_LIST_DIR}/UpgradeCode.cmake)
set(VIGIL_WINDOWS_ICON "${PROJECT_SOURCE_DIR}/packaging/icons/vigil.ico")

set(CPACK_GENERATOR "WIX")
set(CPACK_WIX_ARCHITECTURE "x64")
set(CPACK_WIX_UPGRADE_GUID "${VIGIL_WIX_UPGRADE_GUID}")
set(CPACK_WIX_TEMPLATE "${CMAKE_CURRENT_LIST_DIR}/WIX.template.in")
set(CPACK_WIX_EXTRA_SOURCES "${CMAKE_CURRENT_LIST_DIR}/vigil-fragment.wxs")
# The template includes vigil-product.wxi from this folder.
set(CPACK_WIX_CANDLE_EXTRA_FLAGS "-I${CMAKE_CURRENT_LIST_DIR}")
set(CPACK_WIX_PRODUCT_ICON "${VIGIL_WINDOWS_ICON}")
# vigil-fragment.wxs creates the Start-menu folder "Vigil" and its shortcut. CPACK_PACKAGE_EXECUTABLES
# stays unset: CPack would add a second ProgramMenuFolder and shortcut of its own.
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Vigil")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")

# A GUI program: no console window opens behind it when a technician starts Vigil.
set_target_properties(vigil PROPERTIES WIN32_EXECUTABLE ON)
configure_file(${CMAKE_CURRENT_LIST_DIR}/vigil.rc.in ${PROJECT_BINARY_DIR}/packaging/windows/vigil.rc @ONLY)
target_sources(vigil PRIVATE ${PROJECT_BINARY_DIR}/packaging/windows/vigil.rc)

# The MSI carries the console only: the backend runs on Linux servers (packaging/linux).
set(CPACK_COMPONENTS_ALL console)

# Everything vigil.exe loads must sit next to it. Qt's DLLs, plugins, translations and the MSVC
# runtime come from Qt's deployment script (windeployqt); the other DLLs (QtKeychain, libsodium,
# OpenSSL) are resolved from the folders the build found them in.
qt_generate_deploy_app_script(TARGET vigil FILENAME_VARIABLE VIGIL_DEPLOY_SCRIPT)
install(SCRIPT "${VIGIL_DEPLOY_SCRIPT}" COMPONENT console)
set(VIGIL_DLL_DIRS "$<TARGET_FILE_DIR:Qt6::Core>" "$<TARGET_FILE_DIR:Qt6Keychain::Qt6Keychain>")
if(SODIUM_PREFIX)
  list(APPEND VIGIL_DLL_DIRS "${SODIUM_PREFIX}/bin")
endif()
if(OPENSSL_CRYPTO_LIBRARY)
  get_filename_component(VIGIL_OPENSSL_LIB_DIR "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
  list(APPEND VIGIL_DLL_DIRS "${VIGIL_OPENSSL_LIB_DIR}/../bin")
endif()
install(CODE "
  file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES \"$<TARGET_FILE:vigil>\"
    RESOLVED_DEPENDENCIES_VAR vigil_dlls
    UNRESOLVED_DEPENDENCIES_VAR vigil_unresolved
    PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
    POST_EXCLUDE_REGEXES \"[Ss]ystem32\"
    DIRECTORIES ${VIGIL_DLL_DIRS})
  if(vigil_unresolved)
    message(FATAL_ERROR \"vigil.exe needs DLLs the build cannot find: \${vigil_unresolved}\")
  endif()
  file(INSTALL \${vigil_dlls} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/bin\")
" COMPONENT console)
