#!/usr/bin/env bash
# Parallel-mode scaling (issue 5): time and peak memory of
#   docalign align --presegmented --mode parallel ZH EN --format links
# on pairs of about 1,000, 10,000 and 50,000 Chinese sentences, made by repeating whole MAC-Dev
# documents (../shared/data/parallel/mac-dev, or MAC_DEV=dir) so that every pair stays a true
# translation. Release build; /usr/bin/time for the peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
mac=${MAC_DEV:-../shared/data/parallel/mac-dev}
[ -d "$mac/zh" ] || { echo "no MAC-Dev data at $mac (set MAC_DEV)"; exit 1; }
swift build -c release --product docalign >/dev/null
bin=$(swift build -c release --show-bin-path)/docalign
out=Benchmarks/out/parallel; mkdir -p "$out"
echo "| zh sentences | en sentences | time (s) | peak RSS (MB) | µs per zh sentence |"
echo "|---|---|---|---|---|"
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
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$bin" align --presegmented --mode parallel "$out/$target.zh" "$out/$target.en" --format links -o "$out/$target.align"
  read -r seconds kb < "$out/time.txt"
  python3 -c "print(f'| $zh | $en | $seconds | {$kb/1024:.0f} | {$seconds*1e6/$zh:.0f} |')"
done
