#!/usr/bin/env bash
# Submits a DocAlign batch to Slurm: an array of N shards, then the merge, which starts only when
# every shard has succeeded (--dependency=afterok). Prints "ARRAY_JOB_ID MERGE_JOB_ID" on stdout.
#
#   deploy/slurm/submit.sh [--shards N] [--docalign BIN] [--rerun LIST] [--no-merge] [--sbatch OPT]...
#                          MANIFEST OUTDIR [-- docalign batch options, e.g. --format jsonl,tsv,tmx]
#
#   --shards N      number of shards (array tasks 0..N-1; default 4)
#   --docalign BIN  the docalign executable the nodes run (default: docalign on PATH)
#   --rerun LIST    submit only these shards of an N-shard run again (e.g. 2 or 1,3), then the merge;
#                   jobs already complete in OUTDIR are skipped, the rest are done
#   --no-merge      submit the shards only (merge later: sbatch deploy/slurm/docalign-merge.sbatch OUTDIR)
#   --sbatch OPT    passed to both sbatch calls (e.g. --sbatch --partition=long --sbatch --time=2:00:00)
#
# Logs: OUTDIR/logs/shard-ARRAYID_TASK.out and OUTDIR/logs/merge-JOBID.out. Outputs: OUTDIR/jobs/,
# OUTDIR/parts/shard-K-of-N.json, and after the merge OUTDIR/report.json and OUTDIR/corpus.*.
# MANIFEST, the pages and OUTDIR must be on storage that every node sees.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=4 docalign=docalign rerun="" merge=1 sbatch_opts=()
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=${2:?}; shift 2 ;;
    --docalign) docalign=${2:?}; shift 2 ;;
    --rerun) rerun=${2:?}; shift 2 ;;
    --no-merge) merge=0; shift ;;
    --sbatch) sbatch_opts+=("${2:?}"); shift 2 ;;
    -h|--help) usage 0 ;;
    --) break ;;
    -*) echo "submit.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
manifest=$(realpath -m "$1") outdir=$(realpath -m "$2")
shift 2
[ "${1:-}" = "--" ] && shift
case $shards in ''|*[!0-9]*|0) echo "submit.sh: --shards must be a positive number" >&2; exit 2 ;; esac
[ -e "$manifest" ] || { echo "submit.sh: $manifest: no such manifest or directory" >&2; exit 1; }
if [[ $docalign == */* ]]; then docalign=$(realpath "$docalign"); fi
mkdir -p "$outdir/logs"

export_vars="ALL,DOCALIGN=$docalign"
if [ -n "$rerun" ]; then
  # A partial array does not tell the shard count: pass it (task K runs --shard K/N).
  array=$rerun
  export_vars+=",DOCALIGN_SHARDS=$shards"
else
  array="0-$((shards - 1))"
fi
array_id=$(sbatch --parsable "${sbatch_opts[@]}" --array="$array" --export="$export_vars" \
  --output="$outdir/logs/shard-%A_%a.out" "$here/docalign-array.sbatch" "$manifest" "$outdir" "$@")
array_id=${array_id%%;*}
echo "submitted shards $array of $shards: job $array_id" >&2
merge_id=""
if [ "$merge" = 1 ]; then
  merge_id=$(sbatch --parsable "${sbatch_opts[@]}" --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
    --export="ALL,DOCALIGN=$docalign" --output="$outdir/logs/merge-%j.out" "$here/docalign-merge.sbatch" "$outdir")
  merge_id=${merge_id%%;*}
  echo "submitted the merge: job $merge_id (after every shard of job $array_id succeeded)" >&2
fi
echo "$array_id $merge_id"
