// Abbreviations that must not end a sentence ("Mr.", "z.B.", "M.").
//
// ICU's sentence rules split after any period followed by a capital letter.
// This set decides which of those candidate breaks to drop. It merges three
// sources: the locale's sentence-break exceptions shipped in ICU's data (the
// same ULI lists that icu::FilteredBreakIterator uses), a short list of our
// own per language (abbreviations_builtin.cpp), and the user's `abbreviations`
// parameter. A standalone single capital letter ("M. Hammouchi", "J. Smith")
// is treated as an initial and never ends a sentence either.
//
// Why not icu::FilteredBreakIterator itself: it matches an exception as a
// suffix of the preceding text without checking that a word starts there, so
// with the French list (which holds "C.") "la RDC. Le pays" is not split.
// We match whole whitespace-delimited words instead.
//
// Ownership: a value type; owns its strings.
// Thread-safety: const members may be called concurrently; building is not.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::tokenize {

class AbbreviationSet {
 public:
  // Adds one abbreviation. It must end with '.' and may contain single
  // spaces between its words ("v. Chr."); other entries are ignored and false
  // is returned. Matching is case-sensitive.
  bool add(std::string_view abbreviation);
  void add_all(const std::vector<std::string>& abbreviations);

  // True if the text before `break_pos` (a sentence break candidate, a byte
  // offset into valid UTF-8 `text`) ends, after trailing white space, with an
  // abbreviation or an initial that starts a word. A line break between the
  // abbreviation and `break_pos` keeps the break (a line end is a hard break).
  bool suppresses_break(std::string_view text, std::size_t break_pos) const;

  std::size_t size() const noexcept { return entries_.size(); }
  bool contains(std::string_view abbreviation) const { return entries_.find(abbreviation) != entries_.end(); }

 private:
  std::set<std::string, std::less<>> entries_;
  std::size_t max_words_ = 1;  // words in the longest entry ("v. Chr." has 2)
};

// Our own additions for a language (ISO 639-1 code such as "en", "fr"): titles
// and common abbreviations ICU's lists lack. Empty for other languages.
std::vector<std::string> builtin_abbreviations(std::string_view language);

// The sentence-break exceptions of ICU's data for exactly this language (no
// fallback to the default locale). Empty when ICU has none (root, "ar", ...).
std::vector<std::string> icu_abbreviations(std::string_view language);

}  // namespace vigil::tokenize
