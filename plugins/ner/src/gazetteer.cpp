#include "gazetteer.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "feature_hash.hpp"
#include "labels.hpp"
#include "sub_tokens.hpp"
#include "word_forms.hpp"

namespace vigil::ner {
namespace {

bool is_edge_punct(unsigned char c) {
  return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

std::uint64_t edge_key(std::uint32_t node, std::string_view token) {
  return hash_bytes(token, mix64(node + 1));
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::filesystem::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& e : std::filesystem::directory_iterator(p, ec))
        if (e.path().extension() == ".tsv") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      if (found.empty()) throw GazetteerError("gazetteer folder " + p.string() + " holds no *.tsv file");
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);
    } else {
      throw GazetteerError("gazetteer " + p.string() + " does not exist");
    }
  }
  return files;
}

}  // namespace

std::vector<std::string> split_name(std::string_view name) {
  // As the text is split: at spaces, punctuation off the ends of each piece
  // (as the tokenizer does), then the tagger's sub-tokens (elisions,
  // possessives, Arabic proclitics before the article); each token folded.
  std::vector<std::string> tokens;
  std::vector<SubToken> subs;
  std::string folded;
  auto emit = [&](std::string_view piece) {
    subs.clear();
    // A name does not start with "and" or "in": its first word keeps an
    // Arabic clitic-like start (فالنسيا, Valencia); later words split as in
    // text (البوسنة والهرسك → ... و الهرسك).
    const bool first_arabic =
        tokens.empty() && !piece.empty() &&
        (static_cast<unsigned char>(piece[0]) == 0xD8 || static_cast<unsigned char>(piece[0]) == 0xD9);
    if (first_arabic)
      subs.push_back({0, static_cast<sdk::Offset>(piece.size())});
    else
      split_token(piece, 0, static_cast<sdk::Offset>(piece.size()), nullptr, subs);
    for (const auto& sub : subs) {
      fold(piece.substr(sub.begin, sub.end - sub.begin), folded);
      if (!folded.empty()) tokens.push_back(folded);
    }
  };
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t end = name.find(' ', i);
    if (end == std::string_view::npos) end = name.size();
    std::string_view piece = name.substr(i, end - i);
    i = end;
    std::vector<std::string_view> tail;
    while (!piece.empty() && is_edge_punct(static_cast<unsigned char>(piece.front()))) {
      emit(piece.substr(0, 1));
      piece.remove_prefix(1);
    }
    while (!piece.empty() && is_edge_punct(static_cast<unsigned char>(piece.back())) && piece.back() != '.' &&
           piece.back() != '\'') {
      tail.push_back(piece.substr(piece.size() - 1));
      piece.remove_suffix(1);
    }
    if (!piece.empty()) emit(piece);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(*it);
  }
  return tokens;
}

std::uint16_t Gazetteer::pack_lang(std::string_view lang) {
  if (lang.size() < 2 || lang == "*") return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(lang[0]) << 8 | static_cast<unsigned char>(lang[1]));
}

bool Gazetteer::has_language(std::uint16_t lang) const {
  return std::binary_search(languages_.begin(), languages_.end(), lang);
}

void Gazetteer::add(std::string_view id, std::string_view type, std::string_view canonical, std::string_view lang,
                    std::string_view name) {
  auto t = type_index(type);
  if (!t) throw GazetteerError("unknown type \"" + std::string(type) + "\" (PER, ORG, LOC or MISC)");
  if (id.empty() || canonical.empty() || name.empty()) throw GazetteerError("empty id, canonical name or name");
  if (lang.empty() || (lang != "*" && (lang.size() < 2 || lang.size() > 3)))
    throw GazetteerError("language \"" + std::string(lang) + "\" is not an ISO 639 code or *");
  auto [it, inserted] = entry_by_id_.try_emplace(std::string(id), static_cast<std::uint32_t>(entries_.size()));
  if (inserted) {
    entries_.push_back({std::string(id), std::string(canonical), static_cast<std::uint8_t>(*t)});
  } else if (entries_[it->second].canonical != canonical || entries_[it->second].type != *t) {
    throw GazetteerError("id " + std::string(id) + " has another type or canonical name on an earlier line");
  }
  const auto tokens = split_name(name);
  if (tokens.empty()) throw GazetteerError("name has no word");
  std::uint32_t node = 0;
  for (const auto& token : tokens) {
    const std::uint64_t key = edge_key(node, token);
    auto [edge, fresh] = edges_.try_emplace(key, static_cast<std::uint32_t>(nodes_.size()));
    if (fresh) nodes_.push_back({});
    node = edge->second;
  }
  max_depth_ = std::max(max_depth_, tokens.size());
  const std::uint16_t packed = pack_lang(lang);
  pending_.push_back({node, Name{it->second, packed}});
  if (packed != 0 && !has_language(packed))
    languages_.insert(std::upper_bound(languages_.begin(), languages_.end(), packed), packed);
  std::uint64_t name_hash = hash_bytes(id, packed);
  for (const auto& token : tokens) name_hash = hash_bytes(token, name_hash);
  fingerprint_ = mix64(fingerprint_ ^ name_hash);
  ++name_count_;
}

void Gazetteer::finish() {
  std::stable_sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  names_.clear();
  names_.reserve(pending_.size());
  for (std::size_t i = 0; i < pending_.size();) {
    const std::uint32_t node = pending_[i].first;
    nodes_[node].first_name = static_cast<std::uint32_t>(names_.size());
    for (; i < pending_.size() && pending_[i].first == node; ++i) {
      const Name& n = pending_[i].second;
      // Same entry twice on one node (e.g. en and fr spell it alike): keep one per language.
      bool dup = false;
      for (std::size_t k = nodes_[node].first_name; k < names_.size(); ++k)
        dup = dup || (names_[k].entry == n.entry && names_[k].lang == n.lang);
      if (!dup) names_.push_back(n);
    }
    nodes_[node].name_count = static_cast<std::uint32_t>(names_.size()) - nodes_[node].first_name;
  }
}

std::shared_ptr<const Gazetteer> Gazetteer::load(const std::vector<std::filesystem::path>& paths) {
  auto gaz = std::make_shared<Gazetteer>();
  for (const auto& file : expand(paths)) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw GazetteerError("cannot read gazetteer " + file.string());
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const auto fields = split_tabs(line);
      try {
        if (fields.size() != 5)
          throw GazetteerError("expected 5 tab-separated fields (id, type, canonical, lang, name), found " +
                               std::to_string(fields.size()));
        gaz->add(fields[0], fields[1], fields[2], fields[3], fields[4]);
      } catch (const GazetteerError& e) {
        throw GazetteerError(file.string() + ":" + std::to_string(line_no) + ": " + e.what());
      }
    }
  }
  gaz->finish();
  return gaz;
}

std::shared_ptr<const Gazetteer> Gazetteer::shared(const std::vector<std::filesystem::path>& paths) {
  static std::mutex mutex;
  static std::map<std::vector<std::filesystem::path>, std::weak_ptr<const Gazetteer>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[paths];
  if (auto existing = slot.lock()) return existing;
  auto loaded = load(paths);
  slot = loaded;
  return loaded;
}

std::uint32_t Gazetteer::child(std::uint32_t node, std::string_view token) const {
  auto it = edges_.find(edge_key(node, token));
  return it == edges_.end() ? 0 : it->second;
}

std::span<const Gazetteer::Name> Gazetteer::names_of(std::uint32_t node) const {
  const Node& n = nodes_[node];
  return {names_.data() + n.first_name, n.name_count};
}

void Gazetteer::match(std::span<const std::string> folded, std::string_view lang, std::vector<Match>& out) const {
  out.clear();
  const std::uint16_t packed = pack_lang(lang);
  const bool filter = packed != 0 && has_language(packed);
  for (std::size_t begin = 0; begin < folded.size(); ++begin) {
    std::uint32_t node = 0;
    Match best;
    for (std::size_t end = begin; end < folded.size() && end - begin < max_depth_; ++end) {
      node = child(node, folded[end]);
      if (node == 0) break;
      auto names = names_of(node);
      if (names.empty()) continue;
      if (filter) {
        bool any = false;
        for (const Name& n : names) any = any || n.lang == 0 || n.lang == packed;
        if (!any) continue;
      }
      best = Match{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end + 1), names};
    }
    if (best.end > best.begin) out.push_back(best);
  }
}

std::span<const Gazetteer::Name> Gazetteer::find(std::span<const std::string> folded) const {
  std::uint32_t node = 0;
  for (const auto& token : folded) {
    node = child(node, token);
    if (node == 0) return {};
  }
  return node == 0 ? std::span<const Name>{} : names_of(node);
}

}  // namespace vigil::ner
