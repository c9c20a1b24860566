#!/usr/bin/env python3
"""Builds the Vigil MSI on Linux with wixl (msitools) from the WiX sources Windows builds use.

wixl 0.101 understands all of vigil-product.wxi and vigil-fragment.wxs but two things, which this
script carries over itself, the way WiX's light does on Windows:
  - Property/@Secure is ignored: the Secure property names are appended to SecureCustomProperties;
  - Component/Condition is refused: the conditions are written to the Component table's Condition
    column with msibuild after wixl has built the package.
Both are read from the shared sources, so the MSI reflects what the Windows build gets. Any other
warning from wixl (an attribute it would silently drop) fails the build.

usage: build_msi_with_wixl.py --output vigil.msi --version 0.1.0 --upgrade-code GUID
                              --payload-dir DIR_WITH_vigil.exe --icon vigil.ico
The wixl step itself, in a folder holding the three sources, payload/vigil.exe and product.ico:
  wixl --arch x64 --output vigil.msi --define Version=0.1.0 --define UpgradeCode=GUID
       --define PayloadDir=payload --define ProductIcon=product.ico vigil-wixl.wxs vigil-fragment.wxs
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
HERE = pathlib.Path(__file__).resolve().parent
PRODUCT = "vigil-wixl.wxs"
INCLUDE = "vigil-product.wxi"
FRAGMENT = "vigil-fragment.wxs"


def q(tag):
    return f"{{{WIX_NS}}}{tag}"


def parse(path):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    return ET.parse(path, parser)


def take_secure_properties(tree):
    """Removes Secure="yes" from every Property and returns those properties' ids."""
    secure = []
    for prop in tree.iter(q("Property")):
        if prop.attrib.pop("Secure", "no").lower() == "yes":
            secure.append(prop.get("Id"))
    return secure


def take_component_conditions(tree):
    """Removes each Component's Condition child and returns {component id: condition}."""
    conditions = {}
    for component in tree.iter(q("Component")):
        for condition in component.findall(q("Condition")):
            text = (condition.text or "").strip()
            # libmsi's SQL has no escape for quotes inside a string literal.
            if "'" in text:
                sys.exit(f"component {component.get('Id')}: a condition with a quote cannot be carried over")
            conditions[component.get("Id")] = text
            component.remove(condition)
    return conditions


def run(command, cwd=None):
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


def property_value(msi, name):
    rows = run(["msiinfo", "export", str(msi), "Property"]).stdout.splitlines()[3:]
    for row in rows:
        key, _, value = row.partition("\t")
        if key == name:
            return value
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", required=True, type=pathlib.Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--upgrade-code", required=True)
    parser.add_argument("--payload-dir", required=True, type=pathlib.Path)
    parser.add_argument("--icon", required=True, type=pathlib.Path)
    parser.add_argument("--sources", type=pathlib.Path, default=HERE, help="folder holding the WiX sources")
    args = parser.parse_args()

    for tool in ("wixl", "msiinfo", "msibuild"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: install the wixl and msitools packages (scripts/bootstrap does)")

    ET.register_namespace("", WIX_NS)
    with tempfile.TemporaryDirectory(prefix="vigil-wixl-") as work:
        work = pathlib.Path(work)
        include = parse(args.sources / INCLUDE)
        secure = take_secure_properties(include)
        include.write(work / INCLUDE, encoding="utf-8", xml_declaration=True)
        fragment = parse(args.sources / FRAGMENT)
        conditions = take_component_conditions(fragment)
        fragment.write(work / FRAGMENT, encoding="utf-8", xml_declaration=True)
        shutil.copy(args.sources / PRODUCT, work / PRODUCT)
        # wixl takes file sources relative to its working folder (an absolute path trips an assertion)
        # and looks for includes there first, so everything it reads is gathered in one folder.
        shutil.copytree(args.payload_dir, work / "payload")
        shutil.copy(args.icon, work / "product.ico")

        output = args.output.resolve()
        output.parent.mkdir(parents=True, exist_ok=True)
        result = run([
            "wixl", "--arch", "x64", "--output", str(output),
            "--define", f"Version={args.version}",
            "--define", f"UpgradeCode={args.upgrade_code}",
            "--define", "PayloadDir=payload",
            "--define", "ProductIcon=product.ico",
            PRODUCT, FRAGMENT,
        ], cwd=work)
        warnings = [line for line in result.stderr.splitlines() if "WARNING" in line or "CRITICAL" in line]
        if warnings:
            output.unlink(missing_ok=True)
            sys.exit("wixl ignored part of the WiX sources:\n" + "\n".join(warnings))

    queries = [
        f"UPDATE `Component` SET `Condition` = '{condition}' WHERE `Component` = '{component}'"
        for component, condition in sorted(conditions.items())
    ]
    # wixl already lists the MajorUpgrade properties (WIX_UPGRADE_DETECTED, WIX_DOWNGRADE_DETECTED).
    listed = [name for name in property_value(args.output, "SecureCustomProperties").split(";") if name]
    merged = ";".join(sorted(set(listed) | set(secure)))
    queries.append(f"UPDATE `Property` SET `Value` = '{merged}' WHERE `Property` = 'SecureCustomProperties'")
    for query in queries:
        run(["msibuild", str(args.output), "-q", query])
    print(f"{args.output}: {len(conditions)} component conditions and {len(secure)} secure properties carried over")


if __name__ == "__main__":
    main()
