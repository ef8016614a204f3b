#!/usr/bin/env python3
"""Build DocAlign's xx->en lexicons (fr, es, ru, ar) from the FreeDict dictionaries.

Usage:
    python3 Scripts/build_freedict_lexicon.py [--dictd DIR] [--out DIR] [LANG ...]

Defaults: DIR = /usr/share/dictd (Debian's dict-freedict-* packages), out = Resources/lexicon
(relative to the repository root), LANG = fr es ru ar.

Inputs (Debian packages, all GPL-2.0-or-later, FreeDict project):
    fr: dict-freedict-fra-eng (forward) + dict-freedict-eng-fra (reversed)
    es: dict-freedict-spa-eng (forward) + dict-freedict-eng-spa (reversed)
    ar: dict-freedict-ara-eng (forward) + dict-freedict-eng-ara (reversed)
    ru: dict-freedict-eng-rus (reversed; Debian has no rus-eng), then two pivots, each Russian
        translation of a German or French headword taking that headword's first English
        translations: dict-freedict-deu-rus + dict-freedict-deu-eng, dict-freedict-fra-rus +
        dict-freedict-fra-eng (ranked after the direct pairs)
    apt-get install dict-freedict-fra-eng dict-freedict-eng-fra dict-freedict-spa-eng \
        dict-freedict-eng-spa dict-freedict-ara-eng dict-freedict-eng-ara dict-freedict-eng-rus \
        dict-freedict-deu-rus dict-freedict-deu-eng dict-freedict-fra-rus libstemmer-dev

Output: Resources/lexicon/XX-en.tsv, UTF-8, LF, sorted by the key's UTF-8 bytes (DocAlign searches
the file in place by binary search):
    # comment lines (source, licence, how it was made)
    KEY<TAB>stem stem stem ...
KEY is the Snowball stem of a one-word headword of language XX, lower case, then with accents
removed (NFD, combining marks dropped; Russian ё -> е before stemming), exactly as DocAlign's
Swift side computes it for a word of a text.  The values are the Snowball English stems of the
content words of its translations (stop words of Resources/alignment/stopwords-en.txt dropped),
at most MAX_WORDS, one-word translations first, the forward dictionary before the reversed one.

Stemming uses the same libstemmer (Snowball 2.x, libstemmer.so from libstemmer-dev) as the Swift
side, through ctypes: the two sides always agree.  Standard library only; deterministic (the same
inputs give a byte-identical file).

Headwords of several words on the XX side are skipped (the aligner looks words up one by one), as
are XX-side stop words (Resources/alignment/stopwords-XX.txt) and keys shorter than 2 characters.
Parenthesised notes ("(fish) steak", "(نيتريل غير مشبع)"), quoted examples, IPA and part-of-speech
marks are removed.
"""

import argparse
import ctypes
import ctypes.util
import gzip
import os
import re
import sys
import unicodedata

MAX_WORDS = 8
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SOURCES = {
    "fr": [("fra-eng", "forward"), ("eng-fra", "reversed")],
    "es": [("spa-eng", "forward"), ("eng-spa", "reversed")],
    "ar": [("ara-eng", "forward"), ("eng-ara", "reversed")],
    "ru": [("eng-rus", "reversed"), ("deu-rus", "pivot:deu-eng"), ("fra-rus", "pivot:fra-eng")],
}
# A pivot headword gives at most this many English translations (its first ones).
PIVOT_WORDS = 3
ALGORITHM = {"fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic", "en": "english"}
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class Stemmer:
    """A Snowball stemmer from libstemmer through ctypes."""

    def __init__(self, algorithm):
        name = ctypes.util.find_library("stemmer")
        if not name:
            sys.exit("libstemmer not found: apt-get install libstemmer-dev")
        lib = ctypes.CDLL(name)
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.handle = lib.sb_stemmer_new(algorithm.encode(), b"UTF_8")
        if not self.handle:
            sys.exit("libstemmer has no algorithm " + algorithm)
        self.cache = {}

    def stem(self, word):
        if word in self.cache:
            return self.cache[word]
        data = word.encode("utf-8")
        pointer = self.lib.sb_stemmer_stem(self.handle, data, len(data))
        length = self.lib.sb_stemmer_length(self.handle)
        result = bytes(pointer[:length]).decode("utf-8", "replace")
        self.cache[word] = result
        return result


def fold(text):
    """Accents removed (canonical decomposition, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def words_of(text):
    """Lower-case letter runs (apostrophes and hyphens split words, as on the Swift side)."""
    return [w for w in re.findall(r"[^\W\d_]+", text.lower())]


def source_key(word, lang, stemmer):
    """The key of a word of language `lang`, as DocAlign's Swift side computes it."""
    w = word.lower()
    if lang == "ru":
        w = w.replace("ё", "е")
    if lang == "ar":
        w = strip_arabic_marks(w)
    return fold(stemmer.stem(w)) if lang in ("fr", "es") else stemmer.stem(w)


def strip_arabic_marks(text):
    """Arabic vowel marks, shadda and tatweel removed (unvocalised text, as in the press releases)."""
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))


def read_list(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.lower())
    return words


def translation_lines_only(phrases, script):
    """Phrases in the wanted script only (deu-rus and fra-rus explain senses in German/French)."""
    if script == "cyrillic":
        return [p for p in phrases if re.search(r"[\u0400-\u04ff]", p) and not re.search(r"[A-Za-z]", p)]
    return phrases


def entries(dictd, name):
    """(headword, [translation phrases]) for every entry of a dictd database, in file order."""
    def number(s):
        n = 0
        for c in s:
            n = n * 64 + B64.index(c)
        return n

    with gzip.open(os.path.join(dictd, "freedict-%s.dict.dz" % name)) as f:
        data = f.read()
    seen = set()
    result = []
    with open(os.path.join(dictd, "freedict-%s.index" % name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    for row in rows:
        if len(row) < 3 or row[0].startswith("00database") or row[0].startswith("00-database"):
            continue
        offset, length = number(row[1]), number(row[2])
        if offset in seen:
            continue
        seen.add(offset)
        text = data[offset:offset + length].decode("utf-8", "replace")
        lines = text.split("\n")
        head = re.sub(r"/[^/]*/", "", lines[0])  # IPA
        head = re.sub(r"<[^>]*>", "", head).strip()  # part of speech, gender
        if not head:
            continue
        phrases = []
        for line in lines[1:]:
            if not line.strip() or line.startswith(" ") and '"' in line:
                continue  # examples are indented and quoted
            if re.match(r"\s*(see|Synonyms?|Note|Antonyms?):", line):
                continue  # cross-references and notes (deu-eng)
            line = re.sub(r"<[^>]*>", " ", line)  # part of speech after a translation (deu-eng)
            line = re.sub(r"^\s*\d+\.\s*", "", line)
            line = re.sub(r"\([^)]*\)?", " ", line)  # notes, also unclosed at the line's end
            line = re.sub(r"\[[^\]]*\]", " ", line)
            for phrase in re.split(r"[,;،؛]", line):
                phrase = phrase.strip().strip('"').strip()
                if phrase:
                    phrases.append(phrase)
        result.append((head, phrases))
    return result


def build(lang, dictd, out_dir):
    xx_stemmer, en_stemmer = Stemmer(ALGORITHM[lang]), Stemmer("english")
    en_stop = read_list(os.path.join(ROOT, "Resources/alignment/stopwords-en.txt"))
    xx_stop = read_list(os.path.join(ROOT, "Resources/alignment/stopwords-%s.txt" % lang))
    table = {}  # key -> [(rank, stem)]

    def english_stems(phrase):
        return [en_stemmer.stem(w) for w in words_of(phrase) if len(w) > 1 and w not in en_stop and w.isascii()]

    def add(xx_phrase, en_phrase, rank):
        xx_words = words_of(xx_phrase)
        if lang == "ar":
            xx_words = [strip_arabic_marks(w) for w in xx_words]
        if len(xx_words) != 1 or xx_words[0] in xx_stop:
            return
        key = source_key(xx_words[0], lang, xx_stemmer)
        stems = english_stems(en_phrase)
        if len(key) < 2 or not stems:
            return
        # One-word translations first; the words of a phrase after them.
        rank = rank * 2 + (0 if len(stems) == 1 else 1)
        slot = table.setdefault(key, {})
        for stem in stems:
            if stem not in slot or slot[stem] > rank:
                slot[stem] = rank

    def load(name):
        path = os.path.join(dictd, "freedict-%s.index" % name)
        if not os.path.exists(path):
            sys.exit("%s missing: apt-get install dict-freedict-%s" % (path, name))
        return entries(dictd, name)

    used = []
    for order, (name, direction) in enumerate(SOURCES[lang]):
        pairs = load(name)
        if direction.startswith("pivot:"):
            # xx translations of a pivot-language headword take its first English translations.
            pivot_name = direction.split(":", 1)[1]
            english = {}
            for head, phrases in load(pivot_name):
                english.setdefault(head.lower(), [])
                for phrase in phrases:
                    if len(english[head.lower()]) < PIVOT_WORDS and phrase not in english[head.lower()]:
                        english[head.lower()].append(phrase)
            used.append("%s + %s (pivot, %d entries)" % (name, pivot_name, len(pairs)))
            for head, phrases in pairs:
                for phrase in translation_lines_only(phrases, "cyrillic"):
                    for en in english.get(head.lower(), []):
                        add(phrase, en, order)
            continue
        used.append("%s (%s, %d entries)" % (name, direction, len(pairs)))
        for head, phrases in pairs:
            for phrase in phrases:
                if direction == "forward":
                    add(head, phrase, order)
                else:
                    add(phrase, head, order)

    lines = []
    for key in sorted(table, key=lambda k: k.encode("utf-8")):
        if "\t" in key or "\n" in key:
            continue
        stems = sorted(table[key].items(), key=lambda item: item[1])  # stable: first-seen order kept
        lines.append(key + "\t" + " ".join(stem for stem, _ in stems[:MAX_WORDS]))
    header = [
        "# DocAlign %s->en lexicon: Snowball %s stem (lower case%s)<TAB>Snowball English stems" %
        (lang, ALGORITHM[lang], ", accents removed" if lang in ("fr", "es") else ""),
        "# source: FreeDict dictionaries (https://freedict.org/), Debian packages dict-freedict-*: " + "; ".join(used),
        "# entries: %d" % len(lines),
        "# licence: GPL-2.0-or-later (the FreeDict dictionaries' licence; this file keeps it)",
        "# conversion: Scripts/build_freedict_lexicon.py (its source form ships with this file)",
        "# changes: one-word headwords only, translations reduced to stemmed English content words (max %d)" % MAX_WORDS,
        "# generated by Scripts/build_freedict_lexicon.py — do not edit",
    ]
    path = os.path.join(out_dir, "%s-en.tsv" % lang)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    print("%s: %d keys -> %s" % (lang, len(lines), os.path.relpath(path, ROOT)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dictd", default="/usr/share/dictd")
    parser.add_argument("--out", default=os.path.join(ROOT, "Resources/lexicon"))
    parser.add_argument("langs", nargs="*", default=["fr", "es", "ru", "ar"])
    args = parser.parse_args()
    for lang in args.langs:
        if lang not in SOURCES:
            sys.exit("unknown language %s (fr, es, ru, ar)" % lang)
        build(lang, args.dictd, args.out)


if __name__ == "__main__":
    main()
