// Feature extraction for the sequence tagger.
//
// For each token of a sentence: the word and its neighbours (lower case and
// as written), shapes, prefixes and suffixes, bigrams, sentence position,
// gazetteer membership of the token and its neighbours, and the word's
// distributional cluster when the model has clusters. Features are 64-bit
// hashes (feature_hash.hpp); the same code serves training and tagging, so
// the two cannot drift apart.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"

namespace vigil::ner {

class DocumentHistory;
class WordClusters;

// Features of every token of one sentence, flattened.
struct SentenceFeatures {
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint64_t> keys;     // per token: its DocumentHistory key (0: none)
  std::vector<std::uint32_t> offsets;  // token i: hashes[offsets[i] .. offsets[i+1])
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const std::uint64_t> token(std::size_t i) const {
    return {hashes.data() + offsets[i], hashes.data() + offsets[i + 1]};
  }
};

struct FeatureContext {
  const Gazetteer* gazetteer = nullptr;    // may be null
  const WordClusters* clusters = nullptr;  // may be null
  std::string_view language;               // selects the gazetteer's names
  // fold() of each word when the caller has it already (the annotator folds
  // every sub-token once per document); empty: computed here.
  std::span<const std::string> folded = {};
  // What the document's earlier sentences said (document_history.hpp); null:
  // no history features.
  const DocumentHistory* history = nullptr;
};

// Reusable: keeps its scratch space between sentences (one per thread).
class FeatureExtractor {
 public:
  void extract(std::span<const std::string_view> words, const FeatureContext& context, SentenceFeatures& out);

 private:
  struct TokenInfo {
    std::uint64_t lower = 0, form = 0, shape = 0, short_shape = 0;
    std::uint64_t prefix[4] = {}, suffix[4] = {};
    std::uint64_t cluster[3] = {};
    std::uint8_t gazetteer = 0;  // bit 2*type: begins a name of that type; bit 2*type+1: inside one
    std::uint8_t length = 0;
    bool upper_initial = false;
    bool has_cluster = false;
  };
  std::vector<TokenInfo> info_;
  std::vector<std::string> folded_;
  std::vector<Gazetteer::Match> matches_;
  std::string lower_, shape_, short_shape_;
};

}  // namespace vigil::ner
