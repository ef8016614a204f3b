#!/usr/bin/env python3
"""Keeps the translation units of a release-mode JSONL output, as a translation memory would.

usage: release_translations.py RELEASE.jsonl [--min-score S] > TRANSLATIONS.jsonl

Reads `docalign align --mode release` JSONL and prints its `"relation": "translation"` units,
leaving out aligned units scoring below S (what `--min-score S` leaves out of TSV and TMX; a
pair the full-text pivot contradicted keeps a quarter of its score). Unaligned units are kept.
The output is what ../shared/tools/score_summary_alignment.py reads (with --target-document PAGE_B).
"""
import json, sys

def main(argv):
    if len(argv) < 1 or argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    path, minimum = argv[0], 0.0
    if "--min-score" in argv:
        minimum = float(argv[argv.index("--min-score") + 1])
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        unit = json.loads(line)
        if unit.get("relation") != "translation":
            continue
        if unit["source"] and unit["target"] and unit["score"] < minimum:
            continue
        sys.stdout.write(line)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
