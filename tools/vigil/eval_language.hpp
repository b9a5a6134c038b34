// `vigil eval language --gold FILE.jsonl [--pipeline PIPELINE.toml] [--set KEY=VALUE]`
//
// Scores the language stage against gold records {"id", "lang", "text"} (one
// JSON object per line): accuracy overall, the mean of per-language
// accuracies, accuracy per language and the most frequent confusions.
//
// The stage runs in-process: the pipeline's stages up to and including the
// first one that assigns `language` (default: a pipeline with one stage,
// `vigil.langid` with its defaults). The gold `lang` is never shown to the
// stage. Gold and predicted codes are compared after lower-casing and
// dropping script/region subtags ("pt-BR" -> "pt").
#pragma once

#include <string>
#include <vector>

#include "vigil/commands.hpp"

namespace vigil::cli {

// Returns 0 on success, 2 on usage/configuration errors (unreadable gold,
// malformed record, bad pipeline), 3 when a plugin cannot be loaded or the
// stage cannot be created (e.g. a missing model file).
int eval_language_command(const std::string& gold, const std::string& pipeline_or_empty,
                          const std::vector<std::string>& overrides, const GlobalOptions& global,
                          std::size_t top_confusions = 15, const std::string& errors_path = "");
// errors_path: when not empty, every misidentified record is written there as
// JSON lines {"id", "lang", "predicted", "confidence", "text"}.

}  // namespace vigil::cli
