#include "ngram_model.hpp"

#include <cstring>
#include <fstream>
#include <map>
#include <mutex>

namespace vigil::langid {

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t h) noexcept {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

namespace {

template <class T>
T read_le(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);  // the format is little-endian, like every machine we build for
  return v;
}

}  // namespace

std::shared_ptr<const NgramModel> NgramModel::load(const std::string& path) {
  auto fail = [&](const std::string& why) -> ModelError { return ModelError("language model " + path + ": " + why); };
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fail("cannot open the file (" + std::string(std::strerror(errno)) + ")");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw fail("cannot read the file");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) throw fail("read error");
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kModelMagic, sizeof kModelMagic) != 0)
    throw fail("not a vigil.langid model (bad magic number; expected a file written by vigil-train-langid)");
  const char* h = bytes.data();
  const auto version = read_le<std::uint32_t>(h + 8);
  if (version != kModelVersion)
    throw fail("model format version " + std::to_string(version) + ", this plugin reads version " +
               std::to_string(kModelVersion));
  const auto languages = read_le<std::uint32_t>(h + 12);
  const auto order = read_le<std::uint32_t>(h + 16);
  const auto scale = read_le<float>(h + 20);
  if (languages == 0 || languages > kMaxLanguages) throw fail("bad language count " + std::to_string(languages));
  if (order == 0 || order > static_cast<std::uint32_t>(kMaxOrder))
    throw fail("bad n-gram order " + std::to_string(order));
  if (!(scale > 0.0f && scale < 1e6f)) throw fail("bad quantisation scale");

  auto model = std::shared_ptr<NgramModel>(new NgramModel());
  model->path_ = path;
  model->max_order_ = static_cast<int>(order);
  model->scale_ = scale;
  std::size_t buckets = 0;
  for (int n = 0; n < kMaxOrder; ++n) {
    const auto bits = read_le<std::uint32_t>(h + 24 + 4 * n);
    if (n < static_cast<int>(order) ? (bits < 1 || bits > 28) : bits != 0)
      throw fail("bad bucket count for order " + std::to_string(n + 1));
    model->offset_[n] = buckets;
    model->mask_[n] = bits ? (std::uint64_t{1} << bits) - 1 : 0;
    buckets += bits ? (std::size_t{1} << bits) : 0;
  }
  const std::size_t expected = kHeaderBytes + 8 * std::size_t{languages} + buckets * languages;
  if (bytes.size() != expected)
    throw fail("truncated or corrupt: " + std::to_string(bytes.size()) + " bytes, expected " +
               std::to_string(expected));
  if (fnv1a64(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes) != read_le<std::uint64_t>(h + kHeaderBytes - 8))
    throw fail("corrupt: checksum mismatch");
  for (std::uint32_t i = 0; i < languages; ++i) {
    const char* c = h + kHeaderBytes + 8 * i;
    model->codes_.emplace_back(c, strnlen(c, 8));
    if (model->codes_.back().empty()) throw fail("empty language code at index " + std::to_string(i));
  }
  const std::size_t table_offset = kHeaderBytes + 8 * std::size_t{languages};
  model->bytes_ = std::move(bytes);  // no copy: the table stays where it was read
  model->table_ = reinterpret_cast<const std::int8_t*>(model->bytes_.data() + table_offset);
  return model;
}

std::shared_ptr<const NgramModel> NgramModel::shared(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const NgramModel>> cache;
  std::lock_guard lock(mutex);
  if (auto alive = cache[path].lock()) return alive;
  auto model = load(path);
  cache[path] = model;
  return model;
}

void NgramModel::score(std::string_view text, std::size_t max_codepoints, NgramScores& out) const noexcept {
  const std::size_t L = codes_.size();
  const std::int8_t* table = table_;
  std::int32_t* acc = out.score.data();
  std::size_t count = 0;
  std::array<std::int32_t, kMaxLanguages> names{};
  for_each_ngram(text, max_codepoints, [&](int order, std::uint64_t hash, bool name_like) {
    if (order > max_order_) return;
    const std::int8_t* row = table + bucket(order, hash) * L;
    std::int32_t* to = name_like ? names.data() : acc;
    for (std::size_t l = 0; l < L; ++l) to[l] += row[l];
    ++count;
  });
  // Integer division rounds the (negative) sums toward zero: at most half a
  // unit, 0.05 nat, against margins of several nats. The shipped model was
  // trained (its cleaning pass scores with this function) with this rounding.
  for (std::size_t l = 0; l < L; ++l) acc[l] += names[l] / kNameDivisor;
  out.ngrams += count;
}

}  // namespace vigil::langid
