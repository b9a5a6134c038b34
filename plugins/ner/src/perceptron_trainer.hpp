// Training: a structured averaged perceptron (Collins 2002) over the
// features of features.hpp, decoded with the same Viterbi as tagging.
//
// Each epoch visits the training documents in a seeded random order, the
// sentences of each in order (the document history needs them so); without
// the history, the sentences in a seeded random order. After each epoch the
// averaged weights are scored on the development set and the best epoch is
// kept (early stopping on dev, never on test data).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "chunk_score.hpp"
#include "gazetteer.hpp"
#include "labels.hpp"
#include "ner_model.hpp"
#include "word_clusters.hpp"

namespace vigil::ner {

struct TrainingSentence {
  std::vector<std::string> words;
  std::vector<Label> labels;
  // Follows the sentence before it in one document; by default each sentence
  // is a document of its own (no history).
  bool continues_document = false;
};

struct TrainerOptions {
  std::size_t epochs = 12;
  std::size_t patience = 3;  // stop after this many epochs without a better dev F1 (0: never)
  std::uint64_t seed = 1;
  std::string language;
  const Gazetteer* gazetteer = nullptr;
  const WordClusters* clusters = nullptr;
  // Features from the labels given earlier in the same document
  // (document_history.hpp); documents are then visited in a seeded random
  // order, their sentences in order.
  bool document_history = true;
  // The share of the training predictions the history records as a random
  // label instead. A model trained on its own near-perfect readings of the
  // training data trusts the history too much and carries one early error
  // through the document. 0.15 on the CoNLL and NewsEye dev sets: research
  // fr 60.0 -> 61.3 F1 (mean of 3 seeds); at 0 the whole pipeline lost
  // 0.7-0.9 on en, es and nl (plugins/ner/README.md).
  double history_noise = 0.15;
};

struct EpochReport {
  std::size_t epoch = 0;
  std::size_t sentence_errors = 0;  // training sentences decoded wrongly during the epoch
  double seconds = 0;
  ChunkScore dev;
  bool best = false;
};

struct TrainedWeights {
  ModelContents contents;  // metadata_json left for the caller
  std::size_t best_epoch = 0;
  ChunkScore best_dev;
  std::size_t features_seen = 0;
};

TrainedWeights train_perceptron(const std::vector<TrainingSentence>& train, const std::vector<TrainingSentence>& dev,
                                const TrainerOptions& options, const std::function<void(const EpochReport&)>& on_epoch);

}  // namespace vigil::ner
