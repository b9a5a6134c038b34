// `vigil eval language`: see eval_language.hpp.
#include "vigil/eval_language.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_check.hpp"
#include "vigil/core/pipeline_config.hpp"
#include "vigil/sdk/component.hpp"

namespace vigil::cli {
using namespace vigil::core;

namespace {

std::string normalize(std::string code) {
  code = code.substr(0, code.find_first_of("-_"));
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return code.empty() ? "und" : code;
}

struct Gold {
  std::string id, lang, text;
};

std::vector<Gold> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(path + ": cannot read the gold file");
  std::vector<Gold> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    sdk::Json j = sdk::Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      throw ConfigError(path + ":" + std::to_string(n) + ": not a JSON object");
    if (!j.contains("lang") || !j["lang"].is_string() || !j.contains("text") || !j["text"].is_string())
      throw ConfigError(path + ":" + std::to_string(n) + ": a gold record needs string fields \"lang\" and \"text\"");
    Gold g;
    g.id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()) : std::to_string(n);
    g.lang = normalize(j["lang"].get<std::string>());
    g.text = j["text"].get<std::string>();
    out.push_back(std::move(g));
  }
  if (out.empty()) throw ConfigError(path + ": no gold record");
  return out;
}

// A one-stage pipeline (vigil.langid, defaults) when the user gives none.
PipelineConfig default_config() {
  PipelineConfig config;
  config.file = "<vigil eval language>";
  config.dir = std::filesystem::current_path();
  ComponentConfig stage;
  stage.use = "vigil.langid";
  stage.name = "langid";
  stage.section = "stage.langid";
  stage.table.insert("use", "vigil.langid");
  stage.base_dir = config.dir;
  config.stages.push_back(std::move(stage));
  return config;
}

}  // namespace

int eval_language_command(const std::string& gold_path, const std::string& pipeline_or_empty,
                          const std::vector<std::string>& overrides, const GlobalOptions& global,
                          std::size_t top_confusions, const std::string& errors_path) {
  auto logger = make_logger(global.log_level);
  try {
    const std::vector<Gold> gold = read_gold(gold_path);
    PipelineConfig config = pipeline_or_empty.empty() ? default_config() : load_pipeline_config(pipeline_or_empty);
    // Source and sinks are validated but never created: the records are read here.
    replace_source(config, gold_path);
    replace_sinks(config, "-");
    for (const auto& assignment : overrides) apply_override(config, assignment);
    ComponentCatalog catalog;
    CheckedPipeline pipeline = check_pipeline(config, catalog, global.plugin_path);

    std::vector<std::unique_ptr<sdk::Annotator>> stages;
    bool found = false;
    for (const auto& c : pipeline.stages) {
      sdk::CreateContext ctx{c.params, logger, c.name, c.config_dir};
      try {
        stages.push_back(c.entry->annotator_factory(ctx));
      } catch (const std::exception& e) {
        throw PluginError(c.where + ": [" + c.section + "] " + c.use + ": could not be created: " + e.what());
      }
      const auto& assigns = c.entry->spec.assigns_layers;
      if (std::find(assigns.begin(), assigns.end(), sdk::layer::language) != assigns.end()) {
        found = true;
        break;
      }
    }
    if (!found) throw ConfigError(pipeline.file.string() + ": no stage assigns `language`");

    struct Counts {
      std::size_t total = 0, correct = 0;
    };
    std::map<std::string, Counts> per_lang;
    std::map<std::pair<std::string, std::string>, std::size_t> confusions;
    std::size_t correct = 0, failed = 0;
    std::ofstream errors;
    if (!errors_path.empty()) {
      errors.open(errors_path, std::ios::trunc);
      if (!errors) throw ConfigError(errors_path + ": cannot write the errors file");
    }
    const auto start = std::chrono::steady_clock::now();
    for (const auto& g : gold) {
      sdk::Document doc;
      doc.id = g.id;
      doc.text = g.text;
      std::string predicted;
      try {
        for (auto& s : stages) s->annotate(doc);
        predicted = normalize(doc.language.code);
      } catch (const std::exception& e) {
        ++failed;
        logger->warn("{}: {}", g.id, e.what());
        predicted = "(error)";
      }
      auto& c = per_lang[g.lang];
      ++c.total;
      if (predicted == g.lang) {
        ++c.correct;
        ++correct;
      } else {
        ++confusions[{g.lang, predicted}];
        if (errors.is_open())
          errors << sdk::Json{{"id", g.id}, {"lang", g.lang}, {"predicted", predicted},
                              {"confidence", doc.language.confidence}, {"text", g.text}}
                        .dump(-1, ' ', false, sdk::Json::error_handler_t::replace)
                 << '\n';
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
    double mean = 0.0;
    std::printf("%-8s %8s %8s %9s\n", "language", "texts", "correct", "accuracy");
    for (const auto& [lang, c] : per_lang) {
      std::printf("%-8s %8zu %8zu %8.2f%%\n", lang.c_str(), c.total, c.correct, pct(c.correct, c.total));
      mean += pct(c.correct, c.total);
    }
    mean /= static_cast<double>(per_lang.size());
    std::printf("\noverall: %.2f%% (%zu of %zu texts)\n", pct(correct, gold.size()), correct, gold.size());
    std::printf("mean of per-language accuracy: %.2f%% over %zu languages\n", mean, per_lang.size());
    if (failed) std::printf("failed: %zu texts (stage error)\n", failed);
    std::printf("speed: %.0f texts/s (%zu texts in %.2f s, 1 thread, stages up to the language stage)\n",
                static_cast<double>(gold.size()) / std::max(seconds, 1e-9), gold.size(), seconds);

    std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> sorted;
    for (const auto& [pair, n] : confusions) sorted.push_back({n, pair});
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!sorted.empty()) {
      std::printf("\nmost frequent confusions (gold -> predicted):\n");
      for (std::size_t i = 0; i < std::min(top_confusions, sorted.size()); ++i)
        std::printf("  %-8s -> %-8s %6zu  (%.2f%% of %s)\n", sorted[i].second.first.c_str(), sorted[i].second.second.c_str(),
                    sorted[i].first, pct(sorted[i].first, per_lang[sorted[i].second.first].total),
                    sorted[i].second.first.c_str());
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e);
  }
}

}  // namespace vigil::cli
