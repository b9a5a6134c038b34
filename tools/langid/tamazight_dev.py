#!/usr/bin/env python3
"""Builds the small Tamazight check of vigil.langid from the only Berber
translations Debian 12 ships besides Kabyle: the Standard Moroccan Tamazight
(zgh, Tifinagh script) catalogue of slick-greeter and the Central Atlas
Tamazight (tzm, Latin script) catalogue of cpu-x. Used only to measure,
never to train (the Kabyle of the Firefox and Thunderbird language packs is
in the training text; see prepare_data.py).

    tools/langid/tamazight_dev.py --out DIR [--work DIR]

Writes DIR/tamazight.jsonl: records {"id","lang","text"}, one per translated
string (msgstr differing from its msgid, four letters or more), with "lang"
"zgh" for the Tifinagh strings and "tzm" for the Latin ones. The stage
answers `zgh` for Tifinagh and `kab` (Kabyle, the Latin-script Berber
language its model knows) for Latin-script Berber; `vigil eval language`
then counts the Latin strings answered `kab` as confusions tzm -> kab, which
is the figure to read (plugins/langid/README.md).
"""
import argparse
import gettext
import glob
import json
import os
import subprocess
import tempfile

# package -> (catalogue path inside the package, language label)
PACKAGES = {
    "slick-greeter": ("usr/share/locale/zgh/LC_MESSAGES/slick-greeter.mo", "zgh"),
    "cpu-x": ("usr/share/locale/tzm/LC_MESSAGES/cpu-x.mo", "tzm"),
}


def letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="folder for tamazight.jsonl")
    ap.add_argument("--work", help="download folder (default: a temporary one)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="vigil-tamazight-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=work, check=True, capture_output=True)
    records = []
    for package, (path, lang) in PACKAGES.items():
        debs = sorted(glob.glob(os.path.join(work, f"{package}_*.deb")))
        if not debs:
            raise SystemExit(f"tamazight_dev.py: {package} was not downloaded")
        root = os.path.join(work, package)
        subprocess.run(["dpkg-deb", "-x", debs[-1], root], check=True)
        with open(os.path.join(root, path), "rb") as f:
            catalogue = gettext.GNUTranslations(f)._catalog  # msgid -> msgstr
        n = 0
        for msgid, msgstr in sorted((k, v) for k, v in catalogue.items() if isinstance(k, str) and k):
            if msgstr and msgstr != msgid and letters(msgstr) >= 4:
                records.append({"id": f"{lang}-{n}", "lang": lang, "text": msgstr})
                n += 1
        print(f"{package}: {n} {lang} strings")
    with open(os.path.join(a.out, "tamazight.jsonl"), "w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
