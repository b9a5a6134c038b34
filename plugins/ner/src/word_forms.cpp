#include "word_forms.hpp"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace vigil::ner {
namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Calls f(code point) for each code point; invalid bytes come as U+FFFD.
template <class F>
void for_each_code_point(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    f(c < 0 ? 0xFFFD : c);
  }
}

bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Arabic letters that have a canonical look-up form, and marks to drop.
UChar32 normalise_arabic(UChar32 c) {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649: return 0x064A;  // ى → ي
    case 0x0629: return 0x0647;  // ة → ه
    default: return c;
  }
}

bool dropped_in_fold(UChar32 c) {
  return (c >= 0x064B && c <= 0x0652) || c == 0x0640 || c == 0x0670 ||  // tashkeel, tatweel, dagger alef
         c == 0x200E || c == 0x200F || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF ||
         u_charType(c) == U_NON_SPACING_MARK;
}

UChar32 normalise_punctuation(UChar32 c) {
  switch (c) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x00B4:
    case 0x0060: return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014: return '-';
    default: return c;
  }
}

char shape_class(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_islower(c)) return 'x';
  if (u_isdigit(c)) return 'd';
  if (u_isalpha(c)) return 'a';
  if (u_charType(c) == U_NON_SPACING_MARK) return 0;  // part of the letter before
  return '*';
}

}  // namespace

void lowercase(std::string_view word, std::string& out) {
  out.clear();
  if (ascii(word)) {
    out.assign(word);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return;
  }
  for_each_code_point(word, [&](UChar32 c) { append_utf8(out, u_tolower(c)); });
}

void fold(std::string_view word, std::string& out) {
  out.clear();
  if (ascii(word)) {
    lowercase(word, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  auto emit = [&](UChar32 c) {
    c = normalise_punctuation(normalise_arabic(u_tolower(c)));
    if (!dropped_in_fold(c)) append_utf8(out, c);
  };
  for_each_code_point(word, [&](UChar32 c) {
    // Decompose Latin letters with diacritics (é → e + ´) and keep the base.
    if (c >= 0xC0 && c < 0x250 && U_SUCCESS(status) && nfd->getDecomposition(c, decomposition)) {
      for (std::int32_t k = 0; k < decomposition.length();) {
        UChar32 d = decomposition.char32At(k);
        emit(d);
        k += U16_LENGTH(d);
      }
    } else {
      emit(c);
    }
  });
}

void word_shape(std::string_view word, std::string& shape, std::string& short_shape) {
  shape.clear();
  short_shape.clear();
  char last = 0;
  int run = 0;
  auto add = [&](char cls) {
    if (cls == 0) return;
    if (cls == last) {
      ++run;
    } else {
      run = 1;
      last = cls;
      short_shape.push_back(cls);
    }
    if (run <= 3) shape.push_back(cls);
  };
  if (ascii(word)) {
    for (char c : word) add(shape_class(static_cast<unsigned char>(c)));
  } else {
    for_each_code_point(word, [&](UChar32 c) { add(shape_class(c)); });
  }
}

std::string_view utf8_prefix(std::string_view word, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < word.size(); ++k) {
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
  }
  return word.substr(0, i);
}

std::string_view utf8_suffix(std::string_view word, std::size_t n) {
  std::size_t i = word.size();
  for (std::size_t k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) --i;
  }
  return word.substr(i);
}

std::size_t utf8_length(std::string_view word) {
  std::size_t n = 0;
  for (char c : word)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  const auto* p = reinterpret_cast<const std::uint8_t*>(word.data());
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<std::int32_t>(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

}  // namespace vigil::ner

namespace vigil::ner {

bool starts_lower(std::string_view word) {
  if (word.empty()) return false;
  const auto* p = reinterpret_cast<const std::uint8_t*>(word.data());
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<std::int32_t>(word.size()), c);
  return c >= 0 && u_islower(c);
}

bool bare_number(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace vigil::ner
