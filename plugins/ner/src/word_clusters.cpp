#include "word_clusters.hpp"

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "feature_hash.hpp"

namespace vigil::ner {

std::uint32_t WordClusters::key_of(std::string_view lower_word) {
  const auto k = static_cast<std::uint32_t>(hash_bytes(lower_word, 0xc1a55e5ULL) >> 32);
  return k == 0 ? 1 : k;  // 0 marks an empty slot
}

void WordClusters::add(std::string_view lower_word, Path path) {
  owned_[key_of(lower_word)] = path;
}

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
    for (std::size_t probes = 0;; ++probes) {
      if (probes == slots_.size()) return false;  // a damaged table with no empty slot
      const std::uint64_t s = slots_[i];
      if (s == 0) return false;
      if (static_cast<std::uint32_t>(s >> 32) == key) {
        path = Path{static_cast<std::uint32_t>(s & 0xFFFFFF), static_cast<std::uint8_t>((s >> 24) & 0xFF)};
        break;
      }
      if (++i == slots_.size()) i = 0;
    }
  }
  if (path.depth > 24) return false;  // paths hold at most 24 bits (a damaged file)
  for (std::size_t g = 0; g < 3; ++g) {
    const std::uint32_t bits = kClusterPrefixBits[g];
    const std::uint32_t prefix = path.depth <= bits ? path.bits : path.bits >> (path.depth - bits);
    const std::uint32_t depth = path.depth <= bits ? path.depth : bits;
    out[g] = mix64((static_cast<std::uint64_t>(depth) << 32) | prefix);
  }
  return true;
}

WordClusters WordClusters::read_paths(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read word clusters " + file.string());
  WordClusters clusters;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    const auto tab2 = line.find('\t', tab == std::string::npos ? tab : tab + 1);
    if (tab == std::string::npos || tab == 0 || tab > 24)
      throw std::runtime_error(file.string() + ":" + std::to_string(n) +
                               ": expected BITS<TAB>WORD with at most 24 bits");
    Path path;
    for (std::size_t i = 0; i < tab; ++i) {
      if (line[i] != '0' && line[i] != '1')
        throw std::runtime_error(file.string() + ":" + std::to_string(n) + ": cluster path is not a bit string");
      path.bits = (path.bits << 1) | static_cast<std::uint32_t>(line[i] - '0');
    }
    path.depth = static_cast<std::uint8_t>(tab);
    clusters.add(std::string_view(line).substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1),
                 path);
  }
  return clusters;
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
