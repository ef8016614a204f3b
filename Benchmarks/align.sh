#!/usr/bin/env bash
# Summary alignment speed (issues 4 and 9): the morning page end to end (`docalign align PAGE`,
# release build, best of N and median, N=10 by default), the time of each stage
# (`docalign-bench align`, best of N fresh processes per stage), and with CALLGRIND=1 the
# instruction count of one run under valgrind (repeatable on a loaded machine, unlike times).
#
#   Benchmarks/align.sh [PAGE]      RUNS=N (default 10), CALLGRIND=1 (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product docalign >/dev/null
swift build -c release --product docalign-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
page=${1:-Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt}
runs=${RUNS:-10}
python3 - "$bin" "$page" "$runs" <<'PY'
import re, statistics, subprocess, sys, time
bin, page, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run([f"{bin}/docalign", "align", page, "-o", "/dev/null"], check=True)
    times.append(time.perf_counter() - t)
print(f"docalign align {page}: {min(times)*1000:.1f} ms best, {statistics.median(times)*1000:.1f} ms median of {runs}")
# Stages: each figure is the best over the runs (each run a fresh process).
stages = {}
line = ""
for _ in range(runs):
    line = subprocess.run([f"{bin}/docalign-bench", "align", page], check=True, capture_output=True, text=True).stdout
    for name, value in re.findall(r"([A-Za-z -]+): ([0-9.]+) ms", line):
        name = name.strip()
        stages[name] = min(stages.get(name, float("inf")), float(value))
print("stages, best of %d: " % runs + "; ".join(f"{k} {v:.1f} ms" for k, v in stages.items()))
print("last run: " + line.strip())
PY
if [ "${CALLGRIND:-0}" = 1 ]; then
  out=$(mktemp -d)
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$bin/docalign" align "$page" -o /dev/null 2>"$out/log"
  grep -o 'Collected : [0-9]*' "$out/log" | sed 's/Collected :/instructions (callgrind, docalign align):/'
  echo "profile: $out/callgrind.out (callgrind_annotate --inclusive=yes $out/callgrind.out | head -60)"
fi
