#include <catch2/catch.hpp>
#include <fstream>

#include "feature_hash.hpp"
#include "ner_model.hpp"
#include "ner_test_support.hpp"
#include "tagger.hpp"
#include "temp_files.hpp"

using namespace vigil::ner;

namespace {

std::vector<std::string> tag_words(const NerModel& model, const std::vector<std::string>& words) {
  std::vector<std::string_view> views(words.begin(), words.end());
  Tagger tagger;
  std::vector<Label> labels;
  std::vector<float> confidence;
  tagger.tag(model, views, FeatureContext{}, labels, confidence);
  std::vector<std::string> out;
  for (Label l : labels) out.push_back(label_name(l));
  return out;
}

}  // namespace

TEST_CASE("a trained model tags new combinations of known names") {
  vigil::test::TempDir dir;
  test::write_synthetic_model(dir / "m.model");
  auto model = NerModel::load(dir / "m.model");
  CHECK(model->feature_count() > 100);
  CHECK(model->metadata_json() == R"({"language":"en","test":true})");
  // A frame it saw with a pairing it did not (names are seen, the sentence is new).
  CHECK(tag_words(*model, {"Marta", "Ruiz", "visited", "Utrecht", "on", "Monday", "."}) ==
        std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"});
  CHECK(tag_words(*model, {"The", "Coast", "Guard", "of", "Lyon", "seized", "boats", "."}) ==
        std::vector<std::string>{"O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O", "O"});
}

TEST_CASE("the decoder never starts an entity with I-") {
  std::vector<Label> labels = {kOutside, inside_label(0), inside_label(0), begin_label(2)};
  auto spans = label_spans(labels);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 1);
  CHECK(spans[0].end == 3);
  CHECK(spans[1].type == 2);
  CHECK_FALSE(transition_allowed(kOutside, inside_label(1)));
  CHECK_FALSE(transition_allowed(begin_label(0), inside_label(1)));
  CHECK(transition_allowed(begin_label(1), inside_label(1)));
}

TEST_CASE("writing keeps the largest feature rows when asked to prune") {
  vigil::test::TempDir dir;
  ModelContents c;
  // Feature keys are 64-bit hashes: low bits place them, high bits identify them.
  c.features = {mix64(11), mix64(22), mix64(33)};
  c.weights.assign(3 * kNumLabels, 0.0f);
  c.weights[0 * kNumLabels + 1] = 5.0f;
  c.weights[1 * kNumLabels + 2] = -0.5f;
  c.weights[2 * kNumLabels + 3] = 2.0f;
  CHECK(write_model(dir / "p.model", c, 2) == 2);
  auto model = NerModel::load(dir / "p.model");
  CHECK(model->feature_count() == 2);
  float scores[kNumLabels] = {};
  const std::uint64_t feats[] = {mix64(11), mix64(22), mix64(33), mix64(44)};
  model->add_scores(feats, scores);
  CHECK(scores[1] == Approx(5.0f).epsilon(0.001));
  CHECK(scores[2] == 0.0f);  // pruned
  CHECK(scores[3] == Approx(2.0f).epsilon(0.001));
}

TEST_CASE("a model never predicts a type its card says it did not learn") {
  vigil::test::TempDir dir;
  // Transitions that make every learnt label cost, as a perceptron's can
  // where the evidence is weak; MISC's labels were never touched (zero).
  ModelContents c;
  c.features = {mix64(1)};
  c.weights.assign(kNumLabels, 0.0f);
  for (std::size_t from = 0; from <= kNumLabels; ++from)
    for (std::size_t to = 0; to < kNumLabels; ++to)
      if (to != begin_label(3) && to != inside_label(3)) c.transitions[from * kNumLabels + to] = -1.0f;
  c.transitions[kNumLabels * kNumLabels + begin_label(0)] = -0.5f;  // B-PER: the best learnt start
  c.metadata_json = R"({"language":"en"})";
  write_model(dir / "open.model", c, 0);
  CHECK(tag_words(*NerModel::load(dir / "open.model"), {"Anatel"}) == std::vector<std::string>{"B-MISC"});
  c.metadata_json = R"({"language":"en","types":["PER","ORG","LOC"]})";
  write_model(dir / "closed.model", c, 0);
  CHECK(tag_words(*NerModel::load(dir / "closed.model"), {"Anatel"}) == std::vector<std::string>{"B-PER"});
}

TEST_CASE("a file that is not a model, or a damaged one, is refused with a clear message") {
  vigil::test::TempDir dir;
  CHECK_THROWS_WITH(NerModel::load(dir / "absent.model"), Catch::Contains("cannot open NER model"));
  dir.write("text.model", std::string(200, 'x'));
  CHECK_THROWS_WITH(NerModel::load(dir / "text.model"), Catch::Contains("is not a Vigil NER model (bad magic)"));
  dir.write("tiny.model", "VIGILNER");
  CHECK_THROWS_WITH(NerModel::load(dir / "tiny.model"), Catch::Contains("too short"));
  test::write_synthetic_model(dir / "m.model");
  const std::string bytes = vigil::test::read_file(dir / "m.model");
  dir.write("cut.model", bytes.substr(0, bytes.size() - 10));
  CHECK_THROWS_WITH(NerModel::load(dir / "cut.model"), Catch::Contains("is truncated or corrupt"));
}

TEST_CASE("the same seed trains the same model byte for byte") {
  vigil::test::TempDir dir;
  test::write_synthetic_model(dir / "a.model");
  test::write_synthetic_model(dir / "b.model");
  CHECK(vigil::test::read_file(dir / "a.model") == vigil::test::read_file(dir / "b.model"));
}

TEST_CASE("word clusters are read from a paths file and stored in the model") {
  vigil::test::TempDir dir;
  const auto paths = dir.write("paths.tsv", "001010\trabat\t50\n001011\tmadrid\t40\n1\tmonday\t30\n");
  auto clusters = WordClusters::read_paths(paths);
  CHECK(clusters.size() == 3);
  std::uint64_t a[3], b[3], c[3];
  REQUIRE(clusters.lookup("rabat", a));
  REQUIRE(clusters.lookup("madrid", b));
  REQUIRE(clusters.lookup("monday", c));
  CHECK(a[0] == b[0]);  // same first 4 bits
  CHECK(a[1] != b[1]);  // different 6-bit paths
  CHECK(a[0] != c[0]);
  CHECK_FALSE(clusters.lookup("lyon", a));

  ModelContents contents;
  contents.features = {1};
  contents.weights.assign(kNumLabels, 1.0f);
  contents.clusters = clusters;
  write_model(dir / "c.model", contents, 0);
  auto model = NerModel::load(dir / "c.model");
  REQUIRE(model->clusters() != nullptr);
  std::uint64_t stored[3];
  REQUIRE(model->clusters()->lookup("madrid", stored));
  CHECK(stored[1] == b[1]);
  CHECK_FALSE(model->clusters()->lookup("lyon", stored));

  const auto bad = dir.write("bad.tsv", "0102\tx\n");
  CHECK_THROWS_WITH(WordClusters::read_paths(bad), Catch::Contains("bad.tsv:1: cluster path is not a bit string"));
}

TEST_CASE("header counts that do not fit the file are refused, even when their product would wrap around") {
  vigil::test::TempDir dir;
  test::write_synthetic_model(dir / "m.model");
  std::string bytes = vigil::test::read_file(dir / "m.model");
  // capacity (offset 24) + 2^63: capacity * slot size wraps to the true size.
  std::string wrapped = bytes;
  wrapped[31] = static_cast<char>(wrapped[31] ^ 0x80);
  dir.write("wrapped.model", wrapped);
  CHECK_THROWS_WITH(NerModel::load(dir / "wrapped.model"), Catch::Contains("is truncated or corrupt"));
  // cluster slot count (offset 40) + 2^61.
  std::string clusters = bytes;
  clusters[47] = static_cast<char>(clusters[47] ^ 0x20);
  dir.write("clusters.model", clusters);
  CHECK_THROWS_WITH(NerModel::load(dir / "clusters.model"), Catch::Contains("is truncated or corrupt"));
}

TEST_CASE("a damaged feature table with no empty slot does not hang a look-up") {
  vigil::test::TempDir dir;
  ModelContents c;
  c.features = {mix64(1), mix64(2), mix64(3)};
  c.weights.assign(3 * kNumLabels, 1.0f);
  write_model(dir / "full.model", c, 0);
  std::string bytes = vigil::test::read_file(dir / "full.model");
  // Fill every fingerprint of the table (it starts after header, transitions and the empty cluster table).
  const std::size_t slots_at = 56 + 360, slot = 4 + 2 * kNumLabels, capacity = 3 * 4 / 3 + 1;
  for (std::size_t i = 0; i < capacity; ++i) bytes[slots_at + i * slot] = 0x5A;
  dir.write("full.model", bytes);
  auto model = NerModel::load(dir / "full.model");
  float scores[kNumLabels] = {};
  const std::uint64_t missing[] = {mix64(99)};
  model->add_scores(missing, scores);  // returns: at most one lap of the table
  CHECK(scores[0] == 0.0f);
}
