// Tagging one sentence with a loaded model: features, emission scores, Viterbi.
// One Tagger per thread (it keeps scratch space); the model is shared.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "document_history.hpp"
#include "features.hpp"
#include "labels.hpp"
#include "ner_model.hpp"
#include "viterbi.hpp"

namespace vigil::ner {

class Tagger {
 public:
  // Labels for `words`; `confidence[i]` in (0,1) grows with the margin of
  // token i's label over the best path with another label there. With a
  // history, the sentence is read in the light of the document's earlier
  // sentences and then added to it (document_history.hpp).
  void tag(const NerModel& model, std::span<const std::string_view> words, FeatureContext context,
           std::vector<Label>& labels, std::vector<float>& confidence, DocumentHistory* history = nullptr);

 private:
  FeatureExtractor extractor_;
  SentenceFeatures features_;
  Viterbi viterbi_;
  std::vector<float> emissions_;
  std::vector<float> backward_;
};

// Score margin that maps to a confidence of 1/(1+e^-1) ≈ 0.73.
inline constexpr float kConfidenceScale = 4.0f;

// Turns BIO labels into [begin, end) spans with a type (orphan I- starts a span).
struct LabelSpan {
  std::size_t begin = 0, end = 0, type = 0;
};
std::vector<LabelSpan> label_spans(std::span<const Label> labels);

}  // namespace vigil::ner
