#include "ner_model.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <numeric>

#include <nlohmann/json.hpp>

#include "feature_hash.hpp"

namespace vigil::ner {
namespace {

constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'L', 'N', 'E', 'R'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kSlotBytes = 4 + 2 * kNumLabels;  // fingerprint + weights, packed

struct Header {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t feature_version;
  std::uint32_t num_labels;
  float scale;
  std::uint64_t capacity;
  std::uint64_t entries;
  std::uint64_t cluster_slots;
  std::uint64_t metadata_bytes;
};
static_assert(sizeof(Header) == 56);

// The slot of a feature: the low 32 bits place it, the high 32 bits identify it.
std::size_t home_slot(std::uint64_t hash, std::size_t capacity) {
  return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(hash)) * capacity) >> 32);
}
std::uint32_t fingerprint(std::uint64_t hash) {
  const auto fp = static_cast<std::uint32_t>(hash >> 32);
  return fp == 0 ? 1 : fp;
}

std::size_t padded(std::size_t n) {
  return (n + 7) & ~std::size_t{7};
}

}  // namespace

std::size_t write_model(const std::filesystem::path& path, const ModelContents& contents, std::size_t max_features) {
  const std::size_t rows = contents.features.size();
  if (contents.weights.size() != rows * kNumLabels) throw ModelError("model contents: weights do not match features");
  // Keep the rows that matter most.
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto l1 = [&](std::size_t r) {
    float s = 0;
    for (std::size_t l = 0; l < kNumLabels; ++l) s += std::fabs(contents.weights[r * kNumLabels + l]);
    return s;
  };
  std::vector<float> norm(rows);
  for (std::size_t r = 0; r < rows; ++r) norm[r] = l1(r);
  std::erase_if(order, [&](std::size_t r) { return norm[r] == 0.0f; });
  if (max_features != 0 && order.size() > max_features) {
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(max_features), order.end(),
                     [&](std::size_t a, std::size_t b) { return norm[a] > norm[b]; });
    order.resize(max_features);
  }
  float max_abs = 0;
  for (std::size_t r : order)
    for (std::size_t l = 0; l < kNumLabels; ++l)
      max_abs = std::max(max_abs, std::fabs(contents.weights[r * kNumLabels + l]));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;

  const std::size_t capacity = order.size() * 4 / 3 + 1;  // load factor 0.75
  std::vector<unsigned char> slots(capacity * kSlotBytes, 0);
  for (std::size_t r : order) {
    const std::uint64_t h = contents.features[r];
    std::size_t i = home_slot(h, capacity);
    while (true) {
      std::uint32_t existing;
      std::memcpy(&existing, &slots[i * kSlotBytes], 4);
      if (existing == 0) break;
      if (++i == capacity) i = 0;
    }
    unsigned char* slot = &slots[i * kSlotBytes];
    const std::uint32_t fp = fingerprint(h);
    std::memcpy(slot, &fp, 4);
    for (std::size_t l = 0; l < kNumLabels; ++l) {
      const auto q = static_cast<std::int16_t>(std::lround(contents.weights[r * kNumLabels + l] / scale));
      std::memcpy(slot + 4 + 2 * l, &q, 2);
    }
  }
  const auto cluster_slots = contents.clusters.to_slots();

  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.format_version = kFormatVersion;
  h.feature_version = kFeatureVersion;
  h.num_labels = kNumLabels;
  h.scale = scale;
  h.capacity = capacity;
  h.entries = order.size();
  h.cluster_slots = cluster_slots.size();
  h.metadata_bytes = contents.metadata_json.size();

  // Written beside the target and renamed over it: a process that has the
  // old model mapped keeps reading intact pages, and a failed write leaves
  // the old model in place.
  std::filesystem::path tmp = path;
  tmp += ".tmp" + std::to_string(::getpid());
  struct RemoveOnFailure {
    const std::filesystem::path& file;
    bool done = false;
    ~RemoveOnFailure() {
      std::error_code ec;
      if (!done) std::filesystem::remove(file, ec);
    }
  } cleanup{tmp};
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) throw ModelError("cannot write model " + tmp.string());
  const char zeros[8] = {};
  out.write(reinterpret_cast<const char*>(&h), sizeof h);
  out.write(reinterpret_cast<const char*>(contents.transitions.data()), sizeof(float) * contents.transitions.size());
  out.write(zeros, static_cast<std::streamsize>(padded(sizeof(float) * contents.transitions.size()) -
                                                sizeof(float) * contents.transitions.size()));
  out.write(reinterpret_cast<const char*>(cluster_slots.data()),
            static_cast<std::streamsize>(cluster_slots.size() * sizeof(std::uint64_t)));
  out.write(reinterpret_cast<const char*>(slots.data()), static_cast<std::streamsize>(slots.size()));
  out.write(contents.metadata_json.data(), static_cast<std::streamsize>(contents.metadata_json.size()));
  out.close();
  if (!out) throw ModelError("cannot write model " + tmp.string());
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw ModelError("cannot write model " + path.string() + ": " + ec.message());
  cleanup.done = true;
  return order.size();
}

std::shared_ptr<const NerModel> NerModel::load(const std::filesystem::path& path) {
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ModelError("cannot open NER model " + name + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    throw ModelError("NER model " + name + " is not a Vigil NER model (too short)");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw ModelError("cannot map NER model " + name + ": " + std::strerror(errno));
  std::shared_ptr<NerModel> model(new NerModel());
  model->map_ = map;
  model->size_ = size;
  const auto* base = static_cast<const unsigned char*>(map);
  Header h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0)
    throw ModelError("NER model " + name + " is not a Vigil NER model (bad magic)");
  if (h.format_version != kFormatVersion || h.feature_version != kFeatureVersion || h.num_labels != kNumLabels)
    throw ModelError("NER model " + name + " has format " + std::to_string(h.format_version) + "/features " +
                     std::to_string(h.feature_version) + "; this build reads " + std::to_string(kFormatVersion) + "/" +
                     std::to_string(kFeatureVersion) + ": retrain it with `vigil train ner`");
  const std::size_t transitions_bytes = padded(sizeof(float) * model->transitions_.size());
  // Every section must fit in what remains of the file (counts come from the
  // file: checked by division, so no product can overflow).
  const auto corrupt = [&](const char* what) {
    return ModelError("NER model " + name + " is truncated or corrupt (" + what + "; " + std::to_string(size) +
                      " bytes)");
  };
  std::size_t at = sizeof h;
  if (size - at < transitions_bytes) throw corrupt("no room for the transitions");
  std::memcpy(model->transitions_.data(), base + at, sizeof(float) * model->transitions_.size());
  at += transitions_bytes;
  if (h.cluster_slots > (size - at) / 8) throw corrupt("cluster table larger than the file");
  model->clusters_.attach(
      {reinterpret_cast<const std::uint64_t*>(base + at), static_cast<std::size_t>(h.cluster_slots)});
  at += static_cast<std::size_t>(h.cluster_slots) * 8;
  if (h.capacity == 0 || h.capacity > (size - at) / kSlotBytes)
    throw corrupt("feature table empty or larger than the file");
  model->slots_ = base + at;
  model->capacity_ = static_cast<std::size_t>(h.capacity);
  model->entries_ = static_cast<std::size_t>(h.entries);
  model->scale_ = h.scale;
  at += model->capacity_ * kSlotBytes;
  if (h.metadata_bytes != size - at) throw corrupt("the sections do not add up to the file size");
  model->metadata_.assign(reinterpret_cast<const char*>(base + at), h.metadata_bytes);
  model->close_unlearnt_types();
  return model;
}

// The labels of a type the model did not learn keep zero weights, and where
// every learnt label scores below zero, zero wins: "Anatel" came out MISC
// from a model trained on PER, ORG and LOC alone. The card lists the types
// learnt ("types"); no transition leads to the labels of the others. A card
// without the list (none we ship) leaves every label open.
void NerModel::close_unlearnt_types() {
  const auto card = nlohmann::json::parse(metadata_, nullptr, /*allow_exceptions=*/false);
  if (!card.is_object()) return;
  // The card says whether the model learnt the document history's features
  // (`vigil train ner` writes it); reading it here spares the stage those
  // features for every other model without touching the weight table.
  const auto history = card.find("document_history");
  uses_history_ = history != card.end() && history->is_boolean() && history->get<bool>();
  const auto types = card.find("types");
  if (types == card.end() || !types->is_array()) return;
  std::array<bool, kNumTypes> learnt{};
  for (const auto& t : *types)
    if (t.is_string())
      if (const auto k = type_index(t.get<std::string>())) learnt[*k] = true;
  constexpr float kClosed = -1e9f;  // finite: sums stay numbers
  for (std::size_t type = 0; type < kNumTypes; ++type) {
    if (learnt[type]) continue;
    for (std::size_t from = 0; from <= kNumLabels; ++from) {
      transitions_[from * kNumLabels + begin_label(type)] = kClosed;
      transitions_[from * kNumLabels + inside_label(type)] = kClosed;
    }
  }
}

std::shared_ptr<const NerModel> NerModel::shared(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::weak_ptr<const NerModel>> cache;
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(path, ec);
  if (ec) key = path;
  std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (auto existing = slot.lock()) return existing;
  auto loaded = load(path);
  slot = loaded;
  return loaded;
}

NerModel::~NerModel() {
  if (map_ != nullptr) ::munmap(map_, size_);
}

void NerModel::add_scores(std::span<const std::uint64_t> features, float* scores) const {
  std::int32_t sums[kNumLabels] = {};
  for (std::uint64_t f : features) {
    const std::uint32_t fp = fingerprint(f);
    std::size_t i = home_slot(f, capacity_);
    // At most one lap: a damaged table may have no empty slot.
    for (std::size_t probes = 0; probes < capacity_; ++probes) {
      const unsigned char* slot = slots_ + i * kSlotBytes;
      std::uint32_t existing;
      std::memcpy(&existing, slot, 4);
      if (existing == 0) break;
      if (existing == fp) {
        std::int16_t w[kNumLabels];
        std::memcpy(w, slot + 4, sizeof w);
        for (std::size_t l = 0; l < kNumLabels; ++l) sums[l] += w[l];
        break;
      }
      if (++i == capacity_) i = 0;
    }
  }
  for (std::size_t l = 0; l < kNumLabels; ++l) scores[l] += static_cast<float>(sums[l]) * scale_;
}

}  // namespace vigil::ner
