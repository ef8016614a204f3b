#!/usr/bin/env bash
# Time and peak memory of docalign on inputs too large for the tests (README, "Input files").
#
#   Benchmarks/large-inputs.sh [BIG_MB]        (default 1000: the 1 GB file)
#
# Makes, in Benchmarks/out/large/ (removed afterwards unless KEEP=1):
#   big.txt       BIG_MB of text: the two example pages repeated;
#   line.txt      a 20 MB line without a line break (words and sentence ends, no LF);
#   nobreak.txt   a 20 MB line without a line break and without a sentence end;
#   turns.txt     a page of 10,000 delegation turns after a short summary;
#   mixed.txt     2 MB with NUL-free odd text: every line-end mix, RTL marks, U+2028;
#   utf16.txt     the afternoon page as UTF-16LE without a BOM, repeated to 20 MB;
#   nul.txt       BIG_MB/10 of text with a NUL in the middle (must be refused, exit 1, fast).
# and runs the release build's `docalign segment`, `structure`, `align` on each as fits, with
# /usr/bin/time: wall time, peak RSS, exit status. Output: a Markdown table on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
big_mb=${1:-1000}
out=Benchmarks/out/large
mkdir -p "$out"
swift build -c release --product docalign >/dev/null
bin=$(swift build -c release --show-bin-path)/docalign
export DOCALIGN_RESOURCES=$PWD/Resources

python3 - "$out" "$big_mb" <<'PY'
import os, sys
out, big_mb = sys.argv[1], int(sys.argv[2])
pages = [open(p, encoding="utf-8").read() for p in (
    "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt",
    "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt")]
def repeat(path, text, size):
    chunk = text.encode("utf-8")
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(chunk); written += len(chunk)
repeat(f"{out}/big.txt", "\n\n".join(pages) + "\n\n", big_mb * 1_000_000)
repeat(f"{out}/line.txt", "The delegate of Kuwait said that children had to be protected online. ", 20_000_000)
repeat(f"{out}/nobreak.txt", "children and the internet and the council ", 20_000_000)
countries = ["Bahrain", "Kuwait", "Estonia", "South Africa", "Brazil", "China", "France", "Mexico", "Egypt", "Viet Nam"]
with open(f"{out}/turns.txt", "w", encoding="utf-8") as f:
    f.write("Human Rights Council holds debate\n\nGENEVA (7 March 2016) - The Council held a debate on children.\n\n")
    f.write("Bahrain said that children needed protection online.\n\nInteractive Dialogue\n\n")
    for k in range(10_000):
        f.write(f"{countries[k % 10]} said that statement number {k} concerned the protection of children online.\n\n")
ends = ["\n", "\r\n", "\r", "\u2028", "\n\r\n", "\r\r"]
block = "".join(f"\u200fSentence {k} of the mixed text\u200e ends here.{ends[k % 6]}" for k in range(600))
repeat(f"{out}/mixed.txt", block, 2_000_000)
afternoon = pages[1].encode("utf-16-le")
with open(f"{out}/utf16.txt", "wb") as f:
    written = 0
    while written < 20_000_000:
        f.write(afternoon); written += len(afternoon)
half = b"".join([("\n\n".join(pages)).encode()] * (big_mb * 1_000_000 // 20 // 66_000 + 1))
with open(f"{out}/nul.txt", "wb") as f:
    f.write(half); f.write(b"\0"); f.write(half)
PY

run() {  # run NAME FILE ARGS...
  local name=$1 file=$2; shift 2
  local stats=$out/time.txt
  set +e
  /usr/bin/time -f "%e %M" -o "$stats" "$bin" "$@" "$file" >/dev/null 2>"$out/stderr.txt"
  local rc=$?
  set -e
  read -r seconds kb <"$stats" || true
  local size_mb
  size_mb=$(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$file") / 1e6 }")
  printf '| %s | %s MB | `docalign %s` | %s s | %s MB | %s |\n' "$name" "$size_mb" "$*" "$seconds" "$((kb / 1024))" \
    "$rc$( [ $rc -ne 0 ] && printf ': %s' "$(head -c 120 "$out/stderr.txt" | tr '\n' ' ')" )"
}

echo "| input | size | command | time | peak RSS | exit |"
echo "|---|---|---|---|---|---|"
run "big (pages repeated)" "$out/big.txt" segment
run "big (pages repeated)" "$out/big.txt" segment --format jsonl
run "20 MB line, sentences" "$out/line.txt" segment
run "20 MB line, no sentence end" "$out/nobreak.txt" segment
run "20 MB line, sentences" "$out/line.txt" align --mode summary
run "10,000 turns" "$out/turns.txt" structure
run "10,000 turns" "$out/turns.txt" align
run "10,000 turns" "$out/turns.txt" coverage --format json
run "line-end mix + RTL marks" "$out/mixed.txt" segment --format jsonl
run "UTF-16LE without BOM" "$out/utf16.txt" segment
run "NUL in the middle" "$out/nul.txt" segment
[ "${KEEP:-0}" = 1 ] || rm -rf "$out"
