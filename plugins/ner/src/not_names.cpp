#include "not_names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace vigil::ner {
namespace {

struct LanguageWords {
  std::string_view language;
  std::array<std::string_view, 16> words;  // unused slots are empty
};

// Folded forms (fold(): lower case, Latin diacritics removed). Left out:
// the months that are also first names (en May, June, August; de Juni,
// Juli, August), "March" (a verb and a noun), "Domingo" (a given name and a
// surname) and "Freitag" (a surname, a newspaper).
constexpr std::array<LanguageWords, 5> kWords = {{
    {"en",
     {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "july",
      "september", "october", "november", "december"}},
    {"de",
     {"montag", "dienstag", "mittwoch", "donnerstag", "samstag", "sonnabend", "sonntag", "januar", "februar", "marz",
      "september", "oktober", "november", "dezember"}},
    {"nl", {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}},
    {"fr", {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}},
    {"es", {"lunes", "martes", "miercoles", "jueves", "viernes", "sabado"}},
}};

struct Title {
  std::string_view word;  // folded; the host's tokens split "Mr." into "Mr" and "."
  bool may_name_alone;    // "Prince", "Queen" (a musician, a band), "Prime", "Justice"
};

constexpr std::array<Title, 45> kEnglishTitles = {{
    {"mr", false},         {"mrs", false},          {"ms", false},
    {"dr", false},         {"sir", false},          {"dame", true},
    {"president", false},  {"vice", true},          {"prime", true},
    {"minister", false},   {"premier", true},       {"chancellor", false},
    {"king", true},        {"queen", true},         {"prince", true},
    {"princess", true},    {"sheikh", false},       {"pope", false},
    {"general", false},    {"gen", false},          {"colonel", false},
    {"col", false},        {"captain", true},       {"capt", false},
    {"lieutenant", false}, {"lt", false},           {"sergeant", false},
    {"sgt", false},        {"commissioner", false}, {"director", false},
    {"secretary", false},  {"senator", false},      {"sen", false},
    {"governor", false},   {"gov", false},          {"representative", false},
    {"rep", false},        {"mayor", false},        {"ambassador", false},
    {"chairman", false},   {"spokesman", false},    {"judge", false},
    {"justice", true},     {"inspector", false},    {"superintendent", false},
}};

const Title* find_title(std::string_view folded, std::string_view language) {
  if (language != "en") return nullptr;
  if (folded.size() > 1 && folded.back() == '.') folded.remove_suffix(1);  // "gen." as one token
  for (const auto& t : kEnglishTitles)
    if (t.word == folded) return &t;
  return nullptr;
}

}  // namespace

bool is_title(std::string_view folded, std::string_view language) {
  return find_title(folded, language) != nullptr;
}

bool title_names_no_one(std::string_view folded, std::string_view language) {
  const Title* t = find_title(folded, language);
  return t != nullptr && !t->may_name_alone;
}

bool names_a_post(std::string_view folded, std::string_view language) {
  static constexpr std::array<std::string_view, 26> kPosts = {
      "foreign",     "defence",   "defense",       "interior",      "finance", "justice", "trade",
      "health",      "education", "economy",       "labour",        "labor",   "energy",  "industry",
      "home",        "deputy",    "vice",          "acting",        "former",  "culture", "environment",
      "agriculture", "transport", "privatisation", "privatization", "prime"};
  return language == "en" && std::find(kPosts.begin(), kPosts.end(), folded) != kPosts.end();
}

namespace {

// Lower-case words found inside CoNLL-2003 en training names (function
// words, particles), plus their close kin.
constexpr std::array<std::string_view, 31> kInsideEnglish = {
    "of",  "and",   "the", "for", "in",  "on",  "at",  "to", "a",  "de", "van", "von", "der", "den", "ter", "da",
    "del", "della", "di",  "du",  "des", "dos", "das", "la", "le", "et", "al",  "el",  "bin", "ibn", "y"};

}  // namespace

bool splits_names(std::string_view language) {
  return language == "en";
}

bool may_be_inside_a_name(std::string_view folded, std::string_view language) {
  return language != "en" || std::find(kInsideEnglish.begin(), kInsideEnglish.end(), folded) != kInsideEnglish.end();
}

bool is_name_particle(std::string_view folded, std::string_view language) {
  static constexpr std::array<std::string_view, 18> kParticles = {"van", "von", "de",  "da",  "di",  "du",
                                                                  "der", "den", "ter", "bin", "ibn", "al",
                                                                  "el",  "le",  "la",  "dos", "das", "del"};
  return language == "en" && std::find(kParticles.begin(), kParticles.end(), folded) != kParticles.end();
}

bool is_conjunction(std::string_view folded, std::string_view language) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kAnd = {
      {{"en", "and"}, {"es", "y"}, {"es", "e"}, {"fr", "et"}, {"de", "und"}, {"nl", "en"}, {"ar", "\xD9\x88"}}};
  return std::find(kAnd.begin(), kAnd.end(), std::pair{language, folded}) != kAnd.end();
}

bool never_a_name_alone(std::string_view folded, std::string_view language) {
  for (const auto& entry : kWords)
    if (entry.language == language)
      return !folded.empty() && std::find(entry.words.begin(), entry.words.end(), folded) != entry.words.end();
  return false;
}

}  // namespace vigil::ner
