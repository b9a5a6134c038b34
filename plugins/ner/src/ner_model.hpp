// A trained tagger model: feature weights, label transitions, word clusters
// and a model card (JSON metadata), in one compact binary file.
//
// The file is memory-mapped read-only: loading takes microseconds, pages are
// shared between threads and processes, and only the parts a corpus touches
// become resident. Layout (little-endian, see ner_model.cpp): a fixed header,
// transitions, an open-addressing table of (32-bit feature fingerprint, nine
// int16 weights) slots, the cluster table, the metadata.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "labels.hpp"
#include "word_clusters.hpp"

namespace vigil::ner {

class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Transition scores: row kNumLabels is the start of a sentence.
using Transitions = std::array<float, (kNumLabels + 1) * kNumLabels>;

// What the trainer hands over to be written.
struct ModelContents {
  std::vector<std::uint64_t> features;  // feature hashes
  std::vector<float> weights;           // features.size() × kNumLabels
  Transitions transitions{};
  WordClusters clusters;
  std::string metadata_json;  // the model card: language, data, scores, ...
};

// Writes `contents`, keeping at most `max_features` rows (the largest by L1
// norm; 0 = all). Returns the number of rows written.
std::size_t write_model(const std::filesystem::path& path, const ModelContents& contents, std::size_t max_features);

class NerModel {
 public:
  static std::shared_ptr<const NerModel> load(const std::filesystem::path& path);
  // Loaded once per process (per canonical path) and shared.
  static std::shared_ptr<const NerModel> shared(const std::filesystem::path& path);
  ~NerModel();
  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // scores[l] += weight(f, l) for every feature f present in the model.
  void add_scores(std::span<const std::uint64_t> features, float* scores) const;
  const Transitions& transitions() const { return transitions_; }
  const WordClusters* clusters() const { return clusters_.empty() ? nullptr : &clusters_; }
  const std::string& metadata_json() const { return metadata_; }
  std::size_t feature_count() const { return entries_; }
  std::size_t file_size() const { return size_; }
  // True if the model card says `"document_history": true` (the model learnt
  // the features of document_history.hpp); `vigil train ner` writes the key.
  bool uses_history() const { return uses_history_; }

 private:
  NerModel() = default;
  void close_unlearnt_types();  // and reads uses_history_ from the card
  const unsigned char* slots_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t entries_ = 0;
  float scale_ = 1.0f;
  Transitions transitions_{};
  WordClusters clusters_;
  std::string metadata_;
  void* map_ = nullptr;
  std::size_t size_ = 0;
  bool uses_history_ = false;
};

}  // namespace vigil::ner
