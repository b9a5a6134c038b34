#include "term_pattern.hpp"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "text_folding.hpp"

namespace vigil::topics {
namespace {

constexpr std::string_view kArabicAl = "\xD8\xA7\xD9\x84";  // ال
// Optional suffixes after an exact Arabic word (ة is folded to ه).
const char* const kArabicSuffixes[] = {"ه",  "ها", "هم", "هما", "ات",  "ون", "ين",
                                       "ان", "ي",  "يه", "يين", "يون", "نا", "كم"};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool starts_arabic(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  return is_arabic_letter(decode_utf8(s, i));
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

void append_escaped(std::string_view literal, std::string& out) {
  static const char* hex = "0123456789abcdef";
  for (char ch : literal) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
    } else {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
}

std::string common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  // Do not cut a UTF-8 sequence in half.
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return std::string(a.substr(0, n));
}

// Splits a piece of a term (no white space) into words as the document side
// sees them: ICU word boundaries, punctuation and symbols dropped, folded,
// split at apostrophes. Each word keeps its original spelling.
void split_words(std::string_view piece, std::vector<std::pair<std::string, std::string>>& words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
  if (U_FAILURE(status)) return;
  it->setText(text);
  const TextFolder& folder = TextFolder::instance();
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const UChar32 first = text.char32At(start);
    if (it->getRuleStatus() == UBRK_WORD_NONE && !u_isalnum(first)) continue;  // punctuation, symbols
    std::string original;
    text.tempSubStringBetween(start, end).toUTF8String(original);
    // Split at apostrophes, as the document side does.
    std::string folded_part, original_part;
    for (std::size_t i = 0; i < original.size();) {
      const std::size_t at = i;
      const char32_t cp = decode_utf8(original, i);
      if (is_apostrophe(cp)) {
        if (!folded_part.empty()) words.emplace_back(folded_part, original_part);
        folded_part.clear();
        original_part.clear();
        continue;
      }
      folder.append_folded(cp, folded_part);
      original_part.append(original, at, i - at);
    }
    if (!folded_part.empty()) words.emplace_back(folded_part, original_part);
  }
}

}  // namespace

Stemmer::Stemmer(const std::string& language) {
  if (has_stemmer(language)) stemmer_ = sb_stemmer_new(language.c_str(), "UTF_8");
}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::stem(std::string_view word) {
  if (!stemmer_) return word;
  const sb_symbol* s =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!s) return word;  // out of memory: compare unstemmed
  return {reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

bool has_stemmer(const std::string& language) {
  if (language.empty() || language == "all" || language == "ar") return false;
  sb_stemmer* s = sb_stemmer_new(language.c_str(), "UTF_8");
  if (!s) return false;
  sb_stemmer_delete(s);
  return true;
}

std::string TermPattern::key() const {
  std::string k = language + (case_sensitive ? "|C|" : "|i|");
  for (const auto& w : words) {
    k += static_cast<char>('0' + static_cast<int>(w.mode));
    k += w.mode == WordMode::stem ? w.stem : w.folded;
    if (case_sensitive) k += "/" + w.original;
    k += ' ';
  }
  return k;
}

std::string TermPattern::hyperscan_expression() const {
  // Literals only, so that Hyperscan runs its fast literal engines; what a
  // literal leaves open (the rest of a stemmed or prefix word, Arabic clitics
  // and suffixes) is checked by matches_word() on each hit.
  std::string re;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const TermWord& w = words[i];
    if (i == 0) {
      if (!w.arabic) re += ' ';
    } else {
      const TermWord& prev = words[i - 1];
      re += prev.mode == WordMode::exact && !prev.arabic ? " " : "[^ ]* ";
      if (w.arabic) re += "[^ ]*";
    }
    append_escaped(w.literal, re);
  }
  return re;
}

bool matches_word(const TermWord& w, std::string_view word, Stemmer* stemmer) {
  if (w.arabic) {
    for (std::string_view prefix : arabic_clitic_prefixes()) {
      if (!word.starts_with(prefix)) continue;
      std::string_view rest = word.substr(prefix.size());
      if (!rest.starts_with(w.folded)) continue;
      if (w.mode == WordMode::prefix) return true;
      const std::string_view tail = rest.substr(w.folded.size());
      if (tail.empty()) return true;
      for (const char* suffix : kArabicSuffixes)
        if (tail == suffix) return true;
    }
    return false;
  }
  switch (w.mode) {
    case WordMode::exact: return word == w.folded;
    case WordMode::prefix: return word.starts_with(w.folded);
    case WordMode::stem: return word.starts_with(w.literal) && stemmer && stemmer->stem(word) == w.stem;
  }
  return false;
}

const std::vector<std::string>& arabic_clitic_prefixes() {
  static const std::vector<std::string> prefixes = [] {
    std::vector<std::string> out;
    for (const char* a : {"", "و", "ف"})
      for (const char* b : {"", "ب", "ك", "ل"})
        for (const char* c : {"", "ال", "ل"}) {
          std::string p = std::string(a) + b + c;
          if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
        }
    return out;
  }();
  return prefixes;
}

bool parse_term(std::string_view text, const std::string& language, const TermOptions& options, Stemmer* stemmer,
                TermPattern& out, std::string& error) {
  out = TermPattern{};
  out.language = language;
  out.case_sensitive = options.case_sensitive;
  // Pieces separated by white space; a piece may end with '*'.
  std::size_t i = 0;
  bool any_piece = false;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
    if (j == i) break;
    std::string_view piece = text.substr(i, j - i);
    i = j;
    any_piece = true;
    bool prefix = false;
    if (piece.back() == '*') {
      prefix = true;
      piece.remove_suffix(1);
    }
    if (piece.find('*') != std::string_view::npos) {
      error = "'*' is allowed only at the end of a word (prefix wildcard)";
      return false;
    }
    std::vector<std::pair<std::string, std::string>> words;
    split_words(piece, words);
    if (words.empty()) {
      if (prefix && piece.empty()) {
        error = "a lone '*' matches every word";
        return false;
      }
      continue;
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
      TermWord w;
      w.folded = std::move(words[k].first);
      w.original = std::move(words[k].second);
      w.arabic = starts_arabic(w.folded);
      if (w.arabic && w.folded.size() > kArabicAl.size() + 4 && w.folded.starts_with(kArabicAl))
        w.folded.erase(0, kArabicAl.size());  // the pattern allows ال itself
      const bool last = k + 1 == words.size();
      if (prefix && last) {
        w.mode = WordMode::prefix;
        const std::size_t min_chars = w.arabic ? 2 : 3;
        if (code_points(w.folded) < min_chars) {
          error =
              "prefix '" + w.folded + "*' is too short (at least " + std::to_string(min_chars) + " letters before '*')";
          return false;
        }
        w.literal = w.folded;
      } else if (options.stem && stemmer && stemmer->available() && !w.arabic && code_points(w.folded) >= 4 &&
                 !has_digit(w.folded)) {
        w.mode = WordMode::stem;
        w.stem = std::string(stemmer->stem(w.folded));
        w.literal = common_prefix(w.folded, w.stem);
        if (code_points(w.literal) < 3) {  // too short to look for: match the word exactly
          w.mode = WordMode::exact;
          w.literal = w.folded;
          w.stem.clear();
        }
      } else {
        w.literal = w.folded;
      }
      out.words.push_back(std::move(w));
    }
  }
  if (!any_piece) {
    error = "empty term";
    return false;
  }
  if (out.words.empty()) {
    error = "term '" + std::string(text) + "' normalises to nothing (no letters or digits) and can never match";
    return false;
  }
  return true;
}

}  // namespace vigil::topics
