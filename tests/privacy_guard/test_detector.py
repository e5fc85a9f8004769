"""Unit tests for the patient-data guard detector (pure Python, no app needed)."""
from __future__ import annotations

import re

import pytest

from forum.privacy_guard.detector import (
    CATEGORIES,
    Finding,
    GuardConfig,
    PatternError,
    compile_extra_pattern,
    scan,
)

from .corpus import AADHAAR1, IDNR1, KVNR1, SVNR1

TYPES = {"patient_name", "date", "age", "phone", "email", "address", "postal_code", "record_number",
         "insurance_number", "national_id", "ip_address", "url", "licence_plate", "device_serial", "bank_account",
         "custom"}


def spans(text: str, config: GuardConfig | None = None) -> list[tuple[str, str]]:
    return [(f.type, text[f.start:f.end]) for f in scan(text, config)]


def assert_found(text: str, typ: str, sub: str, config: GuardConfig | None = None) -> Finding:
    start = text.index(sub)
    end = start + len(sub)
    hits = [f for f in scan(text, config) if f.type == typ and f.start < end and start < f.end]
    assert hits, f"expected {typ} on {sub!r}, got {spans(text, config)}"
    return hits[0]


# ------------------------------------------------------------------ positives per type and language

POSITIVES = [
    # English
    ("en", "Mr. Harold Jenkins has AF and a recent GI bleed.", "patient_name", "Harold Jenkins"),
    ("en", "Can someone read this ECG? Pt Maria Gonzalez, palpitations.", "patient_name", "Maria Gonzalez"),
    ("en", "Patient name: Rafael Ortiz, transferred without imaging.", "patient_name", "Rafael Ortiz"),
    ("en", "Mrs. van der Berg fell again last night.", "patient_name", "van der Berg"),
    ("en", "DOB 03/14/1961, palpitations since this morning.", "date", "03/14/1961"),
    ("en", "She was discharged on March 3, 2024 with a PICC.", "date", "March 3, 2024"),
    ("en", "Born 4 July 1931, now on eleven medications.", "date", "4 July 1931"),
    ("en", "A 92-year-old with AF and falls.", "age", "92-year-old"),
    ("en", "Patient John Carver, aged 96, fell at home.", "age", "aged 96"),
    ("en", "94 y/o lady with a hip fracture.", "age", "94 y/o"),
    ("en", "Please call her back on (617) 555-0123 after the meeting.", "phone", "(617) 555-0123"),
    ("en", "Fax the letter to +44 20 7946 0321 please.", "phone", "+44 20 7946 0321"),
    ("en", "The son wrote from j.mueller.family@gmail.com yesterday.", "email", "j.mueller.family@gmail.com"),
    ("en", "She lives at 1427 Maple Grove Avenue and cannot manage stairs.", "address", "1427 Maple Grove Avenue"),
    ("en", "She lives in Springfield, IL 62704 now.", "postal_code", "Springfield, IL 62704"),
    ("en", "Pathology came back on MRN 00482913 today.", "record_number", "00482913"),
    ("en", "Her medical record number is 5503921.", "record_number", "5503921"),
    ("en", "Member ID W284619375 was rejected again.", "insurance_number", "W284619375"),
    ("en", "The fax included her SSN 512-38-4471.", "national_id", "512-38-4471"),
    ("en", "Unusual login from 203.0.113.47 to the portal.", "ip_address", "203.0.113.47"),
    ("en", "Logins from 2001:db8:85a3::8a2e:370:7334 again.", "ip_address", "2001:db8:85a3::8a2e:370:7334"),
    ("en", "See https://ehr.example.org/chart?mrn=5503921&tab=notes for trends.", "url",
     "https://ehr.example.org/chart?mrn=5503921&tab=notes"),
    ("en", "The car with licence plate 7KDP291 brought him in.", "licence_plate", "7KDP291"),
    ("en", "Interrogated the pacemaker (serial PZP612345S) today.", "device_serial", "PZP612345S"),
    ("en", "Her ICD (S/N: RVK204518) fired twice.", "device_serial", "RVK204518"),
    # German
    ("de", "Frau Gertrud Hoffmann kommt mit Synkopen.", "patient_name", "Gertrud Hoffmann"),
    ("de", "Die Tochter von Herrn Schulz möchte den Befund.", "patient_name", "Schulz"),
    ("de", "Patientin Hatice Yılmaz, 54, seit Wochen Dyspnoe.", "patient_name", "Hatice Yılmaz"),
    ("de", "Pat. Schneider, 73 J., Sturz unter Phenprocoumon.", "patient_name", "Schneider"),
    ("de", "Frau Hoffmann, geb. 12.03.1934, hat Synkopen.", "date", "12.03.1934"),
    ("de", "Die Patientin wurde am 03.01.2024 stationär aufgenommen.", "date", "03.01.2024"),
    ("de", "Geburtsdatum 5. Mai 1938, Z.n. Apoplex.", "date", "5. Mai 1938"),
    ("de", "Pat. Müller, *12.04.1950, jetzt Luxation.", "date", "12.04.1950"),
    ("de", "Die 93-jährige Patientin hat eine Pneumonie.", "age", "93-jährige"),
    ("de", "Herr Özdemir, 91 Jahre alt, VHF.", "age", "91 Jahre alt"),
    ("de", "Sie ist im Alter von 95 Jahren noch selbstständig.", "age", "95"),
    ("de", "Bitte Rückruf unter 030 12345678 am Nachmittag.", "phone", "030 12345678"),
    ("de", "Die Tochter ist unter 0171 2345678 erreichbar.", "phone", "0171 2345678"),
    ("de", "Bitte an sabine.krause@web.de schicken.", "email", "sabine.krause@web.de"),
    ("de", "Er wohnt allein in der Hauptstraße 12 im dritten Stock.", "address", "Hauptstraße 12"),
    ("de", "Der Pflegedienst findet Musterweg 3a nicht.", "address", "Musterweg 3a"),
    ("de", "Er wohnt in 10115 Berlin bei seiner Tochter.", "postal_code", "10115 Berlin"),
    ("de", "Fallnummer 2024-0087413: der Befund fehlt.", "record_number", "2024-0087413"),
    ("de", "Pat.-ID 88214307 im Labor falsch zugeordnet.", "record_number", "88214307"),
    ("de", "Die Kasse fordert die Fall-Nr. 7730021 an.", "record_number", "7730021"),
    ("de", f"Im Brief steht die Versichertennummer {KVNR1}.", "insurance_number", KVNR1),
    ("de", f"Die Nummer {KVNR1} stand auf dem Foto.", "insurance_number", KVNR1),  # check digit alone
    ("de", f"Versehentlich wurde {IDNR1} mitgeschickt.", "national_id", IDNR1),
    ("de", f"Rentenversicherungsnummer {SVNR1} im Antrag.", "national_id", SVNR1),
    ("de", "Das Kennzeichen des Unfallwagens war B-AB 1234.", "licence_plate", "B-AB 1234"),
    ("de", "Die Seriennummer des Schrittmachers lautet PJN447812H.", "device_serial", "PJN447812H"),
    # Hindi (Devanagari, mixed with English terms)
    ("hi", "श्रीमती सुनीता शर्मा की INR 4.5 आ रहा है।", "patient_name", "सुनीता शर्मा"),
    ("hi", "मरीज़ रामेश्वर प्रसाद, 72 वर्ष, को COPD है।", "patient_name", "रामेश्वर प्रसाद"),
    ("hi", "रोगी सीता देवी को ICU में रखा है।", "patient_name", "सीता देवी"),
    ("hi", "मरीज़ का नाम अब्दुल रहमान है।", "patient_name", "अब्दुल रहमान"),
    ("hi", "जन्म तिथि 15/08/1952 है, INR ज़्यादा है।", "date", "15/08/1952"),
    ("hi", "रोगी को 03/02/2024 को ICU में भर्ती किया गया।", "date", "03/02/2024"),
    ("hi", "92 वर्षीय पुरुष hip fracture के साथ आए हैं।", "age", "92 वर्षीय"),
    ("hi", "श्री गुप्ता, उम्र 94 साल, dialysis नहीं चाहते।", "age", "94"),
    ("hi", "परिवार वाले 98765 43210 से फोन कर रहे हैं।", "phone", "98765 43210"),
    ("hi", "Follow-up के लिए +91 80 2222 1234 पर call करें।", "phone", "+91 80 2222 1234"),
    ("hi", "बेटे का email ramesh.verma1980@yahoo.co.in है।", "email", "ramesh.verma1980@yahoo.co.in"),
    ("hi", "UHID 2024000876 वाले मरीज़ की report गुम है।", "record_number", "2024000876"),
    ("hi", "IP No. 23/11452 - मरीज़ को sepsis है।", "record_number", "23/11452"),
    ("hi", f"आधार नंबर {AADHAAR1} discharge summary पर छपा है।", "national_id", AADHAAR1),
    ("hi", "मरीज़ Flat 4B, MG Road, Bengaluru 560001 में रहते हैं।", "address", "Flat 4B"),
    ("hi", "मरीज़ Flat 4B, MG Road, Bengaluru 560001 में रहते हैं।", "postal_code", "560001"),
    ("hi", "सेक्टर 15 से आई महिला को pneumonia है।", "address", "सेक्टर 15"),
    ("hi", "गाड़ी का नंबर MH 12 AB 1234 था।", "licence_plate", "MH 12 AB 1234"),
    ("hi", "Pacemaker का serial number SJM88214577 है।", "device_serial", "SJM88214577"),
    # failure classes of posts written independently of the detector
    ("de", "Herr Dr. Klaus Dietrich, unser Patient, verweigert die Dialyse.", "patient_name", "Klaus Dietrich"),
    ("en", "Mrs. Prof. Anne Lowe, the patient in bed 3, is septic.", "patient_name", "Anne Lowe"),
    ("hi", "मरीज़ Ramesh Yadav को कल discharge किया गया।", "patient_name", "Ramesh Yadav"),
    ("hi", "श्री Anil जी को chest pain है।", "patient_name", "Anil"),
    ("en", "Saw mr peter novak in clinic today.", "patient_name", "peter novak"),
    ("en", "Gerald Pike, 42M, chest pain for 40 min.", "patient_name", "Gerald Pike"),
    ("de", "Schmidt, 87 J., w, periprothetische Fraktur.", "patient_name", "Schmidt"),
    ("en", "Margaret Olsen (96) fell at home again.", "age", "96"),
    ("en", "Pt Sunita Rao, 91, lives alone.", "age", "91"),
    ("en", "A woman in her late nineties with delirium.", "age", "late nineties"),
    ("en", "Ninety-four-year-old man with urosepsis.", "age", "Ninety-four-year-old"),
    ("de", "Die Patientin ist dreiundneunzig Jahre alt.", "age", "dreiundneunzig Jahre"),
    ("hi", "दादी जी की उम्र निन्यानवे साल है।", "age", "निन्यानवे साल"),
    ("de", "Zum 100. Geburtstag kam die ganze Familie.", "age", "100. Geburtstag"),
    ("en", "She just had her 95th birthday.", "age", "95th birthday"),
    ("en", "The patient was born in 1931 and still drives.", "age", "1931"),
    ("de", "Patient Jahrgang 1929, Z. n. Apoplex.", "age", "1929"),
    ("hi", "मरीज़ का जन्म 1934 में हुआ था।", "age", "1934"),
    ("en", "Date of birth the third of March 1933, lives alone.", "date", "the third of March 1933"),
    ("de", "Sie kam am 3. Mai in die Notaufnahme.", "date", "3. Mai"),
    ("hi", "मरीज़ को 15/03/2024 को discharge किया।", "date", "15/03/2024"),
    ("en", "He was brought in by ambulance on 14 February 2024.", "date", "14 February 2024"),
    ("en", "Request under Ref#H2291847 was lost.", "record_number", "H2291847"),
    ("en", "UHID: AB-778899 is missing a report.", "record_number", "AB-778899"),
    ("en", "Generator SN 4471882A at ERI.", "device_serial", "4471882A"),
    ("hi", "गाड़ी DL 3C AB 1234 बाहर खड़ी है।", "licence_plate", "DL 3C AB 1234"),
    ("en", "The MBI 1EG4-TE5-MK73 was rejected.", "insurance_number", "1EG4-TE5-MK73"),
    ("de", "Die IBAN DE89 3704 0044 0532 0130 00 stand im Brief.", "bank_account", "DE89 3704 0044 0532 0130 00"),
    ("en", "Refund to IBAN GB82WEST12345698765432 please.", "bank_account", "GB82WEST12345698765432"),
    ("hi", "खाता संख्या 31245678901 में refund भेजें।", "bank_account", "31245678901"),
    ("en", "Refund to account no. 50100234567891 at HDFC.", "bank_account", "50100234567891"),
    ("en", "Family set up https://www.gofundme.com/f/help-dave-beat-als for him.", "url",
     "https://www.gofundme.com/f/help-dave-beat-als"),
    ("en", "Her son posts at instagram.com/nana_rose_fights daily.", "url", "instagram.com/nana_rose_fights"),
    ("en", "Call his wife on nine one seven five five five zero one four two.", "phone",
     "nine one seven five five five zero one four two"),
    ("de", "Herr Prof. Dr. med. Hans Albers, Patient auf Station 3, hat Fieber.", "patient_name", "Hans Albers"),
    ("en", "Patient Dr. Weber was admitted with chest pain.", "patient_name", "Weber"),
    ("hi", "मरीज़ का नाम Priya Singh है, fever है।", "patient_name", "Priya Singh"),
    ("hi", "रमेश यादव, 45/M, chest pain के साथ आए।", "patient_name", "रमेश यादव"),
    ("en", "Smith, 67/F, presents with syncope.", "patient_name", "Smith"),
    ("en", "mrs kaur was admitted yesterday", "patient_name", "kaur"),
    ("de", "Sie ist im 94. Lebensjahr und noch mobil.", "age", "94. Lebensjahr"),
    ("en", "He turned 97 last week and now refuses dialysis.", "age", "97"),
    ("en", "YOB 1931, lives alone.", "age", "1931"),
    # a year of birth less than 90 years ago is part of a birth date, not an age of 90 or over
    ("en", "The patient was born in 1975 and works nights.", "date", "1975"),
    ("de", "Sie ist Jahrgang 1968 und Raucherin.", "date", "1968"),
    # new shapes: handover shorthand without a comma, later mentions of the same name, a name before
    # a date-of-birth label, a lower-case name after a cue, a year of birth in words, "(91)" after a
    # word for a person, a hospital's letters-year-number case number, a blog's own subdomain
    ("en", "Bed 4 Novak 81F, fell at night.", "patient_name", "Novak"),
    ("de", "Übergabe: Yilmaz 67M, NSTEMI. Soll Yilmaz heute noch ins Katheterlabor?", "patient_name", "Yilmaz"),
    ("en", "Letter header: Re: Ada Finch, DOB 02/11/1930, please file.", "patient_name", "Ada Finch"),
    ("de", "pat. frau erna kluge, z.n. hüft-tep, inr 4,8", "patient_name", "erna kluge"),
    ("de", "Sie sei neunzehnhundertneunundzwanzig geboren.", "age", "neunzehnhundertneunundzwanzig"),
    ("hi", "नानी (९४) को fall हुआ।", "age", "९४"),
    ("de", "Der Befund zu KH-2023-11872 fehlt.", "record_number", "KH-2023-11872"),
    ("en", "His son writes about his chemo at bills-fight.wordpress.com every week.", "url",
     "bills-fight.wordpress.com"),
    ("de", "Er wohnt in der Gartenstraße 7, 50674, im dritten Stock.", "postal_code", "50674"),
    ("de", "Sie ist 1932 geboren und lebt allein.", "age", "1932"),
    ("hi", "वे 1930 में पैदा हुए थे।", "age", "1930"),
    ("de", "Am 12.03.2024 stellte sie sich mit Dyspnoe vor.", "date", "12.03.2024"),
    ("hi", "12 मार्च को ICU में shift किया।", "date", "12 मार्च"),
    ("de", "Geboren am dritten März 1933, lebt allein.", "date", "dritten März 1933"),
    ("de", "Sein Auto B-XY 1234 steht noch auf dem Parkplatz.", "licence_plate", "B-XY 1234"),
    ("en", "Refund to his SBI account 34567890123 please.", "bank_account", "34567890123"),
    ("hi", "Payment UPI ramesh.k@okaxis पर बेटे ने किया।", "bank_account", "ramesh.k@okaxis"),
    ("en", "Her daughter posts on Instagram @nana_rose_fights every day.", "url", "@nana_rose_fights"),
    ("en", "Write to anna.schmidt at gmail dot com for the records.", "email", "anna.schmidt at gmail dot com"),
    ("hi", "बेटे का mail ramesh[at]yahoo[dot]co[dot]in है।", "email", "ramesh[at]yahoo[dot]co[dot]in"),
    ("de", "Familie Müller möchte ein Gespräch.", "patient_name", "Müller"),
    ("en", "The Patel family refuses the PEG.", "patient_name", "Patel"),
]


@pytest.mark.parametrize("lang,text,typ,sub", POSITIVES, ids=[f"{p[0]}-{p[2]}-{i}" for i, p in enumerate(POSITIVES)])
def test_detects(lang, text, typ, sub):
    assert_found(text, typ, sub)


def test_every_type_has_a_positive_case_in_each_relevant_language():
    covered = {(lang, typ) for lang, _t, typ, _s in POSITIVES}
    for typ in TYPES - {"custom"}:
        assert (("en", typ) in covered) or (("de", typ) in covered) or (("hi", typ) in covered), typ
    for lang in ("en", "de", "hi"):
        assert len({typ for lng, typ in covered if lng == lang}) >= 10, lang


# ------------------------------------------------------------------ hard negatives

NEW_CLASS_NEGATIVES = [
    "If in doubt call Poison Control at 1-800-222-1222 about the overdose.",
    "Our hotline for referrals is toll-free: 1-800-273-8255.",
    "Giftnotruf München 089 19240 hat gut beraten.",
    "Die Telefonseelsorge ist unter 0800 1110111 erreichbar.",
    "Poison helpline 1800-116-117 पर call करें।",
    "In the late nineties, most units used digoxin.",
    "Patients born in the 1950s missed the vaccine.",
    "Deutsches Ärzteblatt, Jahrgang 121, Heft 4.",
    "Smith, 2019 and Patel, 2021 disagree on the dose.",
    "One or two tablets three times a day for five to seven days.",
    "The society posts at instagram.com/acc_cardiology and https://www.nice.org.uk/guidance/ng136.",
    "Mild mr and tr on the echo, EF 55%.",
    "Frau Dr. Weber aus der Neurologie hielt den Vortrag.",
    "Celebrating the 75th birthday of the NHS.",
    "Account for 40% of admissions in winter.",
    "मरीज़ ICU में है, BP 90/60 है।",
    "मरीज़ Dengue positive है, platelets 40000 हैं।",
    "नब्बे के दशक में यह दवा बहुत चलती थी।",
    "Hb (96) and Na, 135, were stable.",
    "Ninety patients were enrolled in the trial.",
    "The ESC data were presented on 12 March 2024 in London.",
    "Die Leitlinie kam am 3. März 2024 heraus.",
    "Moderate mr is present, EF 45%.",
    "She turned 90 degrees to the left.",
    "The drug was shifted to the 2024 formulary.",
    "The 94th year of the journal.",
    "Follow the society on Instagram @cardio_society for updates.",
    "The society posts updates at instagram.com every week.",
    "The Whipple family of procedures and family Medicine rotations.",
    "Familie und Beruf sind vereinbar.",
    # near-misses of the newer shapes
    "Foley 16F catheter placed, urine clear.",
    "A 7F sheath and a 6F guide catheter were used.",
    "Mr. Harris, our charge nurse, asked about the vancomycin loading dose.",
    "Herr Krause aus der Pflegedirektion fragt nach der Sturzprophylaxe.",
    "The guideline from nineteen ninety-eight is outdated.",
    "Our team blog moved to konsil-cardiology.wordpress.com last year.",
    "Version 10.2.0.1 of the PACS viewer is slow.",
    "Trial NCT01234567 and CTRI/2020/05/025000 recruited in 2021.",
    "Der Kongress 2024 in Köln war gut besucht.",
    "Sats 92 on air, RR 24, HR 110 (sinus).",
]


@pytest.mark.parametrize("text", NEW_CLASS_NEGATIVES)
def test_new_class_negatives_stay_clean(text):
    assert spans(text) == []


def test_hotline_does_not_raise_confidence():
    plain = [f.confidence for f in scan("Reach the ward on 0221 4785 3321 any time.") if f.type == "phone"]
    hotline = [f.confidence for f in scan("Reach the ward hotline 0221 4785 3321 any time.") if f.type == "phone"]
    assert plain and all(h <= plain[0] for h in hotline)


def test_instance_public_numbers_are_not_flagged():
    text = "Our switchboard is 0221 4785 3321, the daughter is on 0171 2345678."
    config = GuardConfig(public_numbers=("+4922147853321",))
    assert spans(text, config) == [("phone", "0171 2345678")]
    assert ("phone", "0221 4785 3321") in spans(text.replace("Our switchboard is", "Her son is"))


HARD_NEGATIVES = [
    "Norepinephrine 0.05 mcg/kg/min, vancomycin 15 mg/kg, oxygen 2 l/min, 0.9% NaCl 1000 ml.",
    "Hb 9.2 g/dl, CRP 120 mg/l, K+ 5.8 mmol/l, eGFR 45, platelets 245 000/µl.",
    "Coded as I21.4 and E11.9; OPS 5-470.11 and 8-930; ATC C07AB02.",
    "The 2023 ESC guidelines were updated on 12.03.2024, see version 2.4.1, pages 12-19.",
    "See doi 10.1056/NEJMoa2034577, PMID: 31562799 and N Engl J Med 2020;383:1813-26.",
    "Parkinson, Hashimoto and Crohn in one patient - and Dr. Osler's aphorism still holds.",
    "@anna.schmidt can you share the slides? Handover at 14:30, round at 8 pm.",
    "BP 120/80, HR 72, SpO2 97%, ward 4 is short-staffed, Station 3B ist unterbesetzt.",
    "Patients aged 90 and over were excluded; a woman in her 90s; adults over 65.",
    "Patient A and Patient B both had QT prolongation; Patient Safety Alert 2024/07.",
    "Frau Kollegin, Herr Kollege, Frau Dr. Weber: danke für den Vortrag!",
    "Eine junge Frau Mitte 30 mit Hashimoto; der Patient Anfang 70 mit COPD.",
    "Heparin 25.000 IE auf 50 ml, Leukozyten 12.300/µl, CK 12.450 U/l.",
    "Patienten über 90 Jahre wurden ausgeschlossen; Kapitel 4.2.1.3 der Leitlinie.",
    "मरीज़ को तेज़ बुखार है और CRP 120 mg/l है।",
    "90 वर्ष से अधिक उम्र के मरीज़ों को trial से बाहर रखा गया था।",
    "रोगी की हालत स्थिर है, BP 120/80, SpO2 95%।",
    "Mr K. and Frau M. (82) are pseudonymised already.",
    "Recommendation 4.2.1.3 and the 2.2.2.2 rule; HLA-B 27 positive.",
    "Lancet 2019;394(10204):1145-58; NCT01035255; ISBN 978-1-26-426850-4.",
    "Behandlungspfad 2, Dialyseplatz 4, Zimmer 12, Bett 3.",
    "श्री राम अस्पताल में 200 beds हैं।",
    "Don't Miss Sepsis: the teaching series starts Monday.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_pass_untouched(text):
    assert scan(text) == [], spans(text)


# ------------------------------------------------------------------ finding shape

MIXED = ("Mr. Harold Jenkins, DOB 03/14/1961, MRN 00482913, call (617) 555-0123 or mail "
         "h.jenkins@example.org; he is a 92-year-old from 1427 Maple Grove Avenue.")


def test_findings_sorted_and_non_overlapping():
    findings = scan(MIXED)
    assert len(findings) >= 6
    for a, b in zip(findings, findings[1:]):
        assert a.start < a.end <= b.start < b.end


def test_confidence_present_and_in_range():
    config = GuardConfig()
    for f in scan(MIXED):
        assert isinstance(f.confidence, float)
        assert config.min_confidence <= f.confidence <= 1.0
        assert f.type in CATEGORIES
        assert f.explanation and isinstance(f.explanation, str)


def test_as_dict_never_contains_matched_text():
    for f in scan(MIXED):
        d = f.as_dict()
        assert set(d) == {"start", "end", "type", "explanation", "confidence"}
        matched = MIXED[f.start:f.end]
        assert all(matched not in str(v) for v in d.values())


def test_categories_cover_all_types():
    assert set(CATEGORIES) == TYPES
    assert all(isinstance(label, str) and label for label in CATEGORIES.values())


def test_finding_is_frozen():
    f = scan("MRN 00482913")[0]
    with pytest.raises(Exception):
        f.start = 0  # type: ignore[misc]


def test_empty_and_clean_text():
    assert scan("") == []
    assert scan("Nothing to see here.") == []


def test_offsets_refer_to_the_original_text():
    text = "İstanbul 📞 Frau Müller: Tel. 030 12345678"
    f = assert_found(text, "phone", "030 12345678")
    assert text[f.start:f.end] == "030 12345678"


def test_precomposed_nukta_spelling():
    assert_found("मरी\u095b रामेश्वर प्रसाद को बुखार है।", "patient_name", "रामेश्वर प्रसाद")
    assert_found("मरीज\u093c रामेश्वर प्रसाद को बुखार है।", "patient_name", "रामेश्वर प्रसाद")


def test_overlapping_candidates_merge_to_most_specific():
    text = "Chart: http://10.0.4.23/viewer?uhid=2024000876 please"
    findings = scan(text)
    assert len(findings) == 1 and findings[0].type == "url"


# ------------------------------------------------------------------ configuration

def test_disabled_category_yields_nothing_for_it():
    config = GuardConfig(enabled_categories=frozenset(CATEGORIES) - {"phone", "patient_name"})
    types = {f.type for f in scan(MIXED, config)}
    assert "phone" not in types and "patient_name" not in types
    assert "record_number" in types and "date" in types


def test_no_enabled_category_yields_nothing():
    assert scan(MIXED, GuardConfig(enabled_categories=frozenset())) == []


def test_only_one_category():
    config = GuardConfig(enabled_categories=frozenset({"email"}))
    assert {f.type for f in scan(MIXED, config)} == {"email"}


def test_phone_regions_are_respected():
    de_only = GuardConfig(phone_regions=("DE",))
    us_only = GuardConfig(phone_regions=("US",))
    german = "Bitte Rückruf unter 030 12345678."
    american = "Please call her on (617) 555-0123."
    assert [f.type for f in scan(german, de_only)] == ["phone"]
    assert scan(german, us_only) == []
    assert [f.type for f in scan(american, us_only)] == ["phone"]
    assert scan(american, de_only) == []
    # international format works whatever the regions
    assert [f.type for f in scan("Fax: +44 20 7946 0321", de_only)] == ["phone"]
    assert scan(german, GuardConfig(phone_regions=())) == []


def test_min_confidence():
    text = "Unfallwagen B-AB 1234 stand vor der Tür."  # a plate without context: low confidence
    assert scan(text) == []
    low = scan(text, GuardConfig(min_confidence=0.3))
    assert [f.type for f in low] == ["licence_plate"] and low[0].confidence < 0.5
    assert scan("MRN 00482913", GuardConfig(min_confidence=0.99)) == []


def test_extra_patterns_produce_custom_findings():
    config = GuardConfig(extra_patterns=(("KH number", r"KH-\d{6}", "Our internal case number."),))
    text = "Bitte KH-123456 prüfen, nicht KH-12."
    findings = scan(text, config)
    assert [(f.type, text[f.start:f.end], f.explanation) for f in findings] == [
        ("custom", "KH-123456", "Our internal case number.")]
    off = GuardConfig(extra_patterns=config.extra_patterns,
                      enabled_categories=frozenset(CATEGORIES) - {"custom"})
    assert scan(text, off) == []


def test_invalid_extra_pattern_is_ignored_not_fatal():
    config = GuardConfig(extra_patterns=(("bad", r"(a+)+$", "x"), ("ok", r"ZZ-\d{3}", "y")))
    assert [f.type for f in scan("aaaa ZZ-123", config)] == ["custom"]


# ------------------------------------------------------------------ compile_extra_pattern

@pytest.mark.parametrize("source,fragment", [
    (r"(a+)+$", "nested"),
    (r"(.*)*", "nested"),
    ("", "empty"),
    ("   ", "empty"),
    ("a|", "empty string"),
    ("x?", "empty string"),
    ("^", "empty string"),
    (r"\d+", "unbounded"),
    (r"KH-.*", "unbounded"),
    (r"(a|aa){1,20}", "alternatives"),
    (r"(a)\1", "backreference"),
    ("(", "not a valid regular expression"),
    ("[a-", "not a valid regular expression"),
    (r"\d{1,100}\d{1,100}\d{1,100}", "ambiguous"),
    ("x" * 600, "too long"),
])
def test_compile_extra_pattern_rejects(source, fragment):
    with pytest.raises(PatternError) as info:
        compile_extra_pattern(source)
    message = info.value.message
    assert isinstance(info.value, ValueError)
    assert message == str(info.value) and len(message) > 15
    assert fragment.lower() in message.lower()


@pytest.mark.parametrize("source,sample", [
    (r"KH-\d{6}", "KH-123456"),
    (r"[A-Z]{2}-\d{4,8}", "AB-12345"),
    (r"(?i)fallakte\s?\d{5}", "Fallakte 12345"),
    (r"(?:KH|KR)-[0-9]{3}", "KR-001"),
])
def test_compile_extra_pattern_accepts(source, sample):
    pattern = compile_extra_pattern(source)
    assert isinstance(pattern, re.Pattern)
    assert pattern.search(sample)


# Shapes that the second held-out set showed missing, written anew (never copied from that set):
# handover lines, initials before a surname, lower-case names after a cue, prefixed running
# numbers, day-precise dates next to a procedure, ages of 90+ in words or shorthand.
GENERAL_SHAPES = [
    ("de", "Nachtdienst: Zi. 7 Hagedorn 83m, Pneumonie, O2 2 l.", "patient_name", "Hagedorn"),
    ("en", "Handover: bed 11 Okafor 95F, delirium, on haloperidol prn.", "age", "95"),
    ("hi", "Round: बेड 4 यादव 67F, sepsis, meropenem चल रहा है।", "patient_name", "यादव"),
    ("de", "Visite: Mertens, 58w, Cholangitis, ERCP morgen.", "patient_name", "Mertens"),
    ("en", "Advice please on R. K. Menon, a retired judge admitted with pancreatitis.", "patient_name", "R. K. Menon"),
    ("hi", "पेशेंट आर. के. मिश्रा का potassium 6.8 है।", "patient_name", "आर. के. मिश्रा"),
    ("en", "pt is dorothy blackwood, 71, with cellulitis again.", "patient_name", "dorothy blackwood"),
    ("de", "patientin sabine kellermann, 49, mit Migräne-Status.", "patient_name", "sabine kellermann"),
    ("hi", "patient ka naam arjun mehra hai, 30 saal, typhoid.", "patient_name", "arjun mehra"),
    ("en", "saw mrs pemberton on the ward round, she is confused.", "patient_name", "pemberton"),
    ("hi", "Form पर Name: सुरेश कुमार यादव, Age 64 लिखा है।", "patient_name", "सुरेश कुमार यादव"),
    ("en", "Please see Augustine Mbeki, aged 88, for a falls review.", "patient_name", "Augustine Mbeki"),
    ("en", "Cytology on CY-23-40127 still pending.", "record_number", "CY-23-40127"),
    ("de", "Befund MB/24/118207 fehlt in der Akte.", "record_number", "MB/24/118207"),
    ("en", "Re: NHS number 401 023 2137, the repeat prescription.", "record_number", "401 023 2137"),
    ("en", "Home visit to 3 Elm Row, LS6 2QB this afternoon.", "postal_code", "LS6 2QB"),
    ("hi", "पता: फ्लैट 12, गंगा निवास, अलीगंज, लखनऊ — visit करें।", "address", "फ्लैट 12, गंगा निवास, अलीगंज"),
    ("en", "She had her ablation on 2023-11-06 and now has AF again.", "date", "2023-11-06"),
    ("de", "Die OP war am 9. März, seitdem Fieber.", "date", "9. März"),
    ("en", "Discharged Mon 3/4, readmitted with a leak.", "date", "Mon 3/4"),
    ("hi", "Surgery 14 जून को हुई थी, अब fever है।", "date", "14 जून"),
    ("hi", "Baby 2 tareekh ko ICU se ward gaya.", "date", "2 tareekh"),
    ("en", "She's ninety-six and wants everything done.", "age", "ninety-six"),
    ("en", "He turned a hundred and two in March.", "age", "a hundred and two"),
    ("de", "Der Herr ist siebenundneunzig und lebt allein.", "age", "siebenundneunzig"),
    ("de", "Sie ist hunderteins Jahre alt.", "age", "hunderteins"),
    ("en", "A gentleman of 94 with urosepsis.", "age", "94"),
    ("hi", "Nani 96 saal ki hain, hip fracture hai.", "age", "96"),
    ("de", "Pat. (geb. 1930) mit Exsikkose.", "age", "1930"),
    ("hi", "1931 mein paida hue the, ab stroke hua hai.", "age", "1931"),
]


@pytest.mark.parametrize("lang,text,typ,sub", GENERAL_SHAPES,
                         ids=[f"{p[0]}-{p[2]}-{i}" for i, p in enumerate(GENERAL_SHAPES)])
def test_detects_general_shapes(lang, text, typ, sub):
    assert_found(text, typ, sub)


GENERAL_SHAPE_NEGATIVES = [
    "Fever 104 F overnight, paracetamol given.",           # a temperature, not age and sex
    "Walked 95m with the physio today.",                   # a distance
    "Dr. R. K. Menon suggested a CT first.",               # a colleague with initials
    "As J. A. Smith et al. showed, the risk is low.",      # a citation
    "Bed 4 is free, room 2 needs cleaning.",               # beds without a patient
    "pt is stable, sats fine, plan as before.",            # lower-case words after a cue, not a name
    "ISO-13485 and EN-60601 certified pump.",              # standards, not running numbers
    "ICD-10 code I21.4, DSM-5 criteria met.",
    "The new guideline was published on 2024-03-11.",      # a publication date
    "Die neue Regelung gilt seit dem 01.07.2025 für alle Stationen.",
    "Fortbildung am Fr., 22.11., Thema Sepsis.",
    "Accuracy is ninety-five percent in the trial.",       # a share, not an age
    "Mitte der neunziger Jahre wurde das Verfahren eingeführt.",
    "Call NHS 111 for out-of-hours advice.",               # a public service number
]


@pytest.mark.parametrize("text", GENERAL_SHAPE_NEGATIVES)
def test_general_shape_negatives_stay_clean(text):
    assert scan(text) == [], spans(text)


# Shapes that the third held-out set showed missing, written anew (never copied from that set): names
# without a cue (a known first name and a surname), pasted headers with the surname in capitals,
# lower-case names after a cue, two initials before a surname, handover list items with a lower-case
# sex code, family names with जी/साहब, titles such as Lady or Sgt, dates tied to a procedure in more
# shapes, ages in words, record numbers glued to a letter prefix, links into record systems.
THIRD_SET_SHAPES = [
    ("en", "Margaret Pettigrew has had two syncopal episodes since Friday; tilt test or loop recorder?",
     "patient_name", "Margaret Pettigrew"),
    ("en", "Margaret Pettigrew has had two syncopal episodes; Margaret is anxious about driving.",
     "patient_name", "Margaret"),
    ("de", "Konstantin Hagemeyer ist 23 und hat seit gestern Brustschmerz, Troponin negativ.",
     "patient_name", "Konstantin Hagemeyer"),
    ("hi", "Priyanka Deshmukh 31 साल की है, उसे preeclampsia है।", "patient_name", "Priyanka Deshmukh"),
    ("en", 'Header reads "Name: PEMBERTON-HALE, Charlotte | Ward 9" and nothing else.', "patient_name",
     "PEMBERTON-HALE, Charlotte"),
    ("en", "quick one: the pt, samuel okonkwo, has a potassium of 6.9.", "patient_name", "samuel okonkwo"),
    ("hi", "ek case hai – priya joshi, 52F, dengue with low platelets.", "patient_name", "priya joshi"),
    ("en", "Transfer from the north: T. R. Venkataraman is on a heparin drip.", "patient_name",
     "T. R. Venkataraman"),
    ("de", "Bitte Konsil für H.-J. Brückner-Wendt, Verdacht auf Gicht.", "patient_name", "H.-J. Brückner-Wendt"),
    ("de", "Übergabe: Lindqvist 93w Delir; Brandauer 67m Pneumonie.", "age", "93"),
    ("de", "Übergabe: Lindqvist 93w Delir; Brandauer 67m Pneumonie.", "patient_name", "Brandauer"),
    ("hi", "Ward 2 में बंसल साहब हैं, उनका sugar 40 आया।", "patient_name", "बंसल"),
    ("hi", "Menon साहब की बेटी consent देगी।", "patient_name", "Menon"),
    ("hi", "रामकिशोर चौहान (96) को pneumonia है।", "age", "96"),
    ("hi", "पेशेंट सुनीता 44 साल की है, thyroid storm है।", "patient_name", "सुनीता"),
    ("en", "Lady Fenwick-Hart asked for her own nurse again.", "patient_name", "Fenwick-Hart"),
    ("en", "Capt. Oluwaseun Adeyemi is on the ward after a blast injury.", "patient_name", "Oluwaseun Adeyemi"),
    ("en", "Mr Ó Dálaigh is asking about his biopsy result.", "patient_name", "Dálaigh"),
    ("en", "He had his TURP on 14/10/2025 and bled again yesterday.", "date", "14/10/2025"),
    ("en", "Bronchoscopy was taken Sept 8th, cultures still pending.", "date", "Sept 8th"),
    ("en", "The graft was placed on the 22nd of March and rejected within a week.", "date", "22nd of March"),
    ("de", "Aufnahme am 7.4. mit Pneumonie, Entlassung 15.4., jetzt wieder Fieber.", "date", "7.4."),
    ("en", "A gentleman of ninety-three was brought in confused.", "age", "ninety-three"),
    ("de", "Die Dame wird nächste Woche neunzig und will noch operiert werden.", "age", "neunzig"),
    ("de", "Er ist einhundertdrei Jahre alt und nimmt noch Digitoxin.", "age", "einhundertdrei"),
    ("hi", "Janam 1931 ka likha hai, ab fracture hua hai.", "age", "1931"),
    ("de", "Geburtsdatum laut Ausweis 04.09.1947, die Tochter sagt etwas anderes.", "date", "04.09.1947"),
    ("en", "Could someone re-read KH5520193? I think the CT shows a dissection.", "record_number", "KH5520193"),
    ("de", "Für PID 70014452 fehlt noch der Befund.", "record_number", "70014452"),
    ("hi", "MRD S/2025/4410 वाली file नहीं मिली।", "record_number", "S/2025/4410"),
    ("en", "Images: https://imaging.example-hospital.org/view?accession=55120877 please look.", "url",
     "https://imaging.example-hospital.org/view?accession=55120877"),
    ("de", "Befund unter https://kis.example.local/akte/7712003 ansehen.", "url",
     "https://kis.example.local/akte/7712003"),
    ("de", "Video: https://share.example.de/s/video-pat-8812 – Synkope?", "url",
     "https://share.example.de/s/video-pat-8812"),
    ("en", "Implant ID copied from the manufacturer page: QZ7-55018812, battery low.", "device_serial",
     "QZ7-55018812"),
]


@pytest.mark.parametrize("lang,text,typ,sub", THIRD_SET_SHAPES,
                         ids=[f"{p[0]}-{p[2]}-{i}" for i, p in enumerate(THIRD_SET_SHAPES)])
def test_detects_third_set_shapes(lang, text, typ, sub):
    assert_found(text, typ, sub)


THIRD_SET_NEGATIVES = [
    "Flat 3 of the protocol needs revision.",                          # a numbered item, not an address
    "Door 2 of the old wing is closed for cleaning.",
    "The monitor firmware is 11.4.0.2 and needs an update.",           # a version, not an IP address
    "Unsere Pflegeleitung Frau Janssen hat die Checkliste erneuert.",   # staff named by role first
    "Our charge nurse Mr Abbott has rewritten the falls policy.",
    "Since Michael Douglas spoke about his cancer, many patients ask about HPV.",  # a public figure
    "Seit Ludwig Guttmann wissen wir, wie wichtig Rehabilitation ist.",
    "Do you screen Han Chinese patients for HLA-B*15:02 before carbamazepine?",     # an adjective
    "The Fresenius Kabi pump keeps alarming on the night shift.",      # a device maker
    "Grace Hopper would have loved our new rota app.",                 # not a clinical mention
    "Addison disease and Graves disease can coexist.",                 # eponyms
    "The Rabattvertrag gilt seit 01.04.2025 für alle Kassen.",          # a contract date
    "We discussed the case in the meeting on 12/03/2025.",             # a meeting date
    "Reference ranges: PZN 01234567 is out of stock, NCT04512345 is recruiting.",
    "ein case hai – mein call karta hoon, pharmacy se puchna hai.",    # Hinglish function words
    "शर्मा सर ने कहा कि protocol बदलेगा।",                                 # a colleague ("सर")
    "Dr. A. K. Verma from cardiology will give the lecture.",          # a colleague with initials
]


@pytest.mark.parametrize("text", THIRD_SET_NEGATIVES)
def test_third_set_negatives_stay_clean(text):
    assert scan(text) == [], spans(text)
