// The n-gram model of vigil.langid: short snippets, close languages, model
// file errors. Every text here was written for these tests.
#include <spdlog/sinks/null_sink.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <random>
#include <thread>

#include "langid_component.hpp"
#include "language_identifier.hpp"
#include "ngram_model.hpp"
#include "temp_files.hpp"

using namespace vigil::langid;

namespace {

std::shared_ptr<const NgramModel> model() {
  return NgramModel::shared(VIGIL_LANGID_TEST_MODEL);
}

LanguageIdentifier identifier(std::vector<std::string> languages = {}, std::vector<std::string> hints = {}) {
  IdentifierOptions o;
  o.languages = std::move(languages);
  o.hints = std::move(hints);
  o.model = model();
  return LanguageIdentifier(std::move(o));
}

std::unique_ptr<vigil::sdk::Annotator> make_with_model(const std::string& path) {
  std::map<std::string, vigil::sdk::ParamValue, std::less<>> values;
  for (const auto& p : langid_spec().params) values.emplace(p.key, *p.default_value);
  values["model"] = path;
  static vigil::sdk::Params params;
  params = vigil::sdk::Params(values);
  auto logger = std::make_shared<spdlog::logger>("t", std::make_shared<spdlog::sinks::null_sink_mt>());
  return make_langid(vigil::sdk::CreateContext{params, logger, "langid", {}});
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the shipped model loads and knows the languages of the issue", "[langid][model]") {
  auto m = model();
  REQUIRE(m);
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < m->languages(); ++i) codes.push_back(m->code(i));
  for (const char* lang : {"en", "fr", "es", "de", "ar",  "nl", "it", "pt", "da", "sv", "ru", "tr",
                           "pl", "zh", "fa", "ur", "kab", "nb", "gl", "cs", "sk", "id", "ms"}) {
    INFO(lang);
    CHECK(std::find(codes.begin(), codes.end(), lang) != codes.end());
  }
  CHECK(m->max_order() == kMaxOrder);
  CHECK(NgramModel::shared(VIGIL_LANGID_TEST_MODEL) == m);  // loaded once, shared
}

namespace {

// The sums of score(), recomputed one row at a time from the file's bytes.
std::pair<std::array<std::int64_t, kMaxLanguages>, std::size_t> plain_sums(const NgramModel& m, const std::string& file,
                                                                           std::string_view text, std::size_t limit) {
  const std::size_t L = m.languages();
  const auto* table = reinterpret_cast<const std::int8_t*>(file.data() + kHeaderBytes + 8 * L);
  std::array<std::int64_t, kMaxLanguages> plain{}, names{};
  std::size_t count = 0;
  for_each_ngram(text, limit, [&](int order, std::uint64_t hash, bool name_like) {
    const std::int8_t* row = table + m.bucket(order, hash) * L;
    for (std::size_t l = 0; l < L; ++l) (name_like ? names : plain)[l] += row[l];
    ++count;
  });
  for (std::size_t l = 0; l < L; ++l) plain[l] += names[l] / kNameDivisor;
  return {plain, count};
}

void check_plain_sums(const std::string& path) {
  auto m = NgramModel::load(path);
  const std::string file = read_bytes(path);
  std::string long_text;  // over a thousand n-grams: several batches, many name-like words
  for (int i = 0; i < 30; ++i)
    long_text += "Die Polizei in Hamburg meldete am Montag, dass Kommissarin Weber ermittelt. ";
  for (std::string_view text : {std::string_view("Police seize cocaine at the port"), std::string_view(long_text),
                                std::string_view("x"), std::string_view("")}) {
    for (std::size_t limit : {kModelMaxCodepoints, SIZE_MAX}) {
      INFO(text.substr(0, 40) << " / " << limit);
      NgramScores s;
      m->score(text, limit, s);
      const auto [plain, count] = plain_sums(*m, file, text, limit);
      CHECK(s.ngrams == count);
      for (std::size_t l = 0; l < m->languages(); ++l) CHECK(s.score[l] == plain[l]);
    }
  }
  NgramScores twice;  // score() adds to what is there
  m->score("Police seize cocaine at the port", SIZE_MAX, twice);
  m->score("Police seize cocaine at the port", SIZE_MAX, twice);
  CHECK(twice.score[0] == 2 * plain_sums(*m, file, "Police seize cocaine at the port", SIZE_MAX).first[0]);
}

template <class T>
void put_le(std::string& out, T v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out.append(b, sizeof v);
}

// A valid model file of `languages` languages, small tables and random int8
// weights over the whole range (-128..127, which no trained model holds).
std::string synthetic_model(std::uint32_t languages) {
  const std::uint32_t bits[kMaxOrder] = {4, 5, 6, 6, 6, 6};
  std::size_t buckets = 0;
  for (auto b : bits) buckets += std::size_t{1} << b;
  std::string body;
  for (std::uint32_t l = 0; l < languages; ++l) {
    // "x00", "x01", ...: NUL-padded to 8 bytes, as the trainer writes codes.
    const char code[8] = {'x', static_cast<char>('0' + l / 10 % 10), static_cast<char>('0' + l % 10)};
    body.append(code, sizeof code);
  }
  std::mt19937 rng(7);
  for (std::size_t i = 0; i < buckets * languages; ++i) body.push_back(static_cast<char>(rng() & 0xFF));
  std::string file(kModelMagic, sizeof kModelMagic);
  put_le(file, kModelVersion);
  put_le(file, languages);
  put_le(file, static_cast<std::uint32_t>(kMaxOrder));
  put_le(file, 10.0f);
  for (auto b : bits) put_le(file, b);
  put_le(file, fnv1a64(body.data(), body.size()));
  return file + body;
}

}  // namespace

TEST_CASE("scores are the plain sums of the file's table rows", "[langid][model]") {
  // score() pads rows (to 32 or 64 bytes), gathers them in batches and sums
  // through int16 lanes; the sums must be those of the file's rows.
  SECTION("the shipped model (23 languages, 32-byte rows)") {
    check_plain_sums(VIGIL_LANGID_TEST_MODEL);
  }
  SECTION("a model of 40 languages (64-byte rows), weights over the whole int8 range") {
    vigil::test::TempDir dir;
    const std::string path = dir.write("forty.bin", synthetic_model(40)).string();
    REQUIRE(NgramModel::load(path)->languages() == 40);
    check_plain_sums(path);
  }
}

TEST_CASE("headline-length snippets are identified by the n-gram model", "[langid][model]") {
  const auto id = identifier();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en", "Police seize cocaine at the port"},
      {"fr", "La police saisit une tonne de drogue"},
      {"es", "Detenidos tres narcos en la costa"},
      {"de", "Polizei nimmt Schleuser in Haft"},
      {"ar", "الشرطة تفكك شبكة لتهريب المخدرات"},
      {"nl", "Politie vindt drugs in vrachtwagen"},
      {"it", "Sequestrati due chili di cocaina"},
      {"pt", "Polícia apreende droga no porto"},
      {"da", "Politiet anholdt to mænd i går"},
      {"sv", "Polisen grep två män i hamnen"},
      {"ru", "Полиция задержала контрабандистов"},
      {"tr", "Polis limanda uyuşturucu ele geçirdi"},
      {"pl", "Policja zatrzymała przemytników"},
      {"zh", "警方在港口查获大量毒品"},
      {"fa", "پلیس یک باند قاچاق را متلاشی کرد"},
      {"ur", "پولیس نے منشیات کا گروہ پکڑ لیا"},
      {"kab", "Tasuddest n temsulta tettnadi ɣef yimakaren"},
  };
  for (const auto& [lang, text] : cases) {
    INFO(lang << ": " << text);
    Identification r = id.identify(text);
    CHECK(r.code == lang);
    CHECK(std::string(r.method) == "ngram");
    REQUIRE_FALSE(r.alternatives.empty());
    CHECK(r.alternatives.size() <= 3);
    CHECK(r.confidence > 0.0);
    CHECK(r.confidence <= 1.0);
  }
}

TEST_CASE("close languages are told apart", "[langid][model]") {
  const auto id = identifier();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nb", "Politiet har pågrepet to menn etter ranet i går kveld."},
      {"da", "Politiet har anholdt to mænd efter røveriet i går aftes."},
      {"sv", "Polisen har gripit två män efter rånet i går kväll."},
      {"es", "La policía detuvo ayer a dos hombres en el puerto."},
      {"pt", "A polícia deteve ontem dois homens no porto."},
      {"gl", "A policía detivo onte a dous homes no porto."},
      {"cs", "Policie včera zadržela dva muže v přístavu."},
      {"sk", "Polícia včera zadržala dvoch mužov v prístave."},
      // Not news: the model's Indonesian and Malay come from software
      // translations, where Malay "polisi" means "policy" (a known weakness).
      {"id", "Berkas tersebut tidak dapat dibuka karena sudah dihapus."},
      {"ms", "Polis telah menahan dua lelaki di pelabuhan semalam."},
      {"ar", "ألقت الشرطة القبض على رجلين في الميناء أمس."},
      {"fa", "پلیس دیروز دو مرد را در بندر دستگیر کرد."},
      {"ur", "پولیس نے کل بندرگاہ پر دو آدمیوں کو گرفتار کیا۔"},
  };
  for (const auto& [lang, text] : cases) {
    INFO(lang << ": " << text);
    CHECK(id.identify(text).code == lang);
  }
}

TEST_CASE("short Arabic with Arabic-only letters is never Persian or Urdu", "[langid][model]") {
  // "information, reference, province": words Persian shares, and the
  // Arabic-only yeh and teh marbuta. Naive Bayes alone says Persian.
  const std::string text = "اطلاعات مرجع ولاية";
  auto id = identifier();
  NgramScores s;
  model()->score(text, kModelMaxCodepoints, s);
  std::size_t ar = 0, fa = 0;
  for (std::size_t l = 0; l < model()->languages(); ++l) {
    if (model()->code(l) == "ar") ar = l;
    if (model()->code(l) == "fa") fa = l;
  }
  REQUIRE(s.score[fa] > s.score[ar]);  // the case the letter rule is for
  Identification r = id.identify(text);
  CHECK(r.code == "ar");
  CHECK(std::string(r.method) == "ngram");
  for (const auto& g : r.alternatives) CHECK((g.code != "fa" && g.code != "ur"));
  // Persian keeps its answer: its own letters outnumber the Arabic ones.
  CHECK(id.identify("پلیس یک باند قاچاق را متلاشی کرد").code == "fa");
}

TEST_CASE("short French with Arabic names stays French", "[langid][model]") {
  const auto id = identifier();
  CHECK(id.identify("Hammouchi reçoit Laftit à Rabat").code == "fr");
  CHECK(id.identify("Abdelouafi Laftit s'est rendu à Nador").code == "fr");
}

TEST_CASE("the languages restriction applies to the model", "[langid][model]") {
  const auto id = identifier({"sv", "nb"});
  Identification r = id.identify("Politiet anholdt to mænd i går");
  CHECK((r.code == "sv" || r.code == "nb"));
  for (const auto& alt : r.alternatives) CHECK((alt.code == "sv" || alt.code == "nb"));
}

TEST_CASE("hints add a prior to the model's scores", "[langid][model]") {
  const std::string text = "Unha operación policial no porto";  // Galician, close to Portuguese and Spanish
  auto confidence_of = [&](const Identification& r, const std::string& code) {
    for (const auto& a : r.alternatives)
      if (a.code == code) return a.confidence;
    return 0.0;
  };
  const double plain = confidence_of(identifier().identify(text), "pt");
  const double hinted = confidence_of(identifier({}, {"pt"}).identify(text), "pt");
  CHECK(hinted > plain);
}

TEST_CASE("rare languages need more evidence than their neighbours", "[langid][model]") {
  const std::string text = "Unha operación policial no porto";  // Galician, close to Portuguese and Spanish
  auto with_rare = [&](std::vector<std::string> rare, double prior) {
    IdentifierOptions o;
    o.model = model();
    o.rare = std::move(rare);
    o.rare_prior = prior;
    return LanguageIdentifier(std::move(o)).identify(text);
  };
  auto confidence_of = [&](const Identification& r, const std::string& code) {
    for (const auto& a : r.alternatives)
      if (a.code == code) return a.confidence;
    return 0.0;
  };
  const Identification plain = with_rare({}, 2.0);
  const Identification rare = with_rare({"GL"}, 2.0);  // codes are normalised
  const Identification rarer = with_rare({"gl"}, 6.0);
  CHECK(confidence_of(plain, "gl") > confidence_of(rare, "gl"));
  CHECK(confidence_of(rare, "gl") > confidence_of(rarer, "gl"));
  CHECK(plain.code == "gl");  // "Unha" is Galician only: 2 nats do not overrule it
  CHECK(rare.code == "gl");
  // The prior moves probability from Galician to the others: Portuguese,
  // in the top 3 either way, gains.
  REQUIRE(confidence_of(plain, "pt") > 0.0);
  CHECK(confidence_of(rare, "pt") > confidence_of(plain, "pt"));
}

TEST_CASE("the model answers only languages written in the text's scripts", "[langid][model]") {
  // Chinese and Russian are allowed, the text has neither Han nor Cyrillic
  // letters: no answer rather than a language it cannot be in.
  const auto id = identifier({"zh", "ru"});
  Identification r = id.identify("The harbour police stopped two boats");
  CHECK(r.code == "und");
  CHECK(r.note == "no allowed language recognised");
  // With a few Han characters in it, Chinese is a candidate again.
  CHECK(id.identify("警方 said the boats were stopped").code == "zh");
}

TEST_CASE("the last word of a text may be cut and counts without its end", "[langid][model]") {
  auto features = [](std::string_view text) {
    std::vector<std::pair<int, bool>> out;  // (order, name-like)
    for_each_ngram(text, 1000, [&](int n, std::uint64_t, bool name_like) { out.emplace_back(n, name_like); });
    return out;
  };
  const auto cut = features("cocaine");
  const auto whole = features("cocaine.");
  // "cocaine." adds the word-end 2..5-grams and the whole-word feature.
  CHECK(whole.size() == cut.size() + 5);
  CHECK(std::count_if(whole.begin(), whole.end(), [](auto f) { return f.first == kWordOrder; }) == 1);
  CHECK(std::count_if(cut.begin(), cut.end(), [](auto f) { return f.first == kWordOrder; }) == 0);
  // A capitalised word after the first is name-like; the first word is not.
  const auto named = features("Police seize Abdellatif.");
  CHECK_FALSE(named.front().second);
  CHECK(named.back().second);
  // "abdellatif": 2+3+4+5*7 n-grams as its 10 letters come in, 4 at its end,
  // and the word itself.
  CHECK(std::count_if(named.begin(), named.end(), [](auto f) { return f.second; }) == 49);
}

TEST_CASE("Tifinagh still goes to the script rule", "[langid][model]") {
  Identification r = identifier().identify("ⴰⵎⵙⴰⵡⴰⴹ ⵏ ⵜⵎⴰⵣⵉⵖⵜ");
  CHECK(r.code == "zgh");
  CHECK(std::string(r.method) == "script");
}

TEST_CASE("scripts the model does not know are left to CLD2", "[langid][model]") {
  Identification r = identifier().identify("Η αστυνομία συνέλαβε δύο άνδρες στο λιμάνι του Πειραιά χθες το βράδυ.");
  CHECK(r.code == "el");
  CHECK(std::string(r.method) == "cld2");
}

TEST_CASE("identification is the same from many threads", "[langid][model]") {
  const auto id = identifier();
  const std::vector<std::string> texts = {"Police seize cocaine at the port", "La police saisit une tonne de drogue",
                                          "Polisen grep två män i hamnen", "警方在港口查获大量毒品"};
  std::vector<std::string> expected;
  for (const auto& t : texts) expected.push_back(id.identify(t).code);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i)
        for (std::size_t k = 0; k < texts.size(); ++k) mismatches[t] += id.identify(texts[k]).code != expected[k];
    });
  for (auto& th : threads) th.join();
  for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("a missing model file is an error naming the path", "[langid][model]") {
  vigil::test::TempDir dir;
  const std::string path = dir.str("no-such-model.bin");
  REQUIRE_THROWS_AS(make_with_model(path), ModelError);
  try {
    make_with_model(path);
  } catch (const ModelError& e) {
    CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("cannot open"));
  }
}

TEST_CASE("corrupt model files are errors naming the path and the problem", "[langid][model]") {
  vigil::test::TempDir dir;
  const std::string good = read_bytes(VIGIL_LANGID_TEST_MODEL);
  REQUIRE(good.size() > kHeaderBytes);
  struct Case {
    std::string name, bytes, message;
  };
  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5A);
  std::string version = good;
  version[8] = 99;
  const std::vector<Case> cases = {
      {"text.bin", "this is not a model", "not a vigil.langid model"},
      {"empty.bin", "", "not a vigil.langid model"},
      {"truncated.bin", good.substr(0, good.size() - 1000), "truncated or corrupt"},
      {"flipped.bin", flipped, "checksum mismatch"},
      {"version.bin", version, "model format version 99"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string path = dir.write(c.name, c.bytes).string();
    try {
      NgramModel::load(path);
      FAIL("no error for " << c.name);
    } catch (const ModelError& e) {
      CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains(c.message));
    }
  }
}

TEST_CASE("the default model is looked for next to the plugin", "[langid][model]") {
  const std::string path = default_model_path();
  CHECK_THAT(path, Catch::EndsWith("share/vigil/langid/model.bin"));
}

TEST_CASE("without the model (use_model = false) CLD2 alone answers", "[langid][model]") {
  IdentifierOptions o;  // no model
  LanguageIdentifier id(o);
  Identification r =
      id.identify("Police in Tangier seized two tonnes of cannabis resin hidden in a lorry bound for Spain.");
  CHECK(r.code == "en");
  CHECK(std::string(r.method) == "cld2");
}
