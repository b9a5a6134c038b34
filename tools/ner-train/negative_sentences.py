#!/usr/bin/env python3
"""Writes sentences without any name, labelled all O, for NER training.

    tools/ner-train/negative_sentences.py TEXT.txt --count N > OUT.conll

Why: WikiANN, the only licensed training set for some languages, is made of
short fragments that are nearly all names, so a tagger trained on it alone
learns that any phrase is a name ("millones de nuevas líneas" → ORG). Plain
sentences with no capitalised word after the first teach it what ordinary
text looks like.

Input: one text per line (the Debian translations that tools/langid/
prepare_data.py extracts: gettext catalogues, manual pages, guides; free
licences, listed in plugins/langid/README.md). A line is kept when, after a
simple word/punctuation split, it has 6-40 tokens, at least 4 words of
letters, no upper-case letter after its first token, no digit-letter mix,
no URL or path. Lines are taken in the order of their MD5 (a deterministic,
content-based shuffle). Output: `token<TAB>O` lines, blank line between
sentences (the CoNLL format `vigil train ner` reads).

Only for languages that capitalise names and not common nouns (not German).
"""
import argparse
import hashlib
import re
import sys

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


def keep(tokens):
    if not 6 <= len(tokens) <= 40:
        return False
    words = [t for t in tokens if t[0].isalpha()]
    if len(words) < 4:
        return False
    for t in tokens[1:]:
        if any(c.isupper() for c in t):
            return False
    for t in tokens:
        if any(c.isdigit() for c in t) and any(c.isalpha() for c in t):
            return False
        if t in ("/", "\\", "@", "<", ">", "{", "}", "=", "_", "|", "$", "%", "#", "~", "*"):
            return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text")
    ap.add_argument("--count", type=int, default=20000)
    args = ap.parse_args()
    seen = set()
    candidates = []
    with open(args.text, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or "://" in line:
                continue
            tokens = TOKEN.findall(line)
            if not keep(tokens):
                continue
            key = " ".join(tokens)
            if key in seen:
                continue
            seen.add(key)
            candidates.append((hashlib.md5(key.encode("utf-8")).hexdigest(), tokens))
    candidates.sort()
    out = sys.stdout
    for _, tokens in candidates[: args.count]:
        for t in tokens:
            out.write(f"{t}\tO\n")
        out.write("\n")
    print(f"{min(len(candidates), args.count)} of {len(candidates)} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
