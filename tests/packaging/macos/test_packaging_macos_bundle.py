#!/usr/bin/env python3
"""Stages Vigil.app with packaging/macos/StageBundle.cmake (the same Info.plist.in the macOS build
configures) and checks its layout and Info.plist, then checks the configuration-profile template
packaging/macos/org.vigil.console.mobileconfig.

usage: test_packaging_macos_bundle.py --cmake CMAKE --vigil BUILT_CONSOLE --version X.Y.Z
                                      --sources packaging/macos --icns vigil.icns --work-dir DIR
"""
import argparse
import base64
import os
import pathlib
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import uuid

BUNDLE_ID = "org.vigil.console"
# Native names of the settings contract (HKLM\Software\Policies\Vigil, the org.vigil.console domain).
CONTRACT_NAMES = {"ServerUrl", "ServerPin", "PolicyKey", "Language", "Enforce"}
# What the profile template forces: the same values the MSI writes.
FORCED_NAMES = {"ServerUrl", "ServerPin", "PolicyKey", "Enforce"}
ICNS_SIZES = {b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def icns_entries(data):
    """{type: (width, height)} of the PNG entries of an .icns; None when the container is broken."""
    if len(data) < 8 or data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        return None
    entries = {}
    offset = 8
    while offset < len(data):
        if offset + 8 > len(data):
            return None
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        if length < 8 or offset + length > len(data):
            return None
        body = data[offset + 8:offset + length]
        if body[:8] == PNG_SIGNATURE and body[12:16] == b"IHDR":
            entries[kind] = struct.unpack(">II", body[16:24])
        else:
            entries[kind] = None
        offset += length
    return entries


def check_bundle(app, version, icns):
    contents = app / "Contents"
    for path in ("Info.plist", "PkgInfo", "MacOS", "Resources"):
        check((contents / path).exists(), f"Vigil.app/Contents/{path} exists")
    try:
        with open(contents / "Info.plist", "rb") as f:
            info = plistlib.load(f)
    except Exception as error:  # the checks below would all fail anyway
        check(False, f"Info.plist parses as a property list ({error})")
        return
    expected = {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": "Vigil",
        "CFBundleDisplayName": "Vigil",
        "CFBundleExecutable": "vigil",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleIconFile": "vigil.icns",
        "CFBundlePackageType": "APPL",
        "CFBundleInfoDictionaryVersion": "6.0",
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "LSApplicationCategoryType": "public.app-category.business",
        # The oldest macOS Qt 6.4 supports.
        "LSMinimumSystemVersion": "10.14",
    }
    for key, value in expected.items():
        check(info.get(key) == value, f"Info.plist {key} = {value!r} (is {info.get(key)!r})")
    check("Copyright" in info.get("NSHumanReadableCopyright", ""), "Info.plist has a copyright line")
    check(not any("${" in str(value) or "@" in str(value) for value in info.values()),
          "every variable of Info.plist.in was substituted")

    executable = contents / "MacOS" / str(info.get("CFBundleExecutable"))
    check(executable.is_file() and os.access(executable, os.X_OK),
          f"the executable Contents/MacOS/{executable.name} exists and is executable")
    check((contents / "PkgInfo").read_bytes() == b"APPL????" if (contents / "PkgInfo").exists() else False,
          'PkgInfo is "APPL????"')

    icon = contents / "Resources" / str(info.get("CFBundleIconFile"))
    check(icon.is_file(), f"the icon Contents/Resources/{icon.name} exists")
    entries = icns_entries(icon.read_bytes()) if icon.is_file() else None
    check(entries is not None, "the icon is a well-formed .icns container")
    for kind, size in ICNS_SIZES.items():
        check(entries is not None and entries.get(kind) == (size, size),
              f"the .icns holds {kind.decode()} as a {size}x{size} PNG")
    check(icon.is_file() and icon.read_bytes() == icns.read_bytes(), "the icon is packaging/icons/vigil.icns")


def is_uuid(text):
    try:
        return str(uuid.UUID(text)).upper() == text.upper() and len(text) == 36
    except (ValueError, TypeError, AttributeError):
        return False


def check_profile(path):
    try:
        with open(path, "rb") as f:
            profile = plistlib.load(f)
    except Exception as error:
        check(False, f"{path.name} parses as a property list ({error})")
        return
    check(profile.get("PayloadType") == "Configuration", "the profile is a Configuration profile")
    check(profile.get("PayloadScope") == "System", "the profile applies to the whole Mac (PayloadScope System)")
    payloads = profile.get("PayloadContent", [])
    check(isinstance(payloads, list) and len(payloads) == 1, "the profile holds one payload")
    uuids = [profile.get("PayloadUUID")] + [p.get("PayloadUUID") for p in payloads if isinstance(p, dict)]
    check(all(is_uuid(u) for u in uuids), f"every PayloadUUID is a well-formed UUID ({uuids})")
    check(len(set(u.upper() for u in uuids if isinstance(u, str))) == len(uuids), "the PayloadUUIDs are unique")
    identifiers = [profile.get("PayloadIdentifier")] + [p.get("PayloadIdentifier") for p in payloads if isinstance(p, dict)]
    check(all(isinstance(i, str) and i for i in identifiers) and len(set(identifiers)) == len(identifiers),
          "every payload has its own PayloadIdentifier")
    if not payloads or not isinstance(payloads[0], dict):
        return

    payload = payloads[0]
    check(payload.get("PayloadType") == "com.apple.ManagedClient.preferences",
          "the payload sets managed preferences (com.apple.ManagedClient.preferences)")
    domains = payload.get("PayloadContent", {})
    check(list(domains) == [BUNDLE_ID], f"the payload manages the {BUNDLE_ID} domain only (has {list(domains)})")
    domain = domains.get(BUNDLE_ID, {})
    check(list(domain) == ["Forced"], "the settings are Forced, so the console sees them as enforced")
    forced = domain.get("Forced", [])
    settings = {}
    for entry in forced:
        settings.update(entry.get("mcx_preference_settings", {}))
    check(set(settings) <= CONTRACT_NAMES, f"only names of the settings contract are forced (has {sorted(settings)})")
    check(set(settings) == FORCED_NAMES, f"the profile forces {', '.join(sorted(FORCED_NAMES))}")

    # The placeholders show IT the expected form of each value.
    check(isinstance(settings.get("ServerUrl"), str) and settings["ServerUrl"].startswith("https://"),
          "ServerUrl is an https:// URL")
    check(isinstance(settings.get("ServerPin"), str)
          and re.fullmatch(r"[0-9A-F]{2}(:[0-9A-F]{2}){31}", settings["ServerPin"]) is not None,
          "ServerPin is a SHA-256 fingerprint: 32 colon-separated hex bytes")
    try:
        key_bytes = base64.b64decode(settings.get("PolicyKey", ""), validate=True)
    except (ValueError, TypeError):
        key_bytes = b""
    check(len(key_bytes) == 32, "PolicyKey is the base64 of a 32-byte Ed25519 public key")
    check(isinstance(settings.get("Enforce"), bool), "Enforce is a boolean")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--vigil", required=True, type=pathlib.Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--sources", required=True, type=pathlib.Path)
    parser.add_argument("--icns", required=True, type=pathlib.Path)
    parser.add_argument("--work-dir", required=True, type=pathlib.Path)
    args = parser.parse_args()

    shutil.rmtree(args.work_dir, ignore_errors=True)
    args.work_dir.mkdir(parents=True)
    # The Linux console stands in for the macOS executable: the checks are about the bundle around it.
    staged = subprocess.run([args.cmake, f"-DEXECUTABLE={args.vigil}", f"-DVERSION={args.version}",
                             f"-DOUTPUT_DIR={args.work_dir}", f"-DICON={args.icns}",
                             "-P", str(args.sources / "StageBundle.cmake")], capture_output=True, text=True)
    print(staged.stdout + staged.stderr, end="")
    check(staged.returncode == 0, "StageBundle.cmake staged the bundle")

    check_bundle(args.work_dir / "Vigil.app", args.version, args.icns)
    check_profile(args.sources / "org.vigil.console.mobileconfig")

    if failures:
        print(f"\n{len(failures)} check(s) failed")
        return 1
    print("\nall bundle and profile checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
