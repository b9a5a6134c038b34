// Words for peoples and groups: nationalities and their adjectives
// ("Moroccan", "Iraqis", "Marocains", "Spaanse"), regions ("European",
// "North African") and religious or ethnic groups ("Muslims", "Kurdish").
// They are written with a capital in English (and Dutch, and as nouns in
// French and German), so a tagger reads them as names, but they name no one
// person, organisation or place: CoNLL and GermEval mark them MISC. A span
// made only of such words (with a leading compass word: "South Korean") is
// made MISC, whatever type the tagger gave it; "Spanish National Police"
// is not such a span and keeps its type. The lists are ours; written folded
// (fold(): lower case, no Latin diacritics). Arabic has none: NewsFANE, its
// training data, marks groups ("العرب") as persons, and so does its model.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace vigil::ner {

// True when every word of `folded` is a group word of `language`, possibly
// after compass words ("south", "north", "west", ...), and there is at least
// one group word.
bool names_a_group(std::span<const std::string> folded, std::string_view language);

}  // namespace vigil::ner
