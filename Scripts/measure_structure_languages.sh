#!/bin/sh
# Speaker accuracy, list precision/recall and resolved summary mentions on the French, Spanish,
# Russian and Arabic summary pages (Tests/DocAlignTests/Fixtures/languages), one Markdown table
# row per page.
# usage: Scripts/measure_structure_languages.sh [DOCALIGN]   (default .build/debug/docalign)
set -eu
DOCALIGN=${1:-.build/debug/docalign}
DIR=Tests/DocAlignTests/Fixtures/languages
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for page in "$DIR"/*.txt; do
  name=$(basename "$page" .txt)
  gold="$DIR/$name.gold.jsonl"
  [ -f "$gold" ] || continue
  "$DOCALIGN" align "$page" -o "$OUT/$name.jsonl"
  "$DOCALIGN" evaluate "$page" "$gold" "$OUT/$name.jsonl" --json > "$OUT/$name.eval.json"
  mentions=$("$DOCALIGN" structure "$page" | sed -n 's/^Summary mentions: \([0-9]*\), resolved \([0-9]*\)$/\2 of \1/p')
  python3 - "$OUT/$name.eval.json" "$name" "$mentions" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
def f(k): return "-" if e.get(k) is None else "%.3f" % e[k]
print("| %s | %s | %s / %s | %s |" % (sys.argv[2], f("speaker_acc"), f("list_p"), f("list_r"), sys.argv[3]))
PY
done
