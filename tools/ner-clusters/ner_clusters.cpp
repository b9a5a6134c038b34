// vigil-ner-clusters: induces binary word-cluster paths from unlabelled,
// tokenized text for the vigil.ner tagger (plugins/ner/src/word_clusters.hpp).
//
//   vigil-ner-clusters --input FILE... --out PATHS.tsv [options]
//
// Input: UTF-8, one sentence per line, tokens separated by spaces (tools/
// ner-clusters/conll_to_text.py makes it from CoNLL-style files). Output: one
// line per word, BITS<TAB>WORD<TAB>COUNT, sorted by BITS then WORD (bytes).
//
// Method (README.md has the details):
//  1. words are lower-cased (simple per-code-point mapping, same as ICU's
//     u_tolower for Latin, Greek, Cyrillic, Armenian, fullwidth Latin);
//  2. each kept word gets a sparse context vector: counts of the words at
//     offsets -W..-1 and +1..+W among the K most frequent words (plus
//     "sentence boundary" and "other word"), weighted by positive PMI with a
//     smoothed (^0.75) context distribution;
//  3. a randomized truncated SVD (power iterations) reduces it to --dims
//     dimensions; rows are L2-normalised;
//  4. recursive bisecting spherical 2-means, words weighted by sqrt(count)
//     (principal-direction start plus seeded k-means++ restarts, best
//     objective kept) builds the binary tree down to --depth levels or
//     clusters of one word; each split appends one bit.
//
// Single-threaded and seeded: the same input and options give the same bytes.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ----------------------------------------------------------------- options

struct Options {
  std::vector<std::string> inputs;
  std::string out;
  std::size_t min_count = 3;  // words seen fewer times get no path
  std::size_t vocab = 60000;  // at most this many words (most frequent first)
  std::size_t depth = 12;     // maximum path length (bits), at most 24
  std::uint64_t seed = 1;
  std::size_t dims = 64;           // SVD dimensions
  std::size_t contexts = 1000;     // K: most frequent words used as context features
  std::size_t window = 2;          // W: context offsets -W..-1, +1..+W
  std::size_t power_iters = 4;     // randomized SVD power iterations
  std::size_t restarts = 3;        // seeded k-means++ restarts per split (plus the principal-direction start)
  std::size_t min_split = 2;       // clusters with fewer words are not split
  std::string weighting = "sqrt";  // word weight in 2-means: none, log (log(1+count)), sqrt, count
  double eig_power = 0.5;          // word vector = U * sigma^eig_power
  bool quiet = false;
};

constexpr const char* kUsage =
    "usage: vigil-ner-clusters --input FILE... --out PATHS.tsv [options]\n"
    "\n"
    "Induces binary word-cluster paths (BITS<TAB>WORD<TAB>COUNT per line) from\n"
    "tokenized text: one sentence per line, tokens separated by spaces.\n"
    "\n"
    "options:\n"
    "  --input FILE...      input text files (repeatable)\n"
    "  --out FILE           output paths file\n"
    "  --min-count N        drop words seen fewer than N times (default 3)\n"
    "  --vocab N            keep at most the N most frequent words (default 60000)\n"
    "  --depth N            maximum path length in bits, 1..24 (default 12)\n"
    "  --seed N             random seed (default 1)\n"
    "  --dims N             SVD dimensions (default 64)\n"
    "  --contexts N         most frequent words used as context features (default 1000)\n"
    "  --window N           context offsets on each side, 1..4 (default 2)\n"
    "  --power-iters N      randomized SVD power iterations (default 4)\n"
    "  --restarts N         seeded 2-means restarts per split (default 3)\n"
    "  --min-split N        do not split clusters of fewer than N words (default 2)\n"
    "  --weighting W        word weight in 2-means: none, log, sqrt (default), count\n"
    "  --eig-power X        scale SVD dimension i by sigma_i^X (default 0.5)\n"
    "  --quiet              no progress report on stderr\n";

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "vigil-ner-clusters: " << message << "\n";
  std::exit(2);
}

std::uint64_t parse_uint(const std::string& flag, const std::string& text) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) fail(flag + " expects a non-negative integer, got '" + text + "'");
  return value;
}

double parse_double(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  fail(flag + " expects a number, got '" + text + "'");
}

// Glob with '*' only, ASCII case-insensitive.
bool glob_match(std::string_view pattern, std::string_view name) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (p < pattern.size() && lower(pattern[p]) == lower(name[n])) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Held-out evaluation data must never shape the clusters (same rules as
// conll_to_text.py): the listed name patterns, "test" as a separated part of
// the name, and any wikigold*/ANERCorp path component; symbolic links are
// followed.
bool held_out_name(const fs::path& path) {
  static constexpr const char* kPatterns[] = {"test*",          "*-test-*",  "*test.conllu", "*hipe2020-test*",
                                              "*newseye-test*", "wikigold*", "ANERCorp"};
  for (const fs::path& p : {path, fs::weakly_canonical(path)}) {
    for (const auto& part : p) {
      const std::string name = part.string();
      if (glob_match("wikigold*", name) || glob_match("anercorp", name)) return true;
    }
    const std::string base = p.filename().string();
    for (const char* pattern : kPatterns)
      if (glob_match(pattern, base)) return true;
    // "test" as a '-', '_' or '.' separated part of the name (NER-de-test.tsv).
    for (std::size_t at = 0; at + 4 <= base.size(); ++at) {
      auto sep = [](char c) { return c == '-' || c == '_' || c == '.'; };
      if (glob_match("test", base.substr(at, 4)) && (at == 0 || sep(base[at - 1])) &&
          (at + 4 == base.size() || sep(base[at + 4])))
        return true;
    }
  }
  return false;
}

Options parse_options(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) fail(a + " needs a value");
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a == "--input") {
      std::size_t taken = 0;
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
        o.inputs.push_back(args[++i]);
        ++taken;
      }
      if (taken == 0) fail("--input needs at least one file");
    } else if (a == "--out") {
      o.out = value();
    } else if (a == "--min-count") {
      o.min_count = parse_uint(a, value());
    } else if (a == "--vocab") {
      o.vocab = parse_uint(a, value());
    } else if (a == "--depth") {
      o.depth = parse_uint(a, value());
    } else if (a == "--seed") {
      o.seed = parse_uint(a, value());
    } else if (a == "--dims") {
      o.dims = parse_uint(a, value());
    } else if (a == "--contexts") {
      o.contexts = parse_uint(a, value());
    } else if (a == "--window") {
      o.window = parse_uint(a, value());
    } else if (a == "--power-iters") {
      o.power_iters = parse_uint(a, value());
    } else if (a == "--restarts") {
      o.restarts = parse_uint(a, value());
    } else if (a == "--weighting") {
      o.weighting = value();
      if (o.weighting != "none" && o.weighting != "log" && o.weighting != "sqrt" && o.weighting != "count")
        fail("--weighting must be none, log, sqrt or count");
    } else if (a == "--min-split") {
      o.min_split = parse_uint(a, value());
    } else if (a == "--eig-power") {
      o.eig_power = parse_double(a, value());
    } else if (a == "--quiet") {
      o.quiet = true;
    } else {
      fail("unknown argument '" + a + "' (see --help)");
    }
  }
  if (o.inputs.empty()) fail("no --input given (see --help)");
  if (o.out.empty()) fail("no --out given (see --help)");
  if (o.depth < 1 || o.depth > 24) fail("--depth must be 1..24 (the tagger stores at most 24 bits)");
  if (o.dims < 1 || o.dims > 512) fail("--dims must be 1..512");
  if (o.contexts < 1) fail("--contexts must be at least 1");
  if (o.window < 1 || o.window > 4) fail("--window must be 1..4");
  if (o.vocab < 1) fail("--vocab must be at least 1");
  if (o.min_count < 1) o.min_count = 1;
  if (o.min_split < 2) o.min_split = 2;
  for (const auto& in : o.inputs)
    if (held_out_name(in)) fail("refusing held-out evaluation file '" + in + "'");
  return o;
}

// ------------------------------------------------------------ lower-casing

// Simple (one-to-one) lower-case mapping of a code point; agrees with ICU's
// u_tolower (checked code point by code point) on U+0000-058F (Basic Latin,
// Latin-1, Latin Extended-A/B, Greek and Coptic, Cyrillic + Supplement,
// Armenian), U+1E00-1EFF (Latin Extended Additional) and U+FF00-FFEF
// (fullwidth Latin). Other code points are returned unchanged.
char32_t lower_code_point(char32_t c) {
  auto even_to_odd = [](char32_t x) { return (x & 1) == 0 ? x + 1 : x; };
  auto odd_to_even = [](char32_t x) { return (x & 1) == 1 ? x + 1 : x; };
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 32 : c;
  if (c < 0x180) {  // Latin Extended-A
    if (c == 0x130) return 'i';
    if (c <= 0x137) return even_to_odd(c);
    if (c >= 0x139 && c <= 0x148) return odd_to_even(c);
    if (c >= 0x14A && c <= 0x177) return even_to_odd(c);
    if (c == 0x178) return 0xFF;
    if (c >= 0x179 && c <= 0x17E) return odd_to_even(c);
    return c;
  }
  if (c < 0x250) {  // Latin Extended-B: irregular pairs, then the regular runs
    static constexpr char32_t kIrregular[][2] = {
        {0x181, 0x253},  {0x182, 0x183}, {0x184, 0x185}, {0x186, 0x254},  {0x187, 0x188}, {0x189, 0x256},
        {0x18A, 0x257},  {0x18B, 0x18C}, {0x18E, 0x1DD}, {0x18F, 0x259},  {0x190, 0x25B}, {0x191, 0x192},
        {0x193, 0x260},  {0x194, 0x263}, {0x196, 0x269}, {0x197, 0x268},  {0x198, 0x199}, {0x19C, 0x26F},
        {0x19D, 0x272},  {0x19F, 0x275}, {0x1A0, 0x1A1}, {0x1A2, 0x1A3},  {0x1A4, 0x1A5}, {0x1A6, 0x280},
        {0x1A7, 0x1A8},  {0x1A9, 0x283}, {0x1AC, 0x1AD}, {0x1AE, 0x288},  {0x1AF, 0x1B0}, {0x1B1, 0x28A},
        {0x1B2, 0x28B},  {0x1B3, 0x1B4}, {0x1B5, 0x1B6}, {0x1B7, 0x292},  {0x1B8, 0x1B9}, {0x1BC, 0x1BD},
        {0x1C4, 0x1C6},  {0x1C5, 0x1C6}, {0x1C7, 0x1C9}, {0x1C8, 0x1C9},  {0x1CA, 0x1CC}, {0x1CB, 0x1CC},
        {0x1F1, 0x1F3},  {0x1F2, 0x1F3}, {0x1F4, 0x1F5}, {0x1F6, 0x195},  {0x1F7, 0x1BF}, {0x220, 0x19E},
        {0x23A, 0x2C65}, {0x23B, 0x23C}, {0x23D, 0x19A}, {0x23E, 0x2C66}, {0x241, 0x242}, {0x243, 0x180},
        {0x244, 0x289},  {0x245, 0x28C}};
    for (const auto& pair : kIrregular)
      if (pair[0] == c) return pair[1];
    if (c >= 0x1CD && c <= 0x1DC) return odd_to_even(c);
    if (c >= 0x1DE && c <= 0x1EF) return even_to_odd(c);
    if (c >= 0x1F8 && c <= 0x21F) return even_to_odd(c);
    if (c >= 0x222 && c <= 0x233) return even_to_odd(c);
    if (c >= 0x246 && c <= 0x24F) return even_to_odd(c);
    return c;
  }
  if (c >= 0x370 && c < 0x400) {  // Greek
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    switch (c) {
      case 0x370:
      case 0x372:
      case 0x376: return c + 1;
      case 0x37F: return 0x3F3;
      case 0x386: return 0x3AC;
      case 0x388:
      case 0x389:
      case 0x38A: return c + 37;
      case 0x38C: return 0x3CC;
      case 0x38E:
      case 0x38F: return c + 63;
      case 0x3CF: return 0x3D7;
      case 0x3F4: return 0x3B8;
      case 0x3F7: return 0x3F8;
      case 0x3F9: return 0x3F2;
      case 0x3FA: return 0x3FB;
      case 0x3FD:
      case 0x3FE:
      case 0x3FF: return c - 130;
      default: break;
    }
    if (c >= 0x3D8 && c <= 0x3EF) return even_to_odd(c);
    return c;
  }
  if (c >= 0x400 && c < 0x530) {  // Cyrillic, Cyrillic Supplement
    if (c < 0x410) return c + 80;
    if (c < 0x430) return c + 32;
    if (c >= 0x460 && c <= 0x481) return even_to_odd(c);
    if (c >= 0x48A && c <= 0x4BF) return even_to_odd(c);
    if (c == 0x4C0) return 0x4CF;
    if (c >= 0x4C1 && c <= 0x4CE) return odd_to_even(c);
    if (c >= 0x4D0) return even_to_odd(c);
    return c;
  }
  if (c >= 0x531 && c <= 0x556) return c + 48;  // Armenian
  if (c >= 0x1E00 && c <= 0x1EFF) {             // Latin Extended Additional
    if (c == 0x1E9E) return 0xDF;
    if (c <= 0x1E95 || c >= 0x1EA0) return even_to_odd(c);
    return c;
  }
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;  // fullwidth A-Z
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes one code point at s[i] and advances i. An ill-formed sequence gives
// U+FFFD and consumes its maximal well-formed prefix (at least one byte), as
// ICU's U8_NEXT does, so the tagger's look-up sees the same string.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t c;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0xFFFD;
  }
  for (std::size_t k = 0; k < need; ++k) {
    if (i >= s.size()) return 0xFFFD;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < lo || b > hi) return 0xFFFD;
    lo = 0x80;
    hi = 0xBF;
    c = (c << 6) | (b & 0x3F);
    ++i;
  }
  return c;
}

void lowercase(std::string_view word, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char ch : word)
    if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
  if (ascii) {
    out.assign(word);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return;
  }
  for (std::size_t i = 0; i < word.size();) append_utf8(out, lower_code_point(next_code_point(word, i)));
}

// ------------------------------------------------------------------ corpus

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

constexpr std::uint32_t kBreak = 0xFFFFFFFFu;  // sentence end in the token stream

struct Corpus {
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids;
  std::vector<std::string> words;     // by id (first-seen order)
  std::vector<std::uint64_t> counts;  // by id
  std::vector<std::uint32_t> tokens;  // ids, kBreak after every sentence
  std::uint64_t sentences = 0;
};

void read_text(const std::string& path, Corpus& corpus) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::string line, lower;
  while (std::getline(in, line)) {
    std::size_t added = 0;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i == start) break;
      lowercase(std::string_view(line).substr(start, i - start), lower);
      auto it = corpus.ids.find(std::string_view(lower));
      std::uint32_t id;
      if (it == corpus.ids.end()) {
        id = static_cast<std::uint32_t>(corpus.words.size());
        corpus.ids.emplace(lower, id);
        corpus.words.push_back(lower);
        corpus.counts.push_back(0);
      } else {
        id = it->second;
      }
      ++corpus.counts[id];
      corpus.tokens.push_back(id);
      ++added;
    }
    if (added > 0) {
      corpus.tokens.push_back(kBreak);
      ++corpus.sentences;
    }
  }
  if (in.bad()) fail("error reading " + path);
}

// ------------------------------------------------------------- random bits

// splitmix64: small, fast, and the same sequence everywhere.
struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed) : state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  Rng r(a ^ (b * 0xD6E8FEB86659FD93ULL));
  r.next();
  return r.next();
}

// ----------------------------------------------------------- sparse matrix

struct Csr {
  std::size_t rows = 0, cols = 0;
  std::vector<std::uint64_t> start;  // rows + 1
  std::vector<std::uint32_t> col;
  std::vector<double> val;
};

// Dense row-major matrix.
struct Dense {
  std::size_t rows = 0, cols = 0;
  std::vector<double> a;
  Dense() = default;
  Dense(std::size_t r, std::size_t c) : rows(r), cols(c), a(r * c, 0.0) {}
  double* row(std::size_t i) { return a.data() + i * cols; }
  const double* row(std::size_t i) const { return a.data() + i * cols; }
};

// out = m * x  (m: r x c sparse, x: c x l dense)
void multiply(const Csr& m, const Dense& x, Dense& out) {
  out = Dense(m.rows, x.cols);
  const std::size_t l = x.cols;
  for (std::size_t i = 0; i < m.rows; ++i) {
    double* o = out.row(i);
    for (std::uint64_t k = m.start[i]; k < m.start[i + 1]; ++k) {
      const double v = m.val[k];
      const double* xr = x.row(m.col[k]);
      for (std::size_t j = 0; j < l; ++j) o[j] += v * xr[j];
    }
  }
}

// out = m^T * y  (m: r x c sparse, y: r x l dense)
void multiply_transposed(const Csr& m, const Dense& y, Dense& out) {
  out = Dense(m.cols, y.cols);
  const std::size_t l = y.cols;
  for (std::size_t i = 0; i < m.rows; ++i) {
    const double* yr = y.row(i);
    for (std::uint64_t k = m.start[i]; k < m.start[i + 1]; ++k) {
      const double v = m.val[k];
      double* o = out.row(m.col[k]);
      for (std::size_t j = 0; j < l; ++j) o[j] += v * yr[j];
    }
  }
}

// g = y^T y (l x l)
Dense gram(const Dense& y) {
  const std::size_t l = y.cols;
  Dense g(l, l);
  for (std::size_t i = 0; i < y.rows; ++i) {
    const double* r = y.row(i);
    for (std::size_t p = 0; p < l; ++p) {
      const double rp = r[p];
      if (rp == 0.0) continue;
      double* gp = g.row(p);
      for (std::size_t q = p; q < l; ++q) gp[q] += rp * r[q];
    }
  }
  for (std::size_t p = 0; p < l; ++p)
    for (std::size_t q = 0; q < p; ++q) g.row(p)[q] = g.row(q)[p];
  return g;
}

// Cyclic Jacobi eigen-decomposition of a small symmetric matrix. Returns the
// eigenvalues in decreasing order; `vectors` gets the eigenvectors as columns.
std::vector<double> symmetric_eigen(Dense a, Dense& vectors) {
  const std::size_t n = a.rows;
  Dense v(n, n);
  for (std::size_t i = 0; i < n; ++i) v.row(i)[i] = 1.0;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0.0, diag = 0.0;
    for (std::size_t p = 0; p < n; ++p) {
      diag += a.row(p)[p] * a.row(p)[p];
      for (std::size_t q = p + 1; q < n; ++q) off += a.row(p)[q] * a.row(p)[q];
    }
    if (off <= 1e-30 * diag || off == 0.0) break;
    for (std::size_t p = 0; p + 1 < n; ++p) {
      for (std::size_t q = p + 1; q < n; ++q) {
        const double apq = a.row(p)[q];
        if (std::fabs(apq) < 1e-300) continue;
        const double app = a.row(p)[p], aqq = a.row(q)[q];
        const double theta = (aqq - app) / (2.0 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (std::size_t k = 0; k < n; ++k) {  // columns p, q
          const double akp = a.row(k)[p], akq = a.row(k)[q];
          a.row(k)[p] = c * akp - s * akq;
          a.row(k)[q] = s * akp + c * akq;
        }
        for (std::size_t k = 0; k < n; ++k) {  // rows p, q
          const double apk = a.row(p)[k], aqk = a.row(q)[k];
          a.row(p)[k] = c * apk - s * aqk;
          a.row(q)[k] = s * apk + c * aqk;
        }
        for (std::size_t k = 0; k < n; ++k) {
          const double vkp = v.row(k)[p], vkq = v.row(k)[q];
          v.row(k)[p] = c * vkp - s * vkq;
          v.row(k)[q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a.row(x)[x] > a.row(y)[y]; });
  std::vector<double> values(n);
  vectors = Dense(n, n);
  for (std::size_t j = 0; j < n; ++j) {
    values[j] = a.row(order[j])[order[j]];
    for (std::size_t k = 0; k < n; ++k) vectors.row(k)[j] = v.row(k)[order[j]];
  }
  return values;
}

// y <- y W diag(lambda^-1/2): orthonormal columns spanning the same space
// (columns of a numerically rank-deficient part become zero).
void orthonormalize_once(Dense& y) {
  Dense w;
  const std::vector<double> lambda = symmetric_eigen(gram(y), w);
  const std::size_t l = y.cols;
  const double top = lambda.empty() ? 0.0 : lambda[0];
  for (std::size_t j = 0; j < l; ++j) {
    const double scale = lambda[j] > 1e-12 * top && lambda[j] > 0 ? 1.0 / std::sqrt(lambda[j]) : 0.0;
    for (std::size_t k = 0; k < l; ++k) w.row(k)[j] *= scale;
  }
  std::vector<double> tmp(l);
  for (std::size_t i = 0; i < y.rows; ++i) {
    double* r = y.row(i);
    std::fill(tmp.begin(), tmp.end(), 0.0);
    for (std::size_t k = 0; k < l; ++k) {
      const double rk = r[k];
      if (rk == 0.0) continue;
      const double* wk = w.row(k);
      for (std::size_t j = 0; j < l; ++j) tmp[j] += rk * wk[j];
    }
    std::copy(tmp.begin(), tmp.end(), r);
  }
}

// Rows of the result: the words' coordinates on the top `dims` left singular
// vectors, scaled by sigma^eig_power, L2-normalised.
Dense reduce(const Csr& m, const Options& o, Rng& rng) {
  const std::size_t l = std::min({o.dims + 16, m.rows, m.cols});
  const std::size_t k = std::min(o.dims, l);
  Dense omega(m.cols, l);
  for (double& x : omega.a) x = 2.0 * rng.uniform() - 1.0;  // continuous: no accidental rank loss
  Dense y, z;
  // One orthonormalisation pass is enough between power iterations (the
  // Gram matrix of a product with orthonormal columns is well conditioned in
  // double precision); the final basis gets two.
  multiply(m, omega, y);
  orthonormalize_once(y);
  for (std::size_t it = 0; it < o.power_iters; ++it) {
    multiply_transposed(m, y, z);
    orthonormalize_once(z);
    multiply(m, z, y);
    orthonormalize_once(y);
  }
  orthonormalize_once(y);
  multiply_transposed(m, y, z);  // z = (Q^T M)^T
  Dense w;
  const std::vector<double> lambda = symmetric_eigen(gram(z), w);  // B B^T = W diag(sigma^2) W^T
  std::vector<double> scale(k);
  for (std::size_t j = 0; j < k; ++j) scale[j] = std::pow(std::max(lambda[j], 0.0), o.eig_power / 2.0);
  Dense x(m.rows, k);
  for (std::size_t i = 0; i < m.rows; ++i) {
    const double* yr = y.row(i);
    double* xr = x.row(i);
    for (std::size_t p = 0; p < l; ++p) {
      const double yp = yr[p];
      if (yp == 0.0) continue;
      const double* wp = w.row(p);
      for (std::size_t j = 0; j < k; ++j) xr[j] += yp * wp[j];
    }
    double norm = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
      xr[j] *= scale[j];
      norm += xr[j] * xr[j];
    }
    if (norm > 0)
      for (std::size_t j = 0; j < k; ++j) xr[j] /= std::sqrt(norm);
  }
  return x;
}

// ----------------------------------------------------------- bisection

class Bisector {
 public:
  // `weight[i]`: how much word i counts in centroids and objectives.
  Bisector(const Dense& x, std::vector<double> weight, const Options& o)
      : x_(x), weight_(std::move(weight)), o_(o), paths_(x.rows) {}

  std::vector<std::string> run() {
    std::vector<std::uint32_t> all(x_.rows);
    std::iota(all.begin(), all.end(), 0);
    split(all, 0, 1);
    for (auto& p : paths_)
      if (p.empty()) p = "0";  // the tagger needs at least one bit
    return std::move(paths_);
  }

  std::size_t splits() const { return splits_; }

 private:
  const Dense& x_;
  std::vector<double> weight_;
  const Options& o_;
  std::vector<std::string> paths_;
  std::size_t splits_ = 0;

  double dot(const double* a, const double* b) const {
    double s = 0.0;
    for (std::size_t j = 0; j < x_.cols; ++j) s += a[j] * b[j];
    return s;
  }

  // Weighted sums of both sides; false when a side is empty.
  bool side_sums(const std::vector<std::uint32_t>& members, const std::vector<std::uint8_t>& side,
                 std::vector<double> (&sum)[2]) const {
    std::fill(sum[0].begin(), sum[0].end(), 0.0);
    std::fill(sum[1].begin(), sum[1].end(), 0.0);
    std::size_t n[2] = {0, 0};
    for (std::size_t i = 0; i < members.size(); ++i) {
      const double* r = x_.row(members[i]);
      const double w = weight_[members[i]];
      std::vector<double>& s = sum[side[i]];
      for (std::size_t j = 0; j < x_.cols; ++j) s[j] += w * r[j];
      ++n[side[i]];
    }
    return n[0] > 0 && n[1] > 0;
  }

  // Weighted spherical 2-means from an initial assignment. Returns the
  // objective, sum over words of weight * cosine to the side's mean
  // direction (= |weighted sum of side 0| + |... side 1|), or -1 when a side
  // becomes empty.
  double refine(const std::vector<std::uint32_t>& members, std::vector<std::uint8_t>& side) const {
    const std::size_t d = x_.cols;
    std::vector<double> sum[2] = {std::vector<double>(d), std::vector<double>(d)};
    std::vector<double> centre[2] = {std::vector<double>(d), std::vector<double>(d)};
    for (int iter = 0; iter < 30; ++iter) {
      if (!side_sums(members, side, sum)) return -1.0;
      for (int c = 0; c < 2; ++c) {
        const double norm = std::sqrt(dot(sum[c].data(), sum[c].data()));
        for (std::size_t j = 0; j < d; ++j) centre[c][j] = norm > 0 ? sum[c][j] / norm : 0.0;
      }
      std::size_t changed = 0;
      for (std::size_t i = 0; i < members.size(); ++i) {
        const double* r = x_.row(members[i]);
        const std::uint8_t s = dot(r, centre[1].data()) > dot(r, centre[0].data()) ? 1 : 0;
        if (s != side[i]) {
          side[i] = s;
          ++changed;
        }
      }
      if (changed == 0) break;
    }
    if (!side_sums(members, side, sum)) return -1.0;
    return std::sqrt(dot(sum[0].data(), sum[0].data())) + std::sqrt(dot(sum[1].data(), sum[1].data()));
  }

  // Start 1: sign of the projection on the principal direction of the
  // (weighted) centred cluster, by power iteration.
  std::vector<std::uint8_t> principal_start(const std::vector<std::uint32_t>& members, Rng& rng) const {
    const std::size_t d = x_.cols;
    std::vector<double> mean(d, 0.0), v(d), next(d);
    double total = 0.0;
    for (std::uint32_t m : members) {
      const double* r = x_.row(m);
      for (std::size_t j = 0; j < d; ++j) mean[j] += weight_[m] * r[j];
      total += weight_[m];
    }
    for (double& m : mean) m /= total;
    for (double& e : v) e = rng.uniform() - 0.5;
    for (int it = 0; it < 12; ++it) {
      std::fill(next.begin(), next.end(), 0.0);
      for (std::uint32_t m : members) {
        const double* r = x_.row(m);
        double p = 0.0;
        for (std::size_t j = 0; j < d; ++j) p += (r[j] - mean[j]) * v[j];
        p *= weight_[m];
        for (std::size_t j = 0; j < d; ++j) next[j] += p * (r[j] - mean[j]);
      }
      const double norm = std::sqrt(dot(next.data(), next.data()));
      if (norm == 0.0) break;
      for (std::size_t j = 0; j < d; ++j) v[j] = next[j] / norm;
    }
    std::vector<std::uint8_t> side(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
      const double* r = x_.row(members[i]);
      double p = 0.0;
      for (std::size_t j = 0; j < d; ++j) p += (r[j] - mean[j]) * v[j];
      side[i] = p > 0 ? 1 : 0;
    }
    return side;
  }

  // Index drawn with probability proportional to mass[i].
  static std::size_t draw(const std::vector<double>& mass, Rng& rng) {
    double total = 0.0;
    for (double m : mass) total += m;
    if (!(total > 0)) return rng.below(mass.size());
    double u = rng.uniform() * total;
    std::size_t i = 0;
    for (; i + 1 < mass.size(); ++i) {
      u -= mass[i];
      if (u < 0) break;
    }
    return i;
  }

  // Other starts: weighted k-means++ seeding of two centres.
  std::vector<std::uint8_t> seeded_start(const std::vector<std::uint32_t>& members, Rng& rng) const {
    std::vector<double> mass(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) mass[i] = weight_[members[i]];
    const double* a = x_.row(members[draw(mass, rng)]);
    for (std::size_t i = 0; i < members.size(); ++i)
      mass[i] = weight_[members[i]] * std::max(0.0, 1.0 - dot(a, x_.row(members[i])));
    const double* b = x_.row(members[draw(mass, rng)]);
    std::vector<std::uint8_t> side(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
      const double* r = x_.row(members[i]);
      side[i] = dot(r, b) > dot(r, a) ? 1 : 0;
    }
    return side;
  }

  // `node` numbers the tree heap-style (root 1), which seeds each split
  // independently of the order in which nodes are visited.
  void split(const std::vector<std::uint32_t>& members, std::size_t depth, std::uint64_t node) {
    if (members.size() < o_.min_split || depth >= o_.depth) return;
    Rng rng(mix(o_.seed, node));
    std::vector<std::uint8_t> best;
    double best_objective = -1.0;
    for (std::size_t attempt = 0; attempt <= o_.restarts; ++attempt) {
      std::vector<std::uint8_t> side = attempt == 0 ? principal_start(members, rng) : seeded_start(members, rng);
      const double objective = refine(members, side);
      if (objective > best_objective * (1.0 + 1e-12)) {
        best_objective = objective;
        best = std::move(side);
      }
    }
    if (best_objective < 0) return;  // cannot split (identical vectors)
    ++splits_;
    // The side holding the most frequent word (smallest row) gets bit 0.
    const std::uint8_t zero_side = best[0];
    std::vector<std::uint32_t> part[2];
    for (std::size_t i = 0; i < members.size(); ++i) {
      const int bit = best[i] == zero_side ? 0 : 1;
      part[bit].push_back(members[i]);
      paths_[members[i]] += static_cast<char>('0' + bit);
    }
    best.clear();
    best.shrink_to_fit();
    split(part[0], depth + 1, node * 2);
    split(part[1], depth + 1, node * 2 + 1);
  }
};

// ------------------------------------------------------------------- main

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  const auto t0 = std::chrono::steady_clock::now();
  auto report = [&](const std::string& what) {
    if (!o.quiet) std::fprintf(stderr, "[%7.2fs] %s\n", seconds_since(t0), what.c_str());
  };

  Corpus corpus;
  for (const auto& path : o.inputs) read_text(path, corpus);
  const std::size_t token_count = corpus.tokens.size() - corpus.sentences;
  report("read " + std::to_string(token_count) + " tokens, " + std::to_string(corpus.sentences) + " sentences, " +
         std::to_string(corpus.words.size()) + " distinct words");
  if (token_count == 0) fail("no tokens in the input");

  // Rank words: count descending, then bytes ascending.
  std::vector<std::uint32_t> ranked(corpus.words.size());
  std::iota(ranked.begin(), ranked.end(), 0);
  std::sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (corpus.counts[a] != corpus.counts[b]) return corpus.counts[a] > corpus.counts[b];
    return corpus.words[a] < corpus.words[b];
  });
  std::size_t rows = 0;
  while (rows < ranked.size() && rows < o.vocab && corpus.counts[ranked[rows]] >= o.min_count) ++rows;
  if (rows == 0) fail("no word occurs --min-count times");
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> row_of(corpus.words.size(), kNone);
  for (std::size_t r = 0; r < rows; ++r) row_of[ranked[r]] = static_cast<std::uint32_t>(r);

  // Context classes: the K most frequent words, then "boundary", "other".
  const std::size_t K = std::min(o.contexts, rows);
  const std::size_t classes = K + 2;
  const std::uint32_t kBoundary = static_cast<std::uint32_t>(K), kOther = static_cast<std::uint32_t>(K + 1);
  std::vector<std::uint32_t> class_of(corpus.words.size(), kOther);
  for (std::size_t r = 0; r < K; ++r) class_of[ranked[r]] = static_cast<std::uint32_t>(r);
  const std::size_t W = o.window, slots = 2 * W;

  // Occurrences of every kept word, grouped by row (counting sort).
  std::vector<std::uint64_t> occ_start(rows + 1, 0);
  for (std::uint32_t t : corpus.tokens)
    if (t != kBreak && row_of[t] != kNone) ++occ_start[row_of[t] + 1];
  for (std::size_t r = 0; r < rows; ++r) occ_start[r + 1] += occ_start[r];
  std::vector<std::uint32_t> occ(occ_start[rows]);
  {
    std::vector<std::uint64_t> fill(occ_start.begin(), occ_start.end() - 1);
    for (std::size_t p = 0; p < corpus.tokens.size(); ++p) {
      const std::uint32_t t = corpus.tokens[p];
      if (t != kBreak && row_of[t] != kNone) occ[fill[row_of[t]]++] = static_cast<std::uint32_t>(p);
    }
  }
  if (corpus.tokens.size() >= kBreak) fail("input too large (more than 4 billion tokens)");

  // Co-occurrence counts, one row at a time through a dense scratch row.
  Csr m;
  m.rows = rows;
  m.cols = slots * classes;
  m.start.assign(rows + 1, 0);
  std::vector<double> column_total(m.cols, 0.0);
  {
    std::vector<std::uint32_t> scratch(m.cols, 0), touched;
    const auto& tok = corpus.tokens;
    for (std::size_t r = 0; r < rows; ++r) {
      touched.clear();
      auto bump = [&](std::size_t f) {
        if (scratch[f]++ == 0) touched.push_back(static_cast<std::uint32_t>(f));
      };
      for (std::uint64_t k = occ_start[r]; k < occ_start[r + 1]; ++k) {
        const std::size_t p = occ[k];
        bool edge = false;
        for (std::size_t d = 1; d <= W; ++d) {  // left: slots W-1 (offset -1) .. 0 (offset -W)
          if (!edge && (p < d || tok[p - d] == kBreak)) edge = true;
          bump((W - d) * classes + (edge ? kBoundary : class_of[tok[p - d]]));
        }
        edge = false;
        for (std::size_t d = 1; d <= W; ++d) {             // right: slots W (offset +1) .. 2W-1
          if (!edge && tok[p + d] == kBreak) edge = true;  // the stream ends with kBreak
          bump((W + d - 1) * classes + (edge ? kBoundary : class_of[tok[p + d]]));
        }
      }
      std::sort(touched.begin(), touched.end());
      for (std::uint32_t f : touched) {
        m.col.push_back(f);
        m.val.push_back(scratch[f]);
        column_total[f] += scratch[f];
        scratch[f] = 0;
      }
      m.start[r + 1] = m.col.size();
    }
  }
  occ.clear();
  occ.shrink_to_fit();
  report("co-occurrence matrix: " + std::to_string(rows) + " words x " + std::to_string(m.cols) + " contexts, " +
         std::to_string(m.col.size()) + " non-zeros");

  // Positive PMI per slot with the context distribution smoothed by ^0.75:
  // ppmi(w, c) = max(0, log(P(c | w, slot) / P_0.75(c | slot))).
  {
    std::vector<double> slot_total(slots, 0.0);
    std::vector<double> smoothed(m.cols);
    for (std::size_t f = 0; f < m.cols; ++f) {
      smoothed[f] = std::pow(column_total[f], 0.75);
      slot_total[f / classes] += smoothed[f];
    }
    std::vector<std::uint64_t> start(rows + 1, 0);
    std::size_t kept = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      const double n = static_cast<double>(corpus.counts[ranked[r]]);
      for (std::uint64_t k = m.start[r]; k < m.start[r + 1]; ++k) {
        const std::uint32_t f = m.col[k];
        const double pmi = std::log(m.val[k] / n * slot_total[f / classes] / smoothed[f]);
        if (pmi > 0) {
          m.col[kept] = f;
          m.val[kept] = pmi;
          ++kept;
        }
      }
      start[r + 1] = kept;
    }
    m.start = std::move(start);
    m.col.resize(kept);
    m.val.resize(kept);
  }
  report("PPMI: " + std::to_string(m.col.size()) + " positive entries");

  Rng rng(mix(o.seed, 0x5EEDu));
  const Dense x = reduce(m, o, rng);
  m = Csr();
  report("randomized SVD: " + std::to_string(x.cols) + " dimensions");

  std::vector<double> weight(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const double n = static_cast<double>(corpus.counts[ranked[r]]);
    weight[r] = o.weighting == "log"     ? std::log1p(n)
                : o.weighting == "sqrt"  ? std::sqrt(n)
                : o.weighting == "count" ? n
                                         : 1.0;
  }
  Bisector bisector(x, std::move(weight), o);
  const std::vector<std::string> paths = bisector.run();
  {
    std::vector<std::string> distinct(paths);
    std::sort(distinct.begin(), distinct.end());
    const auto leaves = std::unique(distinct.begin(), distinct.end()) - distinct.begin();
    report("bisection: " + std::to_string(bisector.splits()) + " splits, " + std::to_string(leaves) + " leaves");
  }

  std::vector<std::uint32_t> order(rows);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (paths[a] != paths[b]) return paths[a] < paths[b];
    return corpus.words[ranked[a]] < corpus.words[ranked[b]];
  });
  const fs::path out_path(o.out);
  const fs::path tmp_path = out_path.string() + ".tmp";
  {
    std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
    if (!out) fail("cannot write " + tmp_path.string());
    std::string line;
    for (std::uint32_t r : order) {
      line.clear();
      line += paths[r];
      line += '\t';
      line += corpus.words[ranked[r]];
      line += '\t';
      line += std::to_string(corpus.counts[ranked[r]]);
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    out.close();
    if (!out) fail("error writing " + tmp_path.string());
  }
  std::error_code ec;
  fs::rename(tmp_path, out_path, ec);
  if (ec) fail("cannot rename " + tmp_path.string() + " to " + out_path.string() + ": " + ec.message());
  report("wrote " + std::to_string(rows) + " words to " + o.out);
  return 0;
}
