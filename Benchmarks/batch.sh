#!/usr/bin/env bash
# Corpus-mode throughput and memory (issue 9), release build:
#   - `docalign batch DIR -o OUT --format jsonl,tsv,tmx` on 2,000 pages made by Scripts/make_corpus.py:
#     wall time, pages/s, peak RSS (GNU time); the corpus it builds (units, units seen more than once);
#   - beside it, the shell loop a user would write: `ls *.txt | xargs -P 2 -I{} docalign align {} -o ...`
#     on the same pages (and `docalign batch --format jsonl`, the loop's single format);
#   - the same batch on 20,000 pages (time, RSS).
#
#   Benchmarks/batch.sh [PAGES ...]        default: 2000 20000 (the loop runs on the first size only)
#
# Pages and outputs go to Benchmarks/out/batch (git-ignored; BENCH_DIR=dir to put them elsewhere); the
# pages are made once per size and seed (BENCH_SEED, default bench) and reused.
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
swift build -c release --product docalign >/dev/null
bin=$(swift build -c release --show-bin-path)/docalign
mkdir -p "$work"

# measure LABEL LOG COMMAND...: runs COMMAND under GNU time; prints "seconds max_rss_mb".
measure() {
  local log=$1; shift
  /usr/bin/time -v -o "$log" "$@"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.2f %.0f\n", s, rss }' "$log"
}

printf '%s\n' "| run | pages | wall time (s) | pages/s | peak RSS (MB) | corpus units | seen > once |" \
              "|---|---|---|---|---|---|---|"
first=1
for n in "${sizes[@]}"; do
  pages=$work/pages-$n-$seed
  if [ ! -f "$pages/manifest.tsv" ]; then
    rm -rf "$pages"
    python3 Scripts/make_corpus.py "$n" "$pages" --seed "$seed" 2>/dev/null
  fi
  out=$work/out-$n
  rm -rf "$out"
  read -r secs rss < <(measure "$work/time-batch-$n.log" "$bin" batch "$pages" -o "$out" --format jsonl,tsv,tmx --quiet --no-env-shard)
  units=$(( $(wc -l <"$out/corpus.tsv") - 1 ))
  repeated=$(awk -F'\t' 'NR > 1 && $4 > 1' "$out/corpus.tsv" | wc -l)
  failed=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sum(1 for j in r['jobs'] if j.get('status') != 'ok'))" "$out/report.json" 2>/dev/null || echo "?")
  printf '| `docalign batch --format jsonl,tsv,tmx` (%s failed) | %d | %s | %.0f | %s | %d | %d |\n' \
    "$failed" "$n" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN { print n / s }')" "$rss" "$units" "$repeated"
  if [ "$first" = 1 ]; then
    first=0
    rm -rf "$out"
    read -r secs rss < <(measure "$work/time-batch-jsonl-$n.log" "$bin" batch "$pages" -o "$out" --format jsonl --quiet --no-env-shard)
    printf '| `docalign batch --format jsonl` | %d | %s | %.0f | %s | | |\n' "$n" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN { print n / s }')" "$rss"
    loop=$work/loop-$n
    rm -rf "$loop"; mkdir -p "$loop"
    read -r secs rss < <(cd "$pages" && measure "$work/time-loop-$n.log" \
      sh -c 'ls *.txt | xargs -P 2 -I{} "$1" align {} -o "$2/{}.jsonl"' sh "$bin" "$loop")
    printf '| `ls *.txt \\| xargs -P 2 -I{} docalign align {} -o …` | %d | %s | %.0f | %s | | |\n' \
      "$n" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN { print n / s }')" "$rss"
    rm -rf "$loop"
  fi
  rm -rf "$out"
done
echo "(release build, $(nproc) cores; pages from Scripts/make_corpus.py N DIR --seed $seed; GNU time logs in $work)"
