#!/usr/bin/env python3
"""Rewrites WikiANN training sentences toward the conventions of news text.

    tools/ner-train/wikiann_as_running_text.py train.conllu [--keep-fragments N]
        [--drop-lowercase-edges] [--surname-copies] > OUT.conll

Why: WikiANN labels Wikipedia link titles, not running text. Half of its
sentences are bare titles that are a name from end to end ("Atlantic City ,
New Jersey"), its spans run across commas and parenthesised disambiguators
("Karl Ove ( author )") and take in lower-case words ("Antarctic prion",
"filial del Real Valladolid"). A tagger trained on that learns that any
phrase may be a name and that a name swallows the words around it
("presidente de Telefónica", "Leicestershire beat Somerset" as one ORG).
News annotation (CoNLL, and what the entity stage's users want) marks
"Atlantic City" and "New Jersey" apart, never the bracketed word.

What it does, per sentence (`index<TAB>token<TAB>tag` or `token<TAB>tag`
lines, IOB2, blank line between sentences; a "xx:" language prefix on the
tokens, as in the original WikiANN files, is removed):
- a comma, semicolon or bracket inside a span becomes O, and the name after
  it starts anew (B-) with the same type; a parenthesised stretch inside a
  span ("( politician )") becomes O;
- with --drop-lowercase-edges, a sentence with a span that begins or ends
  with an all-lower-case word is dropped;
- sentences made of names and punctuation only ("fragments") are dropped,
  except one in N in file order with --keep-fragments N (default 0: none);
- with --surname-copies, a kept sentence that names a person in full
  ("Renato Navarro Guerreiro", two words or more, each capitalised, the
  last of three letters or more) is written a second time with each such
  name cut to its last word, still a person. WikiANN names people in full;
  news names them in full once, then by surname ("Guerreiro dijo"), and a
  tagger that never saw a surname alone reads it as a place. The last word
  is not always the surname: a Spanish "García Márquez" gives "Márquez",
  "Felipe III" gives "III" (a few dozen copies per language).
Output: `token<TAB>tag` lines (the CoNLL format `vigil train ner` reads); a
count of what was kept and dropped on stderr. Deterministic.
"""
import argparse
import re
import sys

# The original WikiANN files write every token with its language: "fr:Paris".
PREFIX = re.compile(r"^[a-z]{2,3}:")

BREAKS = {",", ";"}


def read_sentences(path):
    sentence = []
    prefix = None  # the first token's "xx:", when it has one, is stripped from every token
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            fields = line.split("\t")
            word = fields[-2]
            if prefix is None:
                match = PREFIX.match(word)
                prefix = match.group(0) if match else ""
            if prefix and word.startswith(prefix) and len(word) > len(prefix):
                word = word[len(prefix):]
            sentence.append([word, fields[-1]])
    if sentence:
        yield sentence


def split_spans(sentence):
    """Commas, semicolons and bracketed stretches inside a span become O."""
    depth = 0  # brackets opened inside the current span
    for i, (word, tag) in enumerate(sentence):
        inside = tag.startswith("I-")
        if not inside:
            depth = 0  # an unclosed bracket ends with its span
        if word == "(" and inside:
            depth += 1
        if depth > 0 or (inside and (word in BREAKS or word in ("(", ")"))):
            if word == ")" and depth > 0:
                depth -= 1
            sentence[i][1] = "O"
            continue
        if inside and (i == 0 or sentence[i - 1][1] == "O"):
            sentence[i][1] = "B-" + tag[2:]
    return sentence


def lowercase_word(word):
    return any(c.isalpha() for c in word) and word == word.lower() and all(c.isalpha() or c in "-'" for c in word)


def has_lowercase_edge(sentence):
    """A span that begins or ends with a lower-case word ("Antarctic prion", "filial del Real Valladolid")."""
    for i, (word, tag) in enumerate(sentence):
        if tag == "O":
            continue
        begins = tag.startswith("B-") or i == 0 or sentence[i - 1][1] == "O"
        ends = i + 1 == len(sentence) or not sentence[i + 1][1].startswith("I-")
        if (begins or ends) and lowercase_word(word):
            return True
    return False


def is_fragment(sentence):
    return all(tag != "O" or not any(c.isalnum() for c in word) for word, tag in sentence)


def surname_copy(sentence):
    """The sentence with every full person name cut to its surname; None when it names nobody in full."""
    out, changed, i = [], False, 0
    while i < len(sentence):
        if sentence[i][1] != "B-PER":
            out.append(sentence[i])
            i += 1
            continue
        j = i + 1
        while j < len(sentence) and sentence[j][1] == "I-PER":
            j += 1
        name = sentence[i:j]
        if len(name) >= 2 and all(w[:1].isupper() for w, _ in name) and len(name[-1][0]) >= 3:
            out.append([name[-1][0], "B-PER"])
            changed = True
        else:
            out.extend(name)
        i = j
    return out if changed else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("conll")
    parser.add_argument("--keep-fragments", type=int, default=0, metavar="N",
                        help="keep one name-only sentence in N (0: none)")
    parser.add_argument("--drop-lowercase-edges", action="store_true")
    parser.add_argument("--surname-copies", action="store_true",
                        help="also write each sentence naming a person in full with the surname alone")
    args = parser.parse_args()
    fragments = kept = dropped = edges = copies = 0
    out = sys.stdout
    for sentence in read_sentences(args.conll):
        # A bare title is one as WikiANN tags it, before brackets lose their names.
        fragment = is_fragment(sentence)
        sentence = split_spans(sentence)
        if args.drop_lowercase_edges and has_lowercase_edge(sentence):
            edges += 1
            continue
        if fragment:
            fragments += 1
            if args.keep_fragments == 0 or fragments % args.keep_fragments != 1 % args.keep_fragments:
                dropped += 1
                continue
        kept += 1
        copy = surname_copy(sentence) if args.surname_copies else None
        for version in (sentence, copy):
            if version is None:
                continue
            for word, tag in version:
                out.write(f"{word}\t{tag}\n")
            out.write("\n")
        copies += copy is not None
    print(f"wikiann_as_running_text: {kept + copies} sentences written, {dropped} of {fragments} name-only fragments dropped"
          + (f", {edges} with a lower-case span edge dropped" if args.drop_lowercase_edges else "")
          + (f", {copies} surname copies added" if args.surname_copies else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
