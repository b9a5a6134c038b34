// The rules shipped in config/topics, on sentences written for these tests:
// positives in each language and look-alike negatives (pharmaceutical drugs,
// price cartels, sports attacks, health viruses, bird and software migration,
// doping, TV series, bug bounties, outages, extradition, Deportivo).
#include <catch2/catch.hpp>

#include <filesystem>

#include "topics_test_support.hpp"

using namespace topics_test;

namespace {

const vigil::topics::TopicMatcher& shipped() {
  static const vigil::topics::TopicMatcher matcher(vigil::topics::load_rules(vigil::topics::rule_files(
                                                       {"topics"}, std::filesystem::path(VIGIL_SOURCE_DIR) / "config")),
                                                   vigil::topics::MatcherOptions{});
  return matcher;
}

std::vector<std::string> tag(const std::string& text, const std::string& language) {
  auto doc = tokenized(text, language);
  shipped().annotate(doc);
  auto l = labels(doc);
  std::sort(l.begin(), l.end());
  return l;
}

using L = std::vector<std::string>;

}  // namespace

TEST_CASE("shipped rules: positives in English", "[topics][shipped]") {
  CHECK(tag("Police arrested three suspects over a suspected terrorist plot; the jihadist cell planned a bombing.",
            "en") == L{"terrorism"});
  CHECK(tag("Coast guards seized two tonnes of cocaine and arrested members of a drug trafficking gang.", "en") ==
        L{"drugs"});
  CHECK(tag("Hackers deployed ransomware against the hospital and demanded a ransom in bitcoin.", "en") ==
        L{"cybercrime"});
  CHECK(tag("More asylum seekers crossed the Channel in small boats as people smugglers changed routes.", "en") ==
        L{"migration"});
}

TEST_CASE("shipped rules: positives in French, Spanish, German and Arabic", "[topics][shipped]") {
  CHECK(tag("Un attentat terroriste revendiqué par un groupe djihadiste a fait dix morts.", "fr") == L{"terrorism"});
  CHECK(tag("La douane a saisi 800 kilos de résine de cannabis destinés à un réseau de trafic de drogue.", "fr") ==
        L{"drugs"});
  CHECK(tag("Des pirates informatiques ont mené une cyberattaque par hameçonnage contre la mairie.", "fr") ==
        L{"cybercrime"});
  CHECK(tag("Des centaines de migrants et de demandeurs d'asile ont tenté la traversée de la Méditerranée.", "fr") ==
        L{"migration"});
  CHECK(tag("La Guardia Civil interceptó una narcolancha con hachís; detuvo a tres narcotraficantes.", "es") ==
        L{"drugs"});
  CHECK(tag("Un ataque informático con ransomware secuestró los datos del ayuntamiento; los piratas informáticos piden "
            "rescate.",
            "es") == L{"cybercrime"});
  CHECK(tag("La Patrulla Fronteriza detuvo a cientos de migrantes indocumentados; aumentan las deportaciones.", "es") ==
        L{"migration"});
  CHECK(tag("La banda terrorista ETA anunció su desarme tras décadas de atentados.", "es") == L{"terrorism"});
  CHECK(tag("Die Polizei hat eine Terrorzelle ausgehoben; die Islamisten planten einen Anschlag.", "de") ==
        L{"terrorism"});
  CHECK(tag("Fahnder stellten 300 Kilogramm Kokain sicher und nahmen eine Drogenbande fest.", "de") == L{"drugs"});
  CHECK(tag("Nach dem Hackerangriff verschlüsselte eine Schadsoftware alle Server der Stadtwerke.", "de") ==
        L{"cybercrime"});
  CHECK(tag("Tausende Flüchtlinge warten an der Grenze; die Schlepper verlangen hohe Summen.", "de") == L{"migration"});
  CHECK(tag("أحبطت قوات الأمن عملية إرهابية وقبضت على خلية تابعة لداعش", "ar") == L{"terrorism"});
  CHECK(tag("ضبطت الجمارك كمية كبيرة من الحشيش وحبوب الكبتاجون المخدرة", "ar") == L{"drugs"});
  CHECK(tag("غرق قارب يحمل مهاجرين غير شرعيين في البحر المتوسط", "ar") == L{"migration"});
}

TEST_CASE("shipped rules: look-alike negatives stay untagged", "[topics][shipped]") {
  CHECK(tag("The pharmaceutical company said its new drug passed a clinical trial for cancer patients.", "en").empty());
  CHECK(tag("Regulators fined the cement cartel for price-fixing.", "en").empty());
  CHECK(tag("The striker led a blistering attack and scored the winning goal of the league match.", "en").empty());
  CHECK(tag("Migratory birds begin their autumn migration to Africa.", "en").empty());
  CHECK(tag("The company completed the data migration to the cloud without downtime.", "en").empty());
  CHECK(tag("The researcher earned a bug bounty for reporting the flaw.", "en").empty());
  CHECK(tag("The outage was caused by a technical glitch, not an attack, the bank said.", "en").empty());
  CHECK(tag("Deportivo beat Valencia 2-0 at the Riazor.", "en").empty());
  CHECK(tag("Le cycliste a été suspendu pour dopage après un contrôle positif.", "fr").empty());
  CHECK(tag("Le meilleur passeur du championnat a prolongé son contrat.", "fr").empty());
  CHECK(tag("El luchador encabeza el cartel de la velada de lucha libre.", "es").empty());
  CHECK(tag("El exgobernador fue extraditado a Estados Unidos tras un largo proceso de extradición.", "es").empty());
  CHECK(tag("Das Bundeskartellamt verhängte wegen Preisabsprachen eine Kartellstrafe.", "de").empty());
  CHECK(tag("Im Trainingswasser wurden Viren und Bakterien gefunden; die Gesundheit der Segler ist gefährdet.", "de")
            .empty());
  CHECK(tag("Die neue Staffel der Netflix-Serie über Narcos startet im Herbst.", "de").empty());
}
