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

}  // namespace

bool never_a_name_alone(std::string_view folded, std::string_view language) {
  for (const auto& entry : kWords)
    if (entry.language == language)
      return !folded.empty() && std::find(entry.words.begin(), entry.words.end(), folded) != entry.words.end();
  return false;
}

}  // namespace vigil::ner
