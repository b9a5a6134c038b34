// Distributional word clusters: each known word (lower case) has a path in a
// binary cluster tree; the tagger sees prefixes of that path at three
// granularities, so rare words borrow evidence from frequent words that occur
// in the same contexts ("Rabat" near "Madrid", "Lisbon" ...).
//
// The clusters are induced from unlabelled text by tools/ner-clusters and
// stored inside the model file, so a model and its clusters never part.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::ner {

inline constexpr std::uint32_t kClusterPrefixBits[3] = {4, 8, 12};

class WordClusters {
 public:
  // A word's path: bit string (most significant bit first) of `depth` bits.
  struct Path {
    std::uint32_t bits = 0;
    std::uint8_t depth = 0;
  };

  // Owning table (training, tests).
  void add(std::string_view lower_word, Path path);
  // View over a table stored in a model file: `slots` pairs of (word key, packed path).
  void attach(std::span<const std::uint64_t> slots);

  // Fills the three prefix hashes; false if the word has no cluster.
  bool lookup(std::string_view lower_word, std::uint64_t out[3]) const;
  bool empty() const { return owned_.empty() && slots_.empty(); }
  std::size_t size() const { return owned_.empty() ? entries_ : owned_.size(); }

  // For writing into a model file: open-addressing slots, capacity ≥ size / 0.7.
  std::vector<std::uint64_t> to_slots() const;

  // Reads a paths file: BITS<TAB>WORD[<TAB>COUNT] per line (tools/ner-clusters).
  // Throws std::runtime_error naming file:line on a malformed line.
  static WordClusters read_paths(const std::filesystem::path& file);

  static std::uint32_t key_of(std::string_view lower_word);
  static std::uint64_t pack(std::uint32_t key, Path path) {
    return static_cast<std::uint64_t>(key) << 32 | static_cast<std::uint64_t>(path.depth) << 24 |
           (path.bits & 0xFFFFFF);
  }

 private:
  std::unordered_map<std::uint32_t, Path> owned_;
  std::span<const std::uint64_t> slots_;
  std::size_t entries_ = 0;
};

}  // namespace vigil::ner
