#!/usr/bin/env python3
"""Makes a benchmark corpus of N varied UN press-release pages from the seed pages in
Examples/un-press-releases/*.txt (a summary followed by the English full text, in one file).

usage: Scripts/make_corpus.py N OUTDIR [--seed S] [--examples DIR] [--duplicates RATE]
                              [--check-with DOCALIGN [--check-sample K]]

Each page is one of the seed pages, varied:
  - the sections of the full text (heading + its paragraphs) are put in another order;
  - some speaker turns (body paragraphs of the full text) are dropped, at least one kept per section;
  - countries are renamed consistently in the summary and the full text: every name of a country
    that speaks (English in the full text, the summary's language in the summary) becomes the name
    of a country absent from the page, from Resources/names/countries.tsv;
  - every sentence of the summary and of the full-text turns is numbered with the page's id, a
    tag placed before its final punctuation ("... children [p00042-17]." / "...合作[p00042-3]。"),
    so that the aligned units of different pages never coincide.
A share of the pages (RATE, default 0.05) are exact byte copies of an earlier page under a new id,
so that the corpus deduplication counts units more than once.

Writes OUTDIR/ID.txt, OUTDIR/manifest.tsv (header `id source mode`, for `docalign batch`) and
OUTDIR/variants.tsv (what was done to each page). The same N, seed and seed pages give the same
bytes; page k does not depend on N (a corpus of 200 is the first 200 pages of one of 20,000).
"""
import argparse
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BLANK_LINE = re.compile(r"\n(?:[ \t\u00a0\u3000]*\n)+")
DOC_HEADINGS = {"Documentation", "文件"}
# Sentence ends: terminal punctuation, then closing quotes/brackets.
ZH_END = re.compile(r"[。！？!?]+[”’」』)）]*")
EN_END = re.compile(r"[.?!]+[”’\"')\]]*(?=[\s\u00a0]+[“‘\"'(\[A-Z0-9]|[\s\u00a0]*$)")
EN_ABBREVIATIONS = {"Mr", "Ms", "Mrs", "Dr", "No", "Nos", "St", "Art", "para", "paras", "vol", "p", "pp",
                    "Prof", "Gen", "Amb", "H.E", "i.e", "e.g", "etc", "a.m", "p.m", "U.S", "U.N"}
# "Speaking were: A, B, C and D." / "以下国家在辩论期间发言:甲、乙和丙。"
LIST_INTRO = re.compile(r"[:：](?=(?:[^,、]*[,、]){2})")
WORD_BEFORE = re.compile(r"([\w.]+)$")
TAILING_PUNCT = re.compile(r"[.?!。！？]+[”’\"')\]」』）]*[\s\u00a0]*$")


def fail(message):
    print(f"make_corpus.py: {message}", file=sys.stderr)
    sys.exit(1)


def has_han(text):
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


def is_heading(paragraph):
    """A full-text section heading: one line of Latin words without closing punctuation."""
    p = paragraph.strip(" \t\u00a0")
    if "\n" in p or not p or len(p) > 80 or has_han(p):
        return False
    if p[-1] in ".。!?！？:;,":
        return False
    return p[0].isupper() and not p.startswith("_")


def ends_sentence(paragraph):
    p = paragraph.rstrip(" \t\u00a0\n")
    return bool(p) and p[-1] in ".。!?！？”\"’)"


class Page:
    """A seed page cut into paragraphs and the separators between them (kept byte for byte)."""

    def __init__(self, path):
        self.path = path
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"{path}: not UTF-8 ({e})")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.paragraphs, self.separators = [], []
        pos = 0
        for m in BLANK_LINE.finditer(text):
            self.paragraphs.append(text[pos:m.start()])
            self.separators.append(m.group())
            pos = m.end()
        self.paragraphs.append(text[pos:])
        self.separators.append("")
        self.separator = max(set(self.separators), key=self.separators.count)

        stripped = [p.strip(" \t\u00a0\n") for p in self.paragraphs]
        doc = next((i for i, p in enumerate(stripped) if p in DOC_HEADINGS), None)
        if doc is None:
            fail(f"{path}: no documentation heading ({' or '.join(sorted(DOC_HEADINGS))}) found")
        self.summary_start = next((i for i in range(doc) if ends_sentence(self.paragraphs[i])), None)
        if self.summary_start is None:
            fail(f"{path}: no summary paragraph before the documentation heading")
        self.summary_end = doc
        self.full_start = next((i for i in range(doc + 1, len(stripped)) if is_heading(self.paragraphs[i])), None)
        if self.full_start is None:
            fail(f"{path}: no section heading after the documentation")
        self.full_end = next((i for i in range(self.full_start, len(stripped)) if stripped[i].startswith("_")),
                             len(stripped))
        self.sections = []          # lists of paragraph indices, heading first
        for i in range(self.full_start, self.full_end):
            if is_heading(self.paragraphs[i]):
                self.sections.append([i])
            else:
                self.sections[-1].append(i)
        if len(self.sections) < 2:
            fail(f"{path}: fewer than two full-text sections")
        self.summary_language = "zh" if has_han("".join(self.paragraphs[self.summary_start:self.summary_end])) else "en"
        self._countries = None

    def countries(self, countries):
        """The keys of the countries named in the full text, and the keys named nowhere on the page."""
        if self._countries is None:
            full_text = "\n".join(self.paragraphs[self.full_start:self.full_end])
            en_all = countries.pattern("en")
            present = {countries.key_of(m.group(), "en") for m in en_all.finditer(full_text)} - {None, "EU"}
            whole = "\n".join(self.paragraphs)
            absent = [k for k in sorted(countries.names)
                      if countries.replaceable(k) and k not in present
                      and not any(n in whole for lang in ("en", "zh") for n in countries.names[k].get(lang, []))]
            self._countries = (sorted(present), absent)
        return self._countries


class Countries:
    """Resources/names/countries.tsv: every name of each key, per language; the first is the UN short name."""

    def __init__(self, path):
        self.names = {}
        self._patterns = {}
        self._keys = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                fail(f"{path}:{number}: expected KEY<TAB>LANG<TAB>NAME")
            key, lang, name = fields
            self.names.setdefault(key, {}).setdefault(lang, []).append(name)

    def pattern(self, lang):
        """Every country name in one language, the longest first (so "印度尼西亚" is not "印度" + "尼西亚")."""
        if lang in self._patterns:
            return self._patterns[lang]
        names = sorted({n for by_lang in self.names.values() for n in by_lang.get(lang, [])}, key=len, reverse=True)
        if not names:
            return None
        body = "|".join(re.escape(n) for n in names)
        pattern = re.compile(body if lang == "zh" else rf"(?<![\w-])(?:{body})(?![\w-])")
        self._patterns[lang] = pattern
        return pattern

    def key_of(self, name, lang):
        if not self._keys:
            for key, by_lang in self.names.items():
                for language, names in by_lang.items():
                    for n in names:
                        self._keys.setdefault((language, n), key)
        return self._keys.get((lang, name))

    def replaceable(self, key):
        """Keys a page can be renamed to: plain names in English and Chinese (no brackets or commas)."""
        if key in ("EU", "XK"):
            return False
        by_lang = self.names[key]
        return all(lang in by_lang and not re.search(r"[(),（）]", by_lang[lang][0]) for lang in ("en", "zh"))


def split_sentences(paragraph, lang):
    """End offsets (before the final punctuation) of the sentences of one paragraph."""
    ends = []
    if lang == "zh":
        for m in ZH_END.finditer(paragraph):
            ends.append(m.start())
        tail = paragraph.rstrip(" \t\u00a0\n")
        if tail and not ZH_END.search(tail[-3:]):
            ends.append(len(tail))
        return ends
    for m in EN_END.finditer(paragraph):
        word = WORD_BEFORE.search(paragraph, max(0, m.start() - 40), m.start())
        starts_word = word is not None and (word.start() == 0 or paragraph[word.start() - 1] in " \t\n\u00a0(“\"")
        if starts_word and m.group().startswith(".") and (word.group(1) in EN_ABBREVIATIONS or len(word.group(1)) == 1):
            continue  # "Mr. Smith", "John F. Kennedy": not a sentence end
        ends.append(m.start())
    tail = paragraph.rstrip(" \t\u00a0\n")
    if tail and (not ends or not TAILING_PUNCT.search(tail)):
        if not ends or ends[-1] < len(tail) - 1:
            ends.append(len(tail))
    return sorted(set(ends))


def number_sentences(paragraph, lang, page_id, counter):
    """The paragraph with a tag [ID-K] before the final punctuation of each sentence."""
    out, pos = [], 0
    for end in split_sentences(paragraph, lang):
        counter[0] += 1
        body = paragraph[pos:end]
        trimmed = body.rstrip(" \t\u00a0\n")
        tag = f"[{page_id}-{counter[0]}]" if lang == "zh" else f" [{page_id}-{counter[0]}]"
        colon = LIST_INTRO.search(trimmed)
        if colon:   # a list of speakers: the tag goes before its colon, so that the last name stays a name
            out.append(trimmed[:colon.start()] + tag + trimmed[colon.start():] + body[len(trimmed):])
        else:
            out.append(trimmed + tag + body[len(trimmed):])
        pos = end
    out.append(paragraph[pos:])
    return "".join(out)


def make_variant(page, countries, rng, page_id):
    """One varied page and a description of what was varied."""
    paragraphs = list(page.paragraphs)
    notes = []
    # Rename countries that speak in the full text (both sides, consistently).
    present, absent = page.countries(countries)
    mapping = {}
    if present and rng.random() < 0.85:
        chosen = [k for k in present if rng.random() < 0.6]
        targets = rng.sample(absent, min(len(chosen), len(absent)))
        mapping = dict(zip(chosen, targets))
    if mapping:
        def renamer(lang):
            def replace(m):
                key = countries.key_of(m.group(), lang)
                return countries.names[mapping[key]][lang][0] if key in mapping else m.group()
            return replace
        en_pattern = countries.pattern("en")
        for i in range(page.full_start, page.full_end):
            paragraphs[i] = en_pattern.sub(renamer("en"), paragraphs[i])
        lang = page.summary_language
        summary_pattern = countries.pattern(lang)
        if summary_pattern is not None:
            for i in range(page.summary_start, page.summary_end):
                paragraphs[i] = summary_pattern.sub(renamer(lang), paragraphs[i])
        notes.append("renamed " + ",".join(f"{k}>{v}" for k, v in sorted(mapping.items())))
    # Number every sentence of the summary and of the full-text turns.
    counter = [0]
    for i in range(page.summary_start, page.summary_end):
        paragraphs[i] = number_sentences(paragraphs[i], page.summary_language, page_id, counter)
    for section in page.sections:
        for i in section[1:]:
            paragraphs[i] = number_sentences(paragraphs[i], "en", page_id, counter)
    # Drop turns, then reorder the sections.
    drop_rate = rng.choice([0.0, 0.05, 0.1, 0.2])
    sections, dropped = [], 0
    for section in page.sections:
        body = [i for i in section[1:] if rng.random() >= drop_rate]
        if not body and len(section) > 1:
            body = [rng.choice(section[1:])]
        dropped += len(section) - 1 - len(body)
        sections.append([section[0]] + body)
    if dropped:
        notes.append(f"dropped {dropped} turns")
    order = list(range(len(sections)))
    if rng.random() < 0.7:
        rng.shuffle(order)
        if order != sorted(order):
            notes.append("sections " + ",".join(str(k) for k in order))
    full = [i for k in order for i in sections[k]]
    indices = list(range(page.full_start)) + full + list(range(page.full_end, len(paragraphs)))
    text = []
    for n, i in enumerate(indices):
        text.append(paragraphs[i])
        if n + 1 < len(indices):
            text.append(page.separators[i] if page.separators[i] else page.separator)
    text.append(page.separators[len(paragraphs) - 1])
    return "".join(text), counter[0], "; ".join(notes) or "numbered only"


def check_sample(out, ids, docalign, sample):
    """Runs `docalign segment` and `docalign align` on an even sample of the pages: every numbering tag
    must fall in a sentence of its own (one tag per sentence, none lost) and every page must align."""
    import json
    import subprocess
    tag = re.compile(r"\[p\d+-\d+\]")
    step = max(1, len(ids) // sample)
    chosen = ids[::step][:sample]
    aligned_counts, problems = [], []
    for page_id in chosen:
        path = out / f"{page_id}.txt"
        tags = len(tag.findall(path.read_text(encoding="utf-8")))
        seg = subprocess.run([docalign, "segment", str(path), "--format", "jsonl"], capture_output=True, text=True)
        if seg.returncode != 0:
            problems.append(f"{path}: docalign segment exited with {seg.returncode}: {seg.stderr.strip()[:200]}")
            continue
        per_unit = [len(tag.findall(json.loads(line)["text"])) for line in seg.stdout.splitlines() if line.strip()]
        if max(per_unit, default=0) > 1 or sum(per_unit) != tags:
            problems.append(f"{path}: {tags} numbered sentences, but segmentation gives {sum(1 for n in per_unit if n == 1)} "
                            f"units with one tag and {sum(1 for n in per_unit if n > 1)} with several")
        al = subprocess.run([docalign, "align", str(path)], capture_output=True, text=True)
        if al.returncode != 0:
            problems.append(f"{path}: docalign align exited with {al.returncode}: {al.stderr.strip()[:200]}")
            continue
        aligned = sum(1 for line in al.stdout.splitlines() if line.strip() and json.loads(line)["target"])
        if aligned == 0:
            problems.append(f"{path}: no aligned unit")
        aligned_counts.append(aligned)
    for p in problems:
        print(f"make_corpus.py: check: {p}", file=sys.stderr)
    if aligned_counts:
        print(f"checked {len(chosen)} pages with {docalign}: {len(chosen) - len(problems)} passed; aligned units per page "
              f"min {min(aligned_counts)}, mean {sum(aligned_counts) / len(aligned_counts):.1f}, max {max(aligned_counts)}",
              file=sys.stderr)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("outdir")
    ap.add_argument("--seed", default="0", help="random seed (any string; default 0)")
    ap.add_argument("--examples", default=str(REPO / "Examples" / "un-press-releases"))
    ap.add_argument("--countries", default=str(REPO / "Resources" / "names" / "countries.tsv"))
    ap.add_argument("--duplicates", type=float, default=0.05, help="share of pages that copy an earlier one")
    ap.add_argument("--check-with", metavar="DOCALIGN",
                    help="then check a sample of the pages with this docalign: one numbering tag per sentence "
                         "(docalign segment) and at least one aligned unit per page (docalign align); exit 1 if not")
    ap.add_argument("--check-sample", type=int, default=20, metavar="K", help="pages to check (default 20)")
    a = ap.parse_args()
    if a.n < 1:
        fail("N must be at least 1")
    if not 0 <= a.duplicates < 1:
        fail("--duplicates must be in [0, 1)")
    seeds = sorted(Path(a.examples).glob("*.txt"))
    if not seeds:
        fail(f"{a.examples}: no *.txt seed pages")
    pages = [Page(p) for p in seeds]
    countries = Countries(Path(a.countries))
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(a.n - 1)))
    manifest = ["id\tsource\tmode"]
    variants = ["id\tseed_page\tduplicate_of\tsentences\tvariation"]
    originals = []   # (id, text, sentences, seed page name)
    for k in range(a.n):
        rng = random.Random(f"{a.seed}:{k}")
        page_id = f"p{k:0{width}d}"
        mode = rng.choice(["auto", "summary"])
        if originals and rng.random() < a.duplicates:
            orig_id, text, sentences, seed_name = rng.choice(originals)
            variants.append(f"{page_id}\t{seed_name}\t{orig_id}\t{sentences}\texact copy")
        else:
            page = pages[rng.randrange(len(pages))]
            text, sentences, note = make_variant(page, countries, rng, page_id)
            originals.append((page_id, text, sentences, page.path.name))
            variants.append(f"{page_id}\t{page.path.name}\t\t{sentences}\t{note}")
        tmp = out / f".{page_id}.txt.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out / f"{page_id}.txt")
        manifest.append(f"{page_id}\t{page_id}.txt\t{mode}")
    (out / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    (out / "variants.tsv").write_text("\n".join(variants) + "\n", encoding="utf-8")
    copies = sum(1 for v in variants[1:] if v.endswith("exact copy"))
    print(f"{a.n} pages ({copies} exact copies) in {out}; manifest {out / 'manifest.tsv'}", file=sys.stderr)
    if a.check_with and not check_sample(out, [m.split("\t")[0] for m in manifest[1:]], a.check_with,
                                         max(1, a.check_sample)):
        sys.exit(1)


if __name__ == "__main__":
    main()
