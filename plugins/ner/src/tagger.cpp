#include "tagger.hpp"

#include <algorithm>
#include <cmath>

namespace vigil::ner {

void Tagger::tag(const NerModel& model, std::span<const std::string_view> words, FeatureContext context,
                 std::vector<Label>& labels, std::vector<float>& confidence) {
  context.clusters = model.clusters();
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
  confidence.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const float* e = &emissions_[i * kNumLabels];
    const float top = *std::max_element(e, e + kNumLabels);
    float sum = 0;
    for (std::size_t l = 0; l < kNumLabels; ++l) sum += std::exp(e[l] - top);
    confidence[i] = std::exp(e[labels[i]] - top) / sum;
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
