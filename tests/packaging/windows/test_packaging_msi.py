#!/usr/bin/env python3
"""Builds the Vigil MSI with wixl from packaging/windows (the WiX sources Windows builds use) and
reads it back with msiinfo, checking what IT relies on: per-machine install, the fixed UpgradeCode
and MajorUpgrade, the Secure public properties, the policy values written to
HKLM\\Software\\Policies\\Vigil only when given, and the Start-menu shortcut to the console.

usage: test_packaging_msi.py --vigil BUILT_CONSOLE --version X.Y.Z --upgrade-code GUID
                             --sources packaging/windows --icon vigil.ico --work-dir DIR
"""
import argparse
import filecmp
import os
import pathlib
import shutil
import struct
import subprocess
import sys

# The UpgradeCode shipped with the first MSI. Seats find and replace Vigil by it, so it must never
# change; packaging/windows/UpgradeCode.cmake holds it for the builds.
PINNED_UPGRADE_CODE = "2157C319-7EE2-4E3E-9DBF-846CB551229D"
POLICY_KEY_PATH = "Software\\Policies\\Vigil"
HKLM = "2"
COMPONENT_64BIT = 0x100
UPGRADE_ONLY_DETECT = 0x2
UPGRADE_INCLUDE_MAXIMUM = 0x200
# Registry value name → (value in the Registry table, property that must be non-empty)
POLICY_VALUES = {
    "ServerUrl": ("[SERVER_URL]", "SERVER_URL"),
    "ServerPin": ("[SERVER_PIN]", "SERVER_PIN"),
    "PolicyKey": ("[POLICY_KEY]", "POLICY_KEY"),
    "Enforce": ("#[ENFORCE]", "ENFORCE"),
}

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def table(msi, name):
    """Rows of one table as dicts. msiinfo export prints the column names, their types and the
    table name with its keys, then one tab-separated row per line."""
    lines = run(["msiinfo", "export", str(msi), name]).split("\n")
    columns = lines[0].rstrip("\r").split("\t")
    rows = []
    for line in lines[3:]:
        line = line.rstrip("\r")
        if line:
            rows.append(dict(zip(columns, line.split("\t"))))
    return rows


def directory_path(directories, directory_id):
    """The chain of Directory ids from TARGETDIR down to directory_id."""
    parents = {row["Directory"]: row["Directory_Parent"] for row in directories}
    chain = []
    while directory_id:
        chain.insert(0, directory_id)
        directory_id = parents.get(directory_id, "")
    return chain


def ico_sizes(data):
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        return []
    return [data[6 + 16 * i] or 256 for i in range(count)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vigil", required=True, type=pathlib.Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--upgrade-code", required=True)
    parser.add_argument("--sources", required=True, type=pathlib.Path)
    parser.add_argument("--icon", required=True, type=pathlib.Path)
    parser.add_argument("--work-dir", required=True, type=pathlib.Path)
    args = parser.parse_args()

    for name in ("vigil", "sources", "icon", "work_dir"):
        setattr(args, name, getattr(args, name).resolve())
    work = args.work_dir
    shutil.rmtree(work, ignore_errors=True)
    payload = work / "payload"
    payload.mkdir(parents=True)
    # msiinfo export writes a table's binary streams into the working folder (Icon/…).
    os.chdir(work)
    # A stand-in payload: Windows binaries are built on Windows. The table checks below only need a
    # file named vigil.exe where CPack installs the console (INSTALL_ROOT\bin).
    shutil.copy(args.vigil, payload / "vigil.exe")
    msi = work / "vigil.msi"
    print(run([sys.executable, str(args.sources / "build_msi_with_wixl.py"), "--output", str(msi),
               "--version", args.version, "--upgrade-code", args.upgrade_code,
               "--payload-dir", str(payload), "--icon", str(args.icon)]), end="")

    tables = set(run(["msiinfo", "tables", str(msi)]).split())
    for name in ("Property", "Registry", "Component", "Upgrade", "Shortcut", "Directory", "File",
                 "LaunchCondition", "InstallExecuteSequence", "Icon"):
        check(name in tables, f"the MSI has the {name} table")

    suminfo = run(["msiinfo", "suminfo", str(msi)])
    check("Template: x64;1033" in suminfo, "the package is for x64 (summary Template x64;1033)")

    properties = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    expected_code = "{" + PINNED_UPGRADE_CODE + "}"
    check(args.upgrade_code.upper() == PINNED_UPGRADE_CODE,
          f"UpgradeCode.cmake still holds the shipped UpgradeCode {PINNED_UPGRADE_CODE}")
    check(properties.get("UpgradeCode") == expected_code, f"Property UpgradeCode = {expected_code}")
    check(properties.get("ProductVersion") == args.version, f"Property ProductVersion = {args.version}")
    check(properties.get("ProductName") == "Vigil", "Property ProductName = Vigil")
    check(properties.get("ALLUSERS") == "1", "Property ALLUSERS = 1 (per-machine)")
    check(properties.get("ENFORCE") == "1", "Property ENFORCE defaults to 1")
    for name in ("SERVER_URL", "SERVER_PIN", "POLICY_KEY"):
        check(name not in properties, f"{name} has no default value (nothing is written unless IT gives it)")
    secure = set(properties.get("SecureCustomProperties", "").split(";"))
    for name in ("SERVER_URL", "SERVER_PIN", "POLICY_KEY", "ENFORCE", "WIX_UPGRADE_DETECTED",
                 "WIX_DOWNGRADE_DETECTED"):
        check(name in secure, f"SecureCustomProperties lists {name}")
    icons = {row["Name"] for row in table(msi, "Icon")}
    check(properties.get("ARPPRODUCTICON") in icons, "ARPPRODUCTICON names an icon in the Icon table")

    extracted = work / "product.ico"
    with open(extracted, "wb") as out:
        subprocess.run(["msiinfo", "extract", str(msi), "Icon." + properties.get("ARPPRODUCTICON", "")],
                       stdout=out, check=True)
    check(filecmp.cmp(extracted, args.icon, shallow=False), "the product icon is packaging/icons/vigil.ico")
    sizes = ico_sizes(args.icon.read_bytes())
    check({16, 32, 48, 256} <= set(sizes), f"vigil.ico holds 16, 32, 48 and 256 px images (has {sizes})")

    components = {row["Component"]: row for row in table(msi, "Component")}
    registry = table(msi, "Registry")
    policy_rows = [row for row in registry if row["Key"] == POLICY_KEY_PATH]
    check(sorted(row["Name"] for row in policy_rows) == sorted(POLICY_VALUES),
          f"{POLICY_KEY_PATH} receives exactly {', '.join(sorted(POLICY_VALUES))}")
    check(not any("wow6432node" in row["Key"].lower() for row in registry), "no value goes to WOW6432Node")
    for row in policy_rows:
        value, prop = POLICY_VALUES.get(row["Name"], ("?", "?"))
        component = components.get(row["Component_"], {})
        attributes = int(component.get("Attributes", "0"))
        check(row["Root"] == HKLM, f"{row['Name']} is written under HKLM")
        check(row["Value"] == value, f"{row['Name']} = {value} (is {row['Value']})")
        check(attributes & COMPONENT_64BIT, f"{row['Name']}'s component is 64-bit")
        check(component.get("Condition") == prop,
              f"{row['Name']} is written only when {prop} is non-empty (condition {component.get('Condition')!r})")
    for name, component in components.items():
        check(int(component["Attributes"]) & COMPONENT_64BIT, f"component {name} is 64-bit")

    code_rows = [row for row in table(msi, "Upgrade") if row["UpgradeCode"] == expected_code]
    newer = [row for row in code_rows if int(row["Attributes"]) & UPGRADE_ONLY_DETECT]
    older = [row for row in code_rows if not int(row["Attributes"]) & UPGRADE_ONLY_DETECT]
    check(len(newer) == 1 and newer[0]["VersionMin"] == args.version
          and newer[0]["ActionProperty"] == "WIX_DOWNGRADE_DETECTED",
          f"Upgrade detects newer versions (from {args.version}) into WIX_DOWNGRADE_DETECTED")
    check(len(older) == 1 and older[0]["VersionMax"] == args.version and older[0]["VersionMin"] == ""
          and not int(older[0]["Attributes"]) & UPGRADE_INCLUDE_MAXIMUM
          and older[0]["ActionProperty"] == "WIX_UPGRADE_DETECTED",
          f"Upgrade removes every older version (below {args.version}) through WIX_UPGRADE_DETECTED")
    launch = {row["Condition"]: row["Description"] for row in table(msi, "LaunchCondition")}
    check("newer version" in launch.get("NOT WIX_DOWNGRADE_DETECTED", ""),
          "a downgrade stops with a message saying a newer version is installed")
    actions = {row["Action"] for row in table(msi, "InstallExecuteSequence")}
    check({"FindRelatedProducts", "RemoveExistingProducts"} <= actions,
          "the install sequence finds and removes the older version")

    directories = table(msi, "Directory")
    default_dirs = {row["Directory"]: row["DefaultDir"] for row in directories}
    consoles = [row for row in table(msi, "File") if row["FileName"].split("|")[-1] == "vigil.exe"]
    check(len(consoles) == 1, "the package installs one vigil.exe")
    console_dir = components.get(consoles[0]["Component_"], {}).get("Directory_", "") if consoles else ""
    console_chain = directory_path(directories, console_dir)
    check(console_chain[-2:] == ["INSTALL_ROOT", console_dir] and default_dirs.get(console_dir) == "bin",
          "vigil.exe lies in INSTALL_ROOT\\bin, where CPack installs the console")
    shortcuts = table(msi, "Shortcut")
    check(len(shortcuts) == 1, "the package creates one shortcut")
    for shortcut in shortcuts:
        chain = directory_path(directories, shortcut["Directory_"])
        check("ProgramMenuFolder" in chain, f"shortcut {shortcut['Name']} is in the Start menu ({'/'.join(chain)})")
        check(shortcut["Name"] == "Vigil", "the shortcut is called Vigil")
        check(shortcut["Target"] == "[INSTALL_ROOT]bin\\vigil.exe",
              f"the shortcut starts the console (target {shortcut['Target']})")
        check(int(components.get(shortcut["Component_"], {}).get("Attributes", "0")) & COMPONENT_64BIT,
              "the shortcut's component is 64-bit")

    if failures:
        print(f"\n{len(failures)} check(s) failed")
        return 1
    print("\nall MSI checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
