// Matching and scoring with small inline rule sets: stems, wildcards, phrases,
// proximity, vetoes, Arabic clitics, case, evidence offsets, explain trace,
// languages, the factory and concurrent use.
#include <catch2/catch.hpp>

#include <cmath>
#include <thread>

#include "topics_component.hpp"
#include "topics_test_support.hpp"

using namespace topics_test;
using vigil::sdk::Document;

namespace {

const char* kDrugRules = R"(topic = "drugs"
threshold = 2.0
[en]
[[en.terms]]
weight = 2.0
terms = ["trafficker", "cocaine haul", "narco*"]
[[en.terms]]
weight = 1.0
terms = ["cocaine"]
[[en.terms]]
weight = -3.0
terms = ["pharmaceutical"]
[[en.rules]]
name = "drug near police"
weight = 2.0
all_of = ["drugs", ["police", "seized"]]
within = 3
none_of = ["prescription"]
[ar]
[[ar.terms]]
weight = 2.0
terms = ["مخدرات", "إرهاب*"]
[de]
[[de.terms]]
weight = 2.0
terms = ["Kokain"]
[[de.terms]]
weight = 2.0
case = true
terms = ["BtM"]
)";

}  // namespace

TEST_CASE("stemmed terms match inflected forms, and only those", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("Two TRAFFICKERS were arrested.", "en");
  m.annotate(doc);
  CHECK(labels(doc) == std::vector<std::string>{"drugs"});
  Document other = tokenized("Traffic on the trafficway was slow.", "en");
  m.annotate(other);
  CHECK(other.topics.empty());
}

TEST_CASE("prefix wildcards, phrases and repeats", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("The narcotrafficantes moved a large cocaine haul.", "en");
  m.annotate(doc);
  REQUIRE(find_topic(doc, "drugs"));
  // narco* 2 + "cocaine haul" 2; "cocaine" inside the phrase does not count again.
  CHECK(find_topic(doc, "drugs")->score == Approx(1.0 - std::exp2(-4.0 / 2.0)));
  CHECK(find_topic(doc, "drugs")->evidence.size() == 2);
}

TEST_CASE("negative weights pull the score down", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("A pharmaceutical trafficker? No: a pharmaceutical distributor.", "en");
  m.annotate(doc);
  CHECK(doc.topics.empty());
}

TEST_CASE("combinations need their parts within the window; none_of vetoes", "[topics][matching]") {
  auto m = matcher_from(kDrugRules, true);
  Document near = tokenized("Police seized drugs at the port.", "en");
  m.annotate(near);
  CHECK(find_topic(near, "drugs"));
  Document far = tokenized("Police said on Monday that after a long and careful inquiry the drugs were gone.", "en");
  m.annotate(far);
  CHECK_FALSE(find_topic(far, "drugs"));
  Document vetoed = tokenized("Police seized prescription drugs.", "en");
  m.annotate(vetoed);
  CHECK_FALSE(find_topic(vetoed, "drugs"));
  const auto& trace = vetoed.attributes["vigil.topics"]["topics"];
  REQUIRE(trace.size() == 1);
  REQUIRE(trace[0]["vetoed"].size() == 1);
  CHECK(trace[0]["vetoed"][0]["rule"] == "drug near police");
  CHECK(trace[0]["vetoed"][0]["by"] == "prescription");
  CHECK(trace[0]["vetoed"][0]["where"] == "t.toml:13:1");
  CHECK(trace[0]["assigned"] == false);
}

TEST_CASE("Arabic terms match after clitics and with suffixes", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  for (const char* text : {"ضبط كمية من المخدرات", "وبالمخدرات", "للمخدرات الممنوعة", "مكافحة الإرهابيين"}) {
    Document doc = tokenized(text, "ar");
    m.annotate(doc);
    CHECK(labels(doc) == std::vector<std::string>{"drugs"});
  }
  Document none = tokenized("المخدر ليس هنا", "ar");  // a different word
  m.annotate(none);
  CHECK(none.topics.empty());
}

TEST_CASE("evidence spans point into the original text", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("Über 3 Tonnen KOKAIN – größter Fund; l’enquête (BtM) läuft.", "de");
  m.annotate(doc);
  const auto* t = find_topic(doc, "drugs");
  REQUIRE(t);
  REQUIRE(t->evidence.size() == 2);
  CHECK(doc.slice(t->evidence[0]) == "KOKAIN");
  CHECK(t->evidence[0].term == "Kokain");
  CHECK(t->evidence[0].weight == 2.0);
  CHECK(doc.slice(t->evidence[1]) == "BtM");
}

TEST_CASE("case-sensitive terms compare the original spelling", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("Die btm-Werte sind gut.", "de");
  m.annotate(doc);
  CHECK(doc.topics.empty());
}

TEST_CASE("documents without a language try every language; default_languages narrows", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("3 Tonnen Kokain", "");
  m.annotate(doc);
  CHECK(labels(doc) == std::vector<std::string>{"drugs"});
  vigil::topics::MatcherOptions options;
  options.default_languages = {"en"};
  vigil::topics::TopicMatcher en_only(vigil::topics::load_rules_from_strings({{"t.toml", kDrugRules}}), options);
  Document again = tokenized("3 Tonnen Kokain", "");
  en_only.annotate(again);
  CHECK(again.topics.empty());
  // A language the rules do not have counts as unknown.
  Document ru = tokenized("3 Tonnen Kokain", "ru");
  m.annotate(ru);
  CHECK(labels(ru) == std::vector<std::string>{"drugs"});
}

TEST_CASE("the explain trace lists every fired term with its contribution", "[topics][matching]") {
  auto m = matcher_from(kDrugRules, true);
  Document doc = tokenized("A trafficker and another trafficker; a pharmaceutical firm.", "en");
  m.annotate(doc);
  const auto& trace = doc.attributes["vigil.topics"];
  CHECK(trace["languages"] == vigil::sdk::Json::array({"en"}));
  const auto& topic = trace["topics"][0];
  CHECK(topic["label"] == "drugs");
  CHECK(topic["sum"].get<double>() == Approx(2.0 * 2.0 - 3.0));
  CHECK(topic["assigned"] == false);
  REQUIRE(topic["fired"].size() == 2);
  CHECK(topic["fired"][0]["term"] == "trafficker");
  CHECK(topic["fired"][0]["count"] == 2);
  CHECK(topic["fired"][0]["matches"] == vigil::sdk::Json::array({"trafficker", "trafficker"}));
  CHECK(topic["fired"][1]["contribution"].get<double>() == Approx(-3.0));
}

TEST_CASE("running twice gives the same topics; other topics are kept", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  Document doc = tokenized("A trafficker.", "en");
  doc.topics.push_back({"sports", 0.9, {}});
  m.annotate(doc);
  m.annotate(doc);
  CHECK(labels(doc) == std::vector<std::string>{"sports", "drugs"});
}

TEST_CASE("the factory resolves relative rule paths against the pipeline folder", "[topics][component]") {
  std::map<std::string, vigil::sdk::ParamValue, std::less<>> values;
  for (const auto& p : vigil::topics::topics_component_spec().params)
    if (p.default_value) values.emplace(p.key, *p.default_value);
  values["rules"] = vigil::sdk::StringList{"topics"};
  vigil::sdk::Params params(values);
  vigil::sdk::CreateContext ctx{params, nullptr, "topics", std::filesystem::path(VIGIL_SOURCE_DIR) / "config"};
  auto annotator = vigil::topics::make_topics_annotator(ctx);
  Document doc = tokenized("Police seized two tonnes of cocaine from a drug trafficking gang.", "en");
  annotator->annotate(doc);
  CHECK(labels(doc) == std::vector<std::string>{"drugs"});
  values["rules"] = vigil::sdk::StringList{"no-such-folder"};
  vigil::sdk::Params bad(values);
  vigil::sdk::CreateContext bad_ctx{bad, nullptr, "topics", std::filesystem::path(VIGIL_SOURCE_DIR) / "config"};
  CHECK_THROWS_WITH(vigil::topics::make_topics_annotator(bad_ctx), Catch::Matchers::Contains("no-such-folder"));
}

TEST_CASE("one matcher is used by several threads at once", "[topics][matching]") {
  auto m = matcher_from(kDrugRules);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        Document doc = tokenized(i % 2 ? "Two traffickers." : "Nothing here.", "en");
        m.annotate(doc);
        if (doc.topics.size() != static_cast<std::size_t>(i % 2)) ++wrong;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
}
