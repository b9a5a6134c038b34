// vigil-train-langid: trains the character n-gram model of vigil.langid from
// the text that tools/langid/prepare_data.py extracts from Debian packages,
// writes the binary model and prints dev accuracy per language on full
// sentences and on 20-40 character snippets cut from them.
//
//   vigil-train-langid --data DIR --out model.bin [options]
//
// DIR/train/<lang>.txt and DIR/dev/<lang>.txt hold one text per line. The
// run is deterministic: same data and options, same bytes (fixed seed).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ngram_model.hpp"

namespace fs = std::filesystem;
using namespace vigil::langid;

namespace {

struct Options {
  std::string data, out, dev_jsonl;
  std::vector<std::string> langs;                    // empty: every DIR/train/*.txt
  double alpha = 0.02;                               // additive smoothing
  float scale = 10.0f;                               // table units per nat
  std::vector<int> bits = {13, 16, 17, 17, 17, 17};  // log2 buckets per order (6 = words): 13.8 MB for 23 languages
  std::size_t max_chars = 6'000'000;                 // per language; larger corpora are subsampled
  std::uint64_t seed = 20240601;
  double clean_margin = 20.0;  // nats; 0: no cleaning pass
  // Discriminative fine-tuning (see fine_tune): epochs, examples per language
  // and epoch, step and required margin in nats.
  int tune_epochs = 5;
  std::size_t tune_examples = 100'000;
  double tune_step = 0.1;
  double tune_margin = 2.0;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, sep);)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// Portable Fisher-Yates (std::shuffle's sequence is not specified).
template <class T>
void shuffle(std::vector<T>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A snippet of 20..40 code points from a sentence, starting at a word start.
std::string snippet(const std::string& s, std::mt19937_64& rng) {
  std::vector<std::size_t> cps;  // byte offset of each code point
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((s[i] & 0xC0) != 0x80) cps.push_back(i);
  const std::size_t want = 20 + rng() % 21;
  if (cps.size() <= want) return s;
  std::vector<std::size_t> starts{0};
  for (std::size_t k = 1; k + want <= cps.size(); ++k)
    if (s[cps[k - 1]] == ' ') starts.push_back(k);
  const std::size_t k = starts[rng() % starts.size()];
  const std::size_t end = k + want < cps.size() ? cps[k + want] : s.size();
  return s.substr(cps[k], end - cps[k]);
}

// Naive Bayes weights: per bucket row, log P(n-gram | language) minus the
// row's best, in nats, floored where int8 stops; rows never seen are zero.
std::vector<float> nb_weights(const Options& o, std::size_t L, const std::vector<std::uint32_t>& counts,
                              const std::vector<std::array<double, kMaxOrder>>& totals) {
  std::size_t buckets = 0;
  for (int n = 0; n < kMaxOrder; ++n) buckets += std::size_t{1} << o.bits[n];
  std::vector<float> w(buckets * L, 0.0f);
  std::vector<double> lp(L);
  const double floor = -127.0 / o.scale;
  std::array<double, kMaxOrder> reference{};
  for (const auto& t : totals)
    for (int n = 0; n < kMaxOrder; ++n) reference[n] = std::max(reference[n], t[n]);
  std::size_t offset = 0;
  for (int n = 0; n < kMaxOrder; ++n) {
    const std::size_t size = std::size_t{1} << o.bits[n];
    for (std::size_t b = offset; b < offset + size; ++b) {
      const std::uint32_t* c = &counts[b * L];
      if (std::all_of(c, c + L, [](std::uint32_t x) { return x == 0; })) continue;
      double best = -1e300;
      for (std::size_t l = 0; l < L; ++l) {
        // Counts are scaled to the largest corpus so that every language pays
        // the same for an n-gram it never saw; otherwise the languages with
        // the least data would win on out-of-vocabulary text.
        const double scaled = c[l] * (reference[n] / std::max(totals[l][n], 1.0));
        lp[l] = std::log((scaled + o.alpha) / (reference[n] + o.alpha * static_cast<double>(size)));
        best = std::max(best, lp[l]);
      }
      for (std::size_t l = 0; l < L; ++l) w[b * L + l] = static_cast<float>(std::max(lp[l] - best, floor));
    }
    offset += size;
  }
  return w;
}

// Discriminative fine-tuning of the naive Bayes weights: an averaged
// perceptron that starts from them and learns from its mistakes on snippets
// and sentences cut from the training texts, against the best other language
// of the text's group of close languages only. Naive Bayes counts every
// n-gram as independent evidence, so close languages that share most
// n-grams (pt/gl, da/nb, es/gl) are told apart by a few rare ones that it
// weighs no more than the shared ones; the perceptron moves weight to the
// n-grams that separate them. Same table, same scoring: only the values
// change. Each epoch draws `tune_examples` texts per language (equal
// numbers, since accuracy is averaged over languages), 3 in 4 of them
// 20-40 code-point snippets.
void fine_tune(const Options& o, const std::vector<std::string>& langs, const std::vector<std::size_t>& offset,
               const std::vector<std::vector<std::string>>& train, std::vector<float>& w, std::mt19937_64& rng) {
  const std::size_t L = langs.size();
  // Groups of close languages (kCloseGroups, shared with the plugin).
  std::vector<int> group(L, -1);
  for (std::size_t l = 0; l < L; ++l) group[l] = close_group(langs[l]);
  auto same_group = [&](std::size_t a, std::size_t b) { return a == b || (group[a] >= 0 && group[a] == group[b]); };
  // Buckets of the text's n-grams, and whether each is from a name-like
  // word (counted at 1/kNameDivisor, as the plugin scores).
  std::vector<std::pair<std::uint32_t, bool>> feats;
  std::vector<double> score(L);
  auto features = [&](const std::string& text) {
    feats.clear();
    for_each_ngram(text, kModelMaxCodepoints, [&](int n, std::uint64_t h, bool name_like) {
      feats.emplace_back(static_cast<std::uint32_t>(offset[n - 1] + (h & ((std::uint64_t{1} << o.bits[n - 1]) - 1))),
                         name_like);
    });
  };
  auto scores = [&] {
    std::fill(score.begin(), score.end(), 0.0);
    for (auto [b, name_like] : feats) {
      const double k = name_like ? 1.0 / kNameDivisor : 1.0;
      for (std::size_t l = 0; l < L; ++l) score[l] += k * w[b * L + l];
    }
  };
  // Texts naive Bayes places outside their language's group are noise (an
  // untranslated or foreign string, not a hard example): left out.
  std::vector<std::vector<std::uint32_t>> usable(L);
  for (std::size_t l = 0; l < L; ++l) {
    for (std::uint32_t i = 0; i < train[l].size(); ++i) {
      features(train[l][i]);
      scores();
      const auto best = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
      if (same_group(best, l)) usable[l].push_back(i);
    }
    std::printf("tune %-4s uses %8zu of %8zu texts\n", langs[l].c_str(), usable[l].size(), train[l].size());
  }
  // Averaged perceptron with the lazy-sum trick: acc holds sum of c * delta.
  std::vector<double> acc(w.size(), 0.0);
  double c = 1;
  for (int epoch = 1; epoch <= o.tune_epochs; ++epoch) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (language, text)
    for (std::size_t l = 0; l < L; ++l)
      if (!usable[l].empty())
        for (std::size_t k = 0; k < o.tune_examples; ++k)
          order.emplace_back(static_cast<std::uint32_t>(l), usable[l][rng() % usable[l].size()]);
    shuffle(order, rng);
    std::size_t updates = 0;
    for (const auto& [gold, i] : order) {
      const std::string& line = train[gold][i];
      features(rng() % 4 ? snippet(line, rng) : line);
      if (feats.empty()) continue;
      // A language in no group has no rival: nothing to learn. (It is still
      // drawn, so that the random sequence, and the model, stay as they were.)
      if (group[gold] < 0) {
        ++c;
        continue;
      }
      scores();
      // The rival is the best other language of the gold one's group: the
      // tuning separates close languages and leaves the rest to naive Bayes
      // (tuned against every language, it learnt the software domain of the
      // training text, e.g. "police" as French for "font", and lost on news).
      std::size_t rival = L;
      for (std::size_t l = 0; l < L; ++l)
        if (l != gold && same_group(l, gold) && (rival == L || score[l] > score[rival])) rival = l;
      if (rival < L && score[gold] - score[rival] < o.tune_margin) {
        for (auto [b, name_like] : feats) {
          const double d = name_like ? o.tune_step / kNameDivisor : o.tune_step;  // the feature's share of the score
          w[b * L + gold] += static_cast<float>(d);
          acc[b * L + gold] += c * d;
          w[b * L + rival] -= static_cast<float>(d);
          acc[b * L + rival] -= c * d;
        }
        ++updates;
      }
      ++c;
    }
    std::printf("tune epoch %d: %zu updates in %zu texts\n", epoch, updates, order.size());
    std::fflush(stdout);
  }
  for (std::size_t k = 0; k < w.size(); ++k) w[k] -= static_cast<float>(acc[k] / c);
}

void write_model(const Options& o, const std::vector<std::string>& langs, const std::vector<float>& w) {
  const std::size_t L = langs.size();
  const std::size_t buckets = w.size() / L;
  std::vector<std::int8_t> table(buckets * L, 0);
  for (std::size_t b = 0; b < buckets; ++b) {
    const float* row = &w[b * L];
    const float best = *std::max_element(row, row + L);
    for (std::size_t l = 0; l < L; ++l)
      table[b * L + l] = static_cast<std::int8_t>(std::clamp(std::lround((row[l] - best) * o.scale), -127L, 0L));
  }
  std::string body;
  for (const auto& code : langs) {
    char c[8] = {};
    std::memcpy(c, code.data(), std::min<std::size_t>(code.size(), 7));
    body.append(c, 8);
  }
  body.append(reinterpret_cast<const char*>(table.data()), table.size());
  char header[kHeaderBytes] = {};
  std::memcpy(header, kModelMagic, 8);
  auto put32 = [&](std::size_t at, std::uint32_t v) { std::memcpy(header + at, &v, 4); };
  put32(8, kModelVersion);
  put32(12, static_cast<std::uint32_t>(L));
  put32(16, kMaxOrder);
  std::memcpy(header + 20, &o.scale, 4);
  for (int n = 0; n < kMaxOrder; ++n) put32(24 + 4 * n, static_cast<std::uint32_t>(o.bits[n]));
  const std::uint64_t sum = fnv1a64(body.data(), body.size());
  std::memcpy(header + kHeaderBytes - 8, &sum, 8);
  fs::create_directories(fs::absolute(o.out).parent_path());
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out.write(header, kHeaderBytes);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  if (!out) throw std::runtime_error("cannot write " + o.out);
  std::printf("wrote %s: %zu languages, %zu buckets, %.1f MB\n", o.out.c_str(), L, buckets,
              static_cast<double>(kHeaderBytes + body.size()) / 1e6);
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

int run(const Options& o) {
  std::vector<std::string> langs = o.langs;
  if (langs.empty()) {
    for (const auto& e : fs::directory_iterator(fs::path(o.data) / "train"))
      if (e.path().extension() == ".txt") langs.push_back(e.path().stem().string());
    std::sort(langs.begin(), langs.end());
  }
  if (langs.empty() || langs.size() > kMaxLanguages)
    throw std::runtime_error("need 1.." + std::to_string(kMaxLanguages) + " languages");
  const std::size_t L = langs.size();
  std::size_t buckets = 0;
  std::vector<std::size_t> offset(kMaxOrder);
  for (int n = 0; n < kMaxOrder; ++n) {
    offset[n] = buckets;
    buckets += std::size_t{1} << o.bits[n];
  }
  // Training texts per language: shuffled (fixed seed), capped at max_chars.
  std::mt19937_64 rng(o.seed);
  std::vector<std::vector<std::string>> train(L);
  for (std::size_t l = 0; l < L; ++l) {
    auto lines = read_lines(fs::path(o.data) / "train" / (langs[l] + ".txt"));
    shuffle(lines, rng);
    std::size_t chars = 0;
    for (auto& line : lines) {
      if (chars >= o.max_chars) break;
      chars += utf8_length(line);
      train[l].push_back(std::move(line));
    }
  }
  auto count_and_write = [&] {
    std::vector<std::uint32_t> counts(buckets * L, 0);
    std::vector<std::array<double, kMaxOrder>> totals(L);
    for (std::size_t l = 0; l < L; ++l)
      for (const auto& line : train[l])
        for_each_ngram(line, SIZE_MAX, [&](int n, std::uint64_t h, bool) {
          const std::size_t b = offset[n - 1] + (h & ((std::uint64_t{1} << o.bits[n - 1]) - 1));
          ++counts[b * L + l];
          totals[l][n - 1] += 1;
        });
    return nb_weights(o, L, counts, totals);
  };
  std::vector<float> w = count_and_write();
  write_model(o, langs, w);
  // Second pass: translation catalogues carry untranslated or foreign strings
  // under a language's name. Texts of 40+ code points that the first model
  // gives to another language by a clear margin (> margin nats) are dropped,
  // and the model is trained again.
  if (o.clean_margin > 0) {
    auto first = NgramModel::load(o.out);
    for (std::size_t l = 0; l < L; ++l) {
      std::vector<std::string> kept;
      for (auto& line : train[l]) {
        if (utf8_length(line) >= 40) {
          NgramScores sc;
          first->score(line, SIZE_MAX, sc);
          const auto best = *std::max_element(sc.score.begin(), sc.score.begin() + L);
          if (best - sc.score[l] > o.clean_margin * o.scale) continue;
        }
        kept.push_back(std::move(line));
      }
      std::printf("clean %-4s kept %8zu of %8zu texts\n", langs[l].c_str(), kept.size(), train[l].size());
      train[l] = std::move(kept);
    }
    w = count_and_write();
  }
  if (o.tune_epochs > 0) fine_tune(o, langs, offset, train, w, rng);
  write_model(o, langs, w);
  for (std::size_t l = 0; l < L; ++l) {
    std::size_t chars = 0;
    for (const auto& line : train[l]) chars += utf8_length(line);
    std::printf("train %-4s %8zu texts %10zu chars\n", langs[l].c_str(), train[l].size(), chars);
  }

  // Dev accuracy with the file just written, read back as the plugin reads it.
  auto model = NgramModel::load(o.out);
  std::ofstream jsonl;
  if (!o.dev_jsonl.empty()) jsonl.open(o.dev_jsonl, std::ios::trunc);
  std::printf("\n%-5s %7s %9s %9s\n", "lang", "dev", "sentence", "snippet");
  double sum_sent = 0, sum_snip = 0;
  std::size_t evaluated = 0;
  std::mt19937_64 cut(o.seed + 1);
  for (std::size_t l = 0; l < L; ++l) {
    const fs::path dev = fs::path(o.data) / "dev" / (langs[l] + ".txt");
    if (!fs::exists(dev)) continue;
    auto lines = read_lines(dev);
    std::size_t n = 0, ok_sent = 0, ok_snip = 0;
    for (const auto& line : lines) {
      if (utf8_length(line) < 20) continue;
      auto best = [&](const std::string& text) {
        NgramScores s;
        model->score(text, kModelMaxCodepoints, s);  // as the plugin reads it
        return static_cast<std::size_t>(std::max_element(s.score.begin(), s.score.begin() + L) - s.score.begin());
      };
      const std::string snip = snippet(line, cut);
      ok_sent += best(line) == l;
      ok_snip += best(snip) == l;
      if (jsonl) {
        jsonl << "{\"id\":\"" << langs[l] << "-" << n << "-s\",\"lang\":\"" << langs[l] << "\",\"text\":\""
              << json_escape(line) << "\"}\n";
        jsonl << "{\"id\":\"" << langs[l] << "-" << n << "-x\",\"lang\":\"" << langs[l] << "\",\"text\":\""
              << json_escape(snip) << "\"}\n";
      }
      ++n;
    }
    if (n == 0) continue;
    const double a = 100.0 * static_cast<double>(ok_sent) / static_cast<double>(n);
    const double b = 100.0 * static_cast<double>(ok_snip) / static_cast<double>(n);
    std::printf("%-5s %7zu %8.2f%% %8.2f%%\n", langs[l].c_str(), n, a, b);
    sum_sent += a;
    sum_snip += b;
    ++evaluated;
  }
  if (evaluated)
    std::printf("%-5s %7s %8.2f%% %8.2f%%   (mean of per-language accuracy)\n", "mean", "",
                sum_sent / static_cast<double>(evaluated), sum_snip / static_cast<double>(evaluated));
  return 0;
}

void usage() {
  std::puts(
      "Usage: vigil-train-langid --data DIR --out MODEL [--langs en,fr,...] [--alpha A] [--scale S]\n"
      "                          [--bits b1,...,b6] [--max-chars N] [--seed N] [--clean-margin NATS]\n"
      "                          [--tune-epochs N] [--tune-examples N] [--tune-step NATS]\n"
      "                          [--tune-margin NATS] [--dev-jsonl FILE]\n"
      "Trains the vigil.langid character n-gram model from DIR/train/<lang>.txt, writes MODEL and\n"
      "prints dev accuracy (DIR/dev/<lang>.txt) on sentences and 20-40 character snippets.\n"
      "--tune-*: the perceptron that tunes the close-language groups (defaults 5, 100000, 0.1, 2;\n"
      "--tune-epochs 0: naive Bayes alone).\n"
      "--dev-jsonl writes the dev sentences and snippets as {\"id\",\"lang\",\"text\"} records.");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
        return argv[++i];
      };
      if (a == "--data")
        o.data = value();
      else if (a == "--out")
        o.out = value();
      else if (a == "--langs")
        o.langs = split(value(), ',');
      else if (a == "--alpha")
        o.alpha = std::stod(value());
      else if (a == "--scale")
        o.scale = std::stof(value());
      else if (a == "--max-chars")
        o.max_chars = std::stoull(value());
      else if (a == "--seed")
        o.seed = std::stoull(value());
      else if (a == "--dev-jsonl")
        o.dev_jsonl = value();
      else if (a == "--clean-margin")
        o.clean_margin = std::stod(value());
      else if (a == "--tune-epochs")
        o.tune_epochs = std::stoi(value());
      else if (a == "--tune-examples")
        o.tune_examples = std::stoull(value());
      else if (a == "--tune-step")
        o.tune_step = std::stod(value());
      else if (a == "--tune-margin")
        o.tune_margin = std::stod(value());
      else if (a == "--bits") {
        o.bits.clear();
        for (const auto& b : split(value(), ',')) o.bits.push_back(std::stoi(b));
        if (o.bits.size() != static_cast<std::size_t>(kMaxOrder))
          throw std::invalid_argument("--bits needs one value per order (6)");
        for (int b : o.bits)
          if (b < 1 || b > 24) throw std::invalid_argument("--bits values must be in 1..24");
      } else if (a == "-h" || a == "--help") {
        usage();
        return 0;
      } else
        throw std::invalid_argument("unknown option " + a);
    }
    if (o.data.empty() || o.out.empty()) {
      usage();
      return 2;
    }
    return run(o);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "vigil-train-langid: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vigil-train-langid: error: %s\n", e.what());
    return 1;
  }
}
