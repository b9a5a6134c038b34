// Tests of vigil.tokenize: word tokens, token kinds, byte offsets, sentence
// splitting around abbreviations, parameters, and a large document.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "abbreviations.hpp"
#include "icu_tokenizer.hpp"
#include "tokenize_component.hpp"

using vigil::sdk::Document;
using vigil::sdk::ParamValue;
using vigil::sdk::TokenKind;
using vigil::tokenize::IcuTokenizer;
using vigil::tokenize::TokenizerOptions;

namespace {

Document make_doc(std::string text, std::string language = "") {
  Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  doc.language.code = std::move(language);
  return doc;
}

std::vector<std::string> token_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens) out.emplace_back(doc.slice(t));
  return out;
}

std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.slice(s));
  return out;
}

std::vector<TokenKind> token_kinds(const Document& doc) {
  std::vector<TokenKind> out;
  for (const auto& t : doc.tokens) out.push_back(t.kind);
  return out;
}

// Tokenizes with default options and the document's language.
Document tokenized(std::string text, std::string language = "") {
  Document doc = make_doc(std::move(text), std::move(language));
  IcuTokenizer(TokenizerOptions{}).tokenize(doc);
  return doc;
}

// Parameters as the host passes them: the spec's defaults, then overrides.
vigil::sdk::Params params_with(const std::map<std::string, ParamValue>& overrides = {}) {
  std::map<std::string, ParamValue, std::less<>> values;
  const auto spec = vigil::tokenize::tokenize_component_spec();
  for (const auto& p : spec.params)
    if (p.default_value) values.emplace(p.key, *p.default_value);
  for (const auto& [key, value] : overrides) {
    REQUIRE(values.count(key) == 1);  // only declared keys
    values[key] = value;
  }
  return vigil::sdk::Params(std::move(values));
}

std::unique_ptr<vigil::sdk::Annotator> make_annotator(const vigil::sdk::Params& params) {
  const vigil::sdk::CreateContext context{params, nullptr, "tokenize", {}};
  return vigil::tokenize::make_tokenize_annotator(context);
}

// The output contract: in order, non-overlapping, inside the text, never
// white space, every token inside exactly one sentence.
void check_invariants(const Document& doc) {
  vigil::sdk::Offset previous_end = 0;
  for (const auto& t : doc.tokens) {
    REQUIRE(t.begin < t.end);
    REQUIRE(t.begin >= previous_end);
    REQUIRE(t.end <= doc.text.size());
    previous_end = t.end;
  }
  previous_end = 0;
  for (const auto& s : doc.sentences) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.begin >= previous_end);
    previous_end = s.end;
  }
  if (doc.sentences.empty()) return;
  std::size_t si = 0;
  for (const auto& t : doc.tokens) {
    while (si < doc.sentences.size() && doc.sentences[si].end <= t.begin) ++si;
    REQUIRE(si < doc.sentences.size());
    REQUIRE(doc.sentences[si].begin <= t.begin);
    REQUIRE(t.end <= doc.sentences[si].end);
  }
}

}  // namespace

TEST_CASE("the component spec declares what the host needs", "[tokenize][spec]") {
  const auto spec = vigil::tokenize::tokenize_component_spec();
  CHECK(spec.name == "vigil.tokenize");
  CHECK(spec.requires_layers.empty());
  CHECK(spec.assigns_layers == std::vector<std::string>{"tokens", "sentences"});
  CHECK_FALSE(spec.thread_safe);
  std::vector<std::string> keys;
  for (const auto& p : spec.params) {
    keys.push_back(p.key);
    CHECK_FALSE(p.doc.empty());
    CHECK(p.default_value.has_value());
  }
  CHECK(keys == std::vector<std::string>{"locale", "sentences", "abbreviations"});
}

TEST_CASE("English titles stay inside their sentence", "[tokenize][sentences]") {
  const Document doc = tokenized("Mr. Smith met Dr. Jones in St. Louis on Monday. They spoke for an hour.", "en");
  CHECK(sentence_texts(doc) ==
        std::vector<std::string>{"Mr. Smith met Dr. Jones in St. Louis on Monday.", "They spoke for an hour."});
  check_invariants(doc);
}

TEST_CASE("without abbreviations ICU would split after a title", "[tokenize][sentences]") {
  // The root locale has no abbreviation list: this is the baseline the
  // abbreviation handling improves on.
  const Document doc = tokenized("Prof. Smith arrived. He left.");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"Prof.", "Smith arrived.", "He left."});
}

TEST_CASE("French M. and Mme. do not end a sentence, but a word ending in a capital does", "[tokenize][sentences]") {
  const Document doc = tokenized(
      "M. Hammouchi a rencontré Mme. Dupont à Rabat. Il est reparti le soir. "
      "Le conflit touche la RDC. Le pays est vaste.",
      "fr");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"M. Hammouchi a rencontré Mme. Dupont à Rabat.",
                                                         "Il est reparti le soir.", "Le conflit touche la RDC.",
                                                         "Le pays est vaste."});
  check_invariants(doc);
}

TEST_CASE("German z.B. and Dr. do not end a sentence", "[tokenize][sentences]") {
  const Document doc = tokenized("Er kaufte z.B. Äpfel und Birnen. Dr. Müller war auch da. Es gibt z. B. Nüsse.", "de");
  CHECK(sentence_texts(doc) ==
        std::vector<std::string>{"Er kaufte z.B. Äpfel und Birnen.", "Dr. Müller war auch da.", "Es gibt z. B. Nüsse."});
  CHECK(token_texts(doc)[2] == "z.B");  // ICU keeps the inner period in the word
}

TEST_CASE("Spanish Sr. and Sra. do not end a sentence", "[tokenize][sentences]") {
  const Document doc = tokenized("El Sr. García habló con la Sra. López. Luego se fue.", "es");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"El Sr. García habló con la Sra. López.", "Luego se fue."});
}

TEST_CASE("an abbreviation after an opening bracket or at a line end", "[tokenize][sentences]") {
  Document doc = tokenized("He met (Dr. Jones) yesterday. Then he left.", "en");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"He met (Dr. Jones) yesterday.", "Then he left."});
  // A line break is a hard break, abbreviation or not.
  doc = tokenized("Written by Dr.\nJones wrote it.", "en");
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("Arabic: two sentences and their words", "[tokenize][arabic]") {
  const Document doc = tokenized("هل أنت بخير؟ نعم، أنا بخير.", "ar");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"هل أنت بخير؟", "نعم، أنا بخير."});
  CHECK(token_texts(doc) == std::vector<std::string>{"هل", "أنت", "بخير", "؟", "نعم", "،", "أنا", "بخير", "."});
  CHECK(token_kinds(doc) == std::vector<TokenKind>{TokenKind::word, TokenKind::word, TokenKind::word,
                                                    TokenKind::punct, TokenKind::word, TokenKind::punct,
                                                    TokenKind::word, TokenKind::word, TokenKind::punct});
  check_invariants(doc);
}

TEST_CASE("token kinds: word, number, punct, symbol", "[tokenize][kinds]") {
  const Document doc = tokenized("In 2024, 3.5 tons (worth $12 million) were seized! 😀");
  CHECK(token_texts(doc) == std::vector<std::string>{"In", "2024", ",", "3.5", "tons", "(", "worth", "$", "12",
                                                      "million", ")", "were", "seized", "!", "😀"});
  CHECK(token_kinds(doc) ==
        std::vector<TokenKind>{TokenKind::word, TokenKind::number, TokenKind::punct, TokenKind::number,
                               TokenKind::word, TokenKind::punct, TokenKind::word, TokenKind::symbol,
                               TokenKind::number, TokenKind::word, TokenKind::punct, TokenKind::word,
                               TokenKind::word, TokenKind::punct, TokenKind::symbol});
}

TEST_CASE("offsets are UTF-8 byte offsets", "[tokenize][offsets]") {
  // "café" is 5 bytes, the emoji 4, "مرحبا" 10.
  const Document doc = tokenized("café 😀 مرحبا");
  REQUIRE(doc.tokens.size() == 3);
  CHECK(doc.tokens[0].begin == 0);
  CHECK(doc.tokens[0].end == 5);
  CHECK(doc.tokens[1].begin == 6);
  CHECK(doc.tokens[1].end == 10);
  CHECK(doc.tokens[2].begin == 11);
  CHECK(doc.tokens[2].end == 21);
  CHECK(doc.slice(doc.tokens[2]) == "مرحبا");
  REQUIRE(doc.sentences.size() == 1);
  CHECK(doc.sentences[0].begin == 0);
  CHECK(doc.sentences[0].end == 21);
}

TEST_CASE("words in scripts without spaces are split", "[tokenize][scripts]") {
  const Document thai = tokenized("สวัสดีครับ");
  CHECK(token_texts(thai) == std::vector<std::string>{"สวัสดี", "ครับ"});
  const Document chinese = tokenized("我爱北京。");
  REQUIRE(chinese.tokens.size() >= 3);
  CHECK(chinese.tokens.front().kind == TokenKind::word);
  CHECK(chinese.tokens.back().kind == TokenKind::punct);
  check_invariants(chinese);
}

TEST_CASE("empty and blank texts give no tokens and no sentences", "[tokenize][edge]") {
  for (const std::string text : {"", " ", " \t\n\r\n ", "\u00A0\u2003\u3000", "\u200B\uFEFF"}) {
    Document doc = make_doc(text);
    doc.tokens.push_back({0, 1, TokenKind::word});  // stale output must go
    doc.sentences.push_back({0, 1});
    IcuTokenizer(TokenizerOptions{}).tokenize(doc);
    CHECK(doc.tokens.empty());
    CHECK(doc.sentences.empty());
  }
}

TEST_CASE("a tokenized document is tokenized again from scratch", "[tokenize][edge]") {
  Document doc = make_doc("One two. Three.");
  IcuTokenizer tokenizer{TokenizerOptions{}};
  tokenizer.tokenize(doc);
  const auto first_tokens = token_texts(doc);
  tokenizer.tokenize(doc);
  CHECK(token_texts(doc) == first_tokens);
  CHECK(doc.tokens.size() == 5);
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("leading and trailing white space is not part of a sentence", "[tokenize][sentences]") {
  const Document doc = tokenized("  \n Hello there.   \n\n  Goodbye now!  \n");
  CHECK(sentence_texts(doc) == std::vector<std::string>{"Hello there.", "Goodbye now!"});
}

TEST_CASE("parameter abbreviations adds abbreviations for every language", "[tokenize][params]") {
  const std::string text = "Brig. Smith arrived. He left.";
  Document plain = make_doc(text);
  make_annotator(params_with())->annotate(plain);
  CHECK(sentence_texts(plain) == std::vector<std::string>{"Brig.", "Smith arrived.", "He left."});

  Document with_extra = make_doc(text, "ar");
  make_annotator(params_with({{"abbreviations", vigil::sdk::StringList{"Brig."}}}))->annotate(with_extra);
  CHECK(sentence_texts(with_extra) == std::vector<std::string>{"Brig. Smith arrived.", "He left."});
}

TEST_CASE("parameter locale overrides the document's language", "[tokenize][params]") {
  const std::string text = "Mme. Dupont est arrivée. Elle est partie.";
  const std::vector<std::string> french{"Mme. Dupont est arrivée.", "Elle est partie."};

  Document by_language = make_doc(text, "fr");
  make_annotator(params_with())->annotate(by_language);
  CHECK(sentence_texts(by_language) == french);

  Document by_param = make_doc(text);
  make_annotator(params_with({{"locale", std::string("fr-FR")}}))->annotate(by_param);
  CHECK(sentence_texts(by_param) == french);

  Document overridden = make_doc(text, "fr");
  make_annotator(params_with({{"locale", std::string("en")}}))->annotate(overridden);
  CHECK(overridden.sentences.size() == 3);

  Document forced_root = make_doc(text, "fr");
  make_annotator(params_with({{"locale", std::string("root")}}))->annotate(forced_root);
  CHECK(forced_root.sentences.size() == 3);

  Document undetermined = make_doc(text, "und");
  make_annotator(params_with())->annotate(undetermined);
  CHECK(undetermined.sentences.size() == 3);
}

TEST_CASE("parameter sentences = false leaves sentences alone", "[tokenize][params]") {
  Document doc = make_doc("One. Two. Three.");
  doc.sentences.push_back({0, 4});
  make_annotator(params_with({{"sentences", false}}))->annotate(doc);
  CHECK(doc.tokens.size() == 6);
  REQUIRE(doc.sentences.size() == 1);
  CHECK(doc.sentences[0].end == 4);
}

TEST_CASE("bad parameters are refused with a message", "[tokenize][params]") {
  CHECK_THROWS_WITH(make_annotator(params_with({{"locale", std::string("klingonese")}})),
                    Catch::Contains("klingonese") && Catch::Contains("BCP 47"));
  CHECK_THROWS_WITH(make_annotator(params_with({{"abbreviations", vigil::sdk::StringList{"Gen"}}})),
                    Catch::Contains("'Gen'") && Catch::Contains("end with '.'"));
}

TEST_CASE("an unknown document language falls back to the root rules", "[tokenize][edge]") {
  const Document doc = tokenized("Hello world. Bye.", "not a language!");
  CHECK(doc.tokens.size() == 5);
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("abbreviation matching needs a whole word", "[tokenize][abbreviations]") {
  vigil::tokenize::AbbreviationSet set;
  CHECK(set.add("Gen."));
  CHECK(set.add("v. Chr."));
  CHECK_FALSE(set.add("Gen"));
  CHECK_FALSE(set.add(""));
  const std::string text = "Gen. Bo. Ex-Gen. Bo. 50 v. Chr. Bo. 50 Chr. Bo. J. Bo. IBM. Bo.";
  auto suppressed_after = [&](std::string_view word) {
    const auto at = text.find(word);
    REQUIRE(at != std::string::npos);
    return set.suppresses_break(text, at + word.size() + 1);  // after the space
  };
  CHECK(suppressed_after("Gen."));
  CHECK_FALSE(suppressed_after("Ex-Gen."));
  CHECK(suppressed_after("v. Chr."));
  CHECK_FALSE(suppressed_after("50 Chr."));
  CHECK(suppressed_after("J."));  // an initial
  CHECK_FALSE(suppressed_after("IBM."));
}

TEST_CASE("mixed text keeps the output contract", "[tokenize][offsets]") {
  const Document doc = tokenized(
      "Dr. Jones (CEO) said: «Ça va?» — yes!!! 10,000 € paid… 東京で会議。Next: e-mail a@b.com, "
      "URL https://x.org/a?b=1.\n\nНовый абзац. Ещё одно предложение? Да!  \u0301x \u200Dy",
      "en");
  CHECK(doc.tokens.size() > 40);
  CHECK(doc.sentences.size() >= 6);
  check_invariants(doc);
}

TEST_CASE("a 20 MB document is tokenized completely", "[tokenize][large]") {
  // Each unit is 5 tokens (3 words, 1 number, 1 period) and 1 sentence.
  const std::string unit = "Alpha beta 123 gamma. ";
  const std::size_t units = 20 * 1024 * 1024 / unit.size();
  std::string text;
  text.reserve(units * unit.size());
  for (std::size_t i = 0; i < units; ++i) text += unit;
  Document doc = make_doc(std::move(text), "en");

  const auto start = std::chrono::steady_clock::now();
  IcuTokenizer(TokenizerOptions{}).tokenize(doc);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  INFO("20 MB: " << doc.tokens.size() << " tokens in " << seconds.count() << " s");

  REQUIRE(doc.tokens.size() == 5 * units);
  REQUIRE(doc.sentences.size() == units);
  const auto& last = doc.tokens.back();
  CHECK(last.end == units * unit.size() - 1);
  CHECK(last.kind == TokenKind::punct);
  CHECK(doc.tokens[2].kind == TokenKind::number);
  CHECK(doc.sentences.back().end == last.end);
}
