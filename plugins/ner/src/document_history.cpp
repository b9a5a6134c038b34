#include "document_history.hpp"

#include "feature_hash.hpp"

namespace vigil::ner {
namespace {

// Template numbers, part of the model format like those of features.cpp;
// kept apart from that list's range.
enum HistoryTemplate : std::uint32_t {
  kHistorySeen = 200,   // the set of outcomes seen (bit mask)
  kHistoryMost,         // the outcome seen most often (an entity type wins a tie with O)
  kHistoryMostOpening,  // the same, for a token that opens its sentence
};

constexpr std::size_t kOutcomes = 1 + kNumTypes;

std::size_t outcome(Label l) {
  return l == kOutside ? 0 : 1 + type_of(l);
}

}  // namespace

void DocumentHistory::add_features(std::uint64_t key, bool first, std::vector<std::uint64_t>& out) const {
  if (key == 0) return;
  const auto it = counts_.find(key);
  if (it == counts_.end()) return;
  const Counts& c = it->second;
  std::uint64_t seen = 0;
  std::size_t most = 0;
  for (std::size_t k = 0; k < kOutcomes; ++k) {
    if (c[k] > 0) seen |= 1u << k;
    if (c[k] > c[most] || (most == 0 && k > 0 && c[k] == c[most])) most = k;
  }
  out.push_back(feature(kHistorySeen, seen));
  out.push_back(feature(kHistoryMost, most));
  if (first) out.push_back(feature(kHistoryMostOpening, most));
}

void DocumentHistory::record(std::span<const std::uint64_t> keys, std::span<const Label> labels) {
  for (std::size_t i = 0; i < keys.size() && i < labels.size(); ++i) {
    if (keys[i] == 0) continue;
    auto& count = counts_[keys[i]][outcome(labels[i])];
    if (count < UINT16_MAX) ++count;
  }
}

std::vector<std::uint64_t> DocumentHistory::all_features() {
  std::vector<std::uint64_t> out;
  for (std::uint64_t seen = 1; seen < (1u << kOutcomes); ++seen) out.push_back(feature(kHistorySeen, seen));
  for (std::uint64_t most = 0; most < kOutcomes; ++most) {
    out.push_back(feature(kHistoryMost, most));
    out.push_back(feature(kHistoryMostOpening, most));
  }
  return out;
}

}  // namespace vigil::ner
