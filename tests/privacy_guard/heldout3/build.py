#!/usr/bin/env python3
"""Build and validate the third held-out set of labelled posts for the patient-data guard.

The posts are written below in marked-up form: every identifier is wrapped as
[[type:value]].  This script strips the markers, records the code-point
offsets of each value as a span, checks that every check-digit identifier
(IBAN, Aadhaar, German tax ID, KVNR, US SSN, Indian PAN) and every phone
number validates (after undoing obfuscation), and writes posts.jsonl next to
this file.

Run:  python build.py            (needs phonenumbers and python-stdnum)
      python build.py --check    (verify that posts.jsonl matches the build and is valid)

This file is data plus a formatter. It was written without sight of the
guard's rules, its tuning corpus, its tests or the other held-out sets, and
must not be used to tune them (see README.md).

The validation helpers (marker parsing, de-obfuscation, check digits, offsets)
are copied from ../heldout/build.py; the posts are new.
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
MAX_SPANS = 6

POSTS = []


def P(lang, cls, text):
    POSTS.append((lang, cls, text))

# ---------------------------------------------------------------- English
P("en", "name_shorthand_no_cue", "Handover from nights: Bed 4 [[patient_name:Novak]] 81F, fluids running, recheck K+ at 6. Bed 7 quiet.")
P("en", "name_shorthand_no_cue", "Quick list for the weekend team — [[patient_name:Okonkwo]] 67M CAP day 3 on co-amox, [[patient_name:Falkenrath]] 74F post-TURBT, catheter out tomorrow.")
P("en", "name_title_honorific", "Anyone seen calciphylaxis this early? Mrs. [[patient_name:Adaeze Nwosu]] is on PD for only eight months and now has painful livedo on both thighs.")
P("en", "name_title_honorific", "Prof. [[patient_name:Harold Quennell]], retired engineer (the patient, not a colleague), is asking whether he can fly two weeks after his TAVI. I said probably, what do you tell people?")
P("en", "name_title_honorific", "Our patient Rev. [[patient_name:Tobias Achterberg]] refuses transfusion on religious grounds; has anyone used IV iron plus EPO pre-op for a hemiarthroplasty?")
P("en", "name_particle", "Ms [[patient_name:van der Berg]] keeps dropping her sats overnight on the ward. [[patient_name:van der Berg]] has a BMI of 44 and no sleep study — start CPAP empirically or wait?")
P("en", "name_particle", "Mr. [[patient_name:de la Cruz]] came back with a second ischaemic stroke while on apixaban. Is it worth swapping agents or is this just bad luck?")
P("en", "name_initials", "Referral from the Chennai unit: [[patient_name:R. K. Iyer]], on dual antiplatelets after a DES, now needs an urgent lap chole. [[patient_name:Iyer]] is scared of stopping clopidogrel.")
P("en", "name_lowercase_cue", "pt is [[patient_name:maria gonzalez]] from the 3rd floor, hyponatraemia 118 despite fluid restriction — tolvaptan or urea?")
P("en", "name_lowercase_cue", "patient name [[patient_name:oliver brennan]], keeps pulling his NG tube, family won't consent to mittens. ideas?")
P("en", "name_possessive", "Mr [[patient_name:Delacroix]]'s daughter called again asking why we stopped his statin — honestly at 88 with dementia, was that the wrong call?")
P("en", "name_repeated", "[[patient_name:Brigid Callahan]] has had three falls this month. We stopped her zopiclone, but [[patient_name:Brigid]] still gets up at 3 am confused. Would melatonin help?")
P("en", "age_90plus_after_name", "Mrs [[patient_name:Pemberton]] ([[age:96]]) with a new AF, CHA2DS2-VASc obviously high but she has had two GI bleeds. Left atrial appendage occlusion at that age?")
P("en", "age_words", "My patient is [[age:ninety-four]] and still drives to clinic. Her eGFR is 38 — is metformin 500 mg twice daily still fine?")
P("en", "age_90plus", "Gentleman aged [[age:102]] with a hip fracture, surprisingly good functional baseline. Anaesthetics want a spinal, family asks about a nerve block only. Experiences?")
P("en", "birth_year_cue", "DOB [[age:1928]], lives alone, admitted with a UTI and delirium. Is a care home discussion premature after one episode?")
P("en", "birth_year_cue", "He was born in [[age:1931]] and has been on warfarin since the seventies for a mechanical mitral valve. Any role for DOACs now? (I know, no.)")
P("en", "birth_year_words", "She told me she was born in [[age:nineteen thirty-three]] and has never once been in hospital. Now a new LBBB with no symptoms — work-up or leave it?")
P("en", "age_late_nineties", "Patient in her [[age:late nineties]], severe AS, syncopal twice. The TAVI team said no; palliative balloon valvuloplasty anyone?")
P("en", "ordinal_birthday", "He wants to be home for his [[age:95]]th birthday next week, so we are trying to wean the oxygen fast. Realistic from 4 L?")
P("en", "date_verb", "Admitted on [[date:14 March]] with a DKA, discharged, and back on [[date:22 March]] in DKA again. Adherence or something else?")
P("en", "date_verb", "She had her Whipple on [[date:2/11/2026]] and the drain amylase is still high today. When do you call it a grade B fistula?")
P("en", "date_verb", "Biopsy was taken [[date:Oct 3rd]]; histology still not back. Do other labs really take four weeks for a liver core?")
P("en", "dob_no_name", "Admission sheet only says DOB [[date:07/19/1957]], no other ID, patient found on the street confused. How do your EDs handle unidentified patients?")
P("en", "record_prefixed", "Can someone from microbiology look at MRN [[record_number:40219378]]? The blood culture grew something they called 'Gram-variable rods' and I'm lost.")
P("en", "record_prefixed", "Case [[record_number:ED-26-118402]] — chest pain, troponin flat, but the ECG worries me. Would you cath?")
P("en", "record_unlabelled", "Re [[record_number:HN7730912]]: the radiology report mentions a 9 mm pancreatic cyst. Follow with MRI yearly or refer to surgery now?")
P("en", "national_id", "Billing keeps bouncing the claim because the SSN [[national_id:663-50-3686]] doesn't match. Who fixes this on your side, admin or us?")
P("en", "insurance_other", "His Medicaid ID [[insurance_number:NY84C20917]] lapsed last month so the pharmacy won't release the insulin. Any emergency supply workaround?")
P("en", "phone_local", "Daughter wants a call back about the DNR discussion, her cell is [[phone:(617) 554-8820]]. I'm off tomorrow — could whoever is on call ring her?")
P("en", "phone_intl", "The patient's GP in Manchester is reachable on [[phone:+44 161 496 0734]] — could the day team ask for the old ECGs?")
P("en", "phone_words", "He gave his wife's number as [[phone:three one two eight eight four nine zero seven one]] because he can't read digits anymore. Vision screen next?")
P("en", "relative_contact", "Son's email is [[email:t.okafor.family@gmail.com]] if anyone needs to send the consent forms for his father's PEG.")
P("en", "email_obfuscated", "Patient asked me to send her results to [[email:lindqvist.anna at yahoo dot com]] — are we allowed to email results directly?")
P("en", "address_postal", "Home visit needed for the bed-bound man at [[address:4417 Larchmont Avenue, Apt 2B]], [[postal_code:60625]] — community team won't go without a referral.")
P("en", "ip_address", "The remote monitoring portal flags his pacemaker check from [[ip_address:73.162.48.201]], but he swears he hasn't been online. Vendor support any good?")
P("en", "url_record", "Here is the scan in our PACS: [[url:https://pacs.stmarys-internal.org/viewer?study=8841207]] — tell me if that's a lytic lesion.")
P("en", "url_crowdfunding", "The family set up [[url:https://www.gofundme.com/f/help-jamal-walk-again]] for his rehab. Are we allowed to share that with the team?")
P("en", "device_serial", "Her insulin pump SN [[device_serial:PX4-99310827]] alarmed with an occlusion twice today. Has anyone had the same batch recalled?")
P("en", "licence_plate", "Security says the car parked in the ambulance bay, plate [[licence_plate:7KTR448]], belongs to the patient in cubicle 3. Can we tow it?")
P("en", "invisible_chars", "Fax from the nursing home came through with MRN [[record_number:55" + ZW + "81" + ZW + "0293]] and a request to restart his methotrexate. Is weekly 15 mg safe with eGFR 40?")
P("en", "digits_spaced", "Please call the patient's husband on [[phone:5 0 8 3 9 1 7 2 6 4]] after the MDT, he is anxious.")
P("en", "fullwidth_digits", "The wristband printed MRN [[record_number:３８２９１０４７]] in weird wide font; pharmacy can't scan it. Anyone seen this bug?")
P("en", "lookalike_chars", "Patient's Medicaid number [[insurance_number:TХ71В55024]] came through the referral with odd characters, copy pasted here. IT issue?")
P("en", "quoted_letter", "Letter says: \"Re: Ms. [[patient_name:Yevgenia Partridge]], DOB [[date:03/02/1934]], Hosp No [[record_number:RX-559102]]\" — her potassium has been 6.1 on three occasions. Stop the spironolactone?")
P("en", "name_shorthand_no_cue", "Bay C: [[patient_name:Whitlock]] 58M ?PE scan pending, [[patient_name:Arroyo]] 44F pyelo improving, Bed 12 empty.")
P("en", "name_title_degree", "The patient, Dr. [[patient_name:Kwame Asante]] PhD (a chemist, not a doctor), insists on reading his own echo report. Do you share raw images?")
P("en", "name_double_barrel", "Mrs [[patient_name:Hartley-Whitmore]] is 72 with a new 4 cm AAA and she wants to know when to worry. Annual surveillance enough?")
P("en", "age_90plus_after_name", "[[patient_name:Ezekiel Baptiste]], [[age:91]], has a potassium of 2.8 on furosemide. Oral or IV replacement for a frail man like that?")
P("en", "age_words", "A lady of [[age:ninety]] came in with a bowel obstruction; the surgeons want to operate. How do you frame that conversation?")
P("en", "neg_colleague_title", "Sister Mary from ICU says the new heparin protocol starts Monday. Does anyone have the nomogram as a PDF?")
P("en", "neg_colleague_title", "Dr. Okafor (our intensivist) and I disagree on steroids in severe CAP. Who on this forum follows the CAPE COD data?")
P("en", "neg_colleague_title", "Thanks to Prof. Lindqvist for the grand round on cardiorenal syndrome yesterday — slides anywhere?")
P("en", "neg_eponym", "Is Hashimoto encephalopathy a real entity or a wastebasket? Steroid-responsive confusion with high anti-TPO.")
P("en", "neg_eponym", "Classic Guillain-Barré after Campylobacter, now needing IVIG. Do you repeat a second course if no response at 2 weeks?")
P("en", "neg_eponym", "Cushing's versus pseudo-Cushing in an alcoholic — which test do you trust first, late-night salivary cortisol or the dex suppression?")
P("en", "neg_eponym", "Patient with Parkinson and new hallucinations — quetiapine or pimavanserin? Clozapine monitoring is a pain here.")
P("en", "neg_guideline_author", "Per Rivers et al. 2001, early goal-directed therapy was the standard, but ProCESS, ARISE and ProMISe killed it. Anyone still using ScvO2?")
P("en", "neg_guideline_date", "The ESC 2023 heart failure focused update added SGLT2 inhibitors for HFpEF. Has your formulary caught up?")
P("en", "neg_age_under_90", "78-year-old with new atrial flutter, rate 150, BP fine. Cardioversion or rate control first?")
P("en", "neg_age_under_90", "Man in his eighties, 89 to be exact, with a TIA and 60 % carotid stenosis. Endarterectomy still worth it?")
P("en", "neg_population_age", "In the trial, patients aged 90 and over were excluded, so I don't know how to apply the results to our frailest patients.")
P("en", "neg_nonagenarian", "How aggressive are you with statins in nonagenarians? Our geriatricians deprescribe almost all of them.")
P("en", "neg_ninety_not_age", "SpO2 stuck at 90 % on 6 L, RR 28, CXR bilateral infiltrates. High-flow or straight to CPAP?")
P("en", "neg_labs", "Na 129, K 5.9, creatinine 212 µmol/L, bicarbonate 14 — start with calcium gluconate, insulin-dextrose, then what?")
P("en", "neg_dose", "Vancomycin loading 25 mg/kg then 15 mg/kg q12h, trough 22 on day 3. Hold a dose or just reduce?")
P("en", "neg_scores", "Wells score 6, PERC negative irrelevant then, D-dimer 3400. CTPA booked. Was the D-dimer even needed?")
P("en", "neg_codes", "Coding question: ICD-10 I48.91 for unspecified AF vs I48.0 for paroxysmal — does it change reimbursement for you?")
P("en", "neg_codes", "Our lab reports HbA1c under LOINC 4548-4 and the EHR maps it wrong. SNOMED 44054006 for T2DM is fine though.")
P("en", "neg_historical_year", "Digoxin has been around since Withering described foxglove in 1785, and we still argue about it. Do you use it for rate control in HFrEF?")
P("en", "neg_version", "After the EHR update to version 10.4.2 the sepsis alert fires on every patient with a temp of 38. Is yours the same?")
P("en", "neg_doi", "Good review here: doi:10.1056/NEJMra2208094 — worth a read before the journal club on hyperkalaemia.")
P("en", "neg_pmid", "PMID 31475795 is the DAPA-HF paper if anyone needs it for the formulary application.")
P("en", "neg_trial_id", "We are recruiting for NCT05014230 (anticoagulation in cancer-associated VTE). Message me if you have eligible patients.")
P("en", "neg_public_url", "The NICE guideline on suspected sepsis is at https://www.nice.org.uk/guidance/ng51 — it changed the lactate threshold.")
P("en", "neg_public_url", "WHO growth charts for under-fives: https://www.who.int/tools/child-growth-standards. Useful for the refugee clinic.")
P("en", "neg_hotline", "Reminder: Poison Control is 1-800-222-1222 for anyone in the US; they were very helpful with a colchicine overdose last week.")
P("en", "neg_hotline", "In the UK, NHS 111 handles the out-of-hours calls, and 999 for emergencies, obviously. How do you triage the frequent callers?")
P("en", "neg_switchboard", "Mass General switchboard is 617-726-2000 if you need to reach their transplant fellow on call.")
P("en", "neg_room_bed", "Bed 14 in bay C has a broken call bell again. Room 3.12 needs a deep clean after the C. diff case.")
P("en", "neg_device_model", "Has anyone used the Medtronic Micra AV2 leadless pacemaker in someone with a tricuspid ring?")
P("en", "neg_device_model", "Our Philips IntelliVue MX450 monitors keep losing the SpO2 trace on cold fingers. Any setting tweaks?")
P("en", "neg_drug_names", "Switching from Eliquis to Xarelto because of cost — do you need a gap, or start rivaroxaban at the next apixaban dose time?")
P("en", "neg_public_figure", "Since the news about Bruce Willis and frontotemporal dementia, we get many families asking about aphasia. Good patient leaflets?")
P("en", "neg_conference_date", "Abstract deadline for the ATS conference is 7 November. Anyone submitting the ECMO outcome data?")
P("en", "neg_reference_range", "Our lab's reference range for TSH is 0.4-4.0 and for free T4 12-22 pmol/L. Why do others use 10-25?")
P("en", "neg_phone_like_numbers", "Platelets 312, WBC 18.4, CRP 288, PCT 14.2 — procalcitonin that high, would you still add vancomycin?")
P("en", "neg_numbers_in_words", "Give two puffs four times daily for a week, then taper to one puff twice daily. Does that match your asthma plan?")
P("en", "neg_year_range", "Between 2015 and 2020 our sepsis mortality fell from 24 % to 17 %. Anyone else seen similar trends?")
P("en", "neg_insulin", "Basal-bolus: glargine 18 units at 10 pm, aspart 6-6-8 with meals, correction scale starting at 10 mmol/L. Too much for a 54 kg woman?")
P("en", "neg_ecg", "QTc 512 ms on ondansetron and citalopram, K 3.3, Mg 0.61. Stop both or replace electrolytes first?")
P("en", "neg_blood_gas", "ABG: pH 7.21, pCO2 9.8 kPa, pO2 7.4, HCO3 28, lactate 1.2 — acute on chronic hypercapnia. NIV settings you start with?")
P("en", "neg_vitals", "HR 132, BP 84/50, T 39.1, RR 30, GCS 14. qSOFA 3. Blood cultures first or antibiotics first if the line is hard?")
P("en", "neg_ip_like_version", "The analyser firmware is 10.2.0.1 and the vendor wants us on 10.3 before they support the new troponin assay.")
P("en", "neg_staff_hod", "Our chief of medicine, Dr. Halvorsen, wants every DNR form countersigned. Is that usual in other hospitals?")
P("en", "neg_alzheimer", "Lecanemab for early Alzheimer disease — has anyone here actually prescribed it? The ARIA monitoring seems heavy.")
# English, second batch
P("en", "name_shorthand_no_cue", "Outliers on 6B: [[patient_name:Szabo]] [[age:90]]M ?aspiration, needs SALT; [[patient_name:O'Driscoll]] 63F cellulitis, IV to oral tomorrow.")
P("en", "name_title_degree", "Patient is [[patient_name:Imogen Thackeray]], MBE, a retired headteacher, who wants a second opinion on her myeloma staging. Who reads PET well?")
P("en", "name_lowercase_cue", "spoke to the pt, [[patient_name:dmitri volkov]], who says he drank antifreeze 'by accident'. fomepizole or straight to dialysis?")
P("en", "name_repeated", "Handing over [[patient_name:Keziah Mortimer]]: on a heparin infusion, APTT ratio 4.1 at 22:00. If [[patient_name:Keziah]] bleeds from the line, stop and page me.")
P("en", "name_particle", "Mr [[patient_name:Ó Súilleabháin]] from the Limerick transfer has a new AKI after contrast. Anyone on the renal side free to review?")
P("en", "name_initials", "[[patient_name:J. P. Ferreira-Lopes]] needs his DOAC restarted after the polypectomy — 48 hours or 72 hours for a 3 cm lesion?")
P("en", "age_parenthesis_after_word", "Lovely old gentleman ([[age:97]]) with chronic subdural, family asks about burr holes. Neurosurgery says no. How do you explain it?")
P("en", "age_words", "She turned [[age:a hundred and one]] last month and now has a new breast lump. Would you even biopsy?")
P("en", "birth_year_cue", "Year of birth [[age:1935]], fully independent, but his kidney function has halved since the ACE inhibitor. Stop it or accept the drop?")
P("en", "birth_year_cue", "He's a [[age:1929]] vintage, as he puts it, and refuses the hearing aids. Delirium risk higher without them?")
P("en", "date_iso", "Last dialysis was [[date:2026-11-27]] and he missed today's session. K 6.7 on the VBG — emergency dialysis or medical management first?")
P("en", "date_verb", "Stent was placed on the [[date:9th of November]] and he stopped his ticagrelor himself four days later. Risk of stent thrombosis now?")
P("en", "record_unlabelled", "Can radiology re-report [[record_number:A41902377]]? The CT head was read as normal but I see a subtle hypodensity.")
P("en", "record_prefixed", "Acc# [[record_number:CT26-0091834]] — is the 'incidental adrenal nodule' worth a dedicated protocol CT?")
P("en", "phone_intl", "The patient's niece is in Toronto, [[phone:+1 415 839 2276]] (actually a San Francisco number, she moved). She has medical power of attorney.")
P("en", "phone_local", "If his wife calls, she is on [[phone:312-884-9071]] — she needs to bring his home oxygen concentrator.")
P("en", "national_id", "Insurance form wants his Social Security number, [[national_id:347-14-1737]], written on the prior auth. Is that standard?")
P("en", "bank_account_iban", "The patient from Berlin asked us to refund the deposit to [[bank_account:DE60126059321601522430]]. Finance says only via the portal.")
P("en", "email", "Send the echo to the cardiologist who looks after him privately? The patient gave [[email:hvp.private.cardio@protonmail.com]], which seems to be his own.")
P("en", "url_social", "Her daughter posted a live video from bay 4 on [[url:https://www.tiktok.com/@mum_vs_cancer/video/7309918822]] — including the monitor screen.")
P("en", "zero_width_joiner", "Phone number from the referral, pasted as is: [[phone:781" + ZWJ + "204" + ZWJ + "6638]] — the system refuses it. Who do I ring to update?")
P("en", "soft_hyphen_in_number", "SSN on the old scan: [[national_id:603" + SHY + "-54" + SHY + "-5336]] — our registration clerk wants us to confirm it.")
P("en", "device_serial_no_colon", "ICD serial [[device_serial:BLC401882H]] gave a lead noise alert. Remote clinic is closed until Monday.")
P("en", "licence_plate", "The man in resus came in a car registered [[licence_plate:LK21 XYW]], police want to know when they can interview him.")
P("en", "quoted_letter", "Copying from the GP letter: \"Dear colleague, I would be grateful if you could see [[patient_name:Florence Abernethy]] (DOB [[date:11.04.1931]])\" — is a 'frailty assessment' a geriatric clinic job or ours?")
P("en", "neg_colleague_title", "Dr. Patel from nephrology and I disagree about bicarbonate in CKD. Anyone with BiCARB trial experience?") 
P("en", "neg_eponym", "Wernicke's in a patient with hyperemesis — thiamine 500 mg tds for how long?")
P("en", "neg_eponym", "Takotsubo after a seizure: do you repeat the echo at 6 weeks or just when symptomatic?")
P("en", "neg_guideline_author", "Berlin criteria (ARDS Definition Task Force, JAMA 2012) vs the 2023 global definition — which do you document?")
P("en", "neg_age_under_90", "Retired nurse, 82, with polymyalgia — pred 15 mg and she feels better in a day. Anything else before confirming?")
P("en", "neg_historical_year", "In 1928 Fleming found penicillin; in 2026 we're running out of options for CRE. Ceftazidime-avibactam plus aztreonam anyone?")
P("en", "neg_codes", "Interface maps LOINC 2160-0 (creatinine) correctly but not 33914-3 (eGFR). Is that a known Epic issue?")
P("en", "neg_public_url", "ESC pocket guidelines are free at https://www.escardio.org/Guidelines — the app is handy on nights.")
P("en", "neg_hotline", "988 is the Suicide and Crisis Lifeline in the US now; we put it on every discharge from the psych liaison service.")
P("en", "neg_device_model", "Anyone used the Abbott FreeStyle Libre 3 in ICU? Our nurses think it reads 1-2 mmol/L low.")
P("en", "neg_dose", "Alteplase 0.9 mg/kg, max 90 mg, 10 % bolus — for a 104 kg man you cap at 90, right?")
P("en", "neg_ninety_not_age", "Ninety percent of our readmissions in heart failure are within 30 days of the first discharge, says audit. Telemonitoring helps?")
P("en", "neg_room_bed", "Side room 7 and bed 22 are reserved for the flu cohort from tonight; please don't put surgical admissions there.")
P("en", "neg_trial_id", "ISRCTN17251765 is looking for centres for a hip-fracture nerve block trial, message me if interested.")
P("en", "neg_staff", "Thanks to our charge nurse Gwen for sorting the pump shortage overnight. Any tips on keeping pumps from walking off?")
P("en", "neg_population_age", "UK data: about 600,000 people are aged 90 or over. How are geriatric services coping with that number?")
# English, third batch
P("en", "quoted_letter", "From the referral: \"Pt: [[patient_name:GALLAGHER, Siobhan]] | MRN [[record_number:0093381]] | Reason: ?temporal arteritis\" — ESR 22, CRP 4. Do I still need a biopsy?")
P("en", "name_lowercase_cue", "nursing note just says 'mr [[patient_name:pettigrew]] refused meds again'. Covert administration — anyone have a policy that works?")
P("en", "name_title_honorific", "Lady [[patient_name:Ashcombe]] wants a private room and her own nurse; she is medically stable for discharge. How do you handle VIP pressure?")
P("en", "name_title_honorific", "Sgt. [[patient_name:Marcus Oyelaran]], a veteran, has PTSD nightmares on the ward. Prazosin is old news — what else?")
P("en", "name_shorthand_no_cue", "Post-take: [[patient_name:Lindgren]] 52F migraine vs SAH, LP at 12 h clear; [[patient_name:Mbeki-Hall]] 38M alcohol withdrawal, CIWA 18.")
P("en", "name_repeated", "We've been treating [[patient_name:Theodora Vance]] for recurrent C. diff. Third episode now — should [[patient_name:Theodora]] get a faecal transplant or bezlotoxumab?")
P("en", "age_90plus_after_name", "Grandma [[patient_name:Rosalind Ng]], aged [[age:103]], is the oldest patient our unit has ever had. Any special considerations for IV fluids?")
P("en", "birth_year_cue", "b. [[age:1926]] — yes, really — and his only meds are aspirin and a multivitamin. Any reason to start a statin after his first TIA?")
P("en", "date_verb", "Fell at home on [[date:Nov 21]], lay on the floor for a day, CK 48,000. IV fluids at what rate with his EF of 30 %?")
P("en", "record_prefixed", "Path lab number [[record_number:S26-14429]] — the report says 'atypical, cannot exclude lymphoma'. Repeat excision or core biopsy?")
P("en", "phone_local", "Her son is the only contact: [[phone:(508) 391-7264]]. He prefers texts. Can we text DNACPR updates?")
P("en", "email_obfuscated", "Patient says his email is [[email:g.h.moreno[at]icloud[dot]com]] and wants all results sent there. Thoughts on consent?")
P("en", "fullwidth_digits", "His phone number came in from the kiosk as [[phone:（３１２）８８４－９０７１]] — the SMS reminder system chokes on it.")
P("en", "lookalike_chars", "Device ID pasted from the vendor portal: [[device_serial:ΡΧ4-22871046]] — remote monitoring says the battery is at ERI.")
P("en", "neg_colleague_title", "Consultant Dr. Ferreira and the registrar on call both said no to the CT. Should I escalate to the clinical director?")
P("en", "neg_eponym", "Ménière's vs vestibular migraine — betahistine is still prescribed a lot here. Evidence?")
P("en", "neg_eponym", "Still seeing Stevens-Johnson with allopurinol; do you test HLA-B*58:01 before starting in Han Chinese patients?")
P("en", "neg_codes", "ICD-10-PCS 02HK3JZ for a pacemaker lead — the coders keep rejecting it, what are we doing wrong?")
P("en", "neg_guideline_date", "KDIGO 2024 CKD guideline replaced the 2012 one; their eGFR thresholds for metformin stayed the same, right?")
P("en", "neg_age_under_90", "Her mother died at 88 of breast cancer, she herself is 61. Genetic testing worth it?")
P("en", "neg_reference_range", "Ferritin 15-150 ng/mL is our reference range; the haematologist says anything under 30 is iron deficiency. Which do you use?")
P("en", "neg_hotline", "Samaritans can be reached on 116 123 in the UK and Ireland — we print that on the self-harm discharge card.")
P("en", "neg_public_url", "CDC's travel vaccine tables at https://wwwnc.cdc.gov/travel are up to date for yellow fever.")
P("en", "neg_device_model", "The Baxter Prismax CRRT machine keeps alarming 'return pressure high'. Same as Prismaflex?")
P("en", "neg_drug_names", "Ozempic shortage again — anyone switching patients to Mounjaro mid-course, and at what dose?")
P("en", "neg_numbers_in_words", "Ninety minutes door-to-balloon is our target but we were at one hundred and twelve last month. What helped you?")
# ---------------------------------------------------------------- German
P("de", "name_shorthand_no_cue", "Übergabe Station 3: Zi. 12 [[patient_name:Brenninger]] 79w, Pneumonie Tag 4, Sauerstoff runter auf 2 l. Zi. 14 [[patient_name:Yilmaz]] 55m, Cholezystitis, morgen OP.")
P("de", "name_possessive", "Herr [[patient_name:Braun]]s Sohn besteht auf einer PEG, obwohl der Vater das in der Patientenverfügung ausgeschlossen hat. Wie geht ihr mit so etwas um?")
P("de", "name_title_degree", "Unser Patient Herr Dr. rer. nat. [[patient_name:Gottfried Amsel]] ist selbst Pharmakologe und will sein Apixaban eigenmächtig halbieren. Wie überzeugt man so jemanden?")
P("de", "name_title_honorific", "Frau [[patient_name:Kowalczyk]] hat nach der dritten Chemo-Gabe eine Hand-Fuß-Reaktion Grad 3. Capecitabin pausieren oder Dosis reduzieren?")
P("de", "name_particle", "Herr [[patient_name:von Stolzenberg]] (Z. n. Whipple) hat seit Tagen Fettstühle trotz Kreon. Höher dosieren oder erst Elastase bestimmen?")
P("de", "name_double_barrel", "Frau [[patient_name:Meier-Lüdenscheidt]] ist nach dem Sturz zunehmend verwirrt, CCT ohne Blutung. [[patient_name:Meier-Lüdenscheidt]] nimmt Tramadol und Mirtazapin – serotonerg?")
P("de", "name_lowercase_cue", "patientin heißt [[patient_name:sabine roth]], seit gestern Fieber unter Clozapin. Agranulozytose ausgeschlossen, trotzdem absetzen?")
P("de", "name_repeated", "[[patient_name:Lukas Ferber]] ist 19 und hatte seine dritte DKA in diesem Jahr. Ich glaube, [[patient_name:Lukas]] spritzt bewusst kein Insulin. Psychosomatik hinzuziehen?")
P("de", "quoted_letter", "Im Arztbrief steht: „Wir berichten über Ihren Patienten Herrn [[patient_name:Eberhard Quast]], geb. [[date:04.11.1941]]“ – aber die Medikation passt gar nicht zur Diagnose. Hat jemand Erfahrung mit der Klinik?")
P("de", "age_hyphen_jaehrig", "[[age:93]]-jährige Patientin mit Schenkelhalsfraktur, Angehörige wollen keine OP. Wie sieht bei euch die konservative Schmerztherapie aus?")
P("de", "age_words", "Die Dame ist [[age:siebenundneunzig]] und möchte unbedingt noch die Katarakt-OP. Spricht aus internistischer Sicht etwas dagegen?")
P("de", "birth_year_jg", "Patient Jg. [[age:1930]], Vorhofflimmern, eGFR 28. Edoxaban 30 mg oder doch lieber Phenprocoumon?")
P("de", "birth_year_jg", "Jahrgang [[age:1927]], lebt noch allein im dritten Stock ohne Aufzug. Hausarzt fragt nach Pflegegrad-Einstufung – wer beantragt das bei euch?")
P("de", "age_90plus_after_name", "Herr [[patient_name:Pohlmann]] ([[age:95]]) hat ein Hb von 6,8 ohne sichtbare Blutungsquelle. Transfundieren wir noch oder nur bei Symptomen?")
P("de", "ordinal_birthday", "Sie hat nächste Woche ihren [[age:100]]. Geburtstag und der Bürgermeister kommt – können wir das Delir bis dahin in den Griff kriegen?")
P("de", "birth_year_cue", "Geboren [[age:1929]] in Breslau, seit Jahrzehnten Asthma, jetzt erstmals Exazerbation mit Hyperkapnie. NIV bei so alten Menschen – eure Erfahrungen?")
P("de", "date_verb", "Aufnahme am [[date:3.2.]] mit Urosepsis, Entlassung [[date:11.2.]] – und heute wieder da mit gleichem Keim. Dauerkatheter wechseln reicht?")
P("de", "date_verb", "Er wurde am [[date:17. Oktober]] an der Hüfte operiert und hat seitdem kein Wort gesprochen. Postoperatives Delir so lange?")
P("de", "date_dob", "Geb.-Datum laut Versichertenkarte [[date:28.06.1958]], aber die Patientin sagt, sie sei [[age:1960]] geboren. Welche Daten nehmen wir für das Aufnahmeformular?")
P("de", "record_prefixed", "Fall-Nr. [[record_number:2026-0041873]]: die Mikrobiologie meldet MRGN im Rektalabstrich, Station fragt nach Isolierung. Reicht Basishygiene bei 3MRGN?")
P("de", "record_prefixed", "Kann jemand aus der Radiologie auf Auftrag [[record_number:RAD-77120934]] schauen? Der Befund spricht von „unklarer Raumforderung“ in der Leber.")
P("de", "record_unlabelled", "Bei PID [[record_number:00482917]] wurde die Blutkultur doppelt abgenommen und es kam zweimal Staph. epidermidis – Kontamination oder Endokarditis?")
P("de", "kvnr", "Die Kasse lehnt die Reha ab, KVNR [[insurance_number:K033199495]] sei nicht aktiv. Muss der Patient selbst anrufen oder macht das der Sozialdienst?")
P("de", "kvnr", "Versichertennummer [[insurance_number:T862679143]] – gibt es eine Möglichkeit, den Status ohne Karte online zu prüfen?")
P("de", "national_id", "Für den Rentenantrag braucht der Sozialdienst die Steuer-ID [[national_id:40618903755]] des Patienten. Darf ich die aus der Akte weitergeben?")
P("de", "iban", "Die Tochter will die Zuzahlung überweisen, IBAN vom Patientenkonto: [[bank_account:DE45848304425172482127]]. Ist das überhaupt unser Job?")
P("de", "phone_local", "Die Ehefrau bittet um Rückruf unter [[phone:030 48821947]], sie kann erst nach 17 Uhr. Wer übernimmt das Gespräch wegen der Palliativsituation?")
P("de", "phone_mobile", "Der Patient hat mir seine Handynummer gegeben, [[phone:0176 38492017]], damit ich ihm die Laborwerte aufs Handy schicke. Darf ich das?")
P("de", "phone_intl", "Der Hausarzt des Patienten sitzt in Wien, erreichbar unter [[phone:+43 664 3821947]]. Kann die Frühschicht wegen der alten Befunde anrufen?")
P("de", "phone_words", "Nummer der Nichte laut Patient: [[phone:null eins sechs null neun vier acht drei sieben zwei eins]], er kann sie nur aufsagen. Wer ruft an?")
P("de", "relative_contact", "Der Betreuer hat geschrieben, erreichbar ist er unter [[email:betreuung.hansen@web.de]] – bitte Befunde nur dorthin.")
P("de", "email_obfuscated", "Sie will die Befunde an [[email:m.kessler (at) t-online (punkt) de]] bekommen. Wie machen eure Kliniken das datenschutzkonform?")
P("de", "address_postal", "Hausbesuch durch SAPV nötig: [[address:Lindenstraße 48]], [[postal_code:50674]] Köln, 2. OG links. Patient bettlägerig, Schmerzpumpe läuft.")
P("de", "licence_plate", "Das Auto des Patienten ([[licence_plate:M-KR 4471]]) steht seit vier Tagen auf dem Notarztparkplatz. Wer kümmert sich darum?")
P("de", "device_serial", "Der Defi von Herrn [[patient_name:Szymański]] (Seriennr. [[device_serial:RZK 718204]]) hat zweimal inadäquat geschockt. Hersteller schon informiert?")
P("de", "device_serial_no_colon", "Insulinpumpe SN [[device_serial:G7-4410298]] zeigt ständig Okklusion. Bei euch auch Probleme mit dieser Charge?")
P("de", "ip_address", "Das Telemonitoring meldet Zugriffe auf die Patientenakte von [[ip_address:91.47.203.18]] – der Patient sagt, das sei sein Router. Normal?")
P("de", "url_social", "Die Angehörigen haben ein Video von ihm auf [[url:https://www.instagram.com/p/Cx7_papa_kampft]] gepostet, mit Klinikname. Was tun?")
P("de", "url_record", "Link zum Befund im KIS: [[url:https://kis.klinikum-nord.local/akte/0048211?tab=labor]] – schaut bitte auf das Ferritin.")
P("de", "fullwidth_digits", "Die Faxnummer der Tochter kam so an: [[phone:０２２１ ９８３７４５１]]. Kann jemand das ins System übertragen?")
P("de", "soft_hyphen_in_number", "Steuer-ID aus dem Formular kopiert: [[national_id:168" + SHY + "072" + SHY + "42594]] – Sozialdienst braucht sie für den Antrag.")
P("de", "digits_spaced", "Telefon des Sohnes: [[phone:0 8 9 7 1 9 4 6 2 8 3]], bitte heute noch wegen Verlegung anrufen.")
P("de", "lookalike_chars", "Versichertennummer laut Überweisung: [[insurance_number:Н409640336]] – beim Einlesen meckert die Software über ungültige Zeichen. Kennt das jemand?")
P("de", "name_shorthand_no_cue", "Nachtdienst: [[patient_name:Hoxha]] 88m Sturz, CT unauffällig; [[patient_name:Wendelin]] 62w, Hb-Kontrolle um 6. Sonst ruhig.")
P("de", "name_initials", "Patientin [[patient_name:A. M. Grünwald]] mit Verdacht auf Riesenzellarteriitis, BSG 98. Prednisolon sofort oder erst Biopsie?")
P("de", "neg_colleague_title", "OA Dr. Weber meint, wir sollen bei jeder Synkope ein Langzeit-EKG machen. Ist das bei euch auch Standard?")
P("de", "neg_colleague_title", "Frau Prof. Hinrichsen hat gestern in der Fortbildung gesagt, Procalcitonin sei bei COPD-Exazerbation überflüssig. Seht ihr das auch so?")
P("de", "neg_staff", "Schwester Agnes aus der Notaufnahme hat das neue Sepsis-Screening eingeführt – wer hat Erfahrung mit dem qSOFA in der Triage?")
P("de", "neg_colleague_title", "Danke an Kollegin Dr. med. Nowak für den Tipp mit dem Fosfomycin i.v. – hat super funktioniert.")
P("de", "neg_eponym", "Morbus Basedow mit Thyreostatika-Allergie – Radiojodtherapie oder gleich Thyreoidektomie?")
P("de", "neg_eponym", "Verdacht auf Creutzfeldt-Jakob bei rasch progredienter Demenz. Welche Liquor-Marker fordert ihr an, RT-QuIC?")
P("de", "neg_eponym", "Bei Morbus Crohn mit Fisteln – setzt ihr Ustekinumab vor Vedolizumab ein?")
P("de", "neg_eponym", "Hashimoto-Thyreoiditis und Kinderwunsch: ab welchem TSH substituiert ihr?")
P("de", "neg_guideline_date", "Die S3-Leitlinie Sepsis vom Dezember 2025 empfiehlt jetzt Balanced Crystalloids. Hat die jemand schon umgesetzt?")
P("de", "neg_public_url", "Die aktuelle Leitlinie gibt es unter https://register.awmf.org/de/leitlinien/detail/079-001 – Kapitel 5 zur Volumentherapie.")
P("de", "neg_age_under_90", "87-jähriger Patient mit neu diagnostiziertem Vorhofflimmern, CHA2DS2-VASc 5. Antikoagulation trotz Sturzneigung?")
P("de", "neg_age_under_90", "Patientin Mitte achtzig mit Herpes zoster ophthalmicus – Aciclovir i.v. oder reicht Valaciclovir oral?")
P("de", "neg_population_age", "In der Studie wurden über 90-Jährige ausgeschlossen, deshalb sind die Daten für unsere Geriatrie kaum übertragbar.")
P("de", "neg_ninety_not_age", "Sättigung 90 % unter 4 l O2, Atemfrequenz 26. High-Flow oder schon intubieren?")
P("de", "neg_labs", "Kalium 6,4 mmol/l, Kreatinin 3,1 mg/dl, Harnstoff 180 – Dialyse-Indikation oder erst konservativ?")
P("de", "neg_dose", "Enoxaparin 1 mg/kg zweimal täglich bei 130 kg – Anti-Xa-Spiegel bestimmen oder Dosis deckeln?")
P("de", "neg_codes", "OPS 8-980.10 für die intensivmedizinische Komplexbehandlung – wie viele Aufwandspunkte braucht ihr dafür?")
P("de", "neg_codes", "ICD-10-GM E11.74 für diabetisches Fußsyndrom: kodiert ihr zusätzlich L97?")
P("de", "neg_codes", "EBM-Ziffer 03220 und GOP 03221 für die Chronikerpauschale – reicht ein Kontakt im Quartal?")
P("de", "neg_codes", "PZN 04884516 ist in der Apotheke nicht lieferbar, gibt es ein Alternativpräparat?")
P("de", "neg_historical_year", "Seit der Einführung des Penicillins 1942 in der klinischen Praxis hat sich die Resistenzlage dramatisch verändert – wie hoch ist bei euch die MRSA-Rate?")
P("de", "neg_year_range", "Von 2018 bis 2024 haben wir die Sectio-Rate von 34 auf 29 % gesenkt. Welche Maßnahmen haben bei euch gewirkt?")
P("de", "neg_hotline", "Giftnotruf Berlin 030 19240 hat bei der Paracetamol-Intoxikation sofort geholfen – sehr zu empfehlen.")
P("de", "neg_hotline", "Außerhalb der Sprechzeiten bitte auf den ärztlichen Bereitschaftsdienst 116117 verweisen, für Notfälle 112.")
P("de", "neg_switchboard", "Die Zentrale der Charité erreicht ihr unter 030 450 50, von dort wird man zum Transplantationsbüro durchgestellt.")
P("de", "neg_room_bed", "Zimmer 214, Bett 2 ist wegen Noro gesperrt, bitte keine Neuaufnahmen auf Station 7B.")
P("de", "neg_device_model", "Hat jemand Erfahrung mit dem Hamilton C6 Beatmungsgerät im NIV-Modus? Die Leckage-Kompensation ist merkwürdig.")
P("de", "neg_device_model", "Unser Dräger Evita V800 zeigt nach dem Update auf Software 2.51 falsche Compliance-Werte.")
P("de", "neg_drug_names", "Umstellung von Marcumar auf Eliquis: ab welchem INR beginnt ihr mit Apixaban?")
P("de", "neg_scores", "NIHSS 14, ASPECTS 8, Zeitfenster 3 h – Lyse und Thrombektomie, klar. Aber Tenecteplase oder Alteplase?")
P("de", "neg_vitals", "RR 78/40, HF 140, Temp 39,6 °C, Laktat 5,2 – Noradrenalin periphervenös starten, während ZVK gelegt wird?")
P("de", "neg_blood_gas", "BGA: pH 7,18, pCO2 72 mmHg, HCO3 26, BE +1 – akute respiratorische Azidose. NIV-Startwerte?")
P("de", "neg_ecg", "EKG: Sinusrhythmus 48/min, PQ 240 ms, QRS 130 ms, Linksschenkelblock. Schrittmacherindikation?")
P("de", "neg_doi", "Gute Übersicht: doi:10.3238/arztebl.m2023.0129 – Deutsches Ärzteblatt zur Herzinsuffizienz.")
P("de", "neg_trial_id", "Wir rekrutieren für DRKS00031245 zur Frühmobilisation auf der Intensivstation. Wer möchte mitmachen?")
P("de", "neg_version", "Nach dem Update des KIS auf Version 8.3.1 funktioniert die Medikationsliste nicht mehr. Bei euch auch?")
P("de", "neg_numbers_in_words", "Dreimal täglich zwei Tabletten für zehn Tage – ist das bei Amoxicillin für die Borreliose noch aktuell?")
P("de", "neg_conference_date", "Der DGIM-Kongress in Wiesbaden ist vom 18. bis 21. April – wer fährt hin?")
P("de", "neg_ik", "IK 260326822 der Kasse ist im Abrechnungssystem falsch hinterlegt. Wer ist bei euch für die Stammdaten zuständig?")
P("de", "neg_public_figure", "Seit Robert Koch wissen wir von der Tuberkulose, aber die Resistenzlage ist heute eine andere. Bedaquilin-Erfahrungen?")
P("de", "neg_reference_range", "Referenzbereich für NT-proBNP bei uns 0-125 pg/ml, bei über 75-Jährigen 0-450. Nutzt ihr altersabhängige Grenzwerte?")
P("de", "neg_insulin", "Basalinsulin 22 IE abends, Korrekturschema ab 180 mg/dl je 2 IE pro 50 mg/dl. Zu aggressiv bei Niereninsuffizienz?")
# German, second batch
P("de", "name_shorthand_no_cue", "Kurzübergabe ITS: Bett 3 [[patient_name:Olszewski]] 66m, ARDS, Bauchlage seit 4 Uhr; Bett 5 [[patient_name:Treskow]] [[age:91]]w, Urosepsis, Noradrenalin läuft aus.")
P("de", "name_title_degree", "Frau Prof. Dr. [[patient_name:Henriette Lausberg]] – unsere Patientin, emeritierte Germanistin – lehnt jede Bildgebung ab. Wie dokumentiert ihr die Aufklärung?")
P("de", "name_title_honorific", "Herr [[patient_name:Abdullahi]] spricht nur Somali, Dolmetscher erst morgen. Darf ich die Lumbalpunktion trotzdem heute machen, wenn Meningitis droht?")
P("de", "name_particle", "Bei Frau [[patient_name:de Vries]] ist das Kalium unter Spironolacton auf 6,1 gestiegen. Patiromer oder einfach absetzen?")
P("de", "name_particle", "Herr [[patient_name:zu Dohna]] (Z. n. Nierentransplantation) hat CMV-Virämie, 12.000 Kopien. Valganciclovir-Dosis bei eGFR 35?")
P("de", "name_lowercase_cue", "pat. [[patient_name:henrik dahlke]] hat seit der Chemo eine Polyneuropathie Grad 2 – Duloxetin oder Pregabalin?")
P("de", "name_possessive", "[[patient_name:Zimmermann]]s Ehefrau hat die Vollmacht, will aber keine Entscheidung zur Reanimation treffen. Wie geht ihr weiter vor?")
P("de", "name_repeated", "Frau [[patient_name:Ilse Marquardt]] ist heute Nacht gestürzt. Frau [[patient_name:Marquardt]] hat Apixaban – CCT trotz unauffälliger Neurologie?")
P("de", "name_initials", "Konsil für [[patient_name:K.-H. Wöllner]]: Verdacht auf Polymyalgie, CK normal, CRP 64. Prednisolon 20 mg als Test?")
P("de", "age_words", "Patientin ist [[age:dreiundneunzig]] Jahre alt und hat jetzt einen NSTEMI. Koronarangiographie oder konservativ?")
P("de", "age_words", "Der Herr wird im Mai [[age:neunzig]] und möchte noch seine Hernie operieren lassen. Geht das ambulant?")
P("de", "age_hyphen_jaehrig", "[[age:98]]-Jähriger mit Sigmadivertikulitis, gedeckte Perforation. Antibiose und abwarten?")
P("de", "age_90plus_after_name", "Frau [[patient_name:Lemke]], [[age:92]], hat ein neues Vorhofflimmern mit 150/min. Metoprolol oder Digitalis?")
P("de", "birth_year_cue", "Laut Ausweis geb. [[age:1931]], aber sie wirkt deutlich jünger. Spielt das Alter bei der TAVI-Entscheidung überhaupt eine Rolle?")
P("de", "birth_year_words", "Er sagt, er sei Jahrgang [[age:neunzehnhundertachtundzwanzig]], und erinnert sich an alles aus dem Krieg, aber nicht an gestern.")
P("de", "date_verb", "Die Patientin hatte am [[date:02.11.2026]] eine Knie-TEP, seit [[date:05.11.]] Fieber und Rötung. Frühinfekt – DAIR oder Wechsel?")
P("de", "date_verb", "Er kam am Freitag, den [[date:20. November]], mit Brustschmerz und ist seitdem beschwerdefrei. Entlassen vor dem Belastungs-MRT?")
P("de", "record_prefixed", "Aufnahme-Nr. [[record_number:A-26-118374]]: Labor zeigt ein Lithium von 2,4. Hämodialyse ab welchem Spiegel bei euch?")
P("de", "record_unlabelled", "Fall [[record_number:KH-2026-48113]] – Pathologie meldet R1-Resektion. Nachresektion oder Radiatio?")
P("de", "kvnr", "KVNR des Patienten: [[insurance_number:W522394139]] – die eGK ist defekt, geht das Ersatzverfahren auch in der Notaufnahme?")
P("de", "national_id", "Sozialdienst braucht für den Pflegeantrag die steuerliche IdNr. [[national_id:17550536484]] – ist das wirklich nötig?")
P("de", "iban", "Rückzahlung der Wahlleistung bitte auf [[bank_account:DE94 9804 8014 3826 0782 92]] – schreibt die Patientin. Wer macht das bei euch?")
P("de", "phone_local", "Rückrufbitte des Sohnes: [[phone:0221 9837451]], wegen der Verlegung in die Kurzzeitpflege.")
P("de", "phone_intl", "Die Tochter lebt in Zürich, [[phone:+41 79 482 19 37]], und will bei der Therapiezieländerung dabei sein (per Video).")
P("de", "email", "Der Patient möchte, dass wir seinen Befund an [[email:w.ostermann1944@gmx.de]] schicken. Ich wäre da vorsichtig.")
P("de", "address_postal", "Entlassung nach Hause: [[address:Am Kirchberg 7]], [[postal_code:83646]] Bad Tölz – Pflegedienst kommt ab Montag. Rezept für O2 noch offen.")
P("de", "licence_plate", "Der Motorradfahrer mit Kennzeichen [[licence_plate:B-LQ 2209]] liegt im Schockraum, Polizei fragt nach Blutalkohol.")
P("de", "invisible_chars", "Fall-Nr. [[record_number:2026" + WJ + "0058" + WJ + "119]] lässt sich im KIS nicht finden, obwohl sie auf dem Etikett steht.")
P("de", "lookalike_chars", "Kennzeichen laut Polizei [[licence_plate:ΚΑ-ΜΡ 318]], der Fahrer ist unser Patient auf der Stroke Unit.")
P("de", "url_record", "Hier das Video der Anfälle: [[url:https://cloud.uniklinik-sued.de/s/anfall-pat-4471]] – epileptisch oder psychogen?")
P("de", "neg_colleague_title", "Chefarzt Prof. Dr. Brandt besteht auf CT vor jeder Lumbalpunktion. Seht ihr das auch so streng?")
P("de", "neg_colleague_title", "Unsere Stationsleitung Frau Albers hat den Entlassplan überarbeitet – Vorlage gerne auf Anfrage.")
P("de", "neg_eponym", "Guillain-Barré oder CIDP? Verlauf über 9 Wochen, Liquoreiweiß 1,8 g/l.")
P("de", "neg_eponym", "Alzheimer-Demenz mit Lecanemab – hat schon jemand einen Patienten in Deutschland darauf eingestellt?")
P("de", "neg_eponym", "Morbus Cushing nach Hypophysen-OP rezidiviert – Osilodrostat oder Bestrahlung?")
P("de", "neg_guideline_author", "Laut Singer et al. (Sepsis-3, 2016) ist der SOFA-Anstieg um 2 Punkte entscheidend – benutzt das eure Notaufnahme?")
P("de", "neg_age_under_90", "Ein 64-Jähriger mit Erstdiagnose Diabetes, HbA1c 10,2 %. Direkt Insulin oder erst Metformin plus GLP-1?")
P("de", "neg_nonagenarian", "Wie viele Hochbetagte über neunzig seht ihr pro Woche in der Notaufnahme? Bei uns sind es gefühlt immer mehr.")
P("de", "neg_historical_year", "Die erste Herztransplantation 1967 in Kapstadt – und heute warten unsere Patienten trotzdem Jahre.")
P("de", "neg_hotline", "Telefonseelsorge 0800 111 0 111 – gebt ihr die Nummer bei Entlassung nach Suizidversuch mit?")
P("de", "neg_codes", "LOINC 718-7 für Hämoglobin wird in unserem System falsch auf Hämatokrit gemappt. Kennt das jemand?")
P("de", "neg_device_model", "Der Abbott Alinity ci liefert bei uns seit dem Update höhere Troponinwerte. Kalibrierung?")
P("de", "neg_public_url", "Die Dosierungstabelle für Niereninsuffizienz findet ihr unter https://dosing.de – sehr praktisch.")
P("de", "neg_room_bed", "Zimmer 8 auf der 4B hat einen defekten Sauerstoffanschluss, Bett 1 bitte nicht belegen.")
P("de", "neg_version", "Nach dem Update auf meona 2026.1 sind die Infusionspläne verschwunden. Bei euch auch?")
P("de", "neg_dose", "Vancomycin 15–20 mg/kg alle 12 h, Talspiegel 15–20 – oder macht ihr schon AUC-gesteuert?")
# German, third batch
P("de", "quoted_letter", "Aus dem Verlegungsbrief: „Name: [[patient_name:Hüseyin Aktaş]], geb. [[date:12.03.1952]], Fall-Nr. [[record_number:55201873]]“ – die Antibiose ist nirgends dokumentiert. Wie holt ihr so etwas nach?")
P("de", "name_lowercase_cue", "im Konsilschein steht nur „pat. [[patient_name:krämer]], unklare Anämie“ – sonst nichts. Ruft ihr bei so was zurück?")
P("de", "name_title_honorific", "Frau Dr. phil. [[patient_name:Ortrud Bieler]], unsere Patientin, fragt nach einer Zweitmeinung zur Mastektomie. Wen empfehlt ihr in Hamburg?")
P("de", "name_shorthand_no_cue", "Wochenende Station 2: [[patient_name:Kaminski]] 84m Exsikkose, Infusion 1,5 l; [[patient_name:Ehlers]] 70w Pneumonie, Ceftriaxon Tag 3.")
P("de", "name_repeated", "Herr [[patient_name:Volkmar Steeg]] hat nach der Koloskopie Fieber. Ich fürchte, bei [[patient_name:Steeg]] ist eine Perforation übersehen worden.")
P("de", "age_words", "Der Patient ist [[age:einhundertzwei]] Jahre alt und bekommt noch Marcumar. Wann hört ihr mit der Antikoagulation auf?")
P("de", "age_parenthesis_after_word", "Die Großmutter ([[age:94]]) wurde mit Hypoglykämie eingeliefert, Sulfonylharnstoff vom Hausarzt. Wie lange überwachen?")
P("de", "date_verb", "Am [[date:30.10.]] hatte sie die Sectio, seit gestern Kopfschmerz und RR 165/105 – Spätpräeklampsie?")
P("de", "phone_local", "Rückruf bitte an die Schwester des Patienten: [[phone:0160 9483721]] – sie entscheidet über die Verlegung.")
P("de", "kvnr", "Auf dem Rezept steht KVNR [[insurance_number:H409640336]], aber die Apotheke sagt, die Nummer gehöre einer anderen Person.")
P("de", "invisible_chars", "Aus dem Fax kopiert: Tel. [[phone:089" + ZW + "719" + ZW + "46283]] – das ist die Nummer der Tochter, bitte anrufen wegen OP-Einwilligung.")
P("de", "digits_spaced", "Steuer-ID laut Formular: [[national_id:5 7 6 6 9 6 4 1 0 3 8]] – der Sozialdienst fragt, ob wir die in den Brief schreiben dürfen.")
P("de", "neg_colleague_title", "OÄ Dr. Schulte-Brinkmann sagt, wir sollen bei Synkopen immer ein Echo machen. Übertrieben?")
P("de", "neg_eponym", "Parkinson-Patient mit Delir: Quetiapin niedrig dosiert oder lieber gar nichts?")
P("de", "neg_eponym", "Hat jemand Erfahrung mit Wegener – heute GPA – und Rituximab als Erhaltungstherapie?")
P("de", "neg_codes", "SNOMED 73211009 für Diabetes mellitus und ICD E11.9 – welcher Code geht in die ePA?")
P("de", "neg_guideline_date", "Die NVL Herzinsuffizienz, 4. Auflage von 2023, empfiehlt SGLT2-Hemmer für alle. Setzt ihr das um?")
P("de", "neg_age_under_90", "Mein 79-jähriger Patient will mit Marathon anfangen, EKG und Echo normal. Belastungstest zuerst?")
P("de", "neg_switchboard", "Die Zentrale des UKE Hamburg hat die 040 7410-0 – von dort zur Neurochirurgie durchstellen lassen.")
P("de", "neg_device_model", "Die Infusomat Space Pumpen von B. Braun melden ständig Luft im System. Tipps?")
P("de", "neg_labs", "Ferritin 1200, Transferrinsättigung 68 %, HFE negativ – Aderlass oder erst MRT der Leber?")
P("de", "neg_trial_id", "Für die Studie EudraCT 2021-004512-33 suchen wir noch Zentren mit Stroke Unit.")
# ---------------------------------------------------------------- Hindi / Hinglish
P("hi", "name_after_hindi_cue", "मरीज़ [[patient_name:सुरेश चौहान]] को तीन दिन से fever है, platelets 38,000 हैं। Dengue NS1 positive है – platelet transfusion कब देते हैं आप लोग?")
P("hi", "name_after_hindi_cue", "पेशेंट [[patient_name:गीता देवी]] का HbA1c 11.2 है और वो insulin लेने से मना कर रही हैं। [[patient_name:गीता देवी]] को कैसे समझाएँ?")
P("hi", "name_after_hindi_cue", "रोगी [[patient_name:मोहम्मद इरफ़ान]], COPD के साथ, रात में बहुत breathless हो जाते हैं। BiPAP घर पर start करें?")
P("hi", "name_initials", "Referral आया है: [[patient_name:N. S. Raghavan]], post-CABG, अब sternal wound infection है। Vacuum dressing का experience किसी को?")
P("hi", "name_initials", "[[patient_name:एस. के. त्रिपाठी]] जी का creatinine 4.8 हो गया है, nephrology वाले कह रहे हैं dialysis शुरू करो। Family तैयार नहीं है।")
P("hi", "name_title_honorific", "श्रीमती [[patient_name:कमला नायर]] की knee replacement के बाद DVT हो गई, apixaban कितने दिन चलाएँ?")
P("hi", "name_title_honorific", "Mr. [[patient_name:Harpreet Gill]] ko second MI aaya hai 6 mahine mein, statin adherence zero thi. Inclisiran try karein kya?")
P("hi", "name_hinglish_cue", "patient ka naam [[patient_name:rakesh yadav]] hai, snake bite ke baad 20 vials ASV de chuke hain, abhi bhi bleeding. Aur doon?")
P("hi", "name_shorthand_no_cue", "Night handover: Bed 6 [[patient_name:Pandey]] 72M, hypoglycemia 2 बार रात में; Bed 9 [[patient_name:Fernandes]] 58F, UGI bleed, Hb 7.1।")
P("hi", "name_possessive", "[[patient_name:शर्मा]] जी के बेटे ने discharge के लिए force किया, DAMA पर sign भी कर दिया। Legal तौर पर हम safe हैं?")
P("hi", "name_repeated", "[[patient_name:Anjali Menon]] 24 साल की है, SLE flare के साथ आई है। [[patient_name:Anjali]] pregnant भी है – hydroxychloroquine continue करें ना?")
P("hi", "age_devanagari_digits", "[[age:९२]] वर्षीय महिला, hip fracture, family surgery के लिए मान नहीं रही। Conservative management में pain control कैसे करें?")
P("hi", "age_hindi_words", "बाबा जी की उम्र [[age:पंचानवे]] साल है और अब भी खेत जाते हैं। BP 180/100 – कितना aggressive treat करें?")
P("hi", "age_90plus_after_name", "[[patient_name:हरिप्रसाद मिश्रा]] ([[age:94]]) को urinary retention है, prostate बहुत बड़ी है। TURP करें या long-term catheter?")
P("hi", "age_vershiya", "[[age:91]] वर्षीय पुरुष, acute MI, थ्रोम्बोलाइसिस दें या नहीं? Cath lab available नहीं है।")
P("hi", "birth_year_cue", "जन्म [[age:१९३०]], पेशेंट अकेली रहती हैं, बार-बार गिर रही हैं। Vitamin D और calcium के अलावा क्या करें?")
P("hi", "birth_year_cue", "Aadhaar के हिसाब से birth year [[age:1932]] है लेकिन patient खुद को 80 का बताते हैं। Consent के लिए क्या लिखें?")
P("hi", "date_hinglish", "[[date:15/09]] ko admit kiya tha, [[date:22/09]] ko discharge, aur aaj phir se same complaint ke saath aaya hai – UTI recurrence.")
P("hi", "date_verb", "Surgery [[date:२ अक्टूबर]] को हुई थी, अभी तक drain से 300 ml आ रहा है। Chyle leak हो सकता है?")
P("hi", "date_verb", "मरीज़ को [[date:10 नवंबर]] को admit किया गया था और तब से ventilator पर है। Tracheostomy कब करें?")
P("hi", "record_prefixed", "UHID [[record_number:2026014488]] वाले patient की report में creatinine गलत आ रहा है, lab से बात किसने की?")
P("hi", "record_prefixed", "IPD No. [[record_number:IP/26/33871]] – insurance वाले pre-auth reject कर रहे हैं, कोई TPA से बात करवा सकता है?")
P("hi", "record_unlabelled", "Case [[record_number:MLC-2026-0417]] है, police statement बाकी है, पर patient ICU में है। Doctor को क्या लिखना है?")
P("hi", "national_id_aadhaar", "Ayushman card बनवाने के लिए patient का Aadhaar [[national_id:7453 5740 9432]] चाहिए – क्या ये group में share करना ठीक है?")
P("hi", "national_id_aadhaar", "आधार नंबर [[national_id:७४८२ ८५४६ ८०२४]] गलत enter हो गया था, PMJAY portal पर कैसे correct करें?")
P("hi", "national_id_pan", "Billing वालों को PAN [[national_id:BKRPS4821L]] चाहिए 50,000 से ऊपर cash payment के लिए। Patient के पास नहीं है, क्या करें?")
P("hi", "bank_account_in", "Family ने refund के लिए account number [[bank_account:30918472650]] दिया है, IFSC SBIN0001234। Accounts section को forward करूँ?")
P("hi", "phone_local", "मरीज़ के बेटे का नंबर [[phone:98231 04576]] है, वो रात को ही बात कर पाएँगे। Counseling कौन करेगा?")
P("hi", "phone_intl", "Patient का भाई Dubai में है, number [[phone:+971 50 482 1937]], वो high-risk consent देना चाहते हैं। WhatsApp call पर consent valid है?")
P("hi", "phone_landline", "Referring hospital का direct number [[phone:080 41286734]] है – पर ये patient के रिश्तेदार का घर का नंबर निकला। किसको बताऊँ?")
P("hi", "phone_words", "Patient ki wife ka number bol raha hai – [[phone:seven zero four five eight two one nine three six]] – please koi call karke bata do ki wo ICU mein hai.")
P("hi", "devanagari_digits", "मरीज़ का mobile [[phone:९७११४ ०८२६३]] है, report WhatsApp पर भेजने को कह रहे हैं।")
P("hi", "relative_contact", "Daughter ka email [[email:priya.kulkarni88@gmail.com]] hai, wo US mein hai, discharge summary bhejni hai.")
P("hi", "email_obfuscated", "Patient ने report भेजने के लिए [[email:rajeshpatil1961 at rediffmail dot com]] दिया है। Hospital policy क्या कहती है?")
P("hi", "address_postal", "Home care के लिए पता: [[address:Flat 302, Shanti Kunj, Ramdaspeth]], Nagpur [[postal_code:440010]]। Oxygen concentrator वहाँ पहुँचाना है।")
P("hi", "licence_plate_in", "Accident case में गाड़ी [[licence_plate:MH 31 EQ 4472]] थी, police पूछ रही है patient होश में है या नहीं।")
P("hi", "licence_plate_in", "Ambulance के बाहर खड़ी car [[licence_plate:DL3CBK9021]] patient की है, security हटवाने को कह रही है।")
P("hi", "url_crowdfunding", "Family ने [[url:https://milaap.org/fundraisers/support-baby-aarav-heart-surgery]] पर fundraiser डाला है, hospital का letter माँग रहे हैं।")
P("hi", "url_social", "किसी ने ICU की फोटो [[url:https://www.facebook.com/groups/nagpurhelp/posts/7719283]] पर डाल दी, patient का चेहरा दिख रहा है।")
P("hi", "device_serial", "Pacemaker का SN [[device_serial:PJN884102T]] है, company वाले कह रहे हैं recall में आता है। Patient को कैसे बताएँ?")
P("hi", "ip_address", "HMIS में login attempts [[ip_address:103.21.58.144]] से आ रहे हैं जो patient के घर का connection है, IT ने बताया।")
P("hi", "invisible_chars", "UHID [[record_number:2026" + ZW + "0193" + ZW + "77]] वाले मरीज़ की biopsy report दो बार print हो गई, अलग-अलग results के साथ।")
P("hi", "fullwidth_digits", "मरीज़ के पति का number [[phone:８７６５４ ２１０９３]] है – form पर ऐसे ही छपा है।")
P("hi", "lookalike_chars", "PAN card scan से आया: [[national_id:АНМРV7733K]] – billing software इसे reject कर रहा है।")
P("hi", "quoted_letter", "Discharge card में लिखा है: \"Name: [[patient_name:Lakshmi Venkatesh]], Age: [[age:93]] Y, IPD: [[record_number:IP-26-55120]]\" – hyponatremia 119 थी, fluid restriction काफी था?")
P("hi", "name_lowercase_hinglish", "bhai ek case – [[patient_name:sunita bai]], 60, organophosphate poisoning, atropine 40 amp de chuke. pralidoxime bhi dein?")
P("hi", "age_words_hinglish", "Dadi ki umar [[age:ninety-six]] hai, pneumonia hai, ghar wale ICU nahi chahte. Ward mein hi manage karein?")
P("hi", "name_surname_hindi", "Bed 3 पर [[patient_name:खन्ना]] साहब हैं, post-op ileus दूसरे दिन। [[patient_name:खन्ना]] जी को NG tube लगाएँ?")
P("hi", "neg_staff_hod", "HOD sir Dr. Mehta ने कहा है कि हर sepsis case में procalcitonin भेजना है। आपके यहाँ भी ऐसा protocol है?")
P("hi", "neg_colleague_title", "Sister Rosamma ICU से बता रही थीं कि नया heparin pump ठीक से काम नहीं कर रहा। Biomedical को complaint किसने डाली?")
P("hi", "neg_colleague_title", "Dr. Bhatnagar ma'am ki CME bahut achhi thi thyroid pe – kisi ke paas slides hain?")
P("hi", "neg_colleague_title", "हमारे PG Dr. Anurag ने पहली बार pericardiocentesis की, बहुत अच्छे से। Ultrasound guidance के बिना कौन करता है अब?")
P("hi", "neg_eponym", "Guillain-Barré के case में IVIG महँगा है, plasmapheresis ही करते हैं हम। आपका experience?")
P("hi", "neg_eponym", "Parkinson के मरीज़ में levodopa के साथ domperidone देते हैं या ondansetron?")
P("hi", "neg_eponym", "Kawasaki disease में दूसरी IVIG dose कब देते हैं अगर fever 36 घंटे बाद भी है?")
P("hi", "neg_eponym", "Wilson disease का suspicion है, ceruloplasmin कम है। Penicillamine या trientine – India में क्या available है?")
P("hi", "neg_age_under_90", "78 वर्षीय पुरुष, new onset AF, rate 140। Digoxin दें या diltiazem?")
P("hi", "neg_age_under_90", "Patient 85 saal ke hain, CKD stage 4, HbA1c 9। Kaunsi oral drug safe hai?")
P("hi", "neg_population_age", "Trial में 90 साल से ऊपर के लोग exclude थे, तो हमारे बुज़ुर्ग मरीज़ों पर ये data कैसे लागू करें?")
P("hi", "neg_ninety_not_age", "SpO2 नब्बे प्रतिशत पर अटका है, 10 L mask पर भी। HFNC लगाएँ?")
P("hi", "neg_devanagari_dose", "Paracetamol १५ mg/kg हर ६ घंटे, maximum ६० mg/kg/day – बच्चों में यही देते हैं ना?")
P("hi", "neg_labs", "Hb 6.2, MCV 58, ferritin 4 – iron sucrose दें या ferric carboxymaltose? Pregnancy 32 weeks है।")
P("hi", "neg_dose", "Ceftriaxone 2 g OD, metronidazole 500 mg TDS – liver abscess में कितने दिन?")
P("hi", "neg_scores", "GCS 8, intubate करना ही पड़ेगा। APACHE II 24 आया – prognosis family को कैसे बताएँ?")
P("hi", "neg_codes", "ICD-10 A90 dengue के लिए और A91 DHF के लिए – PMJAY package code में कौन सा डालते हैं?")
P("hi", "neg_codes", "SNOMED CT code 38341003 hypertension का है, HMIS में map नहीं हो रहा। IT वालों से कौन बात करेगा?")
P("hi", "neg_guideline_date", "ICMR की 2024 wali STG में typhoid के लिए azithromycin first line है अब। सबने पढ़ी?")
P("hi", "neg_historical_year", "1947 से पहले ही इस hospital में TB sanatorium था, अब वही building chest ward है।")
P("hi", "neg_trial_id", "CTRI/2024/03/064512 में हम recruit कर रहे हैं – snake bite में low-dose ASV पर। Interested centres बताइए।")
P("hi", "neg_doi", "ये पढ़िए: doi:10.4103/ijmr.ijmr_1452_23 – Indian data on carbapenem resistance।")
P("hi", "neg_public_url", "Dengue guidelines यहाँ हैं: https://ncvbdc.mohfw.gov.in – platelet transfusion threshold देख लीजिए।")
P("hi", "neg_public_url", "WHO की snakebite guideline: https://www.who.int/health-topics/snakebite – antivenom dosing वाला chapter।")
P("hi", "neg_hotline", "Ambulance के लिए 108 और 102, और mental health के लिए Tele-MANAS 14416 – patients को ये नंबर बताते रहिए।")
P("hi", "neg_hotline", "National Poison Information Centre AIIMS का number 1800-116-117 है, organophosphate cases में बहुत help करते हैं।")
P("hi", "neg_switchboard", "AIIMS Delhi का main switchboard 011-26588500 है, वहाँ से neurosurgery resident को connect करवा दो।")
P("hi", "neg_room_bed", "Ward 5 का bed 23 और 24 oxygen line खराब होने से बंद हैं। Maintenance को बता दिया है।")
P("hi", "neg_device_model", "BPL Medical का Ultima PrimeD ECG machine बार-बार paper jam कर रही है, किसी और के यहाँ भी?")
P("hi", "neg_device_model", "GE Voluson E10 पर fetal echo में किसी को setting tips चाहिए तो बताइए।")
P("hi", "neg_drug_names", "Dolo 650 और Crocin दोनों paracetamol हैं, फिर भी patients दोनों साथ में ले रहे हैं। Counselling में क्या बोलें?")
P("hi", "neg_ifsc_only", "NEFT के लिए hospital का IFSC HDFC0000421 है, pharmacy वाले पूछ रहे थे।")
P("hi", "neg_version", "HMIS का version 4.2.1 आने के बाद discharge summary print नहीं हो रही।")
P("hi", "neg_ip_like_version", "Ventilator software 10.2.0.1 पर update के बाद alarm volume reset हो जाता है।")
P("hi", "neg_numbers_in_words", "दिन में तीन बार दो गोली, पाँच दिन तक – ये antibiotic course सही है क्या?")
P("hi", "neg_vitals", "BP 80/50, pulse 128, RR 30, temp 102 F – sepsis protocol start करें, cultures के बाद।")
P("hi", "neg_blood_gas", "ABG: pH 7.12, HCO3 8, pCO2 22, anion gap 26 – DKA है, bicarbonate दें?")
P("hi", "neg_ecg", "ECG में ST elevation V1-V4, QTc 480 – thrombolysis में streptokinase या tenecteplase?")
P("hi", "neg_insulin", "Insulin glargine 16 units रात को, regular insulin 6-6-6 – hypoglycemia हो रहा है सुबह। Dose कितनी कम करें?")
P("hi", "neg_renal_dosing", "eGFR 25 है, levetiracetam 500 mg BD ठीक है या 250 पर ले आएँ?")
P("hi", "neg_public_figure", "Amitabh Bachchan वाले TB और hepatitis वाले interview के बाद patients खुद test करवाने आ रहे हैं, अच्छा है।")
P("hi", "neg_conference_date", "APICON 2027 की abstract deadline 15 नवंबर है – कोई case series भेज रहा है?")
P("hi", "neg_year_range", "2019 से 2024 तक हमारे यहाँ scrub typhus cases तीन गुना हो गए। आपके district में?")
P("hi", "neg_reference_range", "TSH की reference range 0.5-5.0 रखी है हमारी lab ने, pregnancy में trimester-wise अलग रखते हैं?")
P("hi", "neg_hinglish_general", "Koi bata sakta hai ki dengue warning signs mein fluid bolus kitna dete hain? 10 ml/kg ya 20?")
# Hindi / Hinglish, second batch
P("hi", "name_after_hindi_cue", "मरीज़ [[patient_name:बलविंदर कौर]] को steroid के बाद sugar 400 तक जा रही है। Sliding scale से काम चलेगा या basal-bolus?")
P("hi", "name_after_hindi_cue", "पेशेंट [[patient_name:Joseph Thomas]] ne clopidogrel khud band kar diya tha, ab stent thrombosis ke saath aaye hain।")
P("hi", "name_after_hindi_cue", "मरीज़ा [[patient_name:नसरीन बानो]], G3P2, 34 weeks, BP 170/110 – MgSO4 शुरू कर दिया, delivery कब plan करें?")
P("hi", "name_title_honorific", "Dr. साहब नहीं, patient खुद Dr. [[patient_name:Vinod Agarwal]] हैं (retired dentist), वो अपनी dose खुद बदलते रहते हैं।")
P("hi", "name_initials", "[[patient_name:P. V. Subramaniam]] को TB meningitis है, दूसरे हफ्ते में hydrocephalus आ गया। VP shunt या EVD?")
P("hi", "name_lowercase_hinglish", "mareez ka naam [[patient_name:imran qureshi]], paraquat pee liya, abhi koi symptom nahi. Prognosis kya batayein family ko?")
P("hi", "name_shorthand_no_cue", "ICU रात की list: Bed 2 [[patient_name:Bhosale]] 67M, ARDS, prone; Bed 4 [[patient_name:Kutty]] 45F, DKA resolving।")
P("hi", "name_possessive", "[[patient_name:Reddy]] साहब की wife ने कहा है कि ventilator हटाने का फैसला वो नहीं लेंगी। Ethics committee को भेजें?")
P("hi", "name_repeated", "पेशेंट [[patient_name:राजेंद्र सिंह राठौर]] का INR 8 है warfarin पर। [[patient_name:राठौर]] जी को कोई bleeding नहीं है – vitamin K oral दें?")
P("hi", "age_hindi_words", "अम्मा जी [[age:नब्बे]] साल की हैं, cataract surgery करवाना चाहती हैं, लेकिन AF और warfarin पर हैं।")
P("hi", "age_vershiya", "[[age:96]] वर्षीया महिला को pressure sore grade 4 है, family घर ले जाना चाहती है। Dressing कैसे सिखाएँ?")
P("hi", "age_devanagari_digits", "मरीज़ की उम्र [[age:९७]] साल, pneumonia, oxygen 4 L पर। Antibiotics IV ही दें या oral चल जाएगा?")
P("hi", "age_90plus_after_name", "Dadaji [[patient_name:Gurnam Singh]] ([[age:99]]) ko hip fracture hua hai, family operation ke liye ready hai. Anaesthesia risk kitna hai?")
P("hi", "birth_year_cue", "Janm [[age:1933]] ka hai, pension wale papers mein bhi yahi likha. Patient ko dementia hai, consent kaun dega?")
P("hi", "birth_year_devanagari", "जन्म वर्ष [[age:१९२९]], अकेले रहते हैं, कल रात hypothermia के साथ लाए गए।")
P("hi", "date_verb", "Delivery [[date:14 अगस्त]] को हुई थी, अब postpartum psychosis के लक्षण हैं। Lithium breastfeeding में safe?")
P("hi", "date_hinglish", "Chemo ka last cycle [[date:3 Nov]] ko diya tha, aaj febrile neutropenia ke saath aayi hai. Pip-taz se start karein?")
P("hi", "date_devanagari", "मरीज़ [[date:१२/१०/२०२६]] को discharge हुआ था, आज फिर से GI bleed के साथ।")
P("hi", "record_prefixed", "CR No. [[record_number:260118-4471]] वाले patient की CT report missing है, radiology से कौन पूछेगा?")
P("hi", "record_unlabelled", "MRD [[record_number:M/2026/7712]] file नहीं मिल रही, insurance claim अटका है।")
P("hi", "national_id_aadhaar", "Patient का आधार [[national_id:2144 9066 3047]] PMJAY में link नहीं हो रहा, surgery पहले से approved थी।")
P("hi", "national_id_pan", "Mediclaim reimbursement के लिए PAN [[national_id:CQZPT5190F]] patient का ही है या family का चलेगा?")
P("hi", "insurance_other", "Ayushman card ID [[insurance_number:PMJAY-UP-4478120936]] पर package block नहीं हो रहा, helpdesk बंद है।")
P("hi", "bank_account_in", "Patient के बेटे ने advance लौटाने के लिए a/c no. [[bank_account:5010 0482 7712 93]] दिया है – HDFC का।")
P("hi", "phone_local", "मरीज़ की माँ का फ़ोन [[phone:+91 87654 21093]] है, वो गाँव से आ रही हैं, reach होते ही counseling करनी है।")
P("hi", "phone_words", "Patient ne number bataya: [[phone:eight eight two six one nine three zero five four]] – landline nahi hai unke paas.")
P("hi", "digits_spaced", "Bete ka number [[phone:9 4 4 0 2 1 7 7 8 6]] – please shift end se pehle call kar dena, ventilator decision ke liye.")
P("hi", "email", "Patient ki beti ne kaha report [[email:ananya.r.joshi@outlook.in]] par bhej do, wo Pune mein hai।")
P("hi", "address_postal", "Patient का पता: [[address:H.No. 14, Gali No. 3, Shastri Nagar]], Meerut [[postal_code:250004]] – ASHA worker को follow-up के लिए भेजना है।")
P("hi", "licence_plate_in", "Road accident: bike [[licence_plate:UP 32 HK 7719]], rider हमारे ICU में है, police FIR के लिए details माँग रही है।")
P("hi", "url_crowdfunding", "Family ka fundraiser [[url:https://www.ketto.org/fundraiser/help-ravi-fight-leukemia]] – hospital estimate letter chahiye unhe.")
P("hi", "ip_address", "Telemedicine call [[ip_address:49.36.112.207]] से आ रही है, patient ने कहा वो उसका Jio connection है – record में रखें?")
P("hi", "invisible_chars", "आधार नंबर copy करने पर ऐसा आ रहा है: [[national_id:4482" + ZW + "6512" + ZW + "7484]] – portal accept नहीं कर रहा।")
P("hi", "neg_eponym", "Hashimoto thyroiditis में selenium देते हैं आप लोग? Evidence कमज़ोर लगता है।")
P("hi", "neg_eponym", "Addison crisis में hydrocortisone 100 mg bolus के बाद infusion या 6-hourly bolus?")
P("hi", "neg_colleague_title", "Matron madam ने कहा है कि visitors का time अब 4 से 6 बजे तक ही रहेगा।")
P("hi", "neg_staff_hod", "हमारे HOD Prof. Krishnamurthy sir ने कहा कि हर ICU admission पर lactate भेजो। ठीक है?")
P("hi", "neg_age_under_90", "65 साल की महिला, first episode of seizure, MRI normal। Antiepileptic start करें या wait करें?")
P("hi", "neg_population_age", "NFHS data में 90 साल से ऊपर के लोगों का sample बहुत छोटा है, इसलिए हम extrapolate नहीं कर सकते।")
P("hi", "neg_devanagari_dose", "Amoxicillin ५०० mg दिन में तीन बार, ७ दिन – sinusitis के लिए ठीक है?")
P("hi", "neg_hotline", "Women helpline 181 और child helpline 1098 – POCSO case में पहले किसको call करें?")
P("hi", "neg_codes", "PMJAY package code SG039A lap chole का है, pre-auth में कौन से documents लगते हैं?")
P("hi", "neg_public_url", "ICMR की antimicrobial guidelines https://main.icmr.nic.in पर हैं – 2022 wala version देखिए।")
P("hi", "neg_guideline_author", "Surviving Sepsis Campaign 2021 (Evans et al.) में vitamin C की recommendation नहीं है – फिर भी कुछ लोग दे रहे हैं।")
P("hi", "neg_device_model", "Mindray BeneHeart D3 defibrillator में pacing mode कैसे on करते हैं?")
P("hi", "neg_labs", "Serum sodium 118, osmolality 250, urine Na 45 – SIADH लग रहा है। Tolvaptan मिलता है India में?")
P("hi", "neg_hinglish_general", "Bhai log, snake bite mein 20 min WBCT test ke baad kitne vials dete ho? Hum 10 se start karte hain.")
P("hi", "neg_year_range", "1990 से 2020 के बीच India में rheumatic heart disease कम हुआ है, पर हमारे area में अभी भी बहुत है।")
P("hi", "neg_drug_names", "Pan-D और Rantac दोनों prescription में एक साथ? Duplicate acid suppression है ना?")
P("hi", "neg_room_bed", "Casualty के bed 1 से 6 trauma के लिए reserve हैं, medical cases bed 7 के आगे।")
P("hi", "neg_ninety_not_age", "Hb electrophoresis में HbF नब्बे प्रतिशत है – thalassemia major confirm?")
# Hindi / Hinglish, third batch
P("hi", "quoted_letter", "Referral letter में लिखा है: \"Patient: Smt. [[patient_name:Parvati Hegde]], UHID: [[record_number:KMC2600913]], Age: [[age:91]]\" – पर उन्हें dialysis पर कौन रखेगा इस उम्र में?")
P("hi", "name_after_hindi_cue", "मरीज़ [[patient_name:अब्दुल रशीद]] को रोज़े के दौरान insulin कैसे adjust करें? HbA1c 8.5 है।")
P("hi", "name_after_hindi_cue", "पेशेंट [[patient_name:कविता]] 19 साल की है, anorexia के साथ आई है, BMI 13। Refeeding कैसे शुरू करें?")
P("hi", "name_lowercase_hinglish", "case discuss karna tha – [[patient_name:ramesh kumar]], 45M, alcohol withdrawal, lorazepam pe bhi agitated. [[patient_name:ramesh]] ko phenobarb dein?")
P("hi", "name_shorthand_no_cue", "Ward 3 handover: [[patient_name:Siddiqui]] 70M CHF, furosemide infusion; [[patient_name:Lobo]] 82F fall, X-ray pending।")
P("hi", "age_hindi_words", "बुज़ुर्ग मरीज़ की उम्र [[age:निन्यानवे]] साल है, cataract और hearing loss दोनों। Delirium prevention कैसे करें ward पर?")
P("hi", "birth_year_cue", "Ration card पर DOB [[age:1927]] लिखा है, patient कहते हैं वो आज़ादी के समय 20 साल के थे।")
P("hi", "date_verb", "Bypass [[date:18 सितंबर]] को हुआ था, अब sternal click आ रहा है। Re-wiring करें?")
P("hi", "phone_local", "Patient के भाई का नंबर [[phone:97114 08263]] है, blood donation के लिए arrange करना है।")
P("hi", "lookalike_chars", "Bike का number police ने ऐसे लिखा: [[licence_plate:ΚΑ 05 ΜΗ 3381]] – patient हमारे trauma ICU में है।")
P("hi", "devanagari_digits", "UHID [[record_number:२०२६०४४१७२]] वाली patient की ultrasound report में twins लिखा है पर ये गलत है।")
P("hi", "bank_account_in", "Refund के लिए patient के पति ने SBI a/c [[bank_account:3091 8472 6501 8]] दिया है, IFSC SBIN0004412 के साथ।")
P("hi", "neg_colleague_title", "Senior resident Dr. Fatima ne bataya ki naya ventilator protocol kal se lagu hoga।")
P("hi", "neg_staff_hod", "HOD madam Dr. Kulkarni चाहती हैं कि हर death audit में Hindi summary भी हो।")
P("hi", "neg_eponym", "Cushing syndrome suspect है, overnight dexamethasone test में cortisol 4.2 आया। Next step?")
P("hi", "neg_eponym", "Alzheimer के मरीज़ में donepezil के साथ memantine add करें या नहीं?")
P("hi", "neg_age_under_90", "89 साल के मरीज़ का PSA 12 है, कोई symptom नहीं। Biopsy का कोई मतलब है?")
P("hi", "neg_population_age", "हमारे OPD में 90 साल से ऊपर के मरीज़ महीने में मुश्किल से 5-6 आते हैं।")
P("hi", "neg_codes", "ICD-10 B50.9 falciparum malaria के लिए – PMJAY में कौन सा package?")
P("hi", "neg_hotline", "Tobacco quitline 1800-11-2356 patients को देते हैं आप? बहुत काम का है।")
P("hi", "neg_public_url", "National TB elimination guidelines https://tbcindia.gov.in पर हैं – Nikshay पर notification ज़रूरी है।")
P("hi", "neg_devanagari_dose", "Prednisolone ४० mg रोज़, फिर हर हफ्ते ५ mg कम – nephrotic syndrome में ठीक?")
P("hi", "neg_trial_id", "CTRI/2023/11/060214 वाली trial में dengue patients चाहिए – interested हों तो बताइए।")
P("hi", "neg_device_model", "Philips Respironics V60 पर NIV देते समय leak compensation कैसे set करते हैं?")


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
        if r["class"].startswith("neg_") != (not r["spans"]):
            errors.append("%s: class %s does not match its spans" % (r["id"], r["class"]))
        if "[[" in r["text"] or "]]" in r["text"]:
            errors.append("%s: unstripped marker" % r["id"])
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
    return errors


if __name__ == "__main__":
    run(OUT, POSTS, validate, report)
