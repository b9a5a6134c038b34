#include "tagger.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::ner {

void Tagger::tag(const NerModel& model, std::span<const std::string_view> words, FeatureContext context,
                 std::vector<Label>& labels, std::vector<float>& confidence, DocumentHistory* history) {
  context.clusters = model.clusters();
  context.history = history;
  extractor_.extract(words, context, features_);
  const std::size_t n = words.size();
  emissions_.assign(n * kNumLabels, 0.0f);
  for (std::size_t i = 0; i < n; ++i) model.add_scores(features_.token(i), &emissions_[i * kNumLabels]);
  viterbi_.decode(
      n, model.transitions(),
      [&](std::size_t i, float* scores) {
        for (std::size_t l = 0; l < kNumLabels; ++l) scores[l] += emissions_[i * kNumLabels + l];
      },
      labels);
  if (history != nullptr) history->record(features_.keys, labels);
  // Confidence of token i: how much better the best path is than the best
  // path with another label at i (max-marginals from a forward and a
  // backward pass), squashed into [0,1]. Monotone, not a probability: the
  // perceptron's scores are not calibrated.
  backward_.assign(n * kNumLabels, 0.0f);
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  const auto& t = model.transitions();
  for (std::size_t i = n; i-- > 1;)
    for (std::size_t from = 0; from < kNumLabels; ++from) {
      float best = kNever;
      for (std::size_t to = 0; to < kNumLabels; ++to) {
        if (!transition_allowed(static_cast<Label>(from), static_cast<Label>(to))) continue;
        best = std::max(best,
                        t[from * kNumLabels + to] + emissions_[i * kNumLabels + to] + backward_[i * kNumLabels + to]);
      }
      backward_[(i - 1) * kNumLabels + from] = best;
    }
  confidence.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const float chosen = viterbi_.forward(i, labels[i]) + backward_[i * kNumLabels + labels[i]];
    float other = kNever;
    for (std::size_t l = 0; l < kNumLabels; ++l)
      if (l != labels[i]) other = std::max(other, viterbi_.forward(i, l) + backward_[i * kNumLabels + l]);
    const float margin = other == kNever ? 20.0f : chosen - other;
    confidence[i] = 1.0f / (1.0f + std::exp(-margin / kConfidenceScale));
  }
}

std::vector<LabelSpan> label_spans(std::span<const Label> labels) {
  std::vector<LabelSpan> spans;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Label l = labels[i];
    if (l == kOutside) continue;
    const bool continues = is_inside(l) && !spans.empty() && spans.back().end == i && spans.back().type == type_of(l);
    if (continues)
      spans.back().end = i + 1;
    else
      spans.push_back({i, i + 1, type_of(l)});
  }
  return spans;
}

}  // namespace vigil::ner
