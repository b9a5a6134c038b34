#include "features.hpp"

#include <algorithm>

#include "document_history.hpp"
#include "feature_hash.hpp"
#include "labels.hpp"
#include "word_clusters.hpp"
#include "word_forms.hpp"

namespace vigil::ner {
namespace {

// Template numbers: part of the model format (kFeatureVersion).
enum Template : std::uint32_t {
  kBias = 0,
  kLower,
  kForm,
  kPrevLower,
  kNextLower,
  kPrev2Lower,
  kNext2Lower,
  kPrevLowerLower,
  kLowerNextLower,
  kShape,
  kShapeTrigram,
  kPrevShortShape,
  kNextShortShape,
  kPrefix,  // + n (4 templates)
  kSuffix = kPrefix + 4,
  kFirstShape = kSuffix + 4,
  kGazetteer,
  kPrevGazetteer,
  kNextGazetteer,
  kLength,
  kPrevForm,
  kCluster,  // + granularity (3 templates)
  kPrevCluster = kCluster + 3,
  kNextCluster = kPrevCluster + 3,
  kUpperInitialPrevLower = kNextCluster + 3,
  kGazetteerShape,
  kClusterShape,
};

constexpr std::uint64_t kPadding = 0x7a3b1c9d5e2f4a68ULL;  // the word before the first / after the last

}  // namespace

void FeatureExtractor::extract(std::span<const std::string_view> words, const FeatureContext& context,
                               SentenceFeatures& out) {
  const std::size_t n = words.size();
  info_.assign(n, TokenInfo{});
  if (context.folded.empty()) folded_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    TokenInfo& t = info_[i];
    const std::string_view w = words[i];
    lowercase(w, lower_);
    t.lower = hash_bytes(lower_);
    t.form = hash_bytes(w);
    word_shape(w, shape_, short_shape_);
    t.shape = hash_bytes(shape_);
    t.short_shape = hash_bytes(short_shape_);
    for (std::size_t k = 0; k < 4; ++k) {
      t.prefix[k] = hash_bytes(utf8_prefix(lower_, k + 1));
      t.suffix[k] = hash_bytes(utf8_suffix(lower_, k + 1));
    }
    t.length = static_cast<std::uint8_t>(std::min<std::size_t>(utf8_length(w), 12));
    t.upper_initial = starts_upper(w);
    if (context.clusters != nullptr) t.has_cluster = context.clusters->lookup(lower_, t.cluster);
    if (context.gazetteer != nullptr && context.folded.empty()) fold(w, folded_[i]);
  }
  if (context.gazetteer != nullptr) {
    const auto folded = context.folded.empty() ? std::span<const std::string>(folded_) : context.folded;
    context.gazetteer->match(folded, context.language, matches_);
    for (const auto& m : matches_) {
      std::uint8_t types = 0;
      for (const auto& name : m.names)
        if (context.gazetteer->applies(name, context.language))
          types |= static_cast<std::uint8_t>(1u << context.gazetteer->entry(name.entry).type);
      for (std::uint32_t k = m.begin; k < m.end; ++k)
        for (std::size_t type = 0; type < kNumTypes; ++type)
          if (types & (1u << type))
            info_[k].gazetteer |= static_cast<std::uint8_t>(1u << (2 * type + (k == m.begin ? 0 : 1)));
    }
  }

  out.hashes.clear();
  out.offsets.clear();
  out.keys.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.keys[i] = starts_lower(words[i]) ? 0 : info_[i].lower | 1;
  auto lower_at = [&](std::ptrdiff_t i) {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kPadding + static_cast<std::uint64_t>(i < 0 ? -i : i - n + 8)
                                                        : info_[static_cast<std::size_t>(i)].lower;
  };
  auto short_shape_at = [&](std::ptrdiff_t i) {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kPadding : info_[static_cast<std::size_t>(i)].short_shape;
  };
  for (std::size_t i = 0; i < n; ++i) {
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    const TokenInfo& t = info_[i];
    const auto si = static_cast<std::ptrdiff_t>(i);
    auto add = [&](std::uint64_t h) { out.hashes.push_back(h); };
    add(feature(kBias, 0));
    add(feature(kLower, t.lower));
    add(feature(kForm, t.form));
    add(feature(kPrevLower, lower_at(si - 1)));
    add(feature(kNextLower, lower_at(si + 1)));
    add(feature(kPrev2Lower, lower_at(si - 2)));
    add(feature(kNext2Lower, lower_at(si + 2)));
    add(feature(kPrevLowerLower, lower_at(si - 1), t.lower));
    add(feature(kLowerNextLower, t.lower, lower_at(si + 1)));
    add(feature(kShape, t.shape));
    add(feature(kShapeTrigram, short_shape_at(si - 1), t.shape, short_shape_at(si + 1)));
    add(feature(kPrevShortShape, short_shape_at(si - 1), t.short_shape));
    add(feature(kNextShortShape, t.short_shape, short_shape_at(si + 1)));
    for (std::uint32_t k = 0; k < 4; ++k) {
      add(feature(kPrefix + k, t.prefix[k]));
      add(feature(kSuffix + k, t.suffix[k]));
    }
    add(feature(kFirstShape, i == 0 ? 1 : 0, t.short_shape));
    add(feature(kLength, t.length));
    add(feature(kPrevForm, i == 0 ? kPadding : info_[i - 1].form));
    if (i > 0 && t.upper_initial) add(feature(kUpperInitialPrevLower, info_[i - 1].lower));
    for (std::size_t bit = 0; bit < 2 * kNumTypes; ++bit) {
      if (t.gazetteer & (1u << bit)) {
        add(feature(kGazetteer, bit));
        add(feature(kGazetteerShape, bit, t.short_shape));
      }
      if (i > 0 && (info_[i - 1].gazetteer & (1u << bit))) add(feature(kPrevGazetteer, bit));
      if (i + 1 < n && (info_[i + 1].gazetteer & (1u << bit))) add(feature(kNextGazetteer, bit));
    }
    if (t.has_cluster)
      for (std::uint32_t k = 0; k < 3; ++k) add(feature(kCluster + k, t.cluster[k]));
    for (std::uint32_t k = 0; k < 3; k += 2) {
      if (i > 0 && info_[i - 1].has_cluster) add(feature(kPrevCluster + k, info_[i - 1].cluster[k]));
      if (i + 1 < n && info_[i + 1].has_cluster) add(feature(kNextCluster + k, info_[i + 1].cluster[k]));
    }
    if (i > 0 && info_[i - 1].has_cluster) add(feature(kPrevCluster + 1, info_[i - 1].cluster[1]));
    if (i + 1 < n && info_[i + 1].has_cluster) add(feature(kNextCluster + 1, info_[i + 1].cluster[1]));
    if (t.has_cluster) add(feature(kClusterShape, t.cluster[1], t.short_shape));
    if (context.history != nullptr) context.history->add_features(out.keys[i], i == 0, out.hashes);
  }
  out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
}

}  // namespace vigil::ner
