"""Labelled corpus for the patient-data guard: short clinical forum posts in English, German and
Hindi (Devanagari mixed with English medical terms).

Every identifier is fictitious but format-valid: numbers with a check digit (KVNR, Aadhaar, German
tax ID, German pension insurance number) get it computed below, phone numbers are valid for the
post's region according to `phonenumbers` (checked in test_corpus.py).

Each post is labelled with the exact substrings that are identifiers and their type.  A post
without labels is a hard negative: clinical text full of numbers, codes, dates and eponyms that
must pass untouched.  The labels describe what a careful human reviewer would flag, not what the
detector happens to catch -- some labels (names without any cue) are known misses.

`evaluate(scan)` computes the figures reported by bench/phi_guard.py and asserted in
test_corpus.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from stdnum import iban, verhoeff
from stdnum.iso7064 import mod_11_10


# ------------------------------------------------------------------ check-digit helpers

def kvnr(letter: str, eight_digits: str) -> str:
    """German health-insurance number (Krankenversichertennummer): letter + 8 digits + check
    digit.  The letter becomes its two-digit alphabet position, weights 1,2,1,2,... over the ten
    digits, products above 9 are replaced by their digit sum, the sum modulo 10 is the check."""
    digits = f"{ord(letter.upper()) - 64:02d}" + eight_digits
    total = 0
    for i, d in enumerate(digits):
        p = int(d) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return f"{letter.upper()}{eight_digits}{total % 10}"


def aadhaar(eleven_digits: str, grouped: bool = True) -> str:
    """Indian Aadhaar number: 11 digits + Verhoeff check digit, printed as 4-4-4."""
    n = eleven_digits + verhoeff.calc_check_digit(eleven_digits)
    return f"{n[:4]} {n[4:8]} {n[8:]}" if grouped else n


def idnr(ten_digits: str) -> str:
    """German tax identification number: 10 digits + ISO 7064 Mod 11,10 check digit."""
    return ten_digits + mod_11_10.calc_check_digit(ten_digits)


def svnr(area: str, ddmmyy: str, letter: str, serial: str) -> str:
    """German pension insurance number: area(2) birth date(6) initial serial(2) check(1)."""
    digits = area + ddmmyy + f"{ord(letter.upper()) - 64:02d}" + serial
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum((int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, weights))
    return f"{area} {ddmmyy} {letter.upper()} {serial}{total % 10}"


KVNR1 = kvnr("T", "55731904")
KVNR2 = kvnr("M", "20418867")
AADHAAR1 = aadhaar("34567890123")
AADHAAR2 = aadhaar("73291846502")
IDNR1 = idnr("4760148392")
SVNR1 = svnr("65", "170839", "J", "00")


# ------------------------------------------------------------------ corpus

@dataclass(frozen=True)
class Post:
    id: str
    lang: str
    text: str
    labels: tuple[tuple[str, str], ...] = field(default_factory=tuple)


_posts: list[Post] = []


def _add(lang: str, text: str, *labels: tuple[str, str]) -> None:
    kind = "p" if labels else "n"
    n = sum(1 for p in _posts if p.lang == lang and (bool(p.labels) == bool(labels))) + 1
    _posts.append(Post(f"{lang}-{kind}{n:02d}", lang, text, tuple(labels)))


N, D, AG, PH, EM, AD, PC, RN, IN, NI, IP, URL, LP, SN = (
    "patient_name", "date", "age", "phone", "email", "address", "postal_code", "record_number",
    "insurance_number", "national_id", "ip_address", "url", "licence_plate", "device_serial")

# ---------------------------------------------------------------- English, with identifiers
en = lambda text, *labels: _add("en", text, *labels)  # noqa: E731

en("Looking for advice on anticoagulation: Mr. Harold Jenkins, a 92-year-old with AF "
   "(CHA2DS2-VASc 5) and a GI bleed three weeks ago. Would you restart apixaban at 2.5 mg bd?",
   ("Mr. Harold Jenkins", N), ("92-year-old", AG))
en("Can someone sanity-check this ECG? Pt Maria Gonzalez, DOB 03/14/1961, palpitations since this "
   "morning, rate 160, regular narrow complex.",
   ("Maria Gonzalez", N), ("03/14/1961", D))
en("Her daughter wants an update and asked us to call her back on (617) 555-0123 after the family "
   "meeting. How much do you share by phone?",
   ("(617) 555-0123", PH))
en("Pathology came back on MRN 00482913 - margins involved at 1 mm. Re-excise or go straight to "
   "radiotherapy?",
   ("00482913", RN))
en("He was admitted on 12 March 2024 with DKA and discharged 19 March 2024; now he is back with the "
   "same picture. Pump failure or adherence?",
   ("12 March 2024", D), ("19 March 2024", D))
en("94 y/o lady from a care home with a NOF fracture, on dabigatran. Do you wait 48 h or operate "
   "after idarucizumab?",
   ("94 y/o", AG))
en("She lives alone at 1427 Maple Grove Avenue, Springfield, IL 62704 and can't manage stairs. Any "
   "community rehab options there?",
   ("1427 Maple Grove Avenue", AD), ("Springfield, IL 62704", PC))
en("Echo images are in our viewer: https://pacs.example-hospital.org/viewer?patient=JDOE1961&study=44721 "
   "- severe AS or low-flow low-gradient?",
   ("https://pacs.example-hospital.org/viewer?patient=JDOE1961&study=44721", URL))
en("Interrogated the pacemaker (serial PZP612345S) and saw noise on the RV lead. Replace the lead or "
   "reprogram sensing?",
   ("PZP612345S", SN))
en("Insurer keeps rejecting the prior auth for his biologic. Member ID W284619375, and the plan "
   "insists on step therapy first. Appeal tips?",
   ("W284619375", IN))
en("The son e-mailed me at j.mueller.family@gmail.com asking for the MRI report. Is replying by "
   "e-mail acceptable in your trust?",
   ("j.mueller.family@gmail.com", EM))
en("The referral fax included her SSN 512-38-4471 and the whole face sheet. How do you report a "
   "misdirected fax?",
   ("512-38-4471", NI))
en("Patient John Carver, aged 96, fell at home; CT head is clear. Continue clopidogrel after a fall "
   "like this?",
   ("John Carver", N), ("aged 96", AG))
en("The remote-monitoring portal logged a login from 203.0.113.47 at 3 am - IT thinks it is the "
   "family's router. Anyone dealt with this?",
   ("203.0.113.47", IP))
en("Mrs. Okafor's ICD (S/N: RVK204518) shocked her twice last night, electrolytes normal. VT ablation "
   "next?",
   ("Mrs. Okafor", N), ("RVK204518", SN))
en("Police asked whether the car with licence plate 7KDP291 belonged to our trauma patient. What can "
   "we tell them without consent?",
   ("7KDP291", LP))
en("Case no. 2024-118734: 67M, progressive dyspnoea, CT shows a UIP pattern. Start antifibrotics or "
   "wait for the ILD MDT?",
   ("2024-118734", RN))
en("Please fax the consult letter to +44 20 7946 0321, that's the ward fax in London. Does anyone know "
   "if they take NHS mail instead?",
   ("+44 20 7946 0321", PH))
en("Born 4 July 1931, she is now on eleven medications. Where would you start deprescribing?",
   ("4 July 1931", D))
en("Mr Singh (UHID 2023004417) is septic again after his third admission this month. Line out?",
   ("Mr Singh", N), ("2023004417", RN))
en("Home health couldn't find her at 88 Harbor View Road, Apt 5C. Which DME vendor delivers to that "
   "area?",
   ("88 Harbor View Road", AD))
en("I left a message for his GP at 212-555-0147 but no call back. 93-year-old with new AF and "
   "recurrent falls - anticoagulate?",
   ("212-555-0147", PH), ("93-year-old", AG))
en("Eleanor Whitfield agreed to the case report, but the draft still shows her date of birth, "
   "1950-08-22. How do journals handle consent here?",
   ("Eleanor Whitfield", N), ("1950-08-22", D))
en("Chart link: https://ehr.local/chart.aspx?mrn=5503921&tab=notes - could someone from nephrology "
   "look at the creatinine trend?",
   ("https://ehr.local/chart.aspx?mrn=5503921&tab=notes", URL))
en(f"The insurance desk photocopied his Aadhaar {AADHAAR1} onto the discharge summary. Is that "
   "normal practice in your hospitals?",
   (AADHAAR1, NI))
en("Miss Penelope Hart, 17, had exertional syncope; echo shows HCM with an LVOT gradient of 50 mmHg. "
   "Can she keep playing hockey?",
   ("Miss Penelope Hart", N))
en("She was discharged on March 3, 2024 with a PICC for IV antibiotics and is febrile again. Line "
   "out or lock therapy?",
   ("March 3, 2024", D))
en("The printed label still shows the Medicare number 1EG4-TE5-MK73 - please black it out before "
   "uploading scans here.",
   ("1EG4-TE5-MK73", IN))
en("An elderly gentleman, age 101, wants to stop dialysis. Anyone have a good framework for that "
   "conversation?",
   ("age 101", AG))
en("Specimen S24-0039182 was labelled with a different name than the request form (Thomas Reed). "
   "Which do we trust?",
   ("S24-0039182", RN), ("Thomas Reed", N))
en("Lab rang about Mr. Daniel O'Connor: K+ 6.9 mmol/l on a haemolysed sample. Repeat first or treat "
   "now?",
   ("Mr. Daniel O'Connor", N))
en("Transport will pick her up from 55 Elm Street, Boston, MA 02118 tomorrow at 9 - can the dialysis "
   "unit take her earlier?",
   ("55 Elm Street", AD), ("Boston, MA 02118", PC))
en("Policy no. HX-55120938: prior auth denied for the GLP-1 again. Anyone have a template appeal "
   "letter?",
   ("HX-55120938", IN))
en("Nursing-home note says resident Agnes Moore, 98 years old, refuses her anticoagulant. Capacity "
   "assessment first?",
   ("Agnes Moore", N), ("98 years old", AG))
en("His mobile is 415-555-2671 and he prefers texts - is texting appointment reminders compliant?",
   ("415-555-2671", PH))
en("Our patient Rafael Ortiz was transferred from the outside hospital without imaging. Anyone know "
   "their PACS contact?",
   ("Rafael Ortiz", N))
en("DOB: 11/02/1948. 76F with new-onset ascites and a CA-125 of 850. Gyn-onc or hepatology first?",
   ("11/02/1948", D))
en("Small apical pneumothorax after a central line in pt Helen Brooks - chest drain or observe?",
   ("Helen Brooks", N))
en("The explanted insulin pump, serial number NG4431278H, goes back to the manufacturer. Who fills in "
   "the MedWatch form?",
   ("NG4431278H", SN))
en("Security flagged portal logins from 2001:db8:85a3::8a2e:370:7334 using her credentials. Do we "
   "tell her?",
   ("2001:db8:85a3::8a2e:370:7334", IP))
en("Ms. Amara Nwosu, 29, with SLE and new proteinuria of 3 g/day - repeat the biopsy?",
   ("Ms. Amara Nwosu", N))
en("Her contact e-mail is dorothy.hale42@outlook.com and she asked whether results can be sent there.",
   ("dorothy.hale42@outlook.com", EM))
en("Quick one: 96 yo man, new AF, CHA2DS2-VASc 4, lives alone. Rate control only?",
   ("96 yo", AG))

# ---------------------------------------------------------------- English, hard negatives
en("Starting norepinephrine at 0.05 mcg/kg/min and titrating to MAP > 65. Anyone adding vasopressin "
   "early in septic shock?")
en("Hb 9.2 g/dl, CRP 120 mg/l, K+ 5.8 mmol/l, eGFR 45. Would you give IV iron before elective hip "
   "surgery?")
en("The 2023 ESC guidelines moved SGLT2 inhibitors up for HFmrEF and HFpEF. Are your cardiologists "
   "following this yet?")
en("Coding asks whether I21.4 plus E11.9 is enough, or if we should add N18.3 for the CKD.")
en("Great discussion in N Engl J Med 2020;383:1813-26 (doi 10.1056/NEJMoa2034577, PMID: 32865377) "
   "on this exact question.")
en("Dr. Osler's aphorism about listening to the patient still holds. What are your favourite "
   "teaching quotes?")
en("@anna.schmidt could you share the sepsis bundle slides from Tuesday's teaching?")
en("Handover is at 14:30 and again at 8 pm, and ward 4 is short-staffed this weekend, so expect "
   "delays.")
en("BP 120/80, HR 72, SpO2 97% on 2 l/min. Is she discharge-ready or do we wean the oxygen first?")
en("Patients aged 90 and over were excluded from the trial, which limits how much I trust it for our "
   "population.")
en("0.9% NaCl 1000 ml over 8 hours versus a balanced crystalloid in DKA - does anyone still use "
   "saline?")
en("Parkinson's disease with orthostatic hypotension, Hashimoto's, and now a Crohn's flare - who "
   "leads the care?")
en("ATC C07AB02 (metoprolol) is short again; we're switching to bisoprolol 2.5 mg. Any issues with "
   "the conversion?")
en("Updated on 12.03.2024: the antibiotic stewardship document (version 2.4.1) is on the intranet, "
   "see pages 12-19.")
en("Patient A and Patient B in our series both developed QT prolongation on 400 mg daily. "
   "Coincidence?")
en("Platelets 45 000/µl, INR 1.8, fibrinogen 1.2 g/l - would you place a CVC without FFP?")
en("Troponin rose from 14 to 2300 ng/l within three hours but the angiogram was clean. Myocarditis?")
en("Ferritin 1250 ng/ml with a transferrin saturation of 68% - HFE testing or MRI first?")
en("Our ICU has 24 beds plus 3 step-down rooms; room 12 is the negative-pressure room.")
en("Which EHR version are you on? We moved to 2024.1.3 and half the order sets broke.")
en("The patient safety committee meets every second Thursday at 7:30 in the library.")
en("I use the 4AT for delirium screening; a score of 4 or more suggests delirium.")
en("Anyone else seeing more RSV in adults over 65 this season? Our positivity rate is 18%.")
en("We audited 1,250 admissions from 2023 and 17% had at least one medication error.")
en("Vancomycin 15-20 mg/kg every 8-12 h, aiming for an AUC of 400-600 - are you still doing troughs?")
en("Journal club on Tuesday: Lancet 2019;394(10204):1145-58 on dapagliflozin.")
en("In PARADIGM-HF (NCT01035255) the NNT was about 21 over 27 months.")
en("Night nurse-to-patient ratio on our ward is 1:8, and 1:5 during the day.")
en("A woman in her 90s with a hip fracture - what is your nerve block of choice?")
en("We saw a 45-year-old with a Crohn's flare; infliximab 5 mg/kg at weeks 0, 2 and 6.")
en("Patient Safety Alert 2024/07 warns about look-alike insulin pens on the wards.")
en("Glucose 312 mg/dl, HbA1c 11.2%, ketones 3.1 mmol/l, pH 7.21 - DKA protocol or HHS?")
en("The new 3 T MRI has a 70 cm bore, which helps with claustrophobic patients.")
en("Pager 4417 is the on-call registrar; 4418 is theatres, please don't mix them up.")
en("Mean arterial pressure 58 mmHg despite 30 ml/kg of crystalloid - when do you start pressors?")
en("The CHA2DS2-VASc score was 4 and HAS-BLED 3, so we chose apixaban 5 mg twice daily.")
en("Admission criteria changed in the 2024 update of our local protocol; see section 3.2.1 for "
   "details.")
en("Our clinic phone tree is a nightmare - patients wait 20 minutes. How did you fix yours?")
en("QTc 512 ms on 10 mg of methadone plus citalopram - which one would you stop?")
en("Reference range for sodium is 135-145 mmol/l; ours reported 118 with glucose 1,200 mg/dl. "
   "Pseudohyponatraemia?")
en("Lymphocytes 0.4 x 10^9/l, CD4 180 cells/µl after rituximab - PJP prophylaxis?")
en("Tidal volume 6 ml/kg predicted body weight, PEEP 12 cmH2O, FiO2 0.6 - prone now?")
en("The 21st edition of Harrison's (ISBN 978-1-26-426850-4) has a new chapter on long COVID.")
en("Ward round at 8:15, MDT at 13:00, clinic 14:00-17:30 - how do you fit in teaching?")
en("Our discharge lounge opened on 1 April 2024 and has cut bed waits by two hours.")
en("Recommendation 4.2.1.3 in the NICE guideline covers VTE prophylaxis after hip fracture.")
en("Following up on @dr.mehta's point: the patient education leaflet v3.2 is on the shared drive.")
en("HLA-B 27 positive with sacroiliitis on MRI - start a TNF inhibitor or try NSAIDs first?")
en("Any experience with the 2.2.2.2 rule for anticoagulation bridging? I can't find the source.")

# ---------------------------------------------------------------- German, with identifiers
de = lambda text, *labels: _add("de", text, *labels)  # noqa: E731

de("Frau Gertrud Hoffmann, geb. 12.03.1934, kommt mit rezidivierenden Synkopen. Schrittmacher-"
   "Indikation bei AV-Block II° Typ Mobitz?",
   ("Frau Gertrud Hoffmann", N), ("12.03.1934", D))
de("Die Patientin wurde am 03.01.2024 stationär aufgenommen und am 12.01.2024 entlassen, jetzt "
   "erneut Fieber. Portinfekt?",
   ("03.01.2024", D), ("12.01.2024", D))
de("Bitte Rückruf unter 030 12345678 - die Tochter von Herrn Schulz möchte den Befund besprechen.",
   ("030 12345678", PH), ("Herrn Schulz", N))
de("Die 93-jährige Patientin aus dem Pflegeheim hat eine Aspirationspneumonie. Wie aggressiv "
   "behandelt ihr in dem Alter?",
   ("93-jährige", AG))
de("Fallnummer 2024-0087413: der Histo-Befund fehlt im KIS. Wer hat Zugriff auf das Pathologie-"
   "System?",
   ("2024-0087413", RN))
de("Er wohnt allein in der Hauptstraße 12, 10115 Berlin, der Pflegedienst kommt zweimal täglich. "
   "Reicht das bei beginnender Demenz?",
   ("Hauptstraße 12", AD), ("10115 Berlin", PC))
de(f"Im Arztbrief steht die Versichertennummer {KVNR1} - wie schwärzt ihr das vor dem Upload?",
   (KVNR1, IN))
de("Herr Özdemir, 91 Jahre alt, VHF und eGFR 28 ml/min. Apixaban 2,5 mg oder doch Edoxaban?",
   ("Herr Özdemir", N), ("91 Jahre alt", AG))
de("Die Seriennummer des Schrittmachers lautet PJN447812H - ist der vom Hersteller-Rückruf "
   "betroffen?",
   ("PJN447812H", SN))
de("Das Kennzeichen des Unfallwagens war M-KL 4821, die Polizei fragt nach dem Fahrer. Dürfen wir "
   "Auskunft geben?",
   ("M-KL 4821", LP))
de(f"Auf dem Reha-Antrag steht die Rentenversicherungsnummer {SVNR1}. Muss das mit an die DRV?",
   (SVNR1, NI))
de(f"Versehentlich wurde die Steuer-ID {IDNR1} im Befundbericht mitgeschickt. Meldepflichtig?",
   (IDNR1, NI))
de("Patient Klaus Wegner, 67, Z.n. Bypass-OP 2015, jetzt NSTEMI. Erneute Koronarangiographie oder "
   "konservativ?",
   ("Klaus Wegner", N))
de("Die Betreuerin möchte den Entlassbrief per Mail an sabine.krause@web.de - ist das "
   "datenschutzrechtlich okay?",
   ("sabine.krause@web.de", EM))
de("Pat.-ID 88214307 im Labor falsch zugeordnet, das Kalium von 7,1 stammt vermutlich von einem "
   "anderen Patienten.",
   ("88214307", RN))
de("Die Patientin ist im Alter von 95 Jahren noch völlig selbstständig. TAVI oder konservativ?",
   ("im Alter von 95 Jahren", AG))
de("Rückfragen bitte an +49 89 4400 12345, Frau Lehmann vom Sozialdienst kümmert sich um die "
   "Verlegung.",
   ("+49 89 4400 12345", PH), ("Frau Lehmann", N))
de("Der Pflegedienst findet die Adresse Musterweg 3a in 72076 Tübingen nicht, habt ihr eine Idee?",
   ("Musterweg 3a", AD), ("72076 Tübingen", PC))
de("Geburtsdatum 5. Mai 1938, Z.n. Apoplex, Reha-Antrag abgelehnt. Widerspruch sinnvoll?",
   ("5. Mai 1938", D))
de("Im Befundportal-Link https://befunde.klinik-nord.de/view?fallnr=2024001234&name=Meier steht der "
   "Name im Klartext.",
   ("https://befunde.klinik-nord.de/view?fallnr=2024001234&name=Meier", URL))
de("Die 98-Jährige, Frau Brandt, lehnt die Dialyse ab. Palliativkonsil?",
   ("98-Jährige", AG), ("Frau Brandt", N))
de("Die Fernabfrage läuft über den Router im Heim mit der IP 192.168.178.34 und bricht ständig ab.",
   ("192.168.178.34", IP))
de("Aufnahme am 20.02.2024 mit Urosepsis, Entlassung am 28.02.2024, jetzt Rezidiv mit ESBL. "
   "Fosfomycin?",
   ("20.02.2024", D), ("28.02.2024", D))
de("Patientin Hatice Yılmaz, 54, seit Wochen Belastungsdyspnoe, D-Dimere negativ. Nächster Schritt?",
   ("Hatice Yılmaz", N))
de("Der Patient wohnt Lindenallee 7, 50667 Köln, und kann die Treppen nicht mehr steigen.",
   ("Lindenallee 7", AD), ("50667 Köln", PC))
de("Pat. Schneider, 73 J., Sturz mit Humeruskopffraktur unter Phenprocoumon. OP-Zeitpunkt?",
   ("Schneider", N))
de("Die Tochter ist unter 0171 2345678 erreichbar und fragt nach dem MRT-Ergebnis.",
   ("0171 2345678", PH))
de(f"KVNR {KVNR2}, die Kasse lehnt die Kostenübernahme für das Langzeit-EKG ab.",
   (KVNR2, IN))
de("Die Krankenkasse fordert die Fall-Nr. 7730021 und alle Diagnosen an - was gebt ihr raus?",
   ("7730021", RN))
de("Unser Patient, Herr Bernd Albrecht, wurde am 14.11.2023 nach Hause entlassen und ist gestern "
   "verstorben.",
   ("Herr Bernd Albrecht", N), ("14.11.2023", D))
de("Ein 96-jähriger Herr mit hypoaktivem Delir: Haloperidol oder Melperon?",
   ("96-jähriger", AG))
de("Frau Yilmaz hat sich gestern aus 83022 Rosenheim gemeldet, sie hat die Tabletten verwechselt.",
   ("Frau Yilmaz", N), ("83022 Rosenheim", PC))
de("Implantat-Pass: Seriennr. 5572-CH-00813, Klappe Sapien 3. MRT-tauglich bei 3 Tesla?",
   ("5572-CH-00813", SN))
de("Der Notarzt hat das Kennzeichen HH-JT 902 notiert, falls der Fahrer gesucht wird.",
   ("HH-JT 902", LP))
de("Seine Handynummer 0152 34567890 steht noch im Thread, bitte löschen.",
   ("0152 34567890", PH))
de("Patienten-ID 1003847 und der Name Erika Lange sind auf dem Foto vom Monitor zu sehen.",
   ("1003847", RN), ("Erika Lange", N))
de("Die Patientin, geboren am 30. Januar 1941, lebt allein und stürzt seit Wochen häufiger.",
   ("30. Januar 1941", D))
de("Kurze Frage zu Frau Petra Neumann aus der Nachsorge: Tamoxifen nach 5 Jahren absetzen?",
   ("Frau Petra Neumann", N))

# ---------------------------------------------------------------- German, hard negatives
de("Kalium 5,8 mmol/l, Kreatinin 2,1 mg/dl, eGFR 31 - ACE-Hemmer pausieren oder Patiromer?")
de("OPS 5-470.11 und 8-930 wurden kodiert, trotzdem lehnt der MD ab. Erfahrungen mit Widersprüchen?")
de("Die aktualisierte S3-Leitlinie vom 12.03.2024 empfiehlt bei Sepsis früh balancierte "
   "Kristalloide.")
de("Station 3B ist heute unterbesetzt, zwei Pflegekräfte sind krank - wie organisiert ihr Springer?")
de("Frau Kollegin, danke für den Hinweis zur Antikoagulation nach Blutung!")
de("Frau Dr. Weber aus der Neurologie hatte einen sehr guten Vortrag zum Morbus Parkinson.")
de("Eine junge Frau Mitte 30 mit Hashimoto-Thyreoiditis und Müdigkeit trotz TSH 1,2 - L-Thyroxin "
   "erhöhen?")
de("Metoprolol (ATC C07AB02) ist schon wieder nicht lieferbar, was nehmt ihr stattdessen?")
de("Heparin 25.000 IE auf 50 ml mit 2 ml/h, aPTT-Ziel 60-80 s - passt das bei Adipositas?")
de("Übergabe um 14:30 Uhr, Visite um 8 Uhr, Röntgenbesprechung um 15:15.")
de("Leukozyten 12.300/µl, Thrombozyten 245.000/µl, CRP 120 mg/l, PCT 2,4 ng/ml - Antibiose "
   "eskalieren?")
de("@lukas.berger hast du die neue SOP zur Sepsis schon hochgeladen?")
de("RR 120/80 mmHg, HF 64/min, SpO2 96 % unter 2 l/min O2 - entlassfähig?")
de("Literatur zu Morbus Crohn: Gastroenterology 2019;157:647-59 fasst das gut zusammen.")
de("Die Notaufnahme hatte 2023 rund 48 000 Patientenkontakte, 30 % mehr als 2019.")
de("Patienten über 90 Jahre wurden in der Studie ausgeschlossen, das schränkt die Aussage ein.")
de("ICD-10 I48.0 oder I48.1 - wie kodiert ihr persistierendes Vorhofflimmern?")
de("Die KIS-Version 8.2.1 hat das Medikationsmodul verändert, siehe Handbuch Seite 12-15.")
de("Der Patient Anfang 70 mit COPD GOLD E - Triple-Therapie oder erst Roflumilast?")
de("Die Patientin Mitte 50 hat seit Mai rezidivierende Synkopen, Langzeit-EKG unauffällig.")
de("Herr Kollege, wie dosieren Sie Dexamethason beim perifokalen Hirnödem?")
de("Zimmer 12 ist das Isolierzimmer, Bett 3 ist ab morgen frei.")
de("Noradrenalin 0,1 µg/kg/min, Laktat 4,2 mmol/l, ZVD 12 mmHg - Volumen oder Dobutamin?")
de("Laut DGK-Pocket-Leitlinie (Version 2.0, 2022) ist die Ablation eine Klasse-I-Empfehlung.")
de("Wir hatten letztes Jahr 1.250 Aufnahmen auf der Intensivstation und 9 % Mortalität.")
de("Der Behandlungspfad 2 für Sepsis wird gerade überarbeitet - wer hat Vorlagen?")
de("HbA1c 8,2 %, Nüchternglukose 180 mg/dl, BMI 34 - GLP-1 oder SGLT2 zuerst?")
de("Morbus Wilson vs. Hämochromatose: Coeruloplasmin 0,12 g/l, Ferritin 890 µg/l.")
de("Die Arbeitsgruppe trifft sich am 15.05. um 16 Uhr im Raum 2.014.")
de("Die Dosis von 5 mg/kg KG alle 12 h war bei Niereninsuffizienz zu hoch.")
de("Frau Anfang 80 mit Exsikkose und Natrium 118 mmol/l - wie schnell ausgleichen?")
de("Die Zahl der Patientinnen und Patienten über 80 steigt jedes Jahr um etwa 4 %.")
de("Die Tel.-Konferenz der Sektion Intensivmedizin ist am Donnerstag, Einwahl über das Intranet.")
de("Wir haben 2 Dialyseplätze und 4 Beatmungsplätze, am Wochenende reicht das nicht.")
de("Nach Bolus 40 mg Furosemid i.v. nur 300 ml Diurese in 6 h - Thiazid dazu?")
de("Der Fall erinnert an einen klassischen Morbus Addison, ACTH 450 pg/ml, Cortisol 2 µg/dl.")
de("Unsere Ambulanz ist Mo-Fr von 8:00 bis 16:30 besetzt, Notfälle über die ZNA.")
de("CK 12.450 U/l nach Statin plus Clarithromycin - Rhabdomyolyse, wie viel Flüssigkeit?")
de("In Kapitel 4.2.1.3 der Leitlinie steht die Empfehlung zur Thromboseprophylaxe.")
de("Die 4 Patienten aus der Fallserie (Fall 1-4) hatten alle eine Hyponatriämie.")
de("Seit dem 01.07.2024 gilt die neue Aufnahmeregelung für elektive Eingriffe in unserem Haus.")
de("Die Patientin Typ-2-Diabetikerin mit HbA1c 9 % - Insulin oder GLP-1?")
de("Liebe Frau Kollegin, lieber Herr Kollege, vielen Dank für die rege Diskussion!")

# ---------------------------------------------------------------- Hindi, with identifiers
hi = lambda text, *labels: _add("hi", text, *labels)  # noqa: E731

hi("मरीज़ रामेश्वर प्रसाद, 72 वर्ष, को COPD exacerbation के साथ भर्ती किया गया है। NIV शुरू करें या "
   "intubate करें?",
   ("रामेश्वर प्रसाद", N))
hi("श्रीमती सुनीता शर्मा की जन्म तिथि 15/08/1952 है, INR 4.5 आ रहा है - warfarin रोकें?",
   ("श्रीमती सुनीता शर्मा", N), ("15/08/1952", D))
hi("92 वर्षीय पुरुष hip fracture के साथ आए हैं। Surgery करें या conservative?",
   ("92 वर्षीय", AG))
hi("परिवार वाले बार-बार 98765 43210 से फोन कर रहे हैं, क्या report फोन पर बता सकते हैं?",
   ("98765 43210", PH))
hi("UHID 2024000876 वाले मरीज़ की CT report गलत फाइल में लग गई है।",
   ("2024000876", RN))
hi(f"आधार नंबर {AADHAAR2} discharge summary पर छप गया है, क्या यह सही है?",
   (AADHAAR2, NI))
hi("मरीज़ Flat 4B, MG Road, Bengaluru 560001 में अकेले रहते हैं, home care कैसे arrange करें?",
   ("Flat 4B, MG Road", AD), ("Bengaluru 560001", PC))
hi("श्री मोहनलाल गुप्ता, उम्र 94 साल, dialysis नहीं करवाना चाहते। क्या करें?",
   ("श्री मोहनलाल गुप्ता", N), ("उम्र 94 साल", AG))
hi("रोगी सीता देवी को 03/02/2024 को ICU में भर्ती किया गया और 10/02/2024 को डिस्चार्ज किया गया।",
   ("सीता देवी", N), ("03/02/2024", D), ("10/02/2024", D))
hi("CR No. 4521187 की biopsy report में malignancy है, oncology को refer करें?",
   ("4521187", RN))
hi("Ambulance की गाड़ी का नंबर MH 12 AB 1234 था, police पूछताछ कर रही है।",
   ("MH 12 AB 1234", LP))
hi("मरीज़ के बेटे का email ramesh.verma1980@yahoo.co.in है, वह सारी reports माँग रहे हैं।",
   ("ramesh.verma1980@yahoo.co.in", EM))
hi("Pacemaker का serial number SJM88214577 है, company की recall list में check करें?",
   ("SJM88214577", SN))
hi("IP No. 23/11452 - मरीज़ को sepsis है, कौन सा antibiotic शुरू करें?",
   ("23/11452", RN))
hi("सुश्री अंजलि मेहता (IPD No. 2024-5567) को post-op fever है, wound साफ़ दिख रहा है।",
   ("सुश्री अंजलि मेहता", N), ("2024-5567", RN))
hi("Ayushman card नंबर HQ3K7P2Z9 गलत entry हो गया है, claim reject हुआ।",
   ("HQ3K7P2Z9", IN))
hi("सेक्टर 15, नोएडा 201301 से आई 96 साल की महिला को pneumonia है।",
   ("सेक्टर 15", AD), ("नोएडा 201301", PC), ("96 साल", AG))
hi("मरीज़ का नाम अब्दुल रहमान है, उम्र 67 साल, और उन्हें TB की पुरानी history है।",
   ("अब्दुल रहमान", N))
hi("Discharge के बाद follow-up के लिए +91 80 2222 1234 पर call करने को कहा है।",
   ("+91 80 2222 1234", PH))
hi("जन्म तिथि: 02-11-1948, BP 180/110, creatinine 2.4 - कौन सी antihypertensive दें?",
   ("02-11-1948", D))
hi("मरीज़ लक्ष्मी को कल रात seizure हुआ, EEG normal है।",
   ("लक्ष्मी", N))
hi("Discharge file में PAN नंबर BNZPM2501F भी लिखा है, उसे हटाना है।",
   ("BNZPM2501F", NI))
hi("गांव रामपुर, जिला सीतापुर से आई 91 वर्षीया महिला को severe anaemia है।",
   ("गांव रामपुर", AD), ("91 वर्षीया", AG))
hi("House No. 12-3-456, Banjara Hills, Hyderabad 500034 पर home visit के लिए nurse चाहिए।",
   ("House No. 12-3-456", AD), ("Hyderabad 500034", PC))
hi("ABHA नंबर 91-2345-6789-0123 गलत मरीज़ से link हो गया है, कैसे ठीक करें?",
   ("91-2345-6789-0123", NI))
hi("श्री रमेश चंद्र यादव को 05.06.2024 को भर्ती किया गया था, अब फिर से chest pain है।",
   ("श्री रमेश चंद्र यादव", N), ("05.06.2024", D))
hi("मरीज़ की बेटी priya.k.singh@gmail.com पर reports भेजने को कह रही है।",
   ("priya.k.singh@gmail.com", EM))
hi("रोगी राजेश को discharge के बाद 9876501234 पर call करें, dressing की सलाह दें।",
   ("राजेश", N), ("9876501234", PH))
hi("Hospital का PACS link http://10.0.4.23/viewer?uhid=2024000876 WhatsApp पर मत भेजिए।",
   ("http://10.0.4.23/viewer?uhid=2024000876", URL))
hi("Patient Rajesh Kumar, 58, को कल angioplasty हुई थी, आज फिर ST elevation है।",
   ("Rajesh Kumar", N))

# ---------------------------------------------------------------- Hindi, hard negatives
hi("मरीज़ को तेज़ बुखार है और CRP 120 mg/l है, कौन सा antibiotic शुरू करें?")
hi("रोगी की हालत अब स्थिर है, BP 120/80, SpO2 95% room air पर।")
hi("Dengue में platelets 45000 हों तो क्या transfusion करना चाहिए?")
hi("2023 की ICMR guidelines के अनुसार TB में daily regimen देना है।")
hi("मरीज़ बहुत कमजोर है, Hb 7.2 g/dl है, blood चढ़ाएं?")
hi("सुबह 8 बजे round है और ward 4 में staff बहुत कम है।")
hi("Paracetamol 15 mg/kg हर 6 घंटे पर दें, maximum 4 g प्रतिदिन।")
hi("ICD-10 E11.9 के साथ coding करें, insurance वाले यही माँगते हैं।")
hi("90 वर्ष से अधिक उम्र के मरीज़ों को trial से बाहर रखा गया था।")
hi("@priya.nair क्या आप dengue protocol share करेंगी?")
hi("Parkinson और Hashimoto दोनों एक ही मरीज़ में - किसी को अनुभव है?")
hi("रोगी का sugar 312 mg/dl है, insulin sliding scale से शुरू करें?")
hi("मरीज़ ने कल से खाना नहीं खाया है, NG tube लगाएं?")
hi("मरीज़ को 2 l/min oxygen पर रखा है, फिर भी saturation 88% है।")
hi("NEJM 2020;383:1813-26 वाली study किसी ने पढ़ी है?")
hi("eGFR 45 है तो metformin की dose कम करनी चाहिए क्या?")
hi("हमारे ICU में 20 beds हैं, room 5 isolation के लिए रखा है।")
hi("दोपहर 2:30 बजे CME है, topic: sepsis bundle version 3.1")
hi("मरीज़ डायबिटिक है और HbA1c 9.1% है, कौन सी दवा बढ़ाएं?")
hi("रोगी के परिजन ICU के बाहर बहुत परेशान हैं, counselling कैसे करें?")
hi("मरीज़ गर्भवती है, 32 हफ्ते, BP 160/100 - magnesium sulphate शुरू करें?")
hi("Snake bite के मरीज़ में 20 minute whole blood clotting test positive है।")
hi("मरीज़ पिछले 3 दिन से बेहोश है, GCS 7/15।")
hi("Creatinine 3.2 mg/dl, urea 140 mg/dl, potassium 6.1 mmol/l - dialysis की ज़रूरत है?")
hi("Medical college की नई OPD timing सुबह 9 से दोपहर 2 बजे तक है।")
hi("मरीज़ राहत महसूस कर रहा है, दर्द 8/10 से 3/10 हो गया।")
hi("रोगी सामान्य रूप से बात कर रहा है, neuro exam normal है।")
hi("TB के 1,200 नए मामले इस साल हमारे district में आए।")
hi("मरीज़ में sodium 118 mmol/l है, 3% saline कितनी तेज़ी से दें?")
hi("मरीज़ दर्द से परेशान है, morphine 2 mg IV दें?")
hi("रोगी चलने में असमर्थ है, physiotherapy कब शुरू करें?")
hi("मरीज़ उल्टी कर रहा है, ondansetron 4 mg दे सकते हैं?")
hi("रोगी को कल छुट्टी दी जाएगी, discharge summary तैयार है।")
hi("इस साल हमारे ward में 90 से ज़्यादा dengue के मरीज़ भर्ती हुए।")
hi("Sector hospital की OPD में आज 350 मरीज़ आए, doctors सिर्फ़ 3 हैं।")

# ---------------------------------------------------------------- second batch
# Written after the detector's first version, without running it on these posts first, to keep
# the figures honest (phrasings the patterns were not designed around).

en("Pt: Jorge Alvarez, MR# 7734120, came in overnight with a GI bleed; Hb 6.1. Scope tonight or "
   "in the morning?",
   ("Jorge Alvarez", N), ("7734120", RN))
en("DOB 1/7/39, lives with her son. Recurrent UTIs despite prophylaxis - any ideas?",
   ("1/7/39", D))
en("Can you call Mr. and Mrs. Patel back? They asked about their father's biopsy.",
   ("Mrs. Patel", N))
en("Reached her on her cell, (312) 555-0199, and she agreed to come back for the repeat troponin.",
   ("(312) 555-0199", PH))
en("Home address is 742 Evergreen Terrace, so she is outside our catchment for community IV therapy.",
   ("742 Evergreen Terrace", AD))
en("Hospital number K1234567 has two different allergy lists in the EHR. Which one do pharmacy use?",
   ("K1234567", RN))
en("Her chart is here: https://epic.example.org/PatientChart?PatientID=88231 - the nephrotic panel is "
   "odd.",
   ("https://epic.example.org/PatientChart?PatientID=88231", URL))
en("Our 101-year-old with aortic stenosis is asking about TAVI. Has anyone done one at that age?",
   ("101-year-old", AG))
en("He's 95, still drives, and now has a new left bundle branch block. Pacing study?",
   ("95", AG))
en("The hospice nurse said Mrs Chloe Adeyemi-Brown died on 3 March 2024 at home; the coroner wants our "
   "notes.",
   ("Mrs Chloe Adeyemi-Brown", N), ("3 March 2024", D))
en("Her new Medicare ID is 2AB3-CD4-EF56, the old one keeps getting rejected by the pharmacy.",
   ("2AB3-CD4-EF56", IN))
en("Remote access for the telemetry box is via VPN IP 10.20.30.40 - is that something we should post "
   "here?",
   ("10.20.30.40", IP))
en("E-mail from the daughter (m.osei@nhs.net) asks us to stop the statin. Who decides?",
   ("m.osei@nhs.net", EM))
en("Patient Brian Kowalczyk, 58, has had three admissions for alcohol withdrawal this year.",
   ("Brian Kowalczyk", N))
en("Dialysis unit cannot reach him at +1 (646) 555-3890; the social worker is trying the shelter.",
   ("+1 (646) 555-3890", PH))
en("Date of admission 02/29/2024, date of discharge 03/04/2024, readmitted 03/09/2024 with the same "
   "cellulitis.",
   ("02/29/2024", D), ("03/04/2024", D), ("03/09/2024", D))

en("The 90-day mortality in that cohort was 12%, much higher than in the trial.")
en("NICE NG28 (2015, updated 2022) still recommends metformin first line.")
en("Version 10.0.19045.3803 of the workstation image broke the dictation software again.")
en("12-lead ECG at 08:45 showed ST elevation in II, III and aVF; cath lab activated at 08:52.")
en("Call 911 or the rapid response number if the patient deteriorates on the ward.")
en("Exclusion criteria: age 90+ or eGFR below 15 ml/min/1.73 m2.")
en("Dr. House style diagnostics are fun on TV, less so at 3 am on a Saturday.")
en("The phone number for the poison centre is on the intranet, not in this thread please.")
en("We use 4-hourly obs, NEWS2 of 5 or more triggers a review within 30 minutes.")
en("Split dose 1 g/kg IVIG over 2 days, then 2 g/kg total - any renal issues with sucrose-free brands?")

de("Pat. Müller-Lüdenscheidt, *12.04.1950, Z.n. Hüft-TEP rechts, jetzt Luxation. Reposition in "
   "Narkose?",
   ("Müller-Lüdenscheidt", N), ("12.04.1950", D))
de("Neue Patientin (w, 92 J.) mit Vorhofflimmern und Sturzneigung - Antikoagulation ja oder nein?",
   ("92 J.", AG))
de("Rückrufnummer der Angehörigen: 0221/478-5512, bitte nach 17 Uhr.",
   ("0221/478-5512", PH))
de("Die Angehörigen wohnen in der Goethestr. 45 in 04109 Leipzig, der Patient lebt im Heim.",
   ("Goethestr. 45", AD), ("04109 Leipzig", PC))
de("Aufnahmedatum: 02.03.2024, Diagnose Erysipel, nach 5 Tagen keine Besserung unter Cefazolin.",
   ("02.03.2024", D))
de("Frau Müller aus Zimmer 5 fragt, ob sie ihr Marcumar vor der Koloskopie pausieren muss.",
   ("Frau Müller", N))
de("Bei der KV-Nummer A123456780 meldet das Kartenlesegerät einen Fehler - kennt das jemand?",
   ("A123456780", IN))
de("Ihr Ehemann ist am 1. März 2024 verstorben, seitdem hat sie eine depressive Episode.",
   ("1. März 2024", D))
de("Seine E-Mail-Adresse lautet k.berg@t-online.de, er möchte die Befunde digital.",
   ("k.berg@t-online.de", EM))
de("Tochter: Frau Anja Kühn, Tel. 0511 1234567, ist Betreuerin für Gesundheitsfragen.",
   ("Frau Anja Kühn", N), ("0511 1234567", PH))
de("Handy der Patientin 0160/9876543 - bitte nur mit Einverständnis anrufen.",
   ("0160/9876543", PH))
de("Der 94-Jährige aus 08523 Plauen wurde mit Urosepsis eingeliefert.",
   ("94-Jährige", AG), ("08523 Plauen", PC))
de("Herr Krüger wurde gestern mit dem Rettungswagen (Kennzeichen DO-RK 112) gebracht.",
   ("Herr Krüger", N), ("DO-RK 112", LP))

de("Frau M. (82) hat nach der Narkose ein Delir entwickelt - Prophylaxe beim nächsten Eingriff?")
de("Die Kasse (IK 109519005) lehnt die Kostenübernahme für die Reha ab.")
de("Termin am Montag, 12.02., um 10 Uhr im Seminarraum 3.")
de("Die Leitlinie (AWMF-Register-Nr. 020-020) empfiehlt hier eine Bronchoskopie.")
de("Laborwerte: Na 138, K 4,1, Krea 1,2, Hst 45, Hb 11,9 - Volumen oder Diuretikum?")
de("Morbus Basedow, Hashimoto oder de Quervain - wie unterscheidet ihr im Ultraschall?")
de("Liebe Herren Kollegen der Chirurgie, bitte die Drainagen beschriften.")
de("Station 7, Zimmer 712 ist ab Montag eine Isolierzone für Noroviren.")
de("Der 90-Tage-Überlebensrate nach Hüftfraktur liegt bei uns bei 78 %.")
de("Die Praxis ist unter der bekannten Telefonnummer erreichbar, Faxe bitte nur an das Sekretariat.")

hi("मरीज़ का नाम: सुरेश कुमार पाल, diabetes 20 साल से है, अब foot ulcer।",
   ("सुरेश कुमार पाल", N))
hi("श्रीमान वर्मा जी को कल से सांस लेने में तकलीफ़ है, SpO2 86%।",
   ("श्रीमान वर्मा जी", N))
hi("उनका mobile नंबर 9123456780 है, reports WhatsApp पर माँग रहे हैं।",
   ("9123456780", PH))
hi("रोगी (पुरुष, 93 वर्ष) को pneumonia है, oral antibiotics पर्याप्त होंगे?",
   ("93 वर्ष", AG))
hi("पता: 221B, Shivaji Nagar, Pune 411005 - वहाँ कोई home nursing service है?",
   ("Shivaji Nagar", AD), ("Pune 411005", PC))
hi("OPD नंबर 458812 वाले मरीज़ की biopsy slide गुम हो गई है।",
   ("458812", RN))
hi("मरीज़ श्याम लाल (UHID 20240007) का dialysis कल सुबह है।",
   ("श्याम लाल", N), ("20240007", RN))
hi("मरीज़ की मृत्यु 12 मार्च 2024 को हुई, death summary में cause क्या लिखें?",
   ("12 मार्च 2024", D))
hi(f"Aadhaar card की copy file में लगी है, नंबर {AADHAAR1} दिख रहा है, क्या यह ठीक है?",
   (AADHAAR1, NI))

hi("डॉ. शर्मा ने कहा कि CT में कोई bleed नहीं है।")
hi("श्री राम अस्पताल में 200 beds हैं और ICU में 20।")
hi("सुबह 10:30 बजे OT है, anaesthesia clearance बाकी है।")
hi("हमारे यहाँ मरीज़ों की संख्या 1500 से ज़्यादा हो गई है इस महीने।")
hi("मरीज़ घबराया हुआ है, anxiety के लिए कुछ दें?")
hi("रोगी अब होश में है, GCS 14/15।")
hi("मरीज़ के परिवार ने DNR पर sign कर दिया है।")
hi("Dengue NS1 positive, IgM negative, platelet 98000 - admit करें?")

# ---------------------------------------------------------------- third batch (also unseen)

en("Mrs. van der Berg, DOB 22.11.1933, fell again last night. Hip protectors or is that a myth?",
   ("Mrs. van der Berg", N), ("22.11.1933", D))
en("Pt is a 97 yo F with new confusion; urine dip positive. Treat or not?",
   ("97 yo", AG))
en("Call her daughter on +49 176 98765432, she is in Germany and speaks English.",
   ("+49 176 98765432", PH))
en("Medical record number: 0099-1234-55, the wrong wristband was printed twice.",
   ("0099-1234-55", RN))
en("Admitted 04/05/2024 with sepsis, now day 10 of meropenem - stop or switch?",
   ("04/05/2024", D))
en("Her email, rosa.m@freenet.de, is on the consent form; can we use it for results?",
   ("rosa.m@freenet.de", EM))
en("The infusion pump reported to IP address 172.16.254.1 before it stopped.",
   ("172.16.254.1", IP))
en("Don't Miss Sepsis: our new teaching series on early recognition starts Monday.")
en("Mr. Chairman, the ethics board approved the protocol on 03/04/2024.")
en("Discharge summary template updated 05/06/2024 by the quality team - feedback welcome.")
en("We admitted 1,245 patients in Q1 2024, up 8% on last year.")
en("AF in patients aged 90-99 years: rate or rhythm control?")
en("ECG: PR 120 ms, QRS 92 ms, QTc 440 ms - is this LAFB?")
en("He is 92 kg and 180 cm; enoxaparin 1 mg/kg or cap the dose?")
en("She was 94% saturated on room air at triage.")
en("A 91% stenosis of the proximal LAD on angiography, FFR 0.72.")
en("Room 1204 on ward 7B has a broken call bell again.")

de("Frau von Bülow (Jg. 1931) lebt allein und hat nun eine Herzinsuffizienz NYHA III.",
   ("Frau von Bülow", N))
de("Der Patient Jürgen K., 94 Jahre, Z.n. Apoplex, jetzt Aspirationspneumonie.",
   ("Jürgen K.", N), ("94 Jahre", AG))
de("Versicherten-Nr.: X123456789 - die eGK wird nicht gelesen.",
   ("X123456789", IN))
de("Geb.-Datum: 01.02.1940, Vorhofflimmern, CHA2DS2-VASc 5.",
   ("01.02.1940", D))
de("Wohnhaft: Am Stadtpark 4, 90409 Nürnberg, Treppenhaus ohne Aufzug.",
   ("Am Stadtpark 4", AD), ("90409 Nürnberg", PC))
de("Herr Doktor, wie ist Ihre Meinung zur Thrombolyse nach 4,5 Stunden?")
de("Frau Professorin Weber hält morgen den Vortrag zur Herzinsuffizienz.")
de("Die Aufnahme am Wochenende ist chronisch unterbesetzt.")
de("Die Entlassung erfolgt in der Regel nach 5 Tagen.")
de("Herr Chefarzt hat entschieden, die Station zu schließen.")
de("Fallzahlen 2023: 12.345 stationäre Fälle, davon 8 % über 80 Jahre.")
de("Bettenplatz 3 ist wegen Wasserschaden gesperrt.")
de("Die Dosis beträgt 2 x 500 mg, bei Niereninsuffizienz halbieren.")

hi("मरीज़ का पता: मकान नं. 45, लक्ष्मी नगर, वहाँ ambulance नहीं पहुँच पा रही।",
   ("मकान नं. 45", AD), ("लक्ष्मी नगर", AD))
hi("श्रीमती कमला बाई, उम्र 95 वर्ष, को hip fracture है।",
   ("श्रीमती कमला बाई", N), ("95 वर्ष", AG))
hi("Patient Mohd. Irfan, 40, को dengue shock syndrome है।",
   ("Mohd. Irfan", N))
hi("मरीज़ सुधार दिखा रहा है, fever नहीं है।")
hi("रोगी कमज़ोरी महसूस कर रहा है, Hb 8 है।")
hi("मरीज़ रात भर सोया नहीं, delirium तो नहीं?")
hi("मरीज़ अस्पताल से घर गया, अब follow-up के लिए आएगा।")
hi("रोगी ज़िद कर रहा है कि घर जाना है, DAMA करवाएं?")
hi("मरीज़ सीढ़ियों से गिर गया, CT head normal है।")

# ---------------------------------------------------------------- failure classes found on posts written
# independently of the detector (normalisation, names, ages, dates, numbers, pages, bank accounts), and
# hard negatives next to each (public service numbers, decades, eponyms, institutional links).

BA = "bank_account"
IBAN_DE = "DE" + iban.calc_check_digits("DE00500105175407324931") + "500105175407324931"
IBAN_DE_SPACED = " ".join(IBAN_DE[i:i + 4] for i in range(0, len(IBAN_DE), 4))
IBAN_AT = "AT" + iban.calc_check_digits("AT00191000023456789") + "191000023456789"

en("Pt Alan Brooks, DOB ०३/१४/१९४१, was readmitted with CCF. Diuretic resistance already?",
   ("Alan Brooks", N), ("०३/१४/१९४१", D))
en("Her son left his number, 4 1 5 5 5 5 0 1 3 2, and wants a call before the MDT tomorrow.",
   ("4 1 5 5 5 5 0 1 3 2", PH))
en("MRN 55\u200b81\u200b2047 keeps bouncing between wards. How do you stop the churn?",
   ("55\u200b81\u200b2047", RN))
en("Saw mr john whitaker today in clinic, bilateral ankle oedema on amlodipine 10 mg.",
   ("mr john whitaker", N))
en("Ms. Dr. Evelyn Harte, our patient from bed 7, refuses the CT. Capacity assessment first?",
   ("Ms. Dr. Evelyn Harte", N))
en("Gerald Pike, 42M, crushing chest pain for 40 min, ST elevation in II, III, aVF. Cath lab delay 2 h.",
   ("Gerald Pike", N))
en("Margaret Olsen (96) fell at home again; CT head clear. Anticoagulation still worth it?",
   ("Margaret Olsen", N), ("96", AG))
en("Our oldest patient, a woman in her late nineties, developed delirium after cataract surgery.",
   ("late nineties", AG))
en("Ninety-four-year-old man with urosepsis and an indwelling catheter since 2019, on long-term nitrofurantoin.",
   ("Ninety-four-year-old", AG))
en("The patient was born in 1931 and still drives. Any cognitive screen you would use at the wheel?",
   ("1931", AG))
en("Family threw her a party for her 100th birthday last week; now admitted with pneumonia.",
   ("100th birthday", AG))
en("He was brought in by ambulance on 14 February 2024 after a collapse at home.",
   ("14 February 2024", D))
en("Pathology request under Ref#H2291847 was lost; second biopsy needed?",
   ("H2291847", RN))
en("Generator SN 4471882A interrogated, battery at ERI already.",
   ("4471882A", SN))
en("Medicare Beneficiary Identifier 1EG4-TE5-MK73 was rejected by the pharmacy. Why would that be?",
   ("1EG4-TE5-MK73", IN))
en("His family set up a fundraiser at https://www.gofundme.com/f/help-dave-beat-als - anyone know if "
   "these pay for home ventilation?",
   ("https://www.gofundme.com/f/help-dave-beat-als", URL))
en("Her daughter posts daily updates at instagram.com/nana_rose_fights for anyone following her case.",
   ("instagram.com/nana_rose_fights", URL))
en("Patient's wife asked us to call her on nine one seven, five five five, zero one four two about the results.",
   ("nine one seven, five five five, zero one four two", PH))
en("Refund for the overcharged copay goes to his account, IBAN " + IBAN_DE + ", according to billing.",
   (IBAN_DE, BA))
en("Pt Sunita Rao, 91, lives alone; date of birth the third of March 1933. Home visit or admit?",
   ("Sunita Rao", N), ("91", AG), ("the third of March 1933", D))

de("Herr Dr. Klaus Dietrich, unser Patient auf Station 4, verweigert die Dialyse.",
   ("Herr Dr. Klaus Dietrich", N))
de("Frau Prof. Renate Vogel (Patientin) kam am 3. Mai in die Notaufnahme mit Synkope.",
   ("Frau Prof. Renate Vogel", N), ("3. Mai", D))
de("Die Patientin ist dreiundneunzig Jahre alt und lebt noch allein. Sturzprophylaxe?",
   ("dreiundneunzig Jahre", AG))
de("Patient Jahrgang 1929, Z. n. Apoplex, jetzt Aspirationspneumonie.",
   ("1929", AG))
de("Zum 100. Geburtstag wurde sie noch gefeiert, jetzt palliative Situation mit Dysphagie.",
   ("100. Geburtstag", AG))
de("Fall-Nr. F-2024-11873: Rückfrage der Kasse zur Verweildauer. Wer antwortet?",
   ("F-2024-11873", RN))
de("Die Erstattung soll auf ihr Konto: IBAN " + IBAN_DE_SPACED + ", sagt die Tochter.",
   (IBAN_DE_SPACED, BA))
de("Der Sohn ist erreichbar unter null eins sieben eins, zwei drei vier fünf sechs sieben acht.",
   ("null eins sieben eins, zwei drei vier fünf sechs sieben acht", PH))
de("Schmidt, 87 J., w, Z. n. TEP links, jetzt periprothetische Fraktur. OP oder konservativ?",
   ("Schmidt", N))
de("Telefonnummer des Patienten: 0\u200b1\u200b7\u200b1 2345678, bitte zurückrufen.",
   ("0\u200b1\u200b7\u200b1 2345678", PH))
de("Patient wurde am 12.02.2024 entlassen und kam am 15.02.2024 zurück.",
   ("12.02.2024", D), ("15.02.2024", D))
de("Spendenaufruf der Familie: https://www.betterplace.me/hilfe-fuer-jonas-nach-dem-unfall",
   ("https://www.betterplace.me/hilfe-fuer-jonas-nach-dem-unfall", URL))

hi("मरीज़ Ramesh Yadav को कल रात discharge किया गया।",
   ("Ramesh Yadav", N))
hi("मरीज़ की DOB १२/०८/१९५६ है, sugar बहुत high है।",
   ("१२/०८/१९५६", D))
hi("मरीज़ का मोबाइल नंबर ९८७६५४३२१० है, परिवार से बात करनी है।",
   ("९८७६५४३२१०", PH))
hi("श्री Suresh Kumar जी, उम्र 93 साल, को pacemaker लगा है।",
   ("Suresh Kumar", N), ("93 साल", AG))
hi("मरीज़ को 15/03/2024 को discharge किया, फिर 20/03/2024 को दोबारा भर्ती हुए।",
   ("15/03/2024", D), ("20/03/2024", D))
hi("मरीज़ का जन्म 1934 में हुआ था, अब dementia है।",
   ("1934", AG))
hi("दादी जी की उम्र निन्यानवे साल है, hip fracture के बाद bedridden हैं।",
   ("निन्यानवे साल", AG))
hi("मरीज़ की गाड़ी DL 3C AB 1234 पार्किंग में खड़ी है, family को बताना है।",
   ("DL 3C AB 1234", LP))
hi("मरीज़ के खाते में refund भेजना है: खाता संख्या 31245678901, IFSC SBIN0001234।",
   ("31245678901", BA))
hi("परिवार ने ketto पर fundraiser बनाया है: https://www.ketto.org/fundraiser/help-meena-fight-cancer",
   ("https://www.ketto.org/fundraiser/help-meena-fight-cancer", URL))
hi("UHID: АВ-७७८८९९ वाले मरीज़ की report नहीं मिल रही।",
   ("АВ-७७८८९९", RN))

# hard negatives for the same classes
en("If in doubt call Poison Control at 1-800-222-1222; they were very helpful with the tricyclic overdose.")
en("Our hotline for referrals is toll-free: 1-800-273-8255. It is staffed around the clock.")
en("In the late nineties, most units still used digoxin first line for rate control.")
en("Patients born in the 1950s grew up before routine polio vaccination was complete.")
en("Smith, 2019 and Patel, 2021 disagree on the dose; see the meta-analysis.")
en("One or two tablets three times a day for five to seven days, then review.")
en("The society posts updates at instagram.com/acc_cardiology and guidelines at https://www.nice.org.uk/guidance/ng136.")
en("Mild mr and tr on the echo, EF 55%, no need for follow-up before a year.")
en("Dr. Parkinson described the shaking palsy in 1817; Hunter later refined the surgery.")
en("Celebrating the 75th birthday of the NHS with a free health check for staff.")
en("Account for 40% of admissions in winter: falls, COPD and heart failure.")
de("Giftnotruf München 089 19240 hat uns bei der Pilzvergiftung gut beraten.")
de("Die Telefonseelsorge ist unter 0800 1110111 rund um die Uhr erreichbar, die Hotline ist kostenlos.")
de("Ärztlicher Bereitschaftsdienst: 116117, auch nachts und am Wochenende.")
de("Deutsches Ärzteblatt, Jahrgang 121, Heft 4, Seite 88 zur Sepsis-Leitlinie.")
de("Ende der Neunziger war Digoxin noch Standard bei Vorhofflimmern.")
de("Der Verein sammelt Spenden über sein Vereinskonto, Details auf der Website der Fachgesellschaft.")
hi("Poison helpline 1800-116-117 पर call करें, बहुत मदद मिली।")
hi("मरीज़ ICU में है, BP 90/60 है, noradrenaline चल रही है।")
hi("मरीज़ Dengue positive है, platelets 40000 हैं।")
hi("Tele MANAS हेल्पलाइन 14416 पर counselling मुफ़्त है।")
hi("नब्बे के दशक में यह दवा बहुत चलती थी।")

CORPUS: tuple[Post, ...] = tuple(_posts)
LANGUAGES = ("en", "de", "hi")


# ------------------------------------------------------------------ evaluation

def label_spans(post: Post) -> list[tuple[int, int, str, str]]:
    spans = []
    for sub, typ in post.labels:
        i = post.text.index(sub)
        spans.append((i, i + len(sub), typ, sub))
    return spans


def evaluate(scan, corpus=CORPUS) -> dict:
    """Recall: share of labelled identifiers overlapped by a finding of the same type (and, type-
    agnostic, by any finding).  False-positive rate: share of clean posts with any finding."""
    stats = {lang: {"labels": 0, "found": 0, "found_any": 0, "clean": 0, "clean_flagged": 0}
             for lang in LANGUAGES}
    misses, false_positives = [], []
    for post in corpus:
        findings = scan(post.text)
        s = stats[post.lang]
        if not post.labels:
            s["clean"] += 1
            if findings:
                s["clean_flagged"] += 1
                false_positives.append((post.id, [(f.type, post.text[f.start:f.end]) for f in findings]))
            continue
        for start, end, typ, sub in label_spans(post):
            s["labels"] += 1
            overlapping = [f for f in findings if f.start < end and start < f.end]
            if overlapping:
                s["found_any"] += 1
            if any(f.type == typ for f in overlapping):
                s["found"] += 1
            else:
                misses.append((post.id, typ, sub, [f.type for f in overlapping]))
    total = {k: sum(s[k] for s in stats.values()) for k in stats["en"]}
    stats["all"] = total
    for s in stats.values():
        s["recall"] = s["found"] / s["labels"] if s["labels"] else 1.0
        s["recall_any"] = s["found_any"] / s["labels"] if s["labels"] else 1.0
        s["fp_rate"] = s["clean_flagged"] / s["clean"] if s["clean"] else 0.0
    return {"stats": stats, "misses": misses, "false_positives": false_positives}
