#!/usr/bin/env python3
"""Build and validate the second held-out set of labelled posts for the patient-data guard.

The posts are written below in marked-up form: every identifier is wrapped as
[[type:value]].  This script strips the markers, records the code-point
offsets of each value as a span, checks that every check-digit identifier
(IBAN, Aadhaar, German tax ID, KVNR, US SSN, Indian PAN) and every phone
number validates after undoing the obfuscation, and writes posts.jsonl next
to this file.

Run:  python build.py            (needs phonenumbers and python-stdnum)
      python build.py --check    (verify the stored posts.jsonl against a fresh build)

This file is data plus a formatter. It was written by an author who never saw
the guard, its rules, its tuning corpus, its tests or the first held-out set's
posts. It must not be used to tune the guard (see README.md).
"""
import os
import re
import sys
import unicodedata

# The helpers every held-out set shares live one folder up.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from heldout_tools import CONFUSABLE, kvnr_ok, report, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "posts.jsonl")

TYPES = {
    "patient_name", "age", "date", "record_number", "national_id", "phone",
    "insurance_number", "url", "device_serial", "licence_plate",
    "bank_account", "email", "address", "postal_code", "ip_address",
}

ZW = "\u200b"   # zero-width space
ZWNJ = "\u200c"  # zero-width non-joiner
WJ = "\u2060"   # word joiner
SHY = "\u00ad"  # soft hyphen


def FW(s):
    """Full-width digits and Latin letters."""
    return "".join(chr(ord(c) + 0xFEE0) if ("0" <= c <= "9" or "A" <= c <= "Z") else c for c in s)


def DEV(s):
    """Devanagari digits."""
    return "".join(chr(0x966 + int(c)) if c.isdigit() else c for c in s)


def ZWS(s, ch=ZW):
    """A zero-width character between every character."""
    return ch.join(s)


POSTS = []


def P(lang, cls, text):
    POSTS.append((lang, cls, text))

# ================================================================ English
# ---- positives
P("en", "name_handover_shorthand", "Handover from nights: Bed 11 [[patient_name:Petrosyan]] [[age:91]]F, fluids running, recheck K+ at 6. Bed 7 stable.")
P("en", "name_handover_shorthand", "Quick list for the day team — [[patient_name:Abernathy]] 67M post-lap chole, drain minimal; [[patient_name:Quigley]] 88F still confused overnight, please review.")
P("en", "name_handover_shorthand", "Side room 2: [[patient_name:Oduya]], [[age:96]], on end-of-life pathway, family aware. Syringe driver refilled at 0400.")
P("en", "name_title_degree", "Anyone seen this before? Prof. Dr. [[patient_name:Harald Lindqvist]] (retired engineer, not one of ours) came in with a bilateral pleural effusion and a normal echo.")
P("en", "name_title_degree", "Our patient Rev. [[patient_name:Thaddeus Coombe]] keeps refusing his enoxaparin because of bruising. How hard would you push?")
P("en", "name_title_degree", "Dr. [[patient_name:Miriam Osei-Bonsu]], PhD — she's the patient this time, a chemist admitted with a lithium level of 2.1. Dialysis or wait it out?")
P("en", "name_lowercase_cue", "pt is [[patient_name:gareth pryce]], 58, third admission for alcoholic hepatitis this year, Maddrey 41. steroids again?")
P("en", "name_lowercase_cue", "patient name [[patient_name:lucinda fairweather]], wants to self-discharge against advice after an NSTEMI, capacity seems intact. thoughts on documentation?")
P("en", "name_repeated", "Mr. [[patient_name:Delacroix]] is back with cellulitis of the left leg. [[patient_name:Delacroix]] had MRSA last time, so do we start with vanc?")
P("en", "name_repeated", "Mrs [[patient_name:Pemberton]] fell again on the ward last night. I've asked physio to see [[patient_name:Pemberton]] today, but should we stop her zopiclone?")
P("en", "name_particle", "Handing over [[patient_name:Joaquín de la Fuente]], 44M, DKA resolving, switched to subcut insulin at 14:00. Sister has his sliding scale.")
P("en", "name_particle", "Mr [[patient_name:ter Haar]] in bay C has a new AF with rate 140 — diltiazem or metoprolol given his EF of 30 %?")
P("en", "name_initials", "Seeking advice about [[patient_name:S. V. Raghunathan]], a visiting professor admitted via ED with a massive PE. Thrombolyse or catheter-directed?")
P("en", "name_possessive", "Mrs. [[patient_name:Okonkwo]]'s daughter is asking whether her mum can fly to Lagos next week after the hip replacement. I said no, am I right?")
P("en", "name_quoted_letter", "From the discharge letter: \"Re: [[patient_name:Beatrice Hollingsworth]], DOB [[date:14/02/1931]], NHS no. [[record_number:943 476 5919]]\" — the GP asks if we stopped her apixaban deliberately.")
P("en", "name_quoted_letter", "Referral reads: 'Dear colleague, thank you for seeing [[patient_name:Ignatius Mwangi]], aged [[age:92]], with recurrent syncope.' Tilt table worthwhile at that age?")
P("en", "age_90plus", "Lady of [[age:97]] with a displaced NOF fracture, lives alone, fully independent. Anaesthetist unsure about a spinal — views?")
P("en", "age_words", "He's [[age:ninety-four]] and still drives to the clinic himself. New creatinine 210, do I keep the metformin?")
P("en", "age_words", "Centenarian on the ward today — she turned [[age:a hundred and one]] last week and has a UTI. Any tips for nitrofurantoin dosing at that eGFR?")
P("en", "birth_year", "Gentleman born in [[age:1929]], wants to know if he still needs his statin. Deprescribing advice welcome.")
P("en", "birth_year", "DOB [[age:1928]], male, recurrent hyponatraemia on sertraline. Switch to mirtazapine?")
P("en", "age_parens", "Mr [[patient_name:Fitzgerald]] ([[age:93]]) in cubicle 9 — troponin mildly up, chest pain free. Do we still call cardiology?")
P("en", "date_event", "She was admitted on [[date:3rd of June]] with sepsis, and the blood cultures from that day grew Strep bovis. Colonoscopy now or after recovery?")
P("en", "date_event", "Had his TAVI on [[date:2024-03-11]] and now presents with complete heart block. Pacing wire in ED?")
P("en", "date_event", "Discharged [[date:Tue 9/17]], came back two days later with a wound dehiscence. Who owns this, surgery or us?")
P("en", "record_labelled", "Can someone from micro look at MRN [[record_number:40018257]]? The Gram stain report seems to contradict the culture.")
P("en", "record_unlabelled", "Pathology came back on [[record_number:SP-24-18833]] — well-differentiated NET, 1.1 cm. Surveillance or resection?")
P("en", "record_labelled", "Case # [[record_number:CX0091472]] in the ED queue needs a psych bed; nobody is answering the on-call pager.")
P("en", "phone_local", "Son wants an update, he's on [[phone:(312) 884-2719]]. I'm in theatre all day — could the registrar ring him after 5?")
P("en", "phone_intl", "The patient's sister in Nairobi keeps calling, you can reach her at [[phone:+1 415 839 2274]] — she actually lives in SF now.")
P("en", "phone_words", "Wife's mobile for the ward round: [[phone:six one seven four nine two three three eight one]], she prefers texts.")
P("en", "phone_spaced", "Daughter's number is [[phone:2 0 6 7 1 8 4 4 5 2]], please call her before the MDT if his sats drop again.")
P("en", "ssn", "Billing rejected the claim because the SSN on file [[national_id:394-45-9909]] doesn't match the name — who fixes that, us or registration?")
P("en", "email", "Family asked for the imaging report to be emailed to [[email:tkowalczyk.family@gmail.com]]. Is that even allowed?")
P("en", "email_obfuscated", "Her carer wants updates at [[email:joanne dot ferris at outlook dot com]] — I said we'd discuss at the meeting.")
P("en", "address", "Community team needs a home visit at [[address:14 Larkspur Close]], [[postal_code:BS7 9QT]] — the patient can't manage the stairs to collect his meds.")
P("en", "url_record", "Chart is here if you have EPR access: [[url:https://epr.stmarks-internal.org/patient/883104/notes]] — the ECG from this morning is uploaded.")
P("en", "url_crowdfunding", "His family set up [[url:https://www.gofundme.com/f/help-dariusz-beat-sarcoma]] and are asking whether we can write a supporting statement.")
P("en", "device_serial", "The pump on bed 12 (SN [[device_serial:AP7731K0429]]) keeps alarming occlusion even with a fresh line. Biomed ticket raised.")
P("en", "licence_plate", "Security says the car blocking the ambulance bay belongs to the patient in resus 2, plate [[licence_plate:KX19 LMW]] — can someone ask the family to move it?")
P("en", "ip_address", "The home telemetry box for our heart-failure patient keeps dropping off, its last IP was [[ip_address:82.147.33.209]]. IT says it's the patient's router.")
P("en", "invisible_chars", "MRN " + "[[record_number:" + ZWS("51902847") + "]]" + " — pneumothorax on the repeat film, please check before I call the registrar.")
P("en", "fullwidth_digits", "Please page me about the lady in bay D, her phone is [[phone:" + FW("(617) 555-0143") + "]] if the family asks, she's [[age:" + FW("95") + "]].")
P("en", "lookalike_chars", "Patient ID [[record_number:\u041cRN-\u0410\u0412-220913]] in the PACS is mislabelled as female. Who do I tell?")
P("en", "name_shape_mixed", "Ms [[patient_name:O'Sullivan-Reyes]] wants her notes sent to her new GP; she's [[age:90]] and moving to her daughter's.")

# ---- hard negatives
P("en", "neg_colleague_title", "Sister Agnes from HDU says the bed will be free at 2, can the surgical reg ring her before sending the patient up?")
P("en", "neg_colleague_title", "Dr. Okafor on nights was brilliant with the arrest in bay 6 — anyone know how to nominate someone for the trust award?")
P("en", "neg_colleague_title", "Spoke to Prof. Hendricks (our haem consultant) and he's happy to give the 4-factor PCC; just need pharmacy to release it.")
P("en", "neg_eponym", "Is this Guillain-Barré or a CIDP flare? Nerve conduction shows conduction block, and the CSF protein is 1.8 g/L.")
P("en", "neg_eponym", "Young woman with suspected Cushing's — late-night salivary cortisol twice raised. Next step dexamethasone suppression or ACTH?")
P("en", "neg_eponym", "Parkinson's patient nil by mouth for surgery; what's your go-to conversion from co-careldopa to a rotigotine patch?")
P("en", "neg_guideline_author", "Per Rivers et al. 2001, early goal-directed therapy was the standard, but ProCESS and ARISE changed that. Are we still doing central lines for lactate > 4?")
P("en", "neg_guideline_author", "The Wells score and the Geneva score disagree for my patient; which one does NICE NG158 prefer?")
P("en", "neg_age_under_90", "82-year-old man with new confusion and a sodium of 121, on indapamide. Stop and restrict fluids?")
P("en", "neg_age_under_90", "Teenager, 17, with an overdose of 40 paracetamol tablets staggered over a day — we started NAC immediately, right?")
P("en", "neg_population_age", "In the trial, patients aged 90 and over were excluded, so I'm not sure the data applies to our frail elderly.")
P("en", "neg_nonagenarian", "Nonagenarian with aortic stenosis and syncope — do you even refer for TAVI, or is it palliative from here?")
P("en", "neg_ninety_not_age", "Sats 90 % on 4 L, RR 28, lactate 3.1. Is this HFNO territory or straight to NIV?")
P("en", "neg_lab_values", "Hb 71, MCV 62, ferritin 4, platelets 512. IV iron first or transfuse one unit?")
P("en", "neg_scores", "CURB-65 of 3, qSOFA 2, NEWS2 of 8 — ward or HDU?")
P("en", "neg_doses", "Vanc loading 25 mg/kg then 15 mg/kg q12h, trough at the fourth dose — does anyone still do troughs or just AUC now?")
P("en", "neg_icd_codes", "Coding question: do we use I48.0 for paroxysmal AF and I48.91 for unspecified, or does the trust prefer I48.19?")
P("en", "neg_snomed_loinc", "LOINC 2160-0 is serum creatinine, but the lab is sending 38483-4. Are they interchangeable for the eGFR alert?")
P("en", "neg_guideline_date", "The ESC heart failure guideline published on 27 August 2021 and the 2023 focused update both say SGLT2i for everyone — agreed?")
P("en", "neg_conference_date", "Who's going to the Society for Acute Medicine conference on 9 October 2025 in Edinburgh? Looking to share a room.")
P("en", "neg_historical_year", "Heparin has been around since 1935 and we still argue about the aPTT target.")
P("en", "neg_version", "The new EPR upgrade to version 10.4.2.1 broke the drug chart print-out; anyone else?")
P("en", "neg_doi_pmid", "Good review here: doi:10.1056/NEJMra2206346 (PMID 37672694). Worth reading before journal club.")
P("en", "neg_trial_id", "We're recruiting for NCT05123456 — any patient with new-onset AF in ED, please page the research nurse.")
P("en", "neg_public_url", "NICE guidance is here: https://www.nice.org.uk/guidance/ng51 — the sepsis risk stratification tool is on page 12.")
P("en", "neg_public_url", "WHO's updated TB consolidated guideline is at https://www.who.int/publications/i/item/9789240048126 for anyone doing the registrar teaching.")
P("en", "neg_hotline", "If any of you see a possible carbon monoxide case, Poison Control is 1-800-222-1222 and they'll give hyperbaric contacts.")
P("en", "neg_switchboard", "Main switchboard is (617) 732-5500, ask for the vascular on-call — bleep doesn't work after midnight.")
P("en", "neg_room_bed", "Bed 14 in ward 7B needs a side room for C. diff, can bed management swap with room 3?")
P("en", "neg_device_model", "Does anyone have experience with the Medtronic Micra AV2 leadless pacemaker in patients with previous TAVI?")
P("en", "neg_drug_brand", "Ozempic shortage again — is Mounjaro a reasonable switch for someone already on 1 mg semaglutide?")
P("en", "neg_public_figure", "After Bruce Willis's diagnosis, lots of families are asking about frontotemporal dementia. Any good patient leaflet?")
P("en", "neg_vitals", "BP 88/54, HR 122, temp 38.9, cap refill 4 s. Second bolus before pressors?")
P("en", "neg_blood_gas", "pH 7.21, pCO2 8.9, HCO3 29, BE +3 — acute on chronic. BiPAP set at 16/6?")
P("en", "neg_year_range", "Data from 2015–2019 showed readmissions fell after we started the discharge call service.")
P("en", "neg_phone_like_range", "Reference range for platelets here is 150-400, and INR target 2.0-3.0 for mechanical mitral valves, right?")
P("en", "neg_ip_like_version", "Firmware 3.12.0.7 on the infusion pumps fixed the free-flow bug, per the manufacturer notice.")
P("en", "neg_alzheimer", "Alzheimer's with agitation in the evenings — is risperidone still the only licensed option in the UK?")
P("en", "neg_numbers_words", "Give two units, recheck after four hours, and repeat once if Hb is still under seventy.")
P("en", "neg_staff_title", "Our HOD, Dr. Sethi sir, wants everyone at grand rounds on Friday; the topic is AKI in sepsis.")
P("en", "neg_hashimoto", "Hashimoto's with TSH of 14 but she feels fine — start levothyroxine 50 mcg or watch?")
P("en", "neg_public_hotline", "For anyone with a suicidal patient in the US, the 988 Lifeline is available 24/7 by call or text.")
P("en", "neg_case_report_year", "The first case of this in our hospital was in 1998, described by the then head of ID.")
P("en", "neg_gene_variant", "BRCA2 c.5946delT, heterozygous — genetic counselling referral for her sisters?")
# ---- second batch, English
P("en", "name_handover_shorthand", "ED board: cubicle 5 [[patient_name:Haverford]] 99F ?UTI, cubicle 6 empty, resus 1 [[patient_name:Mbeki-Short]] 40M overdose, tox aware.")
P("en", "name_quoted_letter", "The nursing home's transfer note says \"Resident: [[patient_name:Cornelius Abara]], born [[date:30 November 1929]], allergic to penicillin\" — but he's had amoxicillin here twice without trouble.")
P("en", "name_title_degree", "Our patient, Lt. Col. (retd) [[patient_name:Desmond Achterberg]], wants all his results explained before he signs the consent. Any good way to present the ablation risks?")
P("en", "name_lowercase_cue", "re: mr [[patient_name:halvorsen]] in bay B — his INR is 9 on warfarin with no bleed. 2 mg oral vit K enough?")
P("en", "name_repeated_possessive", "[[patient_name:Winifred Castellanos]] is [[age:ninety-nine]] and her son says [[patient_name:Winifred]]'s wishes were never to be ventilated. No written ADRT though — how do we proceed?")
P("en", "age_decade_words", "She's in her [[age:late nineties]], lives with her grandson, now with a new left-sided weakness at 3 h. Thrombolysis?")
P("en", "birth_year_cue", "Year of birth [[age:1932]], eGFR 24, on dabigatran 150 bd from the GP. Switch to apixaban 2.5?")
P("en", "date_event", "Fell at home on [[date:the 2nd]], wasn't found until [[date:the 4th]], CK 48,000. How much fluid are you giving?")
P("en", "date_event", "Her last chemo cycle was [[date:14 Aug 2025]] and she now has neutropenic fever — pip-taz or meropenem first line here?")
P("en", "dob_no_name", "DOB [[date:07/22/1931]], male, for a cardioversion tomorrow; he's on rivaroxaban only since last week. Need a TOE first?")
P("en", "record_unlabelled", "Can someone chase histology on [[record_number:H25-004417]]? The patient is asking daily and the pathology line rings out.")
P("en", "record_labelled", "Encounter ID [[record_number:E-3309-7712]] shows two admissions merged into one; IT says clinicians have to request the split.")
P("en", "insurance_other", "Prior auth denied for member ID [[insurance_number:XQK884017263]] — the insurer wants the echo report faxed again. Anyone know their fax line?")
P("en", "ssn_spaced", "Registration typed his SSN as [[national_id:388 52 2972]] in the free-text box, which is now visible in the handover note. Who can redact it?")
P("en", "phone_intl", "Patient's partner is in London, [[phone:+44 20 7946 0321]], and wants a call after the scan.")
P("en", "phone_dotted", "Niece asked to be called at [[phone:617.492.3381]] instead of the landline on file.")
P("en", "email_obfuscated", "Her granddaughter wants the discharge summary sent to [[email:m.ashworth(at)protonmail(dot)com]] — can I just forward it?")
P("en", "url_record", "Portal link for his results: [[url:https://mychart.valleyhealth.example/results?pid=7730154]] — the lipase is 3x ULN.")
P("en", "licence_plate", "Parking enforcement wants to tow the car with plate [[licence_plate:7RKM219]] — it belongs to our patient who's been in ICU since Friday.")
P("en", "invisible_chars", "Son's number: [[phone:" + ZWS("3128842719") + "]], he'll bring the med list.")
# negatives
P("en", "neg_colleague_title", "Thanks to Dr. Nakamura-Ellis and Charge Nurse Pritchard for covering the whole ward when we were two down.")
P("en", "neg_eponym", "Is a Baker's cyst rupture enough to explain the calf swelling, or do we still need the Doppler to rule out DVT?")
P("en", "neg_eponym", "Addisonian crisis on the differential — hydrocortisone 100 mg IV now, cortisol drawn first?")
P("en", "neg_age_under_90", "89-year-old with a GCS of 14 after a fall on apixaban; CT head normal. Repeat at 24 h?")
P("en", "neg_population_age", "Our audit covered everyone aged 95 or older admitted last year — readmission was 31 %.")
P("en", "neg_codes", "OPCS K63.6 for the angiogram plus K75.1 for the stent — or do we code the drug-eluting stent separately?")
P("en", "neg_room_bed", "Bay 3 bed 2 and side room 9 both need deep cleans before the next admissions.")
P("en", "neg_hotline", "NHS 111 is overloaded tonight, so please tell discharged patients to call 999 only for emergencies.")
# ================================================================ German
# ---- positives
P("de", "name_handover_shorthand", "Übergabe Station 3: Zi. 12 [[patient_name:Brandstätter]] 79w, Z. n. Sturz, CT unauffällig; Zi. 14 [[patient_name:Kowalewski]] [[age:92]]m, Delir, Haloperidol nur bei Bedarf.")
P("de", "name_handover_shorthand", "Kurz zur Nacht: [[patient_name:Ilić]], 54m, Pankreatitis, Schmerzen unter Piritramid besser. Lipase morgen früh kontrollieren.")
P("de", "name_title_degree", "Frage an die Kardiologen: Herr Prof. Dr. med. [[patient_name:Wolfram Eichendorff]], selbst emeritierter Internist, lehnt die Koronarangiographie ab. Wie weit sollen wir ihn drängen?")
P("de", "name_title_degree", "Frau Dipl.-Ing. [[patient_name:Henrike Aschenbrenner]] hat seit drei Tagen eine Hyperkaliämie von 6,4 unter Spironolacton. Absetzen reicht?")
P("de", "name_possessive", "Herr [[patient_name:Kranich]]s Sohn ruft täglich an und will den Befund vorab. Dürfen wir am Telefon etwas sagen, wenn Herr [[patient_name:Kranich]] zugestimmt hat?")
P("de", "name_possessive", "Frau [[patient_name:Lindemann]]s Hausärztin bittet um Rückruf wegen der INR-Werte.")
P("de", "name_particle", "Patientin [[patient_name:Charlotte von Hohenfels]], 71, mit V. a. Riesenzellarteriitis — Prednisolon 60 mg vor der Biopsie beginnen?")
P("de", "name_particle", "Herr [[patient_name:van der Velde]] aus Zimmer 8 hat erneut Melaena; Gastro ist informiert, Hb 7,2.")
P("de", "name_lowercase_cue", "pat. heißt [[patient_name:jürgen pfeiffer]], 63, COPD GOLD 4, will keine NIV mehr. Palliativ hinzuziehen?")
P("de", "name_repeated", "Frau [[patient_name:Szymańska]] kam mit Synkope; bei Frau [[patient_name:Szymańska]] zeigt das Langzeit-EKG Pausen bis 4 s. Schrittmacher ohne EPU?")
P("de", "name_double_barrelled", "Frau [[patient_name:Müller-Lüdenscheidt]], seit gestern bei uns, hat unter Clozapin Fieber und Tachykardie — Myokarditis ausschließen, aber wie schnell?")
P("de", "name_quoted_letter", "Aus dem Arztbrief: „Wir berichten über Ihren Patienten [[patient_name:Gottfried Rehbein]], geb. [[date:02.09.1932]], stationär vom [[date:04.03.]] bis [[date:11.03.]]“ — warum wurde das Eliquis pausiert?")
P("de", "age_90plus", "[[age:93]]-jährige Patientin mit Oberschenkelhalsfraktur, Anästhesie zögert wegen Aortenstenose. Wie seht ihr das?")
P("de", "age_words", "Er ist [[age:dreiundneunzig]] und will partout nach Hause. Sozialdienst ist am Wochenende nicht da — wer entscheidet?")
P("de", "age_words", "Die Dame ist Mitte [[age:neunzig]], sehr rüstig, jetzt mit Vorhofflimmern. Antikoagulation ja oder nein?")
P("de", "birth_year", "Pat. Jg. [[age:1930]], Kreatinin 2,3, bekommt Ibuprofen vom Hausarzt. Wie sag ich's dem Kollegen diplomatisch?")
P("de", "birth_year", "Jahrgang [[age:1927]], männlich, sturzgefährdet, nimmt Tamsulosin und Doxazosin gleichzeitig. Eins davon absetzen?")
P("de", "birth_year", "Patient (geb. [[age:1934]]) seit gestern mit Hyponatriämie 118, trinkt nach eigener Aussage 4 Liter Bier am Tag.")
P("de", "ordinal_birthday", "Sie hat nächste Woche ihren [[age:95]]. Geburtstag und möchte unbedingt vorher entlassen werden. Ist die Pneumonie bis dahin ausbehandelt?")
P("de", "date_event", "Aufnahme am [[date:17.04.]] mit Urosepsis, seitdem Meropenem. Heute noch Fieber — Katheterwechsel schon erfolgt?")
P("de", "date_event", "OP war am [[date:5. Februar]], jetzt Wundinfekt mit MRSA. Revision oder erst Antibiose?")
P("de", "date_event", "Entlassung geplant [[date:Fr., 22.11.]], aber die Reha hat erst ab Dezember einen Platz. Überbrückung?")
P("de", "record_labelled", "Fall-Nr. [[record_number:2024-118473]] — kann jemand aus der Mikrobiologie das Antibiogramm freigeben?")
P("de", "record_prefixed", "Der Befund zu [[record_number:PAT-0047719]] ist im KIS falsch zugeordnet, bitte nicht freigeben, bis die IT das prüft.")
P("de", "record_labelled", "Aufnahmenummer [[record_number:88310452]], Pat. liegt in der ZNA seit 6 h ohne Bett — wer ist zuständig?")
P("de", "kvnr", "Die Kasse lehnt ab, weil die Versichertennummer [[insurance_number:A779855816]] angeblich nicht existiert. Hat jemand die Hotline der AOK?")
P("de", "kvnr_spaced", "KVNR [[insurance_number:H 009 608 525]] — bitte beim Rezept korrigieren, da steht eine alte Nummer.")
P("de", "steuer_id", "Für den Antrag auf Pflegegrad will die Tochter die Steuer-ID des Vaters eintragen ([[national_id:45803371295]]), gehört die ins Arztformular?")
P("de", "iban", "Die Angehörigen wollen die Rechnung für das Einzelzimmer direkt überweisen, IBAN [[bank_account:DE50 5260 1815 9083 0166 13]] — leite ich das an die Verwaltung?")
P("de", "phone_local", "Die Tochter bittet um Rückruf unter [[phone:0176 48213905]], sie ist Krankenschwester und versteht die Befunde.")
P("de", "phone_local", "Ehemann erreichbar unter [[phone:089 2317 5580]], möchte beim Aufklärungsgespräch dabei sein.")
P("de", "phone_intl", "Bruder lebt in Wien, Nummer [[phone:+43 664 3817 2290]] — er ist Bevollmächtigter laut Vorsorgevollmacht.")
P("de", "phone_words", "Nummer vom Betreuer: [[phone:null eins fünf sieben drei drei eins acht sechs sechs zwei vier]], bitte nur werktags anrufen.")
P("de", "email", "Die Nichte hat ihre Mail hinterlassen, [[email:s.kremer-hausen@web.de]], und möchte den Entlassbrief in Kopie.")
P("de", "address_postal", "Der Pflegedienst braucht die Adresse für die Wundversorgung: [[address:Lindenallee 23]], [[postal_code:50968]] Köln.")
P("de", "device_serial", "Das Kapselendoskop mit Seriennr. [[device_serial:PC3-0082614]] wurde beim Pat. nicht ausgeschieden, Röntgen zeigt es im Zökum.")
P("de", "device_serial_no_colon", "ICD SN [[device_serial:RXK228104S]] meldet Elektrodenbruch, Patient ist ohne Beschwerden. Notfallmäßig tauschen?")
P("de", "licence_plate", "Der Wagen des Patienten steht noch auf dem Notarztparkplatz, Kennzeichen [[licence_plate:K-LM 4471]]. Wer informiert die Familie?")
P("de", "url_social", "Die Patientin bloggt über ihre Chemo inkl. Fotos aus unserer Station: [[url:https://www.instagram.com/lenas.kampf.gegen.aml]] — sollen wir etwas sagen?")
P("de", "invisible_chars", "Fall-Nr. [[record_number:" + ZWS("2024-090317", WJ) + "]], bitte Labor nachfordern, CRP fehlt.")
P("de", "soft_hyphen", "Versichertennr. [[insurance_number:M919" + SHY + "891" + SHY + "272]] stimmt nicht mit der Karte überein — was tun?")
P("de", "fullwidth_digits", "Rückruf an die Enkelin unter [[phone:" + FW("0157 3318 6624") + "]], sie ist die einzige Ansprechpartnerin.")
P("de", "lookalike_chars", "Kennzeichen [[licence_plate:\u041c-\u0410\u0412 7302]] steht seit drei Tagen vor der Notaufnahme, gehört laut Pforte dem Pat. auf der 5B.")
P("de", "ip_address", "Das Heimbeatmungsgerät des Patienten sendet nicht mehr, letzte IP [[ip_address:91.64.202.18]]. Liegt das an uns oder an seinem Router?")
P("de", "name_lowercase_cue", "patientin [[patient_name:erika sturm]], [[age:90]] jahre, seit heute nacht mit Luftnot. Bitte einmal Echo anmelden.")

# ---- hard negatives
P("de", "neg_colleague_title", "OA Dr. Falkenrath hat heute Dienst, bitte alle Rückfragen zur Lyse direkt an ihn.")
P("de", "neg_colleague_title", "Schwester Monika von der Intensiv sagt, das Bett wird erst gegen 15 Uhr frei.")
P("de", "neg_colleague_title", "Laut Chefärztin Prof. Dr. Hagedorn bleiben wir bei der Zwei-Stunden-Regel für den Troponin-Verlauf.")
P("de", "neg_eponym", "V. a. Morbus Addison, Cortisol morgens 2,1 µg/dl. ACTH-Test vor Hydrocortison oder sofort substituieren?")
P("de", "neg_eponym", "Hashimoto-Thyreoiditis mit TPO-AK über 1000, TSH normal. Kontrolle in einem Jahr reicht, oder?")
P("de", "neg_eponym", "Bei Guillain-Barré: IVIG oder Plasmapherese — was macht ihr als erstes?")
P("de", "neg_eponym", "Parkinson-Patient mit Schluckstörung, L-Dopa geht nicht mehr oral. Rotigotin-Pflaster, welche Dosis?")
P("de", "neg_guideline_author", "Laut S3-Leitlinie Sepsis (AWMF 079-001) und Evans et al. 2021 sollen wir innerhalb einer Stunde antibiotisch behandeln.")
P("de", "neg_age_under_90", "82-jähriger Patient mit Delir nach Hüft-OP, Melperon 25 mg ohne Erfolg. Was gebt ihr dann?")
P("de", "neg_age_under_90", "Patientin, 68 Jahre, mit neu aufgetretenem Vorhofflimmern, CHA2DS2-VASc 3. Apixaban 5 mg zweimal täglich?")
P("de", "neg_population_age", "In der Studie wurden Patienten über 90 Jahre ausgeschlossen, also ist die Evidenz für Hochbetagte dünn.")
P("de", "neg_ninety_not_age", "SpO2 90 % unter 6 l O2, AF 30. High-Flow oder gleich Intensiv?")
P("de", "neg_lab_values", "Kalium 6,8 mmol/l, Kreatinin 4,2 mg/dl, Harnstoff 190. Dialyse heute noch?")
P("de", "neg_scores", "GCS 9, NIHSS 14, mRS vorher 1 — Thrombektomie trotz Zeitfenster 16 h?")
P("de", "neg_doses", "Heparin 25.000 IE/50 ml, Laufrate 2 ml/h nach Bolus 5000 IE. Ziel-aPTT 60–80 s?")
P("de", "neg_icd_ops", "Kodierfrage: OPS 8-980.10 für die Intensivkomplexbehandlung oder reicht 8-98f.0? ICD I21.4 als Hauptdiagnose.")
P("de", "neg_ebm_pzn", "GOP 03230 lässt sich nicht mit 03360 am selben Tag abrechnen, oder? Und die PZN 04884418 für Enoxaparin ist nicht lieferbar.")
P("de", "neg_ik_number", "Das IK 260326822 gehört zur AOK Rheinland/Hamburg, nicht zur TK — die Abrechnung ging an die falsche Stelle.")
P("de", "neg_guideline_date", "Die Nationale VersorgungsLeitlinie Herzinsuffizienz, Stand 15.08.2023, empfiehlt SGLT2-Hemmer unabhängig von der EF.")
P("de", "neg_conference_date", "DGIM-Kongress vom 12. bis 15. April in Wiesbaden — wer fährt mit und teilt sich ein Hotel?")
P("de", "neg_historical_year", "Seit der Contergan-Katastrophe 1961 ist Thalidomid bei uns sehr kritisch gesehen, obwohl es beim Myelom hilft.")
P("de", "neg_version", "Nach dem Update auf Version 8.2.0.4 zeigt das KIS die Medikation doppelt an. Geht es nur uns so?")
P("de", "neg_public_url", "Die aktuelle Leitlinie findet ihr unter https://register.awmf.org/de/leitlinien/detail/079-001, Kapitel 5.")
P("de", "neg_hotline", "Giftnotruf Berlin: 030 19240, rund um die Uhr erreichbar — bei Pilzvergiftungen immer anrufen.")
P("de", "neg_hotline", "Ärztlicher Bereitschaftsdienst ist die 116117, der Rettungsdienst die 112 — das sollten wir auf das Entlassformular drucken.")
P("de", "neg_switchboard", "Zentrale des Klinikums: 0221 478-0, nach 22 Uhr bitte direkt den Hintergrund über die Pforte verlangen.")
P("de", "neg_room_bed", "Zimmer 214 Bett 2 braucht Isolation wegen 4MRGN, bitte mit Zimmer 209 tauschen.")
P("de", "neg_device_model", "Hat jemand Erfahrung mit dem Abbott HeartMate 3 bei Patienten unter Dialyse?")
P("de", "neg_drug_brand", "Xarelto 20 mg bei Kreatinin-Clearance 28 — reduzieren auf 15 mg oder auf Eliquis wechseln?")
P("de", "neg_public_figure", "Seit Boris Becker über seine Knie-OP gesprochen hat, fragen viele Patienten nach Prothesen für Sportler.")
P("de", "neg_vitals", "RR 210/120, HF 58, Kopfschmerzen, keine Fokalneurologie. Urapidil oder Clonidin?")
P("de", "neg_blood_gas", "BGA: pH 7,12, pCO2 28, HCO3 9, Laktat 11. Bikarbonat geben?")
P("de", "neg_trial_id", "Die Studie DRKS00031234 sucht noch Patienten mit Schlaganfall unter 6 h, Ansprechpartner im Studienzentrum.")
P("de", "neg_doi", "Gute Übersicht: doi:10.3238/arztebl.m2023.0012, im Ärzteblatt frei verfügbar.")
P("de", "neg_year_range", "Zwischen 2016 und 2020 ist die Rate an C.-difficile-Infektionen bei uns halbiert worden.")
P("de", "neg_numbers_words", "Zwei Ampullen Furosemid, dann nach vier Stunden Bilanz — mehr als drei Liter sollten es nicht sein.")
P("de", "neg_alzheimer", "Alzheimer-Demenz mit nächtlicher Unruhe: Risperidon max. 6 Wochen — hält sich jemand daran?")
P("de", "neg_insulin", "Basal 22 IE Insulin glargin, Korrektur 2 IE pro 50 mg/dl über 150. Zu aggressiv für eine 84-Jährige?")
P("de", "neg_ecg", "EKG: Sinus, 48/min, PQ 280 ms, QTc 510 ms — Amiodaron trotzdem weitergeben?")
P("de", "neg_phone_like_range", "Referenzbereich TSH 0,27–4,20, fT4 12–22 pmol/l; wir liegen knapp drüber.")
P("de", "neg_cushing", "Cushing-Schwelle beim Dexa-Hemmtest: 1,8 µg/dl oder 5 µg/dl?")
P("de", "neg_licence_like_code", "Die Charge B2-4471 des Impfstoffs wurde zurückgerufen, bitte Bestand prüfen.")
# ---- second batch, German
P("de", "name_handover_shorthand", "Übergabe ITS: Bett 3 [[patient_name:Dąbrowski]] 61m, ARDS, Bauchlage 16 h; Bett 4 [[patient_name:Oberhuber]] [[age:91]]w, Urosepsis, Noradrenalin 0,1.")
P("de", "name_title_degree", "Frau Dr. rer. nat. [[patient_name:Ottilie Grünewald]] (Patientin, nicht Kollegin!) fragt, ob sie ihre Laborwerte selbst im Portal sehen darf.")
P("de", "name_lowercase_cue", "pat: [[patient_name:hannelore zimmermann]], sturz vor 2 tagen, jetzt Hb-abfall von 11 auf 8. Wer macht heute Sono?")
P("de", "name_possessive", "Frau [[patient_name:Engelhardt]]s Tochter will Einsicht in die Pflegedokumentation. Muss ich die Betreuungsurkunde sehen?")
P("de", "name_quoted_letter", "Im Überweisungsschein steht: „Herr [[patient_name:Friedhelm Overbeck]], [[age:96]] J., Dauerkatheter seit Jahren“ — soll ich trotzdem urologisch abklären lassen?")
P("de", "name_particle", "Herr [[patient_name:de Vries]] hat seit der Narkose ein Delir; Herr [[patient_name:de Vries]] zieht sich ständig die Zugänge. Fixierung oder Sitzwache?")
P("de", "age_words", "Die Patientin ist [[age:hundertzwei]] Jahre alt und hat eine Cholezystitis. Operieren würde ich nicht, PTGBD?")
P("de", "birth_year_cue", "Geburtsjahr [[age:1931]], seit drei Tagen kein Stuhlgang unter Oxycodon. Naloxegol oder erst Macrogol?")
P("de", "date_event", "Die Patientin wurde am [[date:Montag, den 3.11.]] entlassen und kam heute mit Lungenembolie zurück — Prophylaxe war abgesetzt.")
P("de", "date_event", "Stent-Implantation am [[date:12.08.2025]], jetzt geplante Knie-TEP. Wie lange Clopidogrel noch?")
P("de", "dob_no_name", "Geb.-Datum [[date:29.02.1932]], weiblich, mit Hyperkalzämie von 3,4 mmol/l. Bisphosphonat bei GFR 35?")
P("de", "record_unlabelled", "Histologie [[record_number:E/25/031188]] ist seit einer Woche überfällig, kann jemand in der Pathologie nachhaken?")
P("de", "steuer_id_spaced", "Die Betreuerin hat die Steuer-IdNr. [[national_id:74 971 536 728]] ins Freitextfeld geschrieben — wie bekommen wir das wieder raus?")
P("de", "iban_lookalike", "Überweisung der Zuzahlung bitte auf [[bank_account:DЕ85 1860 9139 0996 0308 24]], schreibt der Sohn — gehört das überhaupt in den Fallverlauf?")
P("de", "phone_intl", "Die Schwester der Patientin lebt in Zürich: [[phone:+41 79 482 33 17]], sie hat die Patientenverfügung.")
P("de", "phone_local", "Rückrufnummer des Pflegeheims für die Bewohnerin: [[phone:0711 4820 3361]], Wohnbereich 2.")
P("de", "kvnr_invisible", "Versichertennummer [[insurance_number:" + ZWS("X696356308") + "]] wird vom Kartenleser nicht erkannt, Ersatzverfahren?")
P("de", "email", "Der Bevollmächtigte will alles per Mail an [[email:detlef.ruhnau@t-online.de]], ist das datenschutzrechtlich okay?")
P("de", "device_serial", "Die Insulinpumpe (Seriennummer [[device_serial:NG2217840H]]) hat einen Bolus doppelt abgegeben, BZ 38. Meldung ans BfArM?")
P("de", "licence_plate", "Der Rollstuhltransport mit Kennzeichen [[licence_plate:HH-PF 812]] hat die Patientin an die falsche Klinik gebracht.")
# negatives
P("de", "neg_colleague_title", "Danke an Pfleger Jens und Frau Dr. Köhler-Brandt für die Nachtschicht, das war heftig.")
P("de", "neg_eponym", "Morbus Crohn mit Fistel, Infliximab-Spiegel niedrig — Dosis erhöhen oder auf Ustekinumab wechseln?")
P("de", "neg_age_under_90", "Pat., 87 J., Vorhofflimmern, Sturzneigung — Antikoagulation trotzdem?")
P("de", "neg_population_age", "Bei Hochbetagten über neunzig machen wir in der Regel keine Koloskopie mehr, es sei denn, es blutet.")
P("de", "neg_codes", "ICD-10-GM U07.1 oder U07.2? Der PCR-Test war negativ, aber das CT typisch.")
P("de", "neg_guideline_date", "Die KRINKO-Empfehlung vom 12.03.2024 zur Händedesinfektion liegt im Intranet.")
P("de", "neg_public_url", "Dosierungen bei Niereninsuffizienz schaue ich immer auf https://www.dosing.de nach.")
P("de", "neg_room_bed", "Station 4B, Zimmer 7 Bett 1 ist ab morgen wieder frei für die Elektivaufnahme.")
# ================================================================ Hindi / Hinglish
# ---- positives
P("hi", "name_after_hindi_cue", "मरीज़ [[patient_name:सुरेश यादव]], 58 साल, को कल रात से hematemesis हो रहा है, Hb 6.8 है। Endoscopy से पहले terlipressin शुरू कर दें?")
P("hi", "name_after_hindi_cue", "पेशेंट [[patient_name:कमला देवी]] का sodium 119 आ गया है, वो hydrochlorothiazide पर हैं। Correction कितनी speed से करें?")
P("hi", "name_after_hindi_cue", "मरीज़ा [[patient_name:फ़ातिमा बानो]] को 32 हफ्ते पर severe preeclampsia है, BP 170/112। MgSO4 loading दे दी है, delivery का plan क्या रखें?")
P("hi", "name_handover_shorthand", "Night handover: बेड 6 [[patient_name:गुप्ता]] 71M, CKD, K+ 6.2 — calcium gluconate दिया। बेड 9 [[patient_name:राठौर]] [[age:93]]F, aspiration pneumonia, NRM पर।")
P("hi", "name_handover_shorthand", "ICU list: [[patient_name:Bhattacharjee]] 66M post-CABG day 2, drains कम हैं; बाकी सब stable।")
P("hi", "name_initials", "[[patient_name:T. S. Raghavan]] sir (patient, retired professor) को warfarin पर INR 7.4 आया है, bleeding नहीं है। Vitamin K oral कितना?")
P("hi", "name_initials", "पेशेंट [[patient_name:एस. पी. त्रिपाठी]] का creatinine दो दिन में 1.1 से 3.4 हो गया, contrast CT के बाद। Nephro को बुलाएँ?")
P("hi", "name_title_honorific", "श्रीमती [[patient_name:सरोज मिश्रा]] को आज तीसरी बार hypoglycemia हुआ, glimepiride बंद कर दी है। Insulin पर shift करें या DPP4?")
P("hi", "name_title_honorific", "Shri [[patient_name:Gurmeet Singh Dhillon]] ji ko COPD exacerbation hai, BiPAP pe hain, par mask se bahut ghabra rahe hain. Sedation safe hai kya?")
P("hi", "name_repeated", "मरीज़ [[patient_name:अनवर हुसैन]] को TB meningitis का suspicion है। [[patient_name:अनवर]] के घरवाले LP के लिए मना कर रहे हैं — कैसे समझाएँ?")
P("hi", "name_lowercase_cue", "patient ka naam [[patient_name:pooja negi]] hai, 24 saal, dengue with platelets 18k, koi bleeding nahi. transfuse karein ya wait?")
P("hi", "name_lowercase_cue", "pt [[patient_name:ramesh chandra]] ka ECG dekho zara, ST elevation lag raha hai V1-V3 mein, thrombolysis shuru karein?")
P("hi", "name_hinglish", "Mrs. [[patient_name:Lakshmi Venkataraman]] ka TSH 42 aaya hai aur woh bahut drowsy hain. Myxedema coma ka risk hai kya?")
P("hi", "name_quoted_letter", "Discharge summary में लिखा है: \"Name: [[patient_name:गोविंद प्रसाद शर्मा]], Age: [[age:91]] yrs, UHID: [[record_number:JH2410087]]\" — पर dose कहीं नहीं लिखा।")
P("hi", "age_90plus", "[[age:95]] वर्षीय महिला, hip fracture, घर पर अकेली रहती हैं। Surgery करें या conservative?")
P("hi", "age_devanagari_digits", "[[age:" + DEV("94") + "]] वर्षीय पुरुष को urinary retention है, catheter डाल दिया है। Tamsulosin से trial without catheter कब करें?")
P("hi", "age_words", "दादी जी [[age:नब्बे]] साल की हैं और pacemaker battery खत्म हो रही है। Replace करना ठीक रहेगा?")
P("hi", "age_words", "Uncle ki umar [[age:ninety-two]] hai, phir bhi dialysis chahte hain family wale. Conservative management pe koi discuss kare?")
P("hi", "birth_year", "जन्म [[age:" + DEV("1931") + "]], पुरुष, recurrent falls, BP lying 140 standing 102। Orthostatic hypotension के लिए fludrocortisone?")
P("hi", "birth_year", "DOB [[age:1929]] wale uncle ko atrial flutter hai, rate control nahi ho raha. DC cardioversion safe hai?")
P("hi", "date_event", "मरीज़ [[date:१४/०८]] को admit हुआ था dengue shock के साथ, अब platelet 1.2 लाख है। Discharge कब तक?")
P("hi", "date_hinglish", "Patient [[date:12 Jan]] ko discharge hua tha aur aaj phir se DKA mein aaya. Insulin compliance ka kya karein?")
P("hi", "date_event", "Surgery [[date:3 मार्च]] को हुई थी, अब wound से pus आ रहा है। Culture भेज दिया, empirical क्या दें?")
P("hi", "record_labelled", "UHID [[record_number:AIIMS/2024/0338172]] की CT report system में गलत patient से link है, कोई IT को बताए।")
P("hi", "record_labelled", "IPD No. [[record_number:458821]] वाले मरीज़ का blood culture positive आया, Klebsiella ESBL। Meropenem शुरू करें?")
P("hi", "record_unlabelled", "CR no [[record_number:2024-55-10937]] wala patient OPD mein bina report ke aaya hai, koi lab se check kar do.")
P("hi", "aadhaar", "PMJAY claim reject हो गया क्योंकि Aadhaar [[national_id:9866 6617 6031]] mismatch दिखा रहा है। Billing में किससे बात करें?")
P("hi", "aadhaar_devanagari", "आधार [[national_id:" + DEV("7711 7777 4121") + "]] वाले मरीज़ का Ayushman card नहीं बन रहा, social worker कौन है?")
P("hi", "pan", "Family ne refund ke liye PAN [[national_id:BMXPI7415W]] diya hai, ye form accounts ko bhejna hai ya humein bharna hai?")
P("hi", "bank_account_in", "मरीज़ के बेटे ने refund के लिए account no. [[bank_account:50100482215673]], IFSC HDFC0001234 दिया है — यह कहाँ भेजूँ?")
P("hi", "phone_local", "बेटी का नंबर [[phone:98204 57731]] है, उनको बोलना कि ICU visiting 5 बजे है।")
P("hi", "phone_intl", "Patient ke bete Dubai mein hain, unka number [[phone:+971 50 318 4472]] hai — video call pe consent le sakte hain kya?")
P("hi", "phone_words", "Attendant ka number hai [[phone:नौ चार चार आठ तीन दो एक सात छह शून्य]], वो hindi ही समझते हैं।")
P("hi", "phone_devanagari", "भाई का नंबर [[phone:" + DEV("70213 88452") + "]] है, कल surgery से पहले consent के लिए बुलाना है।")
P("hi", "phone_spaced", "Wife ka number [[phone:+91 8 1 3 0 4 2 2 9 1 7]] hai, unko bolna medicine bahar se laani hai.")
P("hi", "email", "Son ne report ke liye email diya hai [[email:arvind.kulkarni1978@yahoo.co.in]], kya hum direct bhej sakte hain?")
P("hi", "email_obfuscated", "Family chahti hai reports [[email:neha.saxena at rediffmail dot com]] pe bhejein — NABH rules allow karte hain?")
P("hi", "address_postal", "Home care के लिए पता: [[address:फ्लैट 302, साईं कृपा अपार्टमेंट, कोथरूड]], पुणे [[postal_code:411038]] — nurse भेज सकते हैं?")
P("hi", "licence_plate_in", "Emergency के बाहर ambulance bay में [[licence_plate:MH14GT8826]] वाली गाड़ी खड़ी है, patient की family की है।")
P("hi", "licence_plate_in", "Accident case, bike number [[licence_plate:DL 3S CB 7729]], police ko MLC ke liye chahiye tha — humne note kar liya.")
P("hi", "url_crowdfunding", "परिवार ने [[url:https://www.ketto.org/fundraiser/save-baby-aarav-sma]] पर fundraiser बनाया है, medical certificate माँग रहे हैं।")
P("hi", "url_social", "Patient ne apni hi video daal di hai ward se [[url:https://www.youtube.com/@kishorelal_dialysis_diary]] — isko kaise handle karein?")
P("hi", "device_serial", "Insulin pump SN [[device_serial:MMT-780G-NG4419273]] बार-बार occlusion alarm दे रहा है, company को complaint करें?")
P("hi", "invisible_chars", "UHID [[record_number:" + ZWS("GMC24017731", ZWNJ) + "]] का MRI slot कल सुबह का है, पर मरीज़ claustrophobic है।")
P("hi", "fullwidth_digits", "Attendant ka number [[phone:" + FW("94483 21760") + "]] hai, unhe bolna blood donors le aayein.")
P("hi", "lookalike_chars", "Gaadi ka number [[licence_plate:\u041a\u0410 05 \u041c\u041d 6612]] hai, security ne kaha patient ke bhai ki hai.")
P("hi", "ip_address", "Tele-ICU camera bed 3 ka disconnect ho raha hai, IP [[ip_address:10.44.118.207]] hai — yeh patient monitor se link hai.")

# ---- hard negatives
P("hi", "neg_staff_title", "HOD sir Dr. Chaudhary ने कहा है कि कल से सारे sepsis patients में lactate 2 घंटे में repeat होगा।")
P("hi", "neg_staff_title", "Sister Thomas ICU से बोल रही हैं कि bed 3 खाली है, pre-op वाला patient shift कर दें।")
P("hi", "neg_staff_title", "Dr. Banerjee ma'am (neuro) kal OPD mein nahi hongi, stroke follow-up Dr. Kapoor dekhenge.")
P("hi", "neg_eponym", "Guillain-Barré में IVIG की dose 0.4 g/kg पाँच दिन — सबके पास stock है क्या?")
P("hi", "neg_eponym", "Hashimoto thyroiditis wali ladkiyon mein selenium supplement ka koi fayda hai?")
P("hi", "neg_eponym", "Parkinson के मरीज़ में metoclopramide बिल्कुल नहीं — domperidone ठीक है?")
P("hi", "neg_eponym", "Cushing syndrome ka workup: 1 mg overnight dexamethasone test se start karein?")
P("hi", "neg_eponym", "Alzheimer में donepezil से bradycardia हो गई, HR 44 — बंद करें?")
P("hi", "neg_guideline_author", "Surviving Sepsis Campaign 2021 और Singer et al. 2016 (Sepsis-3) दोनों पढ़ लो, कल journal club है।")
P("hi", "neg_age_under_90", "78 वर्षीय पुरुष को new onset AF है, CHA2DS2-VASc 4। Apixaban 5 mg BD ठीक है?")
P("hi", "neg_age_under_90", "45 saal ki mahila, acute pancreatitis, lipase 1800. Fluids kitna aggressive?")
P("hi", "neg_population_age", "इस trial में 90 साल से ऊपर के मरीज़ नहीं थे, तो elderly में evidence कमजोर है।")
P("hi", "neg_ninety_not_age", "SpO2 नब्बे प्रतिशत पर है 5 लीटर O2 के साथ, HFNC लगा दें?")
P("hi", "neg_ninety_not_age", "Saturation 90 ke aas paas hai room air pe, ABG bhej diya hai.")
P("hi", "neg_lab_values", "Hb 5.9, MCV 112, B12 120 — पहले B12 injection या blood चढ़ाएँ?")
P("hi", "neg_scores", "GCS 8 है, qSOFA 3, APACHE II 24 — ventilator bed नहीं मिल रहा।")
P("hi", "neg_doses", "Inj. ceftriaxone 2 g OD और doxycycline 100 mg BD scrub typhus के लिए — काफी है?")
P("hi", "neg_devanagari_dose", "Paracetamol ५०० mg दिन में ३ बार और ORS — dengue में बस इतना ही चाहिए।")
P("hi", "neg_insulin", "Insulin glargine 18 units रात को, और Actrapid sliding scale — fasting sugar 240 आ रहा है।")
P("hi", "neg_icd_codes", "Insurance वाले ICD-10 A90 dengue के लिए माँग रहे हैं, पर हमने A97.1 डाला था — कौन सा सही है?")
P("hi", "neg_guideline_date", "ICMR की नई snakebite guideline 1 जुलाई 2024 को आई है, उसमें ASV dosing बदली है।")
P("hi", "neg_conference_date", "APICON 2025 जनवरी में है, कौन कौन जा रहा है? Abstract की last date 15 अक्टूबर है।")
P("hi", "neg_historical_year", "1984 की Bhopal gas tragedy के बाद से हमारे यहाँ chemical injury protocol बना था।")
P("hi", "neg_version", "HIS version 5.2.1.8 के बाद से lab reports late आ रही हैं — किसी और को भी problem है?")
P("hi", "neg_trial_id", "CTRI/2023/05/052841 trial के लिए snakebite patients चाहिए, research office से contact करें।")
P("hi", "neg_pmid", "Ye paper padho: PMID 34599691, steroids in TB meningitis pe achha data hai.")
P("hi", "neg_public_url", "Dengue management की NVBDCP guideline यहाँ है: https://ncvbdc.mohfw.gov.in — page 14 पर fluid chart है।")
P("hi", "neg_public_url", "WHO ki guideline https://www.who.int/publications/i/item/9789241549127 mein snakebite ka algorithm hai.")
P("hi", "neg_hotline", "Ambulance के लिए 108, और mental health helpline Tele-MANAS 14416 है — discharge card पर छाप दें।")
P("hi", "neg_hotline", "Poison information centre AIIMS ka toll-free number 1800-116-117 hai, organophosphate case mein call kar lo.")
P("hi", "neg_switchboard", "Hospital switchboard 011-2658 8500 है, रात में on-call surgeon को वहीं से connect करवाएँ।")
P("hi", "neg_room_bed", "Ward 12 ka bed 18 aur 19 isolation ke liye rakho, H1N1 suspected patients aa rahe hain.")
P("hi", "neg_device_model", "Philips IntelliVue MX450 monitor में ST analysis कैसे on करते हैं?")
P("hi", "neg_drug_brand", "Dolo 650 और Crocin same hi hain, attendant ko samjha do dono saath na dein.")
P("hi", "neg_ifsc_only", "NEFT के लिए hospital का IFSC SBIN0001707 है, account details accounts section से लें।")
P("hi", "neg_vitals", "BP 80/50, pulse 130, temperature 39.5 — septic shock, noradrenaline शुरू करें?")
P("hi", "neg_blood_gas", "ABG: pH 7.08, HCO3 6, pCO2 20, anion gap 28 — DKA protocol चालू है।")
P("hi", "neg_ecg", "ECG में QTc 520 ms है, hydroxychloroquine और azithromycin दोनों चल रहे हैं।")
P("hi", "neg_year_range", "2018 से 2022 तक हमारे यहाँ scrub typhus के cases तीन गुना बढ़े।")
P("hi", "neg_public_figure", "Amitabh Bachchan ने जब TB के बारे में बोला था, तब से patients खुद test करवाने आते हैं।")
P("hi", "neg_numbers_words", "Do unit PRBC chadha do, phir chaar ghante baad Hb repeat karna.")
P("hi", "neg_phone_like_range", "Platelet normal range 1.5-4.5 lakh hai, aur INR target 2-3 rakhna hai.")
P("hi", "neg_snomed", "EMR mein SNOMED 38341003 hypertension ke liye daala hai, par report mein code 59621000 aa raha hai.")
P("hi", "neg_ip_like_version", "Ventilator firmware 2.10.4.1 में weaning mode में bug है, biomedical को बता दिया।")
# ---- second batch, Hindi / Hinglish
P("hi", "name_after_hindi_cue", "पेशेंट [[patient_name:बलविंदर कौर]] को post-partum hemorrhage हुआ, 3 unit चढ़ चुके हैं। Tranexamic acid दोबारा दें?")
P("hi", "name_after_hindi_cue", "मरीज़ [[patient_name:जगदीश]] जी का sodium ठीक नहीं हो रहा, [[patient_name:जगदीश]] जी के बेटे अब दूसरे hospital ले जाना चाहते हैं।")
P("hi", "name_handover_shorthand", "Ward round notes: बेड 21 [[patient_name:चौहान]] [[age:९२]]F, fracture NOF, pain control ठीक; बेड 22 खाली।")
P("hi", "name_initials", "Pt. [[patient_name:K. Venkatesh Rao]] ka ascitic tap kal karna hai, INR 1.9 hai — FFP chahiye kya?")
P("hi", "name_title_honorific", "पंडित [[patient_name:रामकिशोर द्विवेदी]] जी fasting रख रहे हैं navratri के, insulin कैसे adjust करें?")
P("hi", "name_lowercase_cue", "naam [[patient_name:sunita kumari]], G2P1, 36 weeks, BP 150/100 — labetalol oral se start karein?")
P("hi", "age_90plus", "Dadaji [[age:98]] saal ke hain, pneumonia hai, family ICU chahti hai. Ceiling of care ki baat kaise karein?")
P("hi", "age_words_devanagari", "माताजी [[age:इक्यानवे]] वर्ष की हैं, bedsores grade 3। Dressing के लिए क्या use करते हैं आप?")
P("hi", "birth_year", "Saal [[age:1933]] mein paida hue the, ab dementia with aspiration — PEG ka sawaal family ne uthaya.")
P("hi", "date_event", "बच्चे का जन्म [[date:२१ सितंबर]] को हुआ था, अब jaundice 19 mg/dl है। Phototherapy या exchange?")
P("hi", "date_hinglish", "Patient [[date:5 tareekh]] ko ICU se shift hua tha, aaj phir se desaturate kar raha hai.")
P("hi", "record_labelled", "MRD no. [[record_number:KEM/24/771902]] की file records room में नहीं मिल रही, MLC case है।")
P("hi", "record_unlabelled", "Lab ne sample [[record_number:SRL-8841-2207]] reject kar diya hemolysis ki wajah se, dobara bhejna hoga.")
P("hi", "aadhaar_spaced", "Aadhaar number [[national_id:6 1 4 8 5 2 5 3 8 8 8 5]] group mein mat daalna please, humne galti se photo bhej di thi.")
P("hi", "pan_lookalike", "Refund form mein PAN [[national_id:CJDР\u04129528\u0410]] likha hai — accounts wale bol rahe hain galat hai.")
P("hi", "phone_local", "Attendant ka number [[phone:+91 99870 41265]] hai, unhe bolo CT ke liye consent sign karein.")
P("hi", "phone_landline", "Patient के घर का landline [[phone:022 2654 8813]] है, mobile बंद आ रहा है।")
P("hi", "email", "बेटे ने reports के लिए [[email:rohit.mehrotra.kanpur@gmail.com]] दिया है, क्या WhatsApp से भी भेज सकते हैं?")
P("hi", "bank_account_in", "Donation ke liye family ne account [[bank_account:3782 0041 5590 12]] share kiya hai, hum group mein daal dein?")
P("hi", "address_postal", "Patient ka ghar [[address:H.No. 47, Gali No. 3, Sant Nagar, Burari]], Delhi [[postal_code:110084]] hai — home oxygen wahan pahunchana hai.")
# negatives
P("hi", "neg_staff_title", "Matron madam ne bola hai ki kal se har ward mein hand hygiene audit hoga, Dr. Iqbal incharge hain.")
P("hi", "neg_eponym", "Wilson disease का doubt है, ceruloplasmin 8 है, KF ring नहीं दिखी। Penicillamine शुरू करें?")
P("hi", "neg_age_under_90", "65 वर्षीय महिला, diabetic foot, HbA1c 11.2 — amputation से पहले क्या try करें?")
P("hi", "neg_nonagenarian", "Nonagenarians mein hum routinely statin band kar dete hain, aap log kya karte ho?")
P("hi", "neg_devanagari_numbers", "CRP ४८ से घटकर १२ हो गया, antibiotics ७ दिन में बंद कर दें?")
P("hi", "neg_guideline_date", "NMC का नया circular 2 अगस्त 2023 का generic prescribing पर है, सब पढ़ लेना।")
P("hi", "neg_public_url", "Ayushman Bharat की eligibility https://pmjay.gov.in पर check कर सकते हैं, social worker भी मदद करेंगे।")
P("hi", "neg_hotline", "Bachchon ke liye Childline 1098 hai, abuse case ho to turant call karna.")


# ------------------------------------------------------------ machinery
# (validation helpers follow the first held-out set's build.py)


WORDS = {
    # en
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # de
    "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4",
    "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # hi
    "शून्य": "0", "एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पाँच": "5",
    "पांच": "5", "छह": "6", "सात": "7", "आठ": "8", "नौ": "9",
}


def normalise(value):
    """Undo the obfuscations used in the set so check digits can be verified."""
    s = unicodedata.normalize("NFKC", value)  # full-width digits -> ASCII
    s = "".join(CONFUSABLE.get(c, c) for c in s)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")  # ZW chars, soft hyphen
    s = s.replace(SHY, "")
    # Devanagari digits
    s = "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in s)
    words = s.lower().split()
    if words and all(w in WORDS for w in words):
        s = "".join(WORDS[w] for w in words)
    return s


def check_value(typ, value, lang):
    """Return None if fine, else a complaint. Only check-digit types and phones are checked."""
    import phonenumbers
    from stdnum import iban
    from stdnum.de import idnr
    from stdnum.in_ import aadhaar, pan
    from stdnum.us import ssn
    v = normalise(value)
    compact = re.sub(r"[\s\-/.()]", "", v)
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
    if typ == "bank_account" and not compact.isdigit():
        return "bank account neither IBAN nor digits: %r" % value
    if typ == "national_id":
        if re.fullmatch(r"\d{12}", compact):
            return None if aadhaar.is_valid(compact) else "bad Aadhaar %r" % value
        if re.fullmatch(r"\d{11}", compact):
            return None if idnr.is_valid(compact) else "bad Steuer-ID %r" % value
        if re.fullmatch(r"\d{9}", compact):
            return None if ssn.is_valid(compact) else "bad SSN %r" % value
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            return None if pan.is_valid(compact) else "bad PAN %r" % value
        return "unrecognised national id %r" % value
    if typ == "insurance_number":
        if re.fullmatch(r"[A-Z]\d{9}", compact):
            return None if kvnr_ok(compact) else "bad KVNR %r" % value
    return None


def validate(rows, check_digits=True):
    errors = []
    ids, texts = set(), set()
    for r in rows:
        if r["id"] in ids:
            errors.append("duplicate id %s" % r["id"])
        ids.add(r["id"])
        if r["text"] in texts:
            errors.append("%s: duplicate text" % r["id"])
        texts.add(r["text"])
        if r["lang"] not in ("en", "de", "hi"):
            errors.append("%s: bad lang" % r["id"])
        if not r["class"]:
            errors.append("%s: empty class" % r["id"])
        if r["class"].startswith("neg_") != (not r["spans"]):
            errors.append("%s: class %s does not match spans" % (r["id"], r["class"]))
        if len(r["spans"]) > 6:
            errors.append("%s: more than 6 spans" % r["id"])
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
