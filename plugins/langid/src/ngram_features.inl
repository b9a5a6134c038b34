// Feature extraction shared by the plugin and the trainer (included by
// ngram_model.hpp). Changing anything here changes every hash: bump
// kModelVersion and retrain.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <climits>

namespace vigil::langid {
namespace detail {

inline constexpr UChar32 kBoundary = 0x20;

// A code point as a feature: letters (and marks inside words) lower-cased;
// everything else ends the word. Arabic tatweel and ZWNJ/ZWJ are dropped.
// Returns -1 for a word break, 0 for "skip".
inline UChar32 feature_char(UChar32 c) noexcept {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 'a' && c <= 'z') return c;
    return -1;
  }
  if (c == 0x0640 || c == 0x200C || c == 0x200D || c == 0x00AD) return 0;
  const int8_t type = u_charType(c);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER: return u_tolower(c);
    case U_LOWERCASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK: return c;
    default: return -1;
  }
}

// Hash of an n-gram, built from its last code point backwards.
inline std::uint64_t mix(std::uint64_t h, UChar32 c) noexcept {
  h ^= static_cast<std::uint64_t>(static_cast<std::uint32_t>(c)) + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  h *= 0xFF51AFD7ED558CCDULL;
  return h ^ (h >> 29);
}

}  // namespace detail

template <class Emit>
void for_each_ngram(std::string_view utf8, std::size_t max_codepoints, Emit&& emit) {
  // The last kMaxOrder feature characters of the current word; window[0] is
  // the newest. `len` counts how many are valid (the leading boundary too).
  UChar32 window[kMaxCharOrder] = {};
  int len = 0;
  std::uint64_t word_hash = 0;
  int word_len = 0;
  int words = 0;
  bool name_like = false;  // the current word is capitalised and not the text's first
  auto push = [&](UChar32 c, bool boundary_only) {
    for (int i = kMaxCharOrder - 1; i > 0; --i) window[i] = window[i - 1];
    window[0] = c;
    if (len < kMaxCharOrder) ++len;
    std::uint64_t h = 0x243F6A8885A308D3ULL;
    for (int n = 1; n <= len; ++n) {
      h = detail::mix(h, window[n - 1]);
      if (n == 1 && boundary_only) continue;  // the boundary alone says nothing
      emit(n, h, name_like);
    }
  };
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t size = static_cast<int32_t>(utf8.size() < static_cast<std::size_t>(INT32_MAX) ? utf8.size() : INT32_MAX);
  std::size_t seen = 0;
  bool in_word = false;
  for (int32_t i = 0; i < size && seen < max_codepoints;) {
    UChar32 c;
    U8_NEXT(s, i, size, c);
    ++seen;
    const UChar32 f = c < 0 ? -1 : detail::feature_char(c);
    if (f == 0) continue;
    if (f < 0) {
      if (in_word) {
        push(detail::kBoundary, true);
        if (word_len > kMaxCharOrder - 2) emit(kWordOrder, word_hash, name_like);
      }
      in_word = false;
      continue;
    }
    if (!in_word) {
      len = 0;
      for (auto& w : window) w = 0;
      window[0] = detail::kBoundary;
      len = 1;
      in_word = true;
      word_hash = 0x13198A2E03707344ULL;
      word_len = 0;
      name_like = words++ > 0 && f != c;
    }
    push(f, false);
    word_hash = detail::mix(word_hash, f);
    ++word_len;
  }
  // A text that stops inside a word may have cut it (a snippet, a caption
  // cut to length, the max_codepoints limit): its last word gives no
  // word-end n-grams and no whole-word feature, only what it surely holds.
}

}  // namespace vigil::langid
