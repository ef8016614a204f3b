"""Writes the gold files of the two test releases from the hand-made tables below.

Each table was written by hand while translating: for each summary-side sentence of the first
page (index as `docalign segment` prints it), the sentences of the second page that translate it
(empty: dropped by the second page's editor; "heading": page chrome, never a pair). Sentences of
the second page missing from the table were added by its editor. The script only looks the
texts up and writes the shared summary-gold format (../gold/README.md) both ways: with the first
page as source, and with the second page as source; the target side is the other page's summary.

usage: python3 make_gold.py   (run in this folder; needs a built docalign: ../../../../.build/debug/docalign)
"""
import json, subprocess

DOCALIGN = "../../../../.build/debug/docalign"
EXAMPLES = "../../../../Examples/un-press-releases/"

RELEASES = [
    {   # the real English afternoon page -> our Chinese page
        "first": EXAMPLES + "hrc-2016-03-07-afternoon.en.txt", "first_lang": "en",
        "second": "hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt", "second_lang": "zh",
        "forward": "afternoon.en-to-zh.gold.jsonl", "reverse": "afternoon.zh-to-en.gold.jsonl",
        "second_summary_side": 38, "second_chrome": {0},
        "headings": ["Statements by the Moderator and the Panellists", "Interactive Dialogue", "Replies by the Panellists",
                     "Interactive Debate", "Concluding Remarks"],
        "table": {
            0: "heading", 1: [1], 2: [2], 3: [3], 4: [4], 5: [5],
            6: [7], 7: [8], 8: [9], 9: [9], 10: [10], 11: [11], 12: [12], 13: [], 14: [13],
            15: [14], 16: [16], 17: [16], 18: [17], 19: [18], 20: [19], 21: [20], 22: [21], 23: [22],
            24: [23], 25: [24], 26: [], 27: [25], 28: [26], 29: [27], 30: [28], 31: [29], 32: [31],
            33: [32], 34: [32], 35: [33], 36: [34], 37: [35], 38: [36], 39: [37],
        },
    },
    {   # the real Chinese morning page -> our English page
        "first": EXAMPLES + "hrc-2016-03-07-morning.zh-summary.en-fulltext.txt", "first_lang": "zh",
        "second": "hrc-2016-03-07-morning.en.txt", "second_lang": "en",
        "forward": "morning.zh-to-en.gold.jsonl", "reverse": "morning.en-to-zh.gold.jsonl",
        "second_summary_side": 33, "second_chrome": {0},
        "headings": ["Opening Statements", "Statements by the Moderator and Panellists", "Discussion",
                     "Replies by the Panellists", "Concluding Remarks"],
        "table": {
            0: "heading", 1: [1], 2: [2], 3: [3], 4: [4], 5: [5], 6: [], 7: [6], 8: [6], 9: [7], 10: [8],
            11: [9], 12: [10], 13: [], 14: [12], 15: [13], 16: [14], 17: [16], 18: [17], 19: [18], 20: [],
            21: [19], 22: [20], 23: [20], 24: [21], 25: [22], 26: [23], 27: [23], 28: [24], 29: [25],
            30: [26], 31: [27], 32: [28], 33: [29], 34: [30], 35: [31], 36: [32],
        },
    },
]

def sentences(path):
    out = subprocess.run([DOCALIGN, "segment", path, "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
    return [json.loads(line)["text"] for line in out.splitlines()]

def record(kind, text, targets):
    return {"kind": kind, "zh": text, "en": targets, "speaker": None, "tolerated": [], "sections": [], "entities": []}

def write(path, header, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in [header] + records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

for release in RELEASES:
    first, second, table = sentences(release["first"]), sentences(release["second"]), release["table"]
    def header(doc, src, tgt, other):
        return {"document": doc.split("/")[-1], "target_document": other.split("/")[-1], "source_lang": src,
                "target_lang": tgt, "boundary": release["headings"][0], "headings": release["headings"]}
    forward = []
    for i in sorted(table):
        t = table[i]
        if t == "heading":
            forward.append(record("heading", first[i], []))
        else:
            forward.append(record("match" if t else "none", first[i], [second[j] for j in t]))
    write(release["forward"], header(release["first"], release["first_lang"], release["second_lang"], release["second"]), forward)
    reverse = []
    for j in range(release["second_summary_side"]):
        sources = [i for i in sorted(table) if table[i] != "heading" and j in table[i]]
        kind = "heading" if j in release["second_chrome"] else ("match" if sources else "none")
        reverse.append(record(kind, second[j], [first[i] for i in sources]))
    write(release["reverse"], header(release["second"], release["second_lang"], release["first_lang"], release["first"]), reverse)
    print(release["forward"], len(forward), "records;", release["reverse"], len(reverse), "records")
