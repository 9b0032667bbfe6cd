#!/bin/sh
# Installs every Debian 12 package Madoguchi needs to build, test and run.
# Idempotent: packages already present are skipped, and apt is not touched at all
# when nothing is missing. Runs as root, or through sudo when run as a user.
set -eu

PACKAGES="
  build-essential cmake ninja-build ccache pkg-config clang-format git
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qtkeychain-qt6-dev
  libqt6sql6-sqlite libqt6sql6-psql libpq-dev libsqlite3-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  libphonenumber-dev libxkbcommon-dev
  xvfb xauth postgresql openssl
  gnome-keyring libsecret-1-0 libsecret-tools dbus-daemon
  fonts-ipafont-gothic sqlite3 poppler-utils
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

echo "install-deps: installing$missing"
$SUDO apt-get update -q
# --no-install-recommends keeps the install small; dbus-x11 must never come in
# (it makes QtKeychain hang under Xvfb, see README "Troubleshooting").
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
