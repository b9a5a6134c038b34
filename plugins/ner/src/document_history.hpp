// What the tagger said earlier in the same document about a capitalised
// word: the "extended prediction history" of Ratinov and Roth (2009).
//
// A name is often easy to read once ("the interior minister, Abdelouafi
// Laftit") and hard later ("Laftit said"). The tagger tags a document's
// sentences in order; after each sentence it records, for every word that
// does not start with a lower-case letter, the type it gave the word (or O). A later
// occurrence of the word gets features from that record: which types it had
// (as a set) and which it had most often. Training decodes the training
// documents in the same order with the model being trained, so the weights
// learn how far the record can be trusted.
//
// A model trained without these features simply has no weights for them:
// older models run unchanged, which is why they do not change kFeatureVersion.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "labels.hpp"

namespace vigil::ner {

class DocumentHistory {
 public:
  // Key of a word (SentenceFeatures::keys): a hash of its lower-case form
  // unless it starts with a lower-case letter (then 0: never recorded, no
  // features). Words of scripts without case, Arabic's, all have keys.
  void clear() { counts_.clear(); }
  bool empty() const { return counts_.empty(); }

  // Appends the history features of one token (none when its key was never
  // recorded). `first` says whether the token opens its sentence.
  void add_features(std::uint64_t key, bool first, std::vector<std::uint64_t>& out) const;

  // Records the labels a sentence received.
  void record(std::span<const std::uint64_t> keys, std::span<const Label> labels);

  // Every feature add_features can produce: the trainer gives them weight
  // rows before it starts.
  static std::vector<std::uint64_t> all_features();

 private:
  // Occurrences so far per outcome: O, then the entity types.
  using Counts = std::array<std::uint16_t, 1 + kNumTypes>;
  std::unordered_map<std::uint64_t, Counts> counts_;
};

}  // namespace vigil::ner
