#include "institution_nouns.hpp"

#include <array>
#include <utility>

namespace vigil::ner {
namespace {

// Left out: words that also start or name other things when capitalised
// (es "Cámara" is also a chamber of commerce and a camera brand, "Consejo"
// begins many names, "Estado" is also a federal state and stands in "jefe
// de Estado"; en "Government" and "Cabinet", which CoNLL leaves
// untagged; nl "Raad" and "Hof" begin many names).
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> kNouns = {{
    {"es", "gobierno"},     {"es", "ejecutivo"},  {"es", "parlamento"}, {"es", "congreso"},    {"es", "senado"},
    {"es", "ayuntamiento"}, {"es", "diputacion"}, {"es", "junta"},      {"es", "generalitat"}, {"es", "xunta"},
    {"es", "policia"},      {"es", "ejercito"},   {"es", "armada"},     {"es", "fiscalia"},    {"es", "comision"},
    {"es", "asamblea"},     {"es", "ministerio"}, {"es", "cabildo"},    {"nl", "commissie"},   {"nl", "regering"},
    {"nl", "senaat"},       {"nl", "parlement"},  {"nl", "rijkswacht"}, {"nl", "defensie"},    {"en", "treasury"},
    {"en", "pentagon"},     {"en", "congress"},   {"en", "parliament"}, {"en", "senate"},
}};

}  // namespace

bool is_institution_noun(std::string_view folded, std::string_view language) {
  for (const auto& [lang, noun] : kNouns)
    if (lang == language && noun == folded) return true;
  return false;
}

}  // namespace vigil::ner
