"""Word lists used by the patient-data guard detector.

Plain data, no logic, grouped by what they serve (places, names); Devanagari entries are stored NFC-normalised; the detector normalises
tokens the same way before looking them up (NFC splits precomposed nukta letters such as
U+095B into base letter + U+093C, so both spellings of "मरीज़" compare equal).
"""
from __future__ import annotations

import unicodedata


def _nfc(words):
    return frozenset(unicodedata.normalize("NFC", w) for w in words)


# --------------------------------------------------------------------------- places

DE_CITIES = frozenset("""
Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden
Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim Karlsruhe Augsburg
Wiesbaden Mönchengladbach Gelsenkirchen Aachen Braunschweig Kiel Chemnitz Halle Magdeburg Freiburg
Krefeld Mainz Lübeck Erfurt Oberhausen Rostock Kassel Hagen Potsdam Saarbrücken Hamm Ludwigshafen
Oldenburg Mülheim Osnabrück Leverkusen Darmstadt Heidelberg Solingen Regensburg Herne Paderborn
Neuss Ingolstadt Offenbach Fürth Ulm Heilbronn Pforzheim Würzburg Wolfsburg Göttingen Bottrop
Reutlingen Erlangen Bremerhaven Koblenz Trier Recklinghausen Jena Remscheid Salzgitter Moers Siegen
Hildesheim Gütersloh Kaiserslautern Cottbus Hanau Witten Schwerin Esslingen Ludwigsburg Gera
Iserlohn Düren Tübingen Flensburg Zwickau Gießen Ratingen Lünen Konstanz Marl Worms Velbert Minden
Dessau Neumünster Norderstedt Delmenhorst Bamberg Viersen Marburg Rheine Wilhelmshaven Lüneburg
Gladbeck Troisdorf Dorsten Detmold Arnsberg Landshut Brandenburg Bayreuth Bocholt Aschaffenburg
Celle Kempten Fulda Lippstadt Aalen Dinslaken Herford Kerpen Rüsselsheim Plauen Neuwied Weimar
Rosenheim Passau Stralsund Greifswald Freising Wismar Bautzen Görlitz Frankfurt/Oder Heide Husum
Coburg Hof Ansbach Straubing Memmingen Kaufbeuren Friedrichshafen Ravensburg Lörrach Offenburg
Baden-Baden Speyer Landau Pirmasens Zweibrücken Homburg Neunkirchen Idar-Oberstein Bad Wien Graz
Linz Salzburg Innsbruck Zürich Basel Bern
""".split())

IN_CITIES = _nfc("""
Mumbai Delhi Bengaluru Bangalore Hyderabad Chennai Kolkata Pune Ahmedabad Jaipur Lucknow Kanpur
Nagpur Indore Bhopal Patna Surat Vadodara Ludhiana Agra Nashik Noida Gurgaon Gurugram Ghaziabad
Faridabad Chandigarh Thane Varanasi Kochi Cochin Coimbatore Mysuru Mysore Visakhapatnam Vizag
Thiruvananthapuram Trivandrum Bhubaneswar Guwahati Dehradun Ranchi Raipur Amritsar Jodhpur Udaipur
Allahabad Prayagraj Meerut Madurai Mangaluru Mangalore Vijayawada Gwalior Jabalpur Aurangabad
Srinagar Jammu Shimla Kota Ajmer Bareilly Aligarh Gorakhpur Sitapur Puducherry Pondicherry Vellore
Manipal Hubli Belgaum Belagavi Solapur Kolhapur Rajkot Jamnagar Bhavnagar Howrah Durgapur Siliguri
Cuttack Rourkela Jamshedpur Dhanbad Bokaro Bilaspur Jhansi Moradabad Saharanpur Haridwar Rishikesh
Secunderabad Warangal Guntur Nellore Tirupati Salem Tiruchirappalli Trichy Erode Thrissur Kozhikode
Calicut Kannur Kollam Alappuzha Panaji Margao Gandhinagar Anand Bikaner Alwar Bhilai Ujjain Sagar
Rewa Satna Muzaffarpur Gaya Bhagalpur Darbhanga
मुंबई दिल्ली बेंगलुरु बेंगलूरु बंगलौर हैदराबाद चेन्नई कोलकाता पुणे अहमदाबाद जयपुर लखनऊ कानपुर नागपुर
इंदौर भोपाल पटना सूरत वडोदरा लुधियाना आगरा नासिक नोएडा गुड़गांव गुड़गाँव गुरुग्राम ग़ाज़ियाबाद गाजियाबाद
फरीदाबाद चंडीगढ़ ठाणे वाराणसी बनारस कोच्चि देहरादून रांची रायपुर अमृतसर जोधपुर उदयपुर प्रयागराज
इलाहाबाद मेरठ ग्वालियर जबलपुर औरंगाबाद श्रीनगर जम्मू शिमला कोटा अजमेर बरेली अलीगढ़ गोरखपुर सीतापुर
मुरादाबाद सहारनपुर हरिद्वार ऋषिकेश झांसी बिलासपुर जमशेदपुर धनबाद उज्जैन सागर रीवा सतना मुज़फ़्फ़रपुर
मुजफ्फरपुर गया भागलपुर दरभंगा बीकानेर अलवर भिलाई गांधीनगर
""".split())

IN_CITIES_TWO_WORD = _nfc(["New Delhi", "नई दिल्ली", "Navi Mumbai", "नवी मुंबई", "Greater Noida", "ग्रेटर नोएडा"])

US_STATES = frozenset("""
AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR
""".split())

# Indian vehicle registration state / union-territory codes.
IN_PLATE_STATES = frozenset("""
AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN
TR TS UK UP WB
""".split())

# German compound words ending in a street suffix that are not streets.
STREET_STOP = frozenset("""
arbeitsplatz parkplatz stellplatz bettplatz bettenplatz intensivplatz dialyseplatz studienplatz
therapieplatz pflegeplatz heimplatz kitaplatz ausbildungsplatz rehaplatz behandlungsplatz
beatmungsplatz überwachungsplatz monitorplatz schockraumplatz liegeplatz sitzplatz
atemweg zugangsweg infektionsweg übertragungsweg applikationsweg dienstweg rückweg heimweg
arbeitsweg umweg ausweg lösungsweg therapieweg behandlungsweg versorgungsweg meldeweg rettungsweg
fluchtweg weg
behandlungspfad versorgungspfad klinikpfad pfad
anulusring schlüsselring rettungsring siegelring ring
""".split())

# --------------------------------------------------------------------------- names

# Capitalised words that follow an honorific or "patient" but are not names.
NAME_STOP = frozenset("""
Dr Doktor Doktorin Doctor Prof Professor Professorin Kollege Kollegin Kollegen Kolleginnen Colleague
Colleagues Speaker President Präsident Präsidentin Chairman Chair Chairwoman Justice Oberarzt
Oberärztin Chefarzt Chefärztin Assistenzarzt Assistenzärztin Facharzt Fachärztin Schwester Pfleger
Pflegerin Direktor Direktorin Minister Ministerin Magister Mag Ing Dipl Sir Madam Madame Lady Lord
Rev Father Sister Brother Nurse Matron Doc Consultant Registrar Resident Fellow Nachbar Nachbarin
Anfang Mitte Ende Patient Patientin Patienten Pat Pt The A An This That These Those It He She We
They You I Zero Und Oder Mit Ohne Bei Im In Am Der Die Das Den Dem Des Ein Eine Einer Is Was Are
And Or Out Important Any All No Not Yes Right Left Know Please Thanks Thank Danke Bitte Hallo Hello Hi Liebe Lieber
Sehr Geehrte Geehrter Verdacht Zustand Typ Grad Stadium Kind Sohn Tochter Mama Papa Mutter Vater
Ehemann Ehefrau Mann Frau Herr Herrn Mr Mrs Ms Miss Mx Smt Shri Sri Shrimati Kumari Hr Fr Z Zn
Lanka Syndrome Syndrom Disease Krankheit Sign Zeichen Test Score Scale Criteria Kriterien
""".split())

# Words right after "patient"/"Patient"/"pt" that make it a compound term, not a name (lower case).
PATIENT_ROUTE_STOP = frozenset("""
safety information education care blood management experience experiences journey portal record
records data consent advocate advocates advocacy flow outcome outcomes satisfaction transport summary
history registry list id number numbers zero monitoring monitor reported centered centred first
engagement pathway pathways selection population groups group cohort sample samples volume leaflet
leaflets handout forum council rights charter navigator liaison services service relations feedback
complaints complaint access identification identifier room rooms bed beds unit units area zone age
sex gender weight height factors characteristics status level levels preference preferences alert
alerts controlled demographics decision decisions partner partners participation voice voices
perspective perspectives panel representative representatives relatives family families guide
guides app apps story stories self questionnaire questionnaires survey surveys health notes note
chart charts file files case cases profile profiles load mix throughput info infos
anfang mitte ende aufnahme verlegung übergabe zustand verdacht typ grad stadium kollektiv
kollektive gruppe gruppen daten akte akten sicherheit versorgung aufklärung information informationen
verfügung zimmer bett station alter geschlecht gewicht größe status
""".split())

GERMAN_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "itis", "iker", "ikerin",
                        "ungen", "heiten", "keiten", "tionen", "ismen", "täten")

# Particles that may sit inside a European name ("Ludwig van Beethoven", "Herr von Bergen").
NAME_PARTICLES = frozenset("von van de der den da di del du le la zu vom ten ter bin binti al el".split())

# Hindi words that cannot be (part of) a name: function words, pronouns, common clinical nouns and
# adjectives that typically follow मरीज़ / रोगी.
HI_STOP = _nfc("""
को का की के ने से में पर है हैं था थी थे हो हुआ हुई हुए एक यह वह ये वो और भी तो जो कि बहुत अब आज कल
पहले बाद लंबे समय उम्र आयु नाम ठीक स्थिर गंभीर बेहोश होश सांस साँस बुखार दर्द खांसी खाँसी उल्टी दस्त
कमजोर कमज़ोर परिवार परिजन रिश्तेदार डायबिटिक मधुमेह हाइपरटेंसिव पुरुष महिला बच्चा बच्चे बच्ची
बुज़ुर्ग बुजुर्ग बूढ़े बूढ़ी वृद्ध युवक युवती लड़का लड़की पिछले वर्ष साल दिन हफ्ते हफ़्ते महीने अस्पताल
भर्ती डिस्चार्ज इलाज दवा दवाई दवाइयां दवाइयाँ रिपोर्ट जांच जाँच टेस्ट ऑपरेशन सर्जरी स्टेबल अभी फिर
लगातार कई सभी कुछ अपनी अपने अपना उनकी उनके उनका इसकी इसके इसका उसकी उसके उसका खुद घर वापस रात
सुबह शाम हर किसी कोई नहीं ना न हाँ हां मैं हम आप उन्हें उसे इन्हें इसे रहा रही रहे गया गई गए करें
करना किया दिया लिया चाहिए सकते सकता सकती वाले वाली वाला जिनका जिनकी जिनके जिसका जिसकी जिसके
धूम्रपान शराब तंबाकू तम्बाकू ऑक्सीजन वेंटिलेटर आईसीयू वार्ड बेड बिस्तर पेट सिर छाती सीने पैर हाथ
कमर पीठ गला आंख आँख कान नाक त्वचा खून ब्लड शुगर बीपी हृदय दिल फेफड़े किडनी लिवर गुर्दे मस्तिष्क
दौरा दौरे झटके चक्कर सूजन पीलिया खुजली घाव संक्रमण इन्फेक्शन कैंसर टीबी दमा अस्थमा निमोनिया
मलेरिया डेंगू टाइफाइड हैजा कोविड ज्यादा ज़्यादा कम अधिक लगभग करीब सिर्फ़ सिर्फ केवल पूरी पूरा पूरे
नया नई नए पुराना पुरानी पुराने अच्छा अच्छी बुरा खराब ख़राब सामान्य असामान्य पॉजिटिव नेगेटिव
गर्भवती प्रेग्नेंट डिलीवरी बच्चेदानी मरीज़ मरीज रोगी मरीज़ों मरीजों रोगियों लोग लोगों कौन क्या कैसे
क्यों कब कहाँ कहां जब तब यहाँ वहाँ यहां वहां इस उस इन उन हमारे हमारी हमारा मेरा मेरी मेरे आपका
आपकी आपके जैसे जैसा जैसी तरह तरफ़ तरफ साथ बिना लिए लिये द्वारा तक ओर बार दो तीन चार पांच पाँच
एम्बुलेंस इमरजेंसी ओपीडी आईपीडी फॉलो अप चेकअप डॉक्टर डॉ डॉक्टरों नर्स स्टाफ़ स्टाफ टीम यूनिट
आए आई आया आएं आते आती आता गए गई गया जाते जाती जाता रहते रहती रहता होते होती होता करते करती करता
कहा कहते कहती मिला मिली मिले मिलते लगा लगी लगे लगता लगती देखा देखी देखे बोला बोली बोले चाहते चाहती
पड़ा पड़ी पड़े बैठे बैठी लेटे लेटी सोए सोई उठे उठी गिरे गिरी रोए रोई हँसे बचे बची बचा मरे मरी मरा
""".split())

HI_SURNAMES = _nfc("""
शर्मा वर्मा सिंह कुमार कुमारी देवी प्रसाद गुप्ता पटेल यादव खान ख़ान जैन अग्रवाल मिश्रा मिश्र तिवारी
चौधरी राव रेड्डी नायर पांडे पांडेय पाण्डेय दास लाल बाई बेगम शेख शेख़ अली अहमद मौर्य ठाकुर चौहान
राठौर राठौड़ जोशी भट्ट मेहता शाह देसाई कुलकर्णी पाटिल नायडू पिल्लई मेनन अय्यर बनर्जी चटर्जी मुखर्जी
घोष बोस सेन रॉय राय सिन्हा श्रीवास्तव सक्सेना कपूर खन्ना मल्होत्रा अरोड़ा भाटिया गिल सिद्धू बत्रा
त्रिपाठी दुबे द्विवेदी चतुर्वेदी शुक्ला उपाध्याय पाठक ओझा झा सहाय रहमान हुसैन क़ुरैशी कुरैशी अंसारी
सिद्दीकी फ़ारूक़ी फारूकी मलिक बानो ख़ातून खातून कौर नाथ चंद चन्द राम दत्त भारद्वाज रस्तोगी गोयल
बंसल मित्तल सिंघल जिंदल गर्ग चावला सेठी आहूजा नागर मीणा मीना गहलोत बिश्नोई सोलंकी परमार
""".split())

HI_POSTPOSITIONS = _nfc("को का की के ने से में पर जी".split())
