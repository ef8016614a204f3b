#!/usr/bin/env bash
# A DocAlign batch on a real one-machine Slurm cluster, checked against a single-process run.
#
#   Scripts/slurm_test.sh DOCALIGN_BIN [PAGES]        (as root; PAGES default 240, at least 200)
#
# 1. Installs slurm-wlm and munge from Debian when they are missing.
# 2. Starts munged, slurmctld and slurmd with their own key, socket, ports, configuration and state in a
#    temporary directory (nothing under /etc is changed). A trap on EXIT stops them by the pids in
#    their pid files (never by name) and removes the directory, also when a step fails.
# 3. Makes PAGES pages and their manifest with Scripts/make_corpus.py, submits
#    deploy/slurm/docalign-array.sbatch as a 4-task array plus the merge job with
#    --dependency=afterok (deploy/slurm/submit.sh) and waits for them.
# 4. Runs a single-process `docalign batch` over the same manifest and checks: the corpus files are
#    byte-identical (cmp), so are the per-job outputs, and report.json is equal once the timing
#    fields ("seconds", "started", "finished") are deleted.
# 5. Rerunning a failed shard: deletes shard 2's part report and the stamps of its jobs, checks that
#    `docalign merge` refuses, resubmits shard 2 alone (submit.sh --rerun 2) and its merge, and checks
#    the corpus files again.
# Exits non-zero, saying what differs, on any failure; prints a summary with the durations.
set -euo pipefail
export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DOCALIGN_BIN [PAGES]" >&2; exit 2
fi
bin=$(realpath "$1")
pages=${2:-240}
repo=$(cd "$(dirname "$0")/.." && pwd)
shards=4
formats=jsonl,tsv,tmx
t0=$(date +%s)
step() { printf '[slurm-test %4ds] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
die() { echo "slurm-test: FAILED: $*" >&2; exit 1; }

[ -x "$bin" ] || die "$bin is not an executable"
[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts the Slurm daemons)"
case $pages in ''|*[!0-9]*) die "PAGES must be a number" ;; esac
[ "$pages" -ge 200 ] || die "PAGES must be at least 200"

# 1. Packages.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
   || ! command -v munged >/dev/null; then
  step "installing slurm-wlm and munge"
  if ! apt-get update -qq </dev/null; then
    # Seen on some machines: "gpgv ... required for verification" although gpgv is installed.
    apt-get -o APT::Sandbox::User=root update -qq </dev/null
  fi
  apt-get install -y -qq slurm-wlm munge </dev/null >/dev/null \
    || apt-get -o APT::Sandbox::User=root install -y -qq slurm-wlm munge </dev/null >/dev/null
fi
slurmctld_bin=$(command -v slurmctld) slurmd_bin=$(command -v slurmd) munged_bin=$(command -v munged)
step "slurm-wlm $(dpkg-query -W -f '${Version}' slurm-wlm 2>/dev/null || echo "?"), $(munged --version 2>&1 | head -1)"

# 2. The cluster, all of it under $state.
state=$(mktemp -d /tmp/docalign-slurm-test.XXXXXX)
our_jobs=()
stop_pid_file() {   # stop the process whose pid is in $1: TERM, up to 10 s, then KILL
  local file=$1 pid i
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  case $pid in ''|*[!0-9]*) return 0 ;; esac
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  set +e
  if [ "${#our_jobs[@]}" -gt 0 ] && [ -s "$state/slurmctld.pid" ]; then
    scancel "${our_jobs[@]}" 2>/dev/null; sleep 1
  fi
  local stopped=""
  for daemon in slurmd slurmctld munged; do
    [ -s "$state/$daemon.pid" ] && stopped+=" $daemon (pid $(cat "$state/$daemon.pid"))"
    stop_pid_file "$state/$daemon.pid"
  done
  [ -z "$stopped" ] || step "stopped$stopped"
  if [ "$status" -ne 0 ] && [ -d "$state/log" ]; then
    for f in "$state"/log/*.log; do echo "--- last lines of $f"; tail -n 15 "$f"; done >&2
  fi
  case $state in /tmp/docalign-slurm-test.*) rm -rf "$state" ;; esac
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$state"/{munge,slurm-state,spool,log}
chmod 700 "$state/munge"
dd if=/dev/urandom bs=1024 count=1 of="$state/munge/munge.key" status=none
chmod 400 "$state/munge/munge.key"
socket=$state/munge/munge.socket
# --force: munged would otherwise refuse the permissions of /tmp's parents.
"$munged_bin" --force --socket="$socket" --key-file="$state/munge/munge.key" --pid-file="$state/munged.pid" \
  --log-file="$state/log/munged.log" --seed-file="$state/munge/munged.seed" 2>"$state/log/munged.stderr" \
  || die "munged did not start: $(cat "$state/log/munged.stderr")"
munge --socket="$socket" -n | unmunge --socket="$socket" | grep -q 'STATUS: *Success' || die "munge does not work"

host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/^MemTotal:/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
export SLURM_CONF=$state/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=docalign-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state/slurm-state
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
"$slurmctld_bin" -f "$SLURM_CONF" || die "slurmctld did not start"
"$slurmd_bin" -f "$SLURM_CONF" -N "$host" || die "slurmd did not start"
for i in $(seq 60); do
  node=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  [ "$node" = idle ] && break
  sleep 1
done
[ "$node" = idle ] || die "the node is not idle after 60 s (state: ${node:-none})"
step "cluster up: node $host ($cpus cpus) idle; slurmctld :$ctld_port, slurmd :$slurmd_port, state in $state"

# 3. The corpus, the array job and the merge.
python3 "$repo/Scripts/make_corpus.py" "$pages" "$state/pages" --seed slurm-test --check-with "$bin" --check-sample 12 \
  2>"$state/log/make_corpus.log" || { cat "$state/log/make_corpus.log" >&2; die "Scripts/make_corpus.py failed"; }
step "$(tail -n 1 "$state/log/make_corpus.log")"
manifest=$state/pages/manifest.tsv
njobs=$(( $(wc -l <"$manifest") - 1 ))
step "manifest: $njobs jobs ($(grep -c 'exact copy' "$state/pages/variants.tsv") exact copies)"

# wait_for JOBID...: until none is pending or running (at most 900 s); then each must be COMPLETED.
wait_for() {
  local deadline=$(( $(date +%s) + 900 )) left
  while :; do
    left=$(squeue -h -j "$(IFS=,; echo "$*")" -o '%i %T' 2>/dev/null | wc -l)
    [ "$left" -eq 0 ] && break
    [ "$(date +%s)" -lt "$deadline" ] || die "jobs $* still queued or running after 900 s: $(squeue -h -j "$(IFS=,; echo "$*")")"
    sleep 2
  done
  local id states
  for id in "$@"; do
    # Accounting is off: the controller still knows finished jobs (MinJobAge), task by task.
    states=$(scontrol show job "$id" 2>&1 | grep -o 'JobState=[A-Z_]*' | sort | uniq -c | tr -s ' \n' ' ')
    if [ -z "$states" ] || grep -q 'JobState=' <<<"${states//JobState=COMPLETED/}"; then
      scontrol show job "$id" 2>&1 | awk 'BEGIN { RS = "" } { line = ""
        for (i = 1; i <= NF; i++) if ($i ~ /^(JobId|ArrayTaskId|JobName|JobState|Reason|ExitCode)=/) line = line " " $i
        print " " line }' >&2 || true
      for f in "$outdir"/logs/*; do echo "--- $f"; cat "$f"; done >&2
      die "job $id did not complete:$states"
    fi
  done
}

outdir=$state/out-slurm
t_submit=$(date +%s.%N)
read -r array_id merge_id < <("$repo/deploy/slurm/submit.sh" --shards "$shards" --docalign "$bin" \
  "$manifest" "$outdir" -- --format "$formats" 2>"$state/log/submit.log") || die "submit.sh: $(cat "$state/log/submit.log")"
[ -n "${merge_id:-}" ] || die "submit.sh did not print the two job ids: $(cat "$state/log/submit.log")"
our_jobs=("$array_id" "$merge_id")
step "submitted array job $array_id (tasks 0-$((shards - 1))) and merge job $merge_id (afterok:$array_id)"
wait_for "$array_id" "$merge_id"
t_cluster=$(python3 -c "import time; print(f'{time.time() - $t_submit:.1f}')")
step "array and merge completed in ${t_cluster} s"
parts=$(ls "$outdir/parts" | grep -c '^shard-[0-9]*-of-4\.json$' || true)
[ "$parts" -eq "$shards" ] || die "expected $shards part reports in $outdir/parts, found $parts: $(ls "$outdir/parts")"

# 4. The same manifest in one process.
single=$state/out-single
t_single0=$(date +%s.%N)
env -u SLURM_ARRAY_TASK_ID -u SLURM_ARRAY_TASK_MIN -u SLURM_ARRAY_TASK_COUNT -u JOB_COMPLETION_INDEX \
  "$bin" batch "$manifest" -o "$single" --format "$formats" --quiet --no-env-shard \
  || die "single-process docalign batch exited with $?"
t_single=$(python3 -c "import time; print(f'{time.time() - $t_single0:.1f}')")
step "single-process batch completed in ${t_single} s"

compare() {   # compare CLUSTER_DIR SINGLE_DIR: corpus files, per-job outputs, report.json
  local a=$1 b=$2 f n=0
  local corpus_a corpus_b
  corpus_a=$(cd "$a" && ls corpus.* 2>/dev/null | sort | tr '\n' ' ')
  corpus_b=$(cd "$b" && ls corpus.* 2>/dev/null | sort | tr '\n' ' ')
  [ -n "$corpus_b" ] || die "the single run wrote no corpus files in $b"
  [ "$corpus_a" = "$corpus_b" ] || die "corpus files differ: cluster has [$corpus_a], single run [$corpus_b]"
  for f in $corpus_b; do cmp "$a/$f" "$b/$f" || die "$f differs between the cluster run and the single run"; done
  for f in "$b"/jobs/*; do
    case $f in *.stamp.json) continue ;; esac
    [ -e "$a/jobs/${f##*/}" ] || die "jobs/${f##*/} is missing from the cluster run"
    cmp -s "$f" "$a/jobs/${f##*/}" || die "jobs/${f##*/} differs between the cluster run and the single run"
    n=$((n + 1))
  done
  [ "$(ls "$a/jobs" | grep -vc '\.stamp\.json$')" -eq "$n" ] || die "the cluster run has per-job files the single run has not"
  python3 - "$a/report.json" "$b/report.json" <<'PY' || die "report.json differs beyond the timing fields"
import json, sys
TIMING = {"seconds", "started", "finished"}
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in TIMING}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
def diff(x, y, path="$"):
    if type(x) is not type(y):
        return f"{path}: {json.dumps(x)[:120]} vs {json.dumps(y)[:120]}"
    if isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            if k not in x or k not in y:
                return f"{path}.{k}: only in {'the cluster' if k in x else 'the single'} report"
            d = diff(x[k], y[k], f"{path}.{k}")
            if d: return d
    elif isinstance(x, list):
        if len(x) != len(y):
            return f"{path}: {len(x)} vs {len(y)} items"
        for i, (p, q) in enumerate(zip(x, y)):
            d = diff(p, q, f"{path}[{i}]")
            if d: return d
    elif x != y:
        return f"{path}: {json.dumps(x)[:120]} vs {json.dumps(y)[:120]}"
    return None
a, b = (strip(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
d = diff(a, b)
if d:
    print(f"report.json (cluster vs single run, timing fields removed): {d}", file=sys.stderr)
    sys.exit(1)
PY
  echo "$corpus_b $n"
}
compare "$outdir" "$single" >"$state/compare.out"
read -r -a checked <"$state/compare.out"
nfiles=${checked[-1]}
corpus_list=${checked[*]:0:${#checked[@]}-1}
# corpus.tsv: a header row, then source, target, score, count, documents.
units=$(( $(wc -l <"$single/corpus.tsv") - 1 ))
repeated=$(awk -F'\t' 'NR > 1 && $4 > 1' "$single/corpus.tsv" | wc -l)
[ "$units" -gt 0 ] || die "corpus.tsv is empty"
[ "$repeated" -gt 0 ] || die "no unit of corpus.tsv has a count above 1 (the corpus has exact copies of pages)"
step "equal: $corpus_list (cmp), $nfiles per-job files (cmp), report.json apart from seconds/started/finished"

# 5. A failed shard: its part report and its jobs' stamps gone, merge refuses, rerun shard 2, merge.
mapfile -t shard2 < <(python3 - "$manifest" "$shards" <<'PY'
import sys
def fnv1a64(s):
    h = 0xcbf29ce484222325
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")][1:]
for r in rows:
    if fnv1a64(r[0]) % int(sys.argv[2]) == 2:
        print(r[0])
PY
)
[ "${#shard2[@]}" -gt 0 ] || die "no job falls in shard 2 of 4"
for id in "${shard2[@]}"; do
  [ -e "$outdir/jobs/$id.stamp.json" ] || die "jobs/$id.stamp.json missing: is shard membership FNV-1a 64 of the id mod n?"
  rm -f "$outdir/jobs/$id.stamp.json"
done
rm -f "$outdir/parts/shard-2-of-4.json" "$outdir/report.json" "$outdir"/corpus.*
set +e
refusal=$("$bin" merge "$outdir" 2>&1 >/dev/null); status=$?
set -e
[ "$status" -eq 1 ] || die "docalign merge with shard 2's part missing exited with $status, not 1: $refusal"
grep -q 'shard-2-of-4\|shard 2' <<<"$refusal" || die "docalign merge did not name the missing shard: $refusal"
step "merge without shard 2 refused (exit 1): $(head -c 200 <<<"$refusal")"
read -r array_id merge_id < <("$repo/deploy/slurm/submit.sh" --shards "$shards" --rerun 2 --docalign "$bin" \
  "$manifest" "$outdir" -- --format "$formats" 2>"$state/log/submit.log") || die "submit.sh --rerun: $(cat "$state/log/submit.log")"
our_jobs=("$array_id" "$merge_id")
wait_for "$array_id" "$merge_id"
compare "$outdir" "$single" >"$state/compare.out"
step "reran shard 2 (${#shard2[@]} jobs, job $array_id) and merged again (job $merge_id): equal again"

echo "slurm-test: OK: $njobs jobs, $shards shards on a one-machine Slurm $(sbatch --version | awk '{print $2}') cluster;" \
     "array+merge ${t_cluster} s, single process ${t_single} s; corpus.tsv $units units, $repeated seen more than once;" \
     "total $(( $(date +%s) - t0 )) s"
