#include "language_identifier.hpp"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <climits>

#include "language_codes.hpp"
#include "script_profile.hpp"

namespace vigil::langid {

LanguageIdentifier::LanguageIdentifier(IdentifierOptions options) : options_(std::move(options)) {
  for (auto& l : options_.languages) l = normalize_code(l);
  for (const auto& h : options_.hints) {
    if (!hint_list_.empty()) hint_list_ += ',';
    hint_list_ += normalize_code(h);
  }
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
    return out;
  }

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
    auto same = std::find_if(out.alternatives.begin(), out.alternatives.end(), [&](const Guess& g) { return g.code == code; });
    if (same != out.alternatives.end())
      same->confidence += percent3[i] / 100.0 * scale;
    else
      out.alternatives.push_back({code, percent3[i] / 100.0 * scale});
  }
  std::stable_sort(out.alternatives.begin(), out.alternatives.end(),
                   [](const Guess& a, const Guess& b) { return a.confidence > b.confidence; });
  if (out.alternatives.empty()) {
    out.note = options_.languages.empty() ? "no language recognised" : "no allowed language recognised";
    return out;
  }
  out.code = out.alternatives[0].code;
  out.confidence = std::min(1.0, out.alternatives[0].confidence);
  out.reliable = reliable;
  if (out.confidence < options_.min_confidence) {
    out.note = "confidence " + std::to_string(out.confidence).substr(0, 4) + " for '" + out.code +
               "' is below min_confidence";
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
  bool mixed = std::any_of(runs.begin(), runs.end(), [&](const Chunk& c) { return c.code != "und" && c.code != out.code; });
  if (mixed) out.chunks = std::move(runs);
  return out;
}

}  // namespace vigil::langid
