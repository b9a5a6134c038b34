#include "span_growth.hpp"

#include <algorithm>
#include <array>

#include "labels.hpp"
#include "word_forms.hpp"

namespace vigil::ner {
namespace {

constexpr std::uint8_t kPerType = 0;
constexpr std::uint8_t kLocType = 2;
static_assert(kEntityTypes[kPerType] == "PER" && kEntityTypes[kLocType] == "LOC");

std::string_view piece(const SentenceView& s, std::size_t i) {
  return s.text.substr(s.pieces[i].begin, s.pieces[i].end - s.pieces[i].begin);
}

// No space between pieces i and i + 1.
bool glued(const SentenceView& s, std::size_t i) {
  return s.pieces[i].end == s.pieces[i + 1].begin;
}

// Small words inside French compound names (folded).
bool compound_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {"sur", "sous", "en",  "et", "le", "la",  "les",
                                                              "de",  "du",   "des", "d",  "l",  "aux", "au"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool hyphen(const SentenceView& s, std::size_t i) {
  const auto w = piece(s, i);
  return w == "-" || w == "\u2010" || w == "\u2011";
}

// Titles and forms of address (folded), written out or abbreviated; the
// abbreviations are followed by their full stop or not ("Mme", "Me"), and
// count only with their capital ("me", "mes" are pronoun and determiner).
bool abbreviated_title(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kAbbreviations = {"m",  "mm",  "mme", "mmes", "mlle", "mlles",
                                                                      "me", "mes", "mgr", "dr",   "pr"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end();
}

bool written_title(std::string_view w) {
  static constexpr std::array<std::string_view, 35> kTitles = {
      "monsieur", "messieurs",  "madame",     "mesdames",  "mademoiselle", "femme",   "veuve",
      "docteur",  "doctoresse", "professeur", "president", "presidente",   "general", "marechal",
      "amiral",   "colonel",    "commandant", "capitaine", "lieutenant",   "abbe",    "cardinal",
      "baron",    "baronne",    "comte",      "comtesse",  "vicomte",      "duc",     "duchesse",
      "marquis",  "marquise",   "lord",       "sir",       "lady",         "maitre",  "sieur"};
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

// Piece i is a title: a written one, or an abbreviation with its capital.
bool french_title(const SentenceView& s, std::size_t i) {
  const std::string_view w = s.folded[i];
  return written_title(w) || (abbreviated_title(w) && starts_upper(piece(s, i)));
}

bool name_particle(std::string_view w) {
  return w == "de" || w == "d'" || w == "du" || w == "des";
}

// Words that open a street's name (folded; "r" and "bd" with or without
// their full stop).
bool street_word(std::string_view w) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "rue",   "r",      "boulevard", "bd",    "bld",   "avenue", "av",    "quai",   "impasse",
      "allee", "square", "faubourg",  "place", "route", "chemin", "cours", "passage"};
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Street words that are also common nouns before "de": "à la place de
// Paris" (instead of), "les cours de Londres" (prices), "le passage de
// Tanger" (the crossing). They open a street's name only right before it
// ("place Vendôme", "cours Mirabeau").
bool street_word_only_before_name(std::string_view w) {
  return w == "place" || w == "route" || w == "chemin" || w == "cours" || w == "passage";
}

// Words that open an apposition naming a person's post or birth, after the
// name and a comma ("M. Monier, juge d'instruction", "Lorenzo Villars, né
// en 1896"). Folded, but for "né" and "née", read as written: folded they
// are the negation "ne" ("M. Dupont, ne pouvant venir, ...").
bool post_word(const SentenceView& s, std::size_t i) {
  static constexpr std::array<std::string_view, 32> kWords = {
      "president", "vice",     "ministre",    "depute",     "maire",          "secretaire", "directeur",
      "notaire",   "senateur", "avocat",      "conseiller", "chef",           "professeur", "commissaire",
      "juge",      "prefet",   "general",     "colonel",    "capitaine",      "lieutenant", "docteur",
      "ingenieur", "delegue",  "inspecteur",  "tresorier",  "administrateur", "gerant",     "redacteur",
      "fondateur", "consul",   "ambassadeur", "gouverneur"};
  if (std::find(kWords.begin(), kWords.end(), s.folded[i]) != kWords.end()) return true;
  std::string written;
  lowercase(piece(s, i), written);
  return written == "n\u00e9" || written == "n\u00e9e";
}

// The end of an apposition that opens at `at`: the next comma, colon,
// semicolon, bracket, quote or full stop (not an initial's: "du F. C.
// Metz"), at most 14 pieces on; 0 when none comes within them, or the
// sentence ends first (an apposition that is not over within the sentence
// is no mention's).
std::size_t apposition_end(const SentenceView& s, std::size_t at) {
  static constexpr std::array<std::string_view, 16> kEnds = {
      ",", ".", ";", ":", "(", ")", "[", "]", "!", "?", "\u00ab", "\u00bb", "\"", "\u201c", "\u201d", "\u201e"};
  for (std::size_t k = at; k < s.end && k < at + 14; ++k) {
    const std::string_view w = piece(s, k);
    if (w == "." && k > at && utf8_length(piece(s, k - 1)) <= 2 && starts_upper(piece(s, k - 1))) continue;
    if (std::find(kEnds.begin(), kEnds.end(), w) != kEnds.end()) return k;
  }
  return 0;
}

}  // namespace

void grow_over_line_breaks(const SentenceView& s, std::size_t& first, std::size_t& last) {
  while (last < s.end) {
    if (piece(s, last - 1).ends_with(kLineBreakSign) && starts_lower(piece(s, last)))
      ++last;  // "Afri¬" + "que"
    else if (last + 1 < s.end && piece(s, last) == kLineBreakSign && glued(s, last - 1) &&
             starts_lower(piece(s, last + 1)))
      last += 2;  // "Afri" + "¬" + "que", as a tokenizer may cut it
    else
      break;
  }
  while (first > s.begin && starts_lower(piece(s, first))) {
    if (piece(s, first - 1).ends_with(kLineBreakSign) && piece(s, first - 1) != kLineBreakSign)
      --first;
    else if (first >= s.begin + 2 && piece(s, first - 1) == kLineBreakSign && glued(s, first - 2))
      first -= 2;
    else
      break;
  }
}

std::vector<std::string> words_whole(std::span<const std::string> folded) {
  std::vector<std::string> words;
  bool joins = false;  // the last word ended at a line break
  for (const auto& f : folded) {
    if (f == kLineBreakSign) {
      joins = !words.empty();
      continue;
    }
    std::string_view w = f;
    const bool breaks = w.ends_with(kLineBreakSign);
    if (breaks) w.remove_suffix(kLineBreakSign.size());
    if (joins)
      words.back() += w;
    else
      words.emplace_back(w);
    joins = breaks;
  }
  return words;
}

void grow_over_hyphens(const SentenceView& s, std::string_view lang, std::size_t& first, std::size_t& last) {
  if (lang != "fr") return;
  // "-" glued to both neighbours at piece h.
  auto joining_hyphen = [&](std::size_t h) {
    return h > s.begin && h + 1 < s.end && hyphen(s, h) && glued(s, h - 1) && glued(s, h);
  };
  for (;;) {
    if (last < s.end && joining_hyphen(last)) {
      if (starts_upper(piece(s, last + 1))) {
        last += 2;
        continue;
      }
      if (compound_particle(s.folded[last + 1]) && joining_hyphen(last + 2) && starts_upper(piece(s, last + 3))) {
        last += 4;  // "Châlons" + "-sur-Marne"
        continue;
      }
    }
    break;
  }
  for (;;) {
    if (first >= s.begin + 2 && joining_hyphen(first - 1)) {
      if (starts_upper(piece(s, first - 2))) {
        first -= 2;
        continue;
      }
      if (compound_particle(s.folded[first - 2]) && first >= s.begin + 4 && joining_hyphen(first - 3) &&
          starts_upper(piece(s, first - 4))) {
        first -= 4;
        continue;
      }
    }
    break;
  }
}

void grow_over_french_titles(const SentenceView& s, std::string_view lang, std::size_t& first) {
  if (lang != "fr") return;
  std::size_t at = first;
  for (;;) {
    if (at >= s.begin + 2 && piece(s, at - 1) == "." && glued(s, at - 2) && french_title(s, at - 2))
      at -= 2;  // "M ." (the full stop is a piece of its own)
    else if (at > s.begin && french_title(s, at - 1))
      at -= 1;  // "Mme", "professeur", "M." as one piece
    else if (at == first && at >= s.begin + 2 && name_particle(s.folded[at - 1]) && french_title(s, at - 2))
      at -= 2;  // "monsieur [de] Belgarde", the particle left out by the tagger
    else if (at < first && at > s.begin && (s.folded[at - 1] == "le" || s.folded[at - 1] == "la") &&
             at >= s.begin + 2 &&
             (french_title(s, at - 2) || (piece(s, at - 2) == "." && at >= s.begin + 3 && french_title(s, at - 3))))
      at -= 1;  // "M. [le] général": the article between two titles
    else
      break;
  }
  first = at;
}

void grow_over_street_words(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first) {
  if (lang != "fr" || type != kLocType) return;
  // "[rue de] Rivoli": the street word and its "de", "du", "de la", "d'".
  std::size_t at = first;
  for (std::size_t back = 1; back <= 4 && at >= s.begin + back; ++back) {
    const std::size_t k = at - back;
    if (street_word(s.folded[k]) || (s.folded[k] == "." && k > s.begin && street_word(s.folded[k - 1]))) {
      const std::size_t start = s.folded[k] == "." ? k - 1 : k;
      bool between_ok = true;  // only small words and an apostrophe between
      for (std::size_t j = k + 1; j < at; ++j)
        between_ok = between_ok && (name_particle(s.folded[j]) || s.folded[j] == "la" || s.folded[j] == "l" ||
                                    s.folded[j] == "d" || s.folded[j] == "'" || s.folded[j] == "’");
      if (between_ok && (back == 1 || !street_word_only_before_name(s.folded[start]))) first = start;
      break;
    }
  }
}

void grow_over_french_name_forms(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first,
                                 std::size_t& last) {
  if (lang != "fr") return;
  if (type == kPerType) {
    // "Roman ( Clémentine )": the given name in brackets after the surname.
    std::size_t k = last;
    if (k < s.end && piece(s, k) == "(") {
      ++k;
      const std::size_t names = k;
      std::string shape, short_shape;
      // Capitalised words ("Clémentine", "Marie-Louise"), not an acronym ("(PCF)").
      auto given_name = [&](std::string_view w) {
        word_shape(w, shape, short_shape);
        return short_shape == "Xx";
      };
      while (k < s.end && k - names < 3 && given_name(piece(s, k))) ++k;
      if (k > names && k < s.end && piece(s, k) == ")") last = k + 1;
    }
    // ", juge d'instruction", ", né en 1896 à Corenza": an apposition that
    // names the person's post or birth (HIPE NewsEye fr dev: 7 persons so
    // followed, every one with the apposition in its mention).
    if (last + 1 < s.end && piece(s, last) == "," && post_word(s, last + 1))
      if (const std::size_t end = apposition_end(s, last + 2); end != 0) last = end;
    return;
  }
  if (type != kLocType || !street_word(s.folded[first])) return;
  // The house number: "40 , [rue Haute]", "[rue de Rivoli] , 116".
  if (first >= s.begin + 2 && piece(s, first - 1) == "," && bare_number(piece(s, first - 2)))
    first -= 2;
  else if (first > s.begin && bare_number(piece(s, first - 1)))
    first -= 1;
  if (last + 1 < s.end && piece(s, last) == "," && bare_number(piece(s, last + 1))) last += 2;
}

void trim_french_name_forms(const SentenceView& s, std::string_view lang, std::uint8_t type, std::size_t& first,
                            std::size_t& last) {
  if (lang != "fr") return;
  if (type == kPerType) {
    for (;;) {
      if (first + 2 < last && french_title(s, first) && piece(s, first + 1) == "." && glued(s, first))
        first += 2;  // "M ."
      else if (first + 1 < last && (french_title(s, first) || ((s.folded[first] == "le" || s.folded[first] == "la") &&
                                                               french_title(s, first + 1))))
        first += 1;
      else
        break;
    }
    // "Roman ( Clémentine )" read as one span by the tagger: the surname.
    if (last >= first + 4 && piece(s, last - 1) == ")") {
      std::size_t k = last - 1;
      while (k > first && piece(s, k) != "(") --k;
      if (k > first && piece(s, k) == "(") last = k;
    }
    return;
  }
  if (type != kLocType) return;
  // "[40 ,] rue Haute", "rue de Rivoli [, 116]": the house number is no part of the street's name.
  std::size_t k = first;
  while (k < last && (bare_number(piece(s, k)) || piece(s, k) == ",")) ++k;
  if (k > first && k + 1 < last && street_word(s.folded[k])) first = k;
  if (last >= first + 3 && bare_number(piece(s, last - 1)) && piece(s, last - 2) == "," && street_word(s.folded[first]))
    last -= 2;
}

void merge_overlapping(std::vector<Mention>& mentions, std::size_t from) {
  if (mentions.size() <= from + 1) return;
  std::stable_sort(mentions.begin() + static_cast<std::ptrdiff_t>(from), mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.first < b.first; });
  std::size_t out = from;
  for (std::size_t i = from + 1; i < mentions.size(); ++i) {
    Mention& kept = mentions[out];
    Mention& next = mentions[i];
    if (next.first < kept.last) {
      if (next.last - next.first > kept.last - kept.first) kept.type = next.type;
      kept.last = std::max(kept.last, next.last);
      kept.score = std::max(kept.score, next.score);
    } else {
      mentions[++out] = std::move(next);
    }
  }
  mentions.resize(out + 1);
}

}  // namespace vigil::ner
