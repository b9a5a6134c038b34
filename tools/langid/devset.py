"""Shared by the scripts that build vigil.langid development sets: the
sentence and snippet records, written as `vigil eval language` reads them."""
from __future__ import annotations

import json
import random
from typing import TextIO


def snippet(s: str, rng: random.Random) -> str:
    """20-40 code points of `s` starting at a word (the whole of a shorter s)."""
    want = rng.randint(20, 40)
    if len(s) <= want:
        return s
    starts = [0] + [k for k in range(1, len(s) - want + 1) if s[k - 1] == " "]
    k = rng.choice(starts)
    return s[k:k + want]


def write_pair(sentences: TextIO, snippets: TextIO, lang: str, i: int, text: str, rng: random.Random) -> None:
    """Writes `text` as record LANG-I-s and a snippet of it as LANG-I-x."""
    sentences.write(json.dumps({"id": f"{lang}-{i}-s", "lang": lang, "text": text}, ensure_ascii=False) + "\n")
    snippets.write(json.dumps({"id": f"{lang}-{i}-x", "lang": lang, "text": snippet(text, rng)},
                              ensure_ascii=False) + "\n")
