#include "event_words.hpp"

#include <algorithm>
#include <array>

namespace vigil::ner {
namespace {

struct EventWord {
  std::string_view language;
  std::string_view word;
  bool alone;  // names the event as a single word
};

// Last words. Left out: "League", which ends the names of parties and
// alliances as often ("Arab League", "Awami League"), "Derby" (a city and
// its club), "Act" (laws; "ACT" folds to it), and "Tour" ("Thomas Cook
// Tours" aside, "Tour" alone is no event).
constexpr std::array<EventWord, 26> kLastWords = {{
    {"en", "open", false},          {"en", "cup", false},           {"en", "championship", false},
    {"en", "championships", false}, {"en", "games", false},         {"en", "olympics", true},
    {"en", "olympiad", false},      {"en", "series", false},        {"en", "masters", false},
    {"en", "classic", false},       {"en", "trophy", false},        {"en", "prix", false},
    {"en", "tournament", false},    {"en", "invitational", false},  {"en", "slam", false},
    {"en", "war", false},           {"en", "marathon", false},      {"en", "paralympics", true},
    {"nl", "spelen", true},         {"nl", "prijs", false},         {"nl", "cup", false},
    {"nl", "beker", false},         {"nl", "kampioenschap", false}, {"nl", "kampioenschappen", false},
    {"nl", "oorlog", false},        {"nl", "open", false},
}};

// First words. Left out: es "Gran" ("Gran Bretaña"), "Semana" (also
// a magazine), "Congreso" and "Asamblea" (institutions).
constexpr std::array<EventWord, 24> kFirstWords = {{
    {"es", "copa", true},        {"es", "copas", true},       {"es", "supercopa", true}, {"es", "eurocopa", true},
    {"es", "liga", true},        {"es", "juegos", true},      {"es", "mundial", true},   {"es", "mundialito", true},
    {"es", "campeonato", false}, {"es", "torneo", false},     {"es", "trofeo", false},   {"es", "premio", false},
    {"es", "premios", false},    {"es", "vuelta", false},     {"es", "giro", false},     {"es", "olimpiada", true},
    {"es", "olimpiadas", true},  {"es", "festival", false},   {"es", "guerra", false},   {"es", "open", false},
    {"nl", "ronde", false},      {"nl", "wereldbeker", true}, {"nl", "europacup", true}, {"nl", "beker", false},
}};

bool listed(const auto& list, std::string_view word, std::string_view language, bool alone) {
  return std::any_of(list.begin(), list.end(), [&](const EventWord& e) {
    return e.language == language && e.word == word && (!alone || e.alone);
  });
}

}  // namespace

bool names_an_event(std::span<const std::string> folded, std::string_view language) {
  if (folded.empty()) return false;
  const bool alone = folded.size() == 1;
  return listed(kLastWords, folded.back(), language, alone) || listed(kFirstWords, folded.front(), language, alone);
}

}  // namespace vigil::ner
