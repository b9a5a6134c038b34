// Sentences written for these tests, in the style of the news Vigil reads.
#include <spdlog/sinks/null_sink.h>

#include <catch2/catch.hpp>

#include "langid_component.hpp"
#include "language_codes.hpp"
#include "language_identifier.hpp"
#include "script_profile.hpp"

using namespace vigil::langid;
using vigil::sdk::Document;

namespace {

std::unique_ptr<vigil::sdk::Annotator> make(std::map<std::string, vigil::sdk::ParamValue, std::less<>> overrides = {}) {
  std::map<std::string, vigil::sdk::ParamValue, std::less<>> values;
  for (const auto& p : langid_spec().params) values.emplace(p.key, *p.default_value);
  values["model"] = std::string(VIGIL_LANGID_TEST_MODEL);  // the host would resolve it; tests are not a plugin
  for (auto& [k, v] : overrides) values[k] = v;
  static vigil::sdk::Params params;
  params = vigil::sdk::Params(values);
  auto logger = std::make_shared<spdlog::logger>("t", std::make_shared<spdlog::sinks::null_sink_mt>());
  return make_langid(vigil::sdk::CreateContext{params, logger, "langid", {}});
}

Document annotate(const std::string& text, vigil::sdk::Annotator& a) {
  Document doc;
  doc.text = text;
  a.annotate(doc);
  return doc;
}

}  // namespace

TEST_CASE("news sentences in the six main languages are identified", "[langid]") {
  auto a = make();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en", "Police in Tangier seized two tonnes of cannabis resin hidden in a lorry bound for Spain."},
      {"fr", "Les enquêteurs ont démantelé un réseau de passeurs qui organisait des traversées vers l'Espagne."},
      {"es", "La Guardia Civil detuvo a cinco personas acusadas de blanquear dinero del narcotráfico."},
      {"de", "Das Bundeskriminalamt warnt vor einer neuen Welle von Erpressungsangriffen auf Krankenhäuser."},
      {"nl", "De politie heeft in de haven van Antwerpen een grote partij cocaïne in beslag genomen."},
      {"ar", "أعلنت المديرية العامة للأمن الوطني عن تفكيك شبكة إجرامية تنشط في تهريب المخدرات."},
  };
  for (const auto& [lang, text] : cases) {
    INFO(text);
    Document doc = annotate(text, *a);
    CHECK(doc.language.code == lang);
    CHECK(doc.language.reliable);
    CHECK(doc.language.confidence > 0.5);
    CHECK(doc.language.confidence <= 1.0);
    CHECK(doc.language.source == "vigil.langid");
    REQUIRE_FALSE(doc.language.alternatives.empty());
    CHECK(doc.language.alternatives[0].code == lang);
  }
}

TEST_CASE("French with Arabic names stays French", "[langid]") {
  auto a = make();
  Document doc = annotate(
      "Abdellatif Hammouchi a reçu à Rabat Mohamed Abdennabaoui et Abdelouafi Laftit pour évoquer la "
      "coopération sécuritaire avec les services de Madrid.",
      *a);
  CHECK(doc.language.code == "fr");
}

TEST_CASE("Tifinagh text is Standard Moroccan Tamazight", "[langid]") {
  auto a = make();
  Document doc = annotate("ⴰⵙⵙ ⴰⴷ ⵉⴳⴰ ⴰⵙⵙ ⵏ ⵓⵎⴰⵜⴰ ⴷⵉ ⵜⵎⴰⵣⵉⵖⵜ", *a);
  CHECK(doc.language.code == "zgh");
  CHECK(doc.language.confidence == 1.0);
}

TEST_CASE("too few letters give und with a diagnostic saying why", "[langid]") {
  auto a = make();
  Document doc = annotate("12:30 — OK", *a);
  CHECK(doc.language.code == "und");
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].stage == "langid");
  CHECK(doc.diagnostics[0].message == "language undetermined: too few letters to identify the language (2, need 3)");
}

TEST_CASE("a language given with the input is kept", "[langid]") {
  auto a = make();
  Document doc;
  doc.text = "The police arrested three suspects in Rabat on Tuesday.";
  doc.language = {"fr", 1.0, true, "input", {}};
  a->annotate(doc);
  CHECK(doc.language.code == "fr");
  CHECK(doc.language.source == "input");
}

TEST_CASE("the answer set can be restricted", "[langid]") {
  const std::string dutch = "De politie heeft in de haven van Antwerpen een grote partij cocaïne in beslag genomen.";
  auto only_en_fr = make({{"languages", vigil::sdk::StringList{"en", "fr"}}});
  Document doc = annotate(dutch, *only_en_fr);
  CHECK(doc.language.code != "nl");
  for (const auto& alt : doc.language.alternatives) CHECK((alt.code == "en" || alt.code == "fr"));
}

TEST_CASE("below min_confidence the answer is und", "[langid]") {
  auto strict = make({{"min_confidence", 0.99}});
  // Names only: no language is sure. (Not "Rabat Madrid Paris": "rabat" is
  // the Danish word for a discount, and the model is 0.99 sure of Danish.)
  Document doc = annotate("Madrid Paris Rabat", *strict);
  CHECK(doc.language.code == "und");
  CHECK_FALSE(doc.diagnostics.empty());
}

TEST_CASE("a document in two languages gets per-span languages", "[langid]") {
  auto a = make();
  std::string english =
      "The interior ministers of both countries met on Monday to review their cooperation against drug "
      "trafficking networks operating across the Strait of Gibraltar, and agreed to exchange more information. ";
  std::string arabic =
      "واتفق الوزيران على تعزيز تبادل المعلومات بين الأجهزة الأمنية في البلدين لمكافحة شبكات تهريب المخدرات "
      "والهجرة غير النظامية عبر مضيق جبل طارق خلال الأشهر المقبلة.";
  Document doc = annotate(english + arabic, *a);
  REQUIRE(doc.attributes.contains("vigil.langid"));
  const auto& spans = doc.attributes["vigil.langid"]["spans"];
  bool saw_en = false, saw_ar = false;
  for (const auto& s : spans) {
    saw_en |= s["language"] == "en";
    saw_ar |= s["language"] == "ar";
    CHECK(s["start"].get<int>() < s["end"].get<int>());
  }
  CHECK(saw_en);
  CHECK(saw_ar);
}

TEST_CASE("codes are normalised to ISO 639", "[langid]") {
  CHECK(normalize_code("iw") == "he");
  CHECK(normalize_code("zh-Hant") == "zh");
  CHECK(normalize_code("FR") == "fr");
  CHECK(normalize_code("un") == "und");
  CHECK(normalize_code("zgh") == "zgh");
}

TEST_CASE("the script profile tells Arabic letters from Persian and Urdu ones", "[langid]") {
  ScriptProfile ar = profile_scripts("المديرية العامة للأمن الوطني في مدينة الرباط");
  CHECK(ar.arabic > 20);
  CHECK(ar.arabic_only > ar.perso_urdu);
  ScriptProfile fa = profile_scripts("پلیس ایران گفت که یک گروه قاچاقچی را دستگیر کرده است");
  CHECK(fa.perso_urdu > fa.arabic_only);
}

TEST_CASE("the spec declares what the stage assigns and its parameters", "[langid]") {
  auto spec = langid_spec();
  CHECK(spec.name == "vigil.langid");
  CHECK(spec.assigns_layers == std::vector<std::string>{"language"});
  CHECK(spec.thread_safe);
  std::vector<std::string> keys;
  for (const auto& p : spec.params) keys.push_back(p.key);
  CHECK(keys == std::vector<std::string>{"model", "use_model", "languages", "hints", "rare_languages", "rare_prior",
                                         "min_confidence", "min_letters", "short_text_threshold"});
}

TEST_CASE("the default prior against Galician and Norwegian leaves clear text to them", "[langid]") {
  auto a = make();
  auto neutral = make({{"rare_prior", 0.0}});
  CHECK(annotate("Unha operación policial no porto de Vigo", *a).language.code == "gl");
  CHECK(annotate("Politiet arresterte to menn i havnen i går", *a).language.code == "nb");
  // Portuguese that Galician fits nearly as well: the prior is on by default
  // and takes probability from Galician.
  auto galician = [](const Document& doc) {
    for (const auto& g : doc.language.alternatives)
      if (g.code == "gl") return g.confidence;
    return 0.0;
  };
  const std::string ambiguous = "a bondade depende da vontade";
  CHECK(galician(annotate(ambiguous, *a)) < galician(annotate(ambiguous, *neutral)));
}
