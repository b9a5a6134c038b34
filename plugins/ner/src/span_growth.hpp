// Span rules that grow a tagged span over words the tokenizer cut apart,
// and French mentions over what HIPE counts in them. ner_component.cpp
// applies trim_french_name_forms, the line-break, hyphen and street-word
// rules to each span after its trimming and splitting rules, before
// resolution; grow_over_french_titles and grow_over_french_name_forms to
// each mention after resolution, so they widen the span, not the name.
//
// Spans are half-open ranges of sub-token indices ("pieces"); `begin` and
// `end` bound the sentence, which a span never leaves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entity_resolution.hpp"
#include "sub_tokens.hpp"

namespace vigil::ner {

struct SentenceView {
  std::string_view text;
  std::span<const SubToken> pieces;
  std::span<const std::string> folded;  // fold() of each piece
  std::size_t begin = 0, end = 0;       // the sentence's pieces
};

// A word broken at a line end, as scanned newspapers print it: the part
// before the break ends with "¬" ("Afri¬ que", "Shakes¬ peare"); the span
// takes the whole word on either side. Every language.
void grow_over_line_breaks(const SentenceView& s, std::size_t& first, std::size_t& last);

// The words of folded pieces with the words a line break cut written whole
// ("polo¬" + "nais" → "polonais"; "afri" + "¬" + "que" → "afrique"), for
// looking them up in word lists.
std::vector<std::string> words_whole(std::span<const std::string> folded);

// French compounds written with hyphens and no spaces ("Saint-Pierre-Vaast",
// "NEW-YORK", "Châlons-sur-Marne", "Jean-Luc"), which the tokenizer splits
// at each hyphen: the span takes the capitalised words joined to it, and the
// small words between ("sur", "en", "le") when another hyphen follows them.
// On HIPE NewsEye fr dev and dev2, 145 of 151 such joins of two capitalised
// words inside or at the edge of a gold entity belong to one entity.
void grow_over_hyphens(const SentenceView& s, std::string_view lang, std::size_t& first, std::size_t& last);

// French: a person's titles and forms of address before the name ("M.
// Daladier", "Mme Duvivier", "le professeur Langevin" → "professeur
// Langevin", "M. le général Weygand"), which HIPE counts in the name (and
// French writing joins to it). Only for a person's span.
void grow_over_french_titles(const SentenceView& s, std::string_view lang, std::size_t& first);

// French: the street word before a street's name, and the "de", "du",
// "de la", "d'" after it ("[rue de] Rivoli", "[r. d']Amsterdam"): part of
// the name, as "Rivoli" alone is not one.
void grow_over_street_words(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first);

// French writing habits HIPE counts in a mention, though not in the name:
// a person's given name in brackets after the surname ("Roman
// (Clémentine)", in court and civil registers) and a street's house number
// ("40, rue Haute", "rue de Rivoli, 116").
void grow_over_french_name_forms(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first,
                                 std::size_t& last);

// The reverse, before resolution: a span the tagger read with those
// ("M . Dupont", "40 , rue Haute") loses them, so that the canonical name
// and the links between mentions are the name's ("Dupont"); the mention
// takes them back after resolution (grow_over_french_titles and
// grow_over_french_name_forms).
void trim_french_name_forms(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first,
                            std::size_t& last);

// After growing, mentions of one sentence [from, end) may overlap: each
// overlapping pair becomes one mention over both, with the longer's type.
void merge_overlapping(std::vector<Mention>& mentions, std::size_t from);

}  // namespace vigil::ner
