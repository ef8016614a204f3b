#!/usr/bin/env python3
"""Checks the language fixtures in this folder (no third-party modules).

usage: check_gold.py [--scorer PATH/score_summary_alignment.py] [--write-perfect DIR]

Summary pages (`{meeting}.{lang}.txt` + `{meeting}.{lang}.gold.jsonl`): every `zh` text must
occur in the page before the boundary, every `en`/`tolerated` text after it, exactly once
there (texts compared after folding runs of white space), every list entity inside its list
sentence, every heading after the boundary. With --scorer, a perfect output built from the gold
is scored by the shared scorer, which must report link F1 1.0, null accuracy 1.0, speaker
accuracy 1.0, list precision and recall 1.0 and nothing unlocated.

Parallel pairs (`parallel/{lang}.{lang}`, `.en`, `.align`, and the derived
`parallel/{lang}-noisy.{lang}`, `.en`, `.align`): the beads must cover every line of
both sides exactly once, in order (monotone, no crossing), with no empty line.
Exit status 0 when everything passes, 1 otherwise.
"""
import glob, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def fold(s):
    return re.sub(r"\s+", " ", s).strip()

def check_page(page_path, gold_path, problems):
    text = fold(open(page_path, encoding="utf-8").read())
    lines = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    head, recs = lines[0], lines[1:]
    b = text.find(fold(head["boundary"]))
    if b < 0:
        problems.append(f"{gold_path}: boundary not in page"); return None
    for h in head["headings"]:
        if text.find(fold(h), b) < 0:
            problems.append(f"{gold_path}: heading {h!r} not after boundary")
    summary, full = text[:b], text[b:]
    for n, r in enumerate(recs, 2):
        where = f"{os.path.basename(gold_path)}:{n}"
        z = fold(r["zh"])
        # a short heading (a date) may recur inside a later sentence; its first occurrence is itself
        if summary.count(z) != 1 and not (r["kind"] == "heading" and summary.count(z) > 1):
            problems.append(f"{where}: summary text found {summary.count(z)} times before the boundary: {z[:60]!r}")
        for key in ("en", "tolerated"):
            for e in r.get(key) or []:
                c = full.count(fold(e))
                if c != 1:
                    problems.append(f"{where}: {key} text found {c} times in the full text: {e[:60]!r}")
        if r["kind"] == "match" and not r["en"]:
            problems.append(f"{where}: match without en")
        if r["kind"] != "match" and r["en"]:
            problems.append(f"{where}: {r['kind']} with en")
        for ent in r.get("entities") or []:
            if fold(ent["zh"]) not in z:
                problems.append(f"{where}: entity {ent['zh']!r} not in its list sentence")
            if ent["en"] is not None and fold(ent["en"]).lower() not in full.lower():
                problems.append(f"{where}: entity target {ent['en']!r} not in the full text")
    return recs

def perfect_output(recs):
    out = []
    for r in recs:
        u = {"source": [{"text": r["zh"]}], "target": [], "score": 1.0, "speaker": None, "mentions": []}
        if r["kind"] == "match":
            u["target"] = [{"text": e} for e in r["en"]]
            u["speaker"] = {"source": r["speaker"], "target": r["speaker"]}
        if r["kind"] == "list":
            u["mentions"] = [{"source": e["zh"], "target": e["en"]} for e in r["entities"]]
        out.append(u)
    return out

def check_parallel(name, problems):
    lang = name.split("-")[0]          # "fr" or "fr-noisy"
    base = os.path.join(HERE, "parallel", name)
    src = open(f"{base}.{lang}", encoding="utf-8").read().split("\n")
    tgt = open(f"{base}.en", encoding="utf-8").read().split("\n")
    for side, L in ((lang, src), ("en", tgt)):
        if L and L[-1] == "": L.pop()
        for i, l in enumerate(L):
            if not l.strip(): problems.append(f"{base}.{side}: empty line {i}")
    ns, nt = 0, 0
    for k, line in enumerate(open(f"{base}.align", encoding="utf-8")):
        m = re.fullmatch(r"\[([\d,\s]*)\]:\[([\d,\s]*)\]", line.strip())
        if not m:
            problems.append(f"{base}.align:{k}: bad bead {line.strip()!r}"); continue
        a = [int(x) for x in m.group(1).split(",") if x.strip()]
        c = [int(x) for x in m.group(2).split(",") if x.strip()]
        if not a and not c: problems.append(f"{base}.align:{k}: empty bead")
        if a != list(range(ns, ns + len(a))) or c != list(range(nt, nt + len(c))):
            problems.append(f"{base}.align:{k}: bead {line.strip()} does not continue at [{ns}]:[{nt}]")
        ns += len(a); nt += len(c)
    if ns != len(src) or nt != len(tgt):
        problems.append(f"{base}.align: covers {ns}/{len(src)} {lang} and {nt}/{len(tgt)} en lines")
    return len(src), len(tgt)

def main():
    argv = sys.argv[1:]
    scorer = argv[argv.index("--scorer") + 1] if "--scorer" in argv else None
    keep = argv[argv.index("--write-perfect") + 1] if "--write-perfect" in argv else None
    problems = []
    for gold in sorted(glob.glob(os.path.join(HERE, "*.gold.jsonl"))):
        page = gold[: -len(".gold.jsonl")] + ".txt"
        recs = check_page(page, gold, problems)
        if recs is None: continue
        kinds = {}
        for r in recs: kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        print(os.path.basename(page), "records:", len(recs), dict(sorted(kinds.items())))
        if scorer:
            import tempfile
            d = keep or tempfile.mkdtemp()
            p = os.path.join(d, os.path.basename(gold).replace(".gold.jsonl", ".perfect.jsonl"))
            with open(p, "w", encoding="utf-8") as f:
                for u in perfect_output(recs): f.write(json.dumps(u, ensure_ascii=False) + "\n")
            res = json.loads(subprocess.run([sys.executable, scorer, page, gold, p, "--json"],
                                            capture_output=True, text=True, check=True).stdout)
            print("   perfect output:", res)
            want = dict(link_f1=1.0, null_acc=1.0, speaker_acc=1.0, list_p=1.0, list_r=1.0,
                        unlocated=0, gold_sentences_not_in_document=0)
            for k, v in want.items():
                if res.get(k) != v:
                    problems.append(f"{os.path.basename(gold)}: perfect output gives {k} = {res.get(k)}")
    for a in sorted(glob.glob(os.path.join(HERE, "parallel", "*.align"))):
        name = os.path.basename(a)[:-len(".align")]
        print(f"parallel/{name}: lines xx/en =", check_parallel(name, problems))
    for p in problems: print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
