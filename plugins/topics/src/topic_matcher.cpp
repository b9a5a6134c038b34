#include "topic_matcher.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "text_folding.hpp"

namespace vigil::topics {
namespace {

// One word of the normalised stream and where it came from in the text.
struct Word {
  std::uint32_t norm_begin, norm_end;  // in the stream
  sdk::Offset begin, end;              // in doc.text (bytes)
};

// One verified occurrence of a pattern: its first and last word.
struct Occurrence {
  std::uint32_t first, last;
};

struct Hit {
  unsigned int id;
  unsigned long long to;
};

constexpr int kMaxCount = 4;          // occurrences beyond this add nothing
constexpr std::size_t kMaxShown = 5;  // evidence / trace entries per term or rule
constexpr std::size_t kMaxAnchors = 64;

double repeat_factor(std::size_t n) {
  return n == 0 ? 0.0 : 1.0 + std::log2(static_cast<double>(std::min<std::size_t>(n, kMaxCount)));
}

std::string primary_language(const std::string& code) {
  std::string p = code.substr(0, code.find_first_of("-_"));
  for (char& c : p) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return p;
}

int on_match(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* ctx) {
  static_cast<std::vector<Hit>*>(ctx)->push_back({id, to});
  return 0;
}

}  // namespace

struct TopicMatcher::Compiled {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;  // large enough for every database
  // Per language index: the patterns of that language and of "all", for
  // documents with one candidate language (null for "all").
  std::vector<hs_database_t*> language_db;
  // For each pattern: the sections (index into sections) that use it.
  std::vector<std::vector<std::uint32_t>> pattern_sections;
  struct SectionRef {
    std::uint32_t topic;
    std::uint32_t language;  // index into topic.languages
  };
  std::vector<SectionRef> sections;
  // Every language of the patterns, "all" included; per pattern its index.
  std::vector<std::string> languages;
  std::vector<std::uint32_t> pattern_language;
  std::uint32_t language_index(const std::string& l) const {
    return static_cast<std::uint32_t>(std::find(languages.begin(), languages.end(), l) - languages.begin());
  }
  ~Compiled() {
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
    for (auto* d : language_db)
      if (d) hs_free_database(d);
  }
};

struct TopicMatcher::Scratch {
  hs_scratch_t* hs = nullptr;
  std::string stream;  // grows only: stream_size is the stream's length
  std::size_t stream_size = 0;
  std::vector<Word> words;
  std::vector<Hit> hits;
  std::vector<std::vector<Occurrence>> occurrences;  // per pattern
  std::vector<PatternId> touched;
  std::vector<char> section_touched;
  std::vector<char> language_active;  // per Compiled::languages index
  // Per language index: its stemmer. Stems of this document's words, by
  // language and word text (open addressing; entries of older documents have
  // an older generation), so each distinct word is stemmed once per document.
  std::vector<std::unique_ptr<Stemmer>> stemmers;
  struct StemEntry {
    std::uint64_t hash = 0;
    std::uint32_t generation = 0;
    std::uint32_t language = 0;
    std::uint32_t word_offset = 0, word_length = 0;  // in stream
    std::uint32_t stem_offset = 0, stem_length = 0;  // in stem_text
  };
  std::vector<StemEntry> stem_table = std::vector<StemEntry>(1024);
  std::uint32_t stem_generation = 0;
  std::size_t stem_count = 0;
  std::string stem_text;
  // Reused by the scoring of each document.
  std::vector<Occurrence> phrases, kept, anchors;
  std::vector<std::pair<sdk::Offset, sdk::Offset>> spans;
  ~Scratch() {
    if (hs) hs_free_scratch(hs);
  }
  std::string_view word(const Word& w) const { return {stream.data() + w.norm_begin, w.norm_end - w.norm_begin}; }
  void new_document() {
    if (++stem_generation == 0) {  // wrapped: forget every entry
      for (auto& e : stem_table) e.generation = 0;
      stem_generation = 1;
    }
    stem_count = 0;
    stem_text.clear();
  }
  // The Snowball stem of word `w` in language `l` (named `name`), once per document.
  std::string_view stem(std::uint32_t l, const std::string& name, const Word& w) {
    const std::string_view text = word(w);
    std::uint64_t h = 1469598103934665603ull ^ (l * 0x9E3779B97F4A7C15ull);
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    std::size_t mask = stem_table.size() - 1;
    std::size_t i = h & mask;
    for (; stem_table[i].generation == stem_generation; i = (i + 1) & mask) {
      const StemEntry& e = stem_table[i];
      if (e.hash == h && e.language == l && e.word_length == text.size() &&
          std::string_view(stream.data() + e.word_offset, e.word_length) == text)
        return {stem_text.data() + e.stem_offset, e.stem_length};
    }
    auto& stemmer = stemmers[l];
    if (!stemmer) stemmer = std::make_unique<Stemmer>(name);
    const std::string_view st = stemmer->stem(text);
    const auto offset = static_cast<std::uint32_t>(stem_text.size());
    stem_text.append(st);
    if ((stem_count + 1) * 2 > stem_table.size()) {  // grow, then find the free slot again
      std::vector<StemEntry> old(stem_table.size() * 2);
      old.swap(stem_table);
      mask = stem_table.size() - 1;
      for (const StemEntry& e : old) {
        if (e.generation != stem_generation) continue;
        std::size_t j = e.hash & mask;
        while (stem_table[j].generation == stem_generation) j = (j + 1) & mask;
        stem_table[j] = e;
      }
      i = h & mask;
      while (stem_table[i].generation == stem_generation) i = (i + 1) & mask;
    }
    stem_table[i] = {
        h, stem_generation, l, w.norm_begin, w.norm_end - w.norm_begin, offset, static_cast<std::uint32_t>(st.size())};
    ++stem_count;
    return {stem_text.data() + offset, st.size()};
  }
};

TopicMatcher::TopicMatcher(RuleSet rules, MatcherOptions options)
    : rules_(std::move(rules)), options_(std::move(options)), compiled_(std::make_unique<Compiled>()) {
  for (auto& l : options_.default_languages) l = primary_language(l);
  std::vector<std::string> expressions;
  std::vector<const char*> pointers;
  std::vector<unsigned int> flags, ids;
  for (std::size_t i = 0; i < rules_.patterns.size(); ++i)
    expressions.push_back(rules_.patterns[i].hyperscan_expression());
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    pointers.push_back(expressions[i].c_str());
    flags.push_back(0);
    ids.push_back(static_cast<unsigned int>(i));
  }
  for (const auto& p : rules_.patterns) {
    if (compiled_->language_index(p.language) == compiled_->languages.size())
      compiled_->languages.push_back(p.language);
    compiled_->pattern_language.push_back(compiled_->language_index(p.language));
  }
  // Which sections use which pattern: a document only scores sections it touched.
  compiled_->pattern_sections.resize(rules_.patterns.size());
  for (std::uint32_t t = 0; t < rules_.topics.size(); ++t) {
    const auto& topic = rules_.topics[t];
    for (std::uint32_t l = 0; l < topic.languages.size(); ++l) {
      const auto s = static_cast<std::uint32_t>(compiled_->sections.size());
      compiled_->sections.push_back({t, l});
      auto use = [&](const TermRef& ref) {
        auto& v = compiled_->pattern_sections[ref.pattern];
        if (v.empty() || v.back() != s) v.push_back(s);
      };
      for (const auto& term : topic.languages[l].terms) use(term.term);
      for (const auto& rule : topic.languages[l].rules) {
        for (const auto& g : rule.all_of)
          for (const auto& r : g) use(r);
        for (const auto& r : rule.any_of) use(r);
      }
    }
  }
  if (expressions.empty()) return;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(pointers.data(), flags.data(), ids.data(), static_cast<unsigned int>(pointers.size()),
                       HS_MODE_BLOCK, nullptr, &compiled_->db, &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    std::string which;
    if (error && error->expression >= 0)
      which = " in expression " + expressions[static_cast<std::size_t>(error->expression)];
    hs_free_compile_error(error);
    throw std::runtime_error("Hyperscan could not compile the topic patterns: " + message + which);
  }
  if (hs_alloc_scratch(compiled_->db, &compiled_->prototype) != HS_SUCCESS)
    throw std::runtime_error("Hyperscan could not allocate scratch space");
  // A smaller database per language: a document whose language is known
  // scans only the patterns it can use (the others' hits would be dropped).
  compiled_->language_db.assign(compiled_->languages.size(), nullptr);
  for (std::uint32_t l = 0; l < compiled_->languages.size(); ++l) {
    if (compiled_->languages[l] == "all") continue;
    std::vector<const char*> lp;
    std::vector<unsigned int> lf, li;
    for (std::size_t i = 0; i < expressions.size(); ++i) {
      const std::string& pl = rules_.patterns[i].language;
      if (compiled_->pattern_language[i] != l && pl != "all") continue;
      lp.push_back(pointers[i]);
      lf.push_back(0);
      li.push_back(static_cast<unsigned int>(i));
    }
    hs_compile_error_t* lerror = nullptr;
    if (hs_compile_multi(lp.data(), lf.data(), li.data(), static_cast<unsigned int>(lp.size()), HS_MODE_BLOCK, nullptr,
                         &compiled_->language_db[l], &lerror) != HS_SUCCESS) {
      hs_free_compile_error(lerror);
      compiled_->language_db[l] = nullptr;  // the full database still works
      continue;
    }
    if (hs_alloc_scratch(compiled_->language_db[l], &compiled_->prototype) != HS_SUCCESS)
      throw std::runtime_error("Hyperscan could not allocate scratch space");
  }
}

TopicMatcher::~TopicMatcher() = default;

std::unique_ptr<TopicMatcher::Scratch> TopicMatcher::acquire() const {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto s = std::move(pool_.back());
      pool_.pop_back();
      return s;
    }
  }
  auto s = std::make_unique<Scratch>();
  if (compiled_->prototype && hs_clone_scratch(compiled_->prototype, &s->hs) != HS_SUCCESS)
    throw std::runtime_error("Hyperscan could not allocate scratch space");
  s->occurrences.resize(rules_.patterns.size());
  s->section_touched.assign(compiled_->sections.size(), 0);
  s->language_active.assign(compiled_->languages.size(), 0);
  s->stemmers.resize(compiled_->languages.size());
  return s;
}

void TopicMatcher::release(std::unique_ptr<Scratch> scratch) const {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(scratch));
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// 0x80 in each byte of `x` that is zero, nothing elsewhere (exact).
constexpr std::uint64_t zero_bytes(std::uint64_t x) {
  const std::uint64_t low7 = 0x7F * kOnes;
  return ~(((x & low7) + low7) | x | low7);
}

// 0x80 in each byte that is not ASCII, an apostrophe or a space.
constexpr std::uint64_t special_bytes(std::uint64_t x) {
  return (x & kHigh) | zero_bytes(x ^ ('\'' * kOnes)) | zero_bytes(x ^ (' ' * kOnes));
}

// A-Z lower-cased in each ASCII byte (other bytes: unspecified).
constexpr std::uint64_t ascii_lower(std::uint64_t x) {
  const std::uint64_t b = x & (0x7F * kOnes);
  const std::uint64_t ge_a = (b + (0x80 - 'A') * kOnes) & kHigh;
  const std::uint64_t gt_z = (b + (0x80 - 'Z' - 1) * kOnes) & kHigh;
  return x | ((ge_a & ~gt_z) >> 2);
}

static_assert(ascii_lower(0x5B5A41403A7A6120ull) == 0x5B7A61403A7A6120ull);  // " az:@AZ[" (little-endian)
static_assert(special_bytes(0x4127204142C34100ull) == 0x0080800000800000ull);

// A code point that starts inside a token may end up to 3 bytes after it.
constexpr std::size_t kMaxUtf8Overrun = 3;

// Writes the document's word tokens into `buf`, folded, one space between
// words and at each end; words are split at apostrophes. Returns the length
// of the stream. `buf` is scratch space that only grows: its size is its
// capacity, so the text is written through a pointer with no per-byte
// bookkeeping. ASCII bytes are folded inline; other code points go through
// the folding table.
std::size_t build_stream(const sdk::Document& doc, std::string& buf, std::vector<Word>& words) {
  const TextFolder& folder = TextFolder::instance();
  const std::size_t expansion = folder.max_expansion();
  words.clear();
  words.reserve(doc.tokens.size() + 16);
  const std::string_view text(doc.text);
  // Room is checked once per token: n bytes fold to at most n * expansion
  // bytes, each word adds one space, and each word after the first starts
  // after an apostrophe or space that is not written.
  if (buf.size() < text.size() + doc.tokens.size() + 2 + TextFolder::kMaxFoldedBytes)
    buf.resize(text.size() + doc.tokens.size() + 2 + TextFolder::kMaxFoldedBytes);
  char* base = buf.data();
  char* out = base;
  *out++ = ' ';
  // Makes sure `n` more bytes fit after `out` (moving `out` and `word_out`).
  auto reserve = [&](std::size_t n, char*& word_out) {
    const auto pos = static_cast<std::size_t>(out - base);
    if (buf.size() >= pos + n) return;
    const auto word_pos = static_cast<std::size_t>(word_out - base);
    buf.resize((pos + n) * 3 / 2);
    base = buf.data();
    out = base + pos;
    word_out = base + word_pos;
  };
  const char* const src = text.data();
  for (const sdk::Token& token : doc.tokens) {
    if (token.kind == sdk::TokenKind::punct || token.kind == sdk::TokenKind::symbol) continue;
    char* word_out = out;
    sdk::Offset word_begin = token.begin;
    std::size_t i = token.begin;
    const std::size_t token_end = std::min<std::size_t>(token.end, text.size());
    if (i >= token_end) continue;
    // + 8: the word-at-a-time path stores 8 bytes
    reserve((token_end - i) * expansion + kMaxUtf8Overrun * expansion + 2 + 8, word_out);
    while (i < token_end) {
      if constexpr (std::endian::native == std::endian::little) {
        // Eight bytes at a time while they are plain ASCII (no apostrophe or
        // space): lower-cased together, stored together; only the token's
        // bytes count, the rest of the store is overwritten later.
        if (i + 8 <= text.size()) {
          std::uint64_t x;
          std::memcpy(&x, src + i, 8);
          const std::size_t k = std::min<std::size_t>(token_end - i, 8);
          const std::uint64_t valid = k == 8 ? ~0ull : (1ull << (8 * k)) - 1;
          if ((special_bytes(x) & valid) == 0) {
            const std::uint64_t y = ascii_lower(x);
            std::memcpy(out, &y, 8);
            out += k;
            i += k;
            continue;
          }
        }
      }
      const auto c = static_cast<unsigned char>(src[i]);
      if (c < 0x80 && c != '\'' && c != ' ') {  // fast path
        *out++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        ++i;
        continue;
      }
      const std::size_t at = i;
      const char32_t cp = decode_utf8(text, i);
      if (is_apostrophe(cp) || cp == ' ') {
        if (out > word_out) {
          words.push_back({static_cast<std::uint32_t>(word_out - base), static_cast<std::uint32_t>(out - base),
                           word_begin, static_cast<sdk::Offset>(at)});
          *out++ = ' ';
        }
        word_out = out;
        word_begin = static_cast<sdk::Offset>(i);
        continue;
      }
      out = folder.write_folded(cp, out);
    }
    if (out > word_out) {
      words.push_back({static_cast<std::uint32_t>(word_out - base), static_cast<std::uint32_t>(out - base), word_begin,
                       static_cast<sdk::Offset>(token_end)});
      *out++ = ' ';
    }
  }
  if (out - base == 1) {
    char* none = out;
    reserve(1, none);
    *out++ = ' ';
  }
  return static_cast<std::size_t>(out - base);
}

}  // namespace

void TopicMatcher::annotate(sdk::Document& doc) const {
  // Topics this matcher owns are replaced, so a second run gives the same result.
  std::erase_if(doc.topics, [&](const sdk::Topic& t) {
    return std::any_of(rules_.topics.begin(), rules_.topics.end(),
                       [&](const TopicRules& r) { return r.label == t.label; });
  });
  if (!compiled_->db) return;

  auto scratch = acquire();
  struct Releaser {
    const TopicMatcher* m;
    std::unique_ptr<Scratch>& s;
    ~Releaser() { m->release(std::move(s)); }
  } releaser{this, scratch};
  Scratch& s = *scratch;

  // Candidate languages.
  std::vector<std::string> languages;
  const std::string doc_language = primary_language(doc.language.code);
  if (!doc_language.empty() && std::binary_search(rules_.languages.begin(), rules_.languages.end(), doc_language))
    languages = {doc_language};
  else if (!options_.default_languages.empty())
    languages = options_.default_languages;
  else
    languages = rules_.languages;
  for (std::size_t l = 0; l < compiled_->languages.size(); ++l) {
    const std::string& name = compiled_->languages[l];
    s.language_active[l] = name == "all" || std::find(languages.begin(), languages.end(), name) != languages.end();
  }
  const hs_database_t* db = compiled_->db;
  if (languages.size() == 1) {
    const std::uint32_t l = compiled_->language_index(languages.front());
    if (l < compiled_->language_db.size() && compiled_->language_db[l]) db = compiled_->language_db[l];
  }

  s.stream_size = build_stream(doc, s.stream, s.words);
  s.new_document();
  s.hits.clear();
  if (hs_scan(db, s.stream.data(), static_cast<unsigned int>(s.stream_size), 0, s.hs, on_match, &s.hits) != HS_SUCCESS)
    throw std::runtime_error("Hyperscan scan failed");

  for (PatternId id : s.touched) s.occurrences[id].clear();
  s.touched.clear();
  std::fill(s.section_touched.begin(), s.section_touched.end(), 0);

  // Verify each hit (stems, case) and record it by word positions.
  for (const Hit& hit : s.hits) {
    const TermPattern& p = rules_.patterns[hit.id];
    const std::uint32_t lang = compiled_->pattern_language[hit.id];
    if (!s.language_active[lang]) continue;
    // The literal ends inside the last word of the term.
    const auto end = static_cast<std::uint32_t>(hit.to - 1);
    auto it = std::upper_bound(s.words.begin(), s.words.end(), end,
                               [](std::uint32_t v, const Word& w) { return v < w.norm_begin; });
    if (it == s.words.begin()) continue;
    --it;
    if (end >= it->norm_end) continue;
    const auto last = static_cast<std::uint32_t>(it - s.words.begin());
    if (last + 1 < p.words.size()) continue;
    const auto first = static_cast<std::uint32_t>(last + 1 - p.words.size());
    bool ok = true;
    for (std::size_t k = 0; k < p.words.size() && ok; ++k) {
      const TermWord& tw = p.words[k];
      const auto wi = static_cast<std::uint32_t>(first + k);
      const std::string_view word = s.word(s.words[wi]);
      if (tw.mode == WordMode::stem && !tw.arabic)  // matches_word's stem case, with the stem cached per word
        // (tw.stem is the stem of tw.folded, so the word itself needs no stemming)
        ok = word.starts_with(tw.literal) && (word == tw.folded || s.stem(lang, p.language, s.words[wi]) == tw.stem);
      else
        ok = matches_word(tw, word, nullptr);
      if (ok && p.case_sensitive) ok = doc.slice(s.words[wi].begin, s.words[wi].end) == tw.original;
    }
    if (!ok) continue;
    auto& occ = s.occurrences[hit.id];
    if (occ.empty()) {
      s.touched.push_back(hit.id);
      for (auto sec : compiled_->pattern_sections[hit.id]) s.section_touched[sec] = 1;
    }
    if (!occ.empty() && occ.back().first == first && occ.back().last == last) continue;  // same word twice
    occ.push_back({first, last});
  }

  const bool explain = options_.explain;
  sdk::Json trace_topics = sdk::Json::array();
  std::vector<sdk::Topic> assigned;

  auto span_of = [&](const Occurrence& o) { return std::pair{s.words[o.first].begin, s.words[o.last].end}; };
  auto snippet = [&](sdk::Offset b, sdk::Offset e) { return std::string(doc.slice(b, e)); };

  // Scores one section (terms and combinations), appending evidence/trace.
  struct SectionResult {
    double sum = 0.0;
    std::vector<sdk::Evidence> evidence;
    sdk::Json fired;  // arrays, with explain only
    sdk::Json vetoed;
  };
  // Occurrences of multi-word terms: a term occurrence inside a longer one
  // of the same section ("drug" in "drug trafficking") does not count again.
  std::vector<Occurrence>& phrases = s.phrases;
  std::vector<Occurrence>& kept = s.kept;
  auto score_section = [&](const LanguageRules& lr, SectionResult& out) {
    if (explain && out.fired.is_null()) {
      out.fired = sdk::Json::array();
      out.vetoed = sdk::Json::array();
    }
    phrases.clear();
    for (const WeightedTerm& wt : lr.terms)
      if (rules_.patterns[wt.term.pattern].words.size() > 1)
        for (const auto& o : s.occurrences[wt.term.pattern]) phrases.push_back(o);
    for (const WeightedTerm& wt : lr.terms) {
      const auto& all_occ = s.occurrences[wt.term.pattern];
      if (all_occ.empty()) continue;
      kept.clear();
      for (const auto& o : all_occ) {
        const bool covered = std::any_of(phrases.begin(), phrases.end(), [&](const Occurrence& p) {
          return p.first <= o.first && o.last <= p.last && (p.last - p.first) > (o.last - o.first);
        });
        if (!covered) kept.push_back(o);
      }
      const auto& occ = kept;
      if (occ.empty()) continue;
      const double contribution = wt.weight * repeat_factor(occ.size());
      out.sum += contribution;
      if (wt.weight > 0)
        for (std::size_t i = 0; i < occ.size() && i < kMaxShown; ++i) {
          auto [b, e] = span_of(occ[i]);
          out.evidence.push_back({b, e, wt.term.text, wt.weight});
        }
      if (explain) {
        sdk::Json matches = sdk::Json::array();
        for (std::size_t i = 0; i < occ.size() && i < kMaxShown; ++i) {
          auto [b, e] = span_of(occ[i]);
          matches.push_back(snippet(b, e));
        }
        out.fired.push_back({{"kind", "term"},
                             {"term", wt.term.text},
                             {"language", lr.language},
                             {"weight", wt.weight},
                             {"count", occ.size()},
                             {"contribution", contribution},
                             {"where", wt.term.where},
                             {"matches", std::move(matches)}});
      }
    }
    for (const Combination& c : lr.rules) {
      const bool anchors_from_any = c.all_of.empty();
      const std::vector<TermRef>& anchor_terms = anchors_from_any ? c.any_of : c.all_of.front();
      std::vector<Occurrence>& anchors = s.anchors;
      anchors.clear();
      for (const auto& r : anchor_terms) {
        const auto& occ = s.occurrences[r.pattern];
        anchors.insert(anchors.end(), occ.begin(), occ.end());
      }
      if (anchors.empty()) continue;
      std::sort(anchors.begin(), anchors.end(),
                [](const Occurrence& a, const Occurrence& b) { return a.first < b.first; });
      if (anchors.size() > kMaxAnchors) anchors.resize(kMaxAnchors);
      auto near = [&](const Occurrence& anchor, const TermRef& r, Occurrence* found) {
        for (const auto& o : s.occurrences[r.pattern]) {
          const auto d = o.first > anchor.first ? o.first - anchor.first : anchor.first - o.first;
          if (c.within == 0 || d <= static_cast<std::uint32_t>(c.within)) {
            if (found) *found = o;
            return true;
          }
        }
        return false;
      };
      std::size_t fired = 0;
      auto& spans = s.spans;
      spans.clear();
      for (const Occurrence& anchor : anchors) {
        Occurrence lo = anchor, hi = anchor;
        bool ok = true;
        for (std::size_t g = anchors_from_any ? 0 : 1; g < c.all_of.size() && ok; ++g) {
          bool any = false;
          for (const auto& r : c.all_of[g]) {
            Occurrence o{};
            if (near(anchor, r, &o)) {
              any = true;
              if (o.first < lo.first) lo = o;
              if (o.last > hi.last) hi = o;
              break;
            }
          }
          ok = any;
        }
        if (ok && !c.any_of.empty()) {
          int n = 0;
          for (const auto& r : c.any_of) {
            Occurrence o{};
            if (near(anchor, r, &o)) {
              ++n;
              if (o.first < lo.first) lo = o;
              if (o.last > hi.last) hi = o;
            }
          }
          ok = n >= c.min_any;
        }
        if (!ok) continue;
        const TermRef* veto = nullptr;
        Occurrence veto_at{};
        for (const auto& r : c.none_of)
          if (near(anchor, r, &veto_at)) {
            veto = &r;
            break;
          }
        if (veto) {
          if (explain && out.vetoed.size() < 20) {
            auto [b, e] = span_of(veto_at);
            out.vetoed.push_back({{"rule", c.name},
                                  {"language", lr.language},
                                  {"weight", c.weight},
                                  {"where", c.where},
                                  {"by", veto->text},
                                  {"at", snippet(b, e)}});
          }
          continue;
        }
        ++fired;
        if (spans.size() < kMaxShown) spans.emplace_back(s.words[lo.first].begin, s.words[hi.last].end);
      }
      if (!fired) continue;
      const double contribution = c.weight * repeat_factor(fired);
      out.sum += contribution;
      if (c.weight > 0)
        for (auto [b, e] : spans) out.evidence.push_back({b, e, c.name, c.weight});
      if (explain) {
        sdk::Json matches = sdk::Json::array();
        for (auto [b, e] : spans) matches.push_back(snippet(b, e));
        out.fired.push_back({{"kind", "rule"},
                             {"rule", c.name},
                             {"language", lr.language},
                             {"weight", c.weight},
                             {"count", fired},
                             {"contribution", contribution},
                             {"where", c.where},
                             {"matches", std::move(matches)}});
      }
    }
  };

  std::size_t section_base = 0;
  for (std::size_t t = 0; t < rules_.topics.size(); ++t) {
    const TopicRules& topic = rules_.topics[t];
    const std::size_t n_sections = topic.languages.size();
    bool touched = false;
    for (std::size_t l = 0; l < n_sections; ++l) touched = touched || s.section_touched[section_base + l];
    if (!touched) {
      section_base += n_sections;
      continue;
    }
    const LanguageRules* all = nullptr;
    for (const auto& lr : topic.languages)
      if (lr.language == "all") all = &lr;
    // Best candidate language for this topic.
    SectionResult best;
    std::string best_language;
    double best_threshold = topic.threshold;
    bool have_best = false;
    SectionResult all_result;
    if (all) score_section(*all, all_result);
    auto consider = [&](const LanguageRules* lang_rules, const std::string& language) {
      SectionResult r = all_result;
      if (lang_rules) score_section(*lang_rules, r);
      const double threshold = lang_rules && lang_rules->threshold > 0 ? lang_rules->threshold : topic.threshold;
      if (!have_best || r.sum / threshold > best.sum / best_threshold) {
        best = std::move(r);
        best_language = language;
        best_threshold = threshold;
        have_best = true;
      }
    };
    bool any_language = false;
    for (const auto& language : languages)
      for (const auto& lr : topic.languages)
        if (lr.language == language) {
          consider(&lr, language);
          any_language = true;
        }
    if (!any_language && all) consider(nullptr, "all");
    section_base += n_sections;
    if (!have_best) continue;

    const double score = best.sum > 0 ? 1.0 - std::exp2(-best.sum / best_threshold) : 0.0;
    const bool is_assigned = best.sum >= best_threshold;
    if (is_assigned) {
      std::sort(best.evidence.begin(), best.evidence.end(),
                [](const sdk::Evidence& a, const sdk::Evidence& b) { return a.begin < b.begin; });
      assigned.push_back({topic.label, score, std::move(best.evidence)});
    }
    if (explain && (!best.fired.empty() || !best.vetoed.empty()))
      trace_topics.push_back({{"label", topic.label},
                              {"language", best_language},
                              {"sum", best.sum},
                              {"threshold", best_threshold},
                              {"score", score},
                              {"assigned", is_assigned},
                              {"file", topic.file},
                              {"fired", std::move(best.fired)},
                              {"vetoed", std::move(best.vetoed)}});
  }
  std::stable_sort(assigned.begin(), assigned.end(),
                   [](const sdk::Topic& a, const sdk::Topic& b) { return a.score > b.score; });
  for (auto& t : assigned) doc.topics.push_back(std::move(t));
  if (explain) doc.attributes[options_.component] = {{"languages", languages}, {"topics", std::move(trace_topics)}};
}

}  // namespace vigil::topics
