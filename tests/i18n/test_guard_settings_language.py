"""The guard settings page tells an admin why a pattern or a region was refused in the admin's own
language, with the limits, positions and the offending characters filled in."""
from __future__ import annotations

import html

import pytest

from forum.extensions import db
from forum.privacy_guard.models import GuardPattern


def _admin(make, login, lang: str):
    admin = make.user(f"Operator {lang}", admin=True)
    admin.locale = lang
    db.session.commit()
    return login(admin)


def _refusal(browser, pattern: str) -> str:
    response = browser.post("/admin/guard/patterns", data={
        "label": "Record", "pattern": pattern, "explanation": "Our record number", "action": "save"})
    assert response.status_code == 422
    assert db.session.query(GuardPattern).count() == 0, "a refused pattern is not saved"
    page = html.unescape(response.get_data(as_text=True))
    assert pattern in page, "the typed pattern is kept"
    return page


@pytest.mark.parametrize("pattern, german", [
    ("KH-(\\d{6}", "Das ist kein gültiger regulärer Ausdruck: Eine schließende Klammer fehlt (bei Zeichen 4)."),
    ("KH-\\d{6})", "Zu einer schließenden Klammer fehlt die öffnende (bei Zeichen 9)."),
    ("KH-[0-9{6}", "Eine mit [ geöffnete Zeichenklasse wird nicht geschlossen (bei Zeichen 4)."),
    ("KH-\\q{6}", "\\q ist keine bekannte Escape-Sequenz (bei Zeichen 4)."),
    ("KH-\\d{1,5000}", "Quantifier-Grenzen über 1000 sind nicht erlaubt."),
    ("(a+)+$", "Das Muster wiederholt etwas"),
])
def test_a_german_admin_reads_why_a_pattern_was_refused_in_german(make, login, pattern, german):
    page = _refusal(_admin(make, login, "de"), pattern)
    assert german in page
    assert "not a valid regular expression" not in page and "not allowed" not in page


def test_a_hindi_admin_reads_the_syntax_error_in_hindi_with_its_position(make, login):
    page = _refusal(_admin(make, login, "hi"), "KH-(\\d{6}")
    assert "यह मान्य regular expression नहीं है: एक बंद करने वाला कोष्ठक ) नहीं है (अक्षर 4 पर)।" in page


def test_an_unknown_python_reason_still_comes_in_a_translated_sentence(make, login):
    # A conditional group reference to a group that does not exist: Python's wording is kept as a detail.
    page = _refusal(_admin(make, login, "de"), "(?(9)a|b)")
    assert "Das ist kein gültiger regulärer Ausdruck (bei Zeichen" in page


def test_an_unknown_region_code_is_refused_in_german(make, login):
    browser = _admin(make, login, "de")
    from forum.privacy_guard.detector import CATEGORIES
    response = browser.post("/admin/guard", data={"enabled_categories": list(CATEGORIES), "phone_regions": "DE, XQ"})
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert "„XQ“ ist kein Regionscode für Telefonnummern" in page


def test_the_cli_and_the_log_keep_the_english_sentence():
    from forum.privacy_guard.detector import PatternError, compile_extra_pattern
    with pytest.raises(PatternError) as refused:
        compile_extra_pattern("KH-(\\d{6}")
    assert refused.value.message == ("This is not a valid regular expression: a closing parenthesis is missing "
                                     "(at character 4).")
    assert refused.value.params == {"position": 4}


def test_a_refusal_the_form_never_reaches_is_translated_too(app):
    """The form stops overlong patterns first; the detector's own limit still reads in German."""
    from flask_babel import force_locale

    from forum.i18n.guard_texts import pattern_error_text
    from forum.privacy_guard.detector import PatternError, compile_extra_pattern
    with pytest.raises(PatternError) as refused:
        compile_extra_pattern("K" * 501)
    with app.test_request_context(), force_locale("de"):
        assert pattern_error_text(refused.value) == "Das Muster ist zu lang (höchstens 500 Zeichen)."


def test_trying_a_pattern_answers_a_german_admin_in_german(make, login):
    from .support import english_left, english_ui_strings

    browser = _admin(make, login, "de")
    response = browser.post("/admin/guard/patterns", data={
        "label": "Aktenzeichen", "pattern": r"KH-\d{6}", "explanation": "Unsere Fallnummer",
        "sample": "Akte KH-123456 wurde geprüft.", "action": "test"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    whole, fragments = english_ui_strings("de")
    assert not english_left(page, whole, fragments)
    assert "Unsere Fallnummer" in page
