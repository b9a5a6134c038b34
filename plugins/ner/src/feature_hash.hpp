// 64-bit hashing of feature strings.
//
// Features are never stored as strings: each is a hash of its template number
// and its parts, computed from per-token hashes that are computed once. The
// model keys its weight table by these hashes, so a model file depends on
// this exact function: changing it means retraining (kFeatureVersion).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vigil::ner {

inline constexpr std::uint32_t kFeatureVersion = 2;  // 2: neighbours' clusters at 4/8/12 bits, cluster × shape

// splitmix64's finaliser: a cheap, well-mixing bijection.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0x9e3779b97f4a7c15ULL) {
  std::uint64_t h = seed ^ (s.size() * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = mix64(h ^ word);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return mix64(h ^ tail ^ 0x5bd1e995ULL);
}

// A feature of template `tmpl` over one or more precomputed part hashes.
constexpr std::uint64_t feature(std::uint32_t tmpl, std::uint64_t a) {
  return mix64(a + 0x632be59bd9b4e019ULL * (tmpl + 1));
}
constexpr std::uint64_t feature(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b) {
  return mix64(feature(tmpl, a) ^ (b * 0x9e3779b97f4a7c15ULL));
}
constexpr std::uint64_t feature(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return mix64(feature(tmpl, a, b) ^ (c * 0xc2b2ae3d27d4eb4fULL));
}

}  // namespace vigil::ner
