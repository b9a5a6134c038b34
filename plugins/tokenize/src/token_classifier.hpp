// Decides what a word-break segment is: a token of some kind, or blank.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/sdk/document.hpp"

namespace vigil::tokenize {

// `segment` is one segment of ICU's word break iterator (valid UTF-8, not
// empty) and `rule_status` its getRuleStatus(). Letter, kana and ideograph
// statuses are words, number statuses numbers. A segment with status "none"
// (UBRK_WORD_NONE: spaces, punctuation, symbols, emoji) is classified by its
// first code point: punctuation (P*), symbol (S*), letter (L*) as word, digit
// (N*) as number, anything else as other. Returns nullopt for a blank segment:
// only white space, default-ignorable code points (ZWSP, BOM) and marks.
std::optional<sdk::TokenKind> classify_segment(std::string_view segment, std::int32_t rule_status);

}  // namespace vigil::tokenize
