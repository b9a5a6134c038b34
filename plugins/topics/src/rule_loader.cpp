// Reads topic rule files with toml++ and checks them, reporting every
// problem with file:line:col. The host validates the stage's parameters; the
// rule files are the plugin's own data, so the plugin parses them itself.
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "rule_set.hpp"

namespace vigil::topics {
namespace {

constexpr double kMaxWeight = 10.0;
constexpr int kMaxWithin = 200;

std::string join(const std::vector<std::string>& items, const char* sep = "\n") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

class Loader {
 public:
  explicit Loader(RuleSet& set) : set_(set) {}

  void load(const std::string& name, std::string_view text) {
    file_ = name;
    toml::table root;
    try {
      root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
      error(e.source(), std::string(e.description()));
      return;
    }
    TopicRules topic;
    topic.file = name;
    bool has_topic = false, has_threshold = false;
    for (auto&& [k, node] : root) {
      const std::string key(k.str());
      if (key == "topic") {
        if (auto s = string_of(node, "topic")) {
          topic.label = *s;
          has_topic = true;
          if (topic.label.empty()) error(node.source(), "topic: the label is empty");
        }
      } else if (key == "description") {
        if (auto s = string_of(node, "description")) topic.description = *s;
      } else if (key == "threshold") {
        if (auto v = positive_number(node, "threshold")) {
          topic.threshold = *v;
          has_threshold = true;
        }
      } else if (key == "window") {
        if (auto v = integer_in(node, "window", 1, kMaxWithin)) topic.window = static_cast<int>(*v);
      } else if (node.is_table() && is_language_key(key)) {
        // handled below, once window is known
      } else {
        error(k.source(), "unknown key '" + key +
                              "'; expected topic, description, threshold, window or a language table "
                              "([en], [fr], ..., [all])");
      }
    }
    if (!has_topic) error(root.source(), "missing key 'topic' (the topic's label, e.g. topic = \"terrorism\")");
    if (!has_threshold) error(root.source(), "missing key 'threshold' (the score sum that assigns the topic)");
    for (auto&& [k, node] : root) {
      const std::string key(k.str());
      if (!node.is_table() || !is_language_key(key)) continue;
      topic.languages.push_back(language(key, *node.as_table(), topic));
    }
    if (has_topic) {
      auto [it, inserted] = labels_.emplace(topic.label, name);
      if (!inserted)
        error(root["topic"].node()->source(), "topic '" + topic.label + "' is also defined in " + it->second);
    }
    set_.topics.push_back(std::move(topic));
  }

  std::vector<std::string> errors;

 private:
  static bool is_language_key(const std::string& key) {
    static const std::regex re("[a-z]{2,3}");
    return key == "all" || std::regex_match(key, re);
  }

  std::string where(const toml::source_region& r) const {
    return file_ + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
  }
  void error(const toml::source_region& r, const std::string& message) { errors.push_back(where(r) + ": " + message); }

  std::optional<std::string> string_of(const toml::node& node, const std::string& what) {
    if (auto s = node.value<std::string>()) return s;
    error(node.source(), what + ": expected a string");
    return std::nullopt;
  }
  std::optional<double> positive_number(const toml::node& node, const std::string& what) {
    auto v = node.value<double>();
    if (!v || !(*v > 0.0)) {
      error(node.source(), what + ": expected a number > 0");
      return std::nullopt;
    }
    return v;
  }
  std::optional<std::int64_t> integer_in(const toml::node& node, const std::string& what, std::int64_t lo,
                                         std::int64_t hi) {
    auto v = node.value<std::int64_t>();
    if (!node.is_integer() || !v || *v < lo || *v > hi) {
      error(node.source(), what + ": expected an integer in [" + std::to_string(lo) + "," + std::to_string(hi) + "]");
      return std::nullopt;
    }
    return v;
  }
  std::optional<double> weight_of(const toml::node& node) {
    auto v = node.value<double>();
    if (!node.is_number() || !v) {
      error(node.source(), "weight: expected a number in [-10,10]");
      return std::nullopt;
    }
    if (*v < -kMaxWeight || *v > kMaxWeight || *v == 0.0) {
      std::ostringstream s;
      s << "weight " << *v << " is out of range: expected a non-zero number in [-10,10]";
      error(node.source(), s.str());
      return std::nullopt;
    }
    return v;
  }
  std::optional<bool> bool_of(const toml::node& node, const std::string& what) {
    if (auto b = node.value<bool>(); b && node.is_boolean()) return b;
    error(node.source(), what + ": expected true or false");
    return std::nullopt;
  }

  // A term string at `node`: parsed into a pattern (shared when equal).
  std::optional<TermRef> term(const toml::node& node, const std::string& language, const TermOptions& options) {
    auto s = node.value<std::string>();
    if (!node.is_string() || !s) {
      error(node.source(),
            "expected a term (string), got " + std::string(node.is_array() ? "an array" : "another type"));
      return std::nullopt;
    }
    TermPattern pattern;
    std::string message;
    Stemmer* stemmer = options.stem ? stemmer_for(language) : nullptr;
    if (!parse_term(*s, language, options, stemmer, pattern, message)) {
      error(node.source(), message == "empty term" ? "empty term" : "term '" + *s + "': " + message);
      return std::nullopt;
    }
    const std::string key = pattern.key();
    auto [it, inserted] = pattern_ids_.emplace(key, static_cast<PatternId>(set_.patterns.size()));
    if (inserted) set_.patterns.push_back(std::move(pattern));
    return TermRef{*s, it->second, where(node.source())};
  }

  Stemmer* stemmer_for(const std::string& language) {
    auto& s = stemmers_[language];
    if (!s) s = std::make_unique<Stemmer>(language);
    return s->available() ? s.get() : nullptr;
  }

  std::vector<TermRef> term_list(const toml::node& node, const std::string& what, const std::string& language,
                                 const TermOptions& options) {
    std::vector<TermRef> out;
    const toml::array* arr = node.as_array();
    if (!arr) {
      error(node.source(), what + ": expected a list of terms");
      return out;
    }
    if (arr->empty()) error(node.source(), what + ": the list is empty");
    for (const auto& item : *arr)
      if (auto t = term(item, language, options)) out.push_back(std::move(*t));
    return out;
  }

  LanguageRules language(const std::string& code, const toml::table& table, const TopicRules& topic) {
    LanguageRules lang;
    lang.language = code;
    if (code != "all") set_.languages.push_back(code);
    bool stem = true;
    if (auto n = table.get("stem"))
      if (auto b = bool_of(*n, "stem")) stem = *b;
    std::map<std::string, std::string> seen;  // pattern key -> where, for duplicate terms
    for (auto&& [k, node] : table) {
      const std::string key(k.str());
      if (key == "stem") continue;
      if (key == "threshold") {
        if (auto v = positive_number(node, "threshold")) lang.threshold = *v;
      } else if (key == "terms") {
        for_each_table(node, "terms", [&](const toml::table& group) { term_group(group, code, stem, lang, seen); });
      } else if (key == "rules") {
        for_each_table(node, "rules", [&](const toml::table& rule) { combination(rule, code, stem, topic, lang); });
      } else {
        error(k.source(), "unknown key '" + key + "' in [" + code + "]; expected terms, rules, threshold or stem");
      }
    }
    return lang;
  }

  template <class F>
  void for_each_table(const toml::node& node, const std::string& what, F&& f) {
    const toml::array* arr = node.as_array();
    if (!arr) {
      error(node.source(), what + ": expected an array of tables ([[LANG." + what + "]])");
      return;
    }
    for (const auto& item : *arr) {
      if (const toml::table* t = item.as_table())
        f(*t);
      else
        error(item.source(), what + ": expected a table");
    }
  }

  TermOptions options_of(const toml::table& table, bool stem) {
    TermOptions options;
    options.stem = stem;
    if (auto n = table.get("stem"))
      if (auto b = bool_of(*n, "stem")) options.stem = *b;
    if (auto n = table.get("case"))
      if (auto b = bool_of(*n, "case")) options.case_sensitive = *b;
    return options;
  }

  void term_group(const toml::table& group, const std::string& code, bool stem, LanguageRules& lang,
                  std::map<std::string, std::string>& seen) {
    const TermOptions options = options_of(group, stem);
    std::optional<double> weight;
    const toml::node* terms = nullptr;
    for (auto&& [k, node] : group) {
      const std::string key(k.str());
      if (key == "weight") {
        weight = weight_of(node);
      } else if (key == "terms") {
        terms = &node;
      } else if (key != "stem" && key != "case") {
        error(k.source(), "unknown key '" + key + "' in [[" + code + ".terms]]; expected weight, terms, case or stem");
      }
    }
    if (!group.contains("weight")) error(group.source(), "[[" + code + ".terms]]: missing key 'weight'");
    if (!terms) {
      error(group.source(), "[[" + code + ".terms]]: missing key 'terms'");
      return;
    }
    for (auto& t : term_list(*terms, "terms", code, options)) {
      const std::string key = set_.patterns[t.pattern].key();
      auto [it, inserted] = seen.emplace(key, t.where);
      if (!inserted) {
        errors.push_back(t.where + ": duplicate term '" + t.text + "' in [" + code + "] (same match as the term at " +
                         it->second + ")");
        continue;
      }
      if (weight) lang.terms.push_back({std::move(t), *weight});
    }
  }

  void combination(const toml::table& table, const std::string& code, bool stem, const TopicRules& topic,
                   LanguageRules& lang) {
    const TermOptions options = options_of(table, stem);
    Combination c;
    c.within = topic.window;
    c.where = where(table.source());
    bool has_weight = false;
    for (auto&& [k, node] : table) {
      const std::string key(k.str());
      if (key == "name") {
        if (auto s = string_of(node, "name")) c.name = *s;
      } else if (key == "weight") {
        has_weight = true;
        if (auto w = weight_of(node)) c.weight = *w;
      } else if (key == "all_of") {
        const toml::array* arr = node.as_array();
        if (!arr || arr->empty()) {
          error(node.source(), "all_of: expected a non-empty list of terms or of lists of terms");
          continue;
        }
        for (const auto& item : *arr) {
          if (item.is_array())
            c.all_of.push_back(term_list(item, "all_of", code, options));
          else if (auto t = term(item, code, options))
            c.all_of.push_back({std::move(*t)});
        }
      } else if (key == "any_of") {
        c.any_of = term_list(node, "any_of", code, options);
      } else if (key == "none_of") {
        c.none_of = term_list(node, "none_of", code, options);
      } else if (key == "min_any") {
        if (auto v = integer_in(node, "min_any", 1, 100)) c.min_any = static_cast<int>(*v);
      } else if (key == "within") {
        if (auto v = integer_in(node, "within", 0, kMaxWithin)) c.within = static_cast<int>(*v);
      } else if (key != "stem" && key != "case") {
        error(k.source(), "unknown key '" + key + "' in [[" + code +
                              ".rules]]; expected name, weight, all_of, any_of, min_any, none_of, within, case "
                              "or stem");
      }
    }
    if (!has_weight) error(table.source(), "[[" + code + ".rules]]: missing key 'weight'");
    if (c.all_of.empty() && c.any_of.empty())
      error(table.source(), "[[" + code + ".rules]]: needs all_of or any_of (what the rule looks for)");
    if (!c.any_of.empty() && c.min_any > static_cast<int>(c.any_of.size()))
      error(table.source(), "min_any " + std::to_string(c.min_any) + " is more than the " +
                                std::to_string(c.any_of.size()) + " any_of terms");
    for (auto& g : c.all_of)
      if (g.empty()) c.all_of.clear();  // an invalid group was reported; keep the rule inert
    if (c.name.empty()) {
      std::string n;
      for (const auto& g : c.all_of) {
        n += n.empty() ? "" : " + ";
        n += g.empty() ? "?" : g.front().text + (g.size() > 1 ? "|..." : "");
      }
      if (!c.any_of.empty())
        n += (n.empty() ? "" : " + ") + std::string("any(") + c.any_of.front().text +
             (c.any_of.size() > 1 ? "|..." : "") + ")";
      c.name = n;
    }
    lang.rules.push_back(std::move(c));
  }

  RuleSet& set_;
  std::string file_;
  std::map<std::string, PatternId> pattern_ids_;
  std::map<std::string, std::string> labels_;
  std::map<std::string, std::unique_ptr<Stemmer>> stemmers_;
};

RuleSet finish(RuleSet set, Loader& loader) {
  if (set.topics.empty() && loader.errors.empty()) loader.errors.push_back("no topic rules were given");
  if (!loader.errors.empty()) throw RuleError(loader.errors);
  std::sort(set.languages.begin(), set.languages.end());
  set.languages.erase(std::unique(set.languages.begin(), set.languages.end()), set.languages.end());
  return set;
}

}  // namespace

RuleError::RuleError(std::vector<std::string> messages)
    : std::runtime_error(join(messages)), messages_(std::move(messages)) {}

std::vector<std::filesystem::path> rule_files(const std::vector<std::string>& paths,
                                              const std::filesystem::path& base_dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::vector<std::string> errors;
  if (paths.empty()) errors.push_back("rules: no rule file or folder given");
  for (const auto& p : paths) {
    fs::path path(p);
    if (path.is_relative()) path = base_dir / path;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") found.push_back(entry.path());
      std::sort(found.begin(), found.end());
      if (found.empty()) errors.push_back("rules: no *.toml rule file in folder " + path.string());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, ec)) {
      files.push_back(path);
    } else {
      errors.push_back("rules: no such file or folder: " + path.string());
    }
  }
  if (!errors.empty()) throw RuleError(errors);
  return files;
}

RuleSet load_rules(const std::vector<std::filesystem::path>& files) {
  RuleSet set;
  Loader loader(set);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      loader.errors.push_back(f.string() + ": cannot read the rule file");
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    loader.load(f.string(), buffer.str());
  }
  return finish(std::move(set), loader);
}

RuleSet load_rules_from_strings(const std::vector<std::pair<std::string, std::string>>& name_and_text) {
  RuleSet set;
  Loader loader(set);
  for (const auto& [name, text] : name_and_text) loader.load(name, text);
  return finish(std::move(set), loader);
}

}  // namespace vigil::topics
