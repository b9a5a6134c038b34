// Words written with a capital that are never a person, an organisation or
// a place on their own: the days of the week, and the months whose names are
// not also first names ("May", "June", "August" stay open). The taggers
// trained on WikiANN see few of them in running text and read "on Friday" as
// a place; a one-word entity that is one of these is dropped. (English CoNLL
// dev, shipped model: 229 such tokens among 4 984 entities.) Also English
// titles and the particles of English-written names.
#pragma once

#include <string_view>

namespace vigil::ner {

// `folded`: the word as fold() gives it (lower case, no diacritics).
// Languages without a list (ar) never match.
bool never_a_name_alone(std::string_view folded, std::string_view language);

// English titles and forms of address ("President", "Queen", "Gen", "Mr";
// the host's tokens split off the full stop): CoNLL and WikiNEuRal leave
// them out of a person's name ("President [Bill Clinton]"). The stage trims
// them off the front of a person, and drops a span made only of titles that
// name no one alone ("President", "Mr"; not "Prince", "Queen", "Justice").
// Other languages write titles in lower case, or (HIPE French) count them in.
bool is_title(std::string_view folded, std::string_view language);
bool title_names_no_one(std::string_view folded, std::string_view language);

// English words that make a title a post ("Foreign", "Defence", "Deputy"
// in "Foreign Minister", "Deputy Prime Minister"): written before the
// title, part of it, not of the name before it.
bool names_a_post(std::string_view folded, std::string_view language);

// The lower-case words an English name may hold inside ("Bank of England",
// "Vincent van Gogh"): function words and name particles. Another
// lower-case word inside a span ("Moroccan capital Rabat", "Leicestershire
// beat Somerset") splits it. English only: Spanish and Dutch names keep
// lower-case content words ("Ministerio de Asuntos exteriores"), and
// splitting cost 2.7 and 0.5 F1 on WikiNEuRal es and nl val.
bool may_be_inside_a_name(std::string_view folded, std::string_view language);
bool splits_names(std::string_view language);

// "and" in the language: en "and", es "y"/"e", fr "et", de "und", nl "en",
// ar "و" (a token of its own once the stage splits the clitic). Two names
// joined by it are two mentions.
bool is_conjunction(std::string_view folded, std::string_view language);

// Lower-case particles that begin an English-written name ("van Gogh",
// "de Gaulle", "bin Laden"): kept when trimming lower-case words off a span.
bool is_name_particle(std::string_view folded, std::string_view language);

}  // namespace vigil::ner
