// `vigil eval topics --gold FILE.jsonl [--pipeline PIPELINE]`: runs a pipeline
// in-process over gold records ({"id", "lang", "text", "topics": [...]}) and
// scores the topics it assigns against the gold ones: precision, recall and
// F1 per topic and per language, macro-F1 over topics, and the share of
// negatives (records with no gold topic) that got any topic.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/commands.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_check.hpp"
#include "vigil/core/pipeline_config.hpp"
#include "vigil/core/pipeline_runner.hpp"

namespace vigil::cli {
using namespace vigil::core;
namespace fs = std::filesystem;

namespace {

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    // No gold and no prediction: nothing to get wrong.
    if (tp + fp + fn == 0) return 1.0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Record {
  std::string id, language;
  std::set<std::string> gold, predicted;
};

// The pipeline used when --pipeline is not given: config/default.toml in the
// current folder, else the installed one next to the binary.
fs::path default_pipeline() {
  if (fs::exists("config/default.toml")) return "config/default.toml";
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "vigil" / "config" / "default.toml";
    if (fs::exists(installed)) return installed;
  }
  throw ConfigError("no pipeline given and no config/default.toml here or in the install; pass --pipeline FILE");
}

std::vector<Record> read_output(const fs::path& file) {
  std::vector<Record> records;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    Record r;
    r.id = j.value("id", "");
    if (auto l = j.find("language"); l != j.end() && l->is_object()) r.language = l->value("code", "");
    if (r.language.empty()) r.language = "und";
    if (auto m = j.find("meta"); m != j.end() && m->is_object())
      if (auto g = m->find("topics"); g != m->end() && g->is_array())
        for (const auto& t : *g)
          if (t.is_string()) r.gold.insert(t.get<std::string>());
    if (auto t = j.find("topics"); t != j.end() && t->is_array())
      for (const auto& topic : *t) r.predicted.insert(topic.value("label", ""));
    records.push_back(std::move(r));
  }
  return records;
}

void print_row(const std::string& name, std::size_t docs, const Counts& c) {
  std::printf("%-12s %5zu %5zu %5zu %5zu %9.3f %7.3f %7.3f\n", name.c_str(), docs, c.tp, c.fp, c.fn, c.precision(),
              c.recall(), c.f1());
}

}  // namespace

int eval_topics_command(const EvalTopicsOptions& opt, const GlobalOptions& global) {
  auto logger = make_logger(global.log_level);
  const fs::path output = fs::temp_directory_path() / ("vigil-eval-topics-" + std::to_string(::getpid()) + ".jsonl");
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove(path, ec);
    }
  } cleanup{output};
  std::vector<Record> records;
  fs::path pipeline_file;
  try {
    if (!fs::is_regular_file(opt.gold)) throw ConfigError("--gold: no such file: " + opt.gold);
    pipeline_file = opt.pipeline.empty() ? default_pipeline() : fs::path(opt.pipeline);
    PipelineConfig config = load_pipeline_config(pipeline_file);
    replace_source(config, opt.gold);
    // The gold "topics" must stay metadata, not come back as Vigil topics.
    apply_override(config, "source.restore=false");
    for (const auto& assignment : opt.overrides) apply_override(config, assignment);
    replace_sinks(config, output.string());

    ComponentCatalog catalog;
    CheckedPipeline pipeline = check_pipeline(config, catalog, global.plugin_path);
    for (const auto& failure : catalog.discovery_failures()) logger->warn("{}", failure);
    RunOptions run;
    run.threads = opt.threads >= 0 ? opt.threads : pipeline.settings.threads;
    run.dead_letters = pipeline.settings.dead_letters;
    run.in_flight_per_thread = pipeline.settings.in_flight_per_thread;
    run.log_interval = 0.0;
    run.logger = logger;
    PipelineRunner runner(pipeline, run);
    RunStats stats = runner.run();
    if (stats.failed)
      std::fprintf(stderr, "vigil: warning: %llu record(s) failed and are not scored (see %s)\n",
                   static_cast<unsigned long long>(stats.failed), stats.dead_letters_path.c_str());
    records = read_output(output);
  } catch (const std::exception& e) {
    return report_error(e);
  }

  std::set<std::string> labels;
  for (const auto& r : records) {
    labels.insert(r.gold.begin(), r.gold.end());
    labels.insert(r.predicted.begin(), r.predicted.end());
  }
  std::map<std::string, Counts> by_topic;
  std::map<std::string, Counts> by_language;
  std::map<std::string, std::size_t> language_docs;
  std::map<std::string, std::size_t> topic_docs;
  std::size_t negatives = 0, negatives_tagged = 0;
  std::vector<std::string> errors;
  for (const auto& r : records) {
    ++language_docs[r.language];
    if (r.gold.empty()) {
      ++negatives;
      if (!r.predicted.empty()) ++negatives_tagged;
    }
    for (const auto& label : labels) {
      const bool g = r.gold.count(label) > 0, p = r.predicted.count(label) > 0;
      if (g) ++topic_docs[label];
      Counts& t = by_topic[label];
      Counts& l = by_language[r.language];
      if (g && p) ++t.tp, ++l.tp;
      if (!g && p) {
        ++t.fp, ++l.fp;
        errors.push_back("FP " + label + " " + r.id);
      }
      if (g && !p) {
        ++t.fn, ++l.fn;
        errors.push_back("FN " + label + " " + r.id);
      }
    }
  }

  std::printf("vigil eval topics: %zu documents (%zu negatives) from %s\npipeline: %s\n\n", records.size(), negatives,
              opt.gold.c_str(), pipeline_file.string().c_str());
  std::printf("%-12s %5s %5s %5s %5s %9s %7s %7s\n", "topic", "gold", "tp", "fp", "fn", "precision", "recall", "F1");
  double macro = 0.0;
  for (const auto& label : labels) {
    print_row(label, topic_docs[label], by_topic[label]);
    macro += by_topic[label].f1();
  }
  macro = labels.empty() ? 0.0 : macro / static_cast<double>(labels.size());
  std::printf("\n%-12s %5s %5s %5s %5s %9s %7s %7s   (micro over topics)\n", "language", "docs", "tp", "fp", "fn",
              "precision", "recall", "F1");
  for (const auto& [language, c] : by_language) print_row(language, language_docs[language], c);
  std::printf("\nmacro-F1 (topics): %.3f\n", macro);
  std::printf("negatives tagged: %zu / %zu (%.1f %%)\n", negatives_tagged, negatives,
              negatives ? 100.0 * static_cast<double>(negatives_tagged) / static_cast<double>(negatives) : 0.0);
  if (opt.show_errors) {
    std::printf("\nerrors (FP: predicted, not gold; FN: gold, not predicted):\n");
    for (const auto& e : errors) std::printf("  %s\n", e.c_str());
  }
  return kExitOk;
}

}  // namespace vigil::cli
