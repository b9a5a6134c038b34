#include "vigil/core/param_validation.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "vigil/core/document_json.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_config.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::ParamSpec;
using sdk::ParamType;
using sdk::ParamValue;

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Double quotes, JSON escapes: how people write strings in messages.
std::string quote(const std::string& s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string render_node(const toml::node& node) {
  std::ostringstream out;
  node.visit([&](const auto& n) {
    if constexpr (toml::is_table<decltype(n)>)
      out << "a table";
    else if constexpr (toml::is_string<decltype(n)>)
      out << quote(n.get());
    else
      out << n;
  });
  std::string s = out.str();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

bool is_command_line(const toml::node& node) {
  const auto& p = node.source().path;
  return p && p->rfind("--", 0) == 0;
}

class Validator {
 public:
  explicit Validator(const ValidationTarget& t) : t_(t) {}

  std::string where(const toml::node& node) const {
    return describe_origin(node.source().path ? node.source() : t_.where);
  }
  void error(const std::string& at, const std::string& message) {
    errors_.push_back(at + ": [" + t_.section + "] " + message);
  }

  std::string resolve_path(const std::string& value, const toml::node& node) const {
    if (value.empty() || value == "-") return value;
    fs::path p(value);
    if (p.is_absolute()) return p.lexically_normal().string();
    std::error_code ec;
    fs::path base = is_command_line(node) ? fs::current_path(ec) : t_.base_dir;
    return (base / p).lexically_normal().string();
  }

  std::optional<ParamValue> convert(const ParamSpec& spec, const toml::node& node) {
    auto wrong = [&]() -> std::optional<ParamValue> {
      std::string hint;
      if (is_command_line(node) && (spec.type == ParamType::string || spec.type == ParamType::path))
        hint = " (quote it: --set 'KEY=\"VALUE\"')";
      error(where(node), spec.key + ": expected " + describe_expected(spec) + ", got " + render_node(node) + hint);
      return std::nullopt;
    };
    auto check_range = [&](double v) {
      if ((spec.min && v < *spec.min) || (spec.max && v > *spec.max)) {
        error(where(node), spec.key + ": expected " + describe_expected(spec) + ", got " + render_node(node));
        return false;
      }
      return true;
    };
    auto check_choice = [&](const std::string& v, const toml::node& at) {
      if (spec.choices.empty() || std::find(spec.choices.begin(), spec.choices.end(), v) != spec.choices.end())
        return true;
      std::string suggestion = did_you_mean(v, spec.choices);
      error(where(at), spec.key + ": expected " + describe_expected(spec) + ", got " + quote(v) +
                           (suggestion.empty() ? "" : "; did you mean " + quote(suggestion) + "?"));
      return false;
    };
    auto string_table = [&](bool paths) -> std::optional<ParamValue> {
      const toml::table* tbl = node.as_table();
      if (!tbl) return wrong();
      sdk::StringMap m;
      bool ok = true;
      for (const auto& [k, v] : *tbl) {
        if (!v.is_string()) {
          error(where(v), spec.key + "." + std::string(k.str()) + ": expected a string, got " + render_node(v));
          ok = false;
          continue;
        }
        std::string s = *v.value<std::string>();
        m.emplace(std::string(k.str()), paths ? resolve_path(s, v) : s);
      }
      return ok ? std::optional<ParamValue>(std::move(m)) : std::nullopt;
    };

    switch (spec.type) {
      case ParamType::boolean:
        if (!node.is_boolean()) return wrong();
        return ParamValue{*node.value<bool>()};
      case ParamType::integer: {
        if (!node.is_integer()) return wrong();
        auto v = *node.value<std::int64_t>();
        if (!check_range(static_cast<double>(v))) return std::nullopt;
        return ParamValue{v};
      }
      case ParamType::floating: {
        if (!node.is_number()) return wrong();
        double v = *node.value<double>();
        if (std::isnan(v) || !check_range(v)) return std::nullopt;
        return ParamValue{v};
      }
      case ParamType::string: {
        if (!node.is_string()) return wrong();
        std::string v = *node.value<std::string>();
        if (!check_choice(v, node)) return std::nullopt;
        return ParamValue{std::move(v)};
      }
      case ParamType::path: {
        if (!node.is_string()) return wrong();
        return ParamValue{resolve_path(*node.value<std::string>(), node)};
      }
      case ParamType::string_list: {
        const toml::array* arr = node.as_array();
        if (!arr) return wrong();
        sdk::StringList list;
        bool ok = true;
        for (const auto& item : *arr) {
          if (!item.is_string()) {
            error(where(item), spec.key + ": expected " + describe_expected(spec) + ", got an item " + render_node(item));
            ok = false;
            continue;
          }
          std::string s = *item.value<std::string>();
          ok = check_choice(s, item) && ok;
          list.push_back(std::move(s));
        }
        return ok ? std::optional<ParamValue>(std::move(list)) : std::nullopt;
      }
      case ParamType::string_map: return string_table(false);
      case ParamType::path_map: return string_table(true);
    }
    return wrong();
  }

  sdk::Params run(const std::vector<ParamSpec>& specs) {
    std::map<std::string, ParamValue, std::less<>> values;
    std::vector<std::string> keys;
    for (const auto& s : specs) keys.push_back(s.key);

    for (const auto& [key, node] : *t_.table) {
      const std::string k(key.str());
      if (std::find(t_.reserved.begin(), t_.reserved.end(), k) != t_.reserved.end()) continue;
      auto spec = std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) { return s.key == k; });
      if (spec == specs.end()) {
        std::string at = describe_origin(key.source().path ? key.source() : node.source().path ? node.source() : t_.where);
        std::string suggestion = did_you_mean(k, keys);
        std::string valid;
        for (const auto& v : keys) valid += (valid.empty() ? "" : ", ") + v;
        error(at, "unknown key '" + k + "'" + (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") +
                      " Valid keys: " + (valid.empty() ? "none" : valid));
        continue;
      }
      if (auto v = convert(*spec, node)) values.emplace(k, std::move(*v));
    }
    for (const auto& s : specs) {
      if (values.count(s.key) || t_.table->contains(s.key)) continue;
      if (s.required) {
        error(describe_origin(t_.where), "missing required key '" + s.key + "' (" + describe_expected(s) + "): " + s.doc);
      } else if (s.default_value) {
        ParamValue v = *s.default_value;
        // Defaults that are relative paths resolve against the config too.
        if (s.type == ParamType::path)
          v = resolve_path(std::get<std::string>(v), *t_.table);
        values.emplace(s.key, std::move(v));
      }
    }
    if (!errors_.empty()) {
      std::string all;
      for (const auto& e : errors_) all += (all.empty() ? "" : "\n") + e;
      throw ConfigError(all);
    }
    return sdk::Params(std::move(values));
  }

 private:
  const ValidationTarget& t_;
  std::vector<std::string> errors_;
};

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string describe_expected(const ParamSpec& spec) {
  std::string range;
  if (spec.min && spec.max)
    range = " in [" + number(*spec.min) + "," + number(*spec.max) + "]";
  else if (spec.min)
    range = " >= " + number(*spec.min);
  else if (spec.max)
    range = " <= " + number(*spec.max);
  std::string choices;
  for (const auto& c : spec.choices) choices += (choices.empty() ? "" : ", ") + quote(c);
  switch (spec.type) {
    case ParamType::boolean: return "a boolean (true or false)";
    case ParamType::integer: return "an integer" + range;
    case ParamType::floating: return "a float" + range;
    case ParamType::string: return choices.empty() ? "a string" : "one of " + choices;
    case ParamType::path: return "a path (string)";
    case ParamType::string_list: return choices.empty() ? "a list of strings" : "a list of " + choices;
    case ParamType::string_map: return "a table of strings";
    case ParamType::path_map: return "a table of paths";
  }
  return "a value";
}

std::string format_value(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          std::ostringstream out;
          out << toml::value<double>(v);
          return out.str();
        } else if constexpr (std::is_same_v<T, std::string>) {
          return quote(v);
        } else if constexpr (std::is_same_v<T, sdk::StringList>) {
          std::string s = "[";
          for (const auto& i : v) s += (s.size() > 1 ? ", " : "") + quote(i);
          return s + "]";
        } else {
          std::string s = "{";
          for (const auto& [k, i] : v) s += (s.size() > 1 ? ", " : " ") + k + " = " + quote(i);
          return s + (v.empty() ? "}" : " }");
        }
      },
      value);
}

sdk::Params validate_params(const std::vector<ParamSpec>& specs, const ValidationTarget& target) {
  return Validator(target).run(specs);
}

}  // namespace vigil::core
