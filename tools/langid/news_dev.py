#!/usr/bin/env python3
"""Builds a news-domain development set for vigil.langid from the training
and development splits of the named-entity corpora in ../shared/data/ner
(never their test splits): Reuters (CoNLL-2003 train, en), EFE and De Morgen
(CoNLL-2002 train, es and nl), GermEval 2014 dev (de), HIPE-2022 NewsEye dev
(fr, OCR'd newspapers) and NewsFANE (ar, its first five sixths). Used only to
measure: no langid model is trained on it.

    tools/langid/news_dev.py --ner ../shared/data/ner --out DIR

Writes DIR/news-sentences.jsonl (sentences of 40+ code points, tokens joined
with the usual spacing) and DIR/news-snippets.jsonl (one 20-40 code-point
snippet from each, starting at a word), records {"id","lang","text"}, at most
2 000 sentences per language (the first ones of at least 40 code points).
"""
from __future__ import annotations

import argparse
import os
import random
import re

from devset import write_pair

PER_LANGUAGE = 2000


def conllu(path: str, token_col: int = 1):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        if line.startswith("#") or line.startswith("TOKEN\t"):
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if len(cols) > token_col and cols[token_col] != "-DOCSTART-":
            sent.append(cols[token_col])
    if sent:
        yield sent


def hipe(path: str):
    """Sentences of a HIPE-2022 file as token lists; spacing from its MISC
    column is applied here already (each list holds one string)."""
    text = ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("TOKEN\t") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        token, misc = cols[0], set(cols[-1].split("|"))
        if token.endswith("¬") and "EndOfLine" in misc:  # a word hyphenated across lines
            text += token[:-1]
            continue
        text += token if "NoSpaceAfter" in misc and "EndOfLine" not in misc else token + " "
        # Sentence ends: the corpus marks few; a full stop, ! or ? ends one
        # too unless it follows an initial or an abbreviation ("M.", "Mme.").
        words = text.split()
        last = words[-1] if words else ""
        if "EndOfSentence" in misc or (token in {".", "!", "?"} and len(last.rstrip(".!?")) > 3):
            yield [text.strip()]
            text = ""


def newsfane(path: str):
    tokens = []
    for line in open(path, encoding="utf-8-sig"):
        cols = line.rstrip("\n").split("\t")
        if not cols[0].strip():
            continue
        tok = cols[0].replace("\u200e", "").replace("\u200f", "")
        tokens.append(tok)
        if tok in (".", "؟", "!"):
            yield tokens
            tokens = []


_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}»،؛؟]|'s\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{«]) ")


def detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = _NO_SPACE_BEFORE.sub(r"\1", s)
    return _NO_SPACE_AFTER.sub(r"\1", s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ner", required=True, help="the data/ner folder of ../shared")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    n = a.ner
    sources = {
        "en": conllu(os.path.join(n, "en/conll2003/train.conllu")),
        "es": conllu(os.path.join(n, "es/conll2002/train.conllu")),
        "nl": conllu(os.path.join(n, "nl/conll2002/train.conllu")),
        "de": conllu(os.path.join(n, "de/germeval2014/NER-de-dev.tsv")),
        "fr": hipe(os.path.join(n, "fr/hipe2022/HIPE-2022-v2.1-newseye-dev-fr.tsv")),
        "ar": newsfane(os.path.join(n, "ar/newsfane_gold/NewsFANE_Gold_2014_170K.txt")),
    }
    rng = random.Random(20261123)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "news-sentences.jsonl"), "w") as fs, \
         open(os.path.join(a.out, "news-snippets.jsonl"), "w") as fx:
        for lang, sentences in sources.items():
            count = 0
            for tokens in sentences:
                s = detok(tokens)
                if len(s) < 40:
                    continue
                write_pair(fs, fx, lang, count, s, rng)
                count += 1
                if count == PER_LANGUAGE:
                    break
            print(f"{lang}: {count} sentences")


if __name__ == "__main__":
    main()
