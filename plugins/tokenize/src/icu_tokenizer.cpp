#include "icu_tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "abbreviations.hpp"
#include "token_classifier.hpp"

namespace vigil::tokenize {

struct IcuTokenizer::Segmenters {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;  // null when sentences are off
  AbbreviationSet abbreviations;
};

namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

// Accepts BCP 47 tags ("pt-BR", also "pt_BR") and ICU ids with keywords
// ("en@ss=standard"). The result is bogus when ICU cannot parse the tag.
icu::Locale parse_locale(std::string_view tag) {
  if (tag.empty()) return icu::Locale::getRoot();
  std::string id(tag);
  if (id.find('@') == std::string::npos) {
    std::replace(id.begin(), id.end(), '_', '-');
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(id, status);
    if (U_SUCCESS(status) && !locale.isBogus()) return locale;
    id.assign(tag);
  }
  return icu::Locale(id.c_str());
}

bool is_known_locale(std::string_view tag) {
  if (tag.empty() || tag == "root" || tag == "und") return true;  // ICU's language-neutral rules
  const icu::Locale locale = parse_locale(tag);
  // An unknown language ("english", "xx") has no ISO 639-2 code in ICU.
  return !locale.isBogus() && locale.getLanguage()[0] != '\0' && locale.getISO3Language()[0] != '\0';
}

// A UText over UTF-8 bytes that it does not own, closed on scope exit.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, bytes.data(), static_cast<std::int64_t>(bytes.size()), &status);
    check(status, "utext_openUTF8");
  }
  ~Utf8Text() { utext_close(&text_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() noexcept { return &text_; }

 private:
  UText text_ = UTEXT_INITIALIZER;
};

// Sentence ends from ICU's sentence iterator, minus those right after an
// abbreviation. Returns int32 max once the text is exhausted.
class SentenceEnds {
 public:
  SentenceEnds(icu::BreakIterator& it, const AbbreviationSet& abbreviations, std::string_view text)
      : it_(it), abbreviations_(abbreviations), text_(text) {}

  std::int32_t next() {
    for (;;) {
      const std::int32_t end = it_.next();
      if (end == icu::BreakIterator::DONE) return std::numeric_limits<std::int32_t>::max();
      if (!abbreviations_.suppresses_break(text_, static_cast<std::size_t>(end))) return end;
    }
  }

 private:
  icu::BreakIterator& it_;
  const AbbreviationSet& abbreviations_;
  std::string_view text_;
};

}  // namespace

IcuTokenizer::IcuTokenizer(TokenizerOptions options) : options_(std::move(options)) {
  if (!is_known_locale(options_.locale))
    throw std::invalid_argument("locale '" + options_.locale +
                                "' is not a locale ICU knows (expected a BCP 47 tag such as \"en\" or \"fr-CA\")");
  AbbreviationSet probe;
  for (const auto& a : options_.abbreviations)
    if (!probe.add(a))
      throw std::invalid_argument("abbreviation '" + a + "' must end with '.' (for example \"Gen.\")");
}

IcuTokenizer::~IcuTokenizer() = default;

std::string_view IcuTokenizer::locale_for(const sdk::Document& doc) const noexcept {
  if (!options_.locale.empty()) return options_.locale;
  if (doc.language.is_set() && doc.language.code != "und") return doc.language.code;
  return {};
}

IcuTokenizer::Segmenters& IcuTokenizer::segmenters_for(std::string_view locale_tag) {
  if (auto it = cache_.find(std::string(locale_tag)); it != cache_.end()) return *it->second;

  // A language code from a document that ICU cannot parse gets the root rules.
  icu::Locale locale = parse_locale(locale_tag);
  if (locale.isBogus()) locale = icu::Locale::getRoot();

  auto seg = std::make_unique<Segmenters>();
  UErrorCode status = U_ZERO_ERROR;
  seg->words.reset(icu::BreakIterator::createWordInstance(locale, status));
  check(status, "createWordInstance");
  if (options_.sentences) {
    seg->sentences.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    check(status, "createSentenceInstance");
    const std::string_view language = locale.getLanguage();
    seg->abbreviations.add_all(builtin_abbreviations(language));
    seg->abbreviations.add_all(icu_abbreviations(language));
    seg->abbreviations.add_all(options_.abbreviations);
  }
  auto& result = *seg;
  cache_.emplace(std::string(locale_tag), std::move(seg));
  return result;
}

void IcuTokenizer::tokenize(sdk::Document& doc) {
  doc.tokens.clear();
  if (options_.sentences) doc.sentences.clear();
  const std::string_view text = doc.text;
  if (text.empty()) return;
  if (text.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw std::length_error("text of " + std::to_string(text.size()) +
                            " bytes is too long to tokenize (ICU's break iterators stop at 2 GiB)");

  Segmenters& seg = segmenters_for(locale_for(doc));
  Utf8Text utext(text);
  UErrorCode status = U_ZERO_ERROR;
  seg.words->setText(utext.get(), status);
  check(status, "word iterator setText");

  const bool with_sentences = seg.sentences != nullptr;
  std::int32_t sentence_end = std::numeric_limits<std::int32_t>::max();
  std::optional<SentenceEnds> sentence_ends;
  if (with_sentences) {
    seg.sentences->setText(utext.get(), status);
    check(status, "sentence iterator setText");
    sentence_ends.emplace(*seg.sentences, seg.abbreviations, text);
    sentence_end = sentence_ends->next();
  }
  bool sentence_open = false;
  sdk::Sentence sentence;

  std::int32_t begin = seg.words->first();
  for (std::int32_t end = seg.words->next(); end != icu::BreakIterator::DONE; begin = end, end = seg.words->next()) {
    const auto b = static_cast<std::size_t>(begin);
    const auto kind = classify_segment(text.substr(b, static_cast<std::size_t>(end) - b), seg.words->getRuleStatus());
    if (!kind) continue;
    const auto token_begin = static_cast<sdk::Offset>(begin);
    const auto token_end = static_cast<sdk::Offset>(end);
    doc.tokens.push_back({token_begin, token_end, *kind});
    if (!with_sentences) continue;
    // A token belongs to the sentence its first byte is in; sentences are then
    // trimmed to their tokens, so a token never straddles two sentences.
    if (begin >= sentence_end) {
      if (sentence_open) doc.sentences.push_back(sentence);
      sentence_open = false;
      while (begin >= sentence_end) sentence_end = sentence_ends->next();
    }
    if (!sentence_open) {
      sentence = {token_begin, token_end};
      sentence_open = true;
    }
    sentence.end = token_end;
  }
  if (sentence_open) doc.sentences.push_back(sentence);
}

}  // namespace vigil::tokenize
