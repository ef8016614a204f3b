#!/usr/bin/env bash
# Parallel-mode accuracy on MAC-Dev and on near-parallel variants of it (issue 11):
#   MAC-Dev as given, then Scripts/make_near_parallel.py variants with 10, 20 and 30% of the
#   sentences deleted at random on each side, and one mixed variant (10% deleted, 5% unrelated
#   sentences inserted, the last 15% of one side cut off). Each: docalign align --presegmented
#   --format links per document, then docalign evaluate --links (strict/lax P/R/F1, null
#   accuracy and precision, confidence table). Also times the six MAC-Dev align calls.
# Needs ../shared/data/parallel/mac-dev (or MAC_DEV=dir). Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
mac=${MAC_DEV:-../shared/data/parallel/mac-dev}
[ -d "$mac/zh" ] || { echo "no MAC-Dev data at $mac (set MAC_DEV)"; exit 1; }
swift build -c release --product docalign >/dev/null
bin=$(swift build -c release --show-bin-path)/docalign
out=Benchmarks/out/near-parallel; rm -rf "$out"; mkdir -p "$out"
run() {  # run NAME CORPUS [DOCS]
  local name=$1 corpus=$2 docs=${3:-"001 002 003 004 005 006"}
  mkdir -p "$out/$name/links" "$out/$name/gold"
  local start end
  start=$(date +%s.%N)
  for k in $docs; do
    "$bin" align --presegmented --mode parallel "$corpus/zh/$k.zh" "$corpus/en/$k.en" --format links -o "$out/$name/links/$k.align"
    cp "$corpus/gold/$k.align" "$out/$name/gold/"
  done
  end=$(date +%s.%N)
  echo "== $name ($(python3 -c "print(f'{$end - $start:.2f}')") s for the align calls)"
  "$bin" evaluate --links "$out/$name/gold" "$out/$name/links"
}
run mac-dev "$mac"
run mac-dev-001-003 "$mac" "001 002 003"
run mac-dev-004-006 "$mac" "004 005 006"
for rate in 0.1 0.2 0.3; do
  python3 Scripts/make_near_parallel.py --corpus "$mac" --out "$out/variant-del$rate" --delete "$rate"
  run "deleted-$rate" "$out/variant-del$rate"
done
python3 Scripts/make_near_parallel.py --corpus "$mac" --out "$out/variant-mixed" --delete 0.1 --insert 0.05 --cut 0.15 --seed 2
run mixed "$out/variant-mixed"
