#!/usr/bin/env python3
"""Splits plain text (one text per line) into words and punctuation, one
sentence per line, tokens joined by spaces: the input of vigil-ner-clusters.

    tools/ner-train/tokenize_text.py TEXT.txt > TOKENS.txt

A simple split (letters/digits runs with inner hyphens and apostrophes, or
one punctuation character), close to the CoNLL tokenisation of the training
files; exact agreement with vigil.tokenize is not needed for clusters.
"""
import re
import sys

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)

for line in open(sys.argv[1], encoding="utf-8"):
    tokens = TOKEN.findall(line)
    if len(tokens) >= 3:
        sys.stdout.write(" ".join(tokens) + "\n")
