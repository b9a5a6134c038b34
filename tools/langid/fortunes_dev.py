#!/usr/bin/env python3
"""Builds an out-of-domain development set for vigil.langid from Debian's
fortune cookie packages: quotations, jokes and sayings, i.e. prose, unlike
the software translations the model is trained on (prepare_data.py). Used
only to measure, never to train.

    tools/langid/fortunes_dev.py --out DIR [--work DIR]

Writes DIR/fortunes-sentences.jsonl (sentences of 40+ code points) and
DIR/fortunes-snippets.jsonl (one 20-40 code-point snippet cut from each, at a
word start), records {"id","lang","text"}, for the languages with a fortunes
package: en, de, es, it, pl, pt (Brazilian), ru, zh, cs. At most 2 000
sentences per language, chosen by MD5 (deterministic). Fortunes quote other
languages now and then; no cleaning beyond a letter-share check (over half
the characters letters) is done, so the figures are a floor.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import subprocess
import unicodedata

from devset import write_pair

# package -> (language, files or directories under usr/share/games/fortunes)
PACKAGES = {
    "fortunes": "en",
    "fortunes-de": "de",
    "fortunes-es": "es",
    "fortunes-it": "it",
    "fortunes-pl": "pl",
    "fortunes-br": "pt",
    "fortunes-ru": "ru",
    "fortunes-zh": "zh",
    "fortunes-cs": "cs",
}
PER_LANGUAGE = 2000
_SENT = re.compile(r"(?<=[.!?。！？])\s+")
_ATTRIBUTION = re.compile(r"^\s*(--|—|-)\s")


def package_files(deb: str) -> list[str]:
    out = subprocess.run(["dpkg-deb", "-c", deb], check=True, capture_output=True, text=True).stdout
    files = []
    for line in out.splitlines():
        path = line.split()[-1]
        if "/games/fortunes" in path and not path.endswith((".dat", ".u8", "/")) and "/off/" not in path:
            files.append(path.lstrip("."))
    return files


def fortunes(path: str) -> list[str]:
    try:
        text = open(path, encoding="utf-8").read()
    except UnicodeDecodeError:
        return []
    out = []
    for cookie in re.split(r"^%\s*$", text, flags=re.M):
        lines = [l for l in cookie.splitlines() if l.strip() and not _ATTRIBUTION.match(l)]
        out.append(" ".join(" ".join(lines).split()))
    return out


def letters(s: str) -> int:
    return sum(1 for c in s if unicodedata.category(c).startswith("L"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--work", default="/var/tmp/vigil-langid/fortunes")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=a.work, check=True, capture_output=True)
    rng = random.Random(20261123)
    with open(os.path.join(a.out, "fortunes-sentences.jsonl"), "w") as fs, \
         open(os.path.join(a.out, "fortunes-snippets.jsonl"), "w") as fx:
        for package, lang in PACKAGES.items():
            deb = next(f for f in sorted(os.listdir(a.work)) if f.startswith(package + "_"))
            root = os.path.join(a.work, "root-" + package)
            subprocess.run(["dpkg-deb", "-x", os.path.join(a.work, deb), root], check=True)
            sentences = set()
            for f in package_files(os.path.join(a.work, deb)):
                for cookie in fortunes(root + f):
                    for s in _SENT.split(cookie):
                        s = s.strip()
                        if len(s) >= 40 and letters(s) * 2 > len(s):
                            sentences.add(s)
            chosen = sorted(sentences, key=lambda s: hashlib.md5(s.encode()).hexdigest())[:PER_LANGUAGE]
            for i, s in enumerate(chosen):
                write_pair(fs, fx, lang, i, s, rng)
            print(f"{lang}: {len(chosen)} of {len(sentences)} sentences ({package})")


if __name__ == "__main__":
    main()
