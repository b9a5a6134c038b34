#include "not_names.hpp"

#include <algorithm>
#include <array>

namespace vigil::ner {
namespace {

struct LanguageWords {
  std::string_view language;
  std::array<std::string_view, 16> words;  // unused slots are empty
};

// Folded forms (fold(): lower case, Latin diacritics removed).
constexpr std::array<LanguageWords, 5> kWords = {{
    {"en",
     {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "september",
      "october", "november", "december"}},
    {"de",
     {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "januar", "februar",
      "marz", "juni", "juli", "oktober", "dezember"}},
    {"nl", {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}},
    {"fr", {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}},
    {"es", {"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"}},
}};

constexpr std::array<std::string_view, 44> kEnglishTitles = {
    "mr",     "mr.",       "mrs",        "mrs.",         "ms",        "ms.",       "dr",         "dr.",      "sir",
    "dame",   "president", "vice",       "prime",        "minister",  "premier",   "chancellor", "king",     "queen",
    "prince", "princess",  "sheikh",     "emir",         "sultan",    "pope",      "general",    "gen.",     "colonel",
    "col.",   "captain",   "lieutenant", "commissioner", "director",  "secretary", "senator",    "sen.",     "governor",
    "gov.",   "mayor",     "ambassador", "chairman",     "spokesman", "judge",     "justice",    "inspector"};

}  // namespace

bool is_title(std::string_view folded, std::string_view language) {
  return language == "en" && std::find(kEnglishTitles.begin(), kEnglishTitles.end(), folded) != kEnglishTitles.end();
}

bool never_a_name_alone(std::string_view folded, std::string_view language) {
  for (const auto& entry : kWords)
    if (entry.language == language)
      return !folded.empty() && std::find(entry.words.begin(), entry.words.end(), folded) != entry.words.end();
  return false;
}

}  // namespace vigil::ner
