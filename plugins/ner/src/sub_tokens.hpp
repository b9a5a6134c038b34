// The units the tagger labels: the host's tokens, with two splits that the
// training data makes and a general-purpose tokenizer does not.
//
// - English possessive: "Spain’s" → "Spain" + "’s" (as in CoNLL).
// - French (and Italian, Catalan) elision: "l’Espagne" → "l’" + "Espagne",
//   "d'Esquadra" → "d'" + "Esquadra" (lower-case elided words only, so that
//   "D'Angelo" or "L'Oréal" stay whole).
// - Arabic proclitics: و ف (and, so), ب ل ك (with/in, for, like) before the
//   article ال are split off, so "والمغرب" yields "و" + "المغرب" and the entity
//   is the country alone, with exact offsets. Before a word without the
//   article, a proclitic is split only when the rest is a known name in the
//   gazetteer ("وواشنطن" → "و" + "واشنطن"), since many words begin with
//   these letters ("وزير", minister). Training data (NewsFANE) separates
//   these clitics the same way.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "vigil/sdk/document.hpp"

namespace vigil::ner {

struct SubToken {
  sdk::Offset begin = 0;
  sdk::Offset end = 0;
};

// Bytes of a leading elided word with its apostrophe ("l'", "qu’"), if the
// word goes on with a letter; 0 otherwise.
std::size_t elision_bytes(std::string_view word);

// Appends the sub-tokens of the text span [begin, end) to `out`.
void split_token(std::string_view text, sdk::Offset begin, sdk::Offset end, const Gazetteer* gazetteer,
                 std::vector<SubToken>& out);

// Punctuation at the edge of a tagged span of sub-tokens [first, last) is not
// part of the name (models trained on WikiANN tend to take in a bracket or a
// possessive): moves first/last inward; false if nothing is left. A bracket
// closing one opened inside the span stays ("Federal Police (Bundespolizei)").
bool trim_punctuation(std::string_view text, std::span<const SubToken> pieces, std::size_t& first, std::size_t& last);

}  // namespace vigil::ner
