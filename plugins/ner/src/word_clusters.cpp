#include "word_clusters.hpp"

#include <vector>

#include "feature_hash.hpp"

namespace vigil::ner {

std::uint32_t WordClusters::key_of(std::string_view lower_word) {
  const auto k = static_cast<std::uint32_t>(hash_bytes(lower_word, 0xc1a55e5ULL) >> 32);
  return k == 0 ? 1 : k;  // 0 marks an empty slot
}

void WordClusters::add(std::string_view lower_word, Path path) { owned_[key_of(lower_word)] = path; }

void WordClusters::attach(std::span<const std::uint64_t> slots) {
  slots_ = slots;
  entries_ = 0;
  for (std::uint64_t s : slots)
    if (s != 0) ++entries_;
}

bool WordClusters::lookup(std::string_view lower_word, std::uint64_t out[3]) const {
  const std::uint32_t key = key_of(lower_word);
  Path path;
  if (!owned_.empty()) {
    auto it = owned_.find(key);
    if (it == owned_.end()) return false;
    path = it->second;
  } else {
    if (slots_.empty()) return false;
    std::size_t i = (static_cast<std::uint64_t>(key) * slots_.size()) >> 32;
    while (true) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return false;
      if (static_cast<std::uint32_t>(s >> 32) == key) {
        path = Path{static_cast<std::uint32_t>(s & 0xFFFFFF), static_cast<std::uint8_t>((s >> 24) & 0xFF)};
        break;
      }
      if (++i == slots_.size()) i = 0;
    }
  }
  for (std::size_t g = 0; g < 3; ++g) {
    const std::uint32_t bits = kClusterPrefixBits[g];
    const std::uint32_t prefix = path.depth <= bits ? path.bits : path.bits >> (path.depth - bits);
    const std::uint32_t depth = path.depth <= bits ? path.depth : bits;
    out[g] = mix64((static_cast<std::uint64_t>(depth) << 32) | prefix);
  }
  return true;
}

std::vector<std::uint64_t> WordClusters::to_slots() const {
  const std::size_t capacity = owned_.empty() ? 0 : owned_.size() * 10 / 7 + 1;
  std::vector<std::uint64_t> slots(capacity, 0);
  for (const auto& [key, path] : owned_) {
    std::size_t i = (static_cast<std::uint64_t>(key) * capacity) >> 32;
    while (slots[i] != 0)
      if (++i == capacity) i = 0;
    slots[i] = pack(key, path);
  }
  return slots;
}

}  // namespace vigil::ner
