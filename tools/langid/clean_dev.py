#!/usr/bin/env python3
"""Removes from the vigil.langid dev set the texts whose label is visibly
wrong: translation catalogues keep untranslated English (and code) under
another language's name, and about 7 % of the dev texts are such strings.

    tools/langid/clean_dev.py --dev DIR/dev-sentences.jsonl --snippets DIR/dev-snippets.jsonl \
        --out DIR [--vigil build/bin/vigil]

A dev sentence is dropped, with the snippet cut from it, when CLD2 alone
(`use_model = false`, the stage without our model, so the filter does not
favour it) reads the whole sentence as a language outside the label's group
of close languages (da/nb/sv, es/pt/gl, cs/sk, id/ms, ar/fa/ur) with a
confidence of 0.5 or more (a reliable answer covering at least half the
text). Writes DIR/dev-sentences-clean.jsonl and DIR/dev-snippets-clean.jsonl.
The filter cannot remove a wrong label CLD2 misses, nor keep a right one CLD2
gets wrong: the figures on the result are an estimate, next to those on the
raw set.
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
    ap.add_argument("--dev", required=True, help="dev sentences (vigil-train-langid --dev-jsonl, ids ending -s)")
    ap.add_argument("--snippets", required=True, help="dev snippets (ids ending -x)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--vigil", default="build/bin/vigil")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        errors = os.path.join(tmp, "errors.jsonl")
        subprocess.run([a.vigil, "eval", "language", "--gold", a.dev, "--set", "stage.langid.use_model=false",
                        "--errors", errors], check=True, stdout=subprocess.DEVNULL)
        drop = set()
        for line in open(errors, encoding="utf-8"):
            e = json.loads(line)
            if e["predicted"] != "und" and e["predicted"] not in group(e["lang"]) and e["confidence"] >= 0.5:
                drop.add(e["id"][:-2])
    os.makedirs(a.out, exist_ok=True)
    for path, name in ((a.dev, "dev-sentences-clean.jsonl"), (a.snippets, "dev-snippets-clean.jsonl")):
        kept = total = 0
        with open(path, encoding="utf-8") as src, open(os.path.join(a.out, name), "w", encoding="utf-8") as dst:
            for line in src:
                total += 1
                if json.loads(line)["id"][:-2] in drop:
                    continue
                kept += 1
                dst.write(line)
        print(f"{name}: kept {kept} of {total}")


if __name__ == "__main__":
    main()
