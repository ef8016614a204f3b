#!/usr/bin/env python3
"""Runs `docalign segment - --lang LANG --format jsonl` on every case of a golden-rule file
(one JSON object a line: {"id", "text", "sentences"}) and reports how many come out exactly right
(sentences compared after trimming white space), listing the failures.

usage: Scripts/eval_segmentation.py CASES.jsonl LANG [--docalign PATH] [--quiet]
"""
import argparse, json, subprocess, sys

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases"); ap.add_argument("lang")
    ap.add_argument("--docalign", default=".build/release/docalign")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    cases = [json.loads(l) for l in open(a.cases, encoding="utf-8") if l.strip()]
    passed = 0
    for c in cases:
        r = subprocess.run([a.docalign, "segment", "-", "--lang", a.lang, "--format", "jsonl"],
                           input=c["text"].encode(), capture_output=True)
        got = [json.loads(l)["text"].strip() for l in r.stdout.decode().splitlines() if l.strip()]
        want = [s.strip() for s in c["sentences"]]
        if r.returncode == 0 and got == want:
            passed += 1
        elif not a.quiet:
            print(f"FAIL {c['id']}: {c['text']!r}\n   want {want}\n   got  {got}")
    print(f"{a.cases}: {passed}/{len(cases)} passed")

if __name__ == "__main__":
    main()
