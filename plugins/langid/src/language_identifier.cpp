#include "language_identifier.hpp"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>

#include "language_codes.hpp"
#include "script_profile.hpp"

namespace vigil::langid {

namespace {

// Naive Bayes sums of overlapping 1..5-grams are overconfident; scores are
// divided by this before the softmax that gives the confidences.
constexpr double kTemperature = 4.0;

}  // namespace

LanguageIdentifier::LanguageIdentifier(IdentifierOptions options) : options_(std::move(options)) {
  for (auto& l : options_.languages) l = normalize_code(l);
  for (auto& r : options_.rare) r = normalize_code(r);
  for (auto& h : options_.hints) {
    h = normalize_code(h);
    if (!hint_list_.empty()) hint_list_.push_back(',');
    hint_list_.append(h);
  }
  if (options_.model) {
    const NgramModel& m = *options_.model;
    for (std::size_t i = 0; i < m.languages(); ++i) {
      model_allowed_.push_back(allowed(m.code(i)) ? 1 : 0);
      model_script_.push_back(script_of(m.code(i)));
      auto listed = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), m.code(i)) != list.end();
      };
      const double prior =
          (listed(options_.hints) ? options_.hint_prior : 0.0) - (listed(options_.rare) ? options_.rare_prior : 0.0);
      model_prior_.push_back(static_cast<int>(std::lround(prior * m.scale())));
    }
  }
}

bool LanguageIdentifier::model_guess(std::string_view text, const ScriptProfile& profile, Identification& out) const {
  const NgramModel& m = *options_.model;
  NgramScores s;
  m.score(text, kModelMaxCodepoints, s);
  if (s.ngrams == 0) return false;
  // Top 3 allowed languages, and a softmax over all allowed ones.
  int best[3] = {-1, -1, -1};
  std::int32_t top = INT32_MIN;
  const std::size_t L = m.languages();
  bool candidate[kMaxLanguages] = {};
  // The rule the CLD2 path applies, as a constraint: Arabic-only letters
  // (ي ك ة ى) outnumbering the Persian/Urdu ones rule out fa and ur. (No
  // Persian or Urdu text of the dev sets has them outnumbered.)
  const bool arabic_letters = profile.arabic_only > profile.perso_urdu;
  for (std::size_t l = 0; l < L; ++l)
    candidate[l] = model_allowed_[l] && has_script(profile, model_script_[l]) &&
                   !(arabic_letters && (m.code(l) == "fa" || m.code(l) == "ur"));
  for (std::size_t l = 0; l < L; ++l) {
    if (!candidate[l]) continue;
    s.score[l] += model_prior_[l];
    top = std::max(top, s.score[l]);
    const int li = static_cast<int>(l);
    if (best[0] < 0 || s.score[l] > s.score[best[0]]) {
      best[2] = best[1], best[1] = best[0], best[0] = li;
    } else if (best[1] < 0 || s.score[l] > s.score[best[1]]) {
      best[2] = best[1], best[1] = li;
    } else if (best[2] < 0 || s.score[l] > s.score[best[2]]) {
      best[2] = li;
    }
  }
  if (best[0] < 0) return false;
  const double k = 1.0 / (static_cast<double>(m.scale()) * kTemperature);
  double z = 0.0;
  for (std::size_t l = 0; l < L; ++l)
    if (candidate[l]) z += std::exp((s.score[l] - top) * k);
  out.alternatives.clear();
  for (int b : best)
    if (b >= 0) out.alternatives.push_back({m.code(static_cast<std::size_t>(b)), std::exp((s.score[b] - top) * k) / z});
  return true;
}

bool LanguageIdentifier::allowed(const std::string& code) const {
  return options_.languages.empty() ||
         std::find(options_.languages.begin(), options_.languages.end(), code) != options_.languages.end();
}

Identification LanguageIdentifier::identify(std::string_view text) const {
  Identification out;
  const ScriptProfile profile = profile_scripts(text);
  if (profile.letters < options_.min_letters) {
    out.note = "too few letters to identify the language (" + std::to_string(profile.letters) + ", need " +
               std::to_string(options_.min_letters) + ")";
    return out;
  }

  // Tifinagh is written only for Berber languages; standard Moroccan
  // Tamazight (zgh) is the one our users read.
  if (profile.tifinagh * 2 > profile.letters && allowed("zgh")) {
    out.code = "zgh";
    out.confidence = static_cast<double>(profile.tifinagh) / static_cast<double>(profile.letters);
    out.reliable = true;
    out.alternatives.push_back({out.code, out.confidence});
    out.note = "Tifinagh script";
    out.method = "script";
    return out;
  }

  // The n-gram model knows Latin, Arabic, Cyrillic and Han script languages;
  // text mostly in another script (or Japanese/Korean) is left to CLD2.
  const std::size_t model_script = profile.latin + profile.arabic + profile.cyrillic + profile.han;
  const bool model_applies = options_.model && model_script * 2 > profile.letters && profile.kana_hangul == 0;
  auto finish_model = [&](const char* how) {
    out.code = out.alternatives[0].code;
    out.confidence = out.alternatives[0].confidence;
    out.reliable = out.confidence >= 0.9;
    out.method = how;
    if (out.confidence < options_.min_confidence) {
      out.note = "confidence " + std::to_string(out.confidence).substr(0, 4) + " for '" + out.code +
                 "' is below min_confidence";
      out.code = "und";
      out.reliable = false;
    }
    return out;
  };

  // Short texts: CLD2 needs more text than a headline to be sure; the
  // n-gram model was trained for this.
  if (model_applies && profile.letters < options_.short_text_threshold && model_guess(text, profile, out))
    return finish_model("ngram");

  CLD2::CLDHints hints{hint_list_.empty() ? nullptr : hint_list_.c_str(), nullptr, CLD2::UNKNOWN_ENCODING,
                       CLD2::UNKNOWN_LANGUAGE};
  const int flags = profile.letters < options_.short_text_threshold ? CLD2::kCLDFlagBestEffort : 0;
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ResultChunkVector chunks;
  const int length = static_cast<int>(std::min<std::size_t>(text.size(), INT_MAX));
  CLD2::ExtDetectLanguageSummary(text.data(), length, true, &hints, flags, language3, percent3, normalized_score3,
                                 &chunks, &text_bytes, &reliable);

  // CLD2 gives no probability: confidence is the share of the text in the
  // language, halved when CLD2 itself calls the answer unreliable.
  const double scale = reliable ? 1.0 : 0.5;
  for (int i = 0; i < 3; ++i) {
    std::string code = normalize_code(CLD2::LanguageCode(language3[i]));
    if (code == "und" || percent3[i] <= 0) continue;
    // Arabic text wrongly taken for Persian or Urdu: the letters decide.
    if ((code == "fa" || code == "ur") && profile.arabic_only > profile.perso_urdu) code = "ar";
    if (!allowed(code)) continue;
    auto same =
        std::find_if(out.alternatives.begin(), out.alternatives.end(), [&](const Guess& g) { return g.code == code; });
    if (same != out.alternatives.end())
      same->confidence += percent3[i] / 100.0 * scale;
    else
      out.alternatives.push_back({code, percent3[i] / 100.0 * scale});
  }
  std::stable_sort(out.alternatives.begin(), out.alternatives.end(),
                   [](const Guess& a, const Guess& b) { return a.confidence > b.confidence; });
  // Long texts: CLD2's answer stands unless it is unsure (it answers "und" or
  // an unreliable guess for Kabyle, which it does not know) or falls in a
  // group of languages it confuses; then the n-gram model decides. Texts CLD2
  // sees as mixed (a second language over 20 %) keep CLD2's answer: the model
  // reads only the beginning.
  const char* method = "cld2";
  if (model_applies && percent3[1] < 20) {
    const std::string_view cld2_top = out.alternatives.empty() ? std::string_view("und") : out.alternatives[0].code;
    const int g = close_group(cld2_top);
    Identification ng;
    if ((!reliable || cld2_top == "und" || g >= 0) && model_guess(text, profile, ng) &&
        (!reliable || cld2_top == "und" || g == close_group(ng.alternatives[0].code))) {
      out.alternatives = std::move(ng.alternatives);
      method = "cld2+ngram";
      reliable = out.alternatives[0].confidence >= 0.9;
    }
  }
  if (out.alternatives.empty()) {
    out.note = options_.languages.empty() ? "no language recognised" : "no allowed language recognised";
    return out;
  }
  out.method = method;
  out.code = out.alternatives[0].code;
  out.confidence = std::min(1.0, out.alternatives[0].confidence);
  out.reliable = reliable;
  if (out.confidence < options_.min_confidence) {
    out.note =
        "confidence " + std::to_string(out.confidence).substr(0, 4) + " for '" + out.code + "' is below min_confidence";
    out.code = "und";
    out.reliable = false;
    return out;
  }

  std::vector<Chunk> runs;
  for (const auto& c : chunks) {
    std::string code = normalize_code(CLD2::LanguageCode(static_cast<CLD2::Language>(c.lang1)));
    if (code == "fa" || code == "ur") code = profile.arabic_only > profile.perso_urdu ? "ar" : code;
    const auto begin = static_cast<std::size_t>(c.offset), end = begin + static_cast<std::size_t>(c.bytes);
    if (!runs.empty() && runs.back().code == code && runs.back().end == begin)
      runs.back().end = end;
    else
      runs.push_back({begin, end, code});
  }
  bool mixed =
      std::any_of(runs.begin(), runs.end(), [&](const Chunk& c) { return c.code != "und" && c.code != out.code; });
  if (mixed) out.chunks = std::move(runs);
  return out;
}

}  // namespace vigil::langid
