#!/usr/bin/env bash
# Issue 13's speed check: `docalign align` end to end (release build, best of 5) on the Chinese
# morning page and on each French, Spanish, Russian and Arabic test page, with the ratio to the
# Chinese page (target for French: at most 1.5).
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
import subprocess, sys, time
def best(page, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.argv[1], "align", page, "-o", "/dev/null"], check=True)
        times.append(time.perf_counter() - start)
    return min(times)
chinese = best(sys.argv[2])
print(f"| page | ms (best of 5) | × Chinese page |\n|---|---|---|\n| {sys.argv[2].split('/')[-1]} | {chinese*1000:.0f} | 1.00 |")
for page in sys.argv[3:]:
    t = best(page)
    print(f"| {page.split('/')[-1]} | {t*1000:.0f} | {t/chinese:.2f} |")
PY
