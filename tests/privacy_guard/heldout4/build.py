#!/usr/bin/env python3
"""Build and validate held-out set 4 for the patient-data guard.

The posts are written below in marked-up form: every identifier is wrapped as
[[type:value]].  This script strips the markers, records the code-point
offsets of each value as a span, checks that every check-digit identifier
(IBAN, Aadhaar, German tax ID, KVNR, US SSN, US Medicare MBI, Indian PAN) and
every phone number validates after undoing the obfuscation, checks that every
mention of a marked patient name is marked, and writes posts.jsonl next to
this file.

Run:  python build.py            (needs phonenumbers and python-stdnum)
      python build.py --check    (verify that posts.jsonl equals a fresh build and is valid)

This file is data plus a formatter. It was written without sight of the
guard's code, rules, tuning corpus, tests or any other held-out set, and must
not be used to tune the guard (see README.md).
"""
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "posts.jsonl")

TYPES = {
    "patient_name", "age", "date", "record_number", "national_id", "phone",
    "insurance_number", "url", "device_serial", "licence_plate", "bank_account",
    "email", "address", "postal_code", "ip_address",
}

MAX_SPANS = 6

POSTS = []


def P(lang, cls, text):
    POSTS.append((lang, cls, text))


# ---------------------------------------------------------------- English

# positives: names in many shapes
P("en", "name_shorthand_no_cue", "Evening handover 7B: Bed 4 [[patient_name:Novak]] 81F, day 2 after hemiarthroplasty, Hb drifted to 8.9. If it goes under 8 please repeat and crossmatch two units; [[patient_name:Novak]] is on apixaban, last dose was held.")
P("en", "name_double_barrelled", "Any old-age psychiatrists around? Mrs [[patient_name:Oyelaran-Whitfield]], [[age:96]], has become agitated every night since moving into the care home and quetiapine 12.5 mg only took the edge off. Would you try trazodone instead?")
P("en", "quoted_letter", "The referral letter says: 'Dear colleague, thank you for seeing Prof. Emeritus [[patient_name:Harold de la Cruz]], DOB [[date:14/02/1931]], with progressive dysphagia to solids.' Does SLT still take direct referrals or does it go via the GP?")
P("en", "name_lowercase_cue", "palliative q – pt [[patient_name:tomasz wierzbicki]], [[age:ninety-three]], end-stage heart failure, family now want him home for his last days. Which hospice-at-home team covers the north side these days?")
P("en", "age_90plus_paren", "Side room 2: [[patient_name:McIntyre]] ([[age:94]]), aspiration pneumonia, for ward-based care only, DNACPR signed. Please do not escalate overnight without ringing the registrar first.")
P("en", "name_repeated_possessive", "CT head on Mr [[patient_name:Ferreira]] shows a chronic left subdural, 11 mm, no shift. He is [[age:91]] and on clopidogrel for a stent from years ago – would you stop it? Mr [[patient_name:Ferreira]]'s daughter is asking whether he needs the neurosurgeons.")
P("en", "name_title_academic", "Dr [[patient_name:Winifred Achterberg]], a retired anaesthetist who is now our patient on 5 East, keeps asking to read her own notes. Can she get access through the patient portal or does it need a subject access request?")
P("en", "name_initials", "Mr [[patient_name:R. K. Iyer]] on ward 22 is refusing the NG tube and his son has lasting power of attorney for health. Does the LPA holder's refusal stand if Mr [[patient_name:Iyer]] himself seems to lack capacity only intermittently?")
P("en", "name_particle", "Handing over Mrs [[patient_name:van der Berg]] in bay 3: hip fracture fixed yesterday, now hypotensive at 88/50 after the evening furosemide. I have held the next dose; please review Mrs [[patient_name:van der Berg]] at midnight.")
P("en", "name_after_cue_patient", "Quick one for the renal people: patient [[patient_name:Gwendolyn Osei]] has an eGFR of 19 and the surgeons want contrast CT tomorrow. Pre-hydration only, or is it worth discussing with you first?")
P("en", "name_shorthand_no_cue", "Bay B list for nights: B1 [[patient_name:Kowalczyk]] 79M chest sepsis on tazocin, B2 empty, B3 [[patient_name:Amadi]] 88F awaiting care home, B4 [[patient_name:Lindqvist]] [[age:90]]F end of life, syringe driver running.")
P("en", "name_possessive_only", "[[patient_name:Heathcote]]'s INR came back at 7.4 this afternoon with no bleeding. We gave 1 mg oral vitamin K – would anyone have given IV instead at that level in a frail 85-year-old?")
P("en", "name_in_email_quote", "Forwarding what the nursing home wrote: \"Hi, just to let you know [[patient_name:Dorothea Pilkington]] has been more drowsy since the new patch, sats 93% on air.\" Is buprenorphine 10 microgram/h too much for her?")
P("en", "name_nickname_quotes", "Our long-stay man [[patient_name:Bartholomew 'Barty' Quinlan]] is finally going home on Friday. [[patient_name:Barty]] asked me to thank the tissue viability nurses who saved his heels.")
P("en", "name_lowercase_cue", "can someone check on mrs [[patient_name:oduya]] in resus – her lactate was 5.1 and nobody has repeated it. i'm stuck in theatre.")

# positives: ages 90+ and birth years
P("en", "age_words", "A lady in her [[age:late nineties]] with a new AF and a CHA2DS2-VASc of 6 but a HAS-BLED of 4 – would you anticoagulate? She still lives independently and walks to the shop.")
P("en", "age_90plus_hyphen", "We have a [[age:102]]-year-old man with a complete heart block on the monitor. Cardiology are reluctant to pace – what do people do in practice at that age when he is otherwise well?")
P("en", "ordinal_birthday", "One of our patients on the stroke unit celebrated her [[age:hundredth]] birthday yesterday and the ward made a cake. Do we need dietitian sign-off for cake on a level 6 soft diet?")
P("en", "birth_year_cue", "Transfer summary for bed 17: male, DOB [[age:1928]], admitted with urosepsis, now on oral co-amoxiclav. Plan: catheter trial without removal on Thursday.")
P("en", "birth_year_words", "He told me he was born in [[age:nineteen thirty]], just outside Cork, and he is adamant he does not want another admission. How do you document an advance decision when he can't sign?")
P("en", "birth_year_short", "b. [[age:1932]], lives with wife, mild cognitive impairment, MMSE 23. New hypercalcaemia 3.1 with a low PTH – myeloma screen sent, anything else before we scan?")
P("en", "age_90plus_after_name", "Handover: [[patient_name:Ruthven]] [[age:97]]F, fell at 03:00, no head strike witnessed, on no anticoagulants, neuro obs normal so far. Please do a lying-standing BP in the morning.")
P("en", "age_words", "Our patient is [[age:ninety-one]] and has been prescribed nitrofurantoin for the fourth UTI this year despite a CrCl of 22. I want to stop it but the GP disagrees – thoughts?")

# positives: dates
P("en", "date_verb", "She was admitted on the [[date:3rd of March]] after a long lie and has had no bowel movement since. Abdo X-ray shows loaded colon; is a phosphate enema reasonable at her age with a potassium of 3.3?")
P("en", "date_two_events", "Discharged on [[date:11/09/2026]] to her daughter's house, re-presented on [[date:Sept 14]] with the same delirium. What should the discharge bundle have included that we missed?")
P("en", "date_procedure", "TAVI was done on [[date:2 Feb 2026]] and since then he has had new LBBB. The cardiologist says wait – how long would you wait before a pacemaker?")
P("en", "dob_no_name", "The wristband on the man in cubicle 6 says DOB [[date:23.11.1934]] but the ambulance sheet says something else. Which one do we trust for the blood transfusion check?")
P("en", "date_death_verification", "Verified death at 04:12 on [[date:17 October]], expected, palliative. Family present. Does the MCCD need to wait for the consultant or can the registrar complete it?")

# positives: record numbers
P("en", "record_prefixed", "MRN [[record_number:40071238]] – 88M, sodium 118 on sertraline and indapamide. Fluid restricted to 1 L since admission and only up to 121; would you give tolvaptan or is that too risky?")
P("en", "record_prefixed", "Could a radiologist look at the chest film for hospital no. [[record_number:RX-558-2031]]? I think there is a small apical pneumothorax after the line but I'm not sure.")
P("en", "record_no_label", "Re [[record_number:A2291-4471]]: the potassium of 6.8 was haemolysed and the repeat is 4.9, so please cancel the calcium gluconate on the drug chart.")
P("en", "record_fullwidth", "Pathology flagged a critical troponin for ＭＲＮ [[record_number:４７７１０２３９]] but nobody has been told on the ward. Who is responsible for chasing critical labs overnight here?")
P("en", "lookalike_chars", "Please re-run the hip X-ray request under case [[record_number:КН-881204]], it went to the wrong patient list.")
P("en", "record_prefixed", "Lab accession [[record_number:HX26-0031187]] – the ferritin is 2,400 but the CRP is normal. Any haematologist willing to say whether that needs a venesection work-up?")

# positives: national IDs, insurance, bank
P("en", "national_id", "The hospice social worker needs his SSN for the benefits form – it is [[national_id:262-66-1712]]. Can we send it by secure email or does it have to be faxed?")
P("en", "invisible_chars", "Insurance desk wants the SSN on the transfer sheet: [[national_id:219\u200b-38-\u200b0701]]. Is it OK to include that in the referral letter to the nursing facility?")
P("en", "nhs_number", "The GP letter quotes NHS no [[national_id:795 422 0583]] but our system has a different number for the same man. How do we merge records safely?")
P("en", "mbi", "Medicare MBI for the skilled nursing facility referral is [[insurance_number:1EG4TE5MK72]] – the discharge coordinator says it bounced. Is there a format issue?")
P("en", "insurance_other", "Her private cover is with Bupa, membership number [[insurance_number:BUP 7734 2219 08]]. Do they cover hospice respite or only acute admissions?")
P("en", "iban", "His son lives in Rotterdam and asks that the overpaid care fees go back to [[bank_account:NL57RABO2752258114]]. Finance say clinicians shouldn't handle this – who should?")

# positives: phones
P("en", "relative_contact", "Family asked to be called only on the son's mobile, [[phone:(312) 448-2917]], not the landline, because his mother is hard of hearing. Please add that to the handover sheet.")
P("en", "phone_intl", "Her niece in Perth wants an update and left [[phone:+61 412 558 903]] – we're eight hours apart, so can the day team ring her before 9 am our time?")
P("en", "phone_words", "The carer dictated her number as [[phone:six one seven five five five zero one four three]] – please call after 6 pm about the equipment for discharge.")
P("en", "digits_spaced_every_digit", "Daughter's number: [[phone:4 1 5 8 3 2 0 7 6 6]]. She wants to be there when we discuss ceilings of care.")
P("en", "phone_local", "The district nurse for the Larkspur patch is on [[phone:(206) 743-5519]] for the syringe driver handover. Do you know if they take verbal orders for PRN midazolam?")

# positives: email, url, ip, device, plate, address
P("en", "email", "His granddaughter emailed us from [[email:j.okafor.family@gmail.com]] asking for the scan report. Are we allowed to reply with results if he has consented verbally?")
P("en", "email_obfuscated", "The patient's wife asked us to send the discharge summary to [[email:p dot lindqvist at outlook dot com]] – is plain email acceptable or must it go via the secure portal?")
P("en", "url_record", "Here is the chart if anyone can look at the trend: [[url:https://epr.stlukes.example-trust.nhs.uk/patient/88123/obs]] – I think the NEWS is being under-scored.")
P("en", "url_crowdfunding", "The family have set up [[url:https://www.gofundme.com/f/bring-grandpa-walt-home-to-ohio]] to fly him home. Is repatriation on a commercial flight realistic with 4 L of oxygen?")
P("en", "ip_address", "His home BP hub keeps uploading from [[ip_address:82.165.44.19]] and the readings all land in the wrong patient's record. IT say it's a clinical problem – is it?")
P("en", "device_serial", "His ICD (SN [[device_serial:BLR604218S]]) fired twice overnight. The download shows VF – anyone know who the Medtronic rep is for weekends?")
P("en", "device_serial_no_colon", "Pump serial [[device_serial:PJN771043]] alarmed for occlusion three times on the bay. Biomed want it back, but she is mid-infusion; do we swap mid-bag?")
P("en", "licence_plate", "The patient drove himself in and his car, reg [[licence_plate:KX19 FJO]], is blocking the ambulance bay. Security want to know if they can move it.")
P("en", "address_postal", "She lives alone at [[address:14 Larkspur Close, Headingley]], [[postal_code:LS6 2QT]], up two flights of stairs. OT think a stairlift won't fit; any other options before placement?")
P("en", "name_title_honorific", "Sir [[patient_name:Ambrose Whitlock-Hale]] is insisting on a private room and has complained to the chief executive. How do other wards handle VIP patients without jumping the queue?")
P("en", "date_short_ordinal", "He had the PEG placed on the [[date:9th]] and has been leaking around the site since. Is a bigger balloon volume the right move?")

# negatives
P("en", "neg_colleague_names", "Thanks to Sister Mary from ICU and Dr Patel on the outreach team for getting the bay sorted tonight. Consultant Dr Akinyemi will review everyone at 8.")
P("en", "neg_staff_title", "Prof. Hargreaves wants all falls in over-80s to have a lying-standing BP within 24 hours – does anyone have a good proforma? Sr. O'Leary on ward 9 might have one.")
P("en", "neg_eponyms", "Differential for the confused 84-year-old includes Wernicke's, Hashimoto's encephalopathy and early Lewy body disease. Would you check anti-TPO antibodies first?")
P("en", "neg_eponyms", "Is Guillain-Barré realistic after a Campylobacter gastroenteritis in a 72-year-old, or are we overthinking the weak legs? CSF protein is 0.9 g/L.")
P("en", "neg_guideline_author", "Per Rivers et al. 2001 we used to push early goal-directed therapy, but ProCESS and ARISE changed that. What does your ED use now for septic shock in the elderly?")
P("en", "neg_age_under_90", "An 87-year-old with a new pleural effusion, protein 38, LDH 210 – Light's criteria say borderline. Tap again or go straight to CT?")
P("en", "neg_population_ages", "In the trial, patients aged 90 and over were excluded, so I'm not sure the result applies to our ward at all.")
P("en", "neg_nonagenarian", "Do nonagenarians on your unit get routine DEXA scans before starting alendronate, or do you just treat after a fragility fracture?")
P("en", "neg_ninety_percent", "Target sats of 88–92% for COPD, but 94–98% otherwise. How many of you still see 100% sats on 4 L in retained CO2 patients?")
P("en", "neg_labs", "Sodium 126, potassium 5.9, urea 14.2, creatinine 188 – is this Addisonian or just dehydration? Short synacthen in the morning?")
P("en", "neg_doses", "Morphine 2.5 mg SC PRN up to hourly, midazolam 2.5 mg PRN, glycopyrronium 200 micrograms 4-hourly – is that a sensible anticipatory set for a frail lady with eGFR 25?")
P("en", "neg_scores", "Clinical Frailty Scale 7, NEWS2 of 5, Waterlow 22 – should that trigger a ceiling-of-care discussion automatically?")
P("en", "neg_codes", "Coding keeps rejecting R41.0 for delirium and wants F05.1 instead. Which do you use for delirium superimposed on dementia?")
P("en", "neg_snomed_loinc", "Our new order set maps the eGFR to LOINC 62238-1 and frailty to SNOMED 248279007. Has anyone else seen duplicates in the results view?")
P("en", "neg_guideline_date", "The NICE delirium guideline CG103 was last updated on 18 January 2023. Has anything changed about haloperidol doses since then?")
P("en", "neg_conference_date", "Anyone going to the BGS Spring Meeting on 22 April 2026? There is a session on deprescribing in care homes that looks good.")
P("en", "neg_historical_year", "Digoxin has been around since Withering described foxglove in 1785, yet we still argue about levels. Do you check them routinely in the over-80s?")
P("en", "neg_doi_pmid", "Good review on anticoagulation in the very old: doi:10.1093/ageing/afab123 (PMID 34157143). Worth reading before the journal club.")
P("en", "neg_trial_ids", "Is anyone recruiting to NCT04212345 or the palliative oxygen study? Our R&D office says we have capacity for five more.")
P("en", "neg_public_url", "For the falls pathway see https://www.nice.org.uk/guidance/ng249 and the WHO ICOPE handbook on who.int.")
P("en", "neg_hotlines", "For out-of-hours poisons advice in the UK ring NHS 111 or TOXBASE; in the US the poison center line is 1-800-222-1222.")
P("en", "neg_switchboard", "Switchboard is 0113 243 3144 – ask for the on-call geriatric registrar, bleep 4410.")
P("en", "neg_room_bed", "Bed 14 in bay C has a broken call bell and room 7 has no working suction. Estates have been told, but please check before putting anyone unwell there tonight.")
P("en", "neg_device_model", "Is anyone using the Medtronic Micra AV2 in very frail patients? Our cardiologists are keen, but the follow-up clinic is far away.")
P("en", "neg_versions", "After the EPR upgrade to version 10.4.2.1 the drug chart no longer shows the PRN history. Is it the same for you?")
P("en", "neg_drug_brand", "Switching from Eliquis to Lixiana in a 79-year-old with a creatinine clearance of 41 – any dose tips?")
P("en", "neg_public_figures", "Like Oliver Sacks wrote about his own melanoma, our older patients often want honesty more than hope. How do you open the conversation?")
P("en", "neg_vitals", "BP 92/54, HR 118, RR 24, temp 38.9, sats 91% on 2 L – I've started the sepsis six. Anything else in a lady on steroids?")
P("en", "neg_ranges", "Normal range for free T4 here is 12–22 pmol/L and TSH 0.27–4.2 mU/L, but our lab just switched platforms. Has anyone re-validated the ranges?")
P("en", "neg_radiology_terms", "CT shows a 14 mm ground-glass nodule in the right upper lobe, Fleischner category 3. Would you follow up in a patient with advanced dementia?")
P("en", "neg_numbers_words", "She needs two units, then one more if the Hb is under seventy, and three days of oral iron after that.")
P("en", "neg_ecg", "ECG: sinus rhythm 58, PR 240, QRS 132, QTc 498 – stop donepezil or not?")
P("en", "neg_blood_gas", "VBG pH 7.21, pCO2 9.8, HCO3 34, lactate 1.2 – would you start NIV on the ward or move her to HDU?")
P("en", "neg_handover_no_names", "Handover: bay A all stable, bay B one for bloods at 6, side room 3 end of life with family present, side room 4 barrier nursing for C. diff.")
P("en", "neg_parkinson", "Parkinson's medication timing on admission keeps slipping – the Parkinson's UK 'Get It On Time' campaign has a good poster. How do your wards stop missed doses?")
P("en", "neg_alzheimer", "Will the new anti-amyloid drugs for Alzheimer's change anything for our memory clinic patients, or is the ARIA risk too high at that age?")
P("en", "neg_cushing", "Cushing's or just steroid excess from the COPD courses? Morning cortisol 640, dexamethasone suppression pending.")
P("en", "neg_staff_hod", "Our HOD Dr. Mehta wants every discharge summary finished by 11 am. Does anyone actually manage that on a 30-bed geriatric ward?")
P("en", "neg_dates_nonpatient", "Rota for the bank holiday weekend is out – 24 to 26 May, please swap by Friday if you need to.")
P("en", "neg_year_ranges", "Between 2019 and 2024 our hip fracture mortality dropped from 9% to 6.5%. What changed at your site?")
P("en", "neg_ip_like_version", "The pump firmware 3.12.0.7 fixed the occlusion alarm bug – has biomed rolled it out on your wards?")
P("en", "neg_postcode_like_code", "The HRG code is WD22Z and the ward cost centre is AB12 – none of these go on the clinical letter, right?")
P("en", "neg_age_under_90_words", "She is eighty-nine and sharp as a tack, but her hearing aids keep going missing on the ward. Any tips for labelling them?")
P("en", "neg_hundred", "We had a hundred admissions through the frailty unit last week – record numbers. How are others coping with the winter surge?")
P("en", "neg_lab_accession_generic", "Why does the lab reject samples with a handwritten label? We had three rejected this week on the night shift.")


# ---------------------------------------------------------------- German

# positives: names in many shapes
P("de", "name_shorthand_no_cue", "Übergabe Station 4 Nord: Zi. 12 [[patient_name:Schwarzkopf]] [[age:93]]J, Pneumonie re. UL, läuft unter Ampicillin/Sulbactam, heute Nacht zweimal desorientiert. Bei Unruhe bitte erst reorientieren, Haldol nur nach Rücksprache.")
P("de", "name_possessive_genitive", "Herr [[patient_name:Braun]]s Sohn hat heute bei der Visite gefragt, ob sein Vater nach der TAVI noch Auto fahren darf. Gibt es dazu eine klare Empfehlung oder entscheidet das der Hausarzt?")
P("de", "name_title_academic", "Frau Dr. med. [[patient_name:Hildegard Szymanski]], selbst pensionierte Internistin, lehnt die Magensonde ab und hat eine Patientenverfügung dabei. Wie geht ihr damit um, wenn die Tochter etwas anderes sagt?")
P("de", "name_particle", "Bitte morgen früh bei Herrn [[patient_name:von Ossendorf]] das Kalium kontrollieren, gestern 5,9 unter Spironolacton. Herr [[patient_name:von Ossendorf]] soll Donnerstag in die Kurzzeitpflege.")
P("de", "name_lowercase_cue", "kurze frage zur pat. [[patient_name:elfriede kranich]], [[age:neunundneunzig]], seit gestern subfebril und kaum Trinkmenge – würdet ihr s.c. Flüssigkeit geben oder ist das palliativ nicht mehr sinnvoll?")
P("de", "quoted_letter", "Im Arztbrief aus dem Kreiskrankenhaus steht: „Wir berichten über Herrn [[patient_name:Gottfried Aumüller]], geb. [[date:07.05.1930]], der sich am [[date:02.11.2026]] mit akuter Dyspnoe vorstellte.“ Wer kennt die Kollegen dort und kann nach dem Echo fragen?")
P("de", "name_double_barrelled", "Frau [[patient_name:Meyer-Lindenthal]] (Bett 3) hat nach dem Sturz ein Hämatom am Oberschenkel, das größer wird. Sono morgen oder gleich heute Nacht CT? Frau [[patient_name:Meyer-Lindenthal]] nimmt Edoxaban.")
P("de", "name_initial_surname", "Visite 8 Süd: Hr. [[patient_name:K. Obermaier]], Z. n. Hüft-TEP, Delir seit dem 2. postoperativen Tag, CAM positiv. Melperon reicht nicht – hat jemand Erfahrung mit niedrig dosiertem Quetiapin bei Parkinson-Syndrom?")
P("de", "name_after_cue_patient", "Patientin [[patient_name:Anneliese Wuttke]] wird Freitag in ein Hospiz entlassen, Pflegegrad 4 ist beantragt. Muss der Entlassbrief schon die BtM-Rezepte für das Fentanylpflaster enthalten?")
P("de", "name_shorthand_no_cue", "Übergabeliste Geri: 21a [[patient_name:Petrović]] 86w Exsikkose, 21b [[patient_name:Lorenzen]] [[age:92]]m Harnverhalt, DK neu gelegt, 22 frei. Bei [[patient_name:Lorenzen]] bitte Urinausfuhr bilanzieren.")
P("de", "name_title_honorific", "Herr Prof. Dr. [[patient_name:Eberhard Tillmanns]] liegt seit gestern als Patient bei uns und möchte alle Befunde persönlich mit dem Chefarzt besprechen. Wie regelt ihr das bei Kollegen als Patienten?")
P("de", "name_lowercase_cue", "bitte bei frau [[patient_name:yilmaz]] den ZVK ziehen, Spitze ist positiv auf Staph. epidermidis. Neue Blutkulturen vorher oder reicht das?")
P("de", "name_possessive_genitive", "[[patient_name:Kästner]]s Tochter ruft täglich mehrfach auf Station an und will jedes Mal den Arzt sprechen. Habt ihr feste Angehörigentelefonzeiten eingeführt?")
P("de", "name_in_quote_nursing_home", "Das Pflegeheim schreibt: „Frau [[patient_name:Ilse Rosenthal-Berger]] isst seit einer Woche kaum noch und schläft fast nur.“ Wir überlegen, ob wir sie überhaupt noch einweisen oder palliativ vor Ort versorgen.")
P("de", "name_noble_particle", "Frau [[patient_name:zu Arnstedt]] wünscht ausdrücklich keine Reanimation, der Betreuer ist aber nicht erreichbar. Reicht die mündliche Aussage der Patientin für den DNR-Vermerk?")

# positives: ages and birth years
P("de", "age_hyphen_jaehrige", "Eine [[age:93]]-jährige Patientin mit neu diagnostiziertem Vorhofflimmern, Barthel 85, lebt allein. Würdet ihr bei einem CHA2DS2-VASc von 5 antikoagulieren, obwohl sie zweimal im Jahr stürzt?")
P("de", "birth_year_jg", "Übergabe Zi. 7: männlich, Jg. [[age:1930]], Urosepsis, läuft unter Ceftriaxon, Krea rückläufig. Morgen Umstellung auf oral falls afebril.")
P("de", "birth_year_jahrgang", "Wir haben eine Patientin Jahrgang [[age:1927]], die nach der Hüftoperation nicht mehr mobilisierbar ist. Geriatrische Frühreha oder direkt Pflegeheim – wer entscheidet das bei euch?")
P("de", "birth_year_star", "Radiologie-Frage: Pat. *[[age:1931]], CT-Thorax mit 2 cm Rundherd im linken OL, keine Vorbilder. Punktion wäre möglich, aber ist das in dem Alter noch sinnvoll?")
P("de", "age_paren", "Neuaufnahme aus dem Heim: Herr [[patient_name:Fuchsberger]] ([[age:95]]) mit Hypernatriämie 158. Wie schnell würdet ihr senken?")
P("de", "age_words", "Sie ist [[age:hundertundeins]] und hat noch nie ein Krankenhaus von innen gesehen, jetzt eine dekompensierte Herzinsuffizienz. Furosemid i.v. in welcher Dosis bei Krea 1,8?")
P("de", "ordinal_birthday", "Eine Patientin auf der Palliativstation feiert morgen ihren [[age:101]]. Geburtstag und die Familie möchte mit Sekt anstoßen. Spricht bei Schluckstörung etwas gegen angedickten Sekt?")
P("de", "age_words", "Mit [[age:zweiundneunzig]] Jahren noch eine Koloskopie? Der Hausarzt hat eine Eisenmangelanämie mit Hb 8,4 geschickt, die Patientin ist kognitiv fit.")
P("de", "birth_year_geb", "geb. [[age:1929]], wohnt allein im 3. OG ohne Aufzug, Sozialdienst ist informiert. Wer hat gute Erfahrungen mit der Übergangspflege nach §39e SGB V gemacht?")
P("de", "age_90plus_after_name", "Visite: [[patient_name:Hollerbach]] [[age:96]] J., Trinkmenge < 500 ml, Natrium 149, Angehörige wünschen keine Infusion mehr. Wie dokumentiert ihr das am saubersten?")
P("de", "age_im_alter", "Im Alter von [[age:94]] Jahren wurde der Patient wegen eines Ileus operiert und liegt jetzt beatmet auf der Intensiv. Die Familie fragt nach Prognose – welche Scores benutzt ihr?")

# positives: dates
P("de", "date_verb", "Sie kam am [[date:3. November]] mit einem Sturz und liegt seitdem mit einem Delir bei uns. Das CCT war unauffällig – würdet ihr noch ein EEG machen?")
P("de", "date_discharge", "Entlassung ist für den [[date:14.12.]] geplant, aber die Pflegeheimplatzsuche läuft noch. Darf der Sozialdienst die Entlassung verschieben, wenn kein Platz gefunden wird?")
P("de", "date_procedure", "Die PEG wurde am [[date:28.10.2026]] gelegt und jetzt ist die Einstichstelle gerötet und nässt. Abstrich und lokal Octenidin, oder gleich systemisch?")
P("de", "dob_no_name", "Auf dem Etikett steht Geb.-Datum [[date:19.08.1932]], im KIS aber ein anderes – Blutkonserve trotzdem geben oder neues Kreuzblut?")
P("de", "date_death", "Verstorben am [[date:9. Dezember]] um 02:40 Uhr, erwarteter Tod unter palliativer Sedierung. Muss bei einer PEG-Anlage vor vier Wochen ‚nicht natürlich‘ angekreuzt werden?")

# positives: record numbers
P("de", "record_prefixed", "Fall-Nr. [[record_number:2026041187]]: Der Befund der Knochenmarkspunktion ist seit drei Wochen ausstehend. Wen ruft man in der Hämatopathologie an?")
P("de", "record_prefixed", "Bitte im PACS die Untersuchung mit Pat.-ID [[record_number:UKH-0088213]] anschauen – ich bin mir bei der Fraktur des Dens unsicher.")
P("de", "record_no_label", "[[record_number:KL-26-004471]] – Labor meldet Troponin 812 ng/l, die Patientin ist beschwerdefrei. Typ-2-Infarkt bei Anämie oder doch Herzkatheter?")
P("de", "record_fullwidth", "Laut Labor gehört die hämolytische Probe zu Fallnummer [[record_number:２０２６０３９９１４]]. Wer hat die Blutentnahme auf der 5 West gemacht?")
P("de", "lookalike_chars", "Die Pathologie hat den Befund unter Eingangsnummer [[record_number:Е26/11873]] abgelegt und nicht im Fall. Kann man das in Nexus selbst umhängen?")

# positives: insurance, national id, bank
P("de", "kvnr", "Die Krankenkasse lehnt die Reha ab, Versichertennummer [[insurance_number:W604274870]]. Lohnt sich ein Widerspruch mit einem ausführlichen geriatrischen Assessment?")
P("de", "kvnr_spaced", "Für den Transportschein brauche ich die KVNR, die Tochter hat sie durchgegeben: [[insurance_number:N 884 111 472]]. Kann ich das so eintragen?")
P("de", "national_id", "Der Betreuer fragt, ob wir die Steuer-ID der Patientin ([[national_id:13046482947]]) für den Antrag auf Pflegegeld an die Kasse weitergeben dürfen.")
P("de", "soft_hyphen_in_number", "Steuer-Identifikationsnummer laut Unterlagen: [[national_id:5910\u00ad6648\u00ad724]] – gehört das überhaupt in die Patientenakte?")
P("de", "iban", "Der Sohn möchte, dass die Rückerstattung der Zuzahlung auf [[bank_account:DE40 2214 6013 2211 4989 31]] geht. Ist das Sache der Patientenverwaltung?")
P("de", "iban_at", "Die Nichte aus Graz bittet, die Kaution für das Pflegebett auf ihr Konto [[bank_account:AT47 3363 9137 2824 3223]] zu überweisen. Wer ist bei uns dafür zuständig?")
P("de", "insurance_other", "Privatversichert bei der Debeka, Versicherungsnummer [[insurance_number:DK 4471 0092 55]] – übernimmt die PKV die geriatrische Komplexbehandlung?")

# positives: phones
P("de", "relative_contact", "Die Tochter bittet, nur auf ihrem Handy [[phone:0176 48219035]] angerufen zu werden, nicht über das Festnetz der Mutter. Bitte in die Kurve übernehmen.")
P("de", "phone_intl", "Der Sohn lebt in Wien und ist unter [[phone:+43 664 3827719]] erreichbar. Er möchte beim Gespräch über die Therapiezieländerung per Video dabei sein.")
P("de", "phone_words", "Die Nachbarin hat ihre Nummer diktiert: [[phone:null sechs zwei zwei eins fünf sechs sieben drei vier null]]. Sie hat den Schlüssel zur Wohnung.")
P("de", "digits_spaced_every_digit", "Ehemann erreichbar unter [[phone:0 3 0 4 5 5 6 7 2 1 9]], er ist schwerhörig, bitte laut sprechen.")
P("de", "invisible_chars", "Die Ehefrau von Herrn [[patient_name:Dombrowski]] ist nur unter [[phone:0351\u200b 458\u200b0217]] erreichbar – sie möchte heute noch über die Sedierung sprechen.")
P("de", "phone_local", "Der Hausarzt von der Patientin in Zimmer 9 bittet um Rückruf unter [[phone:06221 567340]] wegen der Antikoagulation nach Entlassung.")
P("de", "phone_intl", "Betreuerin laut Beschluss: Frau Schäfer, Tel. [[phone:+49 160 93321478]]. Darf sie allein über die PEG-Anlage entscheiden?")

# positives: email, url, ip, device, plate, address
P("de", "email", "Die Enkelin will den Entlassbrief per Mail an [[email:lena.wuttke92@web.de]] – dürfen wir das ohne Verschlüsselung schicken, wenn die Patientin zustimmt?")
P("de", "email_obfuscated", "Angehörige schreibt, wir sollen die Befunde an [[email:h.aumueller (at) t-online (punkt) de]] schicken. Geht das überhaupt datenschutzkonform?")
P("de", "url_record", "Link zur Kurve: [[url:https://kis.uk-musterstadt.example/fall/2026041187/verlauf]] – kann jemand von der Nephro kurz auf die Bilanz schauen?")
P("de", "url_social", "Die Familie hat ein Video von ihm auf [[url:https://www.instagram.com/opa_heinz_kaempft]] gepostet, mit Station und Zimmernummer im Hintergrund. Müssen wir da etwas unternehmen?")
P("de", "ip_address", "Das Telemonitoring-Gateway beim Patienten zu Hause meldet sich von [[ip_address:91.43.208.117]] und schickt seit Tagen keine Gewichte mehr. Wer ist zuständig, Technik oder Kardiologie?")
P("de", "device_serial", "Der Schrittmacher (SN: [[device_serial:PJN612093H]]) zeigt bei der Abfrage ERI. Wechsel bei einer 88-Jährigen mit Demenz noch sinnvoll?")
P("de", "device_serial_no_colon", "Perfusor Seriennummer [[device_serial:BX-44718-D]] hat zweimal Okklusionsalarm ohne Grund gegeben. MTA hat ihn gesperrt – ist das bei euch auch aufgefallen?")
P("de", "licence_plate", "Der Patient ist mit dem eigenen Auto gekommen, Kennzeichen [[licence_plate:GI-HS 477]], und es steht auf dem Notarztparkplatz. Darf die Pforte es umsetzen lassen?")
P("de", "address_postal", "Wohnt allein [[address:Am Lindenhang 7]], [[postal_code:35392]] Gießen, zweiter Stock ohne Aufzug. Wer organisiert bei euch den Hausbesuch der Ergotherapie vor Entlassung?")
P("de", "address_only", "Die Patientin will unbedingt zurück in ihre Wohnung in der [[address:Kirchgasse 3a]], obwohl sie dort zweimal gestürzt ist. Wie weit geht ihr bei der Selbstbestimmung?")
P("de", "name_repeated_three", "Herr [[patient_name:Tschernig]] hat nachts die Braunüle gezogen und ist aus dem Bett gestiegen. Fixierung kommt nicht in Frage – habt ihr Niedrigbetten? Herr [[patient_name:Tschernig]] ist erst seit gestern bei uns, [[patient_name:Tschernig]]s Frau bleibt heute Nacht.")

# negatives
P("de", "neg_colleague_names", "Danke an OA Dr. Weber und Schwester Petra für die schnelle Hilfe bei der Reanimation heute Nacht. Die Nachbesprechung ist morgen um 14 Uhr.")
P("de", "neg_staff_title", "Prof. Dr. Hansen (Chefarzt Geriatrie) möchte, dass jeder Sturz über 80 ein Assessment bekommt. Hat jemand eine Vorlage, die nicht zwei Seiten lang ist?")
P("de", "neg_eponyms", "Differenzialdiagnose bei der Gangstörung: Normaldruckhydrozephalus, Morbus Parkinson, vaskuläre Enzephalopathie. Würdet ihr zuerst den Tap-Test oder DAT-Scan machen?")
P("de", "neg_eponyms", "Hashimoto-Thyreoiditis mit TSH 14 bei einer 82-Jährigen – substituiert ihr mit 25 µg oder noch vorsichtiger?")
P("de", "neg_guillain", "Guillain-Barré nach Impfung bei einem 78-Jährigen, Liquor mit zytoalbuminärer Dissoziation. IVIG oder Plasmapherese?")
P("de", "neg_guideline_date", "Die AWMF-S3-Leitlinie Demenzen (038-013) wurde im November 2023 aktualisiert. Hat sich an der Empfehlung zu Antipsychotika etwas geändert?")
P("de", "neg_public_url", "Zur Delirprävention verweise ich gern auf https://register.awmf.org und die Seite der DGG unter dggeriatrie.de.")
P("de", "neg_ops_icd", "Für die geriatrische Komplexbehandlung kodieren wir OPS 8-550.1, Hauptdiagnose S72.01 und Nebendiagnose F05.1. Akzeptiert der MD das bei euch?")
P("de", "neg_ebm_pzn", "EBM-GOP 03362 für das hausärztlich-geriatrische Assessment, PZN 01234567 für das Novaminsulfon-Präparat – gehört beides in den Entlassbrief?")
P("de", "neg_ik_number", "Unsere IK-Nummer 260950123 steht auf jedem Transportschein, das ist die Klinik, nicht der Patient.")
P("de", "neg_age_under_90", "Eine 84-jährige Patientin mit Hyponatriämie 121 unter HCT. Absetzen und Trinkmenge beschränken, oder gleich NaCl 3 %?")
P("de", "neg_population_ages", "In der Studie waren über 90-Jährige ausgeschlossen, die Daten gelten also nur eingeschränkt für unsere Station.")
P("de", "neg_ninety_percent", "Sättigung 90 % unter 2 l O2, Ziel bei COPD 88–92 %. Würdet ihr bei einer Hochbetagten mit Demenz noch NIV versuchen?")
P("de", "neg_hochbetagt", "Wie dosiert ihr Apixaban bei Hochbetagten mit Gewicht unter 60 kg und Krea 1,5?")
P("de", "neg_labs", "Kalium 6,1, Krea 2,4, Harnstoff 118 mg/dl, pH 7,29 – Dialyse oder erst mal konservativ mit Resonium?")
P("de", "neg_doses", "Morphin 2,5 mg s.c. bei Bedarf, Midazolam 2,5 mg s.c., Butylscopolamin 20 mg – passt das als Bedarfsmedikation für die Sterbephase?")
P("de", "neg_scores", "Barthel 35, MMST 17, Tinetti 9, CFS 7 – ist eine Reha da realistisch?")
P("de", "neg_hotlines", "Giftnotruf Berlin 030 19240, ärztlicher Bereitschaftsdienst 116117, Notruf 112 – die Nummern hängen auch auf Station aus.")
P("de", "neg_switchboard", "Zentrale des Klinikums: 0641 985-0, dort nach dem diensthabenden Geriater fragen.")
P("de", "neg_room_bed", "Zimmer 214 Bett 2 hat kein funktionierendes Pflegebett, Zimmer 216 ist wegen Noro gesperrt. Neuaufnahmen bitte nach 218.")
P("de", "neg_device_model", "Habt ihr Erfahrung mit dem Abbott Assert-IQ bei Synkopenabklärung? Der Eventrecorder von Boston Scientific hat bei uns oft Artefakte.")
P("de", "neg_versions", "Seit dem Update auf Orbis 08.04.3100 zeigt die Kurve die Bilanzen nicht mehr an. Ist das nur bei uns?")
P("de", "neg_doi", "Gute Übersicht zur Deprescribing-Frage: doi:10.3238/arztebl.m2023.0124, dazu die FORTA-Liste.")
P("de", "neg_trial", "Rekrutiert noch jemand für DRKS00031234? Wir hätten zwei geeignete Patientinnen.")
P("de", "neg_historical_year", "Seit Alois Alzheimer 1906 die Auguste D. beschrieb, diskutieren wir über die Diagnose. Wie macht ihr die Frühdiagnostik heute?")
P("de", "neg_conference_date", "Der Deutsche Geriatriekongress ist vom 10. bis 13. September 2026 in Leipzig – fährt jemand von euch hin?")
P("de", "neg_vitals", "RR 84/50, HF 124, AF 28, Temp 39,2 – qSOFA 3. Wir haben Volumen gegeben, Noradrenalin auf Normalstation ist bei uns nicht erlaubt.")
P("de", "neg_blood_gas", "BGA: pH 7,24, pCO2 78 mmHg, HCO3 32, Laktat 1,1 – NIV auf der IMC oder direkt Intensiv?")
P("de", "neg_ecg", "EKG: SR 52/min, PQ 280 ms, QRS 110 ms, QTc 510 ms – Citalopram absetzen?")
P("de", "neg_drug_names", "Umstellung von Marcumar auf Eliquis bei einer Patientin mit Kunstklappe – geht das oder nicht?")
P("de", "neg_radiology", "CT-Abdomen: 3,2 cm Nebennieren-Inzidentalom, 8 HU, Bosniak bei der Niere IIF. Weiteres Vorgehen bei Palliativpatienten?")
P("de", "neg_handover_no_names", "Übergabe: Zimmer 1–4 stabil, Zimmer 5 Sterbebegleitung mit Angehörigen, Zimmer 6 Isolation MRSA, Zimmer 7 frei.")
P("de", "neg_cushing", "Cushing-Syndrom oder iatrogen durch Prednisolon? Dexamethason-Hemmtest morgen früh, Cortisol 22 µg/dl.")
P("de", "neg_numbers_words", "Zwei Konserven, danach Kontrolle, bei Hb unter sieben eine dritte. Das reicht für heute.")
P("de", "neg_alzheimer", "Lecanemab bei Alzheimer-Demenz – bekommt bei euch schon jemand das Medikament außerhalb von Studien?")
P("de", "neg_year_ranges", "Von 2018 bis 2025 ist die Zahl der Hochbetagten auf unserer Station um 40 % gestiegen.")
P("de", "neg_ip_like_version", "Die Firmware 4.2.10.1 der Infusionspumpen soll den Alarmfehler beheben – schon eingespielt bei euch?")
P("de", "neg_age_under_90_words", "Er ist achtundachtzig, geistig völlig klar und will keine Dialyse. Reicht das Gespräch mit ihm allein?")
P("de", "neg_paragraph_numbers", "Nach § 630e BGB muss die Aufklärung mündlich erfolgen, § 1906a BGB regelt die Zwangsbehandlung. Wann holt ihr das Betreuungsgericht dazu?")
P("de", "neg_colleague_letter", "Der Brief an Frau Kollegin Dr. Lehmann (Hausärztin) ist raus, die Rückfragen gehen bitte an OÄ Dr. Hoffmann.")
P("de", "neg_lab_ranges", "Referenzbereich NT-proBNP altersabhängig: unter 75 Jahre < 125 pg/ml, darüber < 450 pg/ml. Welche Grenze nehmt ihr bei Hochbetagten?")
P("de", "neg_public_figure", "Wie schon Cicely Saunders sagte: Es geht nicht darum, dem Leben mehr Tage zu geben. Wie sprecht ihr mit Familien über Therapiezieländerung?")


# ---------------------------------------------------------------- formatter

MARK = re.compile(r"\[\[([a-z_]+):(.*?)\]\]")


def strip_markers(marked):
    out, spans, pos = [], [], 0
    plain_len = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        plain_len += len(before)
        typ, value = m.group(1), m.group(2)
        spans.append({"start": plain_len, "end": plain_len + len(value), "type": typ})
        out.append(value)
        plain_len += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, marked
    return text, spans


CONFUSABLE = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "о": "0",
}
WORDS = {
    # en
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # de
    "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4",
    "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # hi (Devanagari and Latin)
    "शून्य": "0", "एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पाँच": "5",
    "पांच": "5", "छह": "6", "छः": "6", "सात": "7", "आठ": "8", "नौ": "9",
    "shunya": "0", "ek": "1", "do": "2", "teen": "3", "char": "4", "paanch": "5",
    "chhe": "6", "saat": "7", "aath": "8", "nau": "9",
}


def normalise(value):
    """Undo the obfuscations used in the set so check digits can be verified."""
    s = unicodedata.normalize("NFKC", value)  # full-width digits -> ASCII
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")  # ZW chars, soft hyphen
    s = "".join(CONFUSABLE.get(c, c) for c in s)
    # Devanagari digits
    s = "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in s)
    words = s.lower().replace(",", " ").replace("-", " ").split()
    if words and all(w in WORDS for w in words):
        s = "".join(WORDS[w] for w in words)
    return s


def kvnr_ok(v):
    if not re.fullmatch(r"[A-Z]\d{9}", v):
        return False
    s = "%02d" % (ord(v[0]) - 64) + v[1:9]
    tot = 0
    for i, ch in enumerate(s):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return tot % 10 == int(v[9])


MBI = re.compile(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d")


def check_value(typ, value, lang):
    """Return None if fine, else a complaint. Only check-digit types are checked."""
    import phonenumbers
    from stdnum import iban
    from stdnum.de import idnr
    from stdnum.in_ import aadhaar, pan
    from stdnum.us import ssn
    v = normalise(value)
    compact = re.sub(r"[\s\-/.()]", "", v)
    if typ == "phone":
        for region in ({"en": "US", "de": "DE", "hi": "IN"}[lang], "US", "DE", "IN", "GB"):
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
        if re.fullmatch(r"\d{9}", compact) and ("-" in v or " " in v):
            return None if ssn.is_valid(compact) else "bad SSN %r" % value
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            return None if pan.is_valid(compact) else "bad PAN %r" % value
        return None
    if typ == "insurance_number":
        if re.fullmatch(r"[A-Z]\d{9}", compact):
            return None if kvnr_ok(compact) else "bad KVNR %r" % value
        if len(compact) == 11 and compact[0].isdigit() and not compact.isdigit():
            return None if MBI.fullmatch(compact) else "bad MBI %r" % value
    if typ == "age":
        digits = re.sub(r"\D", "", v)
        if digits and not (int(digits) >= 90 and (int(digits) <= 125 or 1880 <= int(digits) <= 2026)):
            return "age under 90 or not a birth year: %r" % value
    return None


def build():
    rows, counters = [], collections.Counter()
    for lang, cls, marked in POSTS:
        counters[lang] += 1
        text, spans = strip_markers(marked)
        rows.append({"id": "%s-%03d" % (lang, counters[lang]), "lang": lang,
                     "text": text, "spans": spans, "class": cls})
    return rows


def unmarked_name_mentions(r):
    """Every mention of a marked patient name must be marked too."""
    text, spans = r["text"], r["spans"]
    names = {text[s["start"]:s["end"]] for s in spans if s["type"] == "patient_name"}
    covered = [(s["start"], s["end"]) for s in spans if s["type"] == "patient_name"]
    missing = []
    for name in names:
        for part in {name} | {w for w in re.split(r"[\s.]+", name) if len(w) > 3}:
            for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(part), text, flags=re.I):
                if not any(a <= m.start() and m.end() <= b for a, b in covered):
                    missing.append(part)
    return missing


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
        if r["class"].startswith("neg_") != (not r["spans"]):
            errors.append("%s: class %s does not match its spans" % (r["id"], r["class"]))
        if len(r["spans"]) > MAX_SPANS:
            errors.append("%s: more than %d spans" % (r["id"], MAX_SPANS))
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
        for part in unmarked_name_mentions(r):
            errors.append("%s: unmarked mention of patient name %r" % (r["id"], part))
    texts = collections.Counter(r["text"] for r in rows)
    for t, n in texts.items():
        if n > 1:
            errors.append("duplicate text %r" % t[:60])
    return errors


def report(rows):
    by_lang = collections.Counter(r["lang"] for r in rows)
    pos = collections.Counter(r["lang"] for r in rows if r["spans"])
    neg = collections.Counter(r["lang"] for r in rows if not r["spans"])
    types = collections.Counter((s["type"]) for r in rows for s in r["spans"])
    types_lang = collections.Counter((r["lang"], s["type"]) for r in rows for s in r["spans"])
    classes = collections.Counter(r["class"] for r in rows)
    print("posts: %d" % len(rows))
    for lang in ("en", "de", "hi"):
        print("  %s: %d (positive %d, negative %d)" % (lang, by_lang[lang], pos[lang], neg[lang]))
    print("  all: %d (positive %d, negative %d)" % (len(rows), sum(pos.values()), sum(neg.values())))
    print("spans: %d" % sum(types.values()))
    for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0])):
        print("  %-17s %3d   en %2d  de %2d  hi %2d" % (t, n, types_lang[("en", t)], types_lang[("de", t)], types_lang[("hi", t)]))
    print("classes: %d" % len(classes))
    for c, n in sorted(classes.items()):
        print("  %-34s %d" % (c, n))


def main():
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        # the stored file must also equal a fresh build
        if rows != build():
            print("posts.jsonl differs from build.py output")
            sys.exit(1)
    else:
        rows = build()
    errors = validate(rows)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    if "--check" not in sys.argv:
        with open(OUT, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(rows)


if __name__ == "__main__":
    main()
