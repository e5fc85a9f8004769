#!/usr/bin/env python3
"""Build and validate the held-out labelled posts for the patient-data guard.

The posts are written below in marked-up form: every identifier is wrapped as
[[type:value]].  This script strips the markers, records the code-point
offsets of each value as a span, checks that every check-digit identifier
(IBAN, Aadhaar, German tax ID, KVNR, US SSN, US Medicare MBI, Indian PAN) and
every phone number validates, and writes posts.jsonl next to this file.

Run:  python build.py            (needs phonenumbers and python-stdnum)
      python build.py --check    (validate an existing posts.jsonl only)

This file is data plus a formatter. It was written without reference to the
guard's rules and must not be used to tune them (see README.md).
"""
import os
import re
import sys
import unicodedata

# The helpers every held-out set shares live one folder up.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from heldout_tools import CONFUSABLE, kvnr_ok, MBI, report, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "posts.jsonl")

TYPES = {
    "patient_name", "date", "age", "phone", "email", "address", "postal_code",
    "record_number", "insurance_number", "national_id", "ip_address", "url",
    "licence_plate", "device_serial", "bank_account",
}

ZW = "\u200b"   # zero-width space
ZWJ = "\u200d"  # zero-width joiner
WJ = "\u2060"   # word joiner
SHY = "\u00ad"  # soft hyphen

POSTS = []


def P(lang, cls, text):
    POSTS.append((lang, cls, text))


# ---------------------------------------------------------------- English
# positives
P("en", "name_title_honorific",
  "Our patient Rev. Dr. [[patient_name:Samuel Okafor]] (retired pastor, not one of our staff) is on apixaban 5 mg bid and booked for TURP next Thursday. Would you bridge or simply hold for 48 h?")
P("en", "name_lowercase_cue",
  "pt mr [[patient_name:john peters]] back again with HbA1c 9.8% despite metformin 1 g bid + empagliflozin 10 mg. add a GLP-1 RA or go straight to basal insulin?")
P("en", "name_shorthand_no_cue",
  "Handover for nights: [[patient_name:Kowalski]] 58M, NSTEMI, trop 412 -> 1890 ng/L, on heparin. [[patient_name:Brennan]] 77F, CAP, CURB-65 of 2. Does [[patient_name:Kowalski]] need the cath lab tonight or can it wait till morning?")
P("en", "age_90plus_after_name",
  "[[patient_name:Dorothy Whitcombe]], [[age:94]], came in with a displaced NOF fracture. Ortho want to fix tomorrow, she is frail but sharp. How do you counsel families about 30-day mortality at that age?")
P("en", "age_words",
  "Lovely gentleman in his [[age:late nineties]], lives independently, now new AF with rate 140. Would you anticoagulate at all given two falls this year?")
P("en", "birth_year_cue",
  "She was born in [[age:1931]] and still walks to church every day. eGFR 38, on digoxin 125 mcg. Level came back 2.4 ng/mL - stop or halve?")
P("en", "date_verb",
  "Mrs [[patient_name:Alvarez]] was discharged on [[date:14 March 2024]] and bounced back on [[date:03/19/2024]] with the same decompensated HF picture. What do you actually do differently the second time round?")
P("en", "record_prefixed",
  "Can someone from radiology re-read the CT on MRN#[[record_number:448812]]? The report says no PE but the clinical picture screams it.")
P("en", "mbi",
  "His Medicare MBI [[insurance_number:3QW7-KN2-RT58]] keeps bouncing back from the DME supplier for the CPAP. Anyone know whether they want it with or without dashes?")
P("en", "lookalike_chars",
  "Billing says MBI [[insurance_number:7HJ2-VХ9-PC41]] is invalid but I copied it straight from the card. Patient is 81, home O2 order pending. Who do I call?")
P("en", "national_id",
  "The SSN on the outside referral ([[national_id:512-38-4471]]) doesn't match our registration and now pharmacy won't release the biologic. How do your registrars sort this out?")
P("en", "digits_spaced_every_digit",
  "Registration typed his social as [[national_id:2 8 7 6 5 4 3 2 1]] and the insurance check failed. Is there a way to merge the two charts without losing the PET results?")
P("en", "phone_local",
  "The patient's wife asked to be called before any change in code status - her number is [[phone:(617) 555-0143]]. She's hard of hearing, so text first. Any tips on goals-of-care talks by phone?")
P("en", "phone_words",
  "Daughter left a voicemail spelling her number out, [[phone:nine one seven five five five zero one two three]], asking why dad's warfarin was stopped. INR was 5.6, I'd restart at 3 mg - thoughts?")
P("en", "invisible_chars",
  "Home health nurse for Mr. [[patient_name:Delgado]]'s PICC line can be reached on [[phone:+1 415 867\u200b 2291]]. Line has been in 41 days, is a routine exchange indicated?")
P("en", "email",
  "The son keeps emailing me from [[email:lena.marsh1944@gmail.com]] asking for his mum's biopsy result. Is it OK to reply by email if she signed consent?")
P("en", "email_obfuscated",
  "Patient wants the sleep study PDF sent to [[email:gwhitfield at outlook dot com]]. Our IT says no external mail - how do you handle this?")
P("en", "address_postal",
  "He lives alone at [[address:418 Maple Ave, Apt 3B]], zip [[postal_code:02139]], third floor without an elevator. Discharge on IV antibiotics realistic or should we push for SNF?")
P("en", "ip_address",
  "Portal audit shows someone logged into her account from [[ip_address:73.162.48.219]] and downloaded the HIV result. Who do we report this to first, compliance or the patient?")
P("en", "url_crowdfunding",
  "Family set up [[url:https://www.gofundme.com/f/help-ray-delgado-beat-aml]] and asked if I'd write a line about his prognosis. Is that ever appropriate?")
P("en", "url_record",
  "Can a hem-onc person look at the smear? Chart is here: [[url:https://epic.stlukes-health.example/chart/448812/notes]] - blasts 14% on manual diff.")
P("en", "device_serial",
  "ICD serial [[device_serial:RFX2210834K]] is on the advisory list for premature battery depletion. Patient is pacing-dependent. Elective generator change or wait for ERI?")
P("en", "device_serial_no_colon",
  "Rep says the lead with SN [[device_serial:4471-22A]] has had 3 fractures reported. Impedance today 1450 ohms, up from 620. Extract or abandon?")
P("en", "licence_plate",
  "Security asked whether the car with plate [[licence_plate:7KJW482]] in the ambulance bay belongs to the overdose patient in bay 6. Am I allowed to tell them?")
P("en", "fullwidth_digits",
  "Lab keeps rejecting the specimen labelled MRN [[record_number:５５２１９０７]]; apparently the label printer went weird. Is a redraw necessary for a K of 6.8?")
P("en", "dob_no_name",
  "Lady with DOB [[date:07/22/1933]] presented with painless jaundice, bili 14, CA 19-9 over 1000. Is ERCP + stent worth it at this age?")
P("en", "quoted_letter",
  "Copied from the outside letter: 'Re: [[patient_name:Margaret O'Leary]], DOB [[date:02/11/1930]], Hosp No [[record_number:RX0093318]]'. They recommend stopping aspirin - agree?")
P("en", "relative_contact",
  "Her son Dave is the health care proxy, cell [[phone:312-794-0388]]. He wants full code, she said DNR last month. How do you handle that conflict?")
P("en", "national_id",
  "Medical tourist, US passport no. [[national_id:548213907]], needs a fit-to-fly letter after his CABG. How many days post-op do you usually wait?")
P("en", "insurance_other",
  "Prior auth for the GLP-1 got denied for member ID [[insurance_number:W2817734105]] even though BMI is 41. Anyone had luck with a peer-to-peer?")
P("en", "iban",
  "German tourist wants the refund for the unused ambulance fee paid to IBAN [[bank_account:DE44 5001 0517 5407 3249 31]]. Does finance need his passport too?")
P("en", "ordinal_birthday",
  "She celebrated her [[age:100]]th birthday on the ward last week, now febrile with a UTI. Cipro or nitrofurantoin with CrCl 22?")
P("en", "lookalike_chars",
  "Case no. [[record_number:ΚΗ-2023-11904]] keeps showing the wrong allergy list - penicillin instead of sulfa. Has anyone seen chart merges do this?")
P("en", "soft_hyphen_in_number",
  "Pharmacy can't match MRN [[record_number:4418\u00ad8273]] pasted from the outside PDF - there seems to be a hidden character. INR 3.9, warfarin on hold. Anyone seen this?")
# negatives
P("en", "neg_labs_doses",
  "Na 128 -> 134 over 36 h on a 1.5 L fluid restriction, urine osm 412, serum osm 268, urine Na 46. Tolvaptan 15 mg or keep waiting?")
P("en", "neg_guideline_dates",
  "The 2023 ESC HF update (published 25 August 2023) moved SGLT2 inhibitors to class I for HFmrEF and HFpEF. Has your unit changed the order set yet?")
P("en", "neg_eponyms",
  "Parkinson's disease with Hashimoto's thyroiditis and new Horner's syndrome, GCS 14 after a fall. Glasgow score is stable. Would you CT the neck for Pancoast?")
P("en", "neg_codes",
  "Billing rejected I48.91 together with J44.1 and asked for I48.19 instead. Does SNOMED 49436004 map cleanly to either, or do we need the 5th character?")
P("en", "neg_public_numbers",
  "Reminder for the new residents: Poison Control is 1-800-222-1222, the crisis line is 988, and for anything life-threatening outside the building dial 911.")
P("en", "neg_colleague_names",
  "Dr. Patel from cardiology agreed with Dr. Nguyen that we can hold the clopidogrel for 5 days before the biopsy. Any hepatology input?")
P("en", "neg_age_under_90",
  "89-year-old with new AF, CHA2DS2-VASc 5, HAS-BLED 3. Family asks if 'too old for blood thinners' is a real thing. How do you frame it?")
P("en", "neg_doi_pmid",
  "The trial everyone cites is doi:10.1056/NEJMoa2206286 (PMID 36027563). Their primary endpoint was at 28 days, not 90. Am I misreading it?")
P("en", "neg_versions",
  "After the upgrade to Epic 2023.1.4 our sepsis alert (rule v2.10.3) fires on every lactate above 2.0. Has anyone tuned the threshold?")
P("en", "neg_room_numbers",
  "Post-op in room 412B, bay 3, call ext. 4471 if the drain output exceeds 200 mL/h. Is that threshold too conservative after a Whipple?")
P("en", "neg_trial_ids",
  "We are screening for NCT04157751 and NCT05093140. Both exclude eGFR below 30 and prior stroke within 90 days. Anyone enrolling?")
P("en", "neg_device_model",
  "Medtronic Micra AV (model MC1AVR1) versus Abbott Aveir VR - does anyone have data on battery life beyond 8 years?")
P("en", "neg_scores",
  "NIHSS 14 at 02:10, mRS 0 before, onset 3.5 h ago, ASPECTS 8. Tenecteplase 0.25 mg/kg or straight to thrombectomy?")
P("en", "neg_population_age_90",
  "In that cohort, patients aged 90 and over were excluded; median age was 78 (IQR 71-84). Can we really extrapolate to the very old?")
P("en", "neg_year_ranges",
  "Between 1998 and 2012 our unit saw 1,412 cases of necrotising fasciitis; mortality fell from 31% to 17%. Looking for comparison numbers.")
P("en", "neg_public_urls",
  "The NICE guidance is at https://www.nice.org.uk/guidance/ng136 and the CDC dosing table at https://www.cdc.gov/std/treatment-guidelines/default.htm - they disagree on ceftriaxone dose.")
P("en", "neg_switchboard",
  "If you need the transplant team after hours, go through the hospital switchboard at 617-726-2000 and ask for the liver fellow on call.")
P("en", "neg_insulin",
  "Switching from Humalog Mix 75/25 to insulin glargine U-300 plus aspart 1:10 carb ratio, correction 1 unit per 50 above 150. Sensible?")
P("en", "neg_ecg",
  "QTc 512 ms, PR 220 ms, QRS 148 ms on haloperidol 5 mg IV. Stop it and give 2 g magnesium, or switch to quetiapine 25 mg?")
P("en", "neg_non_patient_date",
  "M&M conference moved to 14 March 2024 at 07:30 in lecture hall 3.112. Dr. Okonkwo will present the sepsis audit.")
P("en", "neg_vitals",
  "BP 182/104, HR 48, RR 22, SpO2 91% on 2 L. Cushing's triad or am I overthinking a hypertensive urgency?")
P("en", "neg_labs_doses",
  "For the hep B series we give dose 1 at 0, dose 2 at 1 month and dose 3 at 6 months; titre at 1-2 months after. Any reason to check at 4 weeks?")
P("en", "neg_versions",
  "Siemens pushed syngo MR XA50 build 10.2.0.1 and the DWI sequences now take 40% longer. Anyone else on that release?")
P("en", "neg_staff_honorific",
  "Mr. Harris, our charge nurse, asked whether we can start vancomycin 25 mg/kg loading in the ED before cultures. I said cultures first - agree?")
P("en", "neg_renal",
  "eGFR 34 mL/min/1.73m2, CrCl 28 by Cockcroft-Gault at 84 kg. Enoxaparin 1 mg/kg once daily or unfractionated heparin 18 U/kg/h?")
P("en", "neg_codes",
  "Our interface maps LOINC 2160-0 to creatinine and 4548-4 to HbA1c, but 17856-6 arrives unmapped. Who maintains the LOINC table at your place?")
P("en", "neg_codes",
  "Is 0SR9019 the right ICD-10-PCS code for a cemented hip hemiarthroplasty, or should it be 0SRB01Z? DRG 470 vs 469 hinges on it.")
P("en", "neg_blood_gas",
  "ABG at 03:40: pH 7.21, pCO2 68, HCO3 26, lactate 4.1, BE -3. Start BiPAP at 12/5 or intubate now?")
P("en", "neg_labs_doses",
  "55 pack-years, quit 2019, LDCT Lung-RADS 4A nodule 11 mm. Repeat at 3 months or PET now?")
P("en", "neg_public_numbers",
  "The FDA MedWatch line is 1-800-FDA-1088, fax reports to 1-800-332-0178. Does anyone still fax adverse events in 2024?")
P("en", "neg_eponyms",
  "Classic Addison's crisis: Na 124, K 6.1, glucose 52. Hydrocortisone 100 mg IV, then 50 mg q6h - is the Cosyntropin test still useful after the first dose?")
P("en", "neg_labs_doses",
  "Weight at the 3rd percentile, height on the 25th, mid-parental height 172 cm. Is a bone age worth it at 9 years?")
P("en", "neg_staff_honorific",
  "Prof. Dr. Anne Whitford, our department chair, wants every sepsis case reviewed within 72 h. How do other units staff their M&M reviews?")
P("en", "neg_number_words",
  "We start metformin at five hundred milligrams twice daily and go up to one thousand after three weeks. Anyone still using the extended-release by default?")
P("en", "neg_phone_like",
  "Reference ranges on the new analyser: platelets 150,000-450,000 per uL, WBC 4,500-11,000. Why did they drop the 10^9/L units?")
P("en", "neg_historical_year",
  "Digoxin has been around since 1785 when Withering described foxglove, and insulin since 1922. Are we still right to use either first line?")

# ----------------------------------------------------------------- German
P("de", "name_title_honorific",
  "Herr Dr. [[patient_name:Klaus Wendt]], selbst pensionierter Internist, lehnt die Dialyse bei Krea 6,8 mg/dl ab. Wie dokumentiert ihr so eine Entscheidung sauber?")
P("de", "name_title_honorific",
  "Frau Prof. Dr. [[patient_name:Ingrid Halbach]] liegt bei uns mit einer Aortenklappenstenose, KÖF 0,6 cm². TAVI oder chirurgisch mit 81?")
P("de", "name_shorthand_no_cue",
  "Übergabe: [[patient_name:Müller]], 42F, Pyelonephritis, CRP 212. [[patient_name:Yilmaz]] 67M, NSTEMI, Troponin steigend. Soll [[patient_name:Yilmaz]] heute noch ins Katheterlabor?")
P("de", "age_words",
  "Die Patientin ist [[age:dreiundneunzig]] Jahre alt und möchte keine Magensonde mehr. Der Sohn besteht darauf. Wie geht ihr mit solchen Konflikten um?")
P("de", "birth_year_cue",
  "Patient Jahrgang [[age:1929]], Vorhofflimmern, CHA2DS2-VASc 4, zwei Stürze im Heim. Würdet ihr noch antikoagulieren?")
P("de", "birth_year_words",
  "Sie erzählt stolz, sie sei [[age:neunzehnhundertdreißig]] geboren und habe nie ein Krankenhaus gesehen. Jetzt Hb 6,9 g/dl, Koloskopie ja oder nein?")
P("de", "ordinal_birthday",
  "Frau [[patient_name:Rosemarie Kuhn]] hat nächste Woche ihren [[age:100]]. Geburtstag und jetzt ein Erysipel am Unterschenkel. Cefazolin i.v. oder oral?")
P("de", "date_verb",
  "Er kam am [[date:3. März]] in die Notaufnahme mit Synkope und wurde am [[date:7. März]] mit Eventrecorder entlassen. Reicht das, oder braucht er eine EPU?")
P("de", "record_prefixed",
  "Kann jemand aus der Neuroradiologie auf Fall-Nr. [[record_number:A77312]] schauen? Im CT sehe ich nichts, klinisch Verdacht auf Basilaristhrombose.")
P("de", "record_prefixed",
  "Der Befund zu [[record_number:KH-2024-00817]] ist im KIS verschwunden, nur das Labor ist noch da. Hat jemand so etwas mit dem neuen Update schon gehabt?")
P("de", "kvnr",
  "Die Kasse lehnt das Rezept ab, Versichertennummer [[insurance_number:M481239070]] sei ungültig. Auf der eGK steht aber genau das. Wen ruft ihr da an?")
P("de", "lookalike_chars",
  "Im Aufnahmebogen steht KVNR [[insurance_number:Т602188452]], das System findet sie nicht. Kann es sein, dass jemand das aus einer PDF kopiert hat?")
P("de", "iban",
  "Die Tochter bittet um Rückerstattung der Zuzahlung auf [[bank_account:DE66 3705 0198 0012 3456 78]]. Darf die Station das überhaupt weitergeben?")
P("de", "invisible_chars",
  "Überweisung für die Haushaltshilfe bitte an IBAN [[bank_account:DE02 1005\u200b 0000 0024\u200b 2906 61]], schreibt die Betreuerin. Zuständig ist doch der Sozialdienst, oder?")
P("de", "national_id",
  "Für den Antrag auf Pflegegrad will das Formular seine Steuer-ID [[national_id:29 314 170 583]]. Seit wann braucht man die dafür?")
P("de", "digits_spaced_every_digit",
  "Die Steuer-Identifikationsnummer wurde als [[national_id:6 2 0 5 6 1 7 4 8 3 3]] ins KIS übernommen und jetzt hängt die Abrechnung. Kennt jemand den Workaround?")
P("de", "phone_intl",
  "Der Ehemann möchte bei jeder Änderung angerufen werden: [[phone:+49 30 98765432]]. Sie ist auf ITS, Noradrenalin 0,3 µg/kg/min. Wie oft ruft ihr Angehörige an?")
P("de", "phone_local",
  "Hausärztin hat angerufen, die Patientin sei unter [[phone:0221 4178923]] zu Hause erreichbar und nehme das Marcumar nicht. Umstellen auf Apixaban?")
P("de", "phone_words",
  "Der Sohn hat seine Nummer auf den Anrufbeantworter gesprochen: [[phone:null eins sieben sechs fünf fünf fünf eins zwei drei vier fünf]]. Er will wissen, warum Papa noch nüchtern ist.")
P("de", "address_postal",
  "Er wohnt allein in der [[address:Lindenstraße 14]], [[postal_code:50674]], vierter Stock ohne Aufzug. Entlassung mit 2 l O2 überhaupt realistisch?")
P("de", "licence_plate",
  "Der Wachdienst fragt, ob der Wagen mit Kennzeichen [[licence_plate:K-LW 2841]] vor der Notaufnahme dem intoxikierten Patienten gehört. Darf ich das bestätigen?")
P("de", "device_serial",
  "Der Schrittmacher mit Seriennummer [[device_serial:PJN829113]] steht auf der Rückrufliste. Patientin ist schrittmacherabhängig, EF 35 %. Vorzeitiger Aggregatwechsel?")
P("de", "device_serial_no_colon",
  "Bei der Abfrage der Sonde SN [[device_serial:8812-07C]] Impedanz 1800 Ohm, letztes Mal 540. Sondenbruch? Wer extrahiert bei euch?")
P("de", "url_social",
  "Die Familie postet auf [[url:https://www.facebook.com/groups/gebete.fuer.lena.schmidt]] täglich Fotos von der Intensivstation. Sprecht ihr das aktiv an?")
P("de", "url_social",
  "Ein Patient mit ALS schreibt einen Blog über seine Behandlung bei uns, [[url:https://jonas-kampf-gegen-als.blogspot.com]], inklusive Namen der Pflegekräfte. Was tun?")
P("de", "ip_address",
  "Laut Portal-Log wurde der Arztbrief von [[ip_address:91.64.203.17]] heruntergeladen, die Patientin sagt, sie war es nicht. Meldung an den Datenschutz?")
P("de", "fullwidth_digits",
  "Die Probe mit Fall-Nr. [[record_number:２０２４００８１７]] wurde abgelehnt, das Etikett ist in einer komischen Schrift gedruckt. Kalium 6,9 - Neuabnahme nötig?")
P("de", "name_lowercase_cue",
  "pat. frau [[patient_name:gerda lehmann]], z.n. hüft-tep, jetzt inr 4,8 unter phenprocoumon. vitamin k oral oder einfach pausieren?")
P("de", "age_90plus_after_name",
  "Herr [[patient_name:Brandt]] ([[age:96]]) mit Urosepsis, Laktat 3,2. Der Betreuer will \"alles machen\". Wie weit geht ihr bei dem Alter?")
P("de", "date_verb",
  "Sie wurde am [[date:12.03.]] entlassen und am [[date:19.03.]] mit gleicher Symptomatik wieder aufgenommen. Zählt das als Wiederaufnahme innerhalb der Grenzverweildauer?")
P("de", "quoted_letter",
  "Aus dem Vorbrief: \"[[patient_name:Hildegard Sommer]], geb. [[date:04.07.1931]], Lab-Nr. [[record_number:L-558120]]\". Dort steht Kalium 2,9 - wurde das je substituiert?")
P("de", "national_id",
  "Indischer Patient, Reisepass [[national_id:N7734125]], braucht eine Bescheinigung für die Krankenversicherung im Heimatland. Auf Englisch ausstellen?")
P("de", "email",
  "Die Nichte schickt ständig Mails an [[email:h.sommer.betreuung@web.de]] und will Befunde. Sie ist keine Bevollmächtigte. Wie antwortet ihr?")
P("de", "age_90plus_after_name",
  "[[patient_name:Wilhelm Ostermann]], [[age:91]], Pneumonie, Delir. Haloperidol 0,5 mg oder lieber Melperon?")
P("de", "digits_spaced_every_digit",
  "Die Tochter hat ihre Nummer auf den Zettel geschrieben: [[phone:0 7 1 1 9 8 7 6 5 4 3]]. Sie will vor der PEG-Anlage angerufen werden. Reicht telefonische Zustimmung?")
# negatives
P("de", "neg_labs_doses",
  "Natrium 126 mmol/l, Osmolalität 262, Urin-Na 52. Flüssigkeitsrestriktion 1 l seit 48 h ohne Effekt. Tolvaptan 7,5 mg oder Harnstoff 15 g?")
P("de", "neg_guideline_dates",
  "Die S3-Leitlinie Sepsis (AWMF-Register 079-001, Stand 31.12.2018) ist noch gültig? Die Surviving Sepsis Campaign ist von 2021.")
P("de", "neg_eponyms",
  "Hashimoto-Thyreoiditis, dazu Morbus Parkinson und jetzt GCS 13 nach Sturz. Glasgow-Score stabil, cCT ohne Blutung. Braucht er eine zweite Bildgebung?")
P("de", "neg_codes",
  "Kodiert ihr die Sepsis mit R65.1 zusätzlich zu A41.9? Und die Bronchoskopie mit OPS 1-620.00 oder 1-620.01?")
P("de", "neg_public_numbers",
  "Für die Neuen: Giftnotruf Berlin 030 19240, ärztlicher Bereitschaftsdienst 116117, Notruf 112. Die Nummern hängen auch im Stationszimmer.")
P("de", "neg_colleague_names",
  "Dr. Meier aus der Kardiologie war einverstanden, das ASS perioperativ weiterzugeben. Frau Dr. Schulz aus der Anästhesie sieht das kritischer. Eure Meinung?")
P("de", "neg_age_under_90",
  "78-jährige Patientin mit Herzinsuffizienz NYHA III, EF 30 %. Sacubitril/Valsartan 24/26 mg zweimal täglich als Start ok?")
P("de", "neg_doi_pmid",
  "Gemeint ist die DANAMI-3-Studie, doi:10.1016/S0140-6736(15)00035-6, PMID 26036628. Wer hat die Langzeitdaten?")
P("de", "neg_versions",
  "Seit dem Update auf ORBIS 08.04.3 und Medico Version 26.00 druckt die Kurve die Perfusorraten falsch. Hat jemand einen Patch?")
P("de", "neg_room_numbers",
  "Bitte ins Zimmer 3.14, Bett 2 - Durchwahl 4471. Die Drainage hat in 6 h 450 ml gefördert, Hb von 11,2 auf 9,4.")
P("de", "neg_scores",
  "NIHSS 9, mRS vorher 1, Lyse-Zeitfenster 4 h, ASPECTS 9. Tenecteplase 0,25 mg/kg oder Alteplase 0,9 mg/kg?")
P("de", "neg_population_age_90",
  "In der Studie wurden über 90-Jährige ausgeschlossen, das mediane Alter lag bei 76 Jahren. Kann man das auf unsere Geriatrie übertragen?")
P("de", "neg_device_model",
  "Biotronik Amvia Edge DR-T gegen Medtronic Azure XT DR MRI W1DR01 - welche Erfahrungen habt ihr mit der Fernnachsorge?")
P("de", "neg_codes",
  "Kann man die GOP 03230 neben der 03220 abrechnen, wenn das Gespräch 10 Minuten dauert? Der EBM 2024 ist da unklar.")
P("de", "neg_public_urls",
  "Die Leitlinie liegt unter https://register.awmf.org/de/leitlinien/detail/079-001 und die RKI-Empfehlungen unter https://www.rki.de/DE/Home/homepage_node.html.")
P("de", "neg_insulin",
  "Umstellung von Insulin Lantus 24 IE auf Toujeo 300 E/ml: 1:1 oder 10-20 % mehr? BZ nüchtern 180-220 mg/dl.")
P("de", "neg_ecg",
  "QTc 498 ms unter Citalopram 40 mg, Kalium 3,4, Magnesium 0,68. Reduzieren auf 20 mg oder wechseln auf Sertralin 50 mg?")
P("de", "neg_non_patient_date",
  "Die M&M-Konferenz findet am 14. März 2024 um 7:30 Uhr im Hörsaal 2 statt, Prof. Weber stellt die Sepsisfälle vor.")
P("de", "neg_vitals",
  "RR 195/110, HF 52, AF 20, SpO2 93 % unter 2 l. Urapidil 12,5 mg i.v. fraktioniert oder Nitro-Perfusor?")
P("de", "neg_number_words",
  "Wir geben zweimal täglich fünfhundert Milligramm Metformin, nach drei Wochen Steigerung auf tausend. Die Laktatwerte liegen unter zwei. Zu vorsichtig?")
P("de", "neg_year_ranges",
  "Zwischen 2005 und 2019 hatten wir 312 Fälle von nekrotisierender Fasziitis, die Letalität sank von 28 auf 15 %. Hat jemand Vergleichsdaten?")
P("de", "neg_switchboard",
  "Außerhalb der Dienstzeit erreicht ihr die Transplantationskoordination über die Zentrale der Charité, 030 450 50, und dann Piepser 5566.")
P("de", "neg_staff_honorific",
  "Herr Krause aus der Pflegedirektion fragt, ob wir die Sturzprophylaxe nach Expertenstandard von 2022 umsetzen. Wer hat das schon?")
P("de", "neg_renal",
  "eGFR 28 ml/min, Gewicht 72 kg. Enoxaparin 1 mg/kg einmal täglich oder doch unfraktioniertes Heparin mit aPTT-Ziel 60-80 s?")
P("de", "neg_blood_gas",
  "BGA um 03:40: pH 7,18, pCO2 72, HCO3 25, Laktat 3,8. NIV mit IPAP 16, EPAP 6 oder gleich intubieren?")
P("de", "neg_codes",
  "Die PZN 04523181 ist nicht lieferbar, gibt es eine Alternative mit gleichem Wirkstoff in 10 mg? Rabattvertrag AOK seit 01.04.2024.")
P("de", "neg_codes",
  "Für den Kostenvoranschlag braucht der Sanitätshausdienst unser IK 260530012 und die Hilfsmittelnummer 14.24.01.0001. Wer füllt das bei euch aus?")
P("de", "neg_population_age_90",
  "Ab 85 Jahren steigt die Delirinzidenz auf über 50 %. Bei Patienten zwischen 70 und 84 sehen wir eher 20-30 %. Deckt sich das mit euren Zahlen?")
P("de", "neg_eponyms",
  "Morbus Crohn mit Fisteln, dazu Bechterew. Infliximab 5 mg/kg oder Adalimumab 40 mg alle 2 Wochen? CRP 48, Calprotectin 1200.")
P("de", "neg_non_patient_date",
  "Ab 1. Juli 2024 gilt die neue Hygieneverordnung in NRW; die Schulung ist am 20. Juni. Wer macht bei euch die Unterweisung?")
P("de", "neg_labs_doses",
  "TSH 0,02 mU/l, fT4 32 pmol/l, TRAK 8,4 IU/l. Thiamazol 20 mg oder 30 mg als Startdosis?")
P("de", "neg_staff_honorific",
  "Herr Prof. Dr. Lorenz, unser Chefarzt, möchte die Antibiotikadauer bei Pneumonie auf 5 Tage begrenzen. Wie setzt ihr das um?")
P("de", "neg_phone_like",
  "Normbereich Thrombozyten 150.000-400.000/µl, Leukozyten 4.000-10.000/µl. Ab welchem Wert pausiert ihr das Clozapin?")
P("de", "neg_historical_year",
  "Penicillin kennen wir seit 1928, Cotrimoxazol seit den 1960ern, und trotzdem steht bei jedem dritten Patienten \"Penicillinallergie\" im Brief. Wer macht bei euch Allergie-Delabeling?")

# ------------------------------------------------------------------ Hindi
P("hi", "name_after_hindi_cue",
  "मरीज़ [[patient_name:Ramesh Yadav]] को 3 दिन से fever है, platelet 38,000 और NS1 positive. Platelet transfusion कब देनी चाहिए, आप लोग क्या cut-off रखते हैं?")
P("hi", "name_after_hindi_cue",
  "पेशेंट [[patient_name:सुनीता देवी]] (62 F) का HbA1c 11.2% है, metformin 1 g BD पर. Insulin शुरू करें या पहले gliclazide add करें?")
P("hi", "name_shorthand_no_cue",
  "Ward round: [[patient_name:Sharma]] 67M, COPD exacerbation, pCO2 64. [[patient_name:Khan]] 45F, DKA resolving. [[patient_name:Sharma]] को BiPAP पर रखें या ICU shift करें?")
P("hi", "age_words",
  "दादी जी की उम्र [[age:नब्बे]] साल है, femur fracture हुआ है और family surgery नहीं चाहती. Conservative management में क्या-क्या ध्यान रखें?")
P("hi", "age_90plus_after_name",
  "Bed 4 वाले बाबा जी, उम्र [[age:93]] साल, urosepsis के साथ आए हैं. Creatinine 2.8 है, ceftriaxone की dose adjust करनी पड़ेगी क्या?")
P("hi", "birth_year_cue",
  "इनका जन्म [[age:1934]] में हुआ था, pension card पर भी यही लिखा है. अब new onset AF है, anticoagulation देना safe रहेगा?")
P("hi", "date_hinglish",
  "पिछली बार [[date:12/03]] को discharge किया था, आज फिर breathlessness के साथ आ गए. Furosemide की dose बढ़ाएँ या spironolactone add करें?")
P("hi", "date_verb",
  "[[date:15 अगस्त]] को admit हुए थे और [[date:22 अगस्त]] को छुट्टी दी गई, फिर भी wound infection हो गया. Culture में MRSA आया है.")
P("hi", "date_hinglish",
  "patient [[patient_name:Rakesh Gupta]] ko [[date:5 June]] ko discharge kiya tha, phir [[date:9 June]] ko readmit hua with same chest pain. Troponin negative, TMT karwaye ya CT angio?")
P("hi", "devanagari_digits",
  "Ayushman card verify नहीं हो रहा, आधार नंबर [[national_id:७२६० १८१५ ९०८२]] डालने पर error आता है. Dialysis रुकी हुई है, कोई solution?")
P("hi", "invisible_chars",
  "TPA वाले बोल रहे हैं Aadhaar [[national_id:5016\u200b6131\u200b8603]] match नहीं हो रहा. Chemotherapy का दूसरा cycle pending है, क्या करें?")
P("hi", "national_id",
  "मरीज़ के बेटे ने आधार [[national_id:3390 9960 3089]] WhatsApp पर भेजा है ताकि PMJAY approval हो सके. क्या यह safe practice है?")
P("hi", "national_id",
  "Insurance claim के लिए patient का PAN [[national_id:BKRPS4821K]] माँगा गया है, bill 2.4 lakh का है. क्या hospital यह collect कर सकता है?")
P("hi", "devanagari_digits",
  "बेटी का नंबर [[phone:९८७६५ ४३२१०]] है, वो रोज़ report माँगती है. Pt ventilator पर है, counselling कैसे करें?")
P("hi", "phone_words",
  "attendant ne apna number bola, [[phone:nine eight two zero one three three four five seven]], bol raha hai dawai ka bill zyada hai. Generic switch kar dein?")
P("hi", "phone_intl",
  "NRI बेटे से बात करनी है, [[phone:+91 94150 27761]] पर WhatsApp करें तो चलेगा? Patient का prognosis poor है, palliative care refer करें?")
P("hi", "licence_plate_in",
  "Accident case आया है, गाड़ी का नंबर [[licence_plate:DL 3C AB 1234]] police ने लिखा. MLC बनाते समय यह लिखना ज़रूरी है क्या? GCS 9 है.")
P("hi", "licence_plate_in",
  "Casualty के बाहर खड़ी [[licence_plate:MH12DE1433]] वाली गाड़ी patient की family की है, police पूछ रही है कि overdose किसने किया. क्या बताएँ?")
P("hi", "bank_account_in",
  "Family ने fundraising के लिए A/c no. [[bank_account:30211456789]], IFSC SBIN0001234 share किया है और चाहती है कि हम discharge summary के साथ भेजें. Ethical है?")
P("hi", "url_crowdfunding",
  "Child with ALL, family ने [[url:https://www.ketto.org/fundraiser/save-baby-anaya-sharma]] बनाया है और मुझसे doctor's certificate माँग रहे हैं. आप लोग देते हैं?")
P("hi", "url_crowdfunding",
  "Liver transplant के लिए [[url:https://milaap.org/fundraisers/support-sunita-devi-liver]] पर पैसे जमा हो रहे हैं, उसमें हमारी OPD की photo भी है. Hospital policy क्या कहती है?")
P("hi", "url_social",
  "Patient ka beta [[url:https://www.instagram.com/fight_with_papa_cancer]] par roz ICU ki video daal raha hai. Nursing staff pareshan hai, kya karein?")
P("hi", "record_prefixed",
  "UHID [[record_number:AIIMS-2023-556781]] वाले patient की MRI report system में नहीं दिख रही. Radiology से कौन बात करेगा?")
P("hi", "record_prefixed",
  "IPD No. [[record_number:23/44817]] की file missing है, और कल audit है. CR No. [[record_number:2024015573]] से पुराने notes मिल सकते हैं?")
P("hi", "address_postal",
  "मरीज़ का पता [[address:मकान नं. 42, गली नं. 7, शास्त्री नगर]], PIN [[postal_code:302016]] है, home visit possible है क्या? Bedridden है, bedsore grade 3.")
P("hi", "email",
  "उनके भाई ने reports [[email:vikas.yadav1972@rediffmail.com]] पर भेजने को कहा है. Email पर HIV report भेजना सही होगा?")
P("hi", "device_serial",
  "Pacemaker SN [[device_serial:3390-18F]] वाला recall list में है, patient गाँव में रहता है. Follow-up कैसे arrange करें?")
P("hi", "devanagari_digits",
  "इनका जन्म [[age:१९३२]] का है, aadhaar पर यही है. Hip fracture के बाद delirium है, haloperidol कितनी dose?")
P("hi", "devanagari_digits",
  "माताजी ([[age:९१]]) को hyponatremia है, Na 118. 3% saline दें या सिर्फ fluid restriction?")
P("hi", "lookalike_chars",
  "RTO वाले बोल रहे हैं गाड़ी [[licence_plate:UP 32 КВ 7719]] का record नहीं मिल रहा, ये वही accident case है जो ICU में है. Police को कौन inform करेगा?")
P("hi", "insurance_other",
  "Star Health policy no. [[insurance_number:P/211114/01/2024/008817]] का cashless reject हो गया. Angioplasty emergency में हुई थी, reimbursement का क्या process है?")
P("hi", "national_id",
  "Bangladesh से आए patient का passport [[national_id:EB0738215]] है, visa extension के लिए medical certificate चाहिए. Format किसी के पास है?")
P("hi", "name_lowercase_cue",
  "mrs [[patient_name:kamla devi]] ka sugar 450 aa raha hai, ketones positive. DKA protocol start karein ya pehle ABG?")
P("hi", "mbi",
  "US से आए NRI patient का Medicare MBI [[insurance_number:5AC8-DE4-FG90]] है, वहाँ के insurer को discharge summary भेजनी है. English में कौन सा format चलता है?")
P("hi", "name_title_honorific",
  "मरीज़ श्रीमती डॉ. [[patient_name:Kavita Rao]] (retired professor, हमारी staff नहीं) का INR 6.2 है warfarin पर, कोई bleeding नहीं. Vitamin K दें या सिर्फ dose hold करें?")
P("hi", "bank_account_in",
  "Patient ke bhai ne NEFT ke liye A/c [[bank_account:50100234567891]] aur IFSC HDFC0001234 bheja hai, refund ka paisa wapas chahiye. Accounts department ko forward kar dein?")
P("hi", "ip_address",
  "Hospital app के log में दिखा कि patient की HIV report [[ip_address:103.27.164.88]] से download हुई, patient बोल रहा है उसने नहीं की. IT को कैसे escalate करें?")
P("hi", "ordinal_birthday",
  "परदादी जी का कल [[age:100]]वाँ जन्मदिन था, आज aspiration pneumonia के साथ आई हैं. Ryles tube डालें या family से पहले बात करें?")
P("hi", "birth_year_words",
  "बाबूजी बताते हैं उनका जन्म [[age:उन्नीस सौ इकतीस]] में हुआ था. अब CKD stage 4 है, dialysis की बात करें या conservative care?")
P("hi", "digits_spaced_every_digit",
  "Form में आधार [[national_id:4 4 6 2 8 1 9 4 8 2 1 3]] ऐसे लिखा है, software accept नहीं कर रहा. PMJAY pre-auth कैसे होगा?")
P("hi", "fullwidth_digits",
  "Lab वाले sample reject कर रहे हैं, label पर IPD No. [[record_number:２３/５１２０９]] कुछ अलग font में छपा है. Potassium 6.5 है, दोबारा sample लें?")
# negatives
P("hi", "neg_public_numbers",
  "Snake bite case में तुरंत 108 ambulance बुलाएँ, poison information के लिए AIIMS toll-free 1800-116-117 पर call करें. ASV की 10 vials से शुरू करते हैं.")
P("hi", "neg_public_numbers",
  "Suicide attempt के बाद patient को Tele-MANAS 14416 और 104 health helpline के बारे में बताया. और क्या follow-up करना चाहिए?")
P("hi", "neg_labs_doses",
  "Hb 7.2 g/dL, MCV 64, ferritin 8. Tab. ferrous sulphate 200 mg BD दें या IV iron sucrose 200 mg alternate day?")
P("hi", "neg_guideline_dates",
  "ICMR की 2022 वाली antimicrobial guideline में typhoid के लिए azithromycin first line है. आपके hospital में अभी भी ceftriaxone 2 g OD चलता है क्या?")
P("hi", "neg_eponyms",
  "Parkinson's disease वाले मरीज़ में Hashimoto thyroiditis भी है, GCS 15. Levodopa 100 mg TDS के साथ thyroxine कब दें?")
P("hi", "neg_colleague_names",
  "Dr. Verma (cardiology) ने कहा कि clopidogrel 5 दिन पहले बंद करें, पर Dr. Iyer (surgery) 7 दिन बोल रही हैं. आप क्या करते हैं?")
P("hi", "neg_age_under_90",
  "65 साल के पुरुष, 30 pack-years smoking, FEV1 48%. Tiotropium 18 mcg शुरू करें या LABA-LAMA combination?")
P("hi", "neg_ninety_not_age",
  "SpO2 90% पर oxygen शुरू करें या 92% target रखें? COPD में 88-92% बताया है ना?")
P("hi", "neg_population_age_90",
  "उस trial में 90 साल से ऊपर के मरीज़ों को शामिल नहीं किया गया था, median age 72 थी. क्या हम result apply कर सकते हैं?")
P("hi", "neg_devanagari_digits_doses",
  "Tab. paracetamol ६५० mg दिन में ३ बार, ५ दिन तक. Dengue में NSAID बिलकुल नहीं देने, यह सही है ना?")
P("hi", "neg_codes",
  "Dengue को ICD-10 में A90 code करें या A91? PMJAY package code MG001A में कौन सा आएगा?")
P("hi", "neg_doi_pmid",
  "RECOVERY trial वाला paper देखिए, doi:10.1056/NEJMoa2021436, PMID 32678530. Dexamethasone 6 mg OD 10 दिन.")
P("hi", "neg_room_numbers",
  "वार्ड 7, बेड 12 और ICU room 204 के बीच patient shift करना है. Ext. 2231 पर nursing station को बताना पड़ेगा?")
P("hi", "neg_switchboard",
  "AIIMS Delhi की main switchboard 011-26588500 पर call करके neurosurgery resident on call से बात कर लीजिए.")
P("hi", "neg_insulin",
  "insulin glargine 20 units raat ko aur regular insulin 6-6-6 de rahe hain, fasting sugar 180 hai. Glargine 2 unit badha dein?")
P("hi", "neg_scores",
  "qSOFA 2, SOFA 7, lactate 4.2 mmol/L. Norad 0.1 mcg/kg/min से शुरू करें, 30 mL/kg fluid पहले दे दिया.")
P("hi", "neg_vitals",
  "BP 80/50, pulse 128, RR 30, temperature 103 F. Septic shock लग रहा है, vasopressin कब add करें?")
P("hi", "neg_year_ranges",
  "2010 से 2020 के बीच हमारे यहाँ 1,240 snakebite cases आए, mortality 8% से 3% हुई. किसी के पास comparison data है?")
P("hi", "neg_versions",
  "HMIS version 3.2.1 के update के बाद e-prescription में dose gayab हो रही है. Technical team का number क्या है?")
P("hi", "neg_ecg",
  "QTc 510 ms, hydroxychloroquine 200 mg BD पर. Drug बंद करें या azithromycin हटाकर देखें?")
P("hi", "neg_trial_ids",
  "CTRI/2023/05/052817 वाला trial अभी enrol कर रहा है क्या? Inclusion में eGFR > 30 चाहिए.")
P("hi", "neg_public_urls",
  "National TB programme की guideline https://tbcindia.gov.in पर है और dosing chart https://www.who.int/publications/i/item/9789240048126 में.")
P("hi", "neg_drug_names",
  "Tab. Telma 40, Tab. Ecosprin AV 75/10, Tab. Glycomet GP 2 - इतनी polypharmacy में कौन सा पहले हटाएँ?")
P("hi", "neg_labs_doses",
  "Platelet 1,20,000 से 28,000 पर आ गया 48 घंटे में, hematocrit 46%. Warning signs हैं, admit करें?")
P("hi", "neg_non_patient_date",
  "15 अगस्त को free eye camp है, 200 cataract surgeries target. Dr. Reddy और Dr. Mehta lead करेंगे.")
P("hi", "neg_staff_honorific",
  "Sister Mary (ICU in-charge) ने कहा कि central line bundle हर 8 घंटे check करें. क्या आप भी यही करते हैं?")
P("hi", "neg_ninety_not_age",
  "नब्बे प्रतिशत cases में viral fever खुद ठीक हो जाता है, फिर भी हर मरीज़ को antibiotic दी जा रही है. Stewardship कैसे शुरू करें?")
P("hi", "neg_renal",
  "Creatinine 3.1, eGFR 22, K 5.8. Calcium gluconate 10 mL दिया, अब insulin-dextrose या K-binder?")
P("hi", "neg_labs_doses",
  "3 साल का बच्चा, 12 kg, amoxicillin 90 mg/kg/day दो doses में यानी 540 mg BD. Otitis media के लिए ठीक है?")
P("hi", "neg_colleague_names",
  "Dr. Kapoor sir ne bola tha ki tranexamic acid 1 g IV 3 ghante ke andar dena hai. Kya aap bhi trauma me yahi karte ho?")
P("hi", "neg_bank_non_patient",
  "Hospital का donation account SBI में है, IFSC SBIN0001234, branch Connaught Place. Patient welfare fund के लिए कौन approve करता है?")

P("hi", "neg_number_words",
  "दिन में दो बार पाँच सौ mg metformin दे रहे हैं, तीन हफ्ते बाद एक हज़ार करेंगे. B12 की जाँच कितने साल में करानी चाहिए?")
P("hi", "neg_devanagari_digits_doses",
  "स्वास्थ्य मंत्रालय की २०२३ guideline के अनुसार TB preventive therapy में isoniazid ३०० mg रोज़ ६ महीने, साथ में pyridoxine १० mg. आप 3HP use करते हैं?")
P("hi", "neg_eponyms",
  "Guillain-Barré के बाद अब Bell's palsy भी, Dr. Sen बोल रहे थे IVIG 0.4 g/kg x 5 दिन. Plasmapheresis बेहतर रहेगा?")
P("hi", "neg_staff_honorific",
  "हमारे HOD श्री डॉ. Anand Mishra ने sepsis का नया protocol approve किया है, पहले घंटे में antibiotic और 30 mL/kg fluid. आपके यहाँ compliance कितना है?")
P("hi", "neg_public_numbers",
  "Delivery के बाद mother को 102 ambulance और Janani Suraksha helpline 1800-180-1104 के बारे में बताया. Iron-folic acid 180 दिन देना है ना?")
P("hi", "neg_age_under_90",
  "80 साल की महिला, weight 42 kg, CrCl 24. Dabigatran 110 mg BD या apixaban 2.5 mg BD बेहतर रहेगा?")
P("hi", "neg_codes",
  "NABH 5th edition में standard COP.7 और SNOMED CT 22298006 को EMR में map करना है. किसी ने यह किया है?")
P("hi", "neg_non_patient_date",
  "1 अप्रैल 2024 से नई CGHS rate list लागू है, angioplasty package 1.2 lakh हो गया. आपके hospital ने sign किया?")
P("hi", "neg_room_numbers",
  "ICU bed no. 14 पर ventilator no. 3 लगा है, PEEP 8, FiO2 60%. Prone position कब करें?")


# ------------------------------------------------------------ machinery


WORDS = {
    # en
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # de
    "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4",
    "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
}


def normalise(value):
    """Undo the obfuscations used in the set so check digits can be verified."""
    s = unicodedata.normalize("NFKC", value)  # full-width digits -> ASCII
    s = "".join(CONFUSABLE.get(c, c) for c in s)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")  # ZW chars
    s = s.replace(SHY, "")
    # Devanagari digits
    s = "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in s)
    words = s.lower().split()
    if words and all(w in WORDS for w in words):
        s = "".join(WORDS[w] for w in words)
    return s


def check_value(typ, value, lang):
    """Return None if fine, else a complaint. Only check-digit types are checked."""
    import phonenumbers
    from stdnum import iban
    from stdnum.de import idnr
    from stdnum.in_ import aadhaar, pan
    from stdnum.us import ssn
    v = normalise(value)
    compact = re.sub(r"[\s\-/.]", "", v)
    if typ == "phone":
        for region in ({"en": "US", "de": "DE", "hi": "IN"}[lang], "US", "DE", "IN"):
            try:
                if phonenumbers.is_valid_number(phonenumbers.parse(compact if not v.startswith("+") else v, region)):
                    return None
            except phonenumbers.NumberParseException:
                pass
        return "phone not valid: %r -> %r" % (value, compact)
    if typ == "bank_account" and compact[:2].isalpha():
        return None if iban.is_valid(compact) else "bad IBAN %r" % value
    if typ == "national_id":
        if re.fullmatch(r"\d{12}", compact):
            return None if aadhaar.is_valid(compact) else "bad Aadhaar %r" % value
        if re.fullmatch(r"\d{11}", compact):
            return None if idnr.is_valid(compact) else "bad Steuer-ID %r" % value
        if re.fullmatch(r"\d{9}", compact) and "-" in v or re.fullmatch(r"\d{9}", compact) and " " in v:
            return None if ssn.is_valid(compact) else "bad SSN %r" % value
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            return None if pan.is_valid(compact) else "bad PAN %r" % value
        return None
    if typ == "insurance_number":
        if re.fullmatch(r"[A-Z]\d{9}", compact):
            return None if kvnr_ok(compact) else "bad KVNR %r" % value
        if len(compact) == 11 and compact[0].isdigit() and not compact.isdigit():
            return None if MBI.fullmatch(compact) else "bad MBI %r" % value
    return None


def validate(rows, check_digits=True):
    errors = []
    ids = set()
    for r in rows:
        if r["id"] in ids:
            errors.append("duplicate id %s" % r["id"])
        ids.add(r["id"])
        if r["lang"] not in ("en", "de", "hi"):
            errors.append("%s: bad lang" % r["id"])
        if not r["class"]:
            errors.append("%s: empty class" % r["id"])
        if len(r["spans"]) > 3:
            errors.append("%s: more than 3 spans" % r["id"])
        last_end = -1
        for s in r["spans"]:
            if s["type"] not in TYPES:
                errors.append("%s: unknown type %s" % (r["id"], s["type"]))
            if not (0 <= s["start"] < s["end"] <= len(r["text"])):
                errors.append("%s: span out of range %r" % (r["id"], s))
                continue
            if s["start"] < last_end:
                errors.append("%s: overlapping spans" % r["id"])
            last_end = s["end"]
            frag = r["text"][s["start"]:s["end"]]
            if frag != frag.strip():
                errors.append("%s: span has surrounding whitespace %r" % (r["id"], frag))
            if check_digits:
                c = check_value(s["type"], frag, r["lang"])
                if c:
                    errors.append("%s: %s" % (r["id"], c))
    return errors


if __name__ == "__main__":
    run(OUT, POSTS, validate, report)
