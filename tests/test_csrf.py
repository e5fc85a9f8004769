"""Every state-changing route (POST, PUT, PATCH, DELETE in app.url_map) refuses a request without a
valid CSRF token, with the friendly page and without writing anything. The requests come from an
admin who belongs to the group, so that authorisation is never what refuses them; a route added
later by anyone is covered automatically. URL parameters come from the access-matrix world (and
its PARAMS); one that nobody gave a value gets a value that fits its converter, since the token is
checked before the view runs."""
from __future__ import annotations

import pytest

from .conftest import csrf_token_from
from .test_access_matrix import STATE_CHANGING, _collection_app, build_module_world

CASES = [
    pytest.param(rule.endpoint, rule, method, id=f"{rule.endpoint}-{method}")
    for rule in sorted(_collection_app().url_map.iter_rules(), key=lambda rule: (rule.endpoint, rule.rule))
    for method in STATE_CHANGING if method in (rule.methods or ())
]

HTML_MESSAGE = "This form has expired"
JSON_MESSAGE = "The form expired or was not sent from Konsil"


@pytest.fixture(scope="module")
def world(tmp_path_factory, request):
    yield from build_module_world(tmp_path_factory, request, {"WTF_CSRF_ENABLED": True}, admin_in_group_a=True)


def _refused_for_csrf(response) -> bool:
    if response.status_code != 400:
        return False
    if response.is_json:
        return JSON_MESSAGE in (response.get_json() or {}).get("error", "")
    return HTML_MESSAGE in response.get_data(as_text=True)


def _foreign_token(world) -> str:
    stranger = world.app.test_client()
    return csrf_token_from(stranger.get("/auth/login").get_data(as_text=True))


def test_there_are_state_changing_routes_to_check():
    assert len(CASES) >= 10


@pytest.mark.parametrize("variant", ["missing", "empty", "malformed", "another session's"])
@pytest.mark.parametrize("endpoint, rule, method", CASES)
def test_state_changing_route_refuses_a_request_without_a_valid_token(world, endpoint, rule, method, variant):
    world.reset()
    url = world.url(endpoint, rule, generic_fallback=True)  # the token is checked before the view
    client = world.client_for("admin")
    data = {"body": "text", "reason": "text", "email": "someone@example.org"}
    if variant == "empty":
        data["csrf_token"] = ""
    elif variant == "malformed":
        data["csrf_token"] = "IjNhYmMi.not-a-real.signature"
    elif variant == "another session's":
        data["csrf_token"] = _foreign_token(world)
    world.dirty = False
    response = client.open(url, method=method, data=data)
    body = response.get_data(as_text=True)
    assert _refused_for_csrf(response), f"{method} {url} with a {variant} token answered {response.status_code}"
    assert "Traceback" not in body
    assert not world.dirty, f"{method} {url} wrote to the database despite the {variant} token"


@pytest.mark.parametrize("endpoint, rule, method", CASES)
def test_the_same_request_with_a_valid_token_is_not_refused_for_csrf(world, endpoint, rule, method):
    """The control: the admin is allowed in, so the refusal above really is the token's doing."""
    world.reset()
    url = world.url(endpoint, rule, generic_fallback=True)
    client = world.client_for("admin")
    token = csrf_token_from(client.get("/notifications").get_data(as_text=True))
    response = client.open(url, method=method, data={"csrf_token": token})
    assert not _refused_for_csrf(response), f"{method} {url} refused a valid token"
    assert response.status_code != 401 and "/auth/login?next" not in (response.location or ""), \
        f"{method} {url}: the admin's session was not accepted"
    world.dirty = True  # whatever the request did is undone before the next case
