#include "perceptron_trainer.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <span>
#include <unordered_map>

#include "document_history.hpp"
#include "features.hpp"
#include "viterbi.hpp"

namespace vigil::ner {
namespace {

constexpr std::uint32_t kUnknown = 0xFFFFFFFFu;

// Sentences with features turned into weight-row numbers, computed once.
struct Encoded {
  std::vector<std::uint32_t> rows;         // all tokens' feature rows
  std::vector<std::uint32_t> offsets;      // per token, into rows; one per sentence boundary too
  std::vector<std::uint32_t> first_token;  // per sentence, into offsets
  std::vector<std::uint64_t> keys;         // per token: DocumentHistory key
};

class FeatureIndex {
 public:
  std::uint32_t intern(std::uint64_t h) {
    auto [it, inserted] = index_.try_emplace(h, static_cast<std::uint32_t>(hashes_.size()));
    if (inserted) hashes_.push_back(h);
    return it->second;
  }
  std::uint32_t find(std::uint64_t h) const {
    auto it = index_.find(h);
    return it == index_.end() ? kUnknown : it->second;
  }
  const std::vector<std::uint64_t>& hashes() const { return hashes_; }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::uint64_t> hashes_;
};

// History feature rows of one sentence, recomputed before each decoding.
struct HistoryRows {
  std::vector<std::uint32_t> rows;
  std::vector<std::uint32_t> offsets;  // per token, into rows, plus the end
  std::vector<std::uint64_t> hashes;   // scratch

  void compute(const Encoded& e, std::size_t s, const DocumentHistory* history, const FeatureIndex& index) {
    rows.clear();
    offsets.clear();
    const std::uint32_t first = e.first_token[s];
    const std::uint32_t n = e.first_token[s + 1] - first;
    for (std::uint32_t i = 0; i < n; ++i) {
      offsets.push_back(static_cast<std::uint32_t>(rows.size()));
      if (history == nullptr) continue;
      hashes.clear();
      history->add_features(e.keys[first + i], i == 0, hashes);
      for (std::uint64_t h : hashes)
        if (const std::uint32_t row = index.find(h); row != kUnknown) rows.push_back(row);
    }
    offsets.push_back(static_cast<std::uint32_t>(rows.size()));
  }
  std::span<const std::uint32_t> token(std::size_t i) const {
    return {rows.data() + offsets[i], rows.data() + offsets[i + 1]};
  }
};

// [begin, end) sentence ranges of the documents.
std::vector<std::pair<std::size_t, std::size_t>> documents(const std::vector<TrainingSentence>& sentences) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (s == 0 || !sentences[s].continues_document) out.emplace_back(s, s);
    out.back().second = s + 1;
  }
  return out;
}

Encoded encode(const std::vector<TrainingSentence>& sentences, const FeatureContext& context, FeatureIndex& index,
               bool grow) {
  Encoded e;
  FeatureExtractor extractor;
  SentenceFeatures features;
  std::vector<std::string_view> words;
  for (const auto& s : sentences) {
    e.first_token.push_back(static_cast<std::uint32_t>(e.offsets.size()));
    words.assign(s.words.begin(), s.words.end());
    extractor.extract(words, context, features);
    e.keys.insert(e.keys.end(), features.keys.begin(), features.keys.end());
    for (std::size_t i = 0; i < features.size(); ++i) {
      e.offsets.push_back(static_cast<std::uint32_t>(e.rows.size()));
      for (std::uint64_t h : features.token(i)) {
        const std::uint32_t row = grow ? index.intern(h) : index.find(h);
        if (row != kUnknown) e.rows.push_back(row);
      }
    }
  }
  e.first_token.push_back(static_cast<std::uint32_t>(e.offsets.size()));
  e.offsets.push_back(static_cast<std::uint32_t>(e.rows.size()));
  return e;
}

// Weights with lazy averaging: avg = w - u / c, where u accumulates c·Δ.
struct Weights {
  std::vector<float> w;
  std::vector<double> u;
  Transitions tw{};
  std::array<double, (kNumLabels + 1) * kNumLabels> tu{};

  explicit Weights(std::size_t rows) : w(rows * kNumLabels, 0.0f), u(rows * kNumLabels, 0.0) {}
  void update(std::uint32_t row, Label l, float delta, double c) {
    w[row * kNumLabels + l] += delta;
    u[row * kNumLabels + l] += c * delta;
  }
  void update_transition(std::size_t from, Label to, float delta, double c) {
    tw[from * kNumLabels + to] += delta;
    tu[from * kNumLabels + to] += c * delta;
  }
  void averaged(double c, std::vector<float>& out, Transitions& t) const {
    out.resize(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) out[k] = static_cast<float>(w[k] - u[k] / c);
    for (std::size_t k = 0; k < tw.size(); ++k) t[k] = static_cast<float>(tw[k] - tu[k] / c);
  }
};

template <class Table>
void decode(const Encoded& e, std::size_t s, const HistoryRows& history, const Table& table, const Transitions& t,
            Viterbi& viterbi, std::vector<Label>& out) {
  const std::uint32_t first = e.first_token[s];
  const std::size_t n = e.first_token[s + 1] - first;
  viterbi.decode(
      n, t,
      [&](std::size_t i, float* scores) {
        const std::uint32_t tok = first + static_cast<std::uint32_t>(i);
        for (std::uint32_t k = e.offsets[tok]; k < e.offsets[tok + 1]; ++k) {
          const float* row = &table[e.rows[k] * kNumLabels];
          for (std::size_t l = 0; l < kNumLabels; ++l) scores[l] += row[l];
        }
        for (std::uint32_t r : history.token(i)) {
          const float* row = &table[r * kNumLabels];
          for (std::size_t l = 0; l < kNumLabels; ++l) scores[l] += row[l];
        }
      },
      out);
}

std::vector<std::string> tag_names(const std::vector<Label>& labels) {
  std::vector<std::string> out;
  out.reserve(labels.size());
  for (Label l : labels) out.push_back(label_name(l));
  return out;
}

}  // namespace

TrainedWeights train_perceptron(const std::vector<TrainingSentence>& train, const std::vector<TrainingSentence>& dev,
                                const TrainerOptions& options,
                                const std::function<void(const EpochReport&)>& on_epoch) {
  FeatureContext context{options.gazetteer, options.clusters, options.language};
  FeatureIndex index;
  if (options.document_history)
    for (std::uint64_t h : DocumentHistory::all_features()) index.intern(h);
  const Encoded train_enc = encode(train, context, index, true);
  const Encoded dev_enc = encode(dev, context, index, false);
  const std::size_t rows = index.hashes().size();

  Weights weights(rows);
  std::vector<float> averaged;
  Transitions averaged_t{};
  TrainedWeights result;
  result.features_seen = rows;
  double best_f1 = -1;
  std::size_t since_best = 0;
  double c = 1;
  // Without the history each sentence is a document of its own.
  std::vector<std::pair<std::size_t, std::size_t>> train_docs, dev_docs;
  if (options.document_history) {
    train_docs = documents(train);
    dev_docs = documents(dev);
  } else {
    for (std::size_t s = 0; s < train.size(); ++s) train_docs.emplace_back(s, s + 1);
    for (std::size_t s = 0; s < dev.size(); ++s) dev_docs.emplace_back(s, s + 1);
  }
  std::mt19937_64 rng(options.seed);
  Viterbi viterbi;
  std::vector<Label> predicted, noisy;
  std::mt19937_64 noise_rng(options.seed + 7);
  std::uniform_real_distribution<double> coin(0, 1);
  DocumentHistory history;
  DocumentHistory* const used_history = options.document_history ? &history : nullptr;
  HistoryRows history_rows;

  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    std::shuffle(train_docs.begin(), train_docs.end(), rng);
    EpochReport report;
    report.epoch = epoch;
    for (const auto& [doc_begin, doc_end] : train_docs) {
      history.clear();
      for (std::size_t s = doc_begin; s < doc_end; ++s) {
        const auto& gold = train[s].labels;
        history_rows.compute(train_enc, s, used_history, index);
        decode(train_enc, s, history_rows, weights.w, weights.tw, viterbi, predicted);
        if (predicted != gold) {
          ++report.sentence_errors;
          const std::uint32_t first = train_enc.first_token[s];
          for (std::size_t i = 0; i < gold.size(); ++i) {
            const std::size_t gold_prev = i == 0 ? kNumLabels : gold[i - 1];
            const std::size_t pred_prev = i == 0 ? kNumLabels : predicted[i - 1];
            if (gold[i] != predicted[i]) {
              const std::uint32_t tok = first + static_cast<std::uint32_t>(i);
              auto update = [&](std::uint32_t row) {
                weights.update(row, gold[i], 1.0f, c);
                weights.update(row, predicted[i], -1.0f, c);
              };
              for (std::uint32_t k = train_enc.offsets[tok]; k < train_enc.offsets[tok + 1]; ++k)
                update(train_enc.rows[k]);
              for (std::uint32_t row : history_rows.token(i)) update(row);
            }
            if (gold[i] != predicted[i] || gold_prev != pred_prev) {
              weights.update_transition(gold_prev, gold[i], 1.0f, c);
              weights.update_transition(pred_prev, predicted[i], -1.0f, c);
            }
          }
        }
        if (used_history != nullptr) {
          const std::uint32_t first = train_enc.first_token[s];
          // The model reads its own training sentences better than it will
          // read new text; some labels are recorded at random so that it
          // does not learn to trust the history blindly (history_noise).
          noisy = predicted;
          for (auto& l : noisy)
            if (coin(noise_rng) < options.history_noise) l = static_cast<Label>(noise_rng() % kNumLabels);
          history.record(std::span(train_enc.keys).subspan(first, gold.size()), noisy);
        }
        c += 1;
      }
    }
    weights.averaged(c, averaged, averaged_t);
    for (const auto& [doc_begin, doc_end] : dev_docs) {
      history.clear();
      for (std::size_t s = doc_begin; s < doc_end; ++s) {
        history_rows.compute(dev_enc, s, used_history, index);
        decode(dev_enc, s, history_rows, averaged, averaged_t, viterbi, predicted);
        if (used_history != nullptr)
          history.record(std::span(dev_enc.keys).subspan(dev_enc.first_token[s], predicted.size()), predicted);
        add_sentence(report.dev, tag_names(dev[s].labels), tag_names(predicted));
      }
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double f1 = dev.empty() ? static_cast<double>(epoch) : report.dev.overall.f1();
    report.best = f1 > best_f1;
    if (report.best) {
      best_f1 = f1;
      since_best = 0;
      result.best_epoch = epoch;
      result.best_dev = report.dev;
      result.contents.weights = averaged;
      result.contents.transitions = averaged_t;
    } else {
      ++since_best;
    }
    if (on_epoch) on_epoch(report);
    if (options.patience != 0 && since_best >= options.patience) break;
  }
  result.contents.features = index.hashes();
  return result;
}

}  // namespace vigil::ner
