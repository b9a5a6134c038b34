// Gazetteers: names of known entities (countries, places, institutions,
// people), each with a type, a canonical name and a stable id.
//
// They serve twice: as features of the tagger (is this token inside a known
// name of type T?) and, once the tagger has found an entity, to resolve its
// canonical name and id. Files are TSV, one surface name per line:
//   id<TAB>type<TAB>canonical<TAB>lang<TAB>name
// (config/gazetteers/README.md). Names are matched token by token on folded
// forms (word_forms.hpp), so "Sûreté" in the text matches "Surete".
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::ner {

class GazetteerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GazetteerEntry {
  std::string id;
  std::string canonical;
  std::uint8_t type = 0;  // index into kEntityTypes
};

// The folded tokens the text would have for this name: split at spaces,
// punctuation at either end of a piece split off, then the tagger's
// sub-tokens ("(DGSN)" → "(", "dgsn", ")"; "Mossos d'Esquadra" → "mossos",
// "d'", "esquadra"; "N'Djamena" stays whole, as in the text).
std::vector<std::string> split_name(std::string_view name);

class Gazetteer {
 public:
  // One surface name of an entry, in one language ("*": every language).
  struct Name {
    std::uint32_t entry = 0;
    std::uint16_t lang = 0;  // two ASCII letters packed, or 0 for "*"
  };
  struct Match {
    std::uint32_t begin = 0;  // token indices, half-open
    std::uint32_t end = 0;
    std::span<const Name> names;
  };

  // Reads files, or every *.tsv in folders (name order). Throws
  // GazetteerError naming file:line for malformed lines.
  static std::shared_ptr<const Gazetteer> load(const std::vector<std::filesystem::path>& paths);
  // The gazetteer for these paths, loaded once per process and shared.
  static std::shared_ptr<const Gazetteer> shared(const std::vector<std::filesystem::path>& paths);

  void add(std::string_view id, std::string_view type, std::string_view canonical, std::string_view lang,
           std::string_view name);

  // Longest match starting at each token (folded forms), for a language
  // ("" or a language without names of its own: every name counts). A
  // match's `names` may include other languages' names of the same words:
  // use applies() to keep the ones for the language.
  void match(std::span<const std::string> folded, std::string_view lang, std::vector<Match>& out) const;
  // True if some name starts with this folded token.
  bool starts_name(std::string_view folded_token) const { return child(0, folded_token) != 0; }
  // The names equal to this token sequence, or an empty span.
  std::span<const Name> find(std::span<const std::string> folded) const;

  const GazetteerEntry& entry(std::uint32_t i) const { return entries_[i]; }
  std::size_t entry_count() const { return entries_.size(); }
  std::size_t name_count() const { return name_count_; }
  // A hash of every name and entry, recorded in models trained with it.
  std::uint64_t fingerprint() const { return fingerprint_; }
  static std::uint16_t pack_lang(std::string_view lang);
  bool has_language(std::uint16_t lang) const;
  // True if `name` counts for a text in `lang` (its language, "*", or any
  // name when the gazetteer has none in that language).
  bool applies(const Name& name, std::string_view lang) const {
    const std::uint16_t packed = pack_lang(lang);
    return name.lang == 0 || name.lang == packed || packed == 0 || !has_language(packed);
  }

 private:
  struct Node {
    std::uint32_t first_name = 0;
    std::uint32_t name_count = 0;
  };
  std::uint32_t child(std::uint32_t node, std::string_view token) const;  // 0: none
  std::span<const Name> names_of(std::uint32_t node) const;
  void finish();  // groups names by node (after loading)

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, std::uint32_t> entry_by_id_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (parent node, token hash) → node
  std::vector<Node> nodes_{Node{}};                         // node 0: the root
  std::vector<std::pair<std::uint32_t, Name>> pending_;     // (node, name) before finish()
  std::vector<Name> names_;
  std::vector<std::uint16_t> languages_;
  std::size_t name_count_ = 0;
  std::uint64_t fingerprint_ = 0;
  std::size_t max_depth_ = 0;
};

}  // namespace vigil::ner
