// Tagging one sentence with a loaded model: features, emission scores, Viterbi.
// One Tagger per thread (it keeps scratch space); the model is shared.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "features.hpp"
#include "labels.hpp"
#include "ner_model.hpp"
#include "viterbi.hpp"

namespace vigil::ner {

class Tagger {
 public:
  // Labels for `words`; `confidence[i]` is the softmax probability of label i
  // under token i's emission scores (a cheap, monotone confidence).
  void tag(const NerModel& model, std::span<const std::string_view> words, FeatureContext context,
           std::vector<Label>& labels, std::vector<float>& confidence);

 private:
  FeatureExtractor extractor_;
  SentenceFeatures features_;
  Viterbi viterbi_;
  std::vector<float> emissions_;
};

// Turns BIO labels into [begin, end) spans with a type (orphan I- starts a span).
struct LabelSpan {
  std::size_t begin = 0, end = 0, type = 0;
};
std::vector<LabelSpan> label_spans(std::span<const Label> labels);

}  // namespace vigil::ner
