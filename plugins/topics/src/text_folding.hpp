// Case and accent folding of UTF-8 text, with Arabic normalisation, through a
// table built once from ICU, so that folding a document costs a table lookup
// per code point instead of an ICU call per token.
//
// fold(c) = NFKC_Casefold(c), then NFD, nonspacing marks removed, NFC, then:
//   Arabic: alef variants (with hamza/madda, wasla) -> ا, ى -> ي, ة -> ه,
//   tatweel removed, Persian ی/ک -> ي/ك, Arabic-Indic digits -> 0-9;
//   right single quotation mark and modifier apostrophe -> '.
// Code points above U+FFFF are copied as they are.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::topics {

class TextFolder {
 public:
  // The process-wide table (built on first use; thread-safe).
  static const TextFolder& instance();

  // Appends the folded form of one code point to `out`.
  void append_folded(char32_t cp, std::string& out) const {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      return;
    }
    if (cp < 0x10000) {
      const std::uint32_t e = table_[cp];
      if (e & kMapped) {
        out.append(pool_, (e >> 8) & 0x7FFFFF, e & 0xFF);
        return;
      }
    }
    append_utf8(cp, out);
  }

  // Writes the folded form of one non-ASCII code point at `out` and returns
  // the end; `out` must have room for kMaxFoldedBytes.
  char* write_folded(char32_t cp, char* out) const {
    if (cp < 0x10000) {
      const std::uint32_t e = table_[cp];
      if (e & kMapped) {
        const std::size_t n = e & 0xFF;
        std::memcpy(out, pool_.data() + ((e >> 8) & 0x7FFFFF), n);
        return out + n;
      }
    }
    return write_utf8(cp, out);
  }
  static constexpr std::size_t kMaxFoldedBytes = 255;  // length field of a table entry
  // The most bytes one input byte can fold to (U+FDFA: 3 bytes -> 33; an
  // invalid byte decodes as U+FFFD, 3 bytes), so a piece of n bytes folds to
  // at most n * max_expansion() bytes.
  std::size_t max_expansion() const { return max_expansion_; }

  // Folds a whole string (for rule terms and tests).
  std::string fold(std::string_view utf8) const;

  static void append_utf8(char32_t cp, std::string& out);
  static char* write_utf8(char32_t cp, char* out) {
    if (cp < 0x80) {
      *out++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out++ = static_cast<char>(0xC0 | (cp >> 6));
      *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out++ = static_cast<char>(0xE0 | (cp >> 12));
      *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out++ = static_cast<char>(0xF0 | (cp >> 18));
      *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
  }

 private:
  TextFolder();
  static constexpr std::uint32_t kMapped = 0x80000000u;
  std::vector<std::uint32_t> table_;  // per BMP code point: mapped flag | offset << 8 | length
  std::string pool_;
  std::size_t max_expansion_ = 3;
};

// Decodes one code point of valid UTF-8 at `i`, advancing `i`. Invalid bytes
// decode as U+FFFD (documents are repaired by the host, rule files are not).
inline char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  const int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || i + static_cast<std::size_t>(n) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<std::size_t>(n) + 1;
  return cp;
}

inline bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}
inline bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3);
}

}  // namespace vigil::topics
