#include "ngram_model.hpp"

#include <algorithm>
#include <cstdlib>
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

// Rows per batch in score(): 128 rows of any int8 values (a damaged file
// included) sum within an int16 lane, and the batch is long enough for the
// prefetches issued while hashing to land before the rows are read.
constexpr std::size_t kBatch = 128;
static_assert(kBatch * 128 <= 32768, "a batch of int8 rows must sum within int16 lanes, whatever the file holds");

// Adds `n` rows of `Stride` bytes into `acc`, through int16 partial sums
// (twice the lanes per vector of int32 ones). Written with the compilers'
// vector extensions (GCC and Clang): left to itself GCC unrolls the
// fixed-length loop and then does not vectorise it.
using I8x8 = std::int8_t __attribute__((vector_size(8)));
using I16x8 = std::int16_t __attribute__((vector_size(16)));  // one SSE2/NEON register

template <std::size_t Stride>
void add_rows(const std::int8_t* const* rows, std::size_t n, std::int32_t* acc) noexcept {
  constexpr std::size_t kVectors = Stride / 8;
  I16x8 part[kVectors] = {};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t v = 0; v < kVectors; ++v) {
      I8x8 bytes;
      std::memcpy(&bytes, rows[i] + 8 * v, sizeof bytes);
      part[v] += __builtin_convertvector(bytes, I16x8);
    }
  }
  for (std::size_t v = 0; v < kVectors; ++v)
    for (std::size_t l = 0; l < 8; ++l) acc[8 * v + l] += part[v][l];
}

}  // namespace

void NgramModel::FreeAligned::operator()(std::int8_t* p) const noexcept {
  std::free(p);
}

std::shared_ptr<const NgramModel> NgramModel::load(const std::string& path) {
  auto fail = [&](const std::string& why) -> ModelError { return ModelError("language model " + path + ": " + why); };
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fail("cannot open the file (" + std::string(std::strerror(errno)) + ")");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw fail("cannot read the file");
  // The header and codes are read first, then the table a slice at a time
  // straight into its padded rows, so the file is never held twice.
  std::string head(kHeaderBytes, '\0');
  if (static_cast<std::size_t>(size) < kHeaderBytes || !in.read(head.data(), kHeaderBytes) ||
      std::memcmp(head.data(), kModelMagic, sizeof kModelMagic) != 0)
    throw fail("not a vigil.langid model (bad magic number; expected a file written by vigil-train-langid)");
  const char* h = head.data();
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
  if (static_cast<std::size_t>(size) != expected)
    throw fail("truncated or corrupt: " + std::to_string(size) + " bytes, expected " + std::to_string(expected));

  std::string codes(8 * std::size_t{languages}, '\0');
  if (!in.read(codes.data(), static_cast<std::streamsize>(codes.size()))) throw fail("read error");
  std::uint64_t checksum = fnv1a64(codes.data(), codes.size());

  // Rows padded to 32 bytes (see the header): one cache line each.
  model->stride_ = (languages + 31) / 32 * 32;
  const std::size_t table_bytes = buckets * model->stride_;
  auto* table = static_cast<std::int8_t*>(std::aligned_alloc(64, (table_bytes + 63) / 64 * 64));
  if (!table) throw fail("out of memory for a " + std::to_string(table_bytes) + "-byte table");
  model->table_.reset(table);
  std::memset(table, 0, table_bytes);
  constexpr std::size_t kSliceRows = 8192;
  std::vector<char> slice(kSliceRows * languages);
  for (std::size_t b = 0; b < buckets; b += kSliceRows) {
    const std::size_t rows = std::min(kSliceRows, buckets - b);
    if (!in.read(slice.data(), static_cast<std::streamsize>(rows * languages))) throw fail("read error");
    checksum = fnv1a64(slice.data(), rows * languages, checksum);
    for (std::size_t r = 0; r < rows; ++r)
      std::memcpy(table + (b + r) * model->stride_, slice.data() + r * languages, languages);
  }
  if (checksum != read_le<std::uint64_t>(h + kHeaderBytes - 8)) throw fail("corrupt: checksum mismatch");
  for (std::uint32_t i = 0; i < languages; ++i) {
    const char* c = codes.data() + 8 * i;
    model->codes_.emplace_back(c, strnlen(c, 8));
    if (model->codes_.back().empty()) throw fail("empty language code at index " + std::to_string(i));
  }
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
  static_assert(kMaxLanguages <= 64, "add_rows is instantiated for strides 32 and 64");
  // The table is far larger than the caches, so reading a row is mostly a
  // cache miss. The rows are gathered first (prefetching each as its hash is
  // known) and summed a batch at a time, so the misses overlap.
  std::array<std::int32_t, kMaxLanguages> names{};
  std::int32_t* sums[2] = {out.score.data(), names.data()};  // [name_like]
  const std::int8_t* rows[2][kBatch];
  std::size_t pending[2] = {0, 0};
  const std::int8_t* table = table_.get();
  const std::size_t stride = stride_;
  auto flush = [&](int k) {
    if (stride == 32)
      add_rows<32>(rows[k], pending[k], sums[k]);
    else
      add_rows<64>(rows[k], pending[k], sums[k]);
    pending[k] = 0;
  };
  std::size_t count = 0;
  for_each_ngram(text, max_codepoints, [&](int order, std::uint64_t hash, bool name_like) {
    if (order > max_order_) return;
    const std::int8_t* row = table + bucket(order, hash) * stride;
    __builtin_prefetch(row);
    const int k = name_like ? 1 : 0;
    rows[k][pending[k]++] = row;
    if (pending[k] == kBatch) flush(k);
    ++count;
  });
  flush(0);
  flush(1);
  // Integer division rounds the (negative) sums toward zero: at most half a
  // unit, 0.05 nat, against margins of several nats. The shipped model was
  // trained (its cleaning pass scores with this function) with this rounding.
  for (std::size_t l = 0; l < codes_.size(); ++l) out.score[l] += names[l] / kNameDivisor;
  out.ngrams += count;
}

}  // namespace vigil::langid
