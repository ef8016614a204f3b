#!/usr/bin/env python3
"""Derives the noisy parallel pairs `{lang}-noisy.*` from the hand-translated pairs `{lang}.*`.

usage: make_noisy.py   (run in this folder; rewrites {lang}-noisy.{lang}, .en, .align)

For each language, with a fixed seed: about 15% of the 1-1 beads lose their translation (0-1),
about 10% lose their English sentence (1-0), three sentences of the same language that translate
nothing here are inserted (1-0: summary sentences of the other meeting, taken from that
language's other summary page in ../), two English sentences of the other meeting are inserted
(0-1: full-text sentences named by that page's gold), and the last
four English lines are cut off (their translations become 1-0), as on a page scraped mid-text.
Beads stay monotone; the gold follows from the base gold mechanically. The committed outputs are
the reference (Python's random module may change between versions).
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OTHER = {"fr": "hrc-afternoon.fr", "es": "hrc-afternoon.es", "ru": "hrc-morning.ru", "ar": "hrc-morning.ar"}

def read_lines(p):
    return open(p, encoding="utf-8").read().rstrip("\n").split("\n")

def beads(p):
    out = []
    for line in read_lines(p):
        a, b = line.split(":")
        ids = lambda s: [int(x) for x in s.strip("[]").split(",") if x]
        out.append((ids(a), ids(b)))
    return out

def other_material(lang):
    gold = os.path.join(HERE, "..", OTHER[lang] + ".gold.jsonl")
    recs = [json.loads(l) for l in open(gold, encoding="utf-8")][1:]
    xx = [r["zh"] for r in recs if r["kind"] == "match" and "\n" not in r["zh"]]
    en = [e for r in recs if r["kind"] == "match" for e in r["en"]]
    return xx, en

def main():
    for k, lang in enumerate(["fr", "es", "ru", "ar"]):
        rng = random.Random(1300 + k)
        X = read_lines(os.path.join(HERE, f"{lang}.{lang}"))
        E = read_lines(os.path.join(HERE, f"{lang}.en"))
        B = beads(os.path.join(HERE, f"{lang}.align"))
        # beads as lists of texts
        T = [([X[i] for i in a], [E[j] for j in b]) for a, b in B]
        ones = [i for i, (a, b) in enumerate(T) if len(a) == 1 and len(b) == 1]
        rng.shuffle(ones)
        n_x, n_e = round(0.15 * len(ones)), round(0.10 * len(ones))
        drop_x, drop_e = set(ones[:n_x]), set(ones[n_x:n_x + n_e])
        out = []
        for i, (a, b) in enumerate(T):
            if i in drop_x:
                out.append(([], b))
            elif i in drop_e:
                out.append((a, []))
            else:
                out.append((a, b))
        oxx, oen = other_material(lang)
        rng.shuffle(oxx); rng.shuffle(oen)
        slots = sorted(rng.sample(range(1, len(out)), 5))
        inserts = [([s], []) for s in oxx[:3]] + [([], [s]) for s in oen[:2]]
        rng.shuffle(inserts)
        for pos, ins in sorted(zip(slots, inserts), reverse=True):
            out.insert(pos, ins)
        # cut the last four English lines
        cut = 4
        while cut > 0:
            for i in range(len(out) - 1, -1, -1):
                if out[i][1]:
                    a, b = out[i]
                    keep = b[:-1]
                    out[i] = (a, keep)
                    if not a and not keep:
                        del out[i]
                    elif a and not keep and len(a) > 1:
                        out[i:i + 1] = [([s], []) for s in a]
                    cut -= 1
                    break
        xs, es, al = [], [], []
        for a, b in out:
            if not a and not b:
                continue
            ia = list(range(len(xs), len(xs) + len(a))); xs += a
            ib = list(range(len(es), len(es) + len(b))); es += b
            al.append(f"[{','.join(map(str, ia))}]:[{','.join(map(str, ib))}]")
        base = os.path.join(HERE, f"{lang}-noisy")
        open(f"{base}.{lang}", "w", encoding="utf-8").write("\n".join(xs) + "\n")
        open(f"{base}.en", "w", encoding="utf-8").write("\n".join(es) + "\n")
        open(f"{base}.align", "w", encoding="utf-8").write("\n".join(al) + "\n")
        shapes = {}
        for line in al:
            a, b = line.split(":")
            s = f"{len([x for x in a.strip('[]').split(',') if x])}-{len([x for x in b.strip('[]').split(',') if x])}"
            shapes[s] = shapes.get(s, 0) + 1
        print(f"{lang}-noisy: {len(xs)} {lang} / {len(es)} en lines, beads {dict(sorted(shapes.items()))}")

if __name__ == "__main__":
    main()
