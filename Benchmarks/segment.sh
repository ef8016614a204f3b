#!/usr/bin/env bash
# Segmentation throughput, as a ratio to bare ICU (issue 2's benchmark).
#
# Builds DocAlign in release mode, makes a ~10 MB text by repeating the two example pages, and
# times on that same file in the same run:
#   - the bare ICU program (one UBRK_SENTENCE iterator over the file decoded to UTF-16 once):
#     ../shared/tools/icu_sentence_baseline.c, or BASELINE_C=path;
#   - the library call (docalign-bench: decode + segment, best of 5);
#   - the CLI end to end: `docalign segment FILE > /dev/null` (best of 5), with its peak RSS.
# usage: Benchmarks/segment.sh [SIZE_MB]          (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-10}
out=Benchmarks/out; mkdir -p "$out"
baseline_c=${BASELINE_C:-../shared/tools/icu_sentence_baseline.c}

swift build -c release --product docalign >/dev/null
swift build -c release --product docalign-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

input=$out/seeds-${size_mb}mb.txt
python3 - "$input" "$size_mb" <<'PY'
import sys
pages = [open(p, encoding="utf-8").read() for p in (
    "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt",
    "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt")]
target = float(sys.argv[2]) * 1_000_000
parts, size = [], 0
while size < target:
    for p in pages:
        parts.append(p); size += len(p.encode())
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(parts))
PY
bytes=$(stat -c %s "$input")

python3 - "$input" "$bytes" "$bin" "$baseline_c" "$out" <<'PY'
import os, resource, subprocess, sys, time
inp, nbytes, bindir, baseline_c, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
mb = nbytes / 1e6

def best(cmd, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return min(times)

rows = []
if os.path.exists(baseline_c):
    exe = os.path.join(out, "icu_sentence_baseline")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc", "icu-i18n"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", baseline_c, "-o", exe] + flags, check=True)
    base = best([exe, inp])
else:
    base = None
    print(f"(no baseline program at {baseline_c}: ratios not computed)")

cli = best([os.path.join(bindir, "docalign"), "segment", inp])
# Peak RSS of one CLI run (children's maxrss, KiB on Linux).
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
subprocess.run([os.path.join(bindir, "docalign"), "segment", inp], stdout=subprocess.DEVNULL, check=True)
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
lib_line = subprocess.run([os.path.join(bindir, "docalign-bench"), "segment", inp], capture_output=True, text=True, check=True).stdout.strip()
lib_mbs = float(lib_line.split("=")[1].split("MB/s")[0])

print(f"input: {inp} ({mb:.2f} MB)")
print(f"| program | time (s) | MB/s | ratio to bare ICU |")
print(f"|---|---|---|---|")
if base:
    print(f"| bare ICU (icu_sentence_baseline.c) | {base:.3f} | {mb/base:.1f} | 1.00 |")
lib_time = mb / lib_mbs
print(f"| DocAlign library (decode + segment) | {lib_time:.3f} | {lib_mbs:.1f} | {base/lib_time:.2f} |" if base else f"| library | {lib_time:.3f} | {lib_mbs:.1f} | - |")
print(f"| docalign segment FILE > /dev/null | {cli:.3f} | {mb/cli:.1f} | {base/cli:.2f} |" if base else f"| CLI | {cli:.3f} | {mb/cli:.1f} | - |")
limit = 5 * mb + 50
print(f"peak RSS of the CLI: {rss_mb:.1f} MB (limit 5 x input + 50 MB = {limit:.1f} MB)")
PY
