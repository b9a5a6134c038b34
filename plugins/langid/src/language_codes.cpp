#include "language_codes.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace vigil::langid {

std::string normalize_code(std::string_view code) {
  // Script and region subtags are not part of what we report.
  std::string c(code.substr(0, code.find_first_of("-_")));
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (c.empty() || c == "un" || c == "xx" || c == "unknown") return "und";
  // Legacy codes CLD2 still emits, and its private ones, mapped to ISO 639.
  // CLD2's "no" is Norwegian Bokmål (it has "nn" apart): written "nb", like the model.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kLegacy{{
      {"iw", "he"},
      {"in", "id"},
      {"ji", "yi"},
      {"jw", "jv"},
      {"mo", "ro"},
      {"zhh", "zh"},
      {"no", "nb"},
  }};
  for (const auto& [from, to] : kLegacy)
    if (c == from) return std::string(to);
  return c;
}

}  // namespace vigil::langid
