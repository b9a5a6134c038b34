// A document made of labelled sentences, as `vigil eval entities` and the
// stage benchmark hand it to an entity stage: the tokens joined by single
// spaces, none where the file marks none (HIPE's NoSpaceAfter: "Saint-Pierre"
// is written as in the newspaper), sentences by newlines; the document's tokens and sentences set to
// exactly those, the language given (source "input"). The gold tags stay
// with the caller; the stage sees only the text.
#pragma once

#include <span>
#include <string>

#include "corpus_reader.hpp"
#include "vigil/sdk/document.hpp"

namespace vigil::ner {

sdk::Document labeled_document(std::span<const LabeledSentence> sentences, const std::string& language);

}  // namespace vigil::ner
