// Rule files: format checks with file:line:col messages, term parsing, paths.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "rule_set.hpp"
#include "term_pattern.hpp"

using Catch::Matchers::Contains;
using vigil::topics::load_rules_from_strings;
using vigil::topics::RuleError;

namespace {

// The messages load_rules_from_strings reports for `toml` (empty: it loaded).
std::vector<std::string> errors_of(const std::string& toml) {
  try {
    load_rules_from_strings({{"bad.toml", toml}});
  } catch (const RuleError& e) {
    return e.messages();
  }
  return {};
}

bool has_message(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& e : errors)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a valid rule file loads, with languages and shared patterns", "[topics][rules]") {
  auto set = load_rules_from_strings({{"t.toml", R"(topic = "drugs"
threshold = 2.0
[en]
[[en.terms]]
weight = 2.0
terms = ["cocaine", "drug trafficking"]
[[en.rules]]
weight = 1.0
all_of = ["cocaine", ["seized", "haul"]]
[fr]
[[fr.terms]]
weight = 2.0
terms = ["cocaïne"]
)"}});
  REQUIRE(set.topics.size() == 1);
  CHECK(set.topics[0].label == "drugs");
  CHECK(set.languages == std::vector<std::string>{"en", "fr"});
  // "cocaine" in [en] terms and in the rule share one pattern.
  CHECK(set.topics[0].languages[0].terms[0].term.pattern == set.topics[0].languages[0].rules[0].all_of[0][0].pattern);
  CHECK(set.topics[0].languages[0].rules[0].name == "cocaine + seized|...");
}

TEST_CASE("unknown keys are reported with file:line:col and the valid keys", "[topics][rules]") {
  auto errors = errors_of(R"(topic = "x"
threshold = 1.0
colour = "red"
[en]
[[en.terms]]
wieght = 1.0
weight = 1.0
terms = ["bomb"]
[en.extra]
)");
  CHECK(has_message(errors, "bad.toml:3:1: unknown key 'colour'"));
  CHECK(
      has_message(errors, "bad.toml:6:1: unknown key 'wieght' in [[en.terms]]; expected weight, terms, case or stem"));
  CHECK(has_message(errors, "bad.toml:9:5: unknown key 'extra' in [en]"));
}

TEST_CASE("empty terms and terms that normalise to nothing are refused", "[topics][rules]") {
  auto errors = errors_of(R"(topic = "x"
threshold = 1.0
[en]
[[en.terms]]
weight = 1.0
terms = ["", "--", "ok", "a*b", "*"]
)");
  CHECK(has_message(errors, "bad.toml:6:10: empty term"));
  CHECK(has_message(
      errors, "bad.toml:6:14: term '--': term '--' normalises to nothing (no letters or digits) and can never match"));
  CHECK(has_message(errors, "bad.toml:6:26: term 'a*b': '*' is allowed only at the end of a word"));
  CHECK(has_message(errors, "bad.toml:6:33: term '*': a lone '*' matches every word"));
}

TEST_CASE("duplicate terms are found after normalisation and stemming", "[topics][rules]") {
  auto errors = errors_of(R"(topic = "x"
threshold = 1.0
[en]
[[en.terms]]
weight = 1.0
terms = ["Smugglers", "smuggler"]
[[en.terms]]
weight = 2.0
terms = ["SMUGGLER"]
[de]
[[de.terms]]
weight = 1.0
terms = ["Flüchtlinge", "fluchtlinge"]
)");
  CHECK(has_message(errors,
                    "bad.toml:6:23: duplicate term 'smuggler' in [en] (same match as the term at bad.toml:6:10)"));
  CHECK(has_message(errors, "bad.toml:9:10: duplicate term 'SMUGGLER' in [en]"));
  CHECK(has_message(errors, "bad.toml:13:25: duplicate term 'fluchtlinge' in [de]"));
}

TEST_CASE("weights and thresholds out of range are refused", "[topics][rules]") {
  auto errors = errors_of(R"(topic = "x"
threshold = -1
[en]
[[en.terms]]
weight = 11
terms = ["bomb"]
[[en.terms]]
weight = 0
terms = ["blast"]
[[en.rules]]
weight = -12.5
any_of = ["a1", "b1"]
min_any = 3
within = 500
)");
  CHECK(has_message(errors, "bad.toml:2:13: threshold: expected a number > 0"));
  CHECK(has_message(errors, "bad.toml:5:10: weight 11 is out of range: expected a non-zero number in [-10,10]"));
  CHECK(has_message(errors, "bad.toml:8:10: weight 0 is out of range"));
  CHECK(has_message(errors, "bad.toml:11:10: weight -12.5 is out of range"));
  CHECK(has_message(errors, "bad.toml:14:10: within: expected an integer in [0,200]"));
  CHECK(has_message(errors, "min_any 3 is more than the 2 any_of terms"));
}

TEST_CASE("missing keys, syntax errors and duplicate topics", "[topics][rules]") {
  CHECK(has_message(errors_of("[en]\n"), "bad.toml:1:1: missing key 'topic'"));
  CHECK(has_message(errors_of("topic = \"x\"\n"), "missing key 'threshold'"));
  CHECK(has_message(errors_of("topic = \"x\"\nthreshold = \n"), "bad.toml:2:"));
  CHECK(has_message(errors_of("topic = \"x\"\nthreshold = 1.0\n[en]\n[[en.rules]]\nweight = 1.0\n"),
                    "bad.toml:4:1: [[en.rules]]: needs all_of or any_of"));
  try {
    load_rules_from_strings(
        {{"a.toml", "topic = \"x\"\nthreshold = 1.0\n"}, {"b.toml", "topic = \"x\"\nthreshold = 1.0\n"}});
    FAIL("duplicate topic accepted");
  } catch (const RuleError& e) {
    CHECK_THAT(e.what(), Contains("b.toml:1:9: topic 'x' is also defined in a.toml"));
  }
}

TEST_CASE("rule paths: files, folders in name order, missing paths", "[topics][rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "vigil-topics-rule-paths";
  fs::remove_all(dir);
  fs::create_directories(dir / "set");
  std::ofstream(dir / "set" / "b.toml") << "topic = \"b\"\nthreshold = 1.0\n";
  std::ofstream(dir / "set" / "a.toml") << "topic = \"a\"\nthreshold = 1.0\n";
  std::ofstream(dir / "set" / "notes.txt") << "not a rule file";
  const auto files = vigil::topics::rule_files({"set"}, dir);
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "a.toml");
  CHECK(files[1].filename() == "b.toml");
  CHECK(vigil::topics::load_rules(files).topics[1].label == "b");
  CHECK_THROWS_WITH(vigil::topics::rule_files({"nope"}, dir), Contains("rules: no such file or folder: "));
  fs::remove_all(dir);
}

TEST_CASE("terms become words with modes", "[topics][rules]") {
  using namespace vigil::topics;
  Stemmer en("en");
  TermPattern p;
  std::string error;
  REQUIRE(parse_term("anti-terror* l'attentat", "en", {}, &en, p, error));
  REQUIRE(p.words.size() == 4);
  CHECK(p.words[0].folded == "anti");
  CHECK(p.words[1].mode == WordMode::prefix);
  CHECK(p.words[2].folded == "l");
  CHECK(p.words[3].mode == WordMode::stem);
  CHECK(p.words[3].stem == "attentat");
  REQUIRE(parse_term("الإرهاب", "ar", {}, nullptr, p, error));
  CHECK(p.words[0].folded == "ارهاب");  // article dropped: the pattern allows it
  CHECK(p.words[0].arabic);
  CHECK_FALSE(parse_term("ab*", "en", {}, &en, p, error));
  CHECK(error == "prefix 'ab*' is too short (at least 3 letters before '*')");
}
