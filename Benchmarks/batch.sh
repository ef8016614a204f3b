#!/usr/bin/env bash
# Corpus-mode throughput and memory (issue 9), release build:
#   - `docalign batch DIR -o OUT --format jsonl,tsv,tmx` on 2,000 pages made by Scripts/make_corpus.py:
#     wall time, pages/s, CPU time, peak RSS (GNU time); the corpus it builds (units, units seen more
#     than once); then `docalign merge OUT` alone on that output (its time and peak RSS: the merge's
#     memory);
#   - beside it, the shell loop a user would write: `ls *.txt | xargs -P 2 -I{} docalign align {} -o ...`
#     on the same pages (and `docalign batch --format jsonl`, the loop's single format);
#   - the same batch on 20,000 pages.
#
#   Benchmarks/batch.sh [PAGES ...]        default: 2000 20000 (the loop runs on the first size only;
#                                          BENCH_LOOP=0: no loop, e.g. BENCH_LOOP=0 Benchmarks/batch.sh 20000)
#                                          BENCH_BIN=path: use this release docalign instead of building one
#
# Pages and outputs go to Benchmarks/out/batch (git-ignored; BENCH_DIR=dir to put them elsewhere); the
# pages are made once per size and seed (BENCH_SEED, default bench) and reused. The machine is shared:
# besides wall time the table gives CPU time (user + sys) and pages per CPU-second; on an otherwise
# idle machine wall-time pages/s approaches cores x pages per CPU-second. The load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)
work=$(realpath -m "${BENCH_DIR:-Benchmarks/out/batch}")
seed=${BENCH_SEED:-bench}
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time </dev/null >/dev/null \
      || { apt-get update -qq </dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time </dev/null >/dev/null; }
  else
    echo "batch.sh: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1
  fi
fi
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(realpath "$BENCH_BIN")        # a docalign already built (release), e.g. while SwiftPM is busy
else
  swift build -c release --product docalign >/dev/null
  bin=$(swift build -c release --show-bin-path)/docalign
fi
mkdir -p "$work"

# measure LOG COMMAND...: runs COMMAND under GNU time; prints "wall_s cpu_s max_rss_mb".
measure() {
  local log=$1; shift
  /usr/bin/time -v -o "$log" "$@"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /User time \(seconds\)/ { cpu += $2 } /System time \(seconds\)/ { cpu += $2 }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.2f %.2f %.0f\n", s, cpu, rss }' "$log"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }
row() {   # row LABEL PAGES WALL CPU RSS [UNITS REPEATED]
  printf '| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(rate "$2" "$3")" "$4" "$(rate "$2" "$4")" \
    "$5" "${6:-}" "${7:-}"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
printf '%s\n' "| run | pages | wall (s) | pages/s | CPU (s) | pages per CPU-s | peak RSS (MB) | corpus units | seen > once |" \
              "|---|---|---|---|---|---|---|---|---|"
first=${BENCH_LOOP:-1}
for n in "${sizes[@]}"; do
  pages=$work/pages-$n-$seed
  if [ ! -f "$pages/manifest.tsv" ]; then
    rm -rf "$pages"
    python3 Scripts/make_corpus.py "$n" "$pages" --seed "$seed" 2>/dev/null
  fi
  out=$work/out-$n
  rm -rf "$out"
  read -r wall cpu rss < <(measure "$work/time-batch-$n.log" "$bin" batch "$pages" -o "$out" --format jsonl,tsv,tmx --quiet --no-env-shard)
  units=$(( $(wc -l <"$out/corpus.tsv") - 1 ))
  repeated=$(awk -F'\t' 'NR > 1 && $4 > 1' "$out/corpus.tsv" | wc -l)
  failed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['totals']['failed'])" "$out/report.json")
  row "\`docalign batch --format jsonl,tsv,tmx\` ($failed failed)" "$n" "$wall" "$cpu" "$rss" "$units" "$repeated"
  read -r wall cpu rss < <(measure "$work/time-merge-$n.log" "$bin" merge "$out" --quiet)
  row "\`docalign merge\` of that output alone" "$n" "$wall" "$cpu" "$rss" "$units"
  if [ "$first" = 1 ]; then
    first=0
    rm -rf "$out"
    read -r wall cpu rss < <(measure "$work/time-batch-jsonl-$n.log" "$bin" batch "$pages" -o "$out" --format jsonl --quiet --no-env-shard)
    row "\`docalign batch --format jsonl\`" "$n" "$wall" "$cpu" "$rss"
    loop=$work/loop-$n
    rm -rf "$loop"; mkdir -p "$loop"
    read -r wall cpu rss < <(cd "$pages" && measure "$work/time-loop-$n.log" \
      sh -c 'ls *.txt | xargs -P 2 -I{} "$1" align {} -o "$2/{}.jsonl"' sh "$bin" "$loop")
    row "\`ls *.txt \\| xargs -P 2 -I{} docalign align {} -o …\`" "$n" "$wall" "$cpu" "$rss"
    rm -rf "$loop"
  fi
  rm -rf "$out"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); pages: Scripts/make_corpus.py N DIR --seed $seed; GNU time logs in $work"
