#!/usr/bin/env python3
"""Build and validate held-out set 5 for the patient-data guard.

The posts are written below in marked-up form: every identifier is wrapped as
[[type:value]].  This script strips the markers, records the code-point
offsets of each value as a span, checks that every check-digit identifier
(IBAN, Aadhaar, German tax ID, KVNR, US SSN, US Medicare MBI, Indian PAN) and
every phone number validates after undoing its obfuscation, and writes
posts.jsonl next to this file.

Run:  python build.py            (needs phonenumbers and python-stdnum)
      python build.py --check    (verify that posts.jsonl equals a fresh build and is valid)

This file is data plus a formatter. It was written without sight of the
guard's rules, its tuning corpus, its tests or any other held-out set, and it
must not be used to tune the guard (see README.md).
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
    "patient_name", "age", "date", "record_number", "national_id", "phone",
    "insurance_number", "url", "device_serial", "licence_plate", "bank_account",
    "email", "address", "postal_code", "ip_address",
}

ZW = "\u200b"   # zero-width space
ZWJ = "\u200d"  # zero-width joiner
ZWNJ = "\u200c"  # zero-width non-joiner
WJ = "\u2060"   # word joiner
SHY = "\u00ad"  # soft hyphen

POSTS = []


def P(lang, cls, text):
    POSTS.append((lang, cls, text))

# ---------------------------------------------------------------- English
# positives
P("en", "name_shorthand_no_cue",
  "ED board 03:00 — cubicle 7 [[patient_name:Okafor]] 77M chest pain, trop 48 then 112, cards aware. Anyone happy to push for a CCU bed before handover?")
P("en", "name_shorthand_age_90plus",
  "Resus 2 [[patient_name:Lindqvist]] [[age:94]]F found on the kitchen floor, long lie, CK 18k. Family want everything including filtration — how do you frame that conversation at 4 am?")
P("en", "name_shorthand_no_cue",
  "ICU list: bed 3 [[patient_name:Rautenbach]] day 6 ARDS, proned x2; bed 5 empty; bed 6 post-op AAA extubated. Who has the proning team rota for tonight?")
P("en", "name_title_degree",
  "GP referral for Prof. Dr. [[patient_name:Henrietta Vale]], new AF with rates in the 150s, eGFR 38. She wants something without INR checks — is apixaban 2.5 justified or is that underdosing?")
P("en", "name_particle",
  "MDT list Thursday: Mr [[patient_name:Pieter van Rensburg]], T3N1 low rectal after short-course RT. Surgeons are keen on TNT then watch-and-wait — any centre our size doing this well?")
P("en", "name_particle",
  "Tele-consult from the island clinic: [[patient_name:Marisol dos Santos]], 29+4, BP 158/104 with 2+ protein. Boat transfer tonight or magnesium and wait for the morning flight?")
P("en", "name_lowercase_cue",
  "pt is [[patient_name:jack merriweather]], the one who self-discharged last week, back with DKA pH 7.08. can diabetes see him before he walks again")
P("en", "name_repeated",
  "Handing over [[patient_name:Aurelia Whitcombe]] in side room 2, C. diff positive. [[patient_name:Aurelia]] gets very distressed on the commode, please use the hoist and restart the stool chart.")
P("en", "name_possessive",
  "Mr [[patient_name:Haddad]]'s daughter rang again about the PEG; I said we'd decide at Friday's MDT. Could SALT write their view in the notes before then?")
P("en", "name_initials_double_barrelled",
  "The referral letter says: 'Dear colleague, please see [[patient_name:T. J. Okonkwo-Bright]] with refractory ascites.' Is TIPS still on the table with a bilirubin of 64?")
P("en", "quoted_colleague_question",
  "Dr Farouk asked in the registrar group: 'what do we do with [[patient_name:Delphine Achterberg]]'s INR of 9, no bleeding?' I'd hold warfarin and give 2 mg oral vitamin K — agree?")
P("en", "age_words",
  "Our oldest on the ward, [[age:ninety-seven]] and sharp as a tack, is delirious since the catheter went in. Dipstick is useless at that age — treat or not?")
P("en", "age_paren_after_name",
  "Mrs [[patient_name:Penhaligon]] ([[age:93]]) on the frailty unit, Rockwood 6, fell overnight, CT head clear. Do you restart apixaban the same day?")
P("en", "birth_year_cue",
  "ICU admission overnight: DOB [[age:1931]], male, pneumococcal sepsis, lactate 6.2. Son says he'd never want ventilation — how do you document a verbal refusal at 3 am?")
P("en", "date_verb",
  "Admitted [[date:14/02]], intubated [[date:16/02]], still failing every SBT. Trach now or wait for the two-week mark?")
P("en", "date_words_obstetric",
  "She delivered on the [[date:3rd of March]] at 34 weeks and came back on [[date:March 11th]] with headache and BP 170/110. Postpartum pre-eclampsia this late — mag again?")
P("en", "record_prefixed",
  "Could pharmacy look at MRN [[record_number:40018273]]? Vanc trough 31 after three doses and the creatinine has doubled.")
P("en", "record_no_label",
  "[[record_number:RX-2291-0087]] still shows 'awaiting bed' on the tracker though he's been in CCU since lunch. Who fixes bed-state errors out of hours?")
P("en", "record_case_number_board",
  "Re case [[record_number:23/114872]] from Tuesday's tumour board — the second path opinion upgraded it to grade 3. Does that change the adjuvant plan?")
P("en", "relative_contact_paediatric",
  "[[patient_name:Milo Hartigan]], 4, LP done for ?meningitis. His dad Gareth asked us to ring him on [[phone:(413) 772-5018]] with the Gram stain; nights, can you do that?")
P("en", "phone_intl_telemedicine",
  "Telemedicine request from Dubai: tourist with STEMI, stented there, wants repatriation with a DAPT plan. Wife's number [[phone:+971 50 384 2917]] — who in cardiology takes these?")
P("en", "phone_words",
  "The mother gave her cell as [[phone:six one seven, four three eight, two two nine one]] — the switchboard can't find it in the system. Anyone know how to add a second contact?")
P("en", "digits_spaced_every_digit",
  "for the 2am review pls call the pt's husband on [[phone:3 1 2 8 4 6 2 0 9 3]], he's the HCP and wants updates re the GI bleed")
P("en", "invisible_chars",
  "Patient's own mobile for the video consult: [[phone:(503)\u200b 288\u200b-\u200b4417]] — the link keeps failing on her side. Phone her instead?")
P("en", "fullwidth_digits",
  "Billing rejected the claim again, the SSN on the form reads [[national_id:４１２-６３-８０９１]]. Is that even how we're supposed to enter it?")
P("en", "lookalike_chars",
  "Tried to call the daughter back on [[phone:(8O2) 463-l975]] from the discharge sheet but it looks mistyped. Does anyone have access to the old chart?")
P("en", "national_id",
  "Registration merged two records: his SSN is [[national_id:634-22-7719]] but the allergy list belongs to someone else. How do we unpick a merge safely?")
P("en", "mbi",
  "Medicare rejected the hospice election — MBI [[insurance_number:4HT7QJ2WR58]]. Does anyone know if the NOE has to be refiled or just corrected?")
P("en", "email",
  "Her son wants the discharge summary sent to [[email:k.ashworth.family@fastmail.co.uk]]. Are we allowed to email records to relatives if she consents?")
P("en", "email_obfuscated",
  "Pt asked me to send the food diary template to [[email:jgrady at protonmail dot com]]. Do we have a patient-safe version?")
P("en", "address_postal",
  "Home visit needed for a housebound man with leg ulcers at [[address:2217 Alder Creek Rd, Bozeman, MT]] [[postal_code:59715]]. Does community nursing cover that far out?")
P("en", "ip_address",
  "The remote BP monitor uploads from [[ip_address:73.189.44.206]] and the readings are all exactly 120/80 — do we think the device is faulty or the readings are made up?")
P("en", "url_record",
  "Check the echo report here [[url:https://emr.stlukes-north.org/chart/8837120/notes#echo]] and tell me if you'd still call it moderate AS.")
P("en", "url_crowdfunding",
  "Parents have started [[url:https://www.gofundme.com/f/help-baby-arlo-get-his-heart-op]] and the press has called the ward. What are we allowed to say?")
P("en", "licence_plate",
  "Trauma call: driver pulled out of the silver hatchback [[licence_plate:7KRT419]], GCS 9. Police want a blood alcohol sample — do we need consent?")
P("en", "device_serial",
  "Pacemaker clinic: SN [[device_serial:PJN418227S]] flagged on the recall list. Does every patient on the list need an in-person check?")
P("en", "device_serial_no_colon",
  "ICD serial [[device_serial:RZB604118H]] shows 3 inappropriate shocks overnight — lead noise? EP on-call isn't picking up.")
P("en", "iban",
  "The travel insurer wants to refund the patient directly to [[bank_account:AT47 1904 3012 3456 7890]]. Is finance or the ward supposed to process that?")
P("en", "obstetric_mother_baby",
  "Baby of [[patient_name:Chidinma Eze]] in SCBU, born [[date:02/11]] at 31+2, now on CPAP 6. Mum is asking if she can do kangaroo care with the UVC in.")
P("en", "oncology_board_birth_year",
  "Tumour board: [[patient_name:Rosalind Achebe-Marsh]], born [[age:1930]], ER+ HER2- 2 cm, lives alone. Primary endocrine therapy instead of surgery?")
P("en", "whatsapp_pasted",
  "fwd from night grp: \"pls review bd 12 [[patient_name:kowalczyk]] sats 88 on 4L ?PE ctpa pending ty\" — still no CTPA report, who's chasing?")
P("en", "age_100_birthday",
  "He turns [[age:100]] on Saturday and the family want him home for the party. Can we get oral antibiotics for the cellulitis and discharge him Friday?")
P("en", "age_words_hyphen",
  "Referral for a [[age:ninety-one]]-year-old with severe AS and syncope — is TAVI ever reasonable at that age if she's independent?")
P("en", "quoted_letter",
  "Letter header pasted: 'Re: Mr [[patient_name:Eamon Fitzgerald-Doyle]], DOB [[date:07/09/1954]], Hosp No. [[record_number:K0047731]]' — cardiology want us to see him re pre-op. Why is he on our list?")
P("en", "paediatric_child_and_parent",
  "Paeds: [[patient_name:Ivy Ramkissoon]], 22 months, with a button battery on X-ray. Mum (Shanice) arrived with the packet. Honey on the way to theatre?")
P("en", "date_dob_paediatric",
  "Neonatal jaundice review: DOB [[date:27.11.2026]], bili 312 at 70 hours, on the line for phototherapy. Do we repeat in 6 hours or start now?")
P("en", "name_lowercase_after_cue",
  "spoke to the family of mr [[patient_name:oyelaran]] re ceilings of care, they agreed to ward-based only. please update the escalation form")
P("en", "phone_local_handover",
  "Handover: bed 9 on home O2, her husband is the main carer, contact [[phone:617-438-2291]] any time, he's asked to be called if she deteriorates.")
P("en", "record_ed_number",
  "ED no. [[record_number:E26-0419-3382]] — 2nd attendance this week with chest pain, normal troponins. Anyone want to take a look before I refer to RACPC?")

# negatives
P("en", "neg_colleague_title",
  "Charge nurse Bernadette on 5B says the new sepsis screen is slowing triage. Dr Okonjo from ED will present the audit at Thursday's meeting.")
P("en", "neg_eponym",
  "Query Guillain-Barré versus CIDP in a man with 10 weeks of progressive weakness — IVIG again or start steroids?")
P("en", "neg_eponym",
  "Takotsubo or Wellens? Deep T inversion V1–V4, troponin modestly up, normal coronaries. How long do you keep them on beta-blockers?")
P("en", "neg_guideline_author",
  "Per Bernard et al. 2002 and the TTM2 trial, is there still any role for 33 °C after out-of-hospital arrest?")
P("en", "neg_age_under_90",
  "78-year-old with new AF and CHA2DS2-VASc 5, HAS-BLED 3. Would you anticoagulate before the colonoscopy or after?")
P("en", "neg_population_age",
  "The trial excluded patients aged 90 and over, so how do you apply it to the very old on our ward?")
P("en", "neg_nonagenarian",
  "How do people approach TAVI in nonagenarians? Our structural team seems to say no on age alone.")
P("en", "neg_labs",
  "K 6.8, Na 128, creatinine 412, bicarb 14. Calcium gluconate given, insulin-dextrose running — dialysis tonight or wait for the repeat?")
P("en", "neg_scores",
  "NEWS 7, qSOFA 2, GCS 11 (E3V3M5), lactate 3.4. Would you call ICU now or after the fluid bolus?")
P("en", "neg_doses",
  "Noradrenaline 0.32 mcg/kg/min plus vasopressin 0.03 units/min — at what point do you add hydrocortisone 50 mg q6h?")
P("en", "neg_codes",
  "Coding keeps rejecting I21.4 with Z95.5; is NSTEMI with an old stent coded differently? SNOMED 401314000 comes up in the order set too.")
P("en", "neg_loinc",
  "Lab switched the HbA1c to LOINC 4548-4 and now our dashboard shows blanks. Anyone else had this after the upgrade?")
P("en", "neg_guideline_date",
  "NICE NG136 was updated on 21 November 2023 — does the new home BP threshold change what we do for the over-80s?")
P("en", "neg_conference_date",
  "ESC Congress runs 29 August to 1 September; anyone presenting the registry data from our unit?")
P("en", "neg_historical_year",
  "Since the 1918 pandemic we haven't seen a flu season like this in the paediatric ward — anyone else's PICU full?")
P("en", "neg_version_iplike",
  "After the upgrade to Epic build 10.2.0.1 the MAR stopped showing PRN doses. IT says it's known — any workaround?")
P("en", "neg_doi_pmid",
  "For the steroid question see doi:10.1056/NEJMoa2021436 (PMID 32678530). Does anyone still use dexamethasone beyond 10 days?")
P("en", "neg_trial_id",
  "Is anyone recruiting to NCT04280705 follow-ups? We've had a few eligible patients and no one to refer them to.")
P("en", "neg_public_url",
  "The WHO guidance at https://www.who.int/publications/i/item/9789240034228 is clearer than our local SOP on oxygen in children.")
P("en", "neg_public_url",
  "NICE has the updated sepsis tool at https://www.nice.org.uk/guidance/ng51 — has anyone adapted it for maternity?")
P("en", "neg_hotline",
  "For the overdose on 6B, Poison Control at 1-800-222-1222 said to give NAC regardless of the level. Does anyone still use the 150 line?")
P("en", "neg_hotline",
  "Reminder: if a patient mentions suicidal thoughts after hours, 988 is the crisis line and the on-call psych is on bleep 4471.")
P("en", "neg_switchboard",
  "Switchboard at the tertiary centre is 020 7188 7188; ask for the ECMO coordinator, not the ICU reg.")
P("en", "neg_room_bed",
  "Bay C bed 14 needs a side room (MRSA), and room 22 on 7A is empty after the deep clean. Who's the bed manager today?")
P("en", "neg_device_model",
  "Anyone had issues with the Medtronic Azure XT DR and MRI scans? Radiology keeps refusing even with the conditional mode on.")
P("en", "neg_drug_brand",
  "Eliquis vs Xarelto for a patient on phenytoin — both interact, so is LMWH the only sane option?")
P("en", "neg_ninety_not_age",
  "Sats ninety percent on room air, RR 28, CXR clear — PE until proven otherwise?")
P("en", "neg_gestation",
  "At 34+2 weeks with PPROM, do you still give steroids and mag, or just steroids?")
P("en", "neg_paeds_weights",
  "Paeds fluid question: 12.4 kg toddler, 10 ml/kg bolus given twice, still tachy at 170. Third bolus or start inotropes?")
P("en", "neg_oncology_staging",
  "T2N0M0, ECOG 1, Ki-67 30 %, ER 8/8. Is Oncotype worth it or would you give chemo anyway?")
P("en", "neg_whatsapp",
  "gm all, any1 hv exp w/ tenecteplase in wake-up strokes? our protocol says MRI first but scanner down till 10. thx")
P("en", "neg_quoted_colleague",
  "Dr Adeyemi asked: 'is a glucose target of 90 mg/dl too tight for the DKA patients on the floor?' I'd say yes — thoughts?")
P("en", "neg_staff_shift",
  "Handover at 07:30 moved to 08:00 from Monday; Sister Okoro will run it from the nurses' station on ward 4.")
P("en", "neg_eponym_disease",
  "Hashimoto's with TSH 40 and new pericardial effusion — do you load levothyroxine or go low and slow given the heart?")
P("en", "neg_public_figure",
  "Since the Surgeon General's statement on loneliness, our social prescribing referrals doubled. Anyone funding a link worker?")
P("en", "neg_numbers_words",
  "Three units of red cells, two of FFP and one pool of platelets so far — is it time to activate the major haemorrhage protocol?")
P("en", "neg_year_range",
  "Our audit 2019–2024 showed 40 % of sepsis patients got antibiotics after the first hour. What helped in your unit?")
P("en", "neg_phone_like_range",
  "Reference range for ferritin is 30–400 ug/L here; the lab report prints it as 030-400 which confused the juniors.")
P("en", "neg_telemed_generic",
  "Our telehealth clinic now uses Zoom for Healthcare; anyone found a way to get vital signs in before the call?")
P("en", "neg_icu_shorthand",
  "ICU: PEEP 12, FiO2 0.6, P/F 110, plateau 29. Prone or ECMO referral first?")
P("en", "neg_obstetric_generic",
  "PPH 1.8 L after a normal delivery, tone poor despite syntocinon and carboprost. Balloon next or straight to theatre?")
P("en", "neg_bleep_extension",
  "Microbiology on-call is on extension 6620 until 17:00, then via switchboard. Stop calling the lab directly please.")
P("en", "neg_ip_in_docs",
  "The PACS viewer only works on the internal network (10.0.0.0/8 range per IT). Remote reporting needs the VPN.")
P("en", "neg_age_over_90_population",
  "In the over-90s, is there any evidence for statins in primary prevention, or do we deprescribe on admission?")
P("en", "neg_eponym_person_like",
  "Is Cushing's more likely than pseudo-Cushing's with a midnight salivary cortisol just above range? Endo wants dexamethasone suppression.")

# positives, second batch
P("en", "name_shorthand_short_surname",
  "Cubicle 12: [[patient_name:Ng]] 58M, paracetamol OD ~ 20 g staggered, ALT 3400, INR 2.9. Liver unit say 'call back if lactate rises' — is that normal practice?")
P("en", "name_apostrophe",
  "Mrs [[patient_name:O'Sullivan]] in HDU bed 2 is refusing the NG tube again; her sodium is 119 and still falling. Capacity assessment tonight or leave it for the day team?")
P("en", "twins_paediatric",
  "NICU: twins [[patient_name:Ada]] and [[patient_name:Leo Brennan]], day 3, both jaundiced, [[patient_name:Leo]]'s bili just under the line. Their father keeps asking if they can room in together — any unit doing co-bedding?")
P("en", "telemedicine_url_record",
  "Video consult room for Mrs [[patient_name:Beaumont]] is [[url:https://telehealth.northvale.org/room/beaumont-8841]] at 14:00 — can someone from palliative join? She wants to talk about stopping dialysis.")
P("en", "birth_year_b_dot",
  "Falls clinic referral: b. [[age:1927]], lives with his daughter, three falls since summer, orthostatic drop of 40. Would you stop the tamsulosin first?")
P("en", "age_aged_102",
  "Anyone had a patient aged [[age:102]] on the acute take with a GI bleed? Family want scope, gastro say no. Who decides?")
P("en", "date_iso",
  "Discharged [[date:2026-11-18]] on rivaroxaban, readmitted two days later with melaena. Restart after the OGD, or switch agent?")
P("en", "record_hash_label",
  "hosp# [[record_number:5583104]] — radiology report mentions 'incidental 2 cm adrenal lesion' and no one has actioned it. Whose job is it on the medical take?")
P("en", "record_accession",
  "Can a radiologist look at accession [[record_number:RAD-7712093]]? Registrar reported it as normal but I think there's free air under the right hemidiaphragm.")
P("en", "phone_uk_relative",
  "Next of kin lives in London, daughter's number is [[phone:+44 20 7946 0321]]. Anyone know if we can do the best-interests meeting by phone?")
P("en", "national_id_ssn_spaced",
  "The disability form has his SSN as [[national_id:529 17 4486]] and asks for our diagnosis. Is it OK to fill this in on the ward or does it go to social work?")
P("en", "name_patient_with_dr_title",
  "Tricky one: the patient is Dr [[patient_name:Ifeoma Nwachukwu]], a retired anaesthetist, who wants to manage her own PCA settings. How do you handle professional patients on your unit?")
P("en", "quoted_colleague_question",
  "From the surgical SHO: \"can I give [[patient_name:Petrosyan]] enoxaparin tonight, platelets 48?\" I said no — what's everyone's cut-off?")
P("en", "oncology_board_dob_full",
  "Tumour board case 7 — [[patient_name:Mateus Okoye-Lind]], DOB [[date:22/03/1948]], pancreatic head mass abutting the SMV. Biopsy via EUS or straight to surgery?")
P("en", "whatsapp_pasted_lowercase",
  "pasting from the night group: 'anyone free? bay 3 [[patient_name:mcgillivray]] 74m cp + st elev inf leads, cath lab called' — did he get to the lab in time?")
P("en", "age_paren_y_o",
  "Ortho geriatrics: Mr [[patient_name:Adebayo-Finch]] ([[age:98]] y/o) with a periprosthetic fracture. Anaesthetics want a TTE first — is that really needed?")
P("en", "phone_local_mobile_paeds",
  "Paeds ED: toddler with a bead in the nose, mum had to leave to get the other kids — her cell is [[phone:(720) 384-9152]], please ring before sedation.")

# negatives, second batch
P("en", "neg_age_under_90_shorthand",
  "Cubicle 7: 84M NSTEMI, cubicle 9: 67F pyelo, cubicle 11: empty. Who's taking the next ambulance?")
P("en", "neg_bed_number_90plus",
  "Bed 91 on the overflow ward has no working call bell and bed 94 no oxygen port. Estates say next week — can we stop using them?")
P("en", "neg_eponym_scores",
  "Apgars 6 and 9, Wells score 6, Hartmann's running at 125 ml/h. Who writes up the Kleihauer for the mother?")
P("en", "neg_icd_age_code",
  "Should we code R54 (age-related physical debility) for the frailty admissions, or does that hurt the tariff?")
P("en", "neg_rota_dates",
  "Rota for 24/12 and 31/12 is out; swaps by Friday please. The paediatric sim session is on 9 January.")
P("en", "neg_public_figure_author",
  "Didn't Sackett say evidence-based medicine was never meant to replace judgement? Our new pathway feels like the opposite.")
P("en", "neg_whatsapp_staff",
  "msg from Priya (ICU CNS): 'pls stop sending pts up without a DNACPR conversation documented' — fair point, can we add it to the checklist?")
P("en", "neg_oncology_trial",
  "Anyone enrolling into KEYNOTE-671 style perioperative pembro outside the trial? The NICE TA is TA876 I think.")
P("en", "neg_telemed_platform",
  "Our tele-ICU vendor pushed version 3.14.2 and the camera zoom broke. Support line is 1-800-555-0199 but nobody answers overnight.")
P("en", "neg_paeds_percentiles",
  "Weight on the 0.4th centile, head circumference 91st — is that disproportion enough to refer to genetics?")
P("en", "neg_obstetric_shorthand",
  "G4P3, 39+1, SROM 22 h, GBS unknown, maternal temp 38.2 — benzylpenicillin or cefuroxime plus metronidazole?")
P("en", "neg_ninety_percent_words",
  "Ninety percent of our sepsis alerts are false positives. Has anyone tuned the NEWS trigger thresholds?")

# positives, third batch
P("en", "quoted_letter_uppercase",
  "Discharge summary pasted from the other site: 'Name: [[patient_name:BELINDA QUARSHIE]] | Age: [[age:90]] | Adm: [[date:11/19/2026]] | MRN: [[record_number:0092-4471]]' — why was she sent home on apixaban and clopidogrel together?")
P("en", "invisible_chars_in_name",
  "Bay 2: pt [[patient_name:Hal\u200bvorsen]] refusing bloods again, MCA done and he has capacity. Do we just document and stop asking?")
P("en", "address_postal_apartment",
  "Home oxygen order keeps bouncing: the supplier needs the delivery address as [[address:88 Winthrop St, Apt 4B, Medford, MA]] [[postal_code:02155]], not the PO box. Who signs the HOOF form?")
P("en", "ip_address_v6",
  "The patient's home dialysis machine phones in from [[ip_address:2600:1700:3ec1:8e0::4b]] and the treatment logs look truncated. Who do we call at the vendor?")
P("en", "licence_plate_uk",
  "Security asked whether the car [[licence_plate:LB19 XKT]] parked in the ambulance bay belongs to the man in resus 3 — can we confirm that to them?")
P("en", "name_lowercase_no_cue_whatsapp",
  "kindly see [[patient_name:okeke]] bay 6 when free, K 2.6 on repeat, replacing iv, ?needs mg too")
P("en", "age_words_ninety_nine",
  "Aged [[age:ninety-nine]], lives independently, now a trimalleolar fracture. Ortho say cast only — would you push for fixation?")
P("en", "phone_ext_relative",
  "Son works nights; call his work line [[phone:+1 (646) 381-2074]] and ask for him by name, he says the mobile has no signal in the warehouse.")

# negatives, third batch
P("en", "neg_public_hotline",
  "For newly diagnosed patients we hand out the Parkinson's UK helpline, 0808 800 0303. Anyone have a similar number for MND?")
P("en", "neg_eponyms_signs",
  "Beck's triad on arrival, Kussmaul's sign too, and Osler nodes on the fingertips — tamponade plus endocarditis, or am I overcalling?")
P("en", "neg_historical_building_year",
  "Our ward block opened in 1931 and still has no en-suite side rooms; IPC want 12 more isolation beds by spring.")
P("en", "neg_policy_age_number",
  "Our ICU admission policy says age 90 alone is not a reason to decline referral. Does anyone have a frailty-based alternative?")

# ---------------------------------------------------------------- German
# positives
P("de", "name_shorthand_age_90plus",
  "ZNA-Übergabe: Box 3 [[patient_name:Szymanek]] [[age:91]]m, Urosepsis, Lactat 4,1, 2 l Ringer drin. Wer nimmt ihn auf die IMC, oder bleibt er bei uns bis morgen?")
P("de", "name_shorthand_no_cue",
  "ITS-Liste: Bett 2 [[patient_name:Hoffmeister]] Tag 4 nach Reanimation, Bett 4 frei, Bett 7 [[patient_name:Okonkwo]] Weaning läuft. Hat jemand heute Nacht Zeit für die Tracheotomie-Aufklärung?")
P("de", "name_title_degree",
  "Zuweisung von Herrn Dipl.-Ing. [[patient_name:Rüdiger Hallstein]] aus der Hausarztpraxis: neu aufgetretenes Vorhofflimmern, Frequenz 140. Würdet ihr vor der Kardioversion ein TEE machen oder reicht die Antikoagulation?")
P("de", "name_title_degree",
  "Telekonsil: Frau Dr. med. [[patient_name:Almut Seebach]], selbst pensionierte Internistin, lehnt die Koloskopie ab. Wie dokumentiert ihr so eine informierte Ablehnung sauber?")
P("de", "name_lowercase_cue",
  "pat. [[patient_name:kuhlmann]] hat heute nacht wieder den ZVK gezogen, fixierung lehnt die betreuerin ab. wie handhabt ihr das auf der ITS?")
P("de", "name_possessive_apostrophe",
  "Frau [[patient_name:Kraus]]' Tochter möchte, dass wir die PEG-Anlage verschieben, bis der Bruder aus Kanada da ist. Ist das bei klarer Indikation vertretbar?")
P("de", "name_possessive_genitive",
  "Herrn [[patient_name:Degenhardt]]s Ehefrau hat die Patientenverfügung mitgebracht — sie widerspricht der Dialyse. Müssen wir das Betreuungsgericht einschalten?")
P("de", "name_particle",
  "Tumorkonferenz Mittwoch: Frau [[patient_name:von Ahlefeldt]], Pankreaskopf-Ca, borderline resektabel nach FOLFIRINOX. Operieren wir oder noch zwei Zyklen?")
P("de", "name_particle",
  "Herr [[patient_name:ter Horst]] aus Zimmer 5 fragt nach einer Zweitmeinung zur Prostatektomie. Wen könnt ihr in der Region empfehlen?")
P("de", "name_repeated",
  "Übergabe: [[patient_name:Edeltraud Pfannkuch]], Pneumonie rechts, unter Ampicillin/Sulbactam. Frau [[patient_name:Pfannkuch]] isst kaum, bitte Logopädie anmelden und Flüssigkeitsbilanz fortführen.")
P("de", "quoted_letter",
  "Aus dem Arztbrief kopiert: 'Wir berichten über Ihre Patientin Frau [[patient_name:Gisela Thamm]], geb. [[date:12.05.1938]], die sich vom [[date:02.11.]] bis [[date:14.11.]] in unserer stationären Behandlung befand.' Die Medikation passt nicht zur Diagnose — wer kennt sich mit Pyridostigmin aus?")
P("de", "age_jaehrige",
  "Eine [[age:93]]-jährige mit Oberschenkelhalsfraktur, Herzinsuffizienz NYHA III, Anästhesie will nicht. Hat jemand Erfahrung mit Femoralisblock und konservativem Vorgehen?")
P("de", "birth_year_jg",
  "Geriatrie-Anfrage: Pat. Jg. [[age:1930]], zunehmend verwirrt, Natrium 121 unter Citalopram. Absetzen und abwarten oder gleich NaCl?")
P("de", "birth_year_jahrgang",
  "Jahrgang [[age:1934]], Z. n. Apoplex, jetzt Aspirationspneumonie zum dritten Mal — würdet ihr nochmal eine PEG anbieten?")
P("de", "age_words",
  "Die Dame ist [[age:zweiundneunzig]] und fährt noch selbst Auto, jetzt Synkope unklarer Genese. Führerschein-Aufklärung vor oder nach dem Langzeit-EKG?")
P("de", "age_paren_after_name",
  "Herr [[patient_name:Wieczorek]] ([[age:96]]) wurde vom Pflegeheim mit Sturz eingewiesen, Hb 7,9. Transfusion bei dem Alter und Wunsch nach 'keine Maßnahmen'?")
P("de", "date_verb",
  "Der Patient wurde am [[date:17.11.]] aufgenommen und am [[date:19.11.]] operiert, seitdem Fieber. Wer von euch schaut sich heute die Wunde an?")
P("de", "date_words",
  "Sie kam am [[date:dritten Oktober]] mit Blutungen in der 11. SSW, jetzt Wiedervorstellung mit β-hCG-Anstieg. Extrauterin?")
P("de", "record_prefixed",
  "Bitte mal in Aufnahme-Nr. [[record_number:2026-118374]] reinschauen: Kalium 6,9, aber die Probe war hämolytisch. Kontrolle schon da?")
P("de", "record_no_label",
  "[[record_number:U-26-00731]] steht noch als 'ambulant' im KIS, obwohl sie seit gestern stationär liegt. Wer korrigiert das am Wochenende?")
P("de", "record_prefixed",
  "Fallnummer [[record_number:F26/40917]]: Histologie zeigt doch ein Adenokarzinom. Kommt der Fall in die Tumorkonferenz am Mittwoch?")
P("de", "phone_local",
  "Die Betreuerin ist nur mobil erreichbar: [[phone:0151 28374619]]. Kann die Nachtschicht sie anrufen, falls er sich verschlechtert?")
P("de", "phone_intl",
  "Telemedizin-Anfrage: Urlauber aus Wien mit Lungenembolie, die Frau bittet um Rückruf unter [[phone:+43 664 1839204]]. Wer übernimmt die Verlegungsplanung?")
P("de", "phone_words",
  "Der Sohn hat seine Nummer diktiert: [[phone:null eins sechs null, neun eins acht zwei sieben drei sechs vier]]. Bitte in die Kontakte der Patientin eintragen.")
P("de", "digits_spaced_every_digit",
  "Rückruf an die Ehefrau bitte unter [[phone:0 1 7 0 3 9 4 8 2 7 1]], sie möchte beim Aufklärungsgespräch zur Chemo dabei sein.")
P("de", "fullwidth_digits",
  "Festnetznummer der Patientin aus dem Fax der Sozialstation, sieht komisch aus: [[phone:０２２１ ９３８４７１０]]. Kann jemand die Zeichen im KIS korrigieren?")
P("de", "invisible_chars",
  "KVNR für den Reha-Antrag: [[insurance_number:T58\u200b102\u200b934\u200b7]] — die Kasse sagt, die Nummer existiert nicht. Wer hat Erfahrung mit dem Antrag bei der DRV?")
P("de", "soft_hyphen_in_number",
  "Für das Pflegegeld brauchen sie die Steuer-ID [[national_id:819273\u00ad04853]], der Sozialdienst fragt, ob wir die weitergeben dürfen.")
P("de", "lookalike_chars",
  "Versichertennummer laut Karte [[insurance_number:\u041c402918378]], aber das Lesegerät meldet Fehler. Ersatzverfahren oder Privatrechnung?")
P("de", "kvnr",
  "Die eGK ist abgelaufen, KVNR [[insurance_number:B728391048]] — reicht die Bescheinigung der Kasse für die Aufnahme?")
P("de", "national_id",
  "Steuer-ID [[national_id:26491035289]] steht auf dem Antrag für die Haushaltshilfe, gehört das überhaupt in die Patientenakte?")
P("de", "iban",
  "Der Patient will die Zuzahlung überweisen: IBAN [[bank_account:DE65 5001 0517 0648 2917 35]]. Ist das das Konto der Klinik? Kommt mir falsch vor.")
P("de", "iban_no_label",
  "Spendenkonto für die Familie steht auf dem Flyer im Stationszimmer: [[bank_account:DE27760100850918273645]]. Dürfen wir den hängen lassen?")
P("de", "email",
  "Die Tochter möchte die Befunde an [[email:h.oltmanns@t-online.de]] geschickt bekommen. Schweigepflichtentbindung liegt vor, reicht das?")
P("de", "email_obfuscated",
  "Pat. bittet um den Ernährungsplan per Mail: [[email:ralf punkt brenneke at gmx punkt de]]. Machen wir sowas überhaupt?")
P("de", "address_postal",
  "SAPV-Anfrage für einen Patienten in der [[address:Mühlenstraße 14]], [[postal_code:33602]] Bielefeld. Ist das noch euer Versorgungsgebiet?")
P("de", "licence_plate",
  "Polizei fragt nach dem Fahrer des Wagens [[licence_plate:HD-LR 902]], der mit Polytrauma im Schockraum liegt. Was dürfen wir sagen?")
P("de", "url_record",
  "Befund liegt hier: [[url:https://kis.klinikum-suedstadt.de/fall/2026-118374/befunde]] — kann ein Radiologe drüberschauen, ob das eine Dissektion ist?")
P("de", "url_social",
  "Die Mutter postet täglich über die Leukämie ihres Kindes auf [[url:https://www.instagram.com/lenas_kampf_gegen_all]] inklusive Fotos von der Station. Wie geht ihr damit um?")
P("de", "ip_address",
  "Das Telemonitoring-Gateway des Patienten meldet sich von [[ip_address:84.163.201.17]], aber die Werte kommen doppelt. Weiß jemand, wen man beim Hersteller anruft?")
P("de", "device_serial",
  "Insulinpumpe SN [[device_serial:INS-7730-2291]] zeigt ständig Okklusionsalarm. Tauschen oder erst Katheter wechseln?")
P("de", "device_serial_no_colon",
  "Herzschrittmacher Seriennummer [[device_serial:HMR0431877]] auf der Rückrufliste — braucht der Patient eine Abfrage vor der MRT?")
P("de", "obstetric_mother_baby",
  "Kreißsaal: Frau [[patient_name:Yılmaz]], G2P2, Sectio am [[date:22.11.]] bei 38+5 wegen suspektem CTG. Das Kind ([[patient_name:Elif]]) liegt seitdem mit Atemnotsyndrom auf der Neo — wer macht die Übergabe an die Kinderärzte?")
P("de", "paediatric_child_and_parent",
  "Pädiatrie-Konsil: [[patient_name:Jonas Albers]], 6 J., Fieber seit 5 Tagen, Erdbeerzunge. Der Vater (Herr Tiedemann) fragt, ob Geschwister ansteckend sein könnten. Kawasaki behandeln ohne Echo?")
P("de", "whatsapp_pasted",
  "aus der WhatsApp-Gruppe weitergeleitet: \"hi zusammen, frau [[patient_name:pietsch]] auf der 4b hat seit heute früh 39,2 und SpO2 89, kann wer gucken? lg\" — wer ist heute für die 4b zuständig?")
P("de", "quoted_colleague_question",
  "Kollegin aus der Chirurgie fragt: 'Soll ich bei Herrn [[patient_name:Brockhaus]] das Clopidogrel vor der Cholezystektomie pausieren?' Stent ist 4 Monate alt — was sagt ihr?")
P("de", "name_hyphenated",
  "Frau [[patient_name:Schulze-Ebbinghaus]], Z. n. Mamma-Ca, jetzt neue Leberläsionen. Biopsie oder gleich PET-CT?")
P("de", "oncology_board_birth_year",
  "Tumorkonferenz: Hr. [[patient_name:Kaczmarek]], geb. [[age:1939]], NSCLC IIIA, PD-L1 60 %. Würdet ihr ihm noch eine Radiochemo zutrauen?")
P("de", "age_101_birthday",
  "Sie feiert am Sonntag ihren [[age:101]]. Geburtstag und will unbedingt nach Hause. Entlassung mit oraler Antibiose vertretbar?")
P("de", "date_dob_paediatric",
  "Neugeborenes, geb. [[date:28.11.2026]], Bilirubin 18 mg/dl am 3. Lebenstag. Fototherapie oder erst Kontrolle?")
P("de", "phone_local_landline",
  "Hausbesuch-Rückruf bitte unter [[phone:06221 5639827]], der Patient hört schlecht, also laut sprechen.")
P("de", "name_lowercase_after_cue",
  "herr [[patient_name:wendeborn]] auf zimmer 12 klagt über neu aufgetretene doppelbilder — neuro konsil heute noch oder morgen früh?")
P("de", "record_kis_number",
  "KIS-Nr. [[record_number:004938176]] — die Laborwerte von heute fehlen, obwohl die Blutentnahme um 6 Uhr war. Problem bekannt?")

# negatives
P("de", "neg_staff_title",
  "OÄ Dr. Brinkmann hat heute Hintergrund, Schwester Irmgard von der 3B übernimmt die Koordination der Betten. Fragen bitte an sie.")
P("de", "neg_staff_title",
  "Chefarzt Prof. Lindner möchte ab Montag die Visite um 8:30 statt 9:00. Bitte den Dienstplan anpassen.")
P("de", "neg_eponym",
  "Morbus Crohn mit Fistel, Infliximab-Spiegel niedrig — Dosis erhöhen oder auf Ustekinumab wechseln?")
P("de", "neg_eponym",
  "Hashimoto-Thyreoiditis mit TSH 12 in der 8. SSW: wie schnell steigert ihr das L-Thyroxin?")
P("de", "neg_eponym",
  "Parkinson-Patient nüchtern vor OP — Rotigotin-Pflaster oder L-Dopa über die Magensonde?")
P("de", "neg_eponym",
  "Alzheimer-Demenz im Delir: Haloperidol oder lieber Melperon? Die Leitlinie ist da nicht eindeutig.")
P("de", "neg_drug_brand",
  "Marcumar auf Eliquis umstellen bei INR 2,4 — ab welchem INR startet ihr das Apixaban?")
P("de", "neg_drug_brand",
  "Novalgin i.v. bei Agranulozytose-Anamnese in der Familie — geht ihr auf Paracetamol oder Ibuprofen?")
P("de", "neg_age_under_90",
  "87-jährige mit Vorhofflimmern, Sturzneigung, HAS-BLED 3. Antikoagulation ja oder nein?")
P("de", "neg_population_age",
  "In der Studie wurden Patienten über 90 Jahre ausgeschlossen — übertragen wir die Ergebnisse trotzdem?")
P("de", "neg_labs",
  "Hb 6,8 g/dl, MCV 72, Ferritin 8. Zwei EKs oder reicht Eisen i.v.?")
P("de", "neg_blood_gas",
  "BGA: pH 7,21, pCO2 68, HCO3 27, Lactat 1,2. NIV starten oder gleich intubieren?")
P("de", "neg_scores",
  "SOFA 9, APACHE II 24, RASS -3 unter Propofol. Sedierungspause heute früh oder erst nach dem CT?")
P("de", "neg_codes_icd_ops",
  "MDK streicht die Kodierung I50.14 mit OPS 8-980.10. Wie begründet ihr die Komplexbehandlung?")
P("de", "neg_codes_ebm",
  "Welche GOP rechnet ihr für das Telekonsil ab — 01670 oder 01671? Die KV hat uns zweimal gekürzt.")
P("de", "neg_pzn",
  "Apotheke liefert PZN 04853107 statt des Originals — ist das Generikum bei Epilepsie wirklich gleichwertig?")
P("de", "neg_guideline_date",
  "Die S3-Leitlinie Sepsis (Stand 12/2025) empfiehlt jetzt Balancierte Kristalloide als Standard. Habt ihr die SOP schon angepasst?")
P("de", "neg_conference_date",
  "DIVI-Kongress vom 2. bis 4. Dezember in Hamburg — fährt jemand aus der Abteilung hin?")
P("de", "neg_historical_year",
  "Seit dem Contergan-Skandal 1961 sind wir bei Thalidomid vorsichtig, aber beim Myelom ist es Standard. Wie klärt ihr auf?")
P("de", "neg_version",
  "Nach dem Update auf ORBIS 08.04.3 werden die Anordnungen nicht mehr gedruckt. Hat jemand einen Workaround?")
P("de", "neg_public_url",
  "Die aktuelle Leitlinie findet ihr unter https://register.awmf.org/de/leitlinien/detail/079-001 — bitte nicht mehr die alte PDF nutzen.")
P("de", "neg_public_url",
  "RKI-Empfehlung zur Masern-PEP: https://www.rki.de/DE/Content/Infekt/EpidBull/Merkblaetter/Ratgeber_Masern.html — gilt die auch für Säuglinge unter 6 Monaten?")
P("de", "neg_hotline",
  "Bei Vergiftungen bitte direkt den Giftnotruf Berlin 030 19240 anrufen, nicht die Notaufnahme. Außerhalb der Praxiszeiten hilft die 116117.")
P("de", "neg_hotline",
  "Reminder für die neuen Kollegen: Rettungsdienst 112, Telefonseelsorge 0800 1110111. Stehen auch am Stationstelefon.")
P("de", "neg_switchboard",
  "Die Zentrale der Uniklinik erreicht ihr unter 0761 270-0, den ECMO-Dienst über die Pforte verlangen.")
P("de", "neg_room_bed",
  "Zimmer 214 Bett 2 braucht Isolation (MRGN), Zimmer 220 ist frei. Wer hat heute den Bettendienst?")
P("de", "neg_device_model",
  "Die Dräger Evita V800 zeigt nach dem Update falsche Tidalvolumina. Hat das jemand der Medizintechnik gemeldet?")
P("de", "neg_ninety_not_age",
  "Sättigung neunzig Prozent unter 2 l, Atemfrequenz 26 — HFNC oder gleich NIV?")
P("de", "neg_numbers_words",
  "Zwei EKs, ein FFP und drei Einheiten Thrombozyten bisher — wann aktiviert ihr das Massivtransfusionsprotokoll?")
P("de", "neg_gestation",
  "38+5 SSW, Beckenendlage, Wunsch nach vaginaler Geburt — wer bei euch begleitet das noch?")
P("de", "neg_paeds_doses",
  "Ibuprofen 10 mg/kg bei 14 kg Kind, also 140 mg — reicht das als Einzeldosis oder lieber Paracetamol dazu?")
P("de", "neg_oncology_generic",
  "cT3 cN1 M0, ECOG 1, MSI-high. Würdet ihr neoadjuvant Immuntherapie geben oder klassisch FLOT?")
P("de", "neg_whatsapp",
  "moin, hat jmd erfahrung mit tenecteplase beim wake-up stroke? MRT ist bis 10 uhr down. danke!")
P("de", "neg_quoted_colleague",
  "OA Dr. Kessler fragte in der Frühbesprechung: 'Ab welchem Procalcitonin setzt ihr ab?' Bei uns 0,5 — wie bei euch?")
P("de", "neg_telemed_generic",
  "Unser Telekonsil-System läuft jetzt über die TI, Zertifikate kommen bis Ende Januar. Wer hat schon Erfahrungen?")
P("de", "neg_icu_shorthand",
  "ITS: PEEP 14, FiO2 0,7, Horowitz 95, Plateau 30. Bauchlage oder ECMO-Zentrum anrufen?")
P("de", "neg_year_range",
  "Unsere Auswertung 2019–2024 zeigt 38 % Antibiose nach mehr als einer Stunde. Was hat bei euch geholfen?")
P("de", "neg_ik",
  "Die Abrechnung läuft über das IK 260530283 der Klinik — ist das für die Reha-Überleitung richtig?")
P("de", "neg_public_figure",
  "Seit Lauterbachs Krankenhausreform reden alle über Level-1i-Häuser. Wie bereitet ihr euch vor?")
P("de", "neg_nonagenarian",
  "Wie geht ihr bei Hochbetagten über neunzig mit der Frage nach Reanimation bei Aufnahme um?")
P("de", "neg_eponym_syndrome",
  "Guillain-Barré oder Miller-Fisher bei Ophthalmoplegie und Ataxie? GQ1b-Antikörper dauern eine Woche.")
P("de", "neg_dates_nonpatient",
  "Ab 1. Januar gilt die neue Dienstvereinbarung, die Fortbildung am 15. Januar ist Pflicht.")

# positives, zweiter Teil
P("de", "name_diacritics_shorthand",
  "ZNA Box 5: [[patient_name:Nguyễn]] 47w, Anaphylaxie nach Wespenstich, 2x Adrenalin i.m. Beobachtung 6 oder 24 Stunden?")
P("de", "dob_asterisk",
  "Aus dem Überleitungsbogen: Frau [[patient_name:Lüdecke]], * [[date:14.03.1931]], Pflegegrad 4, Dekubitus sakral Grad 3. Wer versorgt solche Wunden ambulant in Spandau?")
P("de", "birth_year_geb",
  "Telekonsil aus der Reha: Pat. geb. [[age:1928]], neues Vorhofflimmern nach Hüft-TEP. Lohnt sich Antikoagulation noch, CHA2DS2-VASc 5?")
P("de", "age_jaehriger_no_hyphen",
  "Ein [[age:98]]jähriger mit Ileus, Chirurgie will nicht operieren. Wer hat Erfahrung mit palliativer Ableitung über die Magensonde?")
P("de", "date_weekday",
  "Entbindung war am [[date:Montag, 16.11.]], seit gestern Fieber und übelriechende Lochien. Endometritis — ambulant oder stationär?")
P("de", "kvnr_spaced",
  "Kasse sagt, die Versichertennummer [[insurance_number:R 163 902 857]] gehört zu einer anderen Person. Wie gehen wir mit der Aufnahme um?")
P("de", "phone_intl_plus49",
  "Der Neffe bittet um Rückruf unter [[phone:+49 89 21804472]], er ist der Bevollmächtigte. Wer führt das Gespräch zur Therapiezieländerung?")
P("de", "twins_paediatric",
  "Neo: Zwillinge [[patient_name:Mia]] und [[patient_name:Ben Kowalski]], 32+0, beide CPAP. Die Eltern fragen nach Känguruhen trotz Nabelkatheter — macht ihr das?")
P("de", "url_video_consult",
  "Link zur Videosprechstunde: [[url:https://video.praxis-am-ring.de/r/x7Kp2-wendland]] — kann jemand aus der Palliativmedizin um 15 Uhr dazukommen?")
P("de", "name_title_prof_patient",
  "Herr Prof. Dr. [[patient_name:Eberhard Quandt]] liegt privat auf der 7, verlangt täglich Chefarztvisite und lehnt die Heparinprophylaxe ab. Wie dokumentiert ihr das?")
P("de", "whatsapp_pasted_time",
  "[22:14] OA Hintergrund: \"Hr. [[patient_name:Scholz-Wiener]] auf IMC 3 braucht Noradrenalin, bitte ITS-Bett klären\" — hat jemand schon mit der ITS gesprochen?")
P("de", "quoted_colleague_question",
  "Frage aus der Hausarztpraxis weitergeleitet: 'Kann ich Frau [[patient_name:Oberländer]] mit eGFR 24 noch Metformin geben?' Ich würde absetzen — Meinungen?")
P("de", "age_words_hundert",
  "Der Patient wird nächste Woche [[age:hundert]] und der Bürgermeister will zum Gratulieren auf die Station kommen. Dürfen wir das zulassen?")
P("de", "record_labor_nr",
  "Labor-Auftragsnr. [[record_number:L26-3391027]]: Troponin ist zweimal verschwunden. Muss ich neu abnehmen lassen?")
P("de", "phone_mobile_relative_paeds",
  "Mama von dem Kleinen mit Fieberkrampf ist nur unter [[phone:0157 73920184]] erreichbar, bitte vor der LP anrufen.")
P("de", "licence_plate_city",
  "Der Rettungsdienst hat den Fahrer aus dem Wagen [[licence_plate:M-AB 4721]] gebracht, BAK wird von der Polizei verlangt. Braucht es einen richterlichen Beschluss?")

# negatives, zweiter Teil
P("de", "neg_bed_number_90plus",
  "Zimmer 93 und Bett 91 auf der Überlaufstation haben keinen Sauerstoffanschluss. Bitte dort keine Patienten mit O2-Bedarf hinlegen.")
P("de", "neg_age_under_90",
  "85-jähriger mit Pneumonie, CRB-65 von 2 — stationär oder mit Pflegedienst zu Hause lassen?")
P("de", "neg_eponym_scores",
  "Apgar 8/9/10, Nabelschnur-pH 7,28, trotzdem stöhnt das Kind nach 20 Minuten. Ruft ihr da sofort die Neo oder wartet ihr die zweite BGA ab?")
P("de", "neg_eponym_law",
  "Virchow-Trias erfüllt, Wells-Score 5 — trotzdem D-Dimere oder direkt CT?")
P("de", "neg_staff_consultant",
  "Dr. Schmidt aus der Neurologie hat heute Hintergrund, Pflegeleitung Frau Bartels ist bis 16 Uhr im Haus.")
P("de", "neg_basedow",
  "Morbus Basedow mit TRAK 18, Thiamazol 20 mg, jetzt Agranulozytose-Verdacht. Radiojod oder Thyreoidektomie?")
P("de", "neg_whatsapp_staff",
  "aus der Stations-Gruppe: \"Leute, die Pumpe in Zi. 4 piept wieder, bitte Biomed anrufen\" — Biomed ist unter Durchwahl 4410 erreichbar.")
P("de", "neg_guideline_version",
  "ESC-Leitlinie Herzinsuffizienz 2023 Focused Update: Empfehlungsgrad IA für SGLT2-Hemmer auch bei HFpEF — setzt ihr das schon um?")
P("de", "neg_lab_ranges",
  "Referenzbereich TSH 0,27–4,20 mU/l, fT4 12–22 pmol/l. Wie interpretiert ihr TSH 0,1 unter Amiodaron?")
P("de", "neg_oncology_codes",
  "C34.1 mit OPS 5-324.a1 — die Tumordokumentation verlangt noch den ICD-O-Code 8140/3. Wer pflegt das bei euch?")
P("de", "neg_neunzig_words",
  "Neunzig Prozent unserer Anfragen im Telekonsil betreffen Antikoagulation. Gibt es dafür eine gemeinsame SOP?")

# positives, dritter Teil
P("de", "quoted_letter_uppercase_inverted",
  "Aus dem Etikett kopiert: '[[patient_name:KRÜGER, HILDEGARD]] * [[date:02.02.1933]] Fall [[record_number:26011873]]' — das Etikett klebt auf den Blutkulturen eines anderen Patienten. Meldung ins CIRS?")
P("de", "invisible_chars_in_name",
  "Frau [[patient_name:Ha\u200bbermann]] auf der Stroke Unit hat eine neue Aphasie nach der Lyse. Kontroll-CT sofort oder nach 24 h?")
P("de", "address_postal_leipzig",
  "Entlassung nach Hause: [[address:Am Lindenhof 3a]], [[postal_code:04109]] Leipzig, 4. OG ohne Aufzug. Schafft ihr das mit Pflegegrad 3 und Rollator?")
P("de", "email_birth_year_in_address",
  "Die Patientin will den Medikationsplan an [[email:m.grabowski1934@web.de]] geschickt bekommen. Dürfen wir unverschlüsselt mailen, wenn sie es ausdrücklich möchte?")
P("de", "name_dative_cue",
  "Bei Frau [[patient_name:Ahrens]] ist seit heute das Troponin dynamisch, EKG unauffällig. Herzkatheter heute noch oder morgen elektiv?")
P("de", "ip_address_telemonitoring",
  "Herzinsuffizienz-Telemonitoring: das Tablet des Patienten hat die IP [[ip_address:91.47.212.9]] und sendet seit drei Tagen nichts. Wer ist zuständig?")

# negatives, dritter Teil
P("de", "neg_historical_surgeon",
  "Sauerbruch hätte das wohl anders gesehen — aber würdet ihr heute bei einem Pleuraempyem noch primär thorakotomieren?")
P("de", "neg_eponym_surgery",
  "Z. n. Billroth II, jetzt Dumping-Syndrom, Alvarado-Score hier irrelevant — hilft Acarbose bei Spätdumping?")
P("de", "neg_population_hochbetagte",
  "Im Register waren 14 % der Patienten 90 Jahre und älter. Wie viele davon bekamen eine TAVI?")

# ---------------------------------------------------------------- Hindi (Devanagari + Hinglish)
# positives
P("hi", "name_after_hindi_cue",
  "मरीज़ [[patient_name:रमेश चंद्र तिवारी]] को कल रात emergency में लाए थे, GCS 8, CT में SDH दिख रहा है। Neurosurgery वाले call नहीं उठा रहे, कोई और centre suggest करें?")
P("hi", "name_after_hindi_cue",
  "पेशेंट [[patient_name:सुखविंदर कौर]] की dialysis तीसरी बार miss हुई है, K+ 7.1 आया है। Calcium gluconate दे दिया, अब shift करें या यहीं temporary catheter डालें?")
P("hi", "name_initials",
  "Referral आया है [[patient_name:S. V. Raghunathan]] के लिए, known CKD 4 और अब new onset pericardial rub। Urgent dialysis का indication बनता है क्या?")
P("hi", "name_title_honorific",
  "श्रीमती [[patient_name:कमला देवी]] का HbA1c 11.2 है और वो insulin लेने से मना कर रही हैं। Counselling के लिए कोई अच्छा तरीका बताइए।")
P("hi", "name_shorthand_age_90plus",
  "ICU handover: बेड 6 [[patient_name:मिश्रा]] [[age:92]]M, aspiration pneumonia, NIV पर, DNR family ने sign कर दिया है। Night में sedation देना है तो क्या safe है?")
P("hi", "age_varsheey",
  "एक [[age:९४]] वर्षीय महिला hip fracture के साथ आई हैं, orthopaedics surgery के लिए मना कर रहे हैं। Conservative management में pain control कैसे करें?")
P("hi", "age_words_hindi",
  "बाबा जी की उम्र [[age:पंचानवे]] साल है, अचानक से खाना छोड़ दिया और sodium 118 है। इतनी उम्र में correction कितनी तेज़ी से करें?")
P("hi", "birth_year_devanagari",
  "OPD में एक मरीज़ आए, जन्म वर्ष [[age:१९२९]], अकेले रहते हैं, फिर से गिरे हैं। Home safety assessment के लिए किसको refer करें?")
P("hi", "date_devanagari",
  "बच्चे का जन्म [[date:१७/११]] को हुआ था, 33 weeks पर, अब NICU में feed intolerance है। NEC का doubt है, X-ray normal है — NPO रखें या trophic feeds चलाएँ?")
P("hi", "date_hinglish",
  "Patient ko [[date:9 Nov]] ko admit kiya tha aur [[date:14 Nov]] ko discharge, aaj fever ke saath wapas aaya hai. Surgical site infection lag raha hai, culture bheja hai.")
P("hi", "record_prefixed",
  "CR No. [[record_number:2026/58213]] वाले मरीज़ की biopsy report अभी तक नहीं आई। Pathology में किससे बात करें?")
P("hi", "record_prefixed_hinglish",
  "MRD no [[record_number:LKO-118427]] ka CT abdomen dekh lo please, radiologist ne 'possible perforation' likha hai, surgery wale wait kar rahe hain.")
P("hi", "record_no_label",
  "[[record_number:IP26-004591]] अभी भी system में 'pending discharge' दिखा रहा है जबकि मरीज़ कल चले गए। Billing वाले कह रहे हैं वार्ड से ठीक होगा।")
P("hi", "phone_local",
  "मरीज़ के बेटे का नंबर [[phone:98201 47563]] है, रात में कोई बदलाव हो तो उन्हें ज़रूर call करें, वो दूसरे शहर से आ रहे हैं।")
P("hi", "phone_intl",
  "Tele-consultation request: मरीज़ की बेटी Canada से बात करना चाहती है, उनका नंबर [[phone:+1 905 481 2736]] है। Time zone के हिसाब से कौन call करेगा?")
P("hi", "devanagari_digits",
  "पेशेंट के पति ने अपना नंबर [[phone:९८४५० ६१७३२]] दिया है, discharge से पहले उन्हें medicine समझानी है।")
P("hi", "phone_words_hindi",
  "Attendant ने नंबर बोलकर लिखवाया: [[phone:नौ चार पाँच शून्य दो एक आठ सात तीन छह]]। Report तैयार होते ही उन्हें बताना है।")
P("hi", "phone_words_hinglish",
  "Bhai ne number bataya [[phone:nau nau aath saat ek do shunya chaar paanch teen]], bol raha hai ki father ki report WhatsApp pe bhej do. Kya ye allowed hai?")
P("hi", "invisible_chars",
  "मरीज़ का Aadhaar: [[national_id:4918\u200b 3726\u200b 5103]] — Ayushman card बनाने के लिए चाहिए। Social worker के पास भेज दूँ?")
P("hi", "national_id_aadhaar",
  "PMJAY claim reject हो गया, Aadhaar [[national_id:7392 0461 8377]] system में mismatch बता रहा है। किसी को इसका solution पता है?")
P("hi", "national_id_pan",
  "Cashless claim के लिए insurance company मरीज़ का PAN [[national_id:BXRPK4821L]] माँग रही है, ये medical records में रखना ठीक है?")
P("hi", "fullwidth_digits",
  "Aadhaar card की photo धुंधली है, नंबर [[national_id:５８３０ ２９１７ ４６２９]] पढ़ पाया। Registration counter पर ये चलेगा?")
P("hi", "lookalike_chars",
  "PAN number form पर ऐसे लिखा है: [[national_id:\u0410KTPS7305Q]] — portal accept नहीं कर रहा। कोई बताए क्या गड़बड़ है?")
P("hi", "bank_account_in",
  "Family ने इलाज के लिए पैसे भेजने को account [[bank_account:30418827561]], IFSC SBIN0004521 दिया है, ये notice board पर लगाना ठीक है?")
P("hi", "insurance_other",
  "Star Health policy no. [[insurance_number:P/211114/01/2026/008137]] पर pre-auth pending है, surgery कल है। TPA desk से किसने बात की?")
P("hi", "email",
  "मरीज़ की बहन ने reports [[email:priya.raghavan82@gmail.com]] पर माँगी हैं, consent form sign हो गया है।")
P("hi", "email_obfuscated",
  "Beta bol raha hai reports [[email:ankit dot verma91 at yahoo dot co dot in]] pe bhejo. Kya hum personal mail pe bhej sakte hain?")
P("hi", "address_postal",
  "Home care के लिए address: [[address:मकान नं. 47, गली नं. 3, शिवपुरी, कानपुर]] [[postal_code:208015]]। कोई nursing agency उस area में है?")
P("hi", "address_postal_hinglish",
  "Ambulance ko address bhej do: [[address:Flat 302, Sai Residency, Kothrud, Pune]] [[postal_code:411038]], patient bedridden hai aur oxygen pe hai.")
P("hi", "licence_plate_in",
  "RTA case: गाड़ी नंबर [[licence_plate:UP 32 HK 4471]], driver को head injury है, police MLC के लिए पूछ रही है। Documentation में क्या-क्या लिखें?")
P("hi", "licence_plate_in_compact",
  "Pillion rider ko lekar aaye hain, bike [[licence_plate:KA05MN2290]], helmet nahi tha, GCS 10. Neurosurgery referral kahan karein?")
P("hi", "url_crowdfunding",
  "Family ने crowdfunding page बनाया है [[url:https://www.ketto.org/fundraiser/help-baby-aarav-liver-transplant]], हमसे doctor का letter माँग रहे हैं। दे सकते हैं?")
P("hi", "url_record",
  "Report यहाँ है [[url:https://his.aiims-east.in/patient/IP26-004591/lab]], कोई hematologist देख के बताए कि ये TTP है या नहीं?")
P("hi", "ip_address",
  "Tele-ICU का camera [[ip_address:117.204.58.133]] से connect होता है, रात में बार-बार disconnect हो रहा है। IT वाले weekend पर नहीं आते।")
P("hi", "device_serial",
  "Ventilator SN [[device_serial:HMT-IN-482771]] में बार-बार 'high pressure' alarm आ रहा है, biomedical engineer को बुलाएँ?")
P("hi", "obstetric_mother_baby",
  "Labour room: [[patient_name:रुखसाना बानो]], G3P2, 39 weeks, PPH हुआ था [[date:२३ नवंबर]] को। Baby of [[patient_name:रुखसाना]] NICU में है hypoglycaemia के साथ।")
P("hi", "paediatric_child_parent",
  "बच्चा [[patient_name:आरव शर्मा]], 3 साल, febrile seizure के साथ आया। पापा (सुनील जी) बहुत घबराए हुए हैं, दूसरी बार EEG करवाना ज़रूरी है क्या?")
P("hi", "whatsapp_pasted",
  "Group se forward: \"bhaiya bed 14 [[patient_name:yadav]] ji ka sugar 38 aaya hai, dextrose diya, ab 90 hai, aur kuch karna hai?\" — kaun dekh raha hai ward 3?")
P("hi", "quoted_colleague_question",
  "Junior ने पूछा: 'Sir, [[patient_name:मोहम्मद इरफ़ान]] का INR 6 है, vitamin K दें या सिर्फ warfarin रोकें?' मैंने कहा रोक दो — आप लोग क्या करते हैं?")
P("hi", "name_repeated",
  "[[patient_name:लक्ष्मी नारायण गुप्ता]] जी को तीसरी बार DKA हुआ है। [[patient_name:गुप्ता]] जी insulin pen ठीक से नहीं लगा पाते, कोई training material है Hindi में?")
P("hi", "name_lowercase_hinglish",
  "pt ka naam [[patient_name:kavita joshi]] hai, 28 weeks, BP 160/110, headache. Mag sulph start kiya, delivery plan kab karein?")
P("hi", "oncology_board",
  "Tumour board: श्री [[patient_name:हरप्रीत सिंह ढिल्लों]], carcinoma oesophagus, neoadjuvant CROSS के बाद अब surgery के लिए fit नहीं लग रहे। Definitive CRT या best supportive care?")
P("hi", "age_paren_after_name",
  "दादी जी [[patient_name:शांति देवी]] ([[age:97]]) को bedsore grade 4 है, family घर ले जाना चाहती है। Dressing के लिए community nurse कहाँ से मिलेगी?")
P("hi", "birth_year_hinglish",
  "Patient ka janam [[age:1931]] ka hai, pacemaker battery end-of-life pe hai. Generator change karein ya family se baat karein?")
P("hi", "date_verb_hindi",
  "Surgery [[date:११ नवंबर]] को हुई थी, उसके बाद से drain output बढ़ रहा है। Chyle leak की जाँच कैसे करें?")
P("hi", "phone_landline",
  "Old age home का landline [[phone:0522 2734981]] है, वहीं के resident हैं, warden से बात करके history लेनी है।")
P("hi", "telemedicine_referral",
  "eSanjeevani से referral: [[patient_name:बिरजू मांझी]], 45 साल, गाँव से video call पर, छाती में दर्द और ECG में ST elevation। Thrombolysis PHC पर ही करवा दें?")
P("hi", "record_uhid_hinglish",
  "Reg. no. [[record_number:AIIMS/26/0718830]] ka MRI brain aa gaya hai, ring enhancing lesions hain — TB ya NCC?")

# negatives
P("hi", "neg_staff_title",
  "HOD madam Dr. Kulkarni ने कहा है कि कल से rounds 8 बजे शुरू होंगे। Sister Philomena ICU की duty list बना रही हैं।")
P("hi", "neg_staff_title_hinglish",
  "Sir, Dr. Banerjee ne bola hai ki CME ki slides kal tak bhej do, venue auditorium 2 hai.")
P("hi", "neg_eponym",
  "Guillain-Barré का शक है, NCS करवाना है लेकिन machine खराब है। IVIG खरीदने में family को दिक्कत है, plasmapheresis बेहतर रहेगा?")
P("hi", "neg_eponym",
  "Parkinson के मरीज़ में post-op delirium आ गया है, haloperidol देना सही नहीं — quetiapine कितनी dose से शुरू करें?")
P("hi", "neg_eponym",
  "Wilson disease में ceruloplasmin 12 आया है, KF ring नहीं दिखी। Penicillamine शुरू करें या पहले 24 hour urine copper?")
P("hi", "neg_drug_brand",
  "Dolo 650 और Combiflam एक साथ ले रहा था, LFT बढ़े हुए हैं। NAC शुरू करें?")
P("hi", "neg_drug_brand",
  "Ecosprin 75 और Clopilet दोनों चल रहे हैं, endoscopy से पहले कौन सी रोकें?")
P("hi", "neg_age_under_90",
  "एक 78 वर्षीय पुरुष urinary retention के साथ आए, PSA 14 है। TURP या पहले biopsy?")
P("hi", "neg_age_under_90_hinglish",
  "62 saal ki aunty hai, new onset AF, CHA2DS2-VASc 3. Apixaban start karein?")
P("hi", "neg_population_age",
  "इस study में 90 वर्ष से ऊपर के मरीज़ शामिल नहीं थे, तो हमारे geriatric ward में इसे कैसे apply करें?")
P("hi", "neg_ninety_not_age",
  "SpO2 नब्बे प्रतिशत है room air पर, RR 30 — NIV शुरू करें या HFNC?")
P("hi", "neg_labs",
  "Hb 6.2, platelets 18000, TLC 42000 — leukaemia लग रहा है, peripheral smear भेज दिया है। Transfusion पहले या haematology consult?")
P("hi", "neg_devanagari_dose",
  "Paracetamol की dose १५ mg/kg है, बच्चे का वज़न १२ kg है, तो १८० mg ठीक है न?")
P("hi", "neg_scores",
  "GCS 9, pupils equal, qSOFA 2 — intubate करें या पहले CT?")
P("hi", "neg_codes",
  "PMJAY package code MG001A में ये case आएगा या SU? ICD-10 A90 डालें dengue के लिए?")
P("hi", "neg_trial_id",
  "CTRI/2023/05/052894 वाले trial में कोई recruit कर रहा है? हमारे पास eligible मरीज़ हैं।")
P("hi", "neg_doi",
  "इस paper को देखिए doi:10.1016/S0140-6736(20)32661-1 — remdesivir पर हमारी policy बदलनी चाहिए क्या?")
P("hi", "neg_public_url",
  "ICMR की guidelines https://www.icmr.gov.in/guidelines पर मिल जाएँगी, dengue management वाला section देखें।")
P("hi", "neg_public_url_hinglish",
  "WHO ka naya TB guideline https://www.who.int/publications/i/item/9789240048126 dekh lo, short regimen ke baare mein hai.")
P("hi", "neg_hotline",
  "Ambulance के लिए 108 पर call करें, और mental health emergency के लिए Tele-MANAS 14416 है।")
P("hi", "neg_hotline_hinglish",
  "Poison case ho toh AIIMS poison info centre 1800-116-117 pe call kar sakte ho, 24 ghante chalta hai.")
P("hi", "neg_switchboard",
  "Hospital की switchboard 011-26588500 है, वहाँ से ICU extension माँग लीजिए।")
P("hi", "neg_room_bed",
  "वार्ड 5 का bed 12 isolation के लिए खाली करना है, room 304 में AC खराब है।")
P("hi", "neg_device_model",
  "Philips IntelliVue MX450 monitor में SpO2 reading गलत आ रही है, किसी और के यहाँ भी ये problem है?")
P("hi", "neg_guideline_date",
  "ICMR dengue guidelines जनवरी 2024 में update हुईं, क्या platelet transfusion threshold बदला है?")
P("hi", "neg_conference_date",
  "APICON 2027 जनवरी में Jaipur में है, abstract submission की last date 15 अक्टूबर थी।")
P("hi", "neg_historical_year",
  "1994 के Surat plague के बाद से हमारे ज़िले में surveillance बेहतर हुआ, लेकिन scrub typhus को कोई नहीं देखता।")
P("hi", "neg_version",
  "HMIS version 4.2.1 में discharge summary print नहीं हो रही, IT वालों को बताया है।")
P("hi", "neg_ifsc_only",
  "Hospital का IFSC code PUNB0123400 है fees के लिए, patient accounts के लिए नहीं — billing में confusion है।")
P("hi", "neg_whatsapp",
  "gm sir, kisi ke paas latest snakebite protocol ki pdf hai? ASV ki 10 vials ke baad bhi WBCT 20 positive hai. thx")
P("hi", "neg_quoted_colleague",
  "Dr. Menon ने पूछा: 'क्या 90 mg/dl fasting sugar target बहुत tight है elderly में?' मेरे हिसाब से हाँ, आप क्या सोचते हैं?")
P("hi", "neg_telemed_generic",
  "eSanjeevani पर आज 40 consultations हुईं, network बार-बार जा रहा था। Offline mode किसी ने use किया है?")
P("hi", "neg_icu_shorthand",
  "ICU: PEEP 10, FiO2 60%, P/F 120, plateau 28 — prone करें या अभी रुकें?")
P("hi", "neg_obstetric_generic",
  "PPH 1.5 L, oxytocin और carboprost के बाद भी uterus atonic है — balloon tamponade या सीधे laparotomy?")
P("hi", "neg_paeds_generic",
  "SAM बच्चा, weight-for-height -3 SD से कम, F-75 शुरू किया है। Refeeding के signs के लिए कौन से labs?")
P("hi", "neg_oncology_generic",
  "Carcinoma cervix stage IIIB, Hb 7 — chemoradiation से पहले transfusion ज़रूरी है क्या?")
P("hi", "neg_public_figure",
  "Health Minister ने कहा है सभी district hospitals में dialysis unit होगी, हमारे यहाँ अभी technician ही नहीं है।")
P("hi", "neg_numbers_words",
  "दो unit PRBC और चार unit FFP चढ़ा दिए हैं, अब भी bleeding नहीं रुक रही — TXA दूसरी dose दें?")
P("hi", "neg_nonagenarian_hinglish",
  "Nabbe saal se upar ke patients mein statin continue karte ho ya band kar dete ho?")
P("hi", "neg_phone_like_range",
  "TSH का reference range 0.4-4.5 है, लेकिन report में 0.40-04.50 लिखा आता है, juniors confuse हो जाते हैं।")

# positives, second batch
P("hi", "name_after_hindi_cue_ji",
  "पेशेंट [[patient_name:अब्दुल रहीम]] जी को तीन दिन से hiccups हैं, CT brain normal है। Baclofen शुरू करें या पहले MRI?")
P("hi", "baby_of_hinglish",
  "NICU: B/O [[patient_name:sunita devi]], 1.4 kg, day 2, sepsis screen positive. Meropenem start karein ya pehle blood culture ka wait?")
P("hi", "age_words_nabbe",
  "मरीज़ की उम्र [[age:नब्बे]] साल है, फिर भी family ventilator चाहती है। ऐसे में counselling कैसे करें?")
P("hi", "age_hinglish_yrs",
  "[[age:91]] yrs ki amma hai, fall ke baad se bedridden, ab bedsore infected. Debridement bedside kar sakte hain?")
P("hi", "date_dob_full",
  "Pension form पर मरीज़ का DOB [[date:03/04/1930]] लिखा है और hospital records में अलग है। Death certificate में कौन सा लिखें?")
P("hi", "record_mlc",
  "MLC no. [[record_number:MLC/2026/1183]] वाले burns patient की police statement लेनी है, मरीज़ GCS 13 पर है — fit for statement लिखें?")
P("hi", "digits_spaced_aadhaar",
  "Ayushman card के लिए Aadhaar [[national_id:6 2 7 4 1 0 9 3 8 5 5 1]] दिया है, ward clerk पूछ रहा है इसे file में लिखें या नहीं।")
P("hi", "national_id_pan_hinglish",
  "Reimbursement ke liye patient ka PAN [[national_id:CGHPM1947D]] chahiye bol rahe hain, accounts wale. Discharge file mein daal dein?")
P("hi", "licence_plate_in",
  "Accident वाली गाड़ी [[licence_plate:MH 14 EY 7302]] के driver की blood alcohol report police को देनी है, किससे sign करवाएँ?")
P("hi", "phone_intl_mobile",
  "बेटे का नंबर [[phone:+91 63904 17258]] है, वो Bengaluru से आ रहे हैं, ventilator पर डालने से पहले उनसे बात करनी है।")
P("hi", "icu_handover_hinglish",
  "ICU handover: bed 3 [[patient_name:Gurmeet]] [[age:93]]F, urosepsis, noradrenaline 0.1 pe, family ne DNR bola hai par sign nahi kiya. Night mein kya karein agar arrest ho?")
P("hi", "oncology_board_hindi",
  "Tumour board में आज श्री [[patient_name:श्रीनिवास राव]] का case है, carcinoma stomach, age 64, peritoneal deposits। HIPEC का option है क्या?")
P("hi", "quoted_colleague_hindi",
  "PG ने पूछा: 'Madam, bed 8 वाली [[patient_name:फ़ातिमा]] को ceftriaxone से rash आया है, अब क्या दें?' मैंने azithro कहा — आप लोगों की राय?")
P("hi", "email_hinglish",
  "Patient khud bol rahi hai reports [[email:meenakshi.iyer1950@rediffmail.com]] pe bhej do, consent likh ke de diya hai.")
P("hi", "phone_landline_delhi",
  "मरीज़ के घर का landline [[phone:011 4183 7265]] है, mobile बंद है। Follow-up के लिए वहीं call करें।")
P("hi", "date_hinglish_ddmm",
  "Delivery [[date:27/10]] ko hui thi, ab 4 hafte baad breathlessness aur EF 30% — peripartum cardiomyopathy? Bromocriptine dein?")

# negatives, second batch
P("hi", "neg_bed_number_90plus",
  "बेड 92 और 95 पर oxygen point काम नहीं कर रहा, maintenance को complaint दे दी है।")
P("hi", "neg_eponym",
  "Sheehan syndrome का case लग रहा है, delivery के बाद lactation नहीं हुआ और sodium 124 है। Cortisol पहले या thyroxine?")
P("hi", "neg_public_figure",
  "Dr. Naresh Trehan का interview देखा, कह रहे थे TAVI सस्ता होना चाहिए। हमारे यहाँ अभी भी 20 लाख लगता है।")
P("hi", "neg_population_stats",
  "NFHS-5 (2019-21) के हिसाब से हमारे ज़िले में anaemia 60 प्रतिशत है, तो antenatal IFA कौन सा regimen चलाएँ?")
P("hi", "neg_apgar",
  "Apgar 4 और 7 था, cord pH 7.1 — therapeutic hypothermia शुरू करें या नहीं?")
P("hi", "neg_staff_whatsapp",
  "Sister Reena ka msg: 'bed 6 ki drip khatam, naya bottle bhejo' — pharmacy 9 baje khulti hai, emergency stock kahan hai?")
P("hi", "neg_age_under_90_hindi",
  "अस्सी साल के दादाजी में TURP करें या लंबे समय तक catheter? Anaesthesia fit बता रहा है।")
P("hi", "neg_codes_snomed",
  "SNOMED code 38341003 hypertension के लिए डालना है, ABDM वाले system में dropdown नहीं आ रहा।")
P("hi", "neg_hotline_women",
  "Domestic violence का शक है, महिला helpline 181 पर बात करवाई, और police 112 को भी inform किया।")
P("hi", "neg_device_model_hinglish",
  "Naya BiPAP machine ResMed Lumis 150 aaya hai, kisi ne iska ST mode use kiya hai COPD mein?")
P("hi", "neg_kayakalp_dates",
  "Kayakalp inspection 12 दिसंबर को है, सभी wards में BMW segregation ठीक रखें।")

# positives, third batch
P("hi", "quoted_letter_hindi",
  "Discharge summary की copy: 'नाम: [[patient_name:रामप्यारी]], उम्र: [[age:९१]] वर्ष, IPD नं. [[record_number:26/11/3307]]' — इसमें digoxin 0.25 daily लिखा है, इस उम्र में ये dose सही है?")
P("hi", "name_initials_hindi",
  "मरीज़ [[patient_name:के. एन. पिल्लई]] को कल angioplasty के बाद groin hematoma हुआ है, Hb 2 gram गिरा है। Surgery refer करें या compression से manage करें?")
P("hi", "name_lowercase_hinglish_cue",
  "mareez [[patient_name:ramprasad]] ka creatinine 5.8 ho gaya, urine output 200 ml in 24 hr. Dialysis ke liye family ready nahi hai, kya karein?")
P("hi", "address_postal_devanagari_pin",
  "Follow-up letter भेजना है: [[address:ग्राम पोस्ट बिसौली, ज़िला बदायूँ]] [[postal_code:२४३७२०]]। Post से भेजें या ASHA के ज़रिए?")
P("hi", "bank_account_in_hinglish",
  "NGO ne patient ke account [[bank_account:50100482917364]] mein paise bhejne ki baat ki hai, IFSC HDFC0001234 — kya hum ye details OPD mein display kar sakte hain?")
P("hi", "phone_bengaluru_landline",
  "मरीज़ के बेटे के office का number [[phone:+91 80 4721 9036]] है, high-risk consent के लिए वहीं call करना होगा, वो ward तक नहीं आ पाएँगे।")

# negatives, third batch
P("hi", "neg_public_figure_cricketer",
  "Dhoni जैसी knee injury हर दूसरे young patient में दिख रही है, ACL reconstruction के बाद rehab protocol कौन सा follow करते हो?")
P("hi", "neg_eponym_hinglish",
  "Kawasaki disease mein IVIG ke baad bhi fever hai, second dose dein ya infliximab? Echo mein coronary normal hai.")
P("hi", "neg_pincode_public",
  "AIIMS New Delhi का पता Ansari Nagar, 110029 सबको पता है, referral letter में यही लिखें या department का भी?")


# ------------------------------------------------------------ machinery
# (marker parsing, de-obfuscation and check-digit helpers follow the first
# held-out set's build script; the posts above are new)


# letters standing in for digits inside phone numbers ("O151", "463-l975")
PHONE_LOOKALIKE = {"O": "0", "o": "0", "l": "1", "I": "1"}
WORDS = {
    # en
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # de
    "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4",
    "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # hi (Devanagari)
    "शून्य": "0", "एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पाँच": "5",
    "पांच": "5", "छह": "6", "छः": "6", "सात": "7", "आठ": "8", "नौ": "9",
    # hi (Latin script)
    "shunya": "0", "ek": "1", "do": "2", "teen": "3", "chaar": "4", "char": "4",
    "paanch": "5", "chhe": "6", "chhah": "6", "saat": "7", "aath": "8", "nau": "9",
}


def normalise(value, phone=False):
    """Undo the obfuscations used in the set so check digits can be verified."""
    s = unicodedata.normalize("NFKC", value)  # full-width digits -> ASCII
    s = "".join(CONFUSABLE.get(c, c) for c in s)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")  # ZW chars, soft hyphen
    s = s.replace(SHY, "")
    # Devanagari digits
    s = "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in s)
    words = [w for w in re.split(r"[\s,;]+", s.lower()) if w]
    if len(words) > 1 and all(w in WORDS for w in words):
        s = "".join(WORDS[w] for w in words)
    if phone:
        s = "".join(PHONE_LOOKALIKE.get(c, c) for c in s)
    return s


def check_value(typ, value, lang):
    """Return None if fine, else a complaint."""
    import phonenumbers
    from stdnum import iban
    from stdnum.de import idnr
    from stdnum.in_ import aadhaar, pan
    from stdnum.us import ssn
    v = normalise(value, phone=(typ == "phone"))
    compact = re.sub(r"[\s\-/.()]", "", v)
    if typ == "phone":
        for region in ({"en": "US", "de": "DE", "hi": "IN"}[lang], "US", "DE", "IN"):
            try:
                num = phonenumbers.parse(v if v.startswith("+") else compact, region)
                if phonenumbers.is_valid_number(num):
                    return None
            except phonenumbers.NumberParseException:
                pass
        return "phone not valid: %r -> %r" % (value, compact)
    if typ == "bank_account":
        if compact[:2].isalpha():
            return None if iban.is_valid(compact) else "bad IBAN %r" % value
        return None if re.fullmatch(r"\d{9,18}", compact) else "bad account number %r" % value
    if typ == "national_id":
        if re.fullmatch(r"\d{12}", compact):
            return None if aadhaar.is_valid(compact) else "bad Aadhaar %r" % value
        if re.fullmatch(r"\d{11}", compact):
            return None if idnr.is_valid(compact) else "bad Steuer-ID %r" % value
        if re.fullmatch(r"\d{9}", compact):
            return None if ssn.is_valid(compact) else "bad SSN %r" % value
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            return None if pan.is_valid(compact) else "bad PAN %r" % value
        return "national_id of unknown shape %r" % value
    if typ == "insurance_number":
        if re.fullmatch(r"[A-Z]\d{9}", compact):
            return None if kvnr_ok(compact) else "bad KVNR %r" % value
        if len(compact) == 11 and compact[0].isdigit() and not compact.isdigit():
            return None if MBI.fullmatch(compact) else "bad MBI %r" % value
    if typ == "age" and compact.isdigit():
        n = int(compact)
        if not (90 <= n <= 115 or 1900 <= n <= 2026):
            return "age span neither 90+ nor a birth year: %r" % value
    if typ == "email" and not ("@" in v or " at " in v.lower()):
        return "email without @ or 'at': %r" % value
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
            errors.append("%s: class %s does not match its spans" % (r["id"], r["class"]))
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
