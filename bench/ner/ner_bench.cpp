// Throughput of the vigil.ner stage alone (bench/ner/README.md).
//
// Reads a CoNLL-style file, builds documents of --group sentences from its
// tokens (text = tokens joined by spaces; tokens, sentences and language set,
// as `vigil eval entities` does), then times the annotator alone over them,
// --runs times, at one thread. Prints tokens/s per run and the median, and
// the peak RSS after loading --models (language=path pairs).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "corpus_reader.hpp"
#include "labeled_document.hpp"
#include "ner_component.hpp"
#include "vigil/sdk/params.hpp"

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: vigil_ner_bench --corpus FILE --lang LANG [--models lang=path,...] [--gazetteers PATH]\n"
               "                       [--group N] [--runs N] [--repeat N]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, lang, gazetteers;
  std::map<std::string, std::string> models;
  std::size_t group = 10, runs = 5, repeat = 1;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    const std::string a = argv[i];
    if (a == "--corpus")
      corpus = next();
    else if (a == "--lang")
      lang = next();
    else if (a == "--gazetteers")
      gazetteers = next();
    else if (a == "--group")
      group = std::stoul(next());
    else if (a == "--runs")
      runs = std::stoul(next());
    else if (a == "--repeat")
      repeat = std::stoul(next());
    else if (a == "--models") {
      std::string list = next();
      std::size_t at = 0;
      while (at < list.size()) {
        std::size_t comma = list.find(',', at);
        if (comma == std::string::npos) comma = list.size();
        const std::string item = list.substr(at, comma - at);
        const auto eq = item.find('=');
        if (eq == std::string::npos) usage();
        models[item.substr(0, eq)] = item.substr(eq + 1);
        at = comma + 1;
      }
    } else
      usage();
  }
  if (corpus.empty() || lang.empty() || runs == 0 || group == 0 || repeat == 0) usage();

  const double rss_start = peak_rss_mb();
  // The stage's defaults (as the host fills them in), then the models and
  // gazetteers given here.
  std::map<std::string, vigil::sdk::ParamValue, std::less<>> values;
  for (const auto& p : vigil::ner::ner_component_spec().params)
    if (p.default_value) values.emplace(p.key, *p.default_value);
  values["models"] = vigil::sdk::StringMap(models.begin(), models.end());
  values["gazetteers"] = gazetteers.empty() ? vigil::sdk::StringList{} : vigil::sdk::StringList{gazetteers};
  const vigil::sdk::Params params(std::move(values));
  vigil::sdk::CreateContext ctx{params, nullptr, "ner", ""};
  auto annotator = vigil::ner::make_ner_annotator(ctx);
  const double rss_loaded = peak_rss_mb();

  vigil::ner::ReadOptions read;
  const auto sentences = vigil::ner::read_corpus(corpus, read);
  std::vector<vigil::sdk::Document> docs;
  std::size_t tokens = 0;
  for (std::size_t r = 0; r < repeat; ++r)
    for (std::size_t at = 0; at < sentences.size(); at += group) {
      const std::size_t count = std::min(group, sentences.size() - at);
      vigil::sdk::Document doc = vigil::ner::labeled_document(std::span(sentences).subspan(at, count), lang);
      tokens += doc.tokens.size();
      docs.push_back(std::move(doc));
    }

  std::vector<double> rates;
  std::size_t entities = 0;
  for (std::size_t run = 0; run < runs; ++run) {
    for (auto& d : docs) d.entities.clear();
    const auto start = std::chrono::steady_clock::now();
    for (auto& d : docs) annotator->annotate(d);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    entities = 0;
    for (const auto& d : docs) entities += d.entities.size();
    rates.push_back(static_cast<double>(tokens) / s);
    std::printf("run %zu: %zu tokens, %zu entities, %.3f s, %.0f tokens/s\n", run + 1, tokens, entities, s,
                rates.back());
  }
  std::sort(rates.begin(), rates.end());
  std::printf("median: %.0f tokens/s (1 thread)\n", rates[rates.size() / 2]);
  std::printf("peak RSS: %.1f MB at start, %.1f MB after loading the models and gazetteers, %.1f MB at the end\n",
              rss_start, rss_loaded, peak_rss_mb());
  return 0;
}
