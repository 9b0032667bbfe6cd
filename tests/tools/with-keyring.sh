#!/bin/sh
# Runs a command inside a D-Bus session of its own with an unlocked
# gnome-keyring (the Secret Service), in throwaway folders: what the
# keychain tests need on a machine without a desktop (research/toolchain.md).
set -eu
work=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-keyring.XXXXXX")
# The keyring daemon may still be writing as the session ends: a few tries.
trap 'for try in 1 2 3 4 5 6 7 8 9 10; do rm -rf "$work" 2>/dev/null && break; sleep 0.2; done' EXIT
mkdir -m 700 "$work/runtime"
export XDG_RUNTIME_DIR="$work/runtime" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
# Not exec: the shell stays to remove the folders when the session ends.
status=0
dbus-run-session -- sh -c 'printf %s test-keyring-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" || status=$?
exit "$status"
