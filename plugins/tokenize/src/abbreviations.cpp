#include "abbreviations.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace vigil::tokenize {
namespace {

// Only this many bytes before a break are looked at: enough for a few short
// words and the white space after them, and it bounds the int32_t arithmetic
// of ICU's UTF-8 macros whatever the document size.
constexpr std::size_t kWindowBytes = 256;
// A longer "word" is never an abbreviation (and is not worth comparing).
constexpr std::size_t kMaxWordBytes = 64;

bool is_line_break(UChar32 c) {
  return c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Punctuation that may open a word before an abbreviation: "(Dr." or «M.
bool is_opening(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == '"' || c == '\'' || c == 0xBF /* ¿ */ ||
         c == 0xA1 /* ¡ */;
}

std::string_view strip_opening(std::string_view word) {
  std::int32_t i = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  while (i < n) {
    std::int32_t next = i;
    UChar32 c;
    U8_NEXT(s, next, n, c);
    if (!is_opening(c)) break;
    i = next;
  }
  return word.substr(static_cast<std::size_t>(i));
}

// "M." or "J.": one capital letter (any cased script) and a period.
bool is_initial(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  return i == n - 1 && (u_isupper(c) || u_istitle(c));
}

// Backward scanning over a window of UTF-8 text that ends at a break.
class BackwardScanner {
 public:
  BackwardScanner(std::string_view text, std::size_t end)
      : window_start_(end > kWindowBytes ? end - kWindowBytes : 0),
        bytes_(reinterpret_cast<const std::uint8_t*>(text.data()) + window_start_),
        pos_(static_cast<std::int32_t>(end - window_start_)) {}

  // Skips white space backwards. Returns false if it crosses a line break or
  // runs into the start of the window while text may precede it.
  bool skip_space_within_line() {
    while (pos_ > 0) {
      std::int32_t prev = pos_;
      UChar32 c;
      U8_PREV(bytes_, 0, prev, c);
      if (c < 0 || !u_isUWhiteSpace(c)) return true;
      if (is_line_break(c)) return false;
      pos_ = prev;
    }
    return window_start_ == 0;
  }

  // The run of non-space characters that ends here; empty if it may extend
  // before the window or is longer than any abbreviation.
  std::string_view previous_word() {
    const std::int32_t end = pos_;
    while (pos_ > 0) {
      std::int32_t prev = pos_;
      UChar32 c;
      U8_PREV(bytes_, 0, prev, c);
      if (c >= 0 && u_isUWhiteSpace(c)) break;
      pos_ = prev;
    }
    if (pos_ == 0 && window_start_ != 0) return {};
    const auto size = static_cast<std::size_t>(end - pos_);
    if (size > kMaxWordBytes) return {};
    return {reinterpret_cast<const char*>(bytes_) + pos_, size};
  }

  bool at_start() const noexcept { return pos_ == 0; }

 private:
  std::size_t window_start_;
  const std::uint8_t* bytes_;
  std::int32_t pos_;
};

}  // namespace

bool AbbreviationSet::add(std::string_view abbreviation) {
  if (abbreviation.size() < 2 || abbreviation.back() != '.' || abbreviation.front() == ' ' ||
      abbreviation.find("  ") != std::string_view::npos || abbreviation.find_first_of("\t\r\n") != std::string_view::npos)
    return false;
  entries_.emplace(abbreviation);
  max_words_ = std::max(max_words_, 1 + static_cast<std::size_t>(std::count(abbreviation.begin(), abbreviation.end(), ' ')));
  return true;
}

void AbbreviationSet::add_all(const std::vector<std::string>& abbreviations) {
  for (const auto& a : abbreviations) add(a);
}

bool AbbreviationSet::suppresses_break(std::string_view text, std::size_t break_pos) const {
  if (break_pos == 0 || break_pos > text.size()) return false;
  BackwardScanner scan(text, break_pos);
  if (!scan.skip_space_within_line()) return false;

  // Try "Dr.", then "v. Chr.", ... up to the longest entry, joining the words
  // with one space whatever white space separates them in the text.
  std::string tail;
  for (std::size_t words = 1; words <= max_words_; ++words) {
    const std::string_view word = scan.previous_word();
    if (word.empty()) return false;
    if (words == 1 && word.back() != '.') return false;
    const std::string_view stripped = strip_opening(word);
    if (words == 1 && is_initial(stripped)) return true;
    std::string candidate(stripped);
    if (!tail.empty()) candidate.append(" ").append(tail);
    if (entries_.find(candidate) != entries_.end()) return true;
    if (stripped.size() != word.size()) return false;  // an opening bracket starts the phrase
    if (words == max_words_) break;
    tail = std::string(word) + (tail.empty() ? "" : " " + tail);
    if (scan.at_start() || !scan.skip_space_within_line() || scan.at_start()) return false;
  }
  return false;
}

std::vector<std::string> icu_abbreviations(std::string_view language) {
  std::vector<std::string> out;
  if (language.empty() || language == "root") return out;
  const std::string name(language);
  UErrorCode status = U_ZERO_ERROR;
  // ICU keeps break-iterator data in the "brkitr" tree of its data package.
  // ures_openDirect: exactly this locale, no fallback to the process's
  // default locale (ures_open would hand English exceptions to Arabic).
  icu::LocalUResourceBundlePointer bundle(ures_openDirect(U_ICUDATA_NAME "-brkitr", name.c_str(), &status));
  icu::LocalUResourceBundlePointer exceptions(ures_getByKey(bundle.getAlias(), "exceptions", nullptr, &status));
  icu::LocalUResourceBundlePointer list(ures_getByKey(exceptions.getAlias(), "SentenceBreak", nullptr, &status));
  if (U_FAILURE(status)) return out;
  const std::int32_t size = ures_getSize(list.getAlias());
  out.reserve(static_cast<std::size_t>(size));
  for (std::int32_t i = 0; i < size; ++i) {
    std::int32_t length = 0;
    const UChar* chars = ures_getStringByIndex(list.getAlias(), i, &length, &status);
    if (U_FAILURE(status)) break;
    std::string utf8;
    icu::UnicodeString(false, chars, length).toUTF8String(utf8);
    out.push_back(std::move(utf8));
  }
  return out;
}

}  // namespace vigil::tokenize
