// Throughput of the vigil.langid stage alone (the annotator, as the host
// calls it, on one thread) over sentence-length texts, and the process's peak
// RSS. Prints the median of several timed runs.
//
//   vigil-bench-langid [--texts FILE] [--runs N] [--seconds S] [--model PATH] [--no-model]
//
// Texts: one per line from FILE, or by default the sentences of
// config/samples/*.txt (news-style, 8 languages).
#include <malloc.h>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <spdlog/sinks/null_sink.h>
#include <string>
#include <vector>

#include "langid_component.hpp"

namespace fs = std::filesystem;

namespace {

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// CPU time of this thread: on a shared machine wall time also counts other
// processes; "texts/s on one core" is texts per CPU second.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::vector<std::string> sample_sentences() {
  std::vector<std::string> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(VIGIL_SOURCE_DIR) / "config" / "samples"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      cur += c == '\n' ? ' ' : c;
      const bool end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
      if (end || c == '\n') {
        auto b = cur.find_first_not_of(' ');
        if (b != std::string::npos && cur.size() - b >= 20) out.push_back(cur.substr(b));
        cur.clear();
      }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // As the vigil host does (tools/vigil/main.cpp): keep 1 MB at the top of
  // the heap so CLD2's per-call buffers do not churn brk.
  mallopt(M_TOP_PAD, 1 << 20);
  std::string texts_file, model = VIGIL_LANGID_MODEL_BUILD;
  int runs = 5;
  double seconds = 1.0;
  bool use_model = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--texts") texts_file = next();
    else if (a == "--runs") runs = std::max(1, std::stoi(next()));
    else if (a == "--seconds") seconds = std::stod(next());
    else if (a == "--model") model = next();
    else if (a == "--no-model") use_model = false;
    else {
      std::fprintf(stderr, "usage: vigil-bench-langid [--texts FILE] [--runs N] [--seconds S] [--model PATH] [--no-model]\n");
      return 2;
    }
  }
  std::vector<std::string> texts;
  if (texts_file.empty()) {
    texts = sample_sentences();
  } else {
    std::ifstream in(texts_file);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) texts.push_back(line);
  }
  if (texts.empty()) {
    std::fprintf(stderr, "vigil-bench-langid: no texts\n");
    return 2;
  }
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  const double rss_before = peak_rss_mb();
  std::map<std::string, vigil::sdk::ParamValue, std::less<>> values;
  for (const auto& p : vigil::langid::langid_spec().params) values.emplace(p.key, *p.default_value);
  values["model"] = model;
  values["use_model"] = use_model;
  vigil::sdk::Params params(values);
  auto logger = std::make_shared<spdlog::logger>("bench", std::make_shared<spdlog::sinks::null_sink_mt>());
  auto stage = vigil::langid::make_langid(vigil::sdk::CreateContext{params, logger, "langid", {}});

  // Documents are prepared once; annotate() overwrites their language.
  std::vector<vigil::sdk::Document> docs(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) docs[i].text = texts[i];
  for (auto& d : docs) stage->annotate(d);  // warm-up

  std::vector<double> rates, wall_rates;
  for (int r = 0; r < runs; ++r) {
    std::size_t done = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    double elapsed = 0;
    do {
      for (auto& d : docs) {
        d.language = {};
        stage->annotate(d);
      }
      done += docs.size();
      elapsed = thread_cpu_seconds() - cpu_start;
    } while (elapsed < seconds);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(static_cast<double>(done) / elapsed);
    wall_rates.push_back(static_cast<double>(done) / wall);
  }
  std::sort(rates.begin(), rates.end());
  std::sort(wall_rates.begin(), wall_rates.end());
  const double median = rates[rates.size() / 2];
  const double mean_bytes = static_cast<double>(bytes) / static_cast<double>(texts.size());
  std::printf("texts: %zu (mean %.0f bytes)  model: %s\n", texts.size(), mean_bytes, use_model ? model.c_str() : "(none: CLD2 only)");
  std::printf("median of %d runs, 1 thread: %.0f texts/s, %.1f MB/s per CPU second (wall clock: %.0f texts/s)\n", runs,
              median, median * mean_bytes / 1e6, wall_rates[wall_rates.size() / 2]);
  std::printf("peak RSS: %.1f MB (%.1f MB before the stage was created)\n", peak_rss_mb(), rss_before);
  return 0;
}
