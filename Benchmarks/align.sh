#!/usr/bin/env bash
# Summary alignment speed (issue 4): the morning page end to end (`docalign align PAGE`, release
# build, resources loaded once per run, best of 5), and the time of each stage.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product docalign >/dev/null
swift build -c release --product docalign-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
page=Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt
python3 - "$bin/docalign" "$page" <<'PY'
import subprocess, sys, time
best = min((lambda t: (subprocess.run([sys.argv[1], "align", sys.argv[2], "-o", "/dev/null"], check=True), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(f"docalign align {sys.argv[2]}: {best*1000:.0f} ms end to end (best of 5)")
PY
"$bin/docalign-bench" align "$page"
