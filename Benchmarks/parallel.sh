#!/usr/bin/env bash
# Parallel-mode scaling (issue 5): time and peak memory of
#   docalign align --presegmented --mode parallel ZH EN --format links
# on pairs of about 1,000, 10,000 and 50,000 Chinese sentences, made by repeating whole MAC-Dev
# documents (../shared/data/parallel/mac-dev, or MAC_DEV=dir) so that every pair stays a true
# translation. Release build; /usr/bin/time for the CPU time (user + system: on a loaded machine
# the wall time says little) and the peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
mac=${MAC_DEV:-../shared/data/parallel/mac-dev}
[ -d "$mac/zh" ] || { echo "no MAC-Dev data at $mac (set MAC_DEV)"; exit 1; }
# BIN=path/to/docalign times another build (e.g. an earlier version) on the same pairs.
if [ -z "${BIN:-}" ]; then
  swift build -c release --product docalign >/dev/null
  bin=$(swift build -c release --show-bin-path)/docalign
else
  bin=$BIN
fi
out=Benchmarks/out/parallel; mkdir -p "$out"
echo "| zh sentences | en sentences | time (s) | CPU (s) | peak RSS (MB) | µs CPU per zh sentence |"
echo "|---|---|---|---|---|---|"
for target in ${SIZES:-1000 10000 50000}; do
  : > "$out/$target.zh"; : > "$out/$target.en"
  n=0
  while [ "$n" -lt "$target" ]; do
    for f in "$mac"/zh/*.zh; do
      k=$(basename "$f" .zh)
      cat "$f" >> "$out/$target.zh"; cat "$mac/en/$k.en" >> "$out/$target.en"
      n=$(wc -l < "$out/$target.zh")
      [ "$n" -ge "$target" ] && break
    done
  done
  zh=$(wc -l < "$out/$target.zh"); en=$(wc -l < "$out/$target.en")
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$bin" align --presegmented --mode parallel "$out/$target.zh" "$out/$target.en" --format links -o "$out/$target.align"
  read -r seconds user system kb < "$out/time.txt"
  python3 -c "cpu = $user + $system; print(f'| $zh | $en | $seconds | {cpu:.2f} | {$kb/1024:.0f} | {cpu*1e6/$zh:.0f} |')"
done
