// Sentences written all in capitals (wire headlines, datelines: "POLICE
// SEIZE COCAINE IN TANGIER", "RABAT 1996-08-30") give a tagger that learnt
// from text in normal case nothing but "every word is a name". Such a
// sentence is re-cased before tagging: lower case, except the words of names
// the gazetteers know, which keep their capital initial. Only the words the
// tagger reads change; offsets and surface text stay the document's.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::ner {

// True if the words have no lower-case letter and at least two upper-case
// ones: "LONDON" alone (a dateline) and "OK" are; "A 1996", digits alone and
// an uncased script (Arabic) are not. A known acronym is re-cased like any
// known name ("NATO" reads "Nato" to the tagger; the entity keeps "NATO").
bool all_capitals(std::span<const std::string_view> words);

// A headline in capitals run on into the text that follows it, as wire
// services send it ("TROMBA DE AGUA OCASIONA INUNDACIONES Mérida , 2 may (
// EFE ) ."): the number of leading words without a lower-case letter, when
// three of them or more hold two capitals or more and a word with a
// lower-case letter follows them; 0 otherwise (a sentence all in capitals is
// all_capitals's). "NATO and EU leaders" and "US FBI agents said" are no
// headline.
std::size_t capitals_headline(std::span<const std::string_view> words);

// Sentences in capitals among a model's training sentences above which the
// model is taken to have learnt them (CoNLL-2003 en 13 %, CoNLL-2002 es
// 2.1 %, nl 0.6 %) and below which re-casing helps it (WikiANN en, es, nl
// 0.1-0.3 %; measured on the dev sets, plugins/ner/README.md).
inline constexpr double kCapitalsLearnt = 0.005;

// The share of training sentences in capitals a model card (JSON) records
// ("capitals_share", written by `vigil train ner`), or a negative number
// when the card does not say (models trained before it did).
double capitals_share(const std::string& model_card_json);

// Writes the re-cased words into `out` (one per word): lower case, or
// capital initial and lower-case rest where `known[i]` is set.
void recase(std::span<const std::string_view> words, std::span<const char> known, std::vector<std::string>& out);

}  // namespace vigil::ner
