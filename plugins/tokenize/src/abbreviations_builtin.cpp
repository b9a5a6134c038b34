// Vigil's own abbreviations per language: what ICU's sentence-break
// exceptions (CLDR) lack and news text about people and places needs, mostly
// titles and ranks before a name. Kept short on purpose: every entry is a
// place where a real sentence end after that word is missed, so words that
// often end a sentence ("Inc.", "Ltd.", "usw.") stay out. ICU's lists are
// added on top of these (see icu_abbreviations).
#include "abbreviations.hpp"

namespace vigil::tokenize {

std::vector<std::string> builtin_abbreviations(std::string_view language) {
  if (language == "en")
    return {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.",
            "Col.", "Sgt.", "Capt.", "Adm.", "Cpl.", "Pres.", "Messrs.", "etc.", "e.g.", "i.e.", "approx.", "cf."};
  if (language == "fr")
    return {"M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Dr.", "Pr.", "Me.", "Mgr.", "St.", "Ste.", "Gén.",
            "Col.", "Cdt.", "Lt.", "etc.", "cf.", "p.ex.", "c.-à-d."};
  if (language == "de")
    return {"z.B.", "z. B.", "d.h.", "d. h.", "u.a.", "u. a.", "bzw.", "ca.", "vgl.", "Dr.", "Prof.", "Hr.", "Fr.",
            "Nr.", "St.", "Gen.", "Oberstlt.", "etc.", "sog.", "evtl."};
  if (language == "es")
    return {"Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Ud.", "Uds.", "Lic.", "Gral.", "Cnel.", "Sto.", "Sta.", "etc.",
            "p.ej.", "aprox."};
  if (language == "it")
    return {"Sig.", "Sigg.", "Dott.", "Dr.", "Prof.", "Avv.", "Ing.", "Gen.", "Col.", "On.", "ecc.", "ca."};
  if (language == "pt")
    return {"Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Prof.", "Gen.", "Cel.", "etc.", "p.ex."};
  if (language == "nl") return {"dhr.", "mevr.", "Dr.", "Prof.", "bijv.", "d.w.z.", "o.a.", "etc."};
  if (language == "ru") return {"т.е.", "т. е.", "т.к.", "т. к.", "им.", "ул.", "проф.", "ген."};
  return {};
}

}  // namespace vigil::tokenize
