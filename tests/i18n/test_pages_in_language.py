"""Every GET page of the access matrix, read by members whose language is German or Hindi, holds no
English UI string from the catalogue; anonymous visitors get the language their browser asks for."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, update

from forum.accounts.models import User
from forum.extensions import db

from ..test_access_matrix import ROUTES, Snapshot, build_module_world
from .support import english_left, english_ui_strings, same_in_both, untranslated_like_english, world_strings

# A member, a moderator and an admin between them reach every page a member can read.
PERSONAS = ("member", "moderator", "admin")
GET_ROUTES = [(endpoint, rule) for endpoint, rule, method in ROUTES
              if method == "GET" and endpoint not in ("static", "main.robots")]


@pytest.fixture(scope="module")
def world(tmp_path_factory, request):
    yield from build_module_world(tmp_path_factory, request, {"WTF_CSRF_ENABLED": False})


@pytest.fixture(scope="module")
def strings():
    return {lang: english_ui_strings(lang) for lang in ("de", "hi")}


@pytest.fixture(scope="module")
def data(world):
    """The world's stored texts (names, titles, reasons): shown as written in every language."""
    world.reset()
    return world_strings()


@pytest.fixture(scope="module")
def identical():
    return {lang: same_in_both(lang) for lang in ("de", "hi")}


def _speak(world, lang: str) -> None:
    """Every persona of the world reads in `lang` (taken into the snapshot the matrix restores)."""
    if getattr(world, "language", None) == lang:
        return
    world.reset()
    db.session.execute(update(User).values(locale=lang))
    db.session.commit()
    world.snapshot = Snapshot()
    world.language = lang


def _in_english(world, persona: str, url: str) -> str:
    """The same page for the same persona, read in English (undone by the next world.reset())."""
    user_id = inspect(world.users[persona]).identity[0]  # the object is detached: ask its identity
    db.session.execute(update(User).where(User.id == user_id).values(locale="en"))
    db.session.commit()
    world.dirty = True
    response = world.client_for(persona).get(url)
    return response.get_data(as_text=True) if response.mimetype == "text/html" else ""


@pytest.mark.parametrize("lang", ("de", "hi"))
@pytest.mark.parametrize("endpoint, rule", GET_ROUTES, ids=[f"{e}-{r.rule}" for e, r in GET_ROUTES])
def test_page_holds_no_english_ui_string(world, strings, data, identical, lang, endpoint, rule):
    _speak(world, lang)
    whole, fragments = strings[lang]
    for persona in PERSONAS:
        world.reset()
        client = world.client_for(persona)
        url = world.url(endpoint, rule)
        response = client.get(url)
        if response.status_code >= 500:
            pytest.fail(f"{endpoint} as {persona} in {lang}: status {response.status_code}")
        if not response.mimetype == "text/html" or response.status_code in (301, 302, 303):
            continue
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        left = english_left(html, whole, fragments)
        assert not left, f"{endpoint} as {persona} in {lang} shows English: {left}"
        # Anything that reads the same in English and still reads as English was never translated,
        # whether or not it is in the catalogue.
        unchanged = untranslated_like_english(_in_english(world, persona, url), html, data, identical[lang])
        assert not unchanged, f"{endpoint} as {persona} in {lang} shows text that stayed English: {unchanged}"


def test_anonymous_visitor_with_german_browser_gets_german(world):
    world.reset()
    response = world.client_for("anonymous").get("/auth/login", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    html = response.get_data(as_text=True)
    assert '<html lang="de">' in html
    assert "Anmelden" in html and "Passwort" in html
    whole, fragments = english_ui_strings("de")
    assert not english_left(html, whole, fragments)


def test_anonymous_visitor_with_hindi_browser_gets_hindi(world):
    world.reset()
    response = world.client_for("anonymous").get("/about", headers={"Accept-Language": "hi-IN,hi;q=0.9"})
    html = response.get_data(as_text=True)
    assert '<html lang="hi">' in html and "परिचय" in html


def test_the_english_comparison_flags_prose_but_not_names_or_shared_words():
    english = ("<main><h1>Group A</h1><p>Nothing here is for the public, and all of it is yours.</p>"
               "<p>Status</p><p>Handover of the night shift</p><p>Willkommen</p></main>")
    german = ("<main><h1>Group A</h1><p>Nothing here is for the public, and all of it is yours.</p>"
              "<p>Status</p><p>Handover of the night shift</p><p>Willkommen</p></main>")
    found = untranslated_like_english(english, german, data=["Handover of the night shift", "Group A"],
                                      same_in_both={"Status"})
    assert found == ["Nothing here is for the public, and all of it is yours."]
    assert untranslated_like_english(english, german.replace("Nothing here is for the public, and all of it is yours.",
                                                             "Nichts hier ist öffentlich."), data=[], same_in_both=set()) \
        == ["Handover of the night shift"]
