#include "token_classifier.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vigil::tokenize {
namespace {

bool is_invisible(UChar32 c) {
  return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Segments with a "none" status are short (a space run, one punctuation
// mark, one emoji sequence), except long runs of white space, which end at
// the first visible character.
bool is_blank(std::string_view segment) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(segment.data());
  const auto n = static_cast<std::int32_t>(segment.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !is_invisible(c)) return false;
  }
  return true;
}

sdk::TokenKind kind_of_code_point(UChar32 c) {
  if (c < 0) return sdk::TokenKind::other;
  const auto mask = U_GET_GC_MASK(c);
  if (mask & U_GC_P_MASK) return sdk::TokenKind::punct;
  if (mask & U_GC_S_MASK) return sdk::TokenKind::symbol;
  if (mask & U_GC_L_MASK) return sdk::TokenKind::word;
  if (mask & U_GC_N_MASK) return sdk::TokenKind::number;
  return sdk::TokenKind::other;
}

}  // namespace

std::optional<sdk::TokenKind> classify_segment(std::string_view segment, std::int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return sdk::TokenKind::number;
  // Letters, kana and ideographs: three consecutive status ranges.
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_IDEO_LIMIT) return sdk::TokenKind::word;
  if (is_blank(segment)) return std::nullopt;
  const auto* s = reinterpret_cast<const std::uint8_t*>(segment.data());
  const auto n = static_cast<std::int32_t>(segment.size());
  std::int32_t i = 0;
  UChar32 first;
  U8_NEXT(s, i, n, first);
  return kind_of_code_point(first);
}

}  // namespace vigil::tokenize
