"""The name gazetteer: known first and last names without a cue word are flagged only next to
clinical context; eponyms, drug and brand names, staff and bare names stay unflagged; operators can
switch it off with PHI_NAME_GAZETTEER."""
from __future__ import annotations

import pytest

from forum.privacy_guard.detector import GuardConfig, scan
from forum.privacy_guard.detector.gazetteer import EXCLUDED, name_lists

OFF = GuardConfig(name_gazetteer=False)


def names(text: str, config: GuardConfig | None = None) -> list[str]:
    return [text[f.start:f.end] for f in scan(text, config) if f.type == "patient_name"]


@pytest.mark.parametrize("text, name", [
    # English: a known pair next to clinical details, no cue word
    ("Quick one from nights: Nathan Brooks keeps pulling out his cannula and the sodium is still 124.",
     "Nathan Brooks"),
    ("Rebecca Holloway was admitted overnight with a lower GI bleed; scope tomorrow or wait for the Hb?",
     "Rebecca Holloway"),
    # lower-case pair right after a patient cue
    ("pt is joseph hughes from bay 6, sats dropping on 4 l, worth a repeat gas?", "joseph hughes"),
    # German
    ("Dienstübergabe: Sabine Hartmann hat seit gestern Fieber und einen Harnwegsinfekt, Cefuroxim läuft.",
     "Sabine Hartmann"),
    ("Zimmer 12: Jürgen Schulze ist 93 und will nach Hause, die Tochter ist dagegen.", "Jürgen Schulze"),
    ("Bitte morgen früh Sabine Hartmann Station 6 ansehen: Kalium 6,1 trotz Resonium.", "Sabine Hartmann"),
    # Hindi, Devanagari and Latin script
    ("कल रात सुनीता शर्मा को sugar 420 के साथ भर्ती किया, ketones भी positive हैं।", "सुनीता शर्मा"),
    ("Priya Nair 31 साल की है, bleeding के साथ आई है, Hb 6.8 है।", "Priya Nair"),
])
def test_known_names_next_to_clinical_context_are_flagged(text, name):
    assert name in names(text)
    assert name not in names(text, OFF)


@pytest.mark.parametrize("text, name", [
    # a surname with an age or an honorific glued to it is a handover shape the cue rules know
    # (names.py), so these are found whether or not the gazetteer is on
    ("Handover list: Harrison 79f, delirium on day 2, haloperidol only if she is a danger to herself.", "Harrison"),
    ("Station 4: Wagner 81w, Sturz in der Nacht, Röntgen Hüfte unauffällig.", "Wagner"),
    ("वर्मा साहब को कल रात से सीने में दर्द है, ECG में ST elevation है।", "वर्मा"),
])
def test_handover_shapes_are_flagged_with_or_without_the_gazetteer(text, name):
    assert name in names(text)
    assert name in names(text, OFF)


def test_a_later_mention_of_the_first_name_is_flagged_too():
    text = ("Rebecca Holloway was admitted overnight with a lower GI bleed. "
            "Should Rebecca get tranexamic acid before the scope?")
    assert names(text) == ["Rebecca Holloway", "Rebecca"]


@pytest.mark.parametrize("text", [
    # eponyms and eponymous scores that are also names
    "Anyone using the Wells score and Geneva score together for suspected PE in the emergency department?",
    "Parkinson disease plus orthostatic hypotension: fludrocortisone or midodrine first?",
    "Still disease in adults presents with fever, rash and arthralgia; ferritin is often very high.",
    "Wilson disease should be excluded in any young patient with unexplained hepatitis.",
    "Ist Morbus Addison bei Hyponatriämie und Müdigkeit die erste Differenzialdiagnose?",
    "Hashimoto-Thyreoiditis mit TSH 14: L-Thyroxin sofort oder erst kontrollieren?",
    # drug and brand names
    "Switched from Xarelto to Eliquis because of the bleeding; the patient tolerates it well.",
    # staff named with a title or a role, colleagues, authors
    "Dr. Rachel Morgan on the ward round says the patient can go home tomorrow.",
    "Oberärztin Claudia Becker hat die Aufnahme heute übernommen, der Patient ist stabil.",
    "Our consultant Simon Gardner wrote the sepsis pathway that the ward uses for every admission.",
    "Schwester Monika Braun hat die Infusion für Bett 3 vorbereitet.",
    "Taylor et al. found no benefit of early dialysis in AKI patients.",
    "डॉ. अमित वर्मा साहब ने कहा कि मरीज़ को कल discharge कर सकते हैं।",
    # colleagues named without a title, but with what they do
    "Hans Weber from the lab called: the potassium was haemolysed.",
    "Laura Schmidt aus der Apotheke hat die Dosis nochmal geprüft.",
    "Thanks to Anna Fischer for the ECG course yesterday.",
    "Ramesh Gupta sir ne bola ki patient ko discharge kar do.",
    # bare names with no clinical detail nearby
    "Nathan Brooks and Rebecca Holloway are joining the journal club next month.",
    "Sabine Hartmann organisiert das Sommerfest der Abteilung.",
])
def test_eponyms_drugs_staff_and_bare_names_are_not_flagged(text):
    assert names(text) == []


def test_a_single_known_name_needs_shorthand_right_after_it():
    assert names("Brooks was reviewed on the ward round this morning, CRP is down.") == []
    assert names("Brooks 67m was reviewed on the ward round this morning, CRP is down.") == ["Brooks"]


def test_the_lists_hold_names_from_each_language_and_no_excluded_word():
    first, last = name_lists()
    assert {"rebecca", "jürgen", "priya", "सुनीता"} <= first
    assert {"holloway", "hartmann", "nair", "शर्मा"} <= last
    assert not (first | last) & EXCLUDED


def test_the_operator_setting_switches_the_gazetteer_off(make, login, app):
    member = make.user("Member")
    browser = login(member)
    body = "Rebecca Holloway was admitted overnight with a lower GI bleed; scope tomorrow or wait for the Hb?"
    flagged = browser.post("/posts/preview", data={"body": body}).get_json()["findings"]
    assert [f["type"] for f in flagged] == ["patient_name"]
    app.config["PHI_NAME_GAZETTEER"] = False
    assert browser.post("/posts/preview", data={"body": body}).get_json()["findings"] == []
