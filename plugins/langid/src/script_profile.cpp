#include "script_profile.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>

namespace vigil::langid {

ScriptProfile profile_scripts(std::string_view text) {
  ScriptProfile p;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && c < 0x80) {  // ASCII without a call into ICU: most of the text in most languages
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        ++p.letters;
        ++p.latin;
      }
      continue;
    }
    if (c < 0 || !u_isalpha(c)) continue;
    ++p.letters;
    if (c >= 0x2D30 && c <= 0x2D7F) {
      ++p.tifinagh;
      continue;
    }
    if (c < 0x250) {  // Basic Latin to Latin Extended-B, the common case
      ++p.latin;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_ARABIC) {
      ++p.arabic;
      switch (c) {
        case 0x064A:
        case 0x0643:
        case 0x0629:
        case 0x0649: ++p.arabic_only; break;
        case 0x06CC:
        case 0x06A9:
        case 0x067E:
        case 0x0686:
        case 0x0698:
        case 0x06AF:
        case 0x0679:
        case 0x0688:
        case 0x0691:
        case 0x06BA:
        case 0x06C1:
        case 0x06D2: ++p.perso_urdu; break;
        default: break;
      }
    } else if (script == USCRIPT_LATIN) {
      ++p.latin;
    } else if (script == USCRIPT_CYRILLIC) {
      ++p.cyrillic;
    } else if (script == USCRIPT_HAN) {
      ++p.han;
    } else if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL) {
      ++p.kana_hangul;
    }
  }
  return p;
}

bool has_script(const ScriptProfile& p, Script script) {
  switch (script) {
    case Script::latin: return p.latin > 0;
    case Script::arabic: return p.arabic > 0;
    case Script::cyrillic: return p.cyrillic > 0;
    case Script::han: return p.han > 0;
    case Script::other: return true;
  }
  return false;
}

Script script_of(std::string_view code) {
  static constexpr std::string_view kCyrillic[] = {"ru", "uk", "bg", "be", "mk", "kk", "ky", "tg", "mn"};
  static constexpr std::string_view kArabic[] = {"ar", "fa", "ur", "ps", "sd", "ug", "ckb"};
  static constexpr std::string_view kOther[] = {"el", "he", "yi", "hi", "mr", "ne", "bn", "pa", "gu", "ta",
                                                "te", "kn", "ml", "si", "th", "lo", "km", "my", "ka", "hy",
                                                "am", "ja", "ko", "bo", "dv", "sr", "uz", "az", "zgh"};
  for (auto c : kCyrillic)
    if (c == code) return Script::cyrillic;
  for (auto c : kArabic)
    if (c == code) return Script::arabic;
  for (auto c : kOther)
    if (c == code) return Script::other;
  if (code == "zh") return Script::han;
  return Script::latin;
}

}  // namespace vigil::langid
