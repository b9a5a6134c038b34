// Throughput of the vigil.topics stage alone, on one core: documents are
// read and tokenized once (vigil.tokenize), then only TopicMatcher::annotate
// is timed. Prints the median MB/s (text bytes, 1 MB = 10^6 bytes) of --runs.
//
//   vigil_topics_bench --rules config/topics --texts DIR|FILE.jsonl [--size-mb 50] [--runs 5] [--language xx]
//
// A folder gives its *.txt files, a .jsonl file its "text" (and "lang")
// fields; they are repeated until the corpus reaches --size-mb.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "icu_tokenizer.hpp"
#include "rule_set.hpp"
#include "topic_matcher.hpp"

namespace fs = std::filesystem;

namespace {

struct Text {
  std::string text, language;
};

std::vector<Text> read_texts(const fs::path& input) {
  std::vector<Text> texts;
  if (fs::is_directory(input)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(input))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      texts.push_back({s.str(), ""});
    }
  } else {
    std::ifstream in(input);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      texts.push_back({j.value("text", ""), j.value("lang", "")});
    }
  }
  return texts;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules = "config/topics", input, language = "-";
  double size_mb = 50;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--rules")
      rules = v;
    else if (a == "--texts")
      input = v;
    else if (a == "--size-mb")
      size_mb = std::atof(v.c_str());
    else if (a == "--runs")
      runs = std::atoi(v.c_str());
    else if (a == "--language")
      language = v;
    else {
      std::fprintf(stderr, "usage: %s --rules DIR --texts DIR|FILE.jsonl [--size-mb N] [--runs N] [--language xx|'']\n",
                   argv[0]);
      return 2;
    }
  }
  if (input.empty() || runs < 1) {
    std::fprintf(stderr, "%s: --texts is required (see the comment at the top of bench/topics_bench.cpp)\n", argv[0]);
    return 2;
  }
  const auto texts = read_texts(input);
  if (texts.empty()) {
    std::fprintf(stderr, "%s: no texts in %s\n", argv[0], input.c_str());
    return 2;
  }
  vigil::topics::TopicMatcher matcher(vigil::topics::load_rules(vigil::topics::rule_files({rules}, fs::current_path())),
                                      vigil::topics::MatcherOptions{});
  vigil::tokenize::IcuTokenizer tokenizer(vigil::tokenize::TokenizerOptions{});
  std::vector<vigil::sdk::Document> docs;
  std::size_t bytes = 0;
  for (std::size_t i = 0; bytes < size_mb * 1e6; ++i) {
    const Text& t = texts[i % texts.size()];
    vigil::sdk::Document doc;
    doc.text = t.text + "\n[bench document " + std::to_string(i) + "]";
    doc.language.code = language == "-" ? t.language : language;
    tokenizer.tokenize(doc);
    bytes += doc.text.size();
    docs.push_back(std::move(doc));
  }
  std::vector<double> mbps;
  std::size_t tagged = 0;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (auto& doc : docs) matcher.annotate(doc);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    mbps.push_back(static_cast<double>(bytes) / 1e6 / s);
    if (r == 0)
      for (const auto& doc : docs) tagged += doc.topics.empty() ? 0 : 1;
  }
  std::sort(mbps.begin(), mbps.end());
  const double median = runs % 2 ? mbps[runs / 2] : (mbps[runs / 2 - 1] + mbps[runs / 2]) / 2;
  std::printf(
      "vigil.topics alone, 1 thread: %zu docs, %.1f MB, %zu patterns, %zu docs tagged; median of %d runs: %.1f MB/s "
      "(min %.1f, max %.1f)\n",
      docs.size(), static_cast<double>(bytes) / 1e6, matcher.rules().patterns.size(), tagged, runs, median,
      mbps.front(), mbps.back());
  return 0;
}
