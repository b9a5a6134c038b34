#include "demonyms.hpp"

#include <map>
#include <set>
#include <sstream>

namespace vigil::ner {
namespace {

// Per language: words (and a few phrases, "+" between their words) for
// peoples and groups, folded. Left out on purpose: words that are also a
// country's name in that language (fr "Suisse", es "China", "Libia",
// "Siria", "Palestina", nl "Zweden", "Polen"), a frequent first name or
// surname ("Christian", "Cristiano", "Finn", "Noor", "Dane", nl "Frans",
// "Fransen", "Engels", es "Alemán", fr "Chrétien"), a sports team
// ("Indians"), the poles ("South Pole") and the river Waal.
constexpr std::string_view kEnglish =
    "afghan afghans albanian albanians algerian algerians american americans angolan angolans argentine "
    "argentinian argentinians armenian armenians australian australians austrian austrians azerbaijani "
    "azerbaijanis azeri azeris bahraini bahrainis bangladeshi bangladeshis belarusian belarusians belgian "
    "belgians beninese bolivian bolivians bosnian bosnians brazilian brazilians british briton britons bulgarian "
    "bulgarians burkinabe burmese burundian burundians cambodian cambodians cameroonian cameroonians canadian "
    "canadians chadian chadians chilean chileans chinese colombian colombians congolese costa+rican costa+ricans "
    "croatian croatians croat croats cuban cubans cypriot cypriots czech czechs danish danes dutch dutchman "
    "ecuadorian ecuadorians egyptian egyptians emirati emiratis english eritrean eritreans estonian estonians "
    "ethiopian ethiopians filipino filipinos finnish finns french frenchman frenchmen georgian georgians german "
    "germans ghanaian ghanaians greek greeks guatemalan guatemalans guinean guineans haitian haitians honduran "
    "hondurans hungarian hungarians icelandic icelanders indian indonesian indonesians iranian iranians iraqi "
    "iraqis irish irishman israeli israelis italian italians ivorian ivorians jamaican jamaicans japanese "
    "jordanian jordanians kazakh kazakhs kenyan kenyans korean koreans kosovar kosovars kuwaiti kuwaitis kyrgyz "
    "latvian latvians lebanese liberian liberians libyan libyans lithuanian lithuanians macedonian macedonians "
    "malagasy malawian malawians malaysian malaysians malian malians maltese mauritanian mauritanians mexican "
    "mexicans moldovan moldovans mongolian mongolians montenegrin montenegrins moroccan moroccans mozambican "
    "mozambicans namibian namibians nepalese nepali new+zealander new+zealanders nicaraguan nicaraguans nigerian "
    "nigerians nigerien nigeriens norwegian norwegians omani omanis pakistani pakistanis palestinian palestinians "
    "panamanian panamanians paraguayan paraguayans peruvian peruvians polish portuguese qatari qataris "
    "romanian romanians russian russians rwandan rwandans saudi saudis scottish scot scots senegalese serbian "
    "serbians serb serbs sierra+leonean sierra+leoneans singaporean singaporeans slovak slovaks slovakian "
    "slovenian slovenians slovene slovenes somali somalis soviet soviets spanish spaniard spaniards sri+lankan "
    "sri+lankans sudanese swedish swede swedes swiss syrian syrians taiwanese tajik tajiks tanzanian tanzanians "
    "thai thais tunisian tunisians turkish turk turks turkmen ugandan ugandans ukrainian ukrainians uruguayan "
    "uruguayans uzbek uzbeks venezuelan venezuelans vietnamese welsh yemeni yemenis yugoslav yugoslavs "
    "yugoslavian zambian zambians zimbabwean zimbabweans "
    // regions, peoples, religions
    "african africans european europeans asian asians arab arabs arabic arabian latin+american latin+americans "
    "maghrebi sahrawi sahrawis saharawi saharawis berber berbers amazigh kabyle kabyles tuareg tuaregs basque "
    "basques catalan catalans flemish walloon walloons kurdish kurd kurds chechen chechens pashtun pashtuns "
    "tamil tamils sikh sikhs hutu hutus tutsi tutsis muslim muslims moslem moslems islamic islamist islamists "
    "christians catholic catholics protestant protestants orthodox jewish jew jews sunni sunnis shia shiite "
    "shiites shi'ite shi'ites hindu hindus buddhist buddhists";

constexpr std::string_view kFrench =
    "marocain marocaine marocains marocaines francais francaise francaises espagnol espagnole espagnols "
    "espagnoles allemand allemande allemands allemandes neerlandais neerlandaise neerlandaises hollandais belge "
    "belges algerien algerienne algeriens algeriennes tunisien tunisienne tunisiens tunisiennes mauritanien "
    "mauritanienne mauritaniens libyen libyenne libyens egyptien egyptienne egyptiens americain americaine "
    "americains americaines britannique britanniques anglais anglaise anglaises italien italienne italiens "
    "italiennes portugais portugaise portugaises russe russes chinois chinoise chinoises europeen europeenne "
    "europeens europeennes africain africaine africains africaines subsaharien subsahariens arabe arabes "
    "musulman musulmane musulmans musulmanes juif juive juifs juives israelien israelienne israeliens "
    "palestinien palestinienne palestiniens syrien syrienne syriens irakien irakienne irakiens iranien iranienne "
    "iraniens turc turque turcs turques suisses sahraoui sahraouie sahraouis danois danoise suedois suedoise "
    "norvegien norvegienne norvegiens polonais polonaise senegalais senegalaise maghrebin maghrebine maghrebins "
    "amazigh amazighs berbere berberes kabyle kabyles kurde kurdes chretienne chretiens catholique "
    "catholiques chiite chiites sunnite sunnites afghan afghane afghans pakistanais pakistanaise malien "
    "malienne maliens nigerien nigeriens ukrainien ukrainienne ukrainiens "
    // more nationalities ("argentine" is also Argentina, "Gallois" a surname)
    "autrichien autrichienne autrichiens autrichiennes coreen coreenne coreens coreennes vietnamien "
    "vietnamienne vietnamiens vietnamiennes indien indienne indiens indiennes indonesien indonesienne "
    "indonesiens indonesiennes canadien canadienne canadiens canadiennes bresilien bresilienne "
    "bresiliens bresiliennes chilien chilienne chiliens chiliennes colombien colombienne colombiens "
    "colombiennes venezuelien venezuelienne venezueliens venezueliennes peruvien peruvienne peruviens "
    "peruviennes australien australienne australiens australiennes saoudien saoudienne saoudiens "
    "saoudiennes jordanien jordanienne jordaniens jordaniennes ethiopien ethiopienne ethiopiens "
    "ethiopiennes ivoirien ivoirienne ivoiriens ivoiriennes koweitien koweitienne koweitiens "
    "koweitiennes georgien georgienne georgiens georgiennes armenien armenienne armeniens armeniennes "
    "lituanien lituanienne lituaniens lituaniennes estonien estonienne estoniens estoniennes tchetchene "
    "tchetchenes hongrois hongroise hongroises albanais albanaise albanaises "
    "finlandais finlandaise finlandaises irlandais irlandaise irlandaises ecossais ecossaise ecossaises "
    "islandais islandaise islandaises luxembourgeois luxembourgeoise luxembourgeoises japonais japonaise "
    "japonaises thailandais thailandaise thailandaises libanais libanaise libanaises soudanais "
    "soudanaise soudanaises camerounais camerounaise camerounaises congolais congolaise congolaises "
    "roumain roumaine roumains roumaines mexicain mexicaine mexicains mexicaines cubain cubaine cubains "
    "cubaines argentin argentins argentines bulgare bulgares serbe serbes croate croates bosniaque "
    "bosniaques tcheque tcheques slovaque slovaques slovene slovenes yemenite yemenites bielorusse "
    "bielorusses basque basques grec grecque grecs grecques catalan catalane catalans catalanes";

constexpr std::string_view kSpanish =
    "marroqui marroquies espanol espanola espanoles espanolas frances francesa franceses francesas "
    "alemana alemanes alemanas holandes holandesa holandeses neerlandes neerlandeses belga belgas argelino "
    "argelina argelinos tunecino tunecina tunecinos mauritano mauritanos egipcio egipcia egipcios estadounidense "
    "estadounidenses norteamericano norteamericana norteamericanos britanico britanica britanicos ingles inglesa "
    "ingleses italiano italiana italianos portugues portuguesa portugueses ruso rusa rusos europeo europea "
    "europeos africano africana africanos subsahariano subsaharianos arabe arabes musulman musulmana musulmanes "
    "judio judia judios israeli israelies palestinos sirios iraqui iraquies irani iranies turco turca turcos "
    "saharaui saharauis magrebi magrebies bereber bereberes kurdo kurdos chii chiies suni sunies catolico "
    "catolicos cristianos ucraniano ucranianos colombiano colombianos mexicano mexicanos venezolano venezolanos "
    "argentino argentinos chileno chilenos peruano peruanos cubano cubanos latinoamericano latinoamericanos";

constexpr std::string_view kDutch =
    "marokkaan marokkanen marokkaanse marokkaans nederlander nederlanders nederlandse spanjaard spanjaarden "
    "spaanse spaans fransman franse duitser duitsers duitse duits belg belgen belgische belgisch "
    "algerijn algerijnen algerijnse tunesier tunesiers tunesische libier libiers libische egyptenaar egyptenaren "
    "egyptische amerikaan amerikanen amerikaanse amerikaans brit britten britse brits engelse engelsman "
    "schotse ierse italiaan italianen italiaanse italiaans portugees portugese rus russen russische russisch "
    "chinees chinezen chinese europeaan europeanen europese europees afrikaan afrikanen afrikaanse aziatische "
    "arabier arabieren arabische moslim moslims islamitische islamitisch jood joden joodse israeliers "
    "israelische israelisch palestijn palestijnen palestijnse syrier syriers syrische irakees irakezen irakese "
    "iraakse iraaks iraniers iraanse iraans turk turken turkse turks zwitser zwitsers zwitserse deen denen deense "
    "deens zweed zweedse zweeds noren noorse fin finnen finse ijslandse poolse pools oekraiener oekrainers "
    "oekraiense koerd koerden koerdische vlaming vlamingen vlaamse walen waalse surinamer surinamers surinaamse "
    "afghaan afghanen afghaanse indier indiers indiase pakistaanse canadees canadezen canadese mexicaanse "
    "braziliaanse argentijnse chileense colombiaanse venezolaanse cubaanse libanese jordaanse saoedische "
    "nigeriaanse keniaanse ethiopische somalische soedanese congolese rwandese tsjechische slowaakse hongaarse "
    "roemeense bulgaarse servische kroatische bosnische albanese griekse grieks oostenrijkse oostenrijker "
    "luxemburgse estse letse litouwse japanse japanner japanners koreaanse vietnamese thaise indonesische "
    "filipijnse australische sovjet braziliaan brazilianen israeli hutu tutsi "
    "joegoslaaf joegoslaven joegoslavische servier serviers kroaat kroaten bosnier bosniers nederlands "
    "hongaar hongaren hongaars brusselse antwerpse gentse brugse luikse anderlechtse kempense limburgse "
    "amsterdamse rotterdamse haagse "
    "vlaams waals zeeuws zeeuwse brabants brabantse limburgs friezen zeeuwen brabanders limburgers zimbabwaan "
    "zimbabwanen zimbabwaans zimbabwaanse bosnisch servisch kroatisch albanees "
    "albanezen macedonisch macedonische macedoniers sloveens sloveense slovenen montenegrijns montenegrijnse "
    "montenegrijnen kosovaar kosovaren kosovaars kosovaarse moldavisch moldavische wit-russisch wit-russische "
    "wit-rus wit-russen oekraiens litouws litouwer litouwers ests esten fins noors ijslands iers "
    "ieren schots oostenrijks oostenrijkers tsjechisch tsjech tsjechen slowaaks slowaak slowaken "
    "roemeens roemeen roemenen bulgaars bulgaar bulgaren griek grieken cypriotisch cypriotische cyprioten "
    "maltees maltese portugezen saoedisch saoedier saoediers jemenitisch jemenitische jemeniet jemenieten omaans "
    "omaanse koeweits koeweitse qatarees qatarese emiraats emiraatse syrisch libanees libanezen jordaans "
    "jordaniers palestijns egyptisch libisch tunesisch algerijns mauritaans mauritaanse soedanees soedanezen "
    "ethiopisch ethiopier ethiopiers eritrees eritrese eritreeers somalisch somaliers keniaans kenianen "
    "oegandees oegandese oegandezen tanzaniaans tanzaniaanse rwandees rwandezen burundees burundese congolees "
    "congolezen angolees angolese angolezen mozambikaans mozambikaanse namibisch namibische zambiaans zambiaanse "
    "nigeriaans nigerianen ghanees ghanese ghanezen ivoriaans ivoriaanse senegalees senegalese senegalezen "
    "malinees malinese kameroens kameroense kameroeners gabonees gabonese tsjadisch tsjadische nigerees nigerese "
    "liberiaans liberiaanse sierra+leoons sierra+leoonse guinees guinese malagassisch malagassische afghaans "
    "pakistaans pakistanen indiaas bengaals bengaalse sri+lankaans sri+lankaanse nepalees nepalese japans "
    "koreaans koreanen vietnamees vietnamezen cambodjaans cambodjaanse laotiaans laotiaanse birmees birmese "
    "maleisisch maleisische maleisiers indonesisch indonesiers filipijns taiwanees taiwanese mongools mongoolse "
    "kazachs kazachse kazachen oezbeeks oezbeekse oezbeken tadzjieks tadzjiekse kirgizisch kirgizische turkmeens "
    "turkmeense georgisch georgische georgiers armeens armeense armeniers azerbeidzjaans azerbeidzjaanse "
    "azerbeidzjanen tsjetsjeens tsjetsjeense tsjetsjenen koerdisch mexicaans mexicaan mexicanen guatemalteeks "
    "guatemalteekse hondurees hondurese salvadoraans salvadoraanse nicaraguaans nicaraguaanse costa+ricaans "
    "costa+ricaanse panamees panamese cubaans cubaan cubanen haitiaans haitiaanse dominicaans dominicaanse "
    "jamaicaans jamaicaanse colombiaans colombiaan colombianen venezolaans venezolaan venezolanen ecuadoraans "
    "ecuadoraanse peruaans peruaanse peruaan peruanen boliviaans boliviaanse braziliaans paraguayaans "
    "paraguayaanse uruguayaans uruguayaanse argentijns argentijn argentijnen chileens chileen chilenen surinaams "
    "antilliaans antilliaanse antillianen arubaans arubaanse australisch australiers nieuw-zeelands "
    "nieuw-zeelandse nieuw-zeelanders baskisch baskische basken catalaans catalaanse catalanen corsicaans "
    "corsicaanse siciliaans siciliaanse koeweiti nederlandstalig nederlandstalige nederlandstaligen franstalig "
    "franstalige franstaligen engelstalig engelstalige duitstalig duitstalige";

// Words before a group word that keep the span a group ("South Korean").
constexpr std::string_view kCompass =
    "north south east west central northern southern eastern western nord sud norte sur noord zuid oost";

using WordSet = std::set<std::string, std::less<>>;

WordSet split_words(std::string_view list) {
  WordSet out;
  std::istringstream in{std::string(list)};
  for (std::string w; in >> w;) {
    for (char& c : w)
      if (c == '+') c = ' ';
    out.insert(std::move(w));
  }
  return out;
}

const WordSet* words_for(std::string_view language) {
  static const std::map<std::string, WordSet, std::less<>> kByLanguage = {
      {"en", split_words(kEnglish)},
      {"fr", split_words(kFrench)},
      {"es", split_words(kSpanish)},
      {"nl", split_words(kDutch)},
  };
  auto it = kByLanguage.find(language);
  return it == kByLanguage.end() ? nullptr : &it->second;
}

}  // namespace

bool names_a_group(std::span<const std::string> folded, std::string_view language) {
  const WordSet* words = words_for(language);
  if (words == nullptr) return false;
  static const WordSet kCompassWords = split_words(kCompass);
  // "noord-duitse", "south-african": a compass word joined by a hyphen.
  auto group_word = [&](std::string_view w) {
    if (words->contains(w)) return true;
    const auto dash = w.find('-');
    return dash != std::string_view::npos && kCompassWords.contains(w.substr(0, dash)) &&
           words->contains(w.substr(dash + 1));
  };
  std::size_t first = 0;
  while (first < folded.size() && kCompassWords.contains(folded[first])) ++first;
  if (first == folded.size()) return false;
  std::string phrase;
  bool every_word = true;
  for (std::size_t i = first; i < folded.size(); ++i) {
    if (!phrase.empty()) phrase += ' ';
    phrase += folded[i];
    every_word = every_word && group_word(folded[i]);
  }
  return every_word || words->contains(phrase);
}

}  // namespace vigil::ner
