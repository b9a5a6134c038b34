#include "chunk_score.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace vigil::ner {
namespace {

struct ParsedTag {
  char prefix = 'O';  // 'O', or B/I/E/S with L read as E and U as S
  std::string_view type;
};

ParsedTag parse_tag(std::string_view tag) {
  if (tag.empty() || tag == "O") return {};
  if (tag.size() >= 3 && tag[1] == '-') {
    switch (tag[0]) {
      case 'B':
      case 'I':
      case 'E':
      case 'S': return {tag[0], tag.substr(2)};
      case 'L': return {'E', tag.substr(2)};
      case 'U': return {'S', tag.substr(2)};
      default: break;
    }
  }
  throw std::invalid_argument("invalid entity tag '" + std::string(tag) +
                              "' (expected O or B-, I-, E-, S-, L-, U- followed by a type)");
}

double ratio(std::size_t numerator, std::size_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

std::string percent_line(const ChunkCounts& c) {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f", 100.0 * c.precision(),
                100.0 * c.recall(), 100.0 * c.f1());
  return buffer;
}

std::string type_line(const std::string& type, const ChunkCounts& c) {
  // Right-aligned in 17 columns like conlleval; its line ends with the number
  // of predicted chunks, to which the gold and correct counts are added.
  const std::string name = type.size() < 17 ? std::string(17 - type.size(), ' ') + type : type;
  return name + ": " + percent_line(c) + "  " + std::to_string(c.predicted) + " (gold " + std::to_string(c.gold) +
         ", correct " + std::to_string(c.correct) + ")\n";
}

}  // namespace

double ChunkCounts::precision() const {
  return ratio(correct, predicted);
}
double ChunkCounts::recall() const {
  return ratio(correct, gold);
}
double ChunkCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

std::vector<Chunk> extract_chunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  bool open = false;
  Chunk current;
  const auto close = [&](std::size_t end) {
    if (!open) return;
    current.end = end;
    chunks.push_back(current);
    open = false;
  };
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const ParsedTag t = parse_tag(tags[i]);
    if (t.prefix == 'O') {
      close(i);
      continue;
    }
    // I-X and E-X continue an open X chunk; everything else starts a new one.
    const bool continues = open && current.type == t.type && (t.prefix == 'I' || t.prefix == 'E');
    if (!continues) {
      close(i);
      current = Chunk{i, i, std::string(t.type)};
      open = true;
    }
    if (t.prefix == 'E' || t.prefix == 'S') close(i + 1);
  }
  close(tags.size());
  return chunks;
}

void add_sentence(ChunkScore& score, const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  if (gold.size() != predicted.size())
    throw std::invalid_argument("sentence has " + std::to_string(gold.size()) + " gold tags but " +
                                std::to_string(predicted.size()) + " predicted tags");
  // Both extractions come first, so an invalid tag leaves the score untouched.
  const std::vector<Chunk> gold_chunks = extract_chunks(gold);
  const std::vector<Chunk> predicted_chunks = extract_chunks(predicted);
  for (const Chunk& c : gold_chunks) {
    ++score.by_type[c.type].gold;
    ++score.overall.gold;
  }
  for (const Chunk& c : predicted_chunks) {
    ++score.by_type[c.type].predicted;
    ++score.overall.predicted;
    // Chunks within one sequence never overlap, so each matches at most once.
    if (std::find(gold_chunks.begin(), gold_chunks.end(), c) != gold_chunks.end()) {
      ++score.by_type[c.type].correct;
      ++score.overall.correct;
    }
  }
  score.tokens += gold.size();
  for (std::size_t i = 0; i < gold.size(); ++i)
    if (gold[i] == predicted[i]) ++score.tokens_correct;
}

std::string format_score(const ChunkScore& score) {
  const ChunkCounts& o = score.overall;
  char head[256];
  std::snprintf(head, sizeof head, "processed %zu tokens with %zu phrases; found: %zu phrases; correct: %zu.\n",
                score.tokens, o.gold, o.predicted, o.correct);
  char accuracy[64];
  std::snprintf(accuracy, sizeof accuracy, "accuracy: %6.2f%%; ", 100.0 * ratio(score.tokens_correct, score.tokens));
  std::string out = std::string(head) + accuracy + percent_line(o) + "\n";
  for (const auto& [type, counts] : score.by_type) out += type_line(type, counts);
  return out;
}

}  // namespace vigil::ner
