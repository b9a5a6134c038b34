#!/usr/bin/env python3
"""Tests of tools/ner-train/wikiann_as_running_text.py (path given as argv[1])."""
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = None


def conll(*sentences):
    """Sentences as lists of (word, tag): the indexed WikiANN conllu layout."""
    lines = []
    for sentence in sentences:
        lines += [f"{i}\t{w}\t{t}" for i, (w, t) in enumerate(sentence)]
        lines.append("")
    return "\n".join(lines) + "\n"


def run(text, *args):
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        done = subprocess.run([sys.executable, SCRIPT, f.name, *args], capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    sentences = [[tuple(line.split("\t")) for line in block.split("\n")] for block in done.stdout.split("\n\n")
                 if block.strip()]
    return sentences, done.stderr


def words(text):
    return [(w, t) for w, t in (pair.split("/") for pair in text.split())]


class SpanSplitting(unittest.TestCase):
    CASES = [
        ("a comma inside a span cuts it in two",
         "He/O lived/O in/O Atlantic/B-LOC City/I-LOC ,/I-LOC New/I-LOC Jersey/I-LOC ./O",
         "He/O lived/O in/O Atlantic/B-LOC City/I-LOC ,/O New/B-LOC Jersey/I-LOC ./O"),
        ("a bracketed disambiguator leaves the span",
         "Karl/B-PER Ove/I-PER (/I-PER author/I-PER )/I-PER wrote/O it/O",
         "Karl/B-PER Ove/I-PER (/O author/O )/O wrote/O it/O"),
        ("the span resumes after the bracket with B-",
         "in/O Paris/B-LOC (/I-LOC Texas/I-LOC )/I-LOC Lake/I-LOC today/O",
         "in/O Paris/B-LOC (/O Texas/O )/O Lake/B-LOC today/O"),
        ("an unclosed bracket ends with its span",
         "Foo/B-ORG (/I-ORG bar/I-ORG went/O to/O Rome/B-LOC ./O",
         "Foo/B-ORG (/O bar/O went/O to/O Rome/B-LOC ./O"),
        ("a sentence opening inside a span starts it",
         "Lake/I-LOC Tana/I-LOC is/O in/O Ethiopia/B-LOC",
         "Lake/B-LOC Tana/I-LOC is/O in/O Ethiopia/B-LOC"),
    ]

    def test_cases(self):
        for name, given, expected in self.CASES:
            with self.subTest(name):
                out, _ = run(conll(words(given)))
                self.assertEqual(out, [words(expected)])


class Filtering(unittest.TestCase):
    FRAGMENT = words("Atlantic/B-LOC City/I-LOC")
    SENTENCE = words("She/O met/O Anders/B-PER Lindström/I-PER ./O")

    def test_fragments_are_dropped_or_one_in_n_kept(self):
        text = conll(self.FRAGMENT, self.SENTENCE, self.FRAGMENT, self.FRAGMENT)
        out, note = run(text, "--keep-fragments", "0")
        self.assertEqual(out, [self.SENTENCE])
        self.assertIn("3 of 3 name-only fragments dropped", note)
        out, _ = run(text, "--keep-fragments", "2")
        self.assertEqual(out, [self.FRAGMENT, self.SENTENCE, self.FRAGMENT])

    def test_a_bare_title_with_a_bracket_is_a_fragment_too(self):
        bracketed = words("Paris/B-LOC (/I-LOC Texas/I-LOC )/I-LOC")
        out, note = run(conll(bracketed, self.SENTENCE))
        self.assertEqual(out, [self.SENTENCE])
        self.assertIn("1 of 1 name-only fragments dropped", note)

    def test_lowercase_edges_drop_the_sentence_only_when_asked(self):
        edge = words("the/O filial/B-ORG del/I-ORG Real/I-ORG Valladolid/I-ORG won/O")
        inner = words("with/O Víctor/B-PER de/I-PER la/I-PER Serna/I-PER here/O")
        out, note = run(conll(edge, inner), "--drop-lowercase-edges")
        self.assertEqual(out, [inner])
        self.assertIn("1 with a lower-case span edge dropped", note)
        out, _ = run(conll(edge, inner))
        self.assertEqual(out, [edge, inner])

    def test_surname_copies_repeat_a_sentence_with_full_names_cut_to_the_surname(self):
        full = words("dijo/O Renato/B-PER Navarro/I-PER Guerreiro/I-PER a/O Lula/B-PER y/O Ana/B-PER Li/I-PER")
        other = words("en/O Sao/B-LOC Paulo/I-LOC con/O Pelé/B-PER")
        out, note = run(conll(full, other), "--surname-copies")
        # One-word names, short last words ("Li") and places stay as they are.
        self.assertEqual(out, [full, words("dijo/O Guerreiro/B-PER a/O Lula/B-PER y/O Ana/B-PER Li/I-PER"), other])
        self.assertIn("1 surname copies added", note)
        lower = words("by/O Vincent/B-PER van/I-PER Gogh/I-PER")  # a lower-case word inside: not cut
        self.assertEqual(run(conll(lower), "--surname-copies")[0], [lower])
        self.assertEqual(run(conll(full))[0], [full])

    def test_language_prefix_of_the_original_files_is_stripped(self):
        text = "fr:Le\tO\nfr:préfet\tO\nfr:de\tO\nfr:Paris\tB-LOC\nfr:fr:x\tO\n\n"
        out, _ = run(text)
        self.assertEqual(out, [words("Le/O préfet/O de/O Paris/B-LOC fr:x/O")])


if __name__ == "__main__":
    SCRIPT = sys.argv.pop(1)
    unittest.main()
