// The forms of a word the tagger and the gazetteers look at: lower case,
// folded (for dictionary look-up), shape. ASCII takes a fast path; other
// text goes through ICU's character properties.
#pragma once

#include <string>
#include <string_view>

namespace vigil::ner {

// Lower case, code point by code point (no context rules: fast and stable).
void lowercase(std::string_view word, std::string& out);

// Look-up key: lower case, Latin diacritics removed (é→e, ß kept), typographic
// apostrophes and dashes made ASCII, Arabic normalised (hamza-carrying alefs
// and alef wasla → ا, ى → ي, ة → ه, tashkeel, tatweel and direction marks
// dropped). "Sûreté" and "surete" share a key; so do "إسبانيا" and "اسبانيا".
void fold(std::string_view word, std::string& out);

// Shape: X upper, x lower, a uncased letter (Arabic), d digit, other
// characters as they are; runs are cut to 3 ("Hammouchi" → "Xxxx",
// "U.S." → "X.X."). short_shape collapses every run ("Xx", "d-d").
void word_shape(std::string_view word, std::string& shape, std::string& short_shape);

// The first / last `n` code points of a UTF-8 word (the whole word if shorter).
std::string_view utf8_prefix(std::string_view word, std::size_t n);
std::string_view utf8_suffix(std::string_view word, std::size_t n);

// Number of code points.
std::size_t utf8_length(std::string_view word);

// True if the word starts with an upper-case (or title-case) / lower-case letter.
bool starts_upper(std::string_view word);
bool starts_lower(std::string_view word);

// A bare number: ASCII digits only ("3", "1996"; not "A320", "3-1").
bool bare_number(std::string_view word);

// The sign a scanned page ends a line with where it broke a word ("Afri¬").
inline constexpr std::string_view kLineBreakSign = "\u00ac";

}  // namespace vigil::ner
