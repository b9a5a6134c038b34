// Corpus arguments of `vigil train ner` and `vigil eval entities`:
// "PATH" or "PATH#FROM-TO/PARTS", read with the vigil.ner corpus reader. A
// missing file, a bad part selection or a malformed line is a usage error
// (ConfigError, exit 2) naming the option, or the file and line.
#pragma once

#include <string>
#include <vector>

#include "corpus_reader.hpp"

namespace vigil::cli {

struct CorpusArgument {
  ner::CorpusSpec spec;
  std::vector<ner::LabeledSentence> sentences;
  std::vector<std::size_t> document_starts;  // empty: the file marks no documents (ReadReport)
};

CorpusArgument read_corpus_argument(const std::string& option, const std::string& argument,
                                    const ner::ReadOptions& options);

}  // namespace vigil::cli
