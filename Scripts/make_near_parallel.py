#!/usr/bin/env python3
"""Near-parallel variants of a sentence-aligned corpus, with gold links.

A translation memory's inputs are rarely strictly parallel: sentences are dropped on one side,
unrelated sentences are inserted, scraped pages are cut off mid-text. This script makes such
variants from a corpus given as one sentence per line with gold beads in the peers' link format
(`[zh ids]:[en ids]`, 0-based, as in MAC-Dev), so that an aligner's handling of omissions can be
measured:

  * deletion: each side independently loses RATE of its sentences, chosen at random. A gold bead
    keeps the sentences that survive; a bead that loses one whole side becomes 1-0 (or 0-1) beads,
    one per surviving sentence; a bead that loses both sides disappears.
  * insertion (--insert RATE): sentences of another document of the corpus (the next one, cyclically)
    are inserted at random places of one side (chosen at random per sentence); each is a 1-0/0-1
    bead in the gold.
  * cut (--cut FRACTION): one side (chosen at random) loses its last FRACTION of sentences, as a
    page cut off mid-text; their partners become 1-0/0-1 beads.

Usage:
  make_near_parallel.py --corpus ../shared/data/parallel/mac-dev --out DIR --delete 0.2 [--insert 0.05]
                        [--cut 0.1] [--seed 1]
writes DIR/zh/NNN.zh, DIR/en/NNN.en, DIR/gold/NNN.align for every document of the corpus.
The random choices depend only on --seed and the document's name, so a variant is reproducible.
"""
import argparse
import os
import random
import re
import sys

BEAD = re.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]")


def read_beads(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            m = BEAD.match(line)
            if not m:
                sys.exit(f"{path}:{number}: not a bead such as [0,1]:[2]: {line.strip()!r}")
            ids = lambda s: [int(x) for x in s.split(",") if x.strip()]
            beads.append((ids(m.group(1)), ids(m.group(2))))
    return beads


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


def make_variant(zh, en, beads, rng, delete, insert, cut, donor_zh, donor_en):
    """Returns (zh lines, en lines, gold beads) of one variant."""
    # Each sentence becomes an item: ("zh"|"en", original index or None for an inserted sentence).
    keep_zh = [rng.random() >= delete for _ in zh]
    keep_en = [rng.random() >= delete for _ in en]
    if cut > 0:
        side = rng.choice(["zh", "en"])
        keep = keep_zh if side == "zh" else keep_en
        start = int(round(len(keep) * (1 - cut)))
        for k in range(start, len(keep)):
            keep[k] = False
    # Walk the gold beads in order, building both sides and the new gold; insertions are placed
    # between beads.
    out_zh, out_en, gold = [], [], []
    inserts = []
    if insert > 0:
        count_zh = int(round(insert * len(zh)))
        count_en = int(round(insert * len(en)))
        for _ in range(count_zh):
            inserts.append(("zh", rng.randrange(len(beads) + 1), rng.choice(donor_zh)))
        for _ in range(count_en):
            inserts.append(("en", rng.randrange(len(beads) + 1), rng.choice(donor_en)))
    by_position = {}
    for side, position, text in inserts:
        by_position.setdefault(position, []).append((side, text))

    def emit_inserts(position):
        for side, text in by_position.get(position, []):
            if side == "zh":
                gold.append(([len(out_zh)], []))
                out_zh.append(text)
            else:
                gold.append(([], [len(out_en)]))
                out_en.append(text)

    for k, (s, t) in enumerate(beads):
        emit_inserts(k)
        s2 = [i for i in s if keep_zh[i]]
        t2 = [j for j in t if keep_en[j]]
        new_s = list(range(len(out_zh), len(out_zh) + len(s2)))
        out_zh.extend(zh[i] for i in s2)
        new_t = list(range(len(out_en), len(out_en) + len(t2)))
        out_en.extend(en[j] for j in t2)
        if new_s and new_t:
            gold.append((new_s, new_t))
        else:
            gold.extend(([i], []) for i in new_s)
            gold.extend(([], [j]) for j in new_t)
    emit_inserts(len(beads))
    return out_zh, out_en, gold


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="folder with zh/, en/, gold/ (MAC-Dev layout)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--delete", type=float, default=0.2, help="share of sentences deleted on each side")
    parser.add_argument("--insert", type=float, default=0.0, help="share of unrelated sentences inserted")
    parser.add_argument("--cut", type=float, default=0.0, help="share of one side cut off at its end")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for rate in (args.delete, args.insert, args.cut):
        if not 0 <= rate < 1:
            sys.exit("rates must be in [0, 1)")
    names = sorted(f[:-6] for f in os.listdir(os.path.join(args.corpus, "gold")) if f.endswith(".align"))
    if not names:
        sys.exit(f"{args.corpus}/gold holds no .align files")
    for sub in ("zh", "en", "gold"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    texts = {n: (read_lines(os.path.join(args.corpus, "zh", n + ".zh")),
                 read_lines(os.path.join(args.corpus, "en", n + ".en"))) for n in names}
    for k, name in enumerate(names):
        zh, en = texts[name]
        beads = read_beads(os.path.join(args.corpus, "gold", name + ".align"))
        donor = names[(k + 1) % len(names)]
        rng = random.Random(f"{args.seed}:{name}:{args.delete}:{args.insert}:{args.cut}")
        out_zh, out_en, gold = make_variant(zh, en, beads, rng, args.delete, args.insert, args.cut, *texts[donor])
        with open(os.path.join(args.out, "zh", name + ".zh"), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in out_zh))
        with open(os.path.join(args.out, "en", name + ".en"), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in out_en))
        with open(os.path.join(args.out, "gold", name + ".align"), "w", encoding="utf-8") as f:
            for s, t in gold:
                f.write(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n")


if __name__ == "__main__":
    main()
