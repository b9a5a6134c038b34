#include "ner_component.hpp"

#include <spdlog/logger.h>
#include <vigil/sdk/share_dir.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <vector>

#include "demonyms.hpp"
#include "entity_resolution.hpp"
#include "gazetteer.hpp"
#include "ner_model.hpp"
#include "not_names.hpp"
#include "recase.hpp"
#include "span_growth.hpp"
#include "sub_tokens.hpp"
#include "tagger.hpp"
#include "word_forms.hpp"

namespace vigil::ner {
namespace {

constexpr auto kMiscType = static_cast<std::uint8_t>(kNumTypes - 1);
static_assert(kEntityTypes[kNumTypes - 1] == "MISC");
constexpr std::size_t kPerType = 0;
static_assert(kEntityTypes[kPerType] == "PER");
constexpr std::size_t kOrgType = 1;
static_assert(kEntityTypes[kOrgType] == "ORG");
constexpr std::size_t kLocType = 2;
static_assert(kEntityTypes[kLocType] == "LOC");

std::filesystem::path share_dir() {
  static const char anchor = 0;
  const auto share = sdk::plugin_share_dir(&anchor);
  if (!share)
    throw ModelError("vigil.ner: cannot locate the plugin file to find its models; set `models` and `gazetteers`");
  return *share;
}

struct Options {
  std::map<std::string, std::shared_ptr<const NerModel>> models;
  std::shared_ptr<const Gazetteer> gazetteer;
  bool arabic_clitics = true;
  bool resolve = true;
  bool known_names = true;
  double min_score = 0.0;
  std::set<std::string> recase;      // languages whose sentences in capitals are re-cased for the tagger
  std::set<std::string> trim_lower;  // languages whose spans lose lower-case words at their edges
};

// Per-thread scratch space.
struct Scratch {
  Tagger tagger;
  DocumentHistory history;  // what the tagger said earlier in the document
  std::vector<SubToken> pieces;
  std::vector<std::string> folded;
  std::vector<std::string_view> words;
  std::vector<Label> labels;
  std::vector<float> confidence;
  std::vector<Mention> mentions;
  std::vector<std::size_t> sentence_start;
  std::vector<std::string> recased;
  std::vector<char> known;
  std::vector<Gazetteer::Match> matches;
  std::string shape, short_shape;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::vector<std::pair<std::size_t, std::size_t>> possessors;  // ranges cut before a possessive: known places
};

// A word of lower-case letters only ("capital", "de"; not "eBay", "U.S.").
bool all_lower_case(std::string_view word, Scratch& s) {
  word_shape(word, s.shape, s.short_shape);
  return s.short_shape == "x";
}

// The text of piece i.
std::string_view piece_text(std::string_view text, const Scratch& s, std::size_t i) {
  return text.substr(s.pieces[i].begin, s.pieces[i].end - s.pieces[i].begin);
}

// The full stop that ends a sentence, which the tagger ran into the name
// before it ("[Rios] ."): after a word of three letters or more that is no
// abbreviation ("Warner Bros .", "Acme Inc .", "Jr .", initials keep it).
bool sentence_stop_after(std::string_view text, const Scratch& s, std::size_t word) {
  static constexpr std::array<std::string_view, 19> kAbbreviations = {
      "bros", "inc", "corp", "ltd",  "co",   "jr",   "sr",   "st",  "mt", "dr",
      "gen",  "no",  "dept", "assn", "univ", "intl", "govt", "cie", "ste"};
  const std::string_view w = piece_text(text, s, word);
  return utf8_length(w) >= 3 && std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         std::find(kAbbreviations.begin(), kAbbreviations.end(), s.folded[word]) == kAbbreviations.end();
}

// A figure after a player's name in a scorecard, written as one token
// ("Gough 8-0-39-3", "6-0-27-0"): digits and signs, a sign between digits.
bool scorecard_figure(std::string_view w) {
  return w.size() >= 3 && w.front() >= '0' && w.front() <= '9' && w.back() >= '0' && w.back() <= '9' &&
         w.find_first_not_of("0123456789-./") == std::string_view::npos &&
         w.find_first_of("-./") != std::string_view::npos;
}

// Articles and determiners of the languages whose lower-case edges are
// trimmed (en, es, nl by default), folded.
bool sentence_article(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kArticles = {
      "the", "a", "an", "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "het", "een", "le"};
  return std::find(kArticles.begin(), kArticles.end(), w) != kArticles.end();
}

// An English ordinal written with digits ("46th", "2nd"): after a player's
// name in a match report, the minute of a goal or a substitution.
bool english_ordinal(std::string_view word) {
  if (word.size() < 3) return false;
  const std::string_view suffix = word.substr(word.size() - 2);
  return (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
         bare_number(word.substr(0, word.size() - 2));
}

// A bare number or a rank written as one token ("1." in a results list).
bool number_or_rank(std::string_view word) {
  return bare_number(word.ends_with('.') ? word.substr(0, word.size() - 1) : word);
}

// The edges of a tagged span [first, last) (piece indices), tidied until
// nothing changes: punctuation; all-lower-case words in the languages of
// trim_lowercase_edges (but an English name's leading particle: "van
// Gogh"); ranks before a person or an organisation and scores after a
// person (bare numbers); a person's leading titles and their full stop
// ("Gen . Colin Powell"). False when nothing worth a mention is left: no
// letter or digit (trim_punctuation), a weekday alone, titles alone
// (not_names.hpp).
bool tidy_span(std::string_view text, const std::string& lang, std::size_t type, bool trim_lower, Scratch& s,
               std::size_t sentence_first, std::size_t& first, std::size_t& last) {
  auto piece = [&](std::size_t i) { return piece_text(text, s, i); };
  auto lower_case_word = [&](std::size_t i) { return all_lower_case(piece(i), s); };
  for (;;) {
    const std::size_t was_first = first, was_last = last;
    if (!trim_punctuation(text, s.pieces, first, last)) return false;
    if (trim_lower) {  // "[presidente de] Telefónica", "Sao Paulo [en] 1998"
      // An article written with a capital only because it opens the
      // sentence, before a lower-case word: "[El ministro de] Economía",
      // "[The head of] the IMF".
      if (first == sentence_first && first + 1 < last && sentence_article(s.folded[first]) &&
          lower_case_word(first + 1))
        ++first;
      while (first < last && lower_case_word(first) &&
             !(first + 1 < last && is_name_particle(s.folded[first], lang) && starts_upper(piece(first + 1))))
        ++first;
      while (last > first && lower_case_word(last - 1)) --last;
      if (first == last) return false;
    }
    // A bare number before a person or an organisation is a rank in a
    // list ("1 . [Frankie Fredericks]"), after a person a score; neither is
    // part of the name. Not before a place ("40 , rue de Rivoli" is an
    // address, and HIPE counts the number in), nor after a place
    // ("Hauptstraße 5"), an organisation ("Antena 3", "Radio 5") or a MISC
    // name ("Euro 96"): the gold data count those in. Nor before an
    // organisation in German documents, whose club names begin so ("1. FC
    // Köln"). (Before an organisation a year is cut too, as in "[2010] FIFA
    // World Cup": that costs the rare club named by a year, "1860 Munich",
    // and keeping four-digit numbers cost 1.3 F1 on WikiNEuRal es val.)
    if (type == kPerType || (type == kOrgType && lang != "de")) {
      while (first < last && number_or_rank(piece(first))) ++first;
      if (type == kPerType)
        while (last > first && (bare_number(piece(last - 1)) || scorecard_figure(piece(last - 1)) ||
                                (lang == "en" && english_ordinal(piece(last - 1)))))
          --last;
      if (first == last) return false;
    }
    if (type != kMiscType && last - first >= 2 && piece(last - 1) == "." && sentence_stop_after(text, s, last - 2))
      --last;  // "[Rios] ."
    // In English, a day or a month the tagger ran into the name, with its
    // preposition: "[Britain] on Saturday", "[U.N. Security Council] on
    // Friday" (not_names.hpp: the words never a name alone). Not at the
    // start of a name ("Sunday Times"), nor in Spanish ("Plaza de Mayo").
    if (type != kMiscType && lang == "en" && last - first >= 3 && never_a_name_alone(s.folded[last - 1], lang) &&
        lower_case_word(last - 2))
      last -= 2;
    if (type == kPerType)  // "President [Bill Clinton]", "Gen. [Colin Powell]"
      while (first + 1 < last && is_title(s.folded[first], lang)) {
        ++first;
        if (first + 1 < last && piece(first) == ".") ++first;
      }
    // "Director [General of National Security]": the rest of a post's title
    // ("Director General", "Secretary General") and what the post is of.
    // An institution written with its article keeps its name ("Secretary
    // General of [the United Nations]" → "United Nations"); without one
    // ("of National Security") it names a field, no one.
    if (lang == "en" && last - first >= 3 && s.folded[first] == "general" && s.folded[first + 1] == "of" &&
        first > sentence_first && is_title(s.folded[first - 1], lang) && starts_upper(piece(first - 1))) {
      if (s.folded[first + 2] != "the" || last - first < 4) return false;
      first += 3;
    }
    if (first == was_first && last == was_last) break;
  }
  // (The last pass began with trim_punctuation on this very span, which
  // refuses a span without a letter or a digit.)
  const auto words = std::span<const std::string>(s.folded).subspan(first, last - first);
  if (words.size() == 1 && never_a_name_alone(words[0], lang)) return false;  // "on Friday"
  // "President", "Mr .", "Prime Minister": titles alone, one of which names
  // no one ("Queen" alone may be the band).
  return !(
      std::all_of(words.begin(), words.end(), [&](const std::string& w) { return w == "." || is_title(w, lang); }) &&
      std::any_of(words.begin(), words.end(), [&](const std::string& w) { return title_names_no_one(w, lang); }));
}

// An English possessive inside [first, last), after a place the
// gazetteers know and before a capitalised word: two names the tagger ran
// together ("Britain 's Naseem Hamed", "Beijing 's Tiananmen Square"); the
// possessive's index, 0 when there is none or the gazetteers know the whole
// span. Names hold possessives too ("Queen 's Park", "Schindler 's List",
// "McDonald 's"): splitting after any name gained 0.24 F1 on CoNLL-2003 en
// dev for the shipped model and lost 0.08 for the research one and 0.1 on
// WikiNEuRal en val; after a known place only, which then becomes a
// place whatever the span's type, +0.12, ±0 and +0.01.
std::size_t possessive_inside(std::string_view text, const std::string& lang, const Scratch& s,
                              const Gazetteer* gazetteer, std::size_t first, std::size_t last) {
  if (lang != "en") return 0;
  for (std::size_t k = first + 1; k + 1 < last; ++k) {
    const std::string_view w = piece_text(text, s, k);
    if ((w == "'s" || w == "\u2019s") && starts_upper(piece_text(text, s, k + 1))) {
      const auto folded = std::span<const std::string>(s.folded);
      if (gazetteer == nullptr || !gazetteer->find(folded.subspan(first, last - first)).empty()) return 0;
      // The possessor must be a place the gazetteers know.
      for (const auto& name : gazetteer->find(folded.subspan(first, k - first)))
        if (kEntityTypes[gazetteer->entry(name.entry).type] == "LOC") return k;
      return 0;
    }
  }
  return 0;
}

// A lower-case word inside [first, last) that no name holds ("Moroccan
// [capital] Rabat"; not "of", "de", "van"...); 0 when there is none.
std::size_t common_word_inside(std::string_view text, const std::string& lang, Scratch& s, std::size_t first,
                               std::size_t last) {
  for (std::size_t k = first + 1; k + 1 < last; ++k) {
    if (all_lower_case(piece_text(text, s, k), s) && !may_be_inside_a_name(s.folded[k], lang)) return k;
  }
  return 0;
}

// A score between two capitalised words, where a table lists names with
// their scores ("Pohang 3 Ulsan 1", the span ending with or just before the
// last score): a bare number of one to three digits that does not start
// with 0 ("Bayer 04 Leverkusen", "TSV 1860 München" are names); 0 when
// there is none. Not in German, whose club names hold such numbers too.
std::size_t score_between_names(std::string_view text, const std::string& lang, const Scratch& s, std::size_t first,
                                std::size_t last, std::size_t sentence_end) {
  if (lang == "de") return 0;
  auto piece = [&](std::size_t i) { return piece_text(text, s, i); };
  // Only in a table: the last name has its score too, inside the span or
  // right after it ("Antena 3 Televisión", "BBC Radio 5 Live" are names).
  if (!bare_number(piece(last - 1)) && !(last < sentence_end && bare_number(piece(last)))) return 0;
  for (std::size_t k = first + 1; k + 1 < last; ++k) {
    const std::string_view w = piece(k);
    if (bare_number(w) && w.size() <= 3 && w[0] != '0' && starts_upper(piece(k - 1)) && starts_upper(piece(k + 1)))
      return k;
  }
  return 0;
}

// A figure in a table: digits with the signs of scores, averages and
// fractions ("67", ".500", "13", "1/2", "4-38", "2:1").
bool table_figure(std::string_view word) {
  bool digit = false;
  for (char c : word) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.' && c != '/' && c != '-' && c != ':' && c != ',')
      return false;
  }
  return digit;
}

// A figure as the text writes it may be several pieces: the host's
// tokenizer (ICU word breaks) splits "1996-08-30" into five, ".500" and
// "1/2" into two and three, while CoNLL files keep each whole. A figure is
// the run of pieces from `k` written without a space between them, each of
// digits or one of the signs above, holding a digit; its text, and the
// index one past it. {"", k} when no figure starts at k.
struct Figure {
  std::string text;
  std::size_t end = 0;
};
Figure figure_at(std::string_view text, const Scratch& s, std::size_t k, std::size_t last) {
  std::string run;
  std::size_t e = k;
  for (; e < last && (e == k || s.pieces[e].begin == s.pieces[e - 1].end); ++e) {
    const std::string_view w = piece_text(text, s, e);
    const bool sign = w.size() == 1 && std::string_view("./-:,").find(w[0]) != std::string_view::npos;
    if (!sign && !table_figure(w)) break;
    run += w;
  }
  if (!table_figure(run)) return {"", k};
  return {run, e};
}

// The bare numbers of [first, last), a figure of several pieces counting as
// one ("1996-08-30" is none).
std::size_t bare_numbers(std::string_view text, const Scratch& s, std::size_t first, std::size_t last) {
  std::size_t n = 0;
  for (std::size_t k = first; k < last;) {
    const Figure f = figure_at(text, s, k, last);
    if (f.end == k) {
      ++k;
      continue;
    }
    n += bare_number(f.text) ? 1 : 0;
    k = f.end;
  }
  return n;
}

// A results table: two names or more of the sentence each followed by a
// score ("Kent 250 Surrey 120-3 , Essex 201", "Grimsby 0 Portsmouth 1"),
// and three bare numbers or more in it or no lower-case word (`table`).
// There a place's name is a team, an organisation ("Somerset beat Kent" is
// left to the tagger: no scores; so is "en Madrid 25 muertos y en Barcelona
// 30": two numbers and words between).
void teams_in_results_table(std::string_view text, const Scratch& s, bool table, std::size_t from,
                            std::size_t sentence_end, std::vector<Mention>& mentions) {
  if (!table) return;
  auto scored = [&](const Mention& m) {
    const Figure f = figure_at(text, s, m.last, sentence_end);
    return f.end > m.last && bare_number(f.text);
  };
  std::size_t with_score = 0;
  for (std::size_t k = from; k < mentions.size(); ++k) with_score += scored(mentions[k]) ? 1 : 0;
  if (with_score < 2) return;
  for (std::size_t k = from; k < mentions.size(); ++k)
    if (mentions[k].type == kLocType && scored(mentions[k])) mentions[k].type = static_cast<std::uint8_t>(kOrgType);
}

// "Glamorgan v Durham", "Postponed : East Fife v Clydebank", "May 20 v
// Kent": in English, a place's name on either side of a lower-case "v" or
// "vs" (the tokenizer may cut "vs." into "vs" and ".") is a team, an
// organisation (applied before resolution, so that a country's name stays
// a place: CoNLL marks national teams so). CoNLL-2003 en dev: 14 of the 16
// places the shipped model read there are teams in the gold data, the
// other 2 countries. Not in Dutch or German, whose names abbreviate "van"
// and "von" so.
void teams_either_side_of_versus(std::string_view text, const Scratch& s, const std::string& lang, std::size_t from,
                                 std::size_t sentence_first, std::size_t sentence_end, std::vector<Mention>& mentions) {
  if (lang != "en") return;
  auto piece = [&](std::size_t i) { return piece_text(text, s, i); };
  auto versus = [&](std::size_t i) { return piece(i) == "v" || piece(i) == "vs" || piece(i) == "vs."; };
  auto glued_stop = [&](std::size_t i) {  // piece i is a full stop written against the piece before it
    return piece(i) == "." && s.pieces[i - 1].end == s.pieces[i].begin;
  };
  for (std::size_t k = from; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    if (m.type != kLocType) continue;
    bool before = false, after = false;
    if (m.last < sentence_end && versus(m.last)) {
      std::size_t next = m.last + 1;
      if (next < sentence_end && glued_stop(next)) ++next;
      before = next < sentence_end && starts_upper(piece(next));
    }
    if (m.first > sentence_first) {
      std::size_t mark = m.first - 1;
      if (mark > sentence_first && glued_stop(mark)) --mark;
      after = versus(mark);
    }
    if (before || after) m.type = static_cast<std::uint8_t>(kOrgType);
  }
}

// A figure with signs between digits inside a span that is no MISC name
// ("Euro 2000-01"): a list of seasons ("1958-59 BM. GRANOLLERS 1959-60
// ..."), a price table ("... Nueva York 1,0370 dólares"); no other name
// holds one (an ordinal, German "18.", has no sign between digits; a bare
// number is left to score_between_names). Colons, also no part of a news
// name, stand in the titles of works, "Call of Duty : World at War", which
// the shipped models read as organisations: splitting there gained 0.02 on
// CoNLL es dev and lost 0.2 on WikiNEuRal es val. The figure's pieces
// [begin, end); {0, 0} when there is none.
std::pair<std::size_t, std::size_t> figure_inside(std::string_view text, const Scratch& s, std::size_t first,
                                                  std::size_t last) {
  for (std::size_t k = first + 1; k + 1 < last; ++k) {
    const Figure f = figure_at(text, s, k, last);
    if (f.end == k || f.end >= last) continue;
    const std::string& w = f.text;
    bool inner_sign = false;
    for (std::size_t i = 1; i + 1 < w.size(); ++i)
      inner_sign = inner_sign || (!std::isdigit(static_cast<unsigned char>(w[i])) &&
                                  std::isdigit(static_cast<unsigned char>(w[i - 1])) &&
                                  std::isdigit(static_cast<unsigned char>(w[i + 1])));
    if (inner_sign) return {k, f.end};
  }
  return {0, 0};
}

// A line of a standings table: one to four capitalised words, then figures
// only, two whole numbers or more ("MINNESOTA 67 67 .500 13 1/2",
// "Barcelona 3 2 1 0 5 2 7"). The words are the team: one mention of
// exactly them, an organisation, whatever the tagger made of the line (it
// may miss the name, or run it into the first figure); a person keeps the
// type ("Colin Montgomerie 69 70 71"). Mentions from index `from` are this
// sentence's.
void standings_line(std::string_view text, const Scratch& s, std::size_t first, std::size_t last, std::size_t from,
                    std::vector<Mention>& mentions) {
  auto word = [&](std::string_view w) {
    return starts_upper(w) && std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::size_t name_end = first;
  while (name_end < last && name_end - first < 4 && word(piece_text(text, s, name_end))) ++name_end;
  if (name_end == first || name_end == last) return;
  // Counts and points are whole numbers: two at least ("Sales 12.50 13.00
  // 11.27", "Revs 476 2,253" are a company's accounts).
  std::size_t figures = 0;
  for (std::size_t k = name_end; k < last;) {
    const Figure f = figure_at(text, s, k, last);
    if (f.end == k) return;
    figures += bare_number(f.text) ? 1 : 0;
    k = f.end;
  }
  // The tagger's reading stands where it found more than the one name, or
  // a MISC name (a programme in a TV guide: "Brain Story BBC 2 22.00").
  if (figures < 2 || mentions.size() - from > 1 || (mentions.size() > from && mentions[from].type == kMiscType)) return;
  Mention team;
  team.first = first;
  team.last = name_end;
  team.type = static_cast<std::uint8_t>(kOrgType);
  team.score = 0.5f;
  if (mentions.size() > from) {
    if (mentions[from].type == kPerType) team.type = mentions[from].type;
    team.score = mentions[from].score;
  }
  mentions.resize(from);
  mentions.push_back(std::move(team));
}

// A date written as digits: "1996-08-30", "30/08/1996", "30.08.1996".
bool numeric_date(std::string_view w) {
  if (w.size() < 8 || w.size() > 10) return false;
  std::size_t digits = 0, signs = 0;
  for (char c : w) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c == '-' || c == '/' || c == '.')
      ++signs;
    else
      return false;
  }
  return signs == 2 && digits >= 6;
}

// A word in capitals ("SEOUL", "PANAMA"; not "Updated").
bool in_capitals(std::string_view w) {
  bool letter = false;
  for (unsigned char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  return letter && !starts_lower(w);
}

// A dateline on a line of its own: places, parted by commas, then the date
// ("SEOUL 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29"). The first place
// is in capitals, as datelines write it ("Updated 1996-08-30" is none);
// each place, one to four capitalised words, is a place whatever the tagger
// made of it (it reads a city in capitals as a team or a person).
void dateline(std::string_view text, const Scratch& s, std::size_t first, std::size_t last, std::size_t from,
              std::vector<Mention>& mentions) {
  std::size_t date = first;
  while (date < last && figure_at(text, s, date, last).end == date) ++date;
  if (date == first || date == last) return;
  const Figure f = figure_at(text, s, date, last);
  if (f.end != last || !numeric_date(f.text)) return;
  std::vector<std::pair<std::size_t, std::size_t>> places;
  std::size_t start = first;
  for (std::size_t k = first; k <= date; ++k) {
    const bool end = k == date || piece_text(text, s, k) == ",";
    if (!end) {
      if (!starts_upper(piece_text(text, s, k)) || (start == first && !in_capitals(piece_text(text, s, k)))) return;
      continue;
    }
    if (k == start || k - start > 4) return;
    places.emplace_back(start, k);
    start = k + 1;
  }
  mentions.resize(from);
  for (const auto& [b, e] : places) {
    Mention m;
    m.first = b;
    m.last = e;
    m.type = static_cast<std::uint8_t>(kLocType);
    m.score = 0.5f;
    mentions.push_back(std::move(m));
  }
}

// Titles inside a span, before a person ("[Palestinian] President [Yasser
// Arafat]", "[Senate Judiciary Committee] Chairman [Orrin Hatch]", "Prime
// Minister [Netanyahu]" tagged as one organisation): titles that name no
// one alone (not_names.hpp), with the words of the post before them
// ("Italian [Foreign Minister]"; not "Department of [Energy]"), followed
// by up to four words that read as a person's name. Returns the pieces
// [begin, end) of the titles, with their full stops; begin may be the
// span's first piece. The part after them is the person: titled_people
// (entity_resolution.cpp) gives it that type. Never inside a name the
// gazetteers know ("DR Congo", "General Santos"), never a title in
// capitals ("DR"), and a span opening with "General" is a company's
// ("General Motors", "General Electric").
std::optional<std::pair<std::size_t, std::size_t>> titles_inside(std::string_view text, const std::string& lang,
                                                                 const Scratch& s, const Gazetteer* gazetteer,
                                                                 std::size_t first, std::size_t last) {
  auto piece = [&](std::size_t i) { return piece_text(text, s, i); };
  auto has_capital = [](std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  auto all_capitals = [](std::string_view w) {
    return std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (gazetteer != nullptr &&
      !gazetteer->find(std::span<const std::string>(s.folded).subspan(first, last - first)).empty())
    return std::nullopt;
  for (std::size_t k = first; k + 1 < last; ++k) {
    if (!is_title(s.folded[k], lang) || !starts_upper(piece(k)) || all_capitals(piece(k))) continue;
    if (k == first && s.folded[k] == "general") continue;
    std::size_t end = k;
    bool names_no_one = false;
    while (end < last && (is_title(s.folded[end], lang) || (end > k && piece(end) == "."))) {
      names_no_one = names_no_one || title_names_no_one(s.folded[end], lang);
      ++end;
    }
    // What follows must read as a person's name: up to four words, each
    // capitalised ("al-Abidine" too), a name's particle or an initial's
    // full stop ("George W . Bush"); not "[General] Information Commission
    // of the Spanish Police".
    bool person_after = end < last && last - end <= 4 && starts_upper(piece(end));
    for (std::size_t i = end; person_after && i < last; ++i)
      person_after = has_capital(piece(i)) || is_name_particle(s.folded[i], lang) || piece(i) == ".";
    if (names_no_one && person_after) {
      // A post's word joins the title when it opens the span or follows a
      // capitalised word: "Italian [Foreign Minister]", not "Department of [Energy Secretary]".
      std::size_t begin = k;
      while (begin > first && names_a_post(s.folded[begin - 1], lang) &&
             (begin - 1 == first || has_capital(piece(begin - 2))))
        --begin;
      return std::pair{begin, end};
    }
    k = end;
  }
  return std::nullopt;
}

// "and" inside a person's span: two people ("Alex y Pepín", "Oscar and
// Puñal"). No person of CoNLL-2002/2003 train (15 487 names) is so named,
// 4 of the 27 127 of WikiNEuRal val en es fr de nl are ("Ortega y
// Gasset"). The conjunction must be written in lower case ("Juan E.
// Pérez", "Y. Tazi" hold initials), and Spanish "e" stands for "y" before
// an i sound only ("Fernando e Ignacio"). The conjunction's index; 0 when
// there is none.
std::size_t conjunction_in_person(std::string_view text, const std::string& lang, const Scratch& s, std::size_t first,
                                  std::size_t last) {
  for (std::size_t k = first + 1; k + 1 < last; ++k) {
    if (!is_conjunction(s.folded[k], lang) || !starts_lower(piece_text(text, s, k))) continue;
    if (s.folded[k] == "e" && !(s.folded[k + 1].starts_with("i") || s.folded[k + 1].starts_with("hi"))) continue;
    return k;
  }
  return 0;
}

class NerAnnotator final : public sdk::Annotator {
 public:
  explicit NerAnnotator(Options options) : options_(std::move(options)) {}

  void annotate(sdk::Document& doc) override {
    const std::string& lang = doc.language.code;
    auto it = options_.models.find(lang);
    if (it == options_.models.end()) {
      if (!lang.empty() && lang != "und")
        doc.diagnose(sdk::Diagnostic::Level::info, kComponentName, "no entity model for language \"" + lang + "\"");
      return;
    }
    thread_local Scratch scratch;
    Scratch& s = scratch;
    const NerModel& model = *it->second;
    const Gazetteer* gazetteer = options_.gazetteer.get();
    const std::string_view text = doc.text;

    // Sub-tokens of the whole document, with sentence boundaries.
    s.pieces.clear();
    auto& sentence_start = s.sentence_start;  // piece index where each sentence starts
    sentence_start.clear();
    std::size_t t = 0;
    auto add_tokens_until = [&](sdk::Offset end) {
      for (; t < doc.tokens.size() && doc.tokens[t].begin < end; ++t) {
        const auto& tok = doc.tokens[t];
        if (options_.arabic_clitics || (static_cast<unsigned char>(text[tok.begin]) != 0xD8 &&
                                        static_cast<unsigned char>(text[tok.begin]) != 0xD9))
          split_token(text, tok.begin, tok.end, gazetteer, s.pieces);
        else
          s.pieces.push_back({tok.begin, tok.end});
      }
    };
    for (const auto& sentence : doc.sentences) {
      sentence_start.push_back(s.pieces.size());
      add_tokens_until(sentence.end);
    }
    if (doc.sentences.empty() || t < doc.tokens.size()) {
      sentence_start.push_back(s.pieces.size());
      add_tokens_until(static_cast<sdk::Offset>(text.size() + 1));
    }
    sentence_start.push_back(s.pieces.size());

    s.folded.resize(s.pieces.size());
    for (std::size_t i = 0; i < s.pieces.size(); ++i) fold(piece_text(text, s, i), s.folded[i]);

    s.mentions.clear();
    s.history.clear();
    FeatureContext context{gazetteer, nullptr, lang};
    const bool recase_caps = options_.recase.contains(lang);
    const bool trim_lower = options_.trim_lower.contains(lang);
    for (std::size_t k = 0; k + 1 < sentence_start.size(); ++k) {
      const std::size_t first = sentence_start[k], last = sentence_start[k + 1];
      if (first == last) continue;
      const std::size_t sentence_mentions = s.mentions.size();
      s.words.clear();
      for (std::size_t i = first; i < last; ++i) s.words.push_back(piece_text(text, s, i));
      context.folded = std::span<const std::string>(s.folded).subspan(first, last - first);
      // A sentence in capitals, or a headline in capitals that runs into the
      // text after it, is re-cased for a model that never saw one.
      const std::size_t recased = !recase_caps            ? 0
                                  : all_capitals(s.words) ? s.words.size()
                                                          : capitals_headline(s.words);
      if (recased > 0) {
        s.known.assign(s.words.size(), 0);
        if (gazetteer != nullptr) {
          gazetteer->match(context.folded, lang, s.matches);
          for (const auto& m : s.matches) std::fill(s.known.begin() + m.begin, s.known.begin() + m.end, 1);
        }
        recase(std::span(s.words).first(recased), s.known, s.recased);
        for (std::size_t i = 0; i < recased; ++i) s.words[i] = s.recased[i];
      }
      s.tagger.tag(model, s.words, context, s.labels, s.confidence, model.uses_history() ? &s.history : nullptr);
      // A results table: three bare numbers or more in the sentence, or
      // numbers among names with no lower-case word ("Grimsby 0 Portsmouth 1";
      // not "en Madrid 25 muertos y en Barcelona 30").
      const bool no_lower_case =
          std::none_of(s.words.begin(), s.words.end(), [](std::string_view w) { return starts_lower(w); });
      const std::size_t numbers = bare_numbers(text, s, first, last);
      const bool table = numbers >= 3 || no_lower_case;
      // A line of results ("TEXAS 5 Cleveland 3"): no lower-case word and two
      // bare numbers or more; there even one digit after a team is its score.
      const bool scores_only = no_lower_case && numbers >= 2;
      for (const auto& span : label_spans(s.labels)) {
        // A span may split in two: at a score in a results table, at a
        // conjunction inside a person, at a common word inside it (languages
        // of trim_lowercase_edges that have a list: not_names.hpp); each
        // part is tidied again. Last in, first out, the right part pushed
        // first: mentions stay in text order.
        s.ranges.assign(1, {first + span.begin, first + span.end});
        s.possessors.clear();
        while (!s.ranges.empty()) {
          Mention m;
          const auto range = s.ranges.back();
          s.ranges.pop_back();
          std::tie(m.first, m.last) = range;
          const bool possessor = std::find(s.possessors.begin(), s.possessors.end(), range) != s.possessors.end();
          if (!tidy_span(text, lang, span.type, trim_lower, s, first, m.first, m.last)) continue;
          // In a results table a team's score is no part of its name ("[Adecco
          // Estudiantes] 69 - [TAU Vitoria] 76"); "Antena 3" keeps its digit
          // but on a line of scores ("[TEXAS] 5 [Cleveland] 3"), and a known
          // name keeps its number ("France 24").
          if (span.type == kOrgType && lang != "de" && table && m.last - m.first >= 2 &&
              bare_number(piece_text(text, s, m.last - 1)) &&
              (piece_text(text, s, m.last - 1).size() >= 2 || scores_only) &&
              s.pieces[m.last - 1].begin != s.pieces[m.last - 2].end &&
              (gazetteer == nullptr ||
               gazetteer->find(std::span<const std::string>(s.folded).subspan(m.first, m.last - m.first)).empty()))
            --m.last;
          // A cut takes the pieces [cut_begin, cut_end) out and tidies both sides.
          auto [cut_begin, cut_end] = span.type != kMiscType ? figure_inside(text, s, m.first, m.last)
                                                             : std::pair<std::size_t, std::size_t>{0, 0};
          if (cut_begin == 0 && span.type != kMiscType) {
            if (auto titles = titles_inside(text, lang, s, gazetteer, m.first, m.last)) {
              s.ranges.emplace_back(titles->second, m.last);
              if (titles->first > m.first) s.ranges.emplace_back(m.first, titles->first);
              continue;
            }
          }
          std::size_t cut = 0;
          if (cut_begin == 0 && span.type != kMiscType) cut = score_between_names(text, lang, s, m.first, m.last, last);
          if (cut_begin == 0 && cut == 0 && span.type == kPerType)
            cut = conjunction_in_person(text, lang, s, m.first, m.last);
          if (cut_begin == 0 && cut == 0) {
            cut = possessive_inside(text, lang, s, gazetteer, m.first, m.last);
            if (cut != 0) s.possessors.emplace_back(m.first, cut);  // "Britain 's": the place
          }
          if (cut_begin == 0 && cut == 0 && trim_lower && splits_names(lang))
            cut = common_word_inside(text, lang, s, m.first, m.last);
          if (cut != 0) std::tie(cut_begin, cut_end) = std::pair{cut, cut + 1};
          // A people's word before a person's name ("[Fransman] [David
          // Ginola]", "[American] [Nate Miller]"): two mentions, nothing taken
          // out; the word becomes MISC below (demonyms.hpp).
          if (cut_begin == 0 && span.type == kPerType && m.last - m.first >= 3 &&
              names_a_group(std::span<const std::string>(s.folded).subspan(m.first, 1), lang) &&
              starts_upper(piece_text(text, s, m.first + 1)))
            cut_begin = cut_end = m.first + 1;
          // So is one before a common noun, in the languages whose spans lose
          // their lower-case edges ("[Indiase] deelstaat [Assam]",
          // "[Israëlische] premier [Barak]"): the noun goes with the right part's edge.
          if (cut_begin == 0 && trim_lower && span.type != kMiscType && m.last - m.first >= 3 &&
              names_a_group(std::span<const std::string>(s.folded).subspan(m.first, 1), lang) &&
              starts_lower(piece_text(text, s, m.first + 1)))
            cut_begin = cut_end = m.first + 1;
          if (cut_begin != 0) {
            s.ranges.emplace_back(cut_end, m.last);
            s.ranges.emplace_back(m.first, cut_begin);
            continue;
          }
          m.type = static_cast<std::uint8_t>(possessor ? kLocType : span.type);
          const SentenceView sentence{text, s.pieces, s.folded, first, last};  // span_growth.hpp
          grow_over_line_breaks(sentence, m.first, m.last);
          // "Moroccan", "Iraqi Kurds", "Polo¬ nais": a people, not a name
          // (demonyms.hpp); the words a line break cut are joined only where
          // there is one, not copied for every span.
          const auto span_folded = std::span<const std::string>(s.folded).subspan(m.first, m.last - m.first);
          const bool line_break = std::any_of(span_folded.begin(), span_folded.end(), [](const std::string& f) {
            return f.find(kLineBreakSign) != std::string::npos;
          });
          if (line_break ? names_a_group(words_whole(span_folded), lang) : names_a_group(span_folded, lang))
            m.type = kMiscType;
          trim_french_name_forms(sentence, lang, m.type, m.first, m.last);
          grow_over_hyphens(sentence, lang, m.first, m.last);
          grow_over_street_words(sentence, lang, m.type, m.first);
          float score = 0;
          for (std::size_t i = m.first; i < m.last; ++i) score += s.confidence[i - first];
          m.score = score / static_cast<float>(m.last - m.first);
          s.mentions.push_back(std::move(m));
        }
      }
      merge_overlapping(s.mentions, sentence_mentions);
      teams_in_results_table(text, s, table, sentence_mentions, last, s.mentions);
      teams_either_side_of_versus(text, s, lang, sentence_mentions, first, last, s.mentions);
      standings_line(text, s, first, last, sentence_mentions, s.mentions);
      dateline(text, s, first, last, sentence_mentions, s.mentions);
    }
    if (options_.resolve) {
      DocumentView view{text, s.pieces, s.folded, lang, gazetteer, options_.known_names, sentence_start};
      resolve_mentions(view, s.mentions);
    } else {
      for (auto& m : s.mentions)
        m.canonical =
            std::string(text.substr(s.pieces[m.first].begin, s.pieces[m.last - 1].end - s.pieces[m.first].begin));
    }
    std::size_t emitted_first = 0, emitted_last = 0;  // the last entity this stage emitted (pieces)
    bool emitted = false;
    std::size_t grown_over = 0;  // the end of the last entity that grew forward, else 0
    for (const auto& m : s.mentions) {
      if (m.score < options_.min_score) continue;
      // French: the span takes a person's titles, a given name in brackets,
      // a street's house number, as HIPE marks them; the canonical name,
      // resolved above, stays the name alone ("M. Daladier" → "Daladier").
      std::size_t first = m.first, last = m.last;
      if (lang == "fr") {
        const auto k = static_cast<std::size_t>(
            std::upper_bound(sentence_start.begin(), sentence_start.end(), m.first) - sentence_start.begin() - 1);
        const SentenceView sentence{text, s.pieces, s.folded, std::max(sentence_start[k], emitted ? emitted_first : 0),
                                    sentence_start[k + 1]};
        if (m.type == kPerType) grow_over_french_titles(sentence, lang, first);
        grow_over_french_name_forms(sentence, lang, m.type, first, last);
      }
      if (m.first < grown_over) continue;  // "Roman ( [Clémentine] )": inside an entity that grew over it
      if (emitted && first < emitted_last) {
        // Grown back over the entity before, which lies among its titles (a
        // repeat of "Président" that resolution tagged): the person takes them.
        if (emitted_first >= first) {
          doc.entities.pop_back();
        } else {
          first = m.first;
        }
      }
      grown_over = last > m.last ? last : 0;
      emitted = true;
      emitted_first = first;
      emitted_last = last;
      sdk::Entity e;
      e.begin = s.pieces[first].begin;
      e.end = s.pieces[last - 1].end;
      e.label = std::string(kEntityTypes[m.type]);
      e.score = std::round(static_cast<double>(m.score) * 1000.0) / 1000.0;
      e.canonical = m.canonical;
      e.id = m.id;
      e.component = kComponentName;
      doc.entities.push_back(std::move(e));
    }
  }

 private:
  Options options_;
};

std::vector<std::filesystem::path> resolve_paths(const std::vector<std::string>& paths, const std::string& config_dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& p : paths) {
    std::filesystem::path path(p);
    out.push_back(path.is_relative() && !config_dir.empty() ? std::filesystem::path(config_dir) / path : path);
  }
  return out;
}

}  // namespace

std::filesystem::path default_model_dir() {
  return share_dir() / "ner";
}
std::filesystem::path default_gazetteer_dir() {
  return share_dir() / "config" / "gazetteers";
}

sdk::ComponentSpec ner_component_spec() {
  using sdk::ParamSpec;
  sdk::ComponentSpec spec{kComponentName,
                          "Named entities (PER, ORG, LOC, MISC): averaged-perceptron tagger per language, gazetteers, "
                          "canonical names and ids, acronym and alias resolution"};
  spec.params = {
      ParamSpec::path_map("models", {},
                          "language code → model file (`vigil train ner`); languages not listed use the shipped "
                          "model in <plugin dir>/../../../share/vigil/ner/<lang>.model when there is one"),
      ParamSpec::string_list("languages", {},
                             "tag only documents in these languages; empty: every language that has a model"),
      ParamSpec::string_list("gazetteers", {},
                             "gazetteer files (TSV) or folders of *.tsv; relative paths resolve against the pipeline "
                             "file's folder; empty: the shipped config/gazetteers"),
      ParamSpec::boolean("arabic_clitics", true,
                         "split Arabic proclitics (و ف ب ل ك before ال, or before a known name) off tokens, so that "
                         "\"والمغرب\" yields the entity المغرب"),
      ParamSpec::boolean("resolve", true,
                         "document-level resolution: gazetteer canonical names and ids, acronyms, repeated and "
                         "shortened names (\"Hammouchi\" → \"Abdellatif Hammouchi\")"),
      ParamSpec::boolean("known_names", true,
                         "gazetteer names the tagger missed become entities: names of two words or more, country "
                         "names and curated entries (institutions, people); never a bare city name. Also: "
                         "capitalised words for a people (MISC; en, es, nl) and nouns standing for an institution "
                         "(\"el Gobierno\"; es, nl, en)"),
      ParamSpec::floating("min_score", 0.0, "drop entities whose confidence is below this").range(0.0, 1.0),
      ParamSpec::string_list("recase_all_caps", {"en", "es", "nl"},
                             "sentences in capitals only (wire headlines, datelines) are re-cased before tagging "
                             "(lower case, names the gazetteers know capitalised) when the model learnt from text "
                             "without them: its card records the share of such training sentences (vigil train "
                             "ner), under 0.5 % re-cases. For models whose card does not say (older models, the "
                             "shipped ar), and always for German (every noun has a capital), these languages "
                             "are re-cased"),
      ParamSpec::string_list("trim_lowercase_edges", {"en", "es", "nl"},
                             "in these languages, all-lower-case words at either end of a tagged span are "
                             "not part of the name (\"[presidente de] Telefónica\", \"Sao Paulo [en] 1998\"): the "
                             "shipped en, es and nl models learnt from WikiANN and run names into the words around "
                             "them; in English a span also splits at a lower-case word inside it that no name holds "
                             "(\"Moroccan [capital] Rabat\"; not \"of\", \"van\"). Not for French (HIPE counts "
                             "\"la\" or \"commission\" in names) or German"),
  };
  spec.requires_layers = {sdk::layer::tokens, sdk::layer::sentences, sdk::layer::language};
  spec.assigns_layers = {sdk::layer::entities};
  spec.thread_safe = true;  // models and gazetteers are read-only; scratch space is per thread
  return spec;
}

std::unique_ptr<sdk::Annotator> make_ner_annotator(const sdk::CreateContext& context) {
  Options o;
  o.arabic_clitics = context.params.get_bool("arabic_clitics");
  o.resolve = context.params.get_bool("resolve");
  o.known_names = context.params.get_bool("known_names");
  o.min_score = context.params.get_float("min_score");
  const auto recase_listed = context.params.get_list("recase_all_caps");
  for (const auto& lang : context.params.get_list("trim_lowercase_edges")) o.trim_lower.insert(lang);
  const auto languages = context.params.get_list("languages");
  auto wanted = [&](const std::string& lang) {
    return languages.empty() || std::find(languages.begin(), languages.end(), lang) != languages.end();
  };
  std::map<std::string, std::filesystem::path> files;
  for (const char* lang : kShippedLanguages) {
    if (!wanted(lang)) continue;
    auto path = default_model_dir() / (std::string(lang) + ".model");
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) files[lang] = path;
  }
  for (const auto& [lang, path] : context.params.get_map("models"))
    if (wanted(lang)) files[lang] = path;
  for (const auto& [lang, path] : files) o.models[lang] = NerModel::shared(path);
  for (const auto& [lang, model] : o.models) {
    const double share = capitals_share(model->metadata_json());
    const bool listed = std::find(recase_listed.begin(), recase_listed.end(), lang) != recase_listed.end();
    // German capitalises every noun: a sentence lower-cased but for its known
    // names looks like no German the model saw, so German is re-cased only
    // when listed, whatever the card says.
    const bool by_card = share >= 0 && lang != "de";
    if (by_card ? share < kCapitalsLearnt : listed) o.recase.insert(lang);
  }
  for (const auto& lang : languages)
    if (!o.models.contains(lang))
      throw ModelError("vigil.ner: no model for language \"" + lang + "\" (set models." + lang + ")");

  auto gazetteer_paths = resolve_paths(context.params.get_list("gazetteers"), context.config_dir);
  if (gazetteer_paths.empty()) {
    std::error_code ec;
    if (std::filesystem::exists(default_gazetteer_dir(), ec)) gazetteer_paths.push_back(default_gazetteer_dir());
  }
  if (!gazetteer_paths.empty()) o.gazetteer = Gazetteer::shared(gazetteer_paths);
  if (context.logger)
    context.logger->debug("{}: {} model(s), {} gazetteer name(s)", context.instance, o.models.size(),
                          o.gazetteer ? o.gazetteer->name_count() : 0);
  return std::make_unique<NerAnnotator>(std::move(o));
}

}  // namespace vigil::ner
