#!/usr/bin/env python3
"""Builds the training and development text of the vigil.langid n-gram model
from translated text that Debian ships, and nothing else.

    tools/langid/prepare_data.py [--work DIR] [--out DIR] [--no-download]

Steps (deterministic: the same packages give the same files, byte for byte):

1. `apt-get download` the packages in PACKAGES below into WORK/debs (only the
   .deb files: nothing is installed, no dependency is pulled) and unpack each
   with `dpkg-deb -x` into WORK/root. Needs apt's package lists
   (`apt-get update` once) and network access to the Debian archive.
2. Extract text per language:
   - gettext catalogues (*.mo anywhere under LC_MESSAGES/, LibreOffice's
     resource/<lang>/LC_MESSAGES too): msgstr of each entry, msgid as English
     (read with Python's own .mo parser: same content as `msgunfmt`);
   - Firefox/Thunderbird language packs (.xpi zip files): values of the
     Fluent (.ftl), .properties and .dtd entries;
   - LibreOffice help (HTML) and GNOME help (Mallard .page): paragraphs and
     titles;
   - translated manual pages (/usr/share/man/<lang>/, troff; the English
     ones of `manpages`): text lines joined into paragraphs, macros and
     escapes removed;
   - books and guides in HTML (the Debian Administrator's Handbook, the
     Debian Reference, the New Maintainers' Guide): paragraphs.
3. Clean: strip markup, entities, printf/Fluent/Python format placeholders,
   accelerators, URLs, e-mail addresses and file paths; drop strings identical
   to their English original (or seen in the English sources), strings with
   fewer than 4 letters, strings mostly in the wrong script, and strings seen
   in more than one language (English keeps them: an untranslated string is
   English); split long paragraphs into sentences; dedupe.
4. Split each language into train (90 %) and dev (10 %) by the MD5 of the
   text, and write OUT/train/<lang>.txt and OUT/dev/<lang>.txt (one text per
   line, sorted), plus OUT/sources.tsv (package, version, language, texts).

The evaluation sets of issue 3 (the Universal Declaration of Human Rights and
the Debian Installation Guide, `installation-guide-*`) are never used.
"""
from __future__ import annotations

import argparse
import collections
import glob
import gzip
import hashlib
import html
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile

# Our languages (ISO 639-1, else 639-3).
LANGS = ["en", "fr", "es", "de", "ar", "nl", "it", "pt", "da", "sv", "ru", "tr", "pl", "zh", "fa", "ur",
         "kab", "nb", "gl", "cs", "sk", "id", "ms"]

# Every package the data comes from (Debian 12 "bookworm", section main).
FIREFOX = ["ar", "fa", "ur", "kab", "fr", "es-es", "de", "nl", "it", "pt-pt", "pt-br", "da", "sv-se", "ru", "tr",
           "pl", "zh-cn", "nb-no", "gl", "cs", "sk", "id", "ms", "en-gb"]
THUNDERBIRD = ["ar", "kab", "fr", "es-es", "de", "nl", "it", "pt-pt", "pt-br", "da", "sv-se", "ru", "tr", "pl",
               "zh-cn", "nb-no", "gl", "cs", "sk", "id", "ms", "en-gb"]
LO_L10N = ["ar", "fa", "fr", "es", "de", "nl", "it", "pt", "pt-br", "da", "sv", "ru", "tr", "pl", "zh-cn", "nb",
           "gl", "cs", "sk", "id", "en-gb"]
LO_HELP = ["fr", "es", "de", "nl", "it", "pt", "pt-br", "da", "sv", "ru", "tr", "pl", "zh-cn", "gl", "cs", "sk",
           "id", "en-us"]
MANPAGES = ["cs", "da", "de", "es", "fr", "id", "it", "nb", "nl", "pl", "pt-br", "ru", "sv", "tr", "zh"]
# Books and guides in HTML (prose, not UI strings).
DOCS = (["debian-handbook", "manpages", "maint-guide"] +
        [f"debian-reference-{l}" for l in ["de", "en", "es", "fr", "id", "it", "pt", "pt-br", "zh-cn"]] +
        [f"maint-guide-{l}" for l in ["de", "es", "fr", "it", "ru", "zh-cn"]])
GETTEXT = ["gnome-user-docs", "libgtk-3-common", "libglib2.0-data", "gnupg-l10n", "util-linux-locales", "apt",
           "dpkg", "tar", "grep", "sed", "coreutils", "systemd"]

PACKAGES = ([f"firefox-esr-l10n-{l}" for l in FIREFOX] + [f"thunderbird-l10n-{l}" for l in THUNDERBIRD] +
            [f"libreoffice-l10n-{l}" for l in LO_L10N] + [f"libreoffice-help-{l}" for l in LO_HELP] +
            [f"manpages-{l}" for l in MANPAGES] + DOCS + GETTEXT)

DEV_PERCENT = 10


def lang_of(tag: str) -> str | None:
    """Maps a locale or package language tag to one of LANGS (None: not ours)."""
    t = tag.lower().replace("-", "_")
    if t in ("c", "en_us", "en_gb", "en"):
        return "en"
    if t.startswith("zh"):
        return "zh"
    if t in ("no", "nb", "nb_no"):
        return "nb"
    base = re.split(r"[_@.]", t)[0]
    return base if base in LANGS else None


# --- cleaning -------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")
_PLACEHOLDERS = re.compile(
    r"%(\d+\$)?[-+ #0]*(\d+|\*)?(\.\d+)?(hh|h|ll|l|L|z|j|t|q)?[diouxXeEfFgGcsSpn%@]"  # printf
    r"|%\([A-Za-z_]+\)[sd]|%[A-Za-z_]+%|%\d+"                                           # python, windows, %1
    r"|\{\{[^}]*\}\}|\{[^{}]*\}|\$\{[^}]*\}|\$[A-Z_]+\b|\$\d+"                          # {x} ${x} $VAR $1
    r"|&[A-Za-z]+;|&#\d+;|\\[ntr]")
_URL = re.compile(r"\b(?:https?|ftp|file)://\S+|\bwww\.\S+|\S+@\S+\.\S+|(?:~|\.{1,2})?/[\w./-]+")
_ACCEL = re.compile(r"(?<=\w)_(?=\w)|(?<![\w&])[_&~](?=\w)")
_SPACE = re.compile(r"\s+")
_SENT = re.compile(r"(?<=[.!?。！？؟])\s+")


def clean(s: str) -> str:
    s = html.unescape(_TAG.sub(" ", s))
    s = _URL.sub(" ", s)
    s = _PLACEHOLDERS.sub(" ", s)
    s = _ACCEL.sub("", s)
    s = s.replace("\u00a0", " ").replace("\u200f", "").replace("\u200e", "")
    s = unicodedata.normalize("NFC", s)
    return _SPACE.sub(" ", s).strip(" \t-–—:;,|*•")


def letters(s: str) -> int:
    return sum(1 for c in s if c.isalpha())


def script_ok(lang: str, s: str) -> bool:
    """Most letters in the script the language is written in."""
    n = letters(s)
    if n == 0:
        return False
    def count(lo, hi):
        return sum(1 for c in s if lo <= ord(c) <= hi)
    if lang in ("ar", "fa", "ur"):
        return count(0x0600, 0x06FF) + count(0xFB50, 0xFEFF) > 0.7 * n
    if lang == "ru":
        return count(0x0400, 0x04FF) > 0.7 * n
    if lang == "zh":
        return count(0x3400, 0x9FFF) > 0.5 * n
    return sum(1 for c in s if c.isalpha() and ord(c) < 0x250) > 0.9 * n


# --- readers ---------------------------------------------------------------

def read_mo(path: str):
    """Yields (msgid, msgstr) of a GNU .mo file; plural forms split."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if order is None:
        return
    _, n, orig, trans = struct.unpack(order + "4I", data[4:20])
    for i in range(n):
        ol, oo = struct.unpack(order + "2I", data[orig + 8 * i: orig + 8 * i + 8])
        tl, to = struct.unpack(order + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        msgid = data[oo:oo + ol].decode("utf-8", "replace")
        msgstr = data[to:to + tl].decode("utf-8", "replace")
        if not msgid:
            continue  # header
        msgid = msgid.split("\x04")[-1]  # context
        ids = msgid.split("\x00")
        for k, t in enumerate(msgstr.split("\x00")):
            yield ids[min(k, len(ids) - 1)], t


_FTL_LINE = re.compile(r"^\s*(?:[-\w.]+)\s*=\s*(.*)$")
_PROP_LINE = re.compile(r"^\s*[^#!\s][^=]*=\s*(.*)$")
_DTD = re.compile(r'<!ENTITY\s+\S+\s+"([^"]*)"\s*>')


def read_xpi(path: str):
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if not name.endswith((".ftl", ".properties", ".dtd")):
                continue
            text = z.read(name).decode("utf-8", "replace")
            if name.endswith(".dtd"):
                yield from _DTD.findall(text)
                continue
            for line in text.splitlines():
                if line.lstrip().startswith("#"):
                    continue
                m = (_FTL_LINE if name.endswith(".ftl") else _PROP_LINE).match(line)
                if m:
                    yield m.group(1)
                elif name.endswith(".ftl") and line.startswith((" ", "\t")) and not line.strip().startswith(("[", "*[", "}", ".")):
                    yield line.strip()


_BLOCK = re.compile(r"<(p|title|h[1-6]|li|td|desc)\b[^>]*>(.*?)</\1>", re.S)


def read_markup(path: str):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for _, inner in _BLOCK.findall(text):
        yield inner


_TROFF_ESC = re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\s[-+]?\d|\\\*(\(..|\[[^\]]*\]|.)|\\[&|^%:]|\\\((..)|\\\[[^\]]*\]|\\[ce]")


def read_man(path: str):
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except (OSError, EOFError):
        return
    para: list[str] = []
    for line in lines:
        if line.startswith((".", "'")):
            if para:
                yield " ".join(para)
                para = []
            continue
        line = _TROFF_ESC.sub("", line.replace("\\-", "-").replace("\\(aq", "'").replace("\\ ", " "))
        if line.strip():
            para.append(line.strip())
        elif para:
            yield " ".join(para)
            para = []
    if para:
        yield " ".join(para)


# --- main ------------------------------------------------------------------

def download(work: str) -> None:
    debs = os.path.join(work, "debs")
    os.makedirs(debs, exist_ok=True)
    missing = [p for p in PACKAGES if not glob.glob(os.path.join(debs, f"{p}_*.deb"))]
    if missing:
        r = subprocess.run(["apt-get", "download", *missing], cwd=debs, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"prepare_data: apt-get download failed: {r.stderr.strip()}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", default="/var/tmp/vigil-langid", help="download and unpack folder")
    ap.add_argument("--out", default="/var/tmp/vigil-langid/data", help="output folder")
    ap.add_argument("--no-download", action="store_true", help="use the .deb files already in WORK/debs")
    args = ap.parse_args()

    if not args.no_download:
        download(args.work)
    texts: dict[str, collections.Counter] = {l: collections.Counter() for l in LANGS}
    english_sources: set[str] = set()
    sources = []

    def add(lang: str | None, raw: str, original: str | None = None) -> int:
        if lang is None:
            return 0
        if original is not None:
            o = clean(original)
            if o and lang != "en" and letters(o) >= 4:
                english_sources.add(o.lower())
            if raw.strip() == original.strip():
                return 0
        n = 0
        c = clean(raw)
        for s in (_SENT.split(c) if len(c) > 200 else [c]):
            s = s.strip()
            if letters(s) < 4 or len(s) > 400 or not script_ok(lang, s):
                continue
            texts[lang][s] += 1
            n += 1
        return n

    debs = sorted(glob.glob(os.path.join(args.work, "debs", "*.deb")))
    for deb in debs:
        pkg, version = os.path.basename(deb).split("_")[:2]
        if pkg not in PACKAGES:
            continue
        root = os.path.join(args.work, "root", pkg)
        if not os.path.isdir(root):
            os.makedirs(root, exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        counts: collections.Counter = collections.Counter()
        for dirpath, _, files in sorted(os.walk(root)):
            for fn in sorted(files):
                path = os.path.join(dirpath, fn)
                parts = path[len(root):].split("/")
                if fn.endswith(".mo") and "LC_MESSAGES" in parts:
                    lang = lang_of(parts[parts.index("LC_MESSAGES") - 1])
                    for msgid, msgstr in read_mo(path):
                        counts[lang] += add(lang, msgstr, msgid)
                        counts["en"] += add("en", msgid)
                elif fn.endswith(".xpi"):
                    m = re.match(r"langpack-([^@]+)@", fn)
                    lang = lang_of(m.group(1)) if m else None
                    for v in read_xpi(path):
                        counts[lang] += add(lang, v)
                elif fn.endswith(".html") and "/help/" in path and pkg.startswith("libreoffice-help"):
                    lang = lang_of(parts[parts.index("help") + 1])
                    for v in read_markup(path):
                        counts[lang] += add(lang, v)
                elif fn.endswith(".page") and "/usr/share/help/" in path:
                    lang = lang_of(parts[parts.index("help") + 1])
                    for v in read_markup(path):
                        counts[lang] += add(lang, v)
                elif fn.endswith(".html") and pkg in DOCS:
                    # debian-handbook: html/<ll-CC>/x.html; the others: x.<ll>.html
                    if pkg == "debian-handbook" and "html" in parts:
                        lang = lang_of(parts[parts.index("html") + 1])
                    else:
                        m = re.match(r".*\.([a-z]{2}(?:[-_][A-Za-z]{2})?)\.html$", fn)
                        lang = lang_of(m.group(1)) if m else ("en" if pkg == "maint-guide" else None)
                    for v in read_markup(path):
                        counts[lang] += add(lang, v)
                elif "/usr/share/man/" in path and pkg == "manpages":
                    for v in read_man(path):
                        counts["en"] += add("en", v)
                elif "/usr/share/man/" in path and pkg.startswith("manpages-"):
                    lang = lang_of(parts[parts.index("man") + 1])
                    for v in read_man(path):
                        counts[lang] += add(lang, v)
        for lang, n in sorted((k, v) for k, v in counts.items() if k):
            sources.append((pkg, version, lang, n))

    # A text found in several languages (names, untranslated strings) or in
    # the English originals of another language's catalogue tells nothing.
    # English keeps its texts (untranslated strings elsewhere are English).
    english = {s.lower() for s in texts["en"]}
    owners: collections.Counter = collections.Counter()
    for lang in LANGS:
        if lang == "en":
            continue
        for s in texts[lang]:
            owners[s.lower()] += 1
    os.makedirs(os.path.join(args.out, "train"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "dev"), exist_ok=True)
    print(f"{'lang':6} {'train':>8} {'dev':>7}")
    for lang in LANGS:
        if lang == "en":
            keep = sorted(texts[lang])
        else:
            keep = sorted(s for s in texts[lang]
                          if owners[s.lower()] == 1 and s.lower() not in english and s.lower() not in english_sources)
        train, dev = [], []
        for s in keep:
            h = int(hashlib.md5(s.encode("utf-8")).hexdigest()[:8], 16)
            (dev if h % 100 < DEV_PERCENT else train).append(s)
        for split, rows in (("train", train), ("dev", dev)):
            with open(os.path.join(args.out, split, f"{lang}.txt"), "w", encoding="utf-8") as f:
                f.writelines(r + "\n" for r in rows)
        print(f"{lang:6} {len(train):8} {len(dev):7}")
    with open(os.path.join(args.out, "sources.tsv"), "w", encoding="utf-8") as f:
        f.write("package\tversion\tlanguage\ttexts\n")
        for row in sources:
            f.write("\t".join(map(str, row)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
