// Words that make a name an event's: sports competitions, wars, prizes.
// English puts them last ("U.S. Open", "Fed Cup", "World Series", "Gulf
// War"), Spanish and Dutch first ("Copa del Rey", "Juegos Panamericanos",
// "Liga ACB", "Ronde van Vlaanderen"), Dutch also last ("Olympische
// Spelen", "Grote Prijs"). A name the tagger read as an organisation or a
// place that has such a word there is MISC, as CoNLL marks events
// (entity_resolution.cpp: events_by_head_word). The lists are ours,
// folded (fold(): lower case, no Latin diacritics).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace vigil::ner {

// True when `folded` (a mention's words) names an event in `language` by
// its head word: the last word (en, nl) or the first (es, nl). A single word
// counts only where it names the event alone ("Olympics", es "Mundial",
// nl "Spelen").
bool names_an_event(std::span<const std::string> folded, std::string_view language);

}  // namespace vigil::ner
