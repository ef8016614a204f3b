#!/usr/bin/env bash
# Installs docalign: Scripts/install.sh [PREFIX]   (default PREFIX: /usr/local)
#
# A release build; the program to PREFIX/bin/docalign, the data (Resources/) to
# PREFIX/share/docalign, and the licence files to PREFIX/share/doc/docalign. The installed
# program finds its data at ../share/docalign beside itself (symbolic links resolved), so it runs
# from any directory, through PATH or through a link. Needs ICU at run time (libicu).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
scratch=${DOCALIGN_BUILD_PATH:-.build}
swift build -c release --product docalign --scratch-path "$scratch"
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
mkdir -p "$prefix/bin" "$prefix/share/docalign" "$prefix/share/doc/docalign"
install -m 0755 "$bin/docalign" "$prefix/bin/docalign"
# The data, replacing what an earlier install left.
rm -rf "$prefix/share/docalign"
mkdir -p "$prefix/share/docalign"
cp -R Resources/. "$prefix/share/docalign/"
chmod -R u=rwX,go=rX "$prefix/share/docalign"
install -m 0644 LICENSE NOTICE README.md "$prefix/share/doc/docalign/"
echo "installed $prefix/bin/docalign ($("$prefix/bin/docalign" --version)) with its data in $prefix/share/docalign"
