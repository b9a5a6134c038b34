#include "ner_corpus.hpp"

#include <filesystem>
#include <stdexcept>

#include "vigil/core/errors.hpp"

namespace vigil::cli {

CorpusArgument read_corpus_argument(const std::string& option, const std::string& argument,
                                    const ner::ReadOptions& options) {
  CorpusArgument out;
  try {
    out.spec = ner::parse_corpus_spec(argument);
  } catch (const std::invalid_argument& e) {
    throw core::ConfigError(option + ": " + e.what());
  }
  if (!std::filesystem::is_regular_file(out.spec.path))
    throw core::ConfigError(option + ": no such file: " + out.spec.path.string());
  try {
    ner::ReadReport report;
    out.sentences = ner::read_corpus(out.spec, options, &report);
    out.document_starts = std::move(report.document_starts);
  } catch (const ner::CorpusError& e) {
    throw core::ConfigError(e.what());
  }
  return out;
}

}  // namespace vigil::cli
