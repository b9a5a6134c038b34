// The document history (document_history.hpp): what the tagger said earlier
// in a document about a word becomes features of its later occurrences.
#include <catch2/catch.hpp>

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
  const auto train = test::two_sentence_documents(1, 300);
  const auto test_docs = test::two_sentence_documents(2, 60);  // other invented names
  auto second_sentence_accuracy = [&](bool with_history) {
    options.document_history = with_history;
    auto trained = train_perceptron(train, {}, options, nullptr);
    trained.contents.metadata_json =
        std::string(R"({"language":"en","document_history":)") + (with_history ? "true" : "false") + "}";
    const auto path = dir / (with_history ? "with.model" : "without.model");
    write_model(path, trained.contents, 0);
    auto model = NerModel::load(path);
    CHECK(model->uses_history() == with_history);  // the stage computes the features only for such a model
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
