// Exact-span entity scoring compatible with the CoNLL shared tasks' conlleval
// script: an entity counts as correct only when its first token, last token
// and type all match the gold entity.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace vigil::ner {

// Precision, recall and F1 are fractions in [0, 1]; each is 0 when its
// denominator is 0 (as in conlleval). format_score prints percentages.
struct ChunkCounts {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct ChunkScore {
  std::map<std::string, ChunkCounts> by_type;  // every type seen in gold or predictions
  ChunkCounts overall;
  std::size_t tokens = 0, tokens_correct = 0;  // tokens_correct: identical tag strings
};

struct Chunk {
  std::size_t begin = 0, end = 0;  // [begin, end) token indices
  std::string type;
  bool operator==(const Chunk&) const = default;
};

// Chunks of a tag sequence as conlleval finds them: B-X always starts a
// chunk; I-X continues a chunk of type X and otherwise starts one (after O,
// at the start, after another type), so IOB1 and IOB2 read alike. IOBES and
// BILOU tags are accepted too: E-X/L-X continue like I-X and end the chunk,
// S-X/U-X are one-token chunks. "O" and "" are outside. Throws
// std::invalid_argument for anything else ("PER", "X-PER", "B-").
std::vector<Chunk> extract_chunks(const std::vector<std::string>& tags);

// Adds one sentence; throws std::invalid_argument when the lengths differ
// (or a tag is invalid), leaving the score unchanged.
void add_sentence(ChunkScore& score, const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

// conlleval's report: token accuracy, overall and per-type precision, recall
// and FB1 as percentages with two decimals, and the counts behind them.
std::string format_score(const ChunkScore& score);

}  // namespace vigil::ner
