// Document-level resolution of the tagger's mentions:
//
// 1. gazetteer: a mention whose words are a known name of its type gets
//    that entry's canonical name and id (a leading article is ignored:
//    "la DGSN", "the Guardia Civil"; one or two words before may complete
//    the name: "Spain's National Police"); a known name of another type at
//    the edge of a longer mention is split off; known names the tagger
//    missed are added (several words, or a country or curated entry), and
//    so are capitalised words for a people in en, es and nl (MISC); a
//    mention that is exactly a country's name or a curated region's (in the
//    document's language) is a place even where the tagger said organisation,
//    and one that is exactly a curated organisation's or person's name takes
//    that type; an organisation or a place whose head word names an event
//    ("U.S. Open", "Copa del Rey": event_words.hpp) is MISC;
// 2. acronyms: "Long Form (LF)" and "LF (Long Form)" share canonical and id
//    (an untagged acronym in the brackets becomes a mention of the long
//    form's type; syllabic ones fit too: "Agencia Nacional de
//    Telecomunicaciones (ANATEL)"); capitals in brackets after a person
//    that are not the person's initials name an organisation, unless a
//    gazetteer knows them ("Diego Ledesma (PP)");
// 3. repeats: an untagged occurrence of a mention's exact words becomes a
//    mention too (one entity, tagged consistently), and so does a person's
//    surname alone;
//    One name, one type: mentions of the same words take the type with the
//    most summed confidence among them (gazetteer-resolved ones keep theirs);
// 4. people: "Hammouchi" after (or before) "Abdellatif Hammouchi" points to
//    the full name, and takes the PER type if the tagger said otherwise;
// 5. ids: mentions linked by 2 or 4 without a gazetteer id share a local id
//    "local:<type>/<canonical folded>"; every mention has a canonical name
//    (the surface text when nothing better is known).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "sub_tokens.hpp"

namespace vigil::ner {

struct Mention {
  std::size_t first = 0, last = 0;  // sub-token indices, half-open
  std::uint8_t type = 0;
  float score = 1.0f;
  std::string canonical;
  std::string id;
  bool from_gazetteer = false;  // canonical/id came from a gazetteer entry
};

struct DocumentView {
  std::string_view text;
  std::span<const SubToken> pieces;
  std::span<const std::string> folded;  // fold() of each piece
  std::string_view language;
  const Gazetteer* gazetteer = nullptr;
  bool add_known_names = true;                        // gazetteer names the tagger missed become mentions
  std::span<const std::size_t> sentence_starts = {};  // piece index of each sentence's start, ascending
};

// Resolves in place; mentions stay sorted by position and never overlap.
void resolve_mentions(const DocumentView& doc, std::vector<Mention>& mentions);

}  // namespace vigil::ner
