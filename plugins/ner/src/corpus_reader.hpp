// Readers for the labelled named-entity corpora Vigil trains and evaluates on
// (CoNLL-style, WikiANN with language prefixes, GermEval 2014, HIPE-2022,
// Europeana Newspapers, NewsFANE Gold). Every format is normalised to IOB2
// tags with the coarse types PER, ORG, LOC and MISC.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::ner {

struct LabeledToken {
  std::string form;
  std::string tag;          // "O" or IOB2 "B-PER", "I-LOC", ... with a coarse type
  bool space_after = true;  // false where the file says no space follows (HIPE NoSpaceAfter)
};
using LabeledSentence = std::vector<LabeledToken>;

enum class CorpusFormat { automatic, conll, germeval, hipe, europeana, newsfane, wikiann_prefixed };

struct ReadOptions {
  CorpusFormat format = CorpusFormat::automatic;
  // Entities of any other (coarse) type become O.
  std::vector<std::string> types = {"PER", "ORG", "LOC", "MISC"};
  // de/conll2003/train.conllu was decoded as Mac-Cyrillic ("Mдrz"); undo it.
  bool repair_mac_cyrillic = false;
  // When parts > 0: keep only the sentences of parts [part_from, part_to]
  // (1-based) out of `parts` contiguous blocks; see parse_corpus_spec.
  int part_from = 0, part_to = 0, parts = 0;
};

// What the readers had to fix or drop; an optional output. The counts are
// added to (so one report can sum several files); notes stop at 50.
struct ReadReport {
  std::size_t skipped_empty_tokens = 0;  // token form empty after trimming
  std::size_t iob_repairs = 0;           // I-X that started a chunk, rewritten B-X (IOB1 input, broken files)
  std::size_t repaired_tags = 0;         // Europeana: malformed tag mapped to a type ("B-PEr" -> B-PER)
  std::size_t invalid_tags = 0;          // Europeana: unrecoverable tag read as O ("???")
  std::size_t untagged_tokens = 0;       // Europeana: line without a tag, read as O
  std::size_t forced_splits = 0;         // Europeana: pseudo-sentence cut at the length limit
  std::size_t joined_sentences = 0;      // HIPE: EndOfSentence inside an entity, ignored
  std::vector<std::string> notes;        // "FILE:LINE: ..." for the first repairs and drops
  // The sentences (numbered within what was read, after the part selection)
  // that begin a document, when the file marks documents (CoNLL -DOCSTART-,
  // HIPE "# hipe2022:document_id"); 0 is then always among them. Empty when
  // the file marks none. Unlike the counts, each read replaces it.
  std::vector<std::size_t> document_starts;
};

// "PATH", "PATH#3/6" (part 3 of 6) or "PATH#1-5/6" (parts 1 to 5 of 6). The
// parts are contiguous blocks: sentence s (0-based) of N is in part
// floor(s * parts / N) + 1.
struct CorpusSpec {
  std::filesystem::path path;
  int part_from = 0, part_to = 0, parts = 0;
};
// Throws std::invalid_argument naming the spec when the selector is malformed.
CorpusSpec parse_corpus_spec(std::string_view spec);

// Reading errors; the message is "FILE:LINE: what" ("FILE: what" without a line).
struct CorpusError : std::runtime_error {
  CorpusError(std::string file, std::size_t line, const std::string& what);
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when the error is not about one line
};

// Guesses the format from the file name and the first bytes of the file.
CorpusFormat detect_format(const std::filesystem::path& path, std::string_view first_bytes);
const char* format_name(CorpusFormat format);  // "auto", "conll", "germeval", ...
std::optional<CorpusFormat> parse_format_name(std::string_view name);

// Reads a whole file; throws CorpusError (I/O or content) and
// std::invalid_argument (inconsistent part selection in the options).
std::vector<LabeledSentence> read_corpus(const std::filesystem::path& path, const ReadOptions& options,
                                         ReadReport* report = nullptr);
// read_corpus with the part selection of the spec (it overrides the options').
std::vector<LabeledSentence> read_corpus(const CorpusSpec& spec, ReadOptions options, ReadReport* report = nullptr);

// Parses text already in memory; `name_for_errors` stands for the file name.
std::vector<LabeledSentence> parse_corpus(std::string_view text, CorpusFormat format, const ReadOptions& options,
                                          std::string_view name_for_errors, ReadReport* report = nullptr);

// Reverses a Mac-Cyrillic mis-decoding (Python: text.encode("mac_cyrillic")
// .decode("latin-1")) character by character; characters outside the code
// page and invalid UTF-8 bytes are kept as they are.
std::string repair_mac_cyrillic(std::string_view text);

// Keeps parts [from, to] of `parts` contiguous blocks (1-based); throws
// std::invalid_argument unless 1 <= from <= to <= parts.
std::vector<LabeledSentence> select_parts(std::vector<LabeledSentence> sentences, int from, int to, int parts);

}  // namespace vigil::ner
