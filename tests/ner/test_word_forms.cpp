#include <catch2/catch.hpp>

#include "word_forms.hpp"

using namespace vigil::ner;

TEST_CASE("lowercase handles ASCII and other scripts") {
  std::string out;
  lowercase("DGSN", out);
  CHECK(out == "dgsn");
  lowercase("SÛRETÉ", out);
  CHECK(out == "sûreté");
  lowercase("ΑΘΗΝΑ", out);
  CHECK(out == "αθηνα");
}

TEST_CASE("fold removes Latin diacritics and normalises Arabic and apostrophes") {
  std::string out;
  fold("Sûreté", out);
  CHECK(out == "surete");
  fold("d’Esquadra", out);
  CHECK(out == "d'esquadra");
  std::string a, b;
  fold("\xD8\xA5\xD8\xB3\xD8\xA8\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA7", a);  // إسبانيا
  fold("\xD8\xA7\xD8\xB3\xD8\xA8\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA7", b);  // اسبانيا
  CHECK(a == b);
  fold("\xE2\x80\x8E\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8", a);  // LRM + المغرب
  CHECK(a == "\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8");
}

TEST_CASE("word shapes cut runs and collapse them in the short shape") {
  std::string shape, short_shape;
  word_shape("Hammouchi", shape, short_shape);
  CHECK(shape == "Xxxx");
  CHECK(short_shape == "Xx");
  word_shape("U.S.", shape, short_shape);
  CHECK(shape == "X.X.");
  word_shape("2030", shape, short_shape);
  CHECK(shape == "ddd");
  CHECK(short_shape == "d");
  word_shape("\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8", shape, short_shape);  // المغرب: uncased letters
  CHECK(short_shape == "a");
}

TEST_CASE("prefixes and suffixes count code points") {
  CHECK(utf8_prefix("Sûreté", 2) == "Sû");
  CHECK(utf8_suffix("Sûreté", 2) == "té");
  CHECK(utf8_suffix("ab", 4) == "ab");
  CHECK(utf8_length("Sûreté") == 6);
  CHECK(starts_upper("Éric"));
  CHECK_FALSE(starts_upper("éric"));
}
