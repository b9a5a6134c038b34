#include "corpus_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <utility>

namespace vigil::ner {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kLrm = "\xE2\x80\x8E";  // U+200E LEFT-TO-RIGHT MARK
constexpr std::size_t kSniffBytes = 8192;          // what detect_format sees of a file
constexpr std::size_t kMaxNotes = 50;

// Europeana files have no sentence boundaries: pseudo-sentences are cut after
// ".", "!" or "?", or once this long (at the next token outside an entity).
constexpr std::size_t kSoftSentenceLimit = 120;
// A cut inside an entity only happens at twice the limit (never in these files).
constexpr std::size_t kHardSentenceLimit = 2 * kSoftSentenceLimit;

// ---------------------------------------------------------------- strings

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Trims whitespace and U+200E marks (NewsFANE prefixes every Arabic token with one).
std::string_view trim_marks(std::string_view s) {
  for (;;) {
    const std::string_view before = s;
    s = trim(s);
    while (s.starts_with(kLrm)) s.remove_prefix(kLrm.size());
    while (s.ends_with(kLrm)) s.remove_suffix(kLrm.size());
    if (s.size() == before.size()) return s;
  }
}

// Splits on every `sep`; empty fields are kept.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> fields;
  for (;;) {
    const std::size_t at = s.find(sep);
    fields.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return fields;
    s.remove_prefix(at + 1);
  }
}

// Splits on runs of spaces; no empty fields.
std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> fields;
  for (std::string_view f : split(s, ' '))
    if (!f.empty()) fields.push_back(f);
  return fields;
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
  return out;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_lower_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// ---------------------------------------------------------------- lines

// Iterates over lines, dropping "\n" and a "\r" before it; counts from 1.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    if (line.ends_with('\r')) line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  std::size_t number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
};

// ---------------------------------------------------------------- tokens

// A token as read, before its type is filtered. The IOB repair compares raw
// types, so two adjacent entities whose different fine types share a coarse
// type (HIPE "prod" then "time", both MISC) stay two entities.
struct RawToken {
  std::string form;
  char prefix = 'O';     // 'O', 'B' or 'I'
  std::string raw_type;  // the file's type, normalised per format
  std::string coarse;    // PER, ORG, LOC, MISC, ...; empty: the entity is read as O
  bool space_after = true;
};
using RawSentence = std::vector<RawToken>;

struct IobTag {
  char prefix = 'O';
  std::string_view type;
};

// "O", "B-TYPE" or "I-TYPE" with a non-empty type; anything else is nullopt.
std::optional<IobTag> split_iob(std::string_view tag) {
  if (tag == "O") return IobTag{};
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return std::nullopt;
  return IobTag{tag[0], tag.substr(2)};
}

// Collects sentences and the bookkeeping shared by all formats.
class Reader {
 public:
  Reader(std::string_view name, ReadReport& report) : name_(name), report_(report) {}

  [[noreturn]] void fail(std::size_t line, const std::string& what) const {
    throw CorpusError(std::string(name_), line, what);
  }
  [[noreturn]] void fail_tag(std::size_t line, std::string_view tag, std::string_view expected) const {
    fail(line, "invalid tag '" + std::string(tag) + "' (expected " + std::string(expected) + ")");
  }

  void note(std::size_t line, const std::string& what) {
    if (report_.notes.size() < kMaxNotes)
      report_.notes.push_back(std::string(name_) + ":" + std::to_string(line) + ": " + what);
  }
  ReadReport& report() { return report_; }

  // Adds a token; an empty form (after trimming) is skipped.
  void add(std::string_view form, char prefix, std::string raw_type, std::string coarse, bool space_after = true) {
    if (form.empty()) {
      ++report_.skipped_empty_tokens;
      return;
    }
    current_.push_back(RawToken{std::string(form), prefix, std::move(raw_type), std::move(coarse), space_after});
  }
  const RawToken* last() const { return current_.empty() ? nullptr : &current_.back(); }
  void end_sentence() {
    if (!current_.empty()) {
      if (document_pending_) document_starts_.push_back(sentences_.size());
      document_pending_ = false;
      sentences_.push_back(std::move(current_));
    }
    current_.clear();
  }
  // The next sentence begins a document (the file marks documents).
  void start_document() {
    end_sentence();
    document_pending_ = true;
  }
  std::vector<RawSentence> finish() {
    end_sentence();
    // A file that marks documents only after some sentences: those form the first one.
    if (!document_starts_.empty() && document_starts_.front() != 0)
      document_starts_.insert(document_starts_.begin(), 0);
    return std::move(sentences_);
  }
  const std::vector<std::size_t>& document_starts() const { return document_starts_; }

 private:
  std::string_view name_;
  ReadReport& report_;
  RawSentence current_;
  std::vector<RawSentence> sentences_;
  std::vector<std::size_t> document_starts_;
  bool document_pending_ = false;
};

// ---------------------------------------------------------------- CoNLL, WikiANN

// Fields of a CoNLL line: tab-separated when there is a tab (trailing empty
// fields dropped, so "tok\tO\t" has two), else separated by runs of spaces.
std::vector<std::string_view> conll_fields(std::string_view line, bool& tab_separated) {
  tab_separated = line.find('\t') != std::string_view::npos;
  if (!tab_separated) return split_spaces(line);
  std::vector<std::string_view> fields = split(line, '\t');
  for (auto& f : fields) f = trim(f);
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

// Strips the WikiANN language prefix ("fr:Paris" -> "Paris").
std::string_view strip_language_prefix(Reader& r, std::size_t line, std::string_view form) {
  const std::size_t colon = form.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 3 || !is_lower_letters(form.substr(0, colon)))
    r.fail(line, "token '" + std::string(form) + "' has no language prefix like 'fr:'");
  return form.substr(colon + 1);
}

void parse_conll(std::string_view text, Reader& r, bool language_prefixed) {
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    bool tabs = false;
    const std::vector<std::string_view> f = conll_fields(line, tabs);
    if (f.empty()) {
      r.end_sentence();
      continue;
    }
    if (f.size() < 2) r.fail(lines.number(), "expected a token and a tag, got '" + std::string(trim(line)) + "'");
    // "idx<TAB>token<TAB>tag" (Babelscape); otherwise the token comes first
    // and the tag last ("token tag", "token POS tag", "token POS chunk tag").
    const bool indexed = tabs && f.size() == 3 && is_digits(f[0]);
    std::string_view form = trim(indexed ? f[1] : f[0]);
    if (form == "-DOCSTART-") {
      r.start_document();
      continue;
    }
    if (language_prefixed) form = strip_language_prefix(r, lines.number(), form);
    const auto tag = split_iob(f.back());
    if (!tag) r.fail_tag(lines.number(), f.back(), "O, B-TYPE or I-TYPE");
    r.add(trim(form), tag->prefix, std::string(tag->type), std::string(tag->type));
  }
}

// ---------------------------------------------------------------- GermEval 2014

// GermEval's OTH is MISC; "*deriv" (deutsche) and "*part" (Rheinland-Pfalz-weit)
// mark words derived from or containing a name, not names: read as O.
std::optional<std::string> germeval_coarse(std::string_view type) {
  std::string_view base = type;
  const bool derived = base.ends_with("deriv") || base.ends_with("part");
  if (derived) base.remove_suffix(base.ends_with("deriv") ? 5 : 4);
  if (base != "PER" && base != "ORG" && base != "LOC" && base != "OTH") return std::nullopt;
  if (derived) return std::string();
  return base == "OTH" ? std::string("MISC") : std::string(base);
}

void parse_germeval(std::string_view text, Reader& r) {
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    // "#<TAB>url [date]" starts each sentence; a token line starts with its index.
    if (trim(line).empty() || line.starts_with('#')) {
      r.end_sentence();
      continue;
    }
    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() < 3) r.fail(lines.number(), "expected 'index<TAB>token<TAB>outer tag<TAB>nested tag'");
    const std::string_view tag_text = trim(f[2]);  // the outer (top-level) annotation
    const auto tag = split_iob(tag_text);
    const auto coarse = tag ? germeval_coarse(tag->type) : std::nullopt;
    if (!tag || (tag->prefix != 'O' && !coarse))
      r.fail_tag(lines.number(), tag_text, "O or B-/I- with PER, ORG, LOC, OTH, optionally + deriv/part");
    r.add(trim(f[1]), tag->prefix, std::string(tag->type), coarse.value_or(""));
  }
}

// ---------------------------------------------------------------- HIPE-2022

// Coarse types of the HIPE datasets: hipe2020 and letemps write pers, loc,
// org, prod, time; newseye and sonar write PER, LOC, ORG, HumanProd.
std::optional<std::string> hipe_coarse(std::string_view type) {
  const std::string t = to_lower(type);
  if (t == "pers" || t == "per") return "PER";
  if (t == "loc") return "LOC";
  if (t == "org") return "ORG";
  if (t == "prod" || t == "humanprod" || t == "time" || t == "other") return "MISC";
  return std::nullopt;
}

struct HipeColumns {
  std::size_t tag = 1;                        // NE-COARSE-LIT
  std::size_t misc = std::string_view::npos;  // MISC; npos: the last column
};

HipeColumns hipe_header_columns(const std::vector<std::string_view>& header) {
  HipeColumns c;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (trim(header[i]) == "NE-COARSE-LIT") c.tag = i;
    if (trim(header[i]) == "MISC") c.misc = i;
  }
  return c;
}

struct HipeState {
  HipeColumns columns;
  bool end_pending = false;  // the previous token was marked EndOfSentence
};

// HIPE's EndOfSentence marks come from an automatic splitter that also fires
// on the period of an initial or abbreviation inside a name ("J . Stump",
// "Oberst . Kan"; 1-5% of the hipe2020 and letemps entities). A sentence end
// followed by a token continuing the entity is ignored rather than cutting
// the entity in two.
void end_hipe_sentence_before(Reader& r, HipeState& state, char prefix, const std::string& raw_type) {
  if (!state.end_pending) return;
  state.end_pending = false;
  const RawToken* last = r.last();
  if (prefix == 'I' && last && last->prefix != 'O' && last->raw_type == raw_type) {
    ++r.report().joined_sentences;
    return;
  }
  r.end_sentence();
}

void add_hipe_token(Reader& r, std::size_t line_number, const std::vector<std::string_view>& f, HipeState& state) {
  const HipeColumns c = state.columns;
  const std::size_t misc = c.misc == std::string_view::npos ? f.size() - 1 : c.misc;
  if (f.size() <= std::max(c.tag, misc))
    r.fail(line_number, "expected at least " + std::to_string(std::max(c.tag, misc) + 1) + " tab-separated columns");
  const std::string_view tag_text = trim(f[c.tag]);
  auto tag = split_iob(tag_text == "_" ? "O" : tag_text);  // "_": column not annotated
  const auto coarse = tag ? hipe_coarse(tag->type) : std::nullopt;
  if (!tag || (tag->prefix != 'O' && !coarse))
    r.fail_tag(line_number, tag_text, "O, _ or B-/I- with PER(S), LOC, ORG, PROD, HumanProd, TIME");
  std::string raw_type = to_lower(tag->type);
  end_hipe_sentence_before(r, state, tag->prefix, raw_type);
  // NoSpaceAfter: the text has no space there ("Saint-Pierre", "l’Etat"),
  // which the stage's rules read (a hyphen between words).
  r.add(trim(f[0]), tag->prefix, std::move(raw_type), coarse.value_or(""),
        f[misc].find("NoSpaceAfter") == std::string_view::npos);
  if (f[misc].find("EndOfSentence") != std::string_view::npos) state.end_pending = true;
}

void parse_hipe(std::string_view text, Reader& r) {
  LineReader lines(text);
  std::string_view line;
  HipeState state;
  while (lines.next(line)) {
    // Comments ("# hipe2022:document_id = ...") have no tab; a token may be "#".
    const bool comment = line.starts_with('#') && line.find('\t') == std::string_view::npos;
    if (trim(line).empty() || comment) {
      // Blank lines and comments only occur between documents; the document
      // id comment opens one.
      if (comment && line.find("document_id") != std::string_view::npos)
        r.start_document();
      else
        r.end_sentence();
      state.end_pending = false;
      continue;
    }
    const std::vector<std::string_view> f = split(line, '\t');
    if (f[0] == "TOKEN" && line.find("NE-COARSE-LIT") != std::string_view::npos) {
      state.columns = hipe_header_columns(f);
      continue;
    }
    add_hipe_token(r, lines.number(), f, state);
  }
}

// ---------------------------------------------------------------- Europeana

constexpr std::array<std::string_view, 4> kEuropeanaTypes = {"PER", "ORG", "LOC", "MISC"};

// True when a and b differ by at most one insertion, deletion or substitution.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size())) == b.substr(i + (i < b.size()));
  return a.substr(i) == b.substr(i + 1);
}

// The type a damaged Europeana type stands for: a known type one edit away
// (ER, BER -> PER; OLOC -> LOC) if exactly one is, else a known type it
// starts with (LOCer -> LOC); empty when neither.
std::string guess_europeana_type(const std::string& upper) {
  std::string found;
  int candidates = 0;
  for (std::string_view t : kEuropeanaTypes)
    if (within_one_edit(upper, t)) {
      found = t;
      ++candidates;
    }
  if (candidates == 1) return found;
  for (std::string_view t : kEuropeanaTypes)
    if (upper.starts_with(t)) return std::string(t);
  return {};
}

struct EuropeanaTag {
  char prefix = 'O';
  std::string type;
  bool repaired = false;
};

// Reads a tag of the Europeana files, which contain a few hand-typing slips
// (DE sbb: B-PEr, I-PEr, B-ORg, B_PER, I_ORG, B.PER, B-OLOC, B-LOCer, B-ER;
// DE lft: B-BER). Prefix letter and type are read case-insensitively, "_"
// and "." are accepted for "-", and an unknown type is mapped by
// guess_europeana_type. nullopt: not a tag at all ("???", "v").
std::optional<EuropeanaTag> read_europeana_tag(std::string_view tag) {
  if (tag == "O") return EuropeanaTag{};
  if (tag.size() < 3) return std::nullopt;
  const char prefix = ascii_upper(tag[0]);
  const char sep = tag[1];
  if ((prefix != 'B' && prefix != 'I') || (sep != '-' && sep != '_' && sep != '.')) return std::nullopt;
  const std::string upper = to_upper(tag.substr(2));
  const bool known = std::find(kEuropeanaTypes.begin(), kEuropeanaTypes.end(), upper) != kEuropeanaTypes.end();
  std::string type = known ? upper : guess_europeana_type(upper);
  if (type.empty()) return std::nullopt;
  const bool repaired = tag != std::string(1, prefix) + "-" + type;
  return EuropeanaTag{prefix, std::move(type), repaired};
}

// "# file:<TAB><TAB>F_SBB_...", "# sbb url:<TAB>..." (DE sbb) separate
// newspaper pages; "# O" is the token "#".
bool is_europeana_metadata(std::string_view line) {
  const std::size_t tab = line.find('\t');
  return line.starts_with("# ") && tab != std::string_view::npos && trim(line.substr(0, tab)).ends_with(':');
}

// A line is "token tag"; a token may contain spaces (DE sbb "New York B-LOC"),
// so the tag is what follows the last space. Lines that are not recoverable
// are read as O and counted.
void add_europeana_line(Reader& r, std::size_t line_number, std::string_view line) {
  const std::size_t space = line.find_last_of(" \t");
  if (space == std::string_view::npos) {
    ++r.report().untagged_tokens;
    r.note(line_number, "no tag after '" + std::string(line) + "', read as O");
    r.add(line, 'O', "", "");
    return;
  }
  const std::string_view form = trim(line.substr(0, space));
  const std::string_view tag_text = line.substr(space + 1);
  const auto tag = read_europeana_tag(tag_text);
  if (!tag) {
    ++r.report().invalid_tags;
    r.note(line_number, "invalid tag '" + std::string(tag_text) + "', read as O");
    r.add(form, 'O', "", "");
    return;
  }
  if (tag->repaired) {
    ++r.report().repaired_tags;
    r.note(line_number, "tag '" + std::string(tag_text) + "' read as " + tag->prefix + "-" + tag->type);
  }
  r.add(form, tag->prefix, tag->type, tag->type);
}

void parse_europeana(std::string_view text, Reader& r) {
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    if (trim(line).empty() || is_europeana_metadata(line)) {
      r.end_sentence();  // each run of tokens is split into pseudo-sentences later
      continue;
    }
    add_europeana_line(r, lines.number(), trim(line));
  }
}

bool ends_sentence(std::string_view form) {
  return form == "." || form == "!" || form == "?";
}

// Cuts each run of Europeana tokens into pseudo-sentences (see kSoftSentenceLimit).
// Runs after the IOB repair, so an entity continues exactly where the next tag is I-.
std::vector<RawSentence> split_pseudo_sentences(std::vector<RawSentence> runs, ReadReport& report) {
  std::vector<RawSentence> out;
  for (RawSentence& run : runs) {
    RawSentence current;
    for (std::size_t i = 0; i < run.size(); ++i) {
      const bool at_punct = ends_sentence(run[i].form);
      current.push_back(std::move(run[i]));
      const bool inside_entity = i + 1 < run.size() && run[i + 1].prefix == 'I';
      const bool cut = (!inside_entity && (at_punct || current.size() >= kSoftSentenceLimit)) ||
                       current.size() >= kHardSentenceLimit;
      if (!cut) continue;
      if (!at_punct || inside_entity) ++report.forced_splits;
      out.push_back(std::move(current));
      current.clear();
    }
    if (!current.empty()) out.push_back(std::move(current));
  }
  return out;
}

// ---------------------------------------------------------------- NewsFANE Gold

// The 50-class two-level taxonomy of Alotaibi & Lee (COLING 2014), derived
// from ACE 2005, collapsed to Vigil's four types. GPE and FAC count as LOC
// (CoNLL practice: cities, countries and buildings are locations); vehicles
// (Air, Land, Water), weapons (Projectile, Shooting) and products (Book,
// Movie, Software, Hardware, Food, Drug) are MISC. Every class that occurs in
// NewsFANE_Gold_2014_170K.txt is listed (45); Address, Boundary and Special
// are taxonomy classes absent from that file. A class not in this table is a
// reading error, so a new file cannot be mapped silently.
struct FineClass {
  std::string_view fine;
  std::string_view coarse;
};
constexpr std::array<FineClass, 48> kNewsFaneClasses = {{
    // PER
    {"Politician", "PER"},
    {"Athlete", "PER"},
    {"Businessperson", "PER"},
    {"Artist", "PER"},
    {"Scientist", "PER"},
    {"Police", "PER"},
    {"Religious_PER", "PER"},
    {"Engineer", "PER"},
    {"Group", "PER"},
    {"Lawyer", "PER"},
    {"Other_PER", "PER"},
    // ORG
    {"Government", "ORG"},
    {"Non-Governmental", "ORG"},
    {"Commercial", "ORG"},
    {"Educational", "ORG"},
    {"Media", "ORG"},
    {"Religious_ORG", "ORG"},
    {"Sports", "ORG"},
    {"Medical-Science", "ORG"},
    {"Entertainment", "ORG"},
    // GPE
    {"Nation", "LOC"},
    {"Population-Center", "LOC"},
    {"State-or-Province", "LOC"},
    {"County-or-District", "LOC"},
    {"GPE-Cluster", "LOC"},
    {"Continent", "LOC"},
    {"Special", "LOC"},
    // LOC
    {"Water-Body", "LOC"},
    {"Land-Region-Natural", "LOC"},
    {"Celestial", "LOC"},
    {"Address", "LOC"},
    {"Boundary", "LOC"},
    // FAC
    {"Building-Grounds", "LOC"},
    {"Airport", "LOC"},
    {"Path", "LOC"},
    {"Subarea-Facility", "LOC"},
    {"Plant", "LOC"},
    // VEH (Land: cars such as Range Rover, Hummer; not land regions)
    {"Air", "MISC"},
    {"Land", "MISC"},
    {"Water", "MISC"},
    // WEA
    {"Projectile", "MISC"},
    {"Shooting", "MISC"},
    // PRO
    {"Book", "MISC"},
    {"Movie", "MISC"},
    {"Software", "MISC"},
    {"Hardware", "MISC"},
    {"Food", "MISC"},
    {"Drug", "MISC"},
}};

std::optional<std::string> newsfane_coarse(std::string_view fine) {
  for (const FineClass& c : kNewsFaneClasses)
    if (c.fine == fine) return std::string(c.coarse);
  return std::nullopt;
}

bool is_newsfane_class(std::string_view fine) {
  return newsfane_coarse(fine).has_value();
}

void parse_newsfane(std::string_view text, Reader& r) {
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    if (trim(line).empty()) {  // a lone TAB (or an empty line) ends a sentence
      r.end_sentence();
      continue;
    }
    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != 2) r.fail(lines.number(), "expected 'token<TAB>tag'");
    const std::string_view tag_text = trim(f[1]);
    const auto tag = split_iob(tag_text);
    const auto coarse = tag ? newsfane_coarse(tag->type) : std::nullopt;
    if (!tag || (tag->prefix != 'O' && !coarse))
      r.fail_tag(lines.number(), tag_text, "O or B-/I- with a NewsFANE class such as Nation or Politician");
    r.add(trim_marks(f[0]), tag->prefix, std::string(tag->type), coarse.value_or(""));
  }
}

// ---------------------------------------------------------------- normalisation

// IOB1 -> IOB2 (and broken IOB2): an I-X that does not continue an X chunk starts one.
void repair_iob(RawSentence& sentence, ReadReport& report) {
  const RawToken* previous = nullptr;
  for (RawToken& t : sentence) {
    const bool continues = previous && previous->prefix != 'O' && previous->raw_type == t.raw_type;
    if (t.prefix == 'I' && !continues) {
      t.prefix = 'B';
      ++report.iob_repairs;
    }
    previous = &t;
  }
}

LabeledSentence to_labeled(RawSentence& sentence, const std::vector<std::string>& types) {
  LabeledSentence out;
  out.reserve(sentence.size());
  for (RawToken& t : sentence) {
    const bool kept =
        t.prefix != 'O' && !t.coarse.empty() && std::find(types.begin(), types.end(), t.coarse) != types.end();
    out.push_back(
        LabeledToken{std::move(t.form), kept ? std::string(1, t.prefix) + "-" + t.coarse : "O", t.space_after});
  }
  return out;
}

std::vector<RawSentence> parse_raw(std::string_view text, CorpusFormat format, Reader& r) {
  switch (format) {
    case CorpusFormat::germeval: parse_germeval(text, r); break;
    case CorpusFormat::hipe: parse_hipe(text, r); break;
    case CorpusFormat::europeana: parse_europeana(text, r); break;
    case CorpusFormat::newsfane: parse_newsfane(text, r); break;
    case CorpusFormat::wikiann_prefixed: parse_conll(text, r, true); break;
    case CorpusFormat::conll:
    case CorpusFormat::automatic: parse_conll(text, r, false); break;
  }
  return r.finish();
}

void validate_parts(int from, int to, int parts) {
  if (parts < 0 || (parts > 0 && (from < 1 || from > to || to > parts)))
    throw std::invalid_argument("invalid part selection " + std::to_string(from) + "-" + std::to_string(to) + "/" +
                                std::to_string(parts) + ": need 1 <= from <= to <= parts");
}

void merge_report(ReadReport& into, ReadReport&& from) {
  into.skipped_empty_tokens += from.skipped_empty_tokens;
  into.iob_repairs += from.iob_repairs;
  into.repaired_tags += from.repaired_tags;
  into.invalid_tags += from.invalid_tags;
  into.untagged_tokens += from.untagged_tokens;
  into.forced_splits += from.forced_splits;
  into.joined_sentences += from.joined_sentences;
  for (std::string& n : from.notes)
    if (into.notes.size() < kMaxNotes) into.notes.push_back(std::move(n));
}

// ---------------------------------------------------------------- format detection

// Facts about the first lines of a sample that tell the formats apart.
struct SampleShape {
  std::size_t token_lines = 0;
  std::size_t prefixed = 0;  // first field looks like "fr:token"
  bool blank_line = false;
  bool tab = false;
  bool fine_class = false;  // a NewsFANE class such as B-Nation
};

bool has_language_prefix(std::string_view field) {
  const std::size_t colon = field.find(':');
  return colon != std::string_view::npos && colon >= 2 && colon <= 3 && colon + 1 < field.size() &&
         is_lower_letters(field.substr(0, colon));
}

SampleShape sample_shape(std::string_view sample) {
  // The last line of a sample may be cut short: leave it out.
  const std::size_t last_newline = sample.rfind('\n');
  sample = last_newline == std::string_view::npos ? std::string_view() : sample.substr(0, last_newline + 1);
  SampleShape s;
  LineReader lines(sample);
  std::string_view line;
  while (lines.next(line)) {
    if (trim(line).empty()) {
      s.blank_line = true;
      continue;
    }
    bool tabs = false;
    const std::vector<std::string_view> f = conll_fields(line, tabs);
    s.tab = s.tab || tabs;
    ++s.token_lines;
    if (has_language_prefix(f.front())) ++s.prefixed;
    if (const auto tag = split_iob(f.back()); tag && tag->prefix != 'O' && is_newsfane_class(tag->type))
      s.fine_class = true;
  }
  return s;
}

// ---------------------------------------------------------------- Mac-Cyrillic

// Python's mac_cyrillic code page: the Unicode code point of each byte
// 0x80..0xFF, i.e. [ord(bytes([b]).decode("mac_cyrillic")) for b in range(128, 256)].
constexpr std::array<char16_t, 128> kMacCyrillicHigh = {
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C,
    0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429,
    0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x2020, 0x00B0, 0x0490, 0x00A3, 0x00A7, 0x2022, 0x00B6,
    0x0406, 0x00AE, 0x00A9, 0x2122, 0x0402, 0x0452, 0x2260, 0x0403, 0x0453, 0x221E, 0x00B1, 0x2264, 0x2265,
    0x0456, 0x00B5, 0x0491, 0x0408, 0x0404, 0x0454, 0x0407, 0x0457, 0x0409, 0x0459, 0x040A, 0x045A, 0x0458,
    0x0405, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x040B, 0x045B, 0x040C,
    0x045C, 0x0455, 0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x201E, 0x040E, 0x045E, 0x040F,
    0x045F, 0x2116, 0x0401, 0x0451, 0x044F, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444,
    0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x20AC,
};

// The byte a code point had in Mac-Cyrillic, if it is one of the upper 128.
std::optional<unsigned char> mac_cyrillic_byte(char32_t cp) {
  using Entry = std::pair<char32_t, unsigned char>;
  static const std::vector<Entry> by_code_point = [] {
    std::vector<Entry> v;
    for (std::size_t i = 0; i < kMacCyrillicHigh.size(); ++i)
      v.emplace_back(kMacCyrillicHigh[i], static_cast<unsigned char>(0x80 + i));
    std::sort(v.begin(), v.end());
    return v;
  }();
  const auto it = std::lower_bound(by_code_point.begin(), by_code_point.end(), Entry{cp, 0});
  if (it == by_code_point.end() || it->first != cp) return std::nullopt;
  return it->second;
}

// Decodes the UTF-8 sequence at s[i]; length 0 when it is not valid UTF-8.
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  const std::size_t length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return {0, 0};
  char32_t cp = length == 1 ? b0 : b0 & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, length};
}

}  // namespace

// ---------------------------------------------------------------- public

CorpusError::CorpusError(std::string file_name, std::size_t line_number, const std::string& what)
    : std::runtime_error(file_name + (line_number > 0 ? ":" + std::to_string(line_number) : "") + ": " + what),
      file(std::move(file_name)),
      line(line_number) {}

std::string repair_mac_cyrillic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, length] = decode_utf8(text, i);
    const auto byte = length > 1 ? mac_cyrillic_byte(cp) : std::nullopt;
    if (byte) {
      // The Latin-1 character with that byte's value, as UTF-8 (U+0080..U+00FF).
      out.push_back(static_cast<char>(0xC0 | (*byte >> 6)));
      out.push_back(static_cast<char>(0x80 | (*byte & 0x3F)));
    } else {
      out.append(text.substr(i, std::max<std::size_t>(length, 1)));
    }
    i += std::max<std::size_t>(length, 1);
  }
  return out;
}

const char* format_name(CorpusFormat format) {
  switch (format) {
    case CorpusFormat::automatic: return "auto";
    case CorpusFormat::conll: return "conll";
    case CorpusFormat::germeval: return "germeval";
    case CorpusFormat::hipe: return "hipe";
    case CorpusFormat::europeana: return "europeana";
    case CorpusFormat::newsfane: return "newsfane";
    case CorpusFormat::wikiann_prefixed: return "wikiann_prefixed";
  }
  return "unknown";
}

std::optional<CorpusFormat> parse_format_name(std::string_view name) {
  const std::string n = to_lower(name);
  if (n == "automatic") return CorpusFormat::automatic;
  for (CorpusFormat f : {CorpusFormat::automatic, CorpusFormat::conll, CorpusFormat::germeval, CorpusFormat::hipe,
                         CorpusFormat::europeana, CorpusFormat::newsfane, CorpusFormat::wikiann_prefixed})
    if (n == format_name(f)) return f;
  return std::nullopt;
}

CorpusFormat detect_format(const std::filesystem::path& path, std::string_view first_bytes) {
  if (to_lower(path.extension().string()) == ".bio") return CorpusFormat::europeana;
  const bool marks = first_bytes.starts_with(kBom) || first_bytes.find(kLrm) != std::string_view::npos;
  if (first_bytes.starts_with(kBom)) first_bytes.remove_prefix(kBom.size());
  if (first_bytes.starts_with("TOKEN\tNE-COARSE-LIT")) return CorpusFormat::hipe;
  if (first_bytes.starts_with("#\t")) return CorpusFormat::germeval;
  if (first_bytes.starts_with("# file:")) return CorpusFormat::europeana;  // Europeana page metadata
  const SampleShape s = sample_shape(first_bytes);
  if (s.token_lines > 0 && s.prefixed == s.token_lines) return CorpusFormat::wikiann_prefixed;
  if (s.token_lines > 0 && (marks || s.fine_class)) return CorpusFormat::newsfane;
  // Space-separated "token tag" lines with no sentence break in a long sample.
  if (!s.tab && !s.blank_line && s.token_lines >= 100) return CorpusFormat::europeana;
  return CorpusFormat::conll;
}

namespace {

// Sentence s (0-based) of n is in part floor(s * parts / n) + 1.
bool in_parts(std::uint64_t s, std::uint64_t n, int from, int to, int parts) {
  const auto part = static_cast<int>(s * static_cast<std::uint64_t>(parts) / n) + 1;
  return part >= from && part <= to;
}

}  // namespace

std::vector<LabeledSentence> select_parts(std::vector<LabeledSentence> sentences, int from, int to, int parts) {
  validate_parts(from, to, parts);
  if (parts == 0) return sentences;
  const auto n = static_cast<std::uint64_t>(sentences.size());
  std::vector<LabeledSentence> kept;
  for (std::uint64_t s = 0; s < n; ++s)
    if (in_parts(s, n, from, to, parts)) kept.push_back(std::move(sentences[s]));
  return kept;
}

std::vector<LabeledSentence> parse_corpus(std::string_view text, CorpusFormat format, const ReadOptions& options,
                                          std::string_view name_for_errors, ReadReport* report) {
  validate_parts(options.part_from, options.part_to, options.parts);
  std::string repaired;
  if (options.repair_mac_cyrillic) {
    repaired = repair_mac_cyrillic(text);
    text = repaired;
  }
  if (format == CorpusFormat::automatic) format = detect_format({}, text.substr(0, kSniffBytes));
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());

  ReadReport local;
  Reader reader(name_for_errors, local);
  std::vector<RawSentence> raw = parse_raw(text, format, reader);
  for (RawSentence& s : raw) repair_iob(s, local);
  if (format == CorpusFormat::europeana) {
    raw = split_pseudo_sentences(std::move(raw), local);  // (Europeana marks no documents)
    for (RawSentence& s : raw) repair_iob(s, local);      // only changes anything after a hard cut
  }
  std::vector<LabeledSentence> sentences;
  sentences.reserve(raw.size());
  for (RawSentence& s : raw) sentences.push_back(to_labeled(s, options.types));
  if (report) {
    // The document starts, renumbered within the selected parts (contiguous).
    std::vector<std::size_t> starts;
    const auto n = static_cast<std::uint64_t>(sentences.size());
    std::size_t first_kept = 0;
    if (options.parts > 0)
      while (first_kept < n && !in_parts(first_kept, n, options.part_from, options.part_to, options.parts))
        ++first_kept;
    for (std::size_t s : reader.document_starts())
      if (s >= first_kept && (options.parts == 0 || in_parts(s, n, options.part_from, options.part_to, options.parts)))
        starts.push_back(s - first_kept);
    if (!reader.document_starts().empty() && (starts.empty() || starts.front() != 0)) starts.insert(starts.begin(), 0);
    merge_report(*report, std::move(local));
    report->document_starts = std::move(starts);
  }
  return select_parts(std::move(sentences), options.part_from, options.part_to, options.parts);
}

std::vector<LabeledSentence> read_corpus(const std::filesystem::path& path, const ReadOptions& options,
                                         ReadReport* report) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw CorpusError(path.string(), 0, "is a directory, not a corpus file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(path.string(), 0, "cannot open file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw CorpusError(path.string(), 0, "read error");
  CorpusFormat format = options.format;
  if (format == CorpusFormat::automatic) format = detect_format(path, std::string_view(text).substr(0, kSniffBytes));
  return parse_corpus(text, format, options, path.string(), report);
}

std::vector<LabeledSentence> read_corpus(const CorpusSpec& spec, ReadOptions options, ReadReport* report) {
  options.part_from = spec.part_from;
  options.part_to = spec.part_to;
  options.parts = spec.parts;
  return read_corpus(spec.path, options, report);
}

namespace {

// A positive integer filling all of `s`.
std::optional<int> parse_positive(std::string_view s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < 1) return std::nullopt;
  return value;
}

[[noreturn]] void bad_spec(std::string_view spec, const std::string& why) {
  throw std::invalid_argument("corpus spec '" + std::string(spec) + "': " + why);
}

}  // namespace

CorpusSpec parse_corpus_spec(std::string_view spec) {
  if (spec.empty()) throw std::invalid_argument("empty corpus spec");
  const std::size_t hash = spec.rfind('#');
  if (hash == std::string_view::npos) return CorpusSpec{std::filesystem::path(spec)};
  if (hash == 0) bad_spec(spec, "no path before '#'");
  const std::string_view selector = spec.substr(hash + 1);
  const std::string usage = "expected PATH#PART/PARTS or PATH#FROM-TO/PARTS, e.g. train.tsv#3/6 or train.tsv#1-5/6";
  const std::size_t slash = selector.find('/');
  if (slash == std::string_view::npos) bad_spec(spec, usage);
  const std::string_view range = selector.substr(0, slash);
  const std::size_t dash = range.find('-');
  const auto from = parse_positive(range.substr(0, dash));
  const auto to = dash == std::string_view::npos ? from : parse_positive(range.substr(dash + 1));
  const auto parts = parse_positive(selector.substr(slash + 1));
  if (!from || !to || !parts) bad_spec(spec, usage);
  if (*from > *to || *to > *parts)
    bad_spec(spec, "parts " + std::string(range) + " are not within 1-" + std::to_string(*parts) + " in order");
  return CorpusSpec{std::filesystem::path(spec.substr(0, hash)), *from, *to, *parts};
}

}  // namespace vigil::ner
