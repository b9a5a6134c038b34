// Counts of letters per script in a text: enough to say "too few letters to
// tell" and to recognise Tifinagh, which no statistical detector knows.
#pragma once

#include <cstddef>
#include <string_view>

namespace vigil::langid {

struct ScriptProfile {
  std::size_t letters = 0;   // alphabetic code points
  std::size_t tifinagh = 0;  // U+2D30..U+2D7F
  std::size_t arabic = 0;    // Arabic script letters
  std::size_t latin = 0;
  std::size_t cyrillic = 0;
  std::size_t han = 0;          // Han ideographs (Chinese characters)
  std::size_t kana_hangul = 0;  // Japanese kana, Korean Hangul: Han text with these is not Chinese
  // Letters that tell Arabic from Persian and Urdu in the same script:
  // Arabic writes ي ك ة ى, Persian and Urdu write ی ک and add پ چ ژ گ ٹ ڈ ڑ ں ہ ے.
  std::size_t arabic_only = 0;
  std::size_t perso_urdu = 0;
};

ScriptProfile profile_scripts(std::string_view utf8);

// The scripts the n-gram model's languages are written in; `other`: a
// language written in another script or in several (a model trained on more
// languages than ours), always a candidate.
enum class Script { latin, arabic, cyrillic, han, other };

// Whether the text has any letter in the script (always for `other`).
bool has_script(const ScriptProfile& p, Script script);

// The script a language is written in: Cyrillic for ru, uk, bg...; Arabic
// for ar, fa, ur...; Han for zh; `other` for the languages of other scripts
// and of two (el, he, hi, ja, ko, sr, ...); Latin for the rest.
Script script_of(std::string_view code);

}  // namespace vigil::langid
