#!/bin/sh
# Runs a command against a real, unlocked gnome-keyring on a private session bus, with a throw-away
# HOME, so keychain tests never touch the user's own keyring. Usage: run_with_keyring.sh COMMAND [ARG…]
set -eu
HOME=$(mktemp -d)
export HOME
XDG_RUNTIME_DIR=$HOME/run
export XDG_RUNTIME_DIR
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
status=0
dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    sh "$@" || status=$?
rm -rf "$HOME"
exit "$status"
