#!/usr/bin/env python3
"""Splits the vigil.langid dev set into sentences and snippets and removes
the texts whose label is visibly wrong: translation catalogues keep
untranslated English (and code) under another language's name, and about
7 % of the dev texts are such strings.

    build/bin/vigil-train-langid --data DIR --out MODEL --dev-jsonl DIR/dev.jsonl
    tools/langid/clean_dev.py --dev-jsonl DIR/dev.jsonl --out DIR [--vigil build/bin/vigil]

Writes DIR/dev-sentences.jsonl and DIR/dev-snippets.jsonl (the records with
ids ending -s and -x), then DIR/dev-sentences-clean.jsonl and
DIR/dev-snippets-clean.jsonl: a dev sentence is dropped, with the snippet cut
from it, when CLD2 alone (`use_model = false`, the stage without our model,
so the filter does not favour it) reads the whole sentence as a language
outside the label's group of close languages (da/nb/sv, es/pt/gl, cs/sk,
id/ms, ar/fa/ur; kCloseGroups in plugins/langid/src/ngram_model.hpp) with a
confidence of 0.5 or more (the stage's CLD2 confidence: a reliable answer
covering at least half the text, or an unreliable one covering all of it). The filter cannot remove a wrong label
CLD2 misses, nor keep a right one CLD2 gets wrong: the figures on the result
are an estimate, next to those on the raw set.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile

GROUPS = [{"da", "nb", "sv"}, {"es", "pt", "gl"}, {"cs", "sk"}, {"id", "ms"}, {"ar", "fa", "ur"}]


def group(code: str) -> set[str]:
    return next((g for g in GROUPS if code in g), {code})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev-jsonl", required=True, help="vigil-train-langid --dev-jsonl output")
    ap.add_argument("--out", required=True)
    ap.add_argument("--vigil", default="build/bin/vigil")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    sentences = os.path.join(a.out, "dev-sentences.jsonl")
    snippets = os.path.join(a.out, "dev-snippets.jsonl")
    with open(a.dev_jsonl, encoding="utf-8") as src, open(sentences, "w", encoding="utf-8") as fs, \
         open(snippets, "w", encoding="utf-8") as fx:
        for line in src:
            (fs if json.loads(line)["id"].endswith("-s") else fx).write(line)
    with tempfile.TemporaryDirectory() as tmp:
        errors = os.path.join(tmp, "errors.jsonl")
        subprocess.run([a.vigil, "eval", "language", "--gold", sentences, "--set", "stage.langid.use_model=false",
                        "--errors", errors], check=True, stdout=subprocess.DEVNULL)
        drop = set()
        for line in open(errors, encoding="utf-8"):
            e = json.loads(line)
            if e["predicted"] != "und" and e["predicted"] not in group(e["lang"]) and e["confidence"] >= 0.5:
                drop.add(e["id"][:-2])
    for path in (sentences, snippets):
        kept = total = 0
        with open(path, encoding="utf-8") as src, \
             open(path.replace(".jsonl", "-clean.jsonl"), "w", encoding="utf-8") as dst:
            for line in src:
                total += 1
                if json.loads(line)["id"][:-2] in drop:
                    continue
                kept += 1
                dst.write(line)
        print(f"{os.path.basename(path)}: kept {kept} of {total}")


if __name__ == "__main__":
    main()
