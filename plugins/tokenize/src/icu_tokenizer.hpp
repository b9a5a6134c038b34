// Word tokens and sentences with ICU's rule-based break iterators.
//
// The iterators run over a UText opened directly on the document's UTF-8
// text (utext_openUTF8), so boundaries come back as UTF-8 byte offsets and no
// UTF-16 copy of the document is ever made. One word iterator and one sentence
// iterator are built per locale on first use and cached in the instance.
//
// Ownership: owns its ICU iterators; keeps no pointer into a document after
// tokenize() returns (the iterators still hold a stale UText, which is only
// ever replaced by the next setText, never read).
// Thread-safety: none. An instance mutates its iterators and cache on every
// call; use one instance per thread (the host does: thread_safe = false).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/sdk/document.hpp"

namespace vigil::tokenize {

struct TokenizerOptions {
  // BCP 47 tag or ICU locale id ("en", "fr-CA", "en@ss=standard"); empty: the
  // document's language code when set, else ICU's root rules.
  std::string locale;
  // Also compute doc.sentences; when false, doc.sentences is left untouched.
  bool sentences = true;
  // Extra abbreviations that never end a sentence, for every language.
  std::vector<std::string> abbreviations;
};

class IcuTokenizer {
 public:
  // Throws std::invalid_argument for a locale ICU does not know or an
  // abbreviation that does not end with '.'.
  explicit IcuTokenizer(TokenizerOptions options);
  ~IcuTokenizer();
  IcuTokenizer(const IcuTokenizer&) = delete;
  IcuTokenizer& operator=(const IcuTokenizer&) = delete;

  // Replaces doc.tokens (and doc.sentences when enabled) with the segmentation
  // of doc.text: byte offsets, half-open, in order, non-overlapping; white
  // space is never a token; every token lies inside exactly one sentence and
  // each sentence runs from its first token's begin to its last token's end.
  // Throws std::length_error for a text of 2 GiB or more (ICU's limit) and
  // std::runtime_error if ICU fails.
  void tokenize(sdk::Document& doc);

  // The locale tag tokenize() would use for `doc` ("" = root).
  std::string_view locale_for(const sdk::Document& doc) const noexcept;

 private:
  struct Segmenters;  // the ICU iterators and abbreviations of one locale
  Segmenters& segmenters_for(std::string_view locale_tag);

  TokenizerOptions options_;
  std::unordered_map<std::string, std::unique_ptr<Segmenters>> cache_;  // key: locale tag
};

}  // namespace vigil::tokenize
