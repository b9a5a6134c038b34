#include "text_folding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace vigil::topics {
namespace {

// Arabic letters folded to one form, after marks are removed.
char32_t fold_arabic(char32_t cp) {
  switch (cp) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673: return 0x0627;  // alef variants
    case 0x0649:
    case 0x06CC: return 0x064A;  // alef maqsura, Farsi yeh -> yeh
    case 0x0629: return 0x0647;  // teh marbuta -> heh
    case 0x06A9: return 0x0643;  // keheh -> kaf
    case 0x2019:
    case 0x02BC:
    case 0x2018: return '\'';
    default: break;
  }
  if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
  return cp;
}

}  // namespace

void TextFolder::append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

TextFolder::TextFolder() : table_(0x10000, 0) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalizer: ") + u_errorName(status));
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_cf->normalize(s, status);
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK || c == 0x0640 || u_isUWhiteSpace(c)) continue;  // marks, tatweel
      kept.append(c);
    }
    icu::UnicodeString composed = nfc->normalize(kept, status);
    if (U_FAILURE(status)) continue;
    std::string utf8;
    for (int32_t i = 0; i < composed.length();) {
      const UChar32 c = composed.char32At(i);
      i += U16_LENGTH(c);
      append_utf8(fold_arabic(static_cast<char32_t>(c)), utf8);
    }
    std::string original;
    append_utf8(cp, original);
    if (utf8 == original) continue;
    max_expansion_ = std::max(max_expansion_, (utf8.size() + original.size() - 1) / original.size());
    table_[cp] = kMapped | (static_cast<std::uint32_t>(pool_.size()) << 8) | static_cast<std::uint32_t>(utf8.size());
    pool_ += utf8;
  }
}

const TextFolder& TextFolder::instance() {
  static const TextFolder folder;
  return folder;
}

std::string TextFolder::fold(std::string_view utf8) const {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) append_folded(decode_utf8(utf8, i), out);
  return out;
}

}  // namespace vigil::topics
