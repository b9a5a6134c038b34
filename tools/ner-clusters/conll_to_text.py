#!/usr/bin/env python3
"""Turns CoNLL-style NER files into plain tokenized text for vigil-ner-clusters.

Writes one sentence per line, tokens joined by single spaces (labels dropped).

    conll_to_text.py [--format FMT] [--parts FROM-TO/P] [--out FILE] FILE...

Formats (--format auto detects them per file):
  conllu     idx<TAB>token<TAB>tag...      blank line = sentence break; -DOCSTART- dropped
  germeval   as conllu, plus "#<TAB>url..." comment lines (skipped)
  tsv        token<TAB>tag (WikiANN "fr:token" prefixes stripped when every token has one);
             a blank or whitespace-only line is a sentence break
  newsfane   tsv with CRLF, a UTF-8 BOM and U+200E/U+200F marks (stripped);
             a line holding a lone TAB is a sentence break
  europeana  token<SPACE>tag, no sentence breaks: a sentence ends after a token
             ". ! ?" (and at "# file:" header lines, blank lines)
  hipe       HIPE-2022 TSV: "TOKEN ..." header, "#" comments, sentence ends where
             the last (MISC) column contains EndOfSentence

--mac-cyrillic-fix undoes the Mac-Cyrillic mis-decoding of de/conll2003/train.conllu
(see data/ner/SOURCES.md): text.encode("mac_cyrillic").decode("latin-1") per line.

--parts FROM-TO/P keeps a contiguous block of each file's sentences: sentence s
(0-based) of S is in part floor(s*P/S)+1, and parts FROM..TO are kept (e.g.
NewsFANE 1-5/6 keeps the first five sixths).

Held-out evaluation files are refused (exit status 2): any file whose name
matches test*, *-test-*, *test.conllu, *hipe2020-test*, *newseye-test*,
wikigold*, ANERCorp, or holding "test" as a -/_/. separated part of the name
(NER-de-test.tsv); case-insensitive; a wikigold*/ANERCorp directory in the path
counts too, and symbolic links are resolved.
"""

import argparse
import fnmatch
import os
import re
import sys

HELD_OUT = ("test*", "*-test-*", "*test.conllu", "*hipe2020-test*", "*newseye-test*", "wikigold*", "anercorp")
FORMATS = ("auto", "conllu", "germeval", "tsv", "newsfane", "europeana", "hipe")
MARKS = dict.fromkeys(map(ord, "\u200e\u200f\ufeff"))  # LRM, RLM, BOM
SENTENCE_END = {".", "!", "?"}
TEST_WORD = re.compile(r"(^|[-_.])test([-_.]|$)")  # also NER-de-test.tsv, dev_test.txt ...
LANG_PREFIX = re.compile(r"^[a-z]{2,3}:(?=.)")
EUROPEANA_HEADER = re.compile(r"^# [a-z ]+:\t")


def held_out(path):
    for p in (path, os.path.realpath(path)):
        parts = [x.lower() for x in re.split(r"[\\/]", p) if x]
        if any(fnmatch.fnmatchcase(x, "wikigold*") or x == "anercorp" for x in parts):
            return True
        base = os.path.basename(p).lower()
        if any(fnmatch.fnmatchcase(base, pattern) for pattern in HELD_OUT) or TEST_WORD.search(base):
            return True
    return False


def read_lines(path, mac_cyrillic_fix=False):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8", errors="replace")
    if mac_cyrillic_fix:
        text = undo_mac_cyrillic(text)
    marks = "\u200e" in text or "\u200f" in text
    return [line.rstrip("\r").translate(MARKS) for line in text.split("\n")], marks


def undo_mac_cyrillic(text):
    """Repairs Latin-1 text that was mis-decoded as Mac-Cyrillic (de/conll2003/train.conllu: ä→д, ß→я ...)."""
    out = []
    for line in text.split("\n"):
        try:
            out.append(line.encode("mac_cyrillic").decode("latin-1"))
        except UnicodeEncodeError:
            out.append(line)  # not representable: leave the line alone
    return "\n".join(out)


def is_int(s):
    return s.isdigit()


def detect(lines, marks=False):
    data = [l for l in lines[:5000] if l.strip()]
    if not data:
        return "tsv"
    if data[0].startswith("TOKEN\t"):
        return "hipe"
    tabbed = [l for l in data if "\t" in l]
    if len(tabbed) < 0.5 * len(data):
        return "europeana"
    rows = [l.split("\t") for l in tabbed if not l.startswith("#")]
    if rows and sum(1 for r in rows if len(r) >= 3 and is_int(r[0])) >= 0.9 * len(rows):
        return "germeval" if any(l.startswith("#\t") for l in tabbed) else "conllu"
    return "newsfane" if marks else "tsv"


def split_token(token):
    return token.split()  # a "token" holding spaces becomes several tokens


def sentences_columns(lines, column, comments, strip_prefix):
    sentence = []
    for line in lines:
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        fields = line.split("\t")
        if comments and fields[0] == "#":
            continue
        token = fields[column] if len(fields) > column else fields[0]
        if token == "-DOCSTART-":
            if sentence:
                yield sentence
            sentence = []
            continue
        if strip_prefix:
            token = LANG_PREFIX.sub("", token, count=1)
        sentence.extend(split_token(token))
    if sentence:
        yield sentence


def sentences_tsv(lines):
    data = [l.split("\t")[0] for l in lines if l.strip()]
    strip_prefix = bool(data) and sum(1 for t in data if LANG_PREFIX.match(t)) >= 0.9 * len(data)
    return sentences_columns(lines, 0, False, strip_prefix)


def sentences_europeana(lines):
    sentence = []
    for line in lines:
        if not line.strip() or EUROPEANA_HEADER.match(line):
            if sentence:
                yield sentence
            sentence = []
            continue
        fields = line.split(" ")
        token = " ".join(fields[:-1]) if len(fields) >= 2 else fields[0]
        for t in split_token(token):
            sentence.append(t)
            if t in SENTENCE_END:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def sentences_hipe(lines):
    sentence = []
    for line in lines:
        if not line.strip() or line.startswith("# ") or line.startswith("TOKEN\t"):
            if sentence and line.startswith("# hipe2022:document_id"):
                yield sentence
                sentence = []
            continue
        fields = line.split("\t")
        sentence.extend(split_token(fields[0]))
        if "EndOfSentence" in fields[-1].split("|"):
            if sentence:
                yield sentence
            sentence = []
    if sentence:
        yield sentence


def sentences(lines, fmt):
    if fmt == "conllu":
        return sentences_columns(lines, 1, False, False)
    if fmt == "germeval":
        return sentences_columns(lines, 1, True, False)
    if fmt in ("tsv", "newsfane"):
        return sentences_tsv(lines)
    if fmt == "europeana":
        return sentences_europeana(lines)
    if fmt == "hipe":
        return sentences_hipe(lines)
    raise ValueError(fmt)


def parse_parts(text):
    m = re.fullmatch(r"(\d+)-(\d+)/(\d+)", text)
    if not m:
        raise argparse.ArgumentTypeError("expected FROM-TO/P, e.g. 1-5/6")
    lo, hi, n = map(int, m.groups())
    if not (1 <= lo <= hi <= n):
        raise argparse.ArgumentTypeError("need 1 <= FROM <= TO <= P")
    return lo, hi, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--format", choices=FORMATS, default="auto")
    ap.add_argument("--parts", type=parse_parts, help="FROM-TO/P: keep parts FROM..TO of P equal blocks of sentences")
    ap.add_argument("--out", help="output file (default: standard output)")
    ap.add_argument("--mac-cyrillic-fix", action="store_true",
                    help="undo a Latin-1 → Mac-Cyrillic mis-decoding (de/conll2003/train.conllu)")
    args = ap.parse_args()

    refused = [f for f in args.files if held_out(f)]
    if refused:
        for f in refused:
            print(f"conll_to_text.py: refusing held-out evaluation file {f}", file=sys.stderr)
        sys.exit(2)

    out = open(args.out, "w", encoding="utf-8", newline="\n") if args.out else sys.stdout
    try:
        for path in args.files:
            lines, marks = read_lines(path, args.mac_cyrillic_fix)
            fmt = detect(lines, marks) if args.format == "auto" else args.format
            sents = [s for s in sentences(lines, fmt) if s]
            if args.parts:
                lo, hi, n = args.parts
                total = len(sents)
                sents = [s for i, s in enumerate(sents) if lo <= i * n // total + 1 <= hi]
            for s in sents:
                out.write(" ".join(s) + "\n")
            print(f"{path}: {fmt}, {len(sents)} sentences, {sum(map(len, sents))} tokens", file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
