#!/usr/bin/env python3
"""Writes the two gold files of the afternoon release pair from the hand-made table below.

The table was written by hand while translating: for each sentence of the English page's
summary side (index as `docalign segment` prints it), the sentences of the Chinese page that
translate it (none: dropped by the Chinese editor). Chinese sentences missing from the table
were added by the Chinese editor. The script only looks the texts up and writes the shared
summary-gold format (../gold/README.md), once with the English page as source and once with
the Chinese page as source; the target side is the other page's summary.

usage: python3 make_gold.py   (run in this folder; needs a built docalign: ../../../../.build/debug/docalign)
"""
import json, subprocess

EN = "../../../../Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"
ZH = "hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt"
DOCALIGN = "../../../../.build/debug/docalign"

# English summary-side sentence -> Chinese sentences ("heading": page chrome, never a pair).
TABLE = {
    0: "heading", 1: [1], 2: [2], 3: [3], 4: [4], 5: [5],
    6: [7], 7: [8], 8: [9], 9: [9], 10: [10], 11: [11], 12: [12], 13: [], 14: [13],
    15: [14], 16: [16], 17: [16], 18: [17], 19: [18], 20: [19], 21: [20], 22: [21], 23: [22],
    24: [23], 25: [24], 26: [], 27: [25], 28: [26], 29: [27], 30: [28], 31: [29], 32: [31],
    33: [32], 34: [32], 35: [33], 36: [34], 37: [35], 38: [36], 39: [37],
}
ZH_SUMMARY_SIDE = 38  # sentences 0..<38 of the Chinese page precede its full text
ZH_CHROME = {0}

def sentences(path):
    out = subprocess.run([DOCALIGN, "segment", path, "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
    return [json.loads(line)["text"] for line in out.splitlines()]

def record(kind, text, targets):
    return {"kind": kind, "zh": text, "en": targets, "speaker": None, "tolerated": [], "sections": [], "entities": []}

def write(path, header, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in [header] + records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

en, zh = sentences(EN), sentences(ZH)
headings = ["Statements by the Moderator and the Panellists", "Interactive Dialogue", "Replies by the Panellists",
            "Interactive Debate", "Concluding Remarks"]
def header(doc, src, tgt):
    return {"document": doc, "target_document": "the other page", "source_lang": src, "target_lang": tgt,
            "boundary": headings[0], "headings": headings}

forward = []
for i in sorted(TABLE):
    t = TABLE[i]
    if t == "heading":
        forward.append(record("heading", en[i], []))
    else:
        forward.append(record("match" if t else "none", en[i], [zh[j] for j in t]))
write("afternoon.en-to-zh.gold.jsonl", header("hrc-2016-03-07-afternoon.en.txt", "en", "zh"), forward)

reverse = []
for j in range(ZH_SUMMARY_SIDE):
    sources = [i for i in sorted(TABLE) if TABLE[i] != "heading" and j in TABLE[i]]
    kind = "heading" if j in ZH_CHROME else ("match" if sources else "none")
    reverse.append(record(kind, zh[j], [en[i] for i in sources]))
write("afternoon.zh-to-en.gold.jsonl", header(ZH, "zh", "en"), reverse)
print(len(forward), "and", len(reverse), "records")
