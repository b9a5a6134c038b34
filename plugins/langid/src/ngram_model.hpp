// The character n-gram model of vigil.langid: hashed character 1..5-grams
// (lower-cased, inside words padded with a boundary mark) and whole words of
// four letters or more ("order 6"), scored as a multinomial naive Bayes with
// int8 log-probabilities.
//
// File format (little-endian), written by `vigil-train-langid`:
//
//   offset size  field
//   0      8     magic "VLIDNGM\0"
//   8      4     version (2)
//   12     4     number of languages L (1..kMaxLanguages)
//   16     4     highest n-gram order N (1..kMaxOrder)
//   20     4     quantisation scale: table units per nat (float32)
//   24     4*6   log2 of the bucket count of each order 1..kMaxOrder (6)
//                (0 for orders above N)
//   48     8     FNV-1a 64 checksum of everything after the header
//   56     8*L   language codes, NUL-padded ASCII
//   ...    B*L   int8 table, B = sum of the buckets of every order; row b holds
//                log P(n-gram|language) - max over languages, in units of
//                1/scale nat (0: best language; -127: floor)
//
// Each order has its own region of the table, so a bucket always holds
// n-grams of one order. Constant offsets per row do not change which language
// wins, so each row is stored relative to its best language; empty rows (no
// training n-gram) are all zero and cost nothing.
//
// In memory each row is padded to a multiple of 32 bytes and the table is
// 64-byte aligned: a row is one cache line (the file's 23-byte rows straddle
// two a third of the time), and the sums run over whole vectors.
//
// Thread-safety: a loaded model is immutable; score() is const, allocates
// nothing and may run from many threads at once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::langid {

inline constexpr std::size_t kMaxLanguages = 64;
inline constexpr int kMaxCharOrder = 5;  // character n-grams of 1..5
inline constexpr int kWordOrder = 6;     // "order" 6: whole words longer than 3 letters
inline constexpr int kMaxOrder = 6;
inline constexpr std::uint32_t kModelVersion = 2;
inline constexpr std::size_t kHeaderBytes = 56;
inline constexpr char kModelMagic[8] = {'V', 'L', 'I', 'D', 'N', 'G', 'M', '\0'};

// Raised for a missing, unreadable or malformed model file; what() names the path.
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Calls `emit(order, hash, name_like)` for every n-gram of the text, in
// order. The text is lower-cased; a word is a run of letters (and combining
// marks); each word is padded with a boundary mark on both sides; n-grams
// never cross words. A text that ends inside a word may have cut it: that
// word gives no word-end n-grams and no whole-word feature. `name_like` says
// the word is capitalised and not the text's first: in news most such words
// are names, which say little about the language around them ("Alexander
// Lebed" in English), so scores count them at 1/kNameDivisor.
// At most `max_codepoints` code points of the text are read.
// Header-only so that the trainer and the plugin extract the same features.
template <class Emit>
void for_each_ngram(std::string_view utf8, std::size_t max_codepoints, Emit&& emit);

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t h = 1469598103934665603ULL) noexcept;

inline constexpr std::int32_t kNameDivisor = 2;

// The model reads at most this many code points of a text: enough to settle
// any language it knows, and it bounds the cost on long documents.
inline constexpr std::size_t kModelMaxCodepoints = 256;

// Languages CLD2 confuses with each other and the model is tuned to tell
// apart (vigil-train-langid); inside a group the model decides.
inline constexpr std::string_view kCloseGroups[][3] = {
    {"da", "nb", "sv"}, {"es", "pt", "gl"}, {"cs", "sk", ""}, {"id", "ms", ""}, {"ar", "fa", "ur"},
};

// The index of the group of `code` in kCloseGroups, or -1.
inline int close_group(std::string_view code) noexcept {
  for (int g = 0; g < static_cast<int>(std::size(kCloseGroups)); ++g)
    for (auto c : kCloseGroups[g])
      if (!c.empty() && c == code) return g;
  return -1;
}

struct NgramScores {
  std::array<std::int32_t, kMaxLanguages> score{};  // sum of table units per language
  std::size_t ngrams = 0;                           // n-grams seen in the model's buckets
};

class NgramModel {
 public:
  // Reads and checks a model file; throws ModelError naming the path.
  static std::shared_ptr<const NgramModel> load(const std::string& path);
  // The model at `path`, loaded once per process and shared.
  static std::shared_ptr<const NgramModel> shared(const std::string& path);

  std::size_t languages() const noexcept { return codes_.size(); }
  const std::string& code(std::size_t i) const { return codes_[i]; }
  int max_order() const noexcept { return max_order_; }
  float scale() const noexcept { return scale_; }
  const std::string& path() const noexcept { return path_; }

  // Adds the table rows of the n-grams of `text` (first `max_codepoints`
  // code points) into `out`. No allocation.
  void score(std::string_view text, std::size_t max_codepoints, NgramScores& out) const noexcept;

  // The bucket of an n-gram hash of a given order (1-based).
  std::size_t bucket(int order, std::uint64_t hash) const noexcept {
    return offset_[order - 1] + static_cast<std::size_t>(hash & mask_[order - 1]);
  }

 private:
  NgramModel() = default;
  std::string path_;
  std::vector<std::string> codes_;
  int max_order_ = 0;
  float scale_ = 1.0f;
  std::array<std::size_t, kMaxOrder> offset_{};
  std::array<std::uint64_t, kMaxOrder> mask_{};
  struct FreeAligned {
    void operator()(std::int8_t* p) const noexcept;
  };
  std::unique_ptr<std::int8_t[], FreeAligned> table_;  // buckets x stride_, 64-byte aligned
  std::size_t stride_ = 0;                             // bytes per row: languages rounded up to 32
};

}  // namespace vigil::langid

#include "ngram_features.inl"
