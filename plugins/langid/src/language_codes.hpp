// Language codes as Vigil writes them: ISO 639-1 where one exists, else
// ISO 639-3; "und" when undetermined.
#pragma once

#include <string>
#include <string_view>

namespace vigil::langid {

// Normalises a code from CLD2 or from a user ("iw" -> "he", "zh-Hant" ->
// "zh", "FR" -> "fr", "ber"/"tzm"/"kab" kept as ISO 639-3).
std::string normalize_code(std::string_view code);

}  // namespace vigil::langid
