// `vigil eval entities`: conlleval-style scoring of the entity stage on
// CoNLL-style gold files.
//
// The gold tokens are joined by single spaces into the document text and
// handed to the stage as its tokens and sentences, with the language given by
// --lang (so the score is the tagger's, not the tokenizer's or the language
// identifier's). Only the pipeline's stages that assign `entities` run.
// Predicted entities are mapped back to gold tokens (a token inside an entity
// span gets its label; the first such token B-) and scored as conlleval does.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <span>

#include "chunk_score.hpp"
#include "commands.hpp"
#include "corpus_reader.hpp"
#include "labeled_document.hpp"
#include "ner_corpus.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_check.hpp"
#include "vigil/core/pipeline_config.hpp"

namespace vigil::cli {
namespace {

using namespace vigil::core;
namespace fs = std::filesystem;

// langid → tokenize → ner (named "ner", so --set stage.ner.KEY=VALUE works);
// only the entity stage runs, the others make the pipeline valid.
PipelineConfig default_config() {
  PipelineConfig config;
  config.file = "<vigil eval entities>";
  config.dir = fs::current_path();
  for (const auto& [use, name] :
       {std::pair{"vigil.langid", "langid"}, std::pair{"vigil.tokenize", "tokenize"}, std::pair{"vigil.ner", "ner"}}) {
    ComponentConfig stage;
    stage.use = use;
    stage.name = name;
    stage.section = std::string("stage.") + name;
    stage.table.insert("use", use);
    stage.table.insert("name", name);
    stage.base_dir = config.dir;
    config.stages.push_back(std::move(stage));
  }
  return config;
}

// Predicted tags per gold token from the document's entities.
std::vector<std::string> predicted_tags(const sdk::Document& doc, std::size_t first_token, std::size_t count,
                                        const std::vector<std::string>& types) {
  std::vector<std::string> tags(count, "O");
  for (const auto& e : doc.entities) {
    if (!types.empty() && std::find(types.begin(), types.end(), e.label) == types.end()) continue;
    bool first = true;
    for (std::size_t i = 0; i < count; ++i) {
      const auto& t = doc.tokens[first_token + i];
      if (t.end <= e.begin || t.begin >= e.end) continue;
      tags[i] = (first ? "B-" : "I-") + e.label;
      first = false;
    }
  }
  return tags;
}

}  // namespace

int eval_entities_command(const EvalEntitiesOptions& opt, const GlobalOptions& global) {
  auto logger = make_logger(global.log_level);
  try {
    ner::ReadOptions read;
    if (!opt.format.empty()) {
      auto f = ner::parse_format_name(opt.format);
      if (!f) throw ConfigError("--format: unknown format \"" + opt.format + "\"");
      read.format = *f;
    }
    if (!opt.types.empty()) read.types = opt.types;
    // The stage annotates documents: a gold file that marks them (CoNLL
    // -DOCSTART-, HIPE document ids) is read document by document, so that
    // the stage sees each article whole, as in a run; other files in groups
    // of --group sentences.
    std::vector<ner::LabeledSentence> sentences;
    std::vector<std::size_t> document_starts;
    const std::size_t group = std::max<std::size_t>(opt.group, 1);
    for (const auto& text : opt.gold) {
      auto part = read_corpus_argument("--gold", text, read);
      const std::size_t base = sentences.size();
      if (!part.document_starts.empty())
        for (std::size_t s : part.document_starts) document_starts.push_back(base + s);
      else
        for (std::size_t s = 0; s < part.sentences.size(); s += group) document_starts.push_back(base + s);
      sentences.insert(sentences.end(), std::make_move_iterator(part.sentences.begin()),
                       std::make_move_iterator(part.sentences.end()));
    }
    if (sentences.empty()) throw ConfigError("--gold: no sentence read");
    document_starts.push_back(sentences.size());

    PipelineConfig config = opt.pipeline.empty() ? default_config() : load_pipeline_config(opt.pipeline);
    replace_source(config, "-");
    replace_sinks(config, "-");
    for (const auto& assignment : opt.overrides) apply_override(config, assignment);
    ComponentCatalog catalog;
    CheckedPipeline pipeline = check_pipeline(config, catalog, global.plugin_path);
    std::vector<std::unique_ptr<sdk::Annotator>> stages;
    for (const auto& c : pipeline.stages) {
      const auto& assigns = c.entry->spec.assigns_layers;
      if (std::find(assigns.begin(), assigns.end(), sdk::layer::entities) == assigns.end()) continue;
      sdk::CreateContext ctx{c.params, logger, c.name, c.config_dir};
      try {
        stages.push_back(c.entry->annotator_factory(ctx));
      } catch (const std::exception& e) {
        throw PluginError(c.where + ": [" + c.section + "] " + c.use + ": could not be created: " + e.what());
      }
    }
    if (stages.empty()) throw ConfigError(pipeline.file.string() + ": no stage assigns `entities`");

    std::ofstream errors;
    if (!opt.errors.empty()) {
      errors.open(opt.errors, std::ios::trunc);
      if (!errors) throw ConfigError(opt.errors + ": cannot write the errors file");
    }
    ner::ChunkScore score;
    std::size_t tokens = 0, documents = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t n = 0; n + 1 < document_starts.size(); ++n) {
      const std::size_t at = document_starts[n], count = document_starts[n + 1] - at;
      if (count == 0) continue;  // a part selection may hold no sentence of a file
      ++documents;
      const auto group_sentences = std::span(sentences).subspan(at, count);
      sdk::Document doc = ner::labeled_document(group_sentences, opt.language);
      doc.id = "gold:" + std::to_string(n);
      for (auto& s : stages) s->annotate(doc);
      std::size_t first_token = 0;
      for (const auto& sentence : group_sentences) {
        std::vector<std::string> gold;
        for (const auto& token : sentence) gold.push_back(token.tag);
        const auto predicted = predicted_tags(doc, first_token, gold.size(), read.types);
        ner::add_sentence(score, gold, predicted);
        if (errors && predicted != gold) {
          for (std::size_t i = 0; i < gold.size(); ++i)
            errors << sentence[i].form << '\t' << gold[i] << '\t' << predicted[i] << '\n';
          errors << '\n';
        }
        first_token += gold.size();
        tokens += gold.size();
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("vigil eval entities: %zu sentences in %zu document%s, %zu tokens, language %s\n", sentences.size(),
                documents, documents == 1 ? "" : "s", tokens, opt.language.c_str());
    std::printf("%s", ner::format_score(score).c_str());
    std::printf("speed: %.0f tokens/s (entity stage, 1 thread)\n",
                seconds > 0 ? static_cast<double>(tokens) / seconds : 0.0);
  } catch (const std::exception& e) {
    return report_error(e);
  }
  return 0;
}

}  // namespace vigil::cli
