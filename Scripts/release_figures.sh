#!/usr/bin/env bash
# Release mode's figures on the two test releases (Tests/DocAlignTests/Fixtures/release), both
# ways, without and with the full-text pivot: the translation units of `docalign align --mode
# release PAGE_A PAGE_B`, aligned units below --min-score left out (Scripts/release_translations.py),
# scored by `docalign evaluate PAGE_A GOLD OUT --target-document PAGE_B` and, when it is there, by
# the shared scorer (../shared/tools/score_summary_alignment.py); the two must agree.
# usage: Scripts/release_figures.sh [DOCALIGN] [MIN_SCORE]     (default .build/debug/docalign, 0.2)
set -euo pipefail
cd "$(dirname "$0")/.."
docalign=${1:-.build/debug/docalign}; min=${2:-0.2}
fx=Tests/DocAlignTests/Fixtures/release; ex=Examples/un-press-releases
scorer=../shared/tools/score_summary_alignment.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rows=(
  "$ex/hrc-2016-03-07-afternoon.en.txt|$fx/hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt|$fx/afternoon.en-to-zh.gold.jsonl|afternoon en → zh"
  "$fx/hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt|$ex/hrc-2016-03-07-afternoon.en.txt|$fx/afternoon.zh-to-en.gold.jsonl|afternoon zh → en"
  "$ex/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt|$fx/hrc-2016-03-07-morning.en.txt|$fx/morning.zh-to-en.gold.jsonl|morning zh → en"
  "$fx/hrc-2016-03-07-morning.en.txt|$ex/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt|$fx/morning.en-to-zh.gold.jsonl|morning en → zh"
)
echo "| release | pivot | link P | link R | link F1 | exact | null |"
echo "|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r a b gold name <<<"$row"
  for pivot in off on; do
    flag=(); [ $pivot = off ] && flag=(--no-pivot)
    "$docalign" align --mode release "$a" "$b" "${flag[@]}" -o "$tmp/out.jsonl"
    python3 Scripts/release_translations.py "$tmp/out.jsonl" --min-score "$min" > "$tmp/t.jsonl"
    ours=$("$docalign" evaluate "$a" "$gold" "$tmp/t.jsonl" --target-document "$b" --json)
    if [ -f "$scorer" ]; then
      theirs=$(python3 "$scorer" "$a" "$gold" "$tmp/t.jsonl" --target-document "$b" --json)
      python3 - "$ours" "$theirs" <<'P'
import json, sys
a, b = (json.loads(x) for x in sys.argv[1:3])
keys = ["link_p", "link_r", "link_f1", "exact", "null_acc"]
bad = [k for k in keys if a.get(k) != b.get(k)]
if bad: sys.exit(f"docalign evaluate and the shared scorer differ on {bad}: {a} vs {b}")
P
    fi
    python3 - "$ours" "$name" "$pivot" <<'P'
import json, sys
d = json.loads(sys.argv[1])
f = lambda v: "–" if v is None else f"{v:.3f}"
print(f"| {sys.argv[2]} | {sys.argv[3]} | {f(d['link_p'])} | {f(d['link_r'])} | {f(d['link_f1'])} | {f(d['exact'])} | {f(d['null_acc'])} |")
P
  done
done
