#include "labeled_document.hpp"

namespace vigil::ner {

sdk::Document labeled_document(std::span<const LabeledSentence> sentences, const std::string& language) {
  sdk::Document doc;
  doc.language.code = language;
  doc.language.source = "input";
  doc.language.confidence = 1.0;
  doc.language.reliable = true;
  for (const auto& s : sentences) {
    if (!doc.text.empty()) doc.text.push_back('\n');
    const auto begin = static_cast<sdk::Offset>(doc.text.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && s[i - 1].space_after) doc.text.push_back(' ');
      const auto start = static_cast<sdk::Offset>(doc.text.size());
      doc.text += s[i].form;
      doc.tokens.push_back({start, static_cast<sdk::Offset>(doc.text.size()), sdk::TokenKind::word});
    }
    doc.sentences.push_back({begin, static_cast<sdk::Offset>(doc.text.size())});
  }
  return doc;
}

}  // namespace vigil::ner
