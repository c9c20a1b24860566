#!/usr/bin/env bash
# The Linux packages as IT receives them: cpack builds the DEBs and TGZs from the build tree, the
# test reads them back, lets apt resolve their dependencies, unpacks them into a scratch root and
# runs the unpacked binaries: `vigil --version`, `vigil-server init`, the unlock job and the HTTPS
# backend as the systemd units start them. The units are checked with systemd-analyze, the .desktop
# file and the example policies.conf against the specifications, and the maintainer scripts run
# against a fake filesystem with recording stand-ins for adduser and systemctl.
# Usage: test_packaging_linux.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
BUILD=$(cd "${1:?build directory}" && pwd)
SOURCE=$(cd "${2:?source directory}" && pwd)
VERSION=${3:?project version}

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "--- $*"; }

for tool in cpack dpkg dpkg-deb dpkg-shlibdeps apt-get readelf curl python3 systemd-analyze; do
  command -v "$tool" >/dev/null || fail "$tool is missing (./scripts/bootstrap installs it)"
done
[ -f "$BUILD/CPackConfig.cmake" ] || fail "$BUILD/CPackConfig.cmake not found: configure the build first"

DEB_ARCH=$(dpkg --print-architecture)
MACHINE=$(uname -m)
PACKAGES="$WORK/packages"
CONSOLE_DEB="$PACKAGES/vigil_${VERSION}_${DEB_ARCH}.deb"
SERVER_DEB="$PACKAGES/vigil-server_${VERSION}_${DEB_ARCH}.deb"
CONSOLE_TGZ="$PACKAGES/vigil-${VERSION}-linux-${MACHINE}.tar.gz"
SERVER_TGZ="$PACKAGES/vigil-server-${VERSION}-linux-${MACHINE}.tar.gz"

# ---------------------------------------------------------------------------------------------------
step "cpack -G DEB;TGZ"
cpack --config "$BUILD/CPackConfig.cmake" -G "DEB;TGZ" -B "$PACKAGES" >"$WORK/cpack.log" 2>&1 ||
  { cat "$WORK/cpack.log"; fail "cpack failed"; }
for file in "$CONSOLE_DEB" "$SERVER_DEB" "$CONSOLE_TGZ" "$SERVER_TGZ"; do
  [ -f "$file" ] || { ls -l "$PACKAGES"; fail "$(basename "$file") was not made"; }
done
produced=$(cd "$PACKAGES" && find . -maxdepth 1 -type f \( -name '*.deb' -o -name '*.tar.gz' \) | sort | tr '\n' ' ')
expected=$(printf '%s\n' "$CONSOLE_DEB" "$SERVER_DEB" "$CONSOLE_TGZ" "$SERVER_TGZ" | sed 's|.*/|./|' | sort | tr '\n' ' ')
[ "$produced" = "$expected" ] || fail "cpack made [$produced], expected exactly [$expected]"

# ---------------------------------------------------------------------------------------------------
step "control fields"
field() { dpkg-deb -f "$1" "$2"; }
# Depends as one entry per line, alternatives split; here-strings rather than pipes into grep -q,
# which under pipefail could see the writer's SIGPIPE.
depends_of() { field "$1" Depends | tr ',|' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$'; }
# Named at all (versioned or not), and found by dpkg-shlibdeps, whose entries carry the minimum
# version taken from the library's symbols.
depends_on() { grep -Eq "^$2( \(|$)" <<<"$1"; }
has_shlib_dep() { grep -Eq "^$2 \(>= [0-9]" <<<"$1"; }

CONSOLE_DEPENDS=$(depends_of "$CONSOLE_DEB")
SERVER_DEPENDS=$(depends_of "$SERVER_DEB")
for deb in "$CONSOLE_DEB" "$SERVER_DEB"; do
  name=$(basename "$deb")
  [ "$(field "$deb" Version)" = "$VERSION" ] || fail "$name: Version $(field "$deb" Version), not $VERSION"
  [ "$(field "$deb" Architecture)" = "$DEB_ARCH" ] || fail "$name: wrong Architecture"
  [ -n "$(field "$deb" Maintainer)" ] || fail "$name: no Maintainer"
  depends=$(depends_of "$deb")
  for library in libqt6core6 libqt6network6 libqt6sql6 libsodium23; do
    has_shlib_dep "$depends" "$library" || fail "$name: Depends lacks $library from shlibdeps: $(field "$deb" Depends)"
  done
  depends_on "$depends" libqt6sql6-sqlite || fail "$name: Depends lacks the SQLite driver plugin"
done
[ "$(field "$CONSOLE_DEB" Package)" = vigil ] || fail "console package is named $(field "$CONSOLE_DEB" Package)"
[ "$(field "$SERVER_DEB" Package)" = vigil-server ] || fail "server package is named $(field "$SERVER_DEB" Package)"
for library in libqt6widgets6 libqt6gui6 libqt6keychain1; do
  has_shlib_dep "$CONSOLE_DEPENDS" "$library" || fail "vigil: Depends lacks $library: $(field "$CONSOLE_DEB" Depends)"
done
depends_on "$CONSOLE_DEPENDS" libqt6svg6 || fail "vigil: Depends lacks libqt6svg6 (the SVG icon engine)"
has_shlib_dep "$SERVER_DEPENDS" libqt6httpserver6 || fail "vigil-server: Depends lacks libqt6httpserver6"
depends_on "$SERVER_DEPENDS" adduser || fail "vigil-server: Depends lacks adduser (used by postinst)"
if depends_on "$CONSOLE_DEPENDS" adduser; then fail "vigil needs no adduser"; fi
[ "$(field "$CONSOLE_DEB" Description | head -n1)" != "$(field "$SERVER_DEB" Description | head -n1)" ] ||
  fail "both packages have the same summary line"

# ---------------------------------------------------------------------------------------------------
step "package contents"
CONSOLE_FILES="./usr/bin/vigil
./usr/share/applications/org.vigil.console.desktop
./usr/share/doc/vigil/policies.conf.example
./usr/share/icons/hicolor/scalable/apps/vigil.svg"
SERVER_FILES="./usr/bin/vigil-server
./usr/libexec/vigil/vigil-argon2id-helper
./usr/lib/systemd/system/vigil-server.service
./usr/lib/systemd/system/vigil-unlock-expired.service
./usr/lib/systemd/system/vigil-unlock-expired.timer
./usr/share/doc/vigil-server/README.Debian
./usr/share/vigil-server/vigil-server.default"
# Regular files only (directories and links have another first letter), as "path" lines.
deb_files() { dpkg-deb -c "$1" | awk '$1 ~ /^-/ {print $6}' | sort; }
tgz_files() { tar -tvzf "$1" | awk '$1 ~ /^-/ {print "./" $6}' | sed 's|^\./\./|./|' | sort; }
check_contents() {
  local package=$1 expected=$2 listing=$3
  [ "$listing" = "$(printf '%s\n' "$expected" | sort)" ] ||
    fail "$package holds other files than expected:
$(diff <(printf '%s\n' "$expected" | sort) <(printf '%s\n' "$listing") || true)"
}
check_contents vigil "$CONSOLE_FILES" "$(deb_files "$CONSOLE_DEB")"
check_contents vigil-server "$SERVER_FILES" "$(deb_files "$SERVER_DEB")"
check_contents "$(basename "$CONSOLE_TGZ")" "$CONSOLE_FILES" "$(tgz_files "$CONSOLE_TGZ")"
check_contents "$(basename "$SERVER_TGZ")" "$SERVER_FILES" "$(tgz_files "$SERVER_TGZ")"
for deb in "$CONSOLE_DEB" "$SERVER_DEB"; do
  listing=$(dpkg-deb -c "$deb")
  # Every entry, directories included: root-owned, under /usr, nothing of the build or the demo.
  if grep -E "vigil-device|$BUILD|$SOURCE|/usr/local|\./etc/|\./var/" <<<"$listing"; then
    fail "$(basename "$deb") holds entries it must not"
  fi
  if awk '$2 != "root/root"' <<<"$listing" | grep .; then fail "$(basename "$deb"): entries not owned by root"; fi
  awk '$6 ~ /^\.\/usr\/(bin|libexec\/vigil)\/./ && $1 != "-rwxr-xr-x" {print; bad=1} END {exit bad}' <<<"$listing" ||
    fail "$(basename "$deb"): a binary is not mode 0755"
done

# ---------------------------------------------------------------------------------------------------
step "apt-get install -s (dependencies resolve here)"
apt-get install -s "$CONSOLE_DEB" "$SERVER_DEB" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt cannot install the packages"; }
for name in vigil vigil-server; do
  grep -q "^Inst $name ($VERSION " "$WORK/apt.log" || { cat "$WORK/apt.log"; fail "apt would not install $name $VERSION"; }
done

# ---------------------------------------------------------------------------------------------------
step "unpack into a scratch root"
ROOT="$WORK/root"
mkdir -p "$ROOT" "$WORK/tgz-root"
dpkg-deb -x "$CONSOLE_DEB" "$ROOT"
dpkg-deb -x "$SERVER_DEB" "$ROOT"
tar -xzf "$CONSOLE_TGZ" -C "$WORK/tgz-root"
tar -xzf "$SERVER_TGZ" -C "$WORK/tgz-root"
diff -r "$ROOT" "$WORK/tgz-root" >/dev/null || fail "the TGZs do not hold the same files as the DEBs"

for binary in "$ROOT/usr/bin/vigil" "$ROOT/usr/bin/vigil-server" "$ROOT/usr/libexec/vigil/vigil-argon2id-helper"; do
  dynamic=$(readelf -d "$binary")
  # A run path into the build or source tree would load libraries from a developer's checkout.
  if grep -E '\((RPATH|RUNPATH)\)' <<<"$dynamic" | grep -E "$BUILD|$SOURCE|/home/|/tmp/"; then
    fail "$(basename "$binary") carries a run path into the build"
  fi
done

step "vigil --version"
version_line=$("$ROOT/usr/bin/vigil" --version)
[ "$version_line" = "vigil $VERSION" ] || fail "vigil --version printed '$version_line'"

step "vigil-server init"
DATA="$WORK/data"
"$ROOT/usr/bin/vigil-server" init --data "$DATA" >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log"; fail "vigil-server init failed"; }
for file in vigil.db keys/audit.key keys/policy.key tls/server.crt tls/server.key; do
  [ -s "$DATA/$file" ] || fail "vigil-server init did not create $file"
done
grep -q '^Admin password' "$WORK/init.log" || fail "init did not print the first admin's password"

# The units' own command lines, with the binary and the data folder moved into the scratch root,
# a free loopback port to listen on, and otherwise the units' defaults (an empty --database= keeps
# SQLite, no further serve options).
UNITS="$ROOT/usr/lib/systemd/system"
unit_command() {
  local unit=$1 listen=$2 line
  line=$(sed -n 's/^ExecStart=//p' "$UNITS/$unit")
  [ "$(wc -l <<<"$line")" -eq 1 ] || fail "$unit needs exactly one ExecStart"
  line=${line//\/usr\/bin\/vigil-server/$ROOT/usr/bin/vigil-server}
  line=${line//\/var\/lib\/vigil/$DATA}
  line=${line//\$\{VIGIL_LISTEN\}/$listen}
  line=${line//\$\{VIGIL_DATABASE\}/}
  line=${line//\$VIGIL_SERVE_OPTIONS/}
  [[ "$line" != *'$'* ]] || fail "$unit uses a variable the test does not know: $line"
  echo "$line"
}

step "vigil-unlock-expired.service's command"
line=$(unit_command vigil-unlock-expired.service unused)
read -ra command <<<"$line"
QT_ENABLE_REGEXP_JIT=0 "${command[@]}" >"$WORK/unlock.log" 2>&1 || { cat "$WORK/unlock.log"; fail "the unlock job failed"; }
grep -q '^Unblocked 0 profile' "$WORK/unlock.log" || { cat "$WORK/unlock.log"; fail "the unlock job did not report"; }

step "vigil-server.service's command, GET /v1/health"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
line=$(unit_command vigil-server.service "127.0.0.1:$PORT")
read -ra command <<<"$line"
QT_ENABLE_REGEXP_JIT=0 "${command[@]}" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q "listening on https://127.0.0.1:$PORT" "$WORK/serve.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log"; fail "vigil-server exited early"; }
  sleep 0.2
done
grep -q "listening on https://127.0.0.1:$PORT" "$WORK/serve.log" || { cat "$WORK/serve.log"; fail "vigil-server never listened"; }
# The installed server finds its argon2id helpers under ../libexec/vigil and runs its checks there.
grep -q "argon2id checks at once, in [1-9][0-9]* helper processes" "$WORK/serve.log" ||
  { cat "$WORK/serve.log"; fail "the installed vigil-server did not start its argon2id helpers"; }
status=$(curl -sk --max-time 20 -o "$WORK/health.json" -w '%{http_code}' "https://127.0.0.1:$PORT/v1/health") || true
[ "$status" = 200 ] || fail "GET /v1/health answered '$status'"
python3 - "$WORK/health.json" "$VERSION" <<'EOF' || fail "the health answer is wrong: $(cat "$WORK/health.json")"
import json, sys
body = json.load(open(sys.argv[1]))
sys.exit(0 if body.get("status") == "ok" and body.get("version") == sys.argv[2] else 1)
EOF
# IT copies the printed fingerprint into server_pin: it must be the certificate's.
python3 - "$WORK/serve.log" "$DATA/tls/server.crt" <<'EOF' || fail "the printed fingerprint is not the certificate's"
import hashlib, re, ssl, sys
printed = re.search(r"certificate SHA-256 fingerprint: ([0-9A-F:]+)", open(sys.argv[1]).read()).group(1)
der = ssl.PEM_cert_to_DER_cert(open(sys.argv[2]).read())
digest = hashlib.sha256(der).hexdigest().upper()
sys.exit(0 if printed == ":".join(digest[i:i + 2] for i in range(0, 64, 2)) else 1)
EOF
kill -TERM "$SERVER_PID"
code=0
wait "$SERVER_PID" || code=$?
SERVER_PID=""
[ "$code" -eq 0 ] || { cat "$WORK/serve.log"; fail "vigil-server exited with $code on SIGTERM"; }
grep -q 'vigil-server stopped' "$WORK/serve.log" || fail "vigil-server did not stop cleanly"

# ---------------------------------------------------------------------------------------------------
step "systemd units"
# Key lines first: they are the contract with docs/deployment.md and the maintainer scripts.
unit_has() { grep -qxF "$2" "$UNITS/$1" || fail "$1 lacks the line '$2'"; }
for unit in vigil-server.service vigil-unlock-expired.service; do
  for line in User=vigil Group=vigil StateDirectory=vigil StateDirectoryMode=0750 \
    EnvironmentFile=-/etc/default/vigil-server ReadWritePaths=/var/lib/vigil \
    ConditionPathExists=/var/lib/vigil/keys/audit.key NoNewPrivileges=yes ProtectSystem=strict \
    ProtectHome=yes PrivateTmp=yes CapabilityBoundingSet= \
    'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6'; do
    unit_has "$unit" "$line"
  done
done
unit_has vigil-server.service Type=exec
unit_has vigil-server.service Restart=on-failure
unit_has vigil-server.service WantedBy=multi-user.target
unit_has vigil-unlock-expired.service Type=oneshot
unit_has vigil-unlock-expired.timer OnCalendar=minutely
unit_has vigil-unlock-expired.timer Unit=vigil-unlock-expired.service
unit_has vigil-unlock-expired.timer WantedBy=timers.target

# systemd-analyze works offline on a root folder; the scratch root gets a copy of this machine's
# units (sysinit.target, timers.target, …) for the dependencies. It reports unknown keys and bad
# values as warnings with exit code 0, so any output fails the test.
cp -a "$UNITS" "$WORK/vigil-units"
for dir in /usr/lib/systemd/system /lib/systemd/system; do
  [ -d "$dir" ] && cp -rn "$dir/." "$UNITS/"
done
[ -f "$UNITS/sysinit.target" ] || fail "no systemd units on this machine for systemd-analyze to resolve against"
cp -a "$WORK/vigil-units/." "$UNITS/" # ours win over any same-named file of the machine
if ! analysis=$(systemd-analyze verify --man=no --root="$ROOT" \
  vigil-server.service vigil-unlock-expired.service vigil-unlock-expired.timer 2>&1) || [ -n "$analysis" ]; then
  fail "systemd-analyze verify: $analysis"
fi
# The sandboxing must stay where it is: systemd's exposure score, 0 (best) to 10, below 2.0.
for unit in vigil-server.service vigil-unlock-expired.service; do
  systemd-analyze security --offline=yes --root="$ROOT" --threshold=20 "$unit" >"$WORK/security.log" 2>&1 ||
    { grep -E '✗|Overall' "$WORK/security.log"; fail "$unit is exposed more than 2.0"; }
done

# ---------------------------------------------------------------------------------------------------
step "desktop entry and icon"
python3 - "$ROOT" <<'EOF' || fail "org.vigil.console.desktop is not a valid desktop entry"
import sys, xml.etree.ElementTree as ET
root = sys.argv[1]
path = root + "/usr/share/applications/org.vigil.console.desktop"
text = open(path, encoding="utf-8").read()  # the spec requires UTF-8
group, entries, problems = None, {}, []
for number, line in enumerate(text.splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    if line.startswith("["):
        group = line.strip()
        continue
    if "=" not in line:
        problems.append(f"line {number} is neither key=value nor a group")
        continue
    key, value = line.split("=", 1)
    if key != key.strip() or group != "[Desktop Entry]":
        problems.append(f"line {number}: '{key}' is outside [Desktop Entry] or has spaces")
    if key in entries:
        problems.append(f"line {number}: '{key}' is repeated")
    entries[key] = value
if not text.startswith("[Desktop Entry]"):
    problems.append("the first group is not [Desktop Entry]")
required = {"Type": "Application", "Name": None, "Comment": None, "Exec": None, "Icon": "vigil",
            "Terminal": "false", "Categories": None,
            "Name[de]": None, "Name[fr]": None, "Comment[de]": None, "Comment[fr]": None}
for key, want in required.items():
    if not entries.get(key):
        problems.append(f"{key} is missing")
    elif want is not None and entries[key] != want:
        problems.append(f"{key}={entries[key]}, expected {want}")
main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
        "Office", "Science", "Settings", "System", "Utility"}
categories = entries.get("Categories", "")
if not categories.endswith(";") or not main & set(categories.split(";")):
    problems.append("Categories needs a registered main category and a trailing ';'")
for key in ("Keywords", "Keywords[de]", "Keywords[fr]"):
    if key in entries and not entries[key].endswith(";"):
        problems.append(f"{key} must end with ';'")
program = entries.get("Exec", "").split()[0] if entries.get("Exec") else ""
if program not in ("vigil", "/usr/bin/vigil") or "%" in entries.get("Exec", ""):
    problems.append(f"Exec starts '{program}', not the console without arguments")
if entries.get("TryExec", "vigil") not in ("vigil", "/usr/bin/vigil"):
    problems.append("TryExec is not the console")
icon = ET.parse(root + "/usr/share/icons/hicolor/scalable/apps/vigil.svg").getroot()
if not icon.tag.endswith("svg"):
    problems.append("the icon is not an SVG")
for problem in problems:
    print("desktop entry:", problem)
sys.exit(1 if problems else 0)
EOF

step "example enforced settings"
python3 - "$ROOT/usr/share/doc/vigil/policies.conf.example" <<'EOF' || fail "policies.conf.example does not follow the settings contract"
import base64, configparser, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
ini = configparser.ConfigParser(comment_prefixes=(";",), interpolation=None)
ini.read_string(text)
values = ini["Vigil"]
problems = []
if set(values) - {"server_url", "server_pin", "policy_key", "language", "enforce"}:
    problems.append(f"unknown keys {set(values)}")
if not values.get("server_url", "").startswith("https://"):
    problems.append("server_url is not https://")
if not re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", values.get("server_pin", "")):
    problems.append("server_pin is not 32 colon-separated hex bytes")
try:
    if len(base64.b64decode(values.get("policy_key", ""), validate=True)) != 32:
        problems.append("policy_key is not a 32-byte key")
except ValueError:
    problems.append("policy_key is not base64")
if values.get("enforce") not in ("true", "false"):
    problems.append("enforce is not true or false")
for key in ("server_url", "server_pin", "policy_key", "language", "enforce"):
    if not re.search(rf"^;?\s*{key}\s*=", text, re.M):
        problems.append(f"{key} is not documented")
for problem in problems:
    print("policies.conf.example:", problem)
sys.exit(1 if problems else 0)
EOF

# ---------------------------------------------------------------------------------------------------
step "maintainer scripts"
CONTROL="$WORK/control"
dpkg-deb -e "$SERVER_DEB" "$CONTROL"
for script in postinst prerm postrm; do
  [ -x "$CONTROL/$script" ] || fail "vigil-server has no executable $script"
  [ "$(head -n1 "$CONTROL/$script")" = "#!/bin/sh" ] || fail "$script is not a POSIX sh script"
  sh -n "$CONTROL/$script" || fail "$script does not parse"
done
console_control=$(dpkg-deb --ctrl-tarfile "$CONSOLE_DEB" | tar -t)
for script in preinst postinst prerm postrm; do
  if grep -qx "./$script" <<<"$console_control"; then fail "vigil (the console) needs no $script"; fi
done

# The scripts run as dpkg would run them, against a fake filesystem: their absolute paths are moved
# under FAKE, and adduser, addgroup, getent, systemctl and install's chown are recording stand-ins.
FAKE="$WORK/fake"
STUBS="$WORK/stubs"
CALLS="$FAKE/calls"
mkdir -p "$STUBS" "$FAKE/etc/default" "$FAKE/var/lib"
for script in postinst prerm postrm; do
  sed -e "s|/var/lib/vigil|$FAKE/var/lib/vigil|g" \
    -e "s|/etc/default/vigil-server|$FAKE/etc/default/vigil-server|g" \
    -e "s|/run/systemd/system|$FAKE/run/systemd/system|g" \
    -e "s|/usr/share/vigil-server/|$ROOT/usr/share/vigil-server/|g" \
    "$CONTROL/$script" >"$FAKE/$script"
  if sed '/^[[:space:]]*#/d' "$FAKE/$script" | grep -E '(^|[^A-Za-z_])/(var|etc|run)/'; then
    fail "$script uses a path the test does not move"
  fi
done
cat >"$STUBS/getent" <<EOF
#!/bin/sh
grep -qx "\$1 \$2" "$FAKE/accounts" 2>/dev/null || exit 2
echo "\$2:x:999:999::/nonexistent:/usr/sbin/nologin"
EOF
for name in adduser addgroup; do
  kind=passwd
  [ "$name" = addgroup ] && kind=group
  cat >"$STUBS/$name" <<EOF
#!/bin/sh
echo "$name \$*" >>"$CALLS"
for last in "\$@"; do :; done
echo "$kind \$last" >>"$FAKE/accounts"
EOF
done
for name in systemctl deluser delgroup userdel groupdel; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$name" "$CALLS" >"$STUBS/$name"
done
cat >"$STUBS/install" <<EOF
#!/bin/sh
echo "install \$*" >>"$CALLS"
args=""
while [ \$# -gt 0 ]; do
  case "\$1" in -o | -g) shift 2 ;; *) args="\$args \$1"; shift ;; esac
done
exec /usr/bin/install \$args
EOF
chmod +x "$STUBS"/*
run_script() {
  : >"$CALLS"
  PATH="$STUBS:$PATH" sh "$FAKE/$1" "${@:2}" || fail "$* exited with an error"
}
calls_has() { grep -qE "$1" "$CALLS" || fail "$2 (calls: $(tr '\n' ';' <"$CALLS"))"; }
calls_lack() { if grep -qE "$1" "$CALLS"; then fail "$2 (calls: $(tr '\n' ';' <"$CALLS"))"; fi; }
mode_of() { stat -c %a "$1"; }

# A first install on a machine without systemd running.
run_script postinst configure ""
calls_has '^addgroup --system .*vigil$' "postinst did not create the vigil group"
calls_has '^adduser --system .*--ingroup vigil .*--shell /usr/sbin/nologin .*vigil$' \
  "postinst did not create the vigil system user"
calls_lack '^systemctl' "postinst used systemctl although systemd does not run"
{ [ -d "$FAKE/var/lib/vigil" ] && [ "$(mode_of "$FAKE/var/lib/vigil")" = 750 ]; } || fail "postinst did not make the data folder 0750"
calls_has "^install -d -o vigil -g vigil -m 0750 $FAKE/var/lib/vigil$" "postinst did not give the data folder to vigil"
cmp -s "$FAKE/etc/default/vigil-server" "$ROOT/usr/share/vigil-server/vigil-server.default" ||
  fail "postinst did not install /etc/default/vigil-server"
[ "$(mode_of "$FAKE/etc/default/vigil-server")" = 600 ] || fail "/etc/default/vigil-server is not 0600"

# Again, as a reconfigure or upgrade would: nothing is created twice, the administrator's edits stay.
echo "VIGIL_LISTEN=10.0.0.5:8443" >>"$FAKE/etc/default/vigil-server"
chmod 0700 "$FAKE/var/lib/vigil"
run_script postinst configure "$VERSION"
calls_lack '^(adduser|addgroup|install)' "a second postinst created something again"
grep -q '^VIGIL_LISTEN=10.0.0.5:8443$' "$FAKE/etc/default/vigil-server" || fail "postinst overwrote the settings file"
[ "$(mode_of "$FAKE/var/lib/vigil")" = 700 ] || fail "postinst changed the data folder's mode"

# With systemd running: a first install only reloads, an upgrade restarts a running backend.
mkdir -p "$FAKE/run/systemd/system"
run_script postinst configure ""
calls_has '^systemctl daemon-reload$' "postinst did not reload systemd"
calls_lack '^systemctl (start|restart|try-restart|enable|reload-or-restart)' "a first install started or enabled a unit"
run_script postinst configure 0.0.1
calls_has '^systemctl try-restart vigil-server.service$' "an upgrade did not restart a running backend"
calls_lack '^systemctl (start|enable)' "an upgrade started or enabled a unit"
run_script prerm upgrade "$VERSION"
calls_lack '^systemctl (stop|disable)' "prerm stopped the backend for an upgrade"
run_script prerm remove
calls_has '^systemctl stop .*vigil-unlock-expired.timer' "prerm did not stop the timer"
calls_has '^systemctl stop .*vigil-server.service' "prerm did not stop the backend"
calls_has '^systemctl disable .*vigil-unlock-expired.timer' "prerm did not disable the timer"
calls_has '^systemctl disable .*vigil-server.service' "prerm did not disable the backend"
run_script postrm remove
[ -f "$FAKE/etc/default/vigil-server" ] || fail "remove (not purge) deleted the settings file"
run_script postrm purge
[ ! -e "$FAKE/etc/default/vigil-server" ] || fail "purge left /etc/default/vigil-server"
[ -d "$FAKE/var/lib/vigil" ] || fail "purge deleted the data folder (it holds the audit log)"
calls_lack '^(deluser|delgroup|userdel|groupdel)' "purge removed the vigil account"
run_script postrm purge # a second purge (e.g. after a failed one) must not fail

echo "test_packaging_linux: $(basename "$CONSOLE_DEB"), $(basename "$SERVER_DEB"), $(basename "$CONSOLE_TGZ"), $(basename "$SERVER_TGZ") OK"
