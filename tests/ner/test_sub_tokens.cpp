#include <catch2/catch.hpp>

#include "gazetteer.hpp"
#include "sub_tokens.hpp"
#include "temp_files.hpp"

using namespace vigil::ner;

namespace {

std::vector<std::string> pieces(std::string_view word, const Gazetteer* gaz = nullptr) {
  std::vector<SubToken> out;
  split_token(word, 0, static_cast<vigil::sdk::Offset>(word.size()), gaz, out);
  std::vector<std::string> words;
  for (const auto& p : out) words.emplace_back(word.substr(p.begin, p.end - p.begin));
  return words;
}

// One sub-token per space-separated word of `text`.
std::vector<SubToken> space_pieces(const std::string& text) {
  std::vector<SubToken> p;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    p.push_back({static_cast<vigil::sdk::Offset>(at), static_cast<vigil::sdk::Offset>(end)});
    at = end + 1;
  }
  return p;
}

// Arabic words used below.
const std::string kAndMorocco = "\xD9\x88\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8";  // والمغرب
const std::string kMorocco = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8";             // المغرب
const std::string kInMorocco = "\xD8\xA8\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8";   // بالمغرب
const std::string kMinister = "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1";                            // وزير
const std::string kWashington = "\xD9\x88\xD8\xA7\xD8\xB4\xD9\x86\xD8\xB7\xD9\x86";          // واشنطن
const std::string kWaw = "\xD9\x88";                                                         // و

}  // namespace

TEST_CASE("Arabic proclitics before the article are split off with exact offsets") {
  CHECK(pieces(kAndMorocco) == std::vector<std::string>{kWaw, kMorocco});
  CHECK(pieces(kInMorocco) == std::vector<std::string>{"\xD8\xA8", kMorocco});
  CHECK(pieces(kWaw + kInMorocco) == std::vector<std::string>{kWaw, "\xD8\xA8", kMorocco});
  std::vector<SubToken> out;
  const std::string text = "xx " + kAndMorocco;
  split_token(text, 3, static_cast<vigil::sdk::Offset>(text.size()), nullptr, out);
  REQUIRE(out.size() == 2);
  CHECK(out[1].begin == 5);  // after "xx " and the two bytes of و
  CHECK(out[1].end == text.size());
}

TEST_CASE("a word that merely starts with a clitic letter stays whole unless the rest is a known name") {
  CHECK(pieces(kMinister) == std::vector<std::string>{kMinister});
  CHECK(pieces(kWashington) == std::vector<std::string>{kWashington});  // Washington itself starts with و
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "geonames:1\tLOC\tWashington\tar\t" + kWashington + "\n")});
  CHECK(pieces(kWashington, gaz.get()) == std::vector<std::string>{kWashington});               // known as a whole
  CHECK(pieces(kWaw + kWashington, gaz.get()) == std::vector<std::string>{kWaw, kWashington});  // و + واشنطن
}

TEST_CASE("French elisions are split off, capitalised ones are not") {
  CHECK(pieces("l\xE2\x80\x99"
               "Espagne") == std::vector<std::string>{"l\xE2\x80\x99", "Espagne"});
  CHECK(pieces("d'Esquadra") == std::vector<std::string>{"d'", "Esquadra"});
  CHECK(pieces("qu'il") == std::vector<std::string>{"qu'", "il"});
  CHECK(pieces("D'Angelo") == std::vector<std::string>{"D'Angelo"});
  CHECK(pieces("l'") == std::vector<std::string>{"l'"});
  CHECK(split_name("mossos d'esquadra") == std::vector<std::string>{"mossos", "d'", "esquadra"});
}

TEST_CASE("possessives are split off the name") {
  CHECK(pieces("Spain\xE2\x80\x99s") == std::vector<std::string>{"Spain", "\xE2\x80\x99s"});
  CHECK(pieces("Morocco's") == std::vector<std::string>{"Morocco", "'s"});
  CHECK(pieces("'s") == std::vector<std::string>{"'s"});
  CHECK(pieces("DGSN") == std::vector<std::string>{"DGSN"});
}

TEST_CASE("punctuation at the edges of a tagged span is trimmed, a bracket closed inside it is kept") {
  const std::string text = "( DGST ) Federal Police ( Bundespolizei ) Morocco 's";
  const auto p = space_pieces(text);
  std::size_t first = 0, last = 3;  // ( DGST )
  REQUIRE(trim_punctuation(text, p, first, last));
  CHECK(first == 1);
  CHECK(last == 2);
  first = 3, last = 8;  // Federal Police ( Bundespolizei )
  REQUIRE(trim_punctuation(text, p, first, last));
  CHECK(first == 3);
  CHECK(last == 8);
  first = 8, last = 10;  // Morocco 's
  REQUIRE(trim_punctuation(text, p, first, last));
  CHECK(last == 9);
  first = 0, last = 1;  // (
  CHECK_FALSE(trim_punctuation(text, p, first, last));
}

TEST_CASE("unbalanced brackets are never left by trimming") {
  const std::string text = "( Paris ) and ( Lyon )";
  const auto p = space_pieces(text);
  std::size_t first = 0, last = p.size();
  REQUIRE(trim_punctuation(text, p, first, last));
  CHECK(first == 0);  // "( Paris ) and ( Lyon )": the brackets pair up, nothing is cut in half
  CHECK(last == p.size());
}

TEST_CASE("a known name that starts like clitic plus article stays whole, and gazetteer names split like text") {
  const std::string valencia = "\xD9\x81\xD8\xA7\xD9\x84\xD9\x86\xD8\xB3\xD9\x8A\xD8\xA7";  // فالنسيا
  CHECK(pieces(valencia).size() == 2);  // unknown: ف + النسيا
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "geonames:2509954\tLOC\tValencia\tar\t" + valencia + "\n")});
  CHECK(pieces(valencia, gaz.get()) == std::vector<std::string>{valencia});
  CHECK(split_name("N'Djamena") == std::vector<std::string>{"n'djamena"});
  // البوسنة والهرسك (Bosnia and Herzegovina): و is split off as in the text.
  const auto bosnia = split_name(
      "\xD8\xA7\xD9\x84\xD8\xA8\xD9\x88\xD8\xB3\xD9\x86\xD8\xA9 "
      "\xD9\x88\xD8\xA7\xD9\x84\xD9\x87\xD8\xB1\xD8\xB3\xD9\x83");
  REQUIRE(bosnia.size() == 3);
  CHECK(bosnia[1] == kWaw);
}

TEST_CASE("trimming repeats until stable and drops spans without a letter or digit") {
  auto spans = space_pieces;
  const std::string a = "( Interpol ) ,";
  auto pa = spans(a);
  std::size_t first = 0, last = pa.size();
  REQUIRE(trim_punctuation(a, pa, first, last));
  CHECK(first == 1);
  CHECK(last == 2);
  const std::string b = ", . ( ) ;";
  auto pb = spans(b);
  first = 0, last = pb.size();
  CHECK_FALSE(trim_punctuation(b, pb, first, last));
}
