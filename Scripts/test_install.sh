#!/usr/bin/env bash
# Installs into a temporary prefix (Scripts/install.sh) and runs the installed program as a user
# would: from another working directory, by its path, through PATH, and through a symbolic link
# in another folder; its output must equal the checkout's, and it must read the installed data in
# PREFIX/share/docalign (not the checkout's Resources/).
# Not part of `swift test` (a nested swift build would wait on the package lock); .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
bash Scripts/install.sh "$prefix" >/dev/null
page=$root/Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt
fail() { echo "test_install: FAILED: $*"; exit 1; }

test -x "$prefix/bin/docalign" || fail "no $prefix/bin/docalign"
test -f "$prefix/share/docalign/lexicon/zh-en.tsv" || fail "no data in $prefix/share/docalign"
unset DOCALIGN_RESOURCES
mkdir -p "$work/elsewhere" "$work/links"
ln -s "$prefix/bin/docalign" "$work/links/docalign"
cd "$work/elsewhere"
DOCALIGN_RESOURCES=$root/Resources "$root/${DOCALIGN_BUILD_PATH:-.build}/release/docalign" align "$page" --format tsv >"$work/expected.tsv"

# 1. By its path; 2. through PATH (argv[0] is then the bare name); 3. through a symbolic link in
# another folder, itself on PATH.
"$prefix/bin/docalign" align "$page" --format tsv >"$work/by-path.tsv" || fail "by path"
PATH="$prefix/bin:$PATH" docalign align "$page" --format tsv >"$work/by-name.tsv" || fail "through PATH"
PATH="$work/links:$PATH" docalign align "$page" --format tsv >"$work/by-link.tsv" || fail "through a symlink"
for run in by-path by-name by-link; do
  cmp -s "$work/expected.tsv" "$work/$run.tsv" || fail "$run: the installed program's output differs from the checkout's"
done

# It reads the installed data, not the checkout's: with one installed file gone, it names the
# installed folder and exits with 3.
mv "$prefix/share/docalign/lexicon/zh-en.tsv" "$work/zh-en.tsv"
set +e
PATH="$work/links:$PATH" docalign align "$page" >/dev/null 2>"$work/err"
rc=$?
set -e
mv "$work/zh-en.tsv" "$prefix/share/docalign/lexicon/zh-en.tsv"
[ $rc -eq 3 ] || fail "without its lexicon the installed program exited $rc, not 3: $(cat "$work/err")"
grep -q "$prefix/share/docalign" "$work/err" || fail "the message does not name the installed data: $(cat "$work/err")"
echo "test_install: the installed docalign ran from another directory by path, through PATH and through a symlink: $(wc -l <"$work/by-path.tsv") units, as the checkout's; it reads $prefix/share/docalign"
