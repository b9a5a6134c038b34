// The document history (document_history.hpp): what the tagger said earlier
// in a document about a word becomes features of its later occurrences.
#include <catch2/catch.hpp>
#include <random>

#include "document_history.hpp"
#include "ner_model.hpp"
#include "ner_test_support.hpp"
#include "tagger.hpp"
#include "temp_files.hpp"

using namespace vigil::ner;

namespace {

std::vector<std::uint64_t> history_features(const DocumentHistory& history, std::uint64_t key, bool first = false) {
  std::vector<std::uint64_t> out;
  history.add_features(key, first, out);
  return out;
}

// A made-up capitalised word no corpus holds: "Zubavok", "Trelimar".
std::string invented_name(std::mt19937& rng) {
  static const std::string consonants = "bdfgklmnprstvz", vowels = "aeiou";
  std::string name;
  const int syllables = 2 + static_cast<int>(rng() % 2);
  for (int k = 0; k < syllables; ++k) {
    name += consonants[rng() % consonants.size()];
    name += vowels[rng() % vowels.size()];
  }
  name += consonants[rng() % consonants.size()];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

// Two-sentence documents: the first says what the name is ("Minister Zubavok
// spoke ." / "In Zubavok the rain fell ."), the second uses it where only
// the first can tell ("Zubavok answered ."). Half people, half places.
std::vector<TrainingSentence> two_sentence_documents(std::uint32_t seed, int count) {
  std::mt19937 rng(seed);
  std::vector<TrainingSentence> out;
  for (int d = 0; d < count; ++d) {
    const std::string name = invented_name(rng);
    const bool person = d % 2 == 0;
    const std::string tag = person ? "/B-PER" : "/B-LOC";
    out.push_back(test::sentence(person ? "Minister/O " + name + tag + " spoke/O ./O"
                                        : "In/O " + name + tag + " the/O rain/O fell/O ./O"));
    out.push_back(test::sentence(name + tag + " answered/O ./O"));
    out.back().continues_document = true;
  }
  return out;
}

}  // namespace

TEST_CASE("the history gives a word's features only once the document has labelled it") {
  DocumentHistory history;
  constexpr std::uint64_t kZubavok = 41, kRabat = 43;
  CHECK(history_features(history, kZubavok).empty());
  history.record(std::vector<std::uint64_t>{0, kZubavok}, std::vector<Label>{kOutside, begin_label(0)});
  const auto once_person = history_features(history, kZubavok);
  CHECK(once_person.size() == 2);
  CHECK(history_features(history, kZubavok, true).size() == 3);  // and the same at a sentence's opening
  CHECK(history_features(history, 0).empty());                   // a lower-case word has no key
  CHECK(history_features(history, kRabat).empty());
  history.record(std::vector<std::uint64_t>{kRabat}, std::vector<Label>{begin_label(2)});
  CHECK(history_features(history, kRabat) != once_person);
  history.clear();
  CHECK(history.empty());
  CHECK(history_features(history, kZubavok).empty());
}

TEST_CASE("the history's majority: an entity type wins a tie with O, and loses to more O") {
  DocumentHistory history;
  constexpr std::uint64_t kWord = 7, kPerson = 8;
  history.record(std::vector<std::uint64_t>{kPerson}, std::vector<Label>{begin_label(0)});
  const auto person = history_features(history, kPerson);
  history.record(std::vector<std::uint64_t>{kWord, kWord}, std::vector<Label>{begin_label(0), kOutside});
  const auto tie = history_features(history, kWord);
  CHECK(tie[0] != person[0]);  // the set seen: {O, PER} against {PER}
  CHECK(tie[1] == person[1]);  // the most seen: PER in both
  history.record(std::vector<std::uint64_t>{kWord}, std::vector<Label>{kOutside});
  CHECK(history_features(history, kWord)[1] != person[1]);  // two O against one PER
  CHECK(DocumentHistory::all_features().size() == 31 + 2 * 5);
}

TEST_CASE("a model trained with the history reads a later bare name by what the document said of it") {
  vigil::test::TempDir dir;
  TrainerOptions options;
  options.epochs = 6;
  options.patience = 0;
  const auto train = two_sentence_documents(1, 300);
  const auto test_docs = two_sentence_documents(2, 60);  // other invented names
  auto second_sentence_accuracy = [&](bool with_history) {
    options.document_history = with_history;
    auto trained = train_perceptron(train, {}, options, nullptr);
    trained.contents.metadata_json = R"({"language":"en"})";
    const auto path = dir / (with_history ? "with.model" : "without.model");
    write_model(path, trained.contents, 0);
    auto model = NerModel::load(path);
    Tagger tagger;
    DocumentHistory history;
    std::vector<Label> labels;
    std::vector<float> confidence;
    int right = 0;
    for (std::size_t s = 0; s < test_docs.size(); s += 2) {
      history.clear();
      for (std::size_t k = s; k < s + 2; ++k) {
        std::vector<std::string_view> words(test_docs[k].words.begin(), test_docs[k].words.end());
        tagger.tag(*model, words, FeatureContext{}, labels, confidence, with_history ? &history : nullptr);
      }
      right += labels == test_docs[s + 1].labels;
    }
    return static_cast<double>(right) / static_cast<double>(test_docs.size() / 2);
  };
  const double with = second_sentence_accuracy(true);
  const double without = second_sentence_accuracy(false);
  CHECK(with >= 0.95);
  CHECK(without <= 0.8);  // without the history the sentence cannot tell a person from a place
}
