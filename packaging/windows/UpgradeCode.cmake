# The MSI UpgradeCode: the identity Windows Installer uses to find an installed Vigil and replace it
# (MajorUpgrade). It must never change: seats installed with another code would keep the old version
# side by side. Used by CPack on Windows (CPACK_WIX_UPGRADE_GUID) and by the wixl build of the
# packaging test (tests/packaging/windows), which also checks the value itself.
set(VIGIL_WIX_UPGRADE_GUID "2157C319-7EE2-4E3E-9DBF-846CB551229D")
