// Common nouns that news capitalises when they stand for one institution:
// Spanish "el Gobierno", "la Junta", "el Ejecutivo"; Dutch "de Commissie";
// English "the Treasury", "Congress". Capitalised, such a word names the
// body (CoNLL marks it ORG); written in lower case it is a common noun. The
// lists are ours, folded (fold(): lower case, no Latin diacritics). French
// and German have none: French writes these in lower case, German
// capitalises every noun.
#pragma once

#include <string_view>

namespace vigil::ner {

// True if `folded` is such a noun in `language`.
bool is_institution_noun(std::string_view folded, std::string_view language);

}  // namespace vigil::ner
