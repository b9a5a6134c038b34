#include "entity_resolution.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_set>

#include "demonyms.hpp"
#include "event_words.hpp"
#include "institution_nouns.hpp"
#include "labels.hpp"
#include "not_names.hpp"
#include "word_forms.hpp"

namespace vigil::ner {
namespace {

const std::unordered_set<std::string_view>& articles() {
  static const std::unordered_set<std::string_view> set = {"the",
                                                           "la",
                                                           "le",
                                                           "les",
                                                           "l'",
                                                           "el",
                                                           "los",
                                                           "las",
                                                           "die",
                                                           "der",
                                                           "des",
                                                           "dem",
                                                           "den",
                                                           "het",
                                                           "de",
                                                           "al",
                                                           "\xD8\xA7\xD9\x84"};  // ال written apart
  return set;
}

// Words naming a post, which news writes after an institution's name
// ("Police Director", "Polizeipräsident" is one word and not concerned).
const std::unordered_set<std::string_view>& role_words() {
  static const std::unordered_set<std::string_view> set = {
      "director",     "chief",       "commissioner",     "head",     "president",    "spokesman",
      "spokesperson", "spokeswoman", "directeur",        "chef",     "porte-parole", "jefe",
      "portavoz",     "direktor",    "prasident",        "sprecher", "hoofd",        "woordvoerder",
      "commissaris",  "general",     "general-director", "deputy"};
  return set;
}

std::string_view piece_text(const DocumentView& doc, std::size_t i) {
  return doc.text.substr(doc.pieces[i].begin, doc.pieces[i].end - doc.pieces[i].begin);
}

std::span<const std::string> words_of(const DocumentView& doc, const Mention& m) {
  return doc.folded.subspan(m.first, m.last - m.first);
}

// The mention's folded words, as one string: "mentions of the same words".
std::string words_key(const DocumentView& doc, const Mention& m) {
  std::string k;
  for (const auto& w : words_of(doc, m)) k.append(w).push_back(' ');
  return k;
}

// The mention's text; a word a scanned page broke at a line end with "¬"
// is written whole ("Afri¬ que" → "Afrique").
std::string surface(const DocumentView& doc, const Mention& m) {
  std::string s(doc.text.substr(doc.pieces[m.first].begin, doc.pieces[m.last - 1].end - doc.pieces[m.first].begin));
  for (std::size_t at = s.find(kLineBreakSign); at != std::string::npos; at = s.find(kLineBreakSign, at)) {
    std::size_t end = at + kLineBreakSign.size();
    while (end < s.size() && (s[end] == ' ' || s[end] == '\n' || s[end] == '\r' || s[end] == '\t')) ++end;
    s.erase(at, end - at);
  }
  return s;
}

// The best entry among these names: of `type` if given, the document's
// language first, then language-neutral names, then others; -1 if none.
long best_entry(const DocumentView& doc, std::span<const Gazetteer::Name> names, int type = -1) {
  const std::uint16_t lang = Gazetteer::pack_lang(doc.language);
  long best = -1;
  int best_rank = 3;
  for (const auto& n : names) {
    if (type >= 0 && doc.gazetteer->entry(n.entry).type != type) continue;
    const int rank = n.lang == lang ? 0 : n.lang == 0 ? 1 : 2;
    if (rank < best_rank) {
      best_rank = rank;
      best = static_cast<long>(n.entry);
    }
  }
  return best;
}

// True if piece i opens a sentence (the document's first piece does).
bool opens_sentence(const DocumentView& doc, std::size_t i) {
  return i == 0 || std::binary_search(doc.sentence_starts.begin(), doc.sentence_starts.end(), i);
}

// True if [first, last) runs over a sentence boundary.
bool crosses_sentence(const DocumentView& doc, std::size_t first, std::size_t last) {
  auto it = std::upper_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), first);
  return it != doc.sentence_starts.end() && *it < last;
}

void resolve_by_gazetteer(const DocumentView& doc, Mention& m) {
  if (doc.gazetteer == nullptr) return;
  // Takes the first of these word sequences that is a known name of the mention's type.
  auto adopt = [&](std::span<const std::string> words) {
    const long e = best_entry(doc, doc.gazetteer->find(words), m.type);
    if (e < 0) return false;
    const auto& entry = doc.gazetteer->entry(static_cast<std::uint32_t>(e));
    m.canonical = entry.canonical;
    m.id = entry.id;
    m.from_gazetteer = true;
    return true;
  };
  const auto words = words_of(doc, m);
  if (adopt(words)) return;
  // A country's name (or a curated region's: "England", "Catalonia") is a
  // place even where the tagger read an organisation, as for national teams
  // ("Spain beat Italy"): CoNLL marks them LOC.
  // So is a curated event's name MISC ("World Cup", "Olympics":
  // events.tsv). Only the names of the document's language (and
  // language-neutral ones).
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  static const auto loc = static_cast<std::uint8_t>(*type_index("LOC"));
  static const auto misc = static_cast<std::uint8_t>(*type_index("MISC"));
  static const auto per = static_cast<std::uint8_t>(*type_index("PER"));
  // The gazetteer's names for the words that apply in the document's language.
  auto applicable = [&](std::span<const std::string> name_words) {
    std::vector<Gazetteer::Name> names;
    for (const auto& n : doc.gazetteer->find(name_words))
      if (doc.gazetteer->applies(n, doc.language)) names.push_back(n);
    return names;
  };
  // The words, whose names are `names`, are a known name of `type` whose id
  // starts with `id_prefix`: the mention takes that type and the name.
  auto retype_as = [&](std::span<const std::string> name_words, std::span<const Gazetteer::Name> names,
                       std::uint8_t type, std::string_view id_prefix) {
    const long e = best_entry(doc, names, type);
    if (e < 0 || !doc.gazetteer->entry(static_cast<std::uint32_t>(e)).id.starts_with(id_prefix)) return false;
    const std::uint8_t was = m.type;
    m.type = type;  // adopt looks for a name of the mention's type
    if (adopt(name_words)) return true;
    m.type = was;  // defensive: adopt finds the entry found above, so it does not fail today
    return false;
  };
  const auto names = applicable(words);  // looked up once for the retypes below
  auto retype = [&](std::uint8_t type, std::string_view id_prefix) { return retype_as(words, names, type, id_prefix); };
  if (m.type == org && (retype(loc, "iso3166:") || retype(loc, "vigil:loc/"))) return;
  if (retype(misc, "vigil:misc/")) return;
  // A curated organisation's or person's exact name is one whatever the
  // tagger read ("Directorate General of National Security" as a place).
  if (retype(org, "vigil:org/") || retype(per, "vigil:per/")) return;
  // A leading article is not part of the name: "la DGSN", "the Guardia Civil".
  if (words.size() >= 2 && articles().contains(words.front()) && adopt(words.subspan(1))) return;
  // The words before may complete the name: "Spain 's National Police",
  // "Spanish National Police" when the tagger kept only "National Police";
  // a curated institution's whatever the tagger read ("General [Directorate
  // of National Security]", its first word taken for a title).
  for (std::size_t extra = 1; extra <= 2 && extra <= m.first && !crosses_sentence(doc, m.first - extra, m.last);
       ++extra) {
    const auto longer = doc.folded.subspan(m.first - extra, m.last - m.first + extra);
    if (adopt(longer) || retype_as(longer, applicable(longer), org, "vigil:org/")) return;
  }
}

bool all_caps_acronym(std::string_view s) {
  std::size_t letters = 0;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != '.' && c != '-' && c != '&')
      return false;
  }
  return letters >= 2 && letters <= 10;
}

// True if the acronym's letters appear, in order, among the initials of the
// long form's words (function words may be skipped: "DGSN" for "Direction
// générale de la Sûreté nationale").
bool initials_match(std::string_view acronym, std::span<const std::string> long_words) {
  std::string letters;
  for (char c : acronym)
    if (c >= 'A' && c <= 'Z') letters.push_back(static_cast<char>(c - 'A' + 'a'));
  std::size_t k = 0;
  for (const auto& w : long_words) {
    if (k < letters.size() && !w.empty() && w[0] == letters[k]) ++k;
  }
  return k == letters.size() && letters.size() >= 2;
}

// Looser than initials_match: the acronym's letters are read, in order,
// from the long form, the first at the initial of its first word, each next
// one at a later word's initial or further inside the word of the letter
// before; words may be skipped. Syllabic acronyms fit ("ANATEL" for
// "Agencia Nacional de Telecomunicaciones", "CETAC" for "Consejo Técnico de
// Aviación Civil", "UNIFIL" for "U.N. Interim Force in Lebanon"); only
// where the acronym stands in brackets right after its long form.
bool acronym_fits(std::string_view acronym, std::span<const std::string> long_words) {
  constexpr std::size_t kMaxLetters = 10, kMaxWords = 16, kMaxPosition = 32;
  std::string letters;
  for (char c : acronym)
    if (c >= 'A' && c <= 'Z') letters.push_back(static_cast<char>(c - 'A' + 'a'));
  if (letters.size() < 2 || letters.size() > kMaxLetters || long_words.empty() || long_words.size() > kMaxWords ||
      long_words[0].empty() || long_words[0][0] != letters[0])
    return false;
  // failed[k][j][p]: letters from k on cannot be read after position p of word j.
  std::array<std::array<std::array<bool, kMaxPosition>, kMaxWords>, kMaxLetters> failed{};
  auto read = [&](auto& self, std::size_t k, std::size_t j, std::size_t p) -> bool {
    if (k == letters.size()) return true;
    if (failed[k][j][p]) return false;
    const std::string& w = long_words[j];
    for (std::size_t q = p + 1; q < w.size() && q < kMaxPosition; ++q)
      if (w[q] == letters[k] && self(self, k + 1, j, q)) return true;
    for (std::size_t next = j + 1; next < long_words.size(); ++next)
      if (!long_words[next].empty() && long_words[next][0] == letters[k] && self(self, k + 1, next, 0)) return true;
    failed[k][j][p] = true;
    return false;
  };
  return read(read, 1, 0, 0);
}

std::string local_id(const Mention& m) {
  std::string folded;
  fold(m.canonical, folded);
  for (char& c : folded)
    if (c == ' ') c = '-';
  return "local:" + std::string(kEntityTypes[m.type]) + "/" + folded;
}

void link(Mention& from, const Mention& to) {
  from.canonical = to.canonical;
  from.id = to.id;
}

// A mention a rule adds where the tagger found none.
Mention new_mention(std::size_t first, std::size_t last, std::uint8_t type, float score) {
  Mention m;
  m.first = first;
  m.last = last;
  m.type = type;
  m.score = score;
  return m;
}

void insert_sorted(std::vector<Mention>& mentions, Mention m) {
  auto at = std::lower_bound(mentions.begin(), mentions.end(), m,
                             [](const Mention& a, const Mention& b) { return a.first < b.first; });
  mentions.insert(at, std::move(m));
}

bool overlaps_any(const std::vector<Mention>& mentions, std::size_t first, std::size_t last) {
  for (const auto& m : mentions)
    if (m.first < last && first < m.last) return true;
  return false;
}

bool capitalised_or_uncased(const DocumentView& doc, std::size_t piece) {
  const std::string_view w = piece_text(doc, piece);
  return starts_upper(w) || (!w.empty() && static_cast<unsigned char>(w[0]) >= 0x80 && !starts_lower(w));
}

Mention from_entry(const DocumentView& doc, std::size_t first, std::size_t last, std::uint32_t entry, float score) {
  const auto& e = doc.gazetteer->entry(entry);
  Mention m;
  m.first = first;
  m.last = last;
  m.type = e.type;
  m.score = score;
  m.canonical = e.canonical;
  m.id = e.id;
  m.from_gazetteer = true;
  return m;
}

// A curated name of another type at the edge of a longer mention is split off
// (and one of the same type after a title is all that is kept):
// "National Special Crime Unit Mikael Wern" → the unit, and Mikael Wern.
void split_known_names(const DocumentView& doc, std::vector<Mention>& mentions) {
  std::vector<Gazetteer::Match> matches;
  std::vector<Mention> out;
  for (auto& m : mentions) {
    if (m.from_gazetteer || m.last - m.first < 3) {
      out.push_back(m);
      continue;
    }
    doc.gazetteer->match(doc.folded.subspan(m.first, m.last - m.first), doc.language, matches);
    bool split = false;
    for (const auto& g : matches) {
      const std::size_t first = m.first + g.begin, last = m.first + g.end;
      const long e = best_entry(doc, g.names);
      if (e < 0 || last - first < 2 || last - first == m.last - m.first) continue;
      // Only curated names, and no place: a place name inside an
      // organisation's name is part of it ("New York Yankees", "Universidad
      // del País Vasco").
      const auto& entry = doc.gazetteer->entry(static_cast<std::uint32_t>(e));
      if (!entry.id.starts_with("vigil:") || entry.id.starts_with("vigil:loc/")) continue;
      if (entry.type == m.type) {
        // "President of the German Federal Police": a title before a known
        // name of the same type (joined by a lower-case word) is not part of it.
        auto piece = [&](std::size_t i) { return piece_text(doc, i); };
        // ... possibly followed by its name in brackets: "(Bundespolizeipräsidium)".
        const bool at_end = last == m.last || (piece(last) == "(" && piece(m.last - 1) == ")");
        const bool title = first > m.first && at_end && starts_lower(piece(first - 1));
        // "Denmark's Police Director": a role word after the name is not part of it either.
        bool role_after = first == m.first && last < m.last;
        for (std::size_t k = last; k < m.last && role_after; ++k) role_after = role_words().contains(doc.folded[k]);
        if (!title && !role_after) continue;
        out.push_back(from_entry(doc, first, last, static_cast<std::uint32_t>(e), m.score));
        split = true;
        break;
      }
      if (first != m.first && last != m.last) continue;  // another type: only at the edge
      Mention rest = m;
      if (first == m.first)
        rest.first = last;
      else
        rest.last = first;
      const bool rest_left = trim_punctuation(doc.text, doc.pieces, rest.first, rest.last);
      Mention known = from_entry(doc, first, last, static_cast<std::uint32_t>(e), m.score);
      if (first == m.first) {
        out.push_back(known);
        if (rest_left && capitalised_or_uncased(doc, rest.first)) out.push_back(rest);
      } else {
        if (rest_left && capitalised_or_uncased(doc, rest.first)) out.push_back(rest);
        out.push_back(known);
      }
      split = true;
      break;
    }
    if (!split) out.push_back(m);
  }
  mentions = std::move(out);
}

// Known names the tagger missed: names of two words or more, and single-word
// country names and curated entries (never a bare GeoNames place name: too
// many are also common words or surnames).
void add_known_names(const DocumentView& doc, std::vector<Mention>& mentions) {
  std::vector<Gazetteer::Match> matches;
  doc.gazetteer->match(doc.folded, doc.language, matches);
  std::vector<Mention> added;
  std::size_t covered_until = 0;
  for (const auto& g : matches) {
    if (g.begin < covered_until) continue;
    const long e = best_entry(doc, g.names);
    if (e < 0 || !capitalised_or_uncased(doc, g.begin)) continue;
    // A title that opens with an article: "El País", "Le Monde", "Die Zeit",
    // not "El país ha..." or "Le monde entier" at a sentence's start.
    if (g.end - g.begin >= 2 && articles().contains(doc.folded[g.begin]) && !capitalised_or_uncased(doc, g.begin + 1))
      continue;
    const auto& entry = doc.gazetteer->entry(static_cast<std::uint32_t>(e));
    const bool single = g.end - g.begin == 1;
    if (single && !(entry.id.starts_with("iso3166:") || entry.id.starts_with("vigil:"))) continue;
    if (overlaps_any(mentions, g.begin, g.end) || crosses_sentence(doc, g.begin, g.end)) continue;
    added.push_back(from_entry(doc, g.begin, g.end, static_cast<std::uint32_t>(e), 0.5f));
    covered_until = g.end;
  }
  for (auto& m : added) insert_sorted(mentions, std::move(m));
}

// Words for a people or a group the tagger left untagged ("French",
// "Palestinians", "North African"): MISC, as a span made of them is
// (demonyms.hpp). Written with a capital only: French and Spanish
// adjectives ("français") are no name. In English, Spanish and Dutch, whose
// news corpora (CoNLL) mark them MISC; not in French, whose (HIPE) do not
// mark them at all (NewsEye fr dev2 -0.5 F1 with them).
void add_group_words(const DocumentView& doc, std::vector<Mention>& mentions) {
  if (doc.language != "en" && doc.language != "es" && doc.language != "nl") return;
  static const auto misc = static_cast<std::uint8_t>(*type_index("MISC"));
  std::vector<Mention> added;
  for (std::size_t i = 0; i < doc.folded.size(); ++i) {
    if (!starts_upper(piece_text(doc, i))) continue;
    // Two words first ("North African", "South Korean"), then one.
    for (std::size_t n = std::min<std::size_t>(2, doc.folded.size() - i); n >= 1; --n) {
      if (n == 2 && !starts_upper(piece_text(doc, i + 1))) continue;
      if (!names_a_group(doc.folded.subspan(i, n), doc.language) || overlaps_any(mentions, i, i + n) ||
          crosses_sentence(doc, i, i + n))
        continue;
      added.push_back(new_mention(i, i + n, misc, 0.5f));
      i += n - 1;
      break;
    }
  }
  for (auto& m : added) insert_sorted(mentions, std::move(m));
}

// A capitalised noun that stands for an institution ("el Gobierno", "de
// Commissie", "the Treasury") and that the tagger left untagged: an
// organisation (institution_nouns.hpp).
void add_institution_nouns(const DocumentView& doc, std::vector<Mention>& mentions) {
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  std::vector<Mention> added;
  // A mention that is the noun alone is the institution whatever type the
  // tagger gave it ("el [Ejecutivo]" read as a person).
  for (auto& m : mentions)
    if (m.last == m.first + 1 && m.type != org && !opens_sentence(doc, m.first) &&
        starts_upper(piece_text(doc, m.first)) && is_institution_noun(doc.folded[m.first], doc.language))
      m.type = org;
  for (std::size_t i = 0; i < doc.folded.size(); ++i) {
    if (!starts_upper(piece_text(doc, i)) || !is_institution_noun(doc.folded[i], doc.language) ||
        overlaps_any(mentions, i, i + 1))
      continue;
    // At a sentence's start the capital says nothing; before "de", "of"...
    // the noun opens a longer name the tagger cut ("Ministerio del
    // Interior", "Comisión de Asuntos Exteriores").
    static constexpr std::array<std::string_view, 7> kOpensName = {"de", "del", "of", "for", "van", "voor", "der"};
    if (opens_sentence(doc, i) || (i + 1 < doc.folded.size() && std::find(kOpensName.begin(), kOpensName.end(),
                                                                          doc.folded[i + 1]) != kOpensName.end()))
      continue;
    added.push_back(new_mention(i, i + 1, org, 0.5f));
  }
  for (auto& m : added) insert_sorted(mentions, std::move(m));
}

// "General Directorate of National Security ( DGSN )" tagged as one span:
// the long form and the acronym become two mentions (linked below).
void split_bracketed_acronyms(const DocumentView& doc, std::vector<Mention>& mentions) {
  std::vector<Mention> out;
  for (const auto& m : mentions) {
    const bool bracketed = m.last - m.first >= 5 && piece_text(doc, m.last - 1) == ")" &&
                           piece_text(doc, m.last - 3) == "(" && all_caps_acronym(piece_text(doc, m.last - 2));
    Mention long_form = m, acronym = m;
    long_form.last = m.last - 3;
    acronym.first = m.last - 2;
    acronym.last = m.last - 1;
    // Only a real acronym of the long form ("Jimmy Vasser (U.S.)" stays whole).
    if (!bracketed || !initials_match(piece_text(doc, acronym.first), words_of(doc, long_form)) ||
        !trim_punctuation(doc.text, doc.pieces, long_form.first, long_form.last)) {
      out.push_back(m);
      continue;
    }
    out.push_back(long_form);
    out.push_back(acronym);
  }
  mentions = std::move(out);
}

// "Morocco and Spain" tagged as one span: two known names joined by a
// conjunction are two mentions, each of its own known type.
void split_coordinations(const DocumentView& doc, std::vector<Mention>& mentions) {
  std::vector<Mention> out;
  for (const auto& m : mentions) {
    bool split = false;
    // A known name with a conjunction inside stays whole (DGSN and DGST as one body).
    const bool known_whole = best_entry(doc, doc.gazetteer->find(words_of(doc, m))) >= 0;
    for (std::size_t c = m.first + 1; c + 1 < m.last && !split && !known_whole; ++c) {
      if (!is_conjunction(doc.folded[c], doc.language)) continue;
      const long left = best_entry(doc, doc.gazetteer->find(doc.folded.subspan(m.first, c - m.first)));
      const long right = best_entry(doc, doc.gazetteer->find(doc.folded.subspan(c + 1, m.last - c - 1)));
      if (left < 0 || right < 0) continue;
      out.push_back(from_entry(doc, m.first, c, static_cast<std::uint32_t>(left), m.score));
      out.push_back(from_entry(doc, c + 1, m.last, static_cast<std::uint32_t>(right), m.score));
      split = true;
    }
    if (!split) out.push_back(m);
  }
  mentions = std::move(out);
}

// "Diego Ledesma ( PP )", "Johan Sauwens ( VU )": capitals in brackets
// after a person, not the person's initials, name the party, club or
// employer (an organisation), unless a gazetteer knows them as something
// else ("Jimmy Vasser ( U.S. )": a country).
void add_bracketed_affiliation(const DocumentView& doc, std::vector<Mention>& mentions, const Mention& person,
                               std::size_t acronym) {
  if (overlaps_any(mentions, acronym, acronym + 1)) return;
  if (doc.gazetteer != nullptr && !doc.gazetteer->find(doc.folded.subspan(acronym, 1)).empty()) return;
  const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  insert_sorted(mentions, new_mention(acronym, acronym + 1, org, person.score));
}

void link_acronyms(const DocumentView& doc, std::vector<Mention>& mentions) {
  const std::size_t n = doc.pieces.size();
  const auto per = static_cast<std::uint8_t>(*type_index("PER"));
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const bool person = mentions[k].type == per;
    if (mentions[k].last - mentions[k].first < 2 && !person) continue;
    // The long form names the entity when no gazetteer does.
    if (mentions[k].canonical.empty()) mentions[k].canonical = surface(doc, mentions[k]);
    const Mention long_form = mentions[k];
    // "Long Form ( ACR )"
    const std::size_t open = long_form.last;
    if (open + 2 >= n || piece_text(doc, open) != "(" || piece_text(doc, open + 2) != ")") continue;
    const std::string_view acr = piece_text(doc, open + 1);
    if (!all_caps_acronym(acr)) continue;
    auto existing =
        std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.first == open + 1; });
    // Capitals in brackets after a person are an affiliation, never the
    // person's acronym, even where the letters fit ("Pedro Solbes ( PSOE )":
    // p-edro, s-olbes, o, e).
    if (person) {
      if (existing == mentions.end()) add_bracketed_affiliation(doc, mentions, long_form, open + 1);
      continue;
    }
    // The letters must fit: "Jimmy Vasser (U.S.)" is a name and a country.
    if (long_form.last - long_form.first < 2 ||
        !(initials_match(acr, words_of(doc, long_form)) || acronym_fits(acr, words_of(doc, long_form))))
      continue;
    if (existing != mentions.end() && existing->last == open + 2) {
      if (existing->from_gazetteer && !long_form.from_gazetteer) {
        link(mentions[k], *existing);
        mentions[k].type = existing->type;
      } else {
        link(*existing, long_form);
        existing->type = long_form.type;
      }
    } else if (existing == mentions.end() && !overlaps_any(mentions, open + 1, open + 2)) {
      Mention m;
      m.first = open + 1;
      m.last = open + 2;
      m.type = long_form.type;
      m.score = long_form.score;
      m.canonical = long_form.canonical;
      m.id = long_form.id;
      insert_sorted(mentions, std::move(m));
    }
  }
}

// A word sequence to look for again, and the mention it copies.
struct Candidate {
  std::vector<std::string> words;
  Mention model;
};

void tag_repeats(const DocumentView& doc, std::vector<Mention>& mentions) {
  auto looks_like_name = [&](std::size_t piece) { return capitalised_or_uncased(doc, piece); };
  std::map<std::string, std::vector<Candidate>> by_first;
  const auto per = static_cast<std::uint8_t>(*type_index("PER"));
  for (const auto& m : mentions) {
    if (!looks_like_name(m.first)) continue;
    const auto words = words_of(doc, m);
    if (words.size() == 1 && utf8_length(words[0]) < 2) continue;
    by_first[words[0]].push_back({std::vector<std::string>(words.begin(), words.end()), m});
    // A person's surname alone refers to them ("Hammouchi").
    if (m.type == per && words.size() >= 2 && utf8_length(words.back()) >= 3 && looks_like_name(m.last - 1)) {
      Mention full = m;
      if (full.canonical.empty()) full.canonical = surface(doc, m);
      by_first[words.back()].push_back({{words.back()}, full});
    }
  }
  // A word the document also writes in lower case is a common word ("In",
  // "March", "King" at the start of a sentence): never a repeat on its own.
  std::unordered_set<std::string_view> lower_words;
  for (std::size_t i = 0; i < doc.pieces.size(); ++i)
    if (starts_lower(piece_text(doc, i))) lower_words.insert(doc.folded[i]);
  for (auto& [first, candidates] : by_first)
    std::erase_if(candidates, [&](const Candidate& c) {
      return c.words.size() == 1 && (utf8_length(c.words[0]) < 3 || lower_words.contains(c.words[0]));
    });
  std::vector<Mention> added;
  for (std::size_t i = 0; i < doc.pieces.size(); ++i) {
    auto it = by_first.find(doc.folded[i]);
    if (it == by_first.end() || !looks_like_name(i)) continue;
    const Candidate* best = nullptr;
    for (const auto& c : it->second) {
      const std::size_t len = c.words.size();
      if (i + len > doc.pieces.size()) continue;
      if (!std::equal(c.words.begin(), c.words.end(), doc.folded.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      if (best == nullptr || len > best->words.size()) best = &c;
    }
    if (best == nullptr) continue;
    const std::size_t len = best->words.size();
    if (overlaps_any(mentions, i, i + len) || overlaps_any(added, i, i + len) || crosses_sentence(doc, i, i + len))
      continue;
    Mention copy = best->model;
    copy.first = i;
    copy.last = i + len;
    copy.score = best->model.score * 0.9f;
    added.push_back(std::move(copy));
    i += len - 1;
  }
  for (auto& m : added) insert_sorted(mentions, std::move(m));
}

void link_people(const DocumentView& doc, std::vector<Mention>& mentions) {
  const auto loc = static_cast<std::uint8_t>(*type_index("LOC"));
  // A full name written as names are: every word capitalised ("MaliVai
  // Washington"; not a title run into a place, "President of Morocco").
  auto proper_name = [&](const Mention& m) {
    for (std::size_t i = m.first; i < m.last; ++i)
      if (!capitalised_or_uncased(doc, i)) return false;
    return true;
  };
  for (auto& m : mentions) {
    // A known place (or curated name) is a person's surname only after a
    // full name written as names are ("MaliVai Washington" ... "Washington";
    // "the President of Morocco" ... "Morocco" stays the country); a place
    // name the gazetteers do not know may be one after any ("Hammouchi"
    // tagged LOC).
    const bool known = m.from_gazetteer ||
                       (m.type == loc && doc.gazetteer != nullptr && !doc.gazetteer->find(words_of(doc, m)).empty());
    const auto words = words_of(doc, m);
    const Mention* full = nullptr;
    for (const auto& other : mentions) {
      if (other.type != static_cast<std::uint8_t>(*type_index("PER"))) continue;
      const auto other_words = words_of(doc, other);
      if (other_words.size() <= words.size()) continue;
      if (known && !proper_name(other)) continue;
      // The shorter name is the end (surname) or the start (given name + surname
      // with the rest dropped is rare; surname alone is the news convention).
      if (!std::equal(words.begin(), words.end(), other_words.end() - static_cast<std::ptrdiff_t>(words.size())))
        continue;
      if (full == nullptr || other.last - other.first > full->last - full->first) full = &other;
    }
    if (full == nullptr) continue;
    m.type = full->type;
    m.canonical = full->canonical.empty() ? surface(doc, *full) : full->canonical;
    m.id = full->id;
    m.from_gazetteer = full->from_gazetteer;
  }
}

// A new type for a mention, and with it no gazetteer resolution: what a
// gazetteer said of the words under the old type no longer holds.
void retype_unresolved(Mention& m, std::uint8_t type) {
  m.type = type;
  m.from_gazetteer = false;
  m.canonical.clear();
  m.id.clear();
}

// Spanish writes a city without an article ("en Barcelona", "de Parma") and
// its football club with a masculine one ("el Barcelona", "del Parma", "al
// Valencia"): a city after a lower-case "el", "del" or "al" is the club, an
// organisation. Only a city the gazetteers know (a GeoNames entry), since
// countries, regions, mountains and rivers take the article as places ("el
// Perú", "el Magreb", "el Cáucaso", "del Río Orange"), and not before "de"
// ("el Cardiff del siglo XIX" is the city).
void clubs_after_article(const DocumentView& doc, std::vector<Mention>& mentions) {
  if (doc.language != "es" || doc.gazetteer == nullptr) return;
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  static const auto loc = static_cast<std::uint8_t>(*type_index("LOC"));
  for (auto& m : mentions) {
    if (m.type != loc || m.first == 0 || m.last - m.first > 2) continue;
    const std::string_view before = piece_text(doc, m.first - 1);
    // "El Barcelona eliminó...": the article capitalised as a sentence's first word.
    const bool opening_el = before == "El" && opens_sentence(doc, m.first - 1);
    if (before != "el" && before != "del" && before != "al" && !opening_el) continue;
    if (m.last < doc.folded.size() && (doc.folded[m.last] == "de" || doc.folded[m.last] == "del")) continue;
    const long city = best_entry(doc, doc.gazetteer->find(words_of(doc, m)), loc);
    if (city < 0 || !doc.gazetteer->entry(static_cast<std::uint32_t>(city)).id.starts_with("geonames:")) continue;
    retype_unresolved(m, org);
  }
}

// Spanish sports reports give a player's club in brackets after the name
// ("Manu Sarabia (Badajoz)", "Frank de Boer (Barcelona)"): a place there
// is the club, an organisation, as CoNLL-2002 marks 142 of the 219 names
// in that position in its Spanish training split. Not a country's or a
// curated region's name, nor a code in capitals ("Cristina Torrens (ESP)",
// "(Brasil)", "(Asturias)"): those are where the person comes from, as the
// rest of that split marks them.
void clubs_in_brackets(const DocumentView& doc, std::vector<Mention>& mentions) {
  if (doc.language != "es") return;
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  static const auto loc = static_cast<std::uint8_t>(*type_index("LOC"));
  static const auto per = static_cast<std::uint8_t>(*type_index("PER"));
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    const Mention& before = mentions[k - 1];
    if (m.type != loc || m.last - m.first > 2 || m.first < 2 || m.last >= doc.folded.size()) continue;
    if (before.type != per || before.last + 1 != m.first) continue;
    if (piece_text(doc, m.first - 1) != "(" || piece_text(doc, m.last) != ")") continue;
    if (m.id.starts_with("iso3166:") || m.id.starts_with("vigil:")) continue;
    const std::string_view first_word = piece_text(doc, m.first);
    std::string lower;
    lowercase(first_word, lower);
    if (m.last - m.first == 1 && first_word.size() <= 3 && lower != first_word) continue;  // "ESP", "USA"
    retype_unresolved(m, org);
  }
}

// True unless a word of the mention is all in lower case and no name's
// particle ("van", "de", "bin", "al": the English list, written for names
// from every language; "y", "e", "do", "des", "zu", "ten" besides, as in
// "Ortega y Gasset"): "Directorate of National Security", "General of
// National Security and Territorial Surveillance" name no one.
bool may_name_a_person(const DocumentView& doc, const Mention& m) {
  static constexpr std::array<std::string_view, 6> kMore = {"y", "e", "do", "des", "zu", "ten"};
  std::string lower;
  for (std::size_t k = m.first; k < m.last; ++k) {
    const std::string_view w = piece_text(doc, k);
    if (!starts_lower(w) || is_name_particle(doc.folded[k], "en") ||
        std::find(kMore.begin(), kMore.end(), doc.folded[k]) != kMore.end())
      continue;
    lowercase(w, lower);
    if (lower == w) return false;
  }
  return true;
}

// "President Clinton", "Mr Washington": a name after a title that names no
// one alone (not_names.hpp) is a person's, whatever the tagger or a
// gazetteer made of it (Clinton, Washington and Jordan are also places),
// and so is every mention of the same words in the document (before the
// type vote, which the tagger's other readings would otherwise win). Not a
// post's or an institution's name after a title ("Director [General of
// National Security]", "General [Directorate of National Security]"), which
// holds a lower-case word no person's name does.
void titled_people(const DocumentView& doc, std::vector<Mention>& mentions) {
  const auto per = static_cast<std::uint8_t>(*type_index("PER"));
  std::set<std::string> people;
  for (const auto& m : mentions) {
    if (!may_name_a_person(doc, m)) continue;
    // The title's full stop may stand apart ("Gen . Colin Powell").
    std::size_t title = m.first;
    if (title > 1 && piece_text(doc, title - 1) == ".") --title;
    if (title > 0 && title_names_no_one(doc.folded[title - 1], doc.language) &&
        starts_upper(piece_text(doc, title - 1)) && !crosses_sentence(doc, title - 1, m.last))
      people.insert(words_key(doc, m));
  }
  if (people.empty()) return;
  for (auto& m : mentions) {
    if (m.type == per || !people.contains(words_key(doc, m))) continue;
    retype_unresolved(m, per);
  }
}

// An organisation or a place the tagger found whose head word makes it an
// event ("U.S. Open", "Fed Cup", "Gulf War", "Copa del Rey", "Liga ACB",
// "Olympische Spelen"): MISC (event_words.hpp). Names a gazetteer
// resolved keep their type ("Arab League" would, were "League" listed).
void events_by_head_word(const DocumentView& doc, std::vector<Mention>& mentions) {
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  static const auto loc = static_cast<std::uint8_t>(*type_index("LOC"));
  static const auto misc = static_cast<std::uint8_t>(*type_index("MISC"));
  for (auto& m : mentions)
    if ((m.type == org || m.type == loc) && !m.from_gazetteer && names_an_event(words_of(doc, m), doc.language))
      m.type = misc;
}

// One name, one type within a document: the tagger may read "Somerset" as a
// place in one sentence and a team in the next; every mention of the same
// words takes the type most of them (by summed confidence) have. Names the
// gazetteers resolved keep theirs.
void vote_types(const DocumentView& doc, std::vector<Mention>& mentions) {
  std::map<std::string, std::array<float, kNumTypes>> votes;
  for (const auto& m : mentions)
    if (!m.from_gazetteer) votes[words_key(doc, m)][m.type] += m.score;
  for (auto& m : mentions) {
    if (m.from_gazetteer) continue;
    const auto& v = votes[words_key(doc, m)];
    const auto best = static_cast<std::uint8_t>(std::max_element(v.begin(), v.end()) - v.begin());
    if (v[best] > v[m.type]) m.type = best;
  }
}

// An organisation the tagger cut short of a curated institution's name
// that begins with it ("de la [Direction] générale de la Surveillance du
// territoire"): the mention runs to the end of the name, when the name ends
// in the sentence and before the next mention. The longest such name wins.
// The score stays the tagger's confidence in the words it read.
void complete_curated_names(const DocumentView& doc, std::vector<Mention>& mentions) {
  static const auto org = static_cast<std::uint8_t>(*type_index("ORG"));
  constexpr std::size_t kLongestName = 12;  // words
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    if (m.type != org) continue;
    std::size_t limit = std::min(doc.folded.size(), m.first + kLongestName);
    if (k + 1 < mentions.size()) limit = std::min(limit, mentions[k + 1].first);
    const auto next_sentence = std::upper_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), m.first);
    if (next_sentence != doc.sentence_starts.end()) limit = std::min(limit, *next_sentence);
    for (std::size_t end = limit; end > m.last; --end) {
      const bool curated = std::ranges::any_of(
          doc.gazetteer->find(doc.folded.subspan(m.first, end - m.first)), [&](const Gazetteer::Name& n) {
            const auto& entry = doc.gazetteer->entry(n.entry);
            return entry.type == org && entry.id.starts_with("vigil:org/") && doc.gazetteer->applies(n, doc.language);
          });
      if (curated) {
        m.last = end;
        break;
      }
    }
  }
}

// Dutch joins a name to a common noun with a hyphen ("CVP-voorzitter",
// "Sabena-aandelen", "EU-burgers", "Tobin-heffing"): CoNLL-2002 nl marks
// such a word MISC, 389 of the 453 capitalised-name-hyphen-noun words of
// its training split (the others mostly places and groups: "Fiji-eilanden",
// "KBC-groep"). A word (pieces without a space between them) made of a name
// of two letters or more, a hyphen and a lower-case noun of three or more
// becomes one MISC mention, replacing the tagger's mentions inside it;
// not after a prefix ("Ex-", "Oud-", "Niet-", "Anti-"...), not at a
// sentence's start where the first part is capitalised only by position
// ("Politie-inspecteur"; a first part in capitals still counts there, at
// the cost of the odd "FM-band", which CoNLL leaves O), and not when a
// mention runs past the word.
void dutch_name_compounds(const DocumentView& doc, std::vector<Mention>& mentions) {
  if (doc.language != "nl") return;
  static const auto misc = static_cast<std::uint8_t>(*type_index("MISC"));
  static constexpr std::array<std::string_view, 13> kPrefixes = {
      "anti", "ex", "multi", "niet", "non", "oud", "post", "pre", "privé", "pro", "semi", "super", "vice"};
  std::vector<Mention> added;
  std::vector<std::size_t> replaced;
  for (std::size_t i = 0; i < doc.pieces.size();) {
    std::size_t end = i + 1;  // the word: pieces [i, end) with no space between them
    while (end < doc.pieces.size() && doc.pieces[end].begin == doc.pieces[end - 1].end) ++end;
    const std::size_t first = i;
    i = end;
    const std::string_view word =
        doc.text.substr(doc.pieces[first].begin, doc.pieces[end - 1].end - doc.pieces[first].begin);
    const auto dash = word.find('-');
    const auto last_dash = word.rfind('-');
    if (dash == std::string_view::npos || dash < 2 || word.size() - last_dash - 1 < 3) continue;
    const std::string_view name = word.substr(0, dash), noun = word.substr(last_dash + 1);
    if (!starts_upper(name) || !starts_lower(noun) || word.find(' ') != std::string_view::npos) continue;
    std::string folded_name;
    lowercase(name, folded_name);
    if (std::find(kPrefixes.begin(), kPrefixes.end(), folded_name) != kPrefixes.end()) continue;
    const bool capitals = std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (opens_sentence(doc, first) && !capitals) continue;
    // The tagger's mentions inside the word go; one running past it keeps the word as it is.
    bool runs_past = false;
    std::vector<std::size_t> inside;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      const Mention& m = mentions[k];
      if (m.last <= first || m.first >= end) continue;
      if (m.first < first || m.last > end) runs_past = true;
      inside.push_back(k);
    }
    if (runs_past) continue;
    replaced.insert(replaced.end(), inside.begin(), inside.end());
    added.push_back(new_mention(first, end, misc, 0.5f));
  }
  if (added.empty()) return;
  std::sort(replaced.begin(), replaced.end());
  for (auto k = replaced.rbegin(); k != replaced.rend(); ++k) mentions.erase(mentions.begin() + static_cast<long>(*k));
  for (auto& m : added) insert_sorted(mentions, std::move(m));
}

}  // namespace

void resolve_mentions(const DocumentView& doc, std::vector<Mention>& mentions) {
  split_bracketed_acronyms(doc, mentions);
  if (doc.gazetteer != nullptr) {
    split_coordinations(doc, mentions);
    complete_curated_names(doc, mentions);
  }
  dutch_name_compounds(doc, mentions);
  for (auto& m : mentions) resolve_by_gazetteer(doc, m);
  if (doc.gazetteer != nullptr) {
    split_known_names(doc, mentions);
    if (doc.add_known_names) add_known_names(doc, mentions);
  }
  if (doc.add_known_names) {
    add_group_words(doc, mentions);
    add_institution_nouns(doc, mentions);
  }
  events_by_head_word(doc, mentions);
  link_acronyms(doc, mentions);
  tag_repeats(doc, mentions);
  titled_people(doc, mentions);
  clubs_after_article(doc, mentions);
  clubs_in_brackets(doc, mentions);
  vote_types(doc, mentions);
  link_people(doc, mentions);
  // Canonical names for the rest; local ids for names linked within the document.
  std::map<std::pair<std::uint8_t, std::string>, std::size_t> uses;
  for (auto& m : mentions) {
    if (m.canonical.empty()) {
      std::string s = surface(doc, m);
      std::replace(s.begin(), s.end(), '\n', ' ');
      m.canonical = std::move(s);
    }
    ++uses[{m.type, m.canonical}];
  }
  for (auto& m : mentions)
    if (m.id.empty() && uses[{m.type, m.canonical}] > 1 && m.canonical != surface(doc, m)) m.id = local_id(m);
  // Every mention sharing that canonical name then gets the same local id.
  std::map<std::pair<std::uint8_t, std::string>, std::string> ids;
  for (const auto& m : mentions)
    if (!m.id.empty()) ids.emplace(std::pair{m.type, m.canonical}, m.id);
  for (auto& m : mentions)
    if (m.id.empty()) {
      auto it = ids.find({m.type, m.canonical});
      if (it != ids.end()) m.id = it->second;
    }
}

}  // namespace vigil::ner
