// Small models and gazetteers built inside the tests (no file from ../shared).
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "gazetteer.hpp"
#include "labels.hpp"
#include "ner_model.hpp"
#include "perceptron_trainer.hpp"

namespace vigil::ner::test {

// Splits "Anna/B-PER Berg/I-PER met/O ..." into a training sentence.
inline TrainingSentence sentence(const std::string& tagged) {
  TrainingSentence s;
  std::size_t at = 0;
  while (at < tagged.size()) {
    std::size_t end = tagged.find(' ', at);
    if (end == std::string::npos) end = tagged.size();
    const std::string item = tagged.substr(at, end - at);
    const auto slash = item.rfind('/');
    s.words.push_back(item.substr(0, slash));
    s.labels.push_back(*parse_label(item.substr(slash + 1)));
    at = end + 1;
  }
  return s;
}

// A synthetic English corpus: people, places and organisations in a few
// sentence frames, every combination (all names invented or generic).
inline std::vector<TrainingSentence> synthetic_corpus() {
  const std::vector<std::string> people = {"Anna/B-PER Berg/I-PER", "Omar/B-PER Idrissi/I-PER", "Lena/B-PER Vos/I-PER",
                                           "Karim/B-PER Tazi/I-PER", "Marta/B-PER Ruiz/I-PER"};
  const std::vector<std::string> places = {"Rabat/B-LOC", "Madrid/B-LOC", "Utrecht/B-LOC", "Tangier/B-LOC",
                                           "Lyon/B-LOC"};
  const std::vector<std::string> orgs = {"Harbour/B-ORG Police/I-ORG", "Coast/B-ORG Guard/I-ORG",
                                         "Customs/B-ORG Office/I-ORG"};
  std::vector<TrainingSentence> out;
  for (const auto& p : people)
    for (const auto& l : places) {
      out.push_back(sentence(p + " visited/O " + l + " on/O Monday/O ./O"));
      out.push_back(sentence("In/O " + l + " ,/O " + p + " said/O the/O plan/O works/O ./O"));
    }
  for (const auto& o : orgs)
    for (const auto& l : places) out.push_back(sentence("The/O " + o + " of/O " + l + " seized/O boats/O ./O"));
  return out;
}

// A made-up capitalised word no corpus holds: "Zubavok", "Trelimar".
inline std::string invented_name(std::mt19937& rng) {
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
inline std::vector<TrainingSentence> two_sentence_documents(std::uint32_t seed, int count) {
  std::mt19937 rng(seed);
  std::vector<TrainingSentence> out;
  for (int d = 0; d < count; ++d) {
    const std::string name = invented_name(rng);
    const bool person = d % 2 == 0;
    const std::string tag = person ? "/B-PER" : "/B-LOC";
    out.push_back(sentence(person ? "Minister/O " + name + tag + " spoke/O ./O"
                                  : "In/O " + name + tag + " the/O rain/O fell/O ./O"));
    out.push_back(sentence(name + tag + " answered/O ./O"));
    out.back().continues_document = true;
  }
  return out;
}

// Trains on the synthetic corpus and writes the model to `path`.
inline void write_synthetic_model(const std::filesystem::path& path, const Gazetteer* gazetteer = nullptr,
                                  const std::string& language = "en", const std::string& card_extra = "") {
  TrainerOptions options;
  options.epochs = 5;
  options.patience = 0;
  options.language = language;
  options.gazetteer = gazetteer;
  auto trained = train_perceptron(synthetic_corpus(), {}, options, nullptr);
  trained.contents.metadata_json = R"({"language":")" + language + R"(","test":true)" + card_extra + "}";
  write_model(path, trained.contents, 0);
}

}  // namespace vigil::ner::test
