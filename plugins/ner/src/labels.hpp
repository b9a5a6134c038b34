// The tag set of the sequence model: BIO over four entity types.
//
// Every model has the same nine labels, whatever its training data held: a
// model trained without MISC never predicts it (its card lists the types it
// learnt, and the loader closes the others: NerModel::close_unlearnt_types).
// Fixed labels keep the model file, the feature rows and the decoder free of
// per-model tables.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::ner {

inline constexpr std::array<std::string_view, 4> kEntityTypes = {"PER", "ORG", "LOC", "MISC"};
inline constexpr std::size_t kNumTypes = kEntityTypes.size();
inline constexpr std::size_t kNumLabels = 1 + 2 * kNumTypes;  // O, then B-type, I-type per type

using Label = std::uint8_t;
inline constexpr Label kOutside = 0;

constexpr Label begin_label(std::size_t type) {
  return static_cast<Label>(1 + 2 * type);
}
constexpr Label inside_label(std::size_t type) {
  return static_cast<Label>(2 + 2 * type);
}
constexpr bool is_begin(Label l) {
  return l != kOutside && l % 2 == 1;
}
constexpr bool is_inside(Label l) {
  return l != kOutside && l % 2 == 0;
}
constexpr std::size_t type_of(Label l) {
  return (l - 1) / 2;
}

// I-X may only follow B-X or I-X: the decoder never produces an orphan I-.
constexpr bool transition_allowed(Label from, Label to) {
  return !is_inside(to) || (from != kOutside && type_of(from) == type_of(to));
}

inline std::optional<std::size_t> type_index(std::string_view type) {
  for (std::size_t i = 0; i < kNumTypes; ++i)
    if (kEntityTypes[i] == type) return i;
  return std::nullopt;
}

// "O", "B-PER", "I-LOC", ... (IOB2).
inline std::string label_name(Label l) {
  if (l == kOutside) return "O";
  return std::string(is_begin(l) ? "B-" : "I-") + std::string(kEntityTypes[type_of(l)]);
}

// Parses an IOB2 tag; nullopt for anything else (unknown type, malformed).
inline std::optional<Label> parse_label(std::string_view tag) {
  if (tag == "O") return kOutside;
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return std::nullopt;
  auto type = type_index(tag.substr(2));
  if (!type) return std::nullopt;
  return tag[0] == 'B' ? begin_label(*type) : inside_label(*type);
}

}  // namespace vigil::ner
