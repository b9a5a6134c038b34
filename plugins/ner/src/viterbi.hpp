// First-order Viterbi decoding over the BIO labels, with the I-after-O
// constraint built in. Shared by training (float weights being learnt) and
// tagging (a loaded model): `emit(i, scores)` fills the nine label scores of
// token i.
#pragma once

#include <limits>
#include <vector>

#include "labels.hpp"
#include "ner_model.hpp"

namespace vigil::ner {

class Viterbi {
 public:
  template <class Emit>
  void decode(std::size_t n, const Transitions& transitions, Emit&& emit, std::vector<Label>& out) {
    out.assign(n, kOutside);
    if (n == 0) return;
    constexpr float kNever = -std::numeric_limits<float>::infinity();
    score_.assign(n * kNumLabels, 0.0f);
    back_.assign(n * kNumLabels, 0);
    float e[kNumLabels];
    for (std::size_t i = 0; i < n; ++i) {
      for (float& x : e) x = 0.0f;
      emit(i, e);
      for (std::size_t to = 0; to < kNumLabels; ++to) {
        float best = kNever;
        Label arg = 0;
        if (i == 0) {
          best = is_inside(static_cast<Label>(to)) ? kNever : transitions[kNumLabels * kNumLabels + to];
        } else {
          for (std::size_t from = 0; from < kNumLabels; ++from) {
            if (!transition_allowed(static_cast<Label>(from), static_cast<Label>(to))) continue;
            const float s = score_[(i - 1) * kNumLabels + from] + transitions[from * kNumLabels + to];
            if (s > best) {
              best = s;
              arg = static_cast<Label>(from);
            }
          }
        }
        score_[i * kNumLabels + to] = best + e[to];
        back_[i * kNumLabels + to] = arg;
      }
    }
    Label last = 0;
    float best = kNever;
    for (std::size_t l = 0; l < kNumLabels; ++l)
      if (score_[(n - 1) * kNumLabels + l] > best) {
        best = score_[(n - 1) * kNumLabels + l];
        last = static_cast<Label>(l);
      }
    for (std::size_t i = n; i-- > 0;) {
      out[i] = last;
      last = back_[i * kNumLabels + last];
    }
  }

  // Best score of a path ending in label l at token i (after decode).
  float forward(std::size_t i, std::size_t l) const { return score_[i * kNumLabels + l]; }

 private:
  std::vector<float> score_;
  std::vector<Label> back_;
};

}  // namespace vigil::ner
