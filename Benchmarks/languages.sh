#!/usr/bin/env bash
# Issue 13's speed check: `docalign align` end to end (release build, best of 5) on the Chinese
# morning page and on each French, Spanish, Russian and Arabic test page, with the ratio to the
# Chinese page in CPU time (target for French: at most 1.5).
#
# usage: Benchmarks/languages.sh   (DOCALIGN=path to use a docalign already built)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DOCALIGN:-}" ]; then
  swift build -c release --product docalign >/dev/null
  DOCALIGN="$(swift build -c release --show-bin-path)/docalign"
fi
python3 - "$DOCALIGN" Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt \
  Tests/DocAlignTests/Fixtures/languages/*.txt <<'PY'
import resource, subprocess, sys, time
def best(page, runs=5):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.argv[1], "align", page, "-o", "/dev/null"], check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)
# Wall time on a shared machine varies with the load; CPU time (user + system) much less.
wall0, cpu0 = best(sys.argv[2])
print("| page | wall ms (best of 5) | CPU ms (best of 5) | CPU × Chinese page |\n|---|---|---|---|")
print(f"| {sys.argv[2].split('/')[-1]} | {wall0*1000:.0f} | {cpu0*1000:.0f} | 1.00 |")
for page in sys.argv[3:]:
    wall, cpu = best(page)
    print(f"| {page.split('/')[-1]} | {wall*1000:.0f} | {cpu*1000:.0f} | {cpu/cpu0:.2f} |")
PY
