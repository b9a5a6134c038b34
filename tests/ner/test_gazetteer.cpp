#include <catch2/catch.hpp>

#include "gazetteer.hpp"
#include "temp_files.hpp"
#include "word_forms.hpp"

using namespace vigil::ner;

namespace {

std::vector<std::string> folded_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    std::string f;
    fold(w, f);
    out.push_back(f);
  }
  return out;
}

const char* kSample =
    "# test gazetteer\n"
    "iso3166:MA\tLOC\tMorocco\ten\tMorocco\n"
    "iso3166:MA\tLOC\tMorocco\tfr\tMaroc\n"
    "iso3166:ES\tLOC\tSpain\tes\tEspaña\n"
    "vigil:org/dgsn\tORG\tGeneral Directorate of National Security\tfr\tDirection générale de la Sûreté nationale\n"
    "vigil:org/dgsn\tORG\tGeneral Directorate of National Security\t*\tDGSN\n"
    "vigil:org/police\tORG\tNational Police\ten\tNational Police\n"
    "vigil:org/police-x\tORG\tNational Police Academy\ten\tNational Police Academy\n";

}  // namespace

TEST_CASE("gazetteer names match on folded tokens, longest first") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kSample)});
  CHECK(gaz->entry_count() == 5);
  CHECK(gaz->name_count() == 7);
  std::vector<Gazetteer::Match> matches;
  const auto words = folded_words({"La", "Direction", "generale", "de", "la", "Surete", "nationale", "(", "DGSN", ")"});
  gaz->match(words, "fr", matches);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].begin == 1);
  CHECK(matches[0].end == 7);
  CHECK(gaz->entry(matches[0].names[0].entry).id == "vigil:org/dgsn");
  CHECK(matches[1].begin == 8);

  const auto academy = folded_words({"the", "National", "Police", "Academy", "of", "Spain"});
  gaz->match(academy, "en", matches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].end - matches[0].begin == 3);
  CHECK(gaz->entry(matches[0].names[0].entry).canonical == "National Police Academy");
}

TEST_CASE("gazetteer names in another language do not match when the language has names of its own") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kSample)});
  std::vector<Gazetteer::Match> matches;
  gaz->match(folded_words({"Maroc"}), "en", matches);
  CHECK(matches.empty());
  gaz->match(folded_words({"Maroc"}), "fr", matches);
  CHECK(matches.size() == 1);
  gaz->match(folded_words({"Maroc"}), "it", matches);  // no Italian names: every name counts
  CHECK(matches.size() == 1);
  CHECK(gaz->find(folded_words({"españa"})).size() == 1);
  CHECK(gaz->find(folded_words({"espana", "x"})).empty());
}

TEST_CASE("a malformed gazetteer line is reported with file and line") {
  vigil::test::TempDir dir;
  const auto bad =
      dir.write("bad.tsv", "# header\niso3166:MA\tLOC\tMorocco\ten\tMorocco\niso3166:FR\tPLACE\tFrance\ten\tFrance\n");
  CHECK_THROWS_WITH(Gazetteer::load({bad}),
                    Catch::Contains("bad.tsv:3: unknown type \"PLACE\" (PER, ORG, LOC or MISC)"));
  const auto short_line = dir.write("short.tsv", "iso3166:MA\tLOC\tMorocco\n");
  CHECK_THROWS_WITH(
      Gazetteer::load({short_line}),
      Catch::Contains("short.tsv:1: expected 5 tab-separated fields (id, type, canonical, lang, name), found 3"));
  const auto clash = dir.write("clash.tsv", "x:1\tLOC\tA\ten\tA\nx:1\tORG\tA\ten\tB\n");
  CHECK_THROWS_WITH(Gazetteer::load({clash}),
                    Catch::Contains("clash.tsv:2: id x:1 has another type or canonical name"));
  CHECK_THROWS_WITH(Gazetteer::load({dir / "missing.tsv"}), Catch::Contains("missing.tsv does not exist"));
}

TEST_CASE("a gazetteer folder loads every tsv file in name order") {
  vigil::test::TempDir dir;
  dir.write("gaz/b.tsv", "iso3166:ES\tLOC\tSpain\ten\tSpain\n");
  dir.write("gaz/a.tsv", "iso3166:MA\tLOC\tMorocco\ten\tMorocco\n");
  dir.write("gaz/notes.txt", "not a gazetteer\n");
  auto gaz = Gazetteer::load({dir / "gaz"});
  CHECK(gaz->entry_count() == 2);
  CHECK(gaz->entry(0).id == "iso3166:MA");
  CHECK(split_name("(dgsn)") == std::vector<std::string>{"(", "dgsn", ")"});
  CHECK(split_name("u.s.") == std::vector<std::string>{"u.s."});
  CHECK(split_name("spain's police") == std::vector<std::string>{"spain", "'s", "police"});
}
