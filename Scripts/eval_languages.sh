#!/usr/bin/env bash
# Issue 13's figures on the French, Spanish, Russian and Arabic test data
# (Tests/DocAlignTests/Fixtures/languages): per page, link P/R/F1, exact, null accuracy, speaker
# accuracy and list P/R with every lexical bridge; the ablation table (each bridge turned off in
# turn, and none: numbers, names and identical tokens only); parallel mode xx↔en on the
# pre-segmented pairs, strict and lax F1 per bridge setting.
#
# usage: Scripts/eval_languages.sh            (builds the release docalign when DOCALIGN is unset)
#        DOCALIGN=.build/debug/docalign Scripts/eval_languages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DOCALIGN:-}" ]; then
  swift build -c release --product docalign >/dev/null
  DOCALIGN="$(swift build -c release --show-bin-path)/docalign"
fi
data=Tests/DocAlignTests/Fixtures/languages
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
settings="all -stemmer -dictionary -cognates none"
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); v=d.get(sys.argv[2]); print('%.3f' % v if isinstance(v,(int,float)) else '-')" "$1" "$2"; }

pages=$(ls "$data"/*.gold.jsonl | sed 's|.*/||; s|\.gold\.jsonl$||' | sort -t. -k2,2 -k1,1)
echo "## Summary mode, all bridges"
echo
echo "| page | link P / R / F1 | exact | null | speaker | list P / R |"
echo "|---|---|---|---|---|---|"
declare -A f1 nulls
for page in $pages; do
  for setting in $settings; do
    "$DOCALIGN" align "$data/$page.txt" --bridges="$setting" -o "$out/$page.$setting.jsonl"
    figures=$("$DOCALIGN" evaluate "$data/$page.txt" "$data/$page.gold.jsonl" "$out/$page.$setting.jsonl" --json)
    f1[$page.$setting]=$(field "$figures" link_f1)
    nulls[$page.$setting]=$(field "$figures" null_acc)
    if [ "$setting" = all ]; then
      echo "| $page | $(field "$figures" link_p) / $(field "$figures" link_r) / $(field "$figures" link_f1) | $(field "$figures" exact) | $(field "$figures" null_acc) | $(field "$figures" speaker_acc) | $(field "$figures" list_p) / $(field "$figures" list_r) |"
    fi
  done
done
echo
echo "## Summary mode ablation: link F1 (null accuracy)"
echo
echo "| page | all | no stemmer | no dictionary | no cognates | none |"
echo "|---|---|---|---|---|---|"
for page in $pages; do
  row="| $page |"
  for setting in $settings; do row="$row ${f1[$page.$setting]} (${nulls[$page.$setting]}) |"; done
  echo "$row"
done
echo
echo "## Parallel mode xx↔en (--presegmented): strict F1 / lax F1"
echo
echo "| pair | all | no stemmer | no dictionary | no cognates | none (length + identical tokens) |"
echo "|---|---|---|---|---|---|"
for gold in "$data"/parallel/*.align; do
  pair=$(basename "$gold" .align)  # fr, or fr-noisy (deletions, insertions, a cut end)
  lang=${pair%%-*}
  row="| $pair ↔ en |"
  for setting in $settings; do
    "$DOCALIGN" align --presegmented "$data/parallel/$pair.$lang" "$data/parallel/$pair.en" --format links --bridges="$setting" -o "$out/$pair.$setting.align"
    figures=$("$DOCALIGN" evaluate --links "$gold" "$out/$pair.$setting.align" --json)
    row="$row $(field "$figures" f1_strict) / $(field "$figures" f1_lax) |"
  done
  echo "$row"
done
