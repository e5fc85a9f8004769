"""Every page every role can reach carries the security headers, and no page or template contains
code a strict Content-Security-Policy would block (inline scripts, styles, event handlers)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from werkzeug.routing import Rule

from forum.extensions import db
from forum.posts.models import Post

from tests.conftest import sign_in, signed_in_client

from .support import PERSONAS, World, header_problems, inline_code

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
INLINE_IN_TEMPLATE = (
    (re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I), "<script> without src"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on*= event handler"),
    (re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I), "javascript: URL"),
)


def test_no_template_contains_inline_script_style_or_handlers():
    files = sorted(TEMPLATES.rglob("*.html"))
    assert len(files) > 20, "the templates folder was not found"
    problems = [f"{path.relative_to(TEMPLATES)}: {what}"
                for path in files for pattern, what in INLINE_IN_TEMPLATE if pattern.search(path.read_text())]
    assert problems == []


def test_the_scanners_catch_what_they_look_for():
    html = ('<p style="color:red" onclick="x()">a</p><script>alert(1)</script><style>p{}</style>'
            '<a href="javascript:void(0)">b</a><script src="/static/js/app.js" defer></script>')
    assert sorted(inline_code(html)) == sorted([
        "style= on <p>", "onclick= on <p>", "<script> without src", "<style> element", "javascript: URL in <a href>"])
    found = {what for pattern, what in INLINE_IN_TEMPLATE if pattern.search(html)}
    assert found == {what for _, what in INLINE_IN_TEMPLATE}


def _get_routes(app) -> list[Rule]:
    return sorted((rule for rule in app.url_map.iter_rules() if "GET" in rule.methods and rule.endpoint != "static"),
                  key=lambda rule: rule.rule)


def _url_for_rule(world: World, rule: Rule) -> str:
    from flask import url_for

    values = {name: world.url_value(rule.endpoint, name) for name in rule.arguments}
    with world.app.test_request_context():
        try:
            # A parameter nobody describes yet still gets a request: its (404) page must be safe too.
            return url_for(rule.endpoint, **{k: "unknown" if v is None else v for k, v in values.items()})
        except ValueError:  # a numeric parameter
            return url_for(rule.endpoint, **{k: 999999 if v is None else v for k, v in values.items()})


@pytest.fixture
def world(app, make):
    return World(app, make)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_get_page_carries_the_headers_and_no_inline_code(app, world, persona):
    client = signed_in_client(app, world.users.get(persona))
    checked_html = 0
    failures = []
    for rule in _get_routes(app):
        try:
            url = _url_for_rule(world, rule)
            response = client.get(url)
        except Exception as error:  # report every broken page at once, not just the first
            failures.append(f"{persona} GET {rule.rule}: raised {type(error).__name__}: {error}")
            continue
        problems = header_problems(response)
        if response.mimetype == "text/html" and response.status_code != 302:
            problems += inline_code(response.get_data(as_text=True))
            checked_html += 1
        if problems:
            failures.append(f"{persona} GET {url} ({response.status_code}): {', '.join(problems)}")
    assert failures == []
    assert checked_html >= 5, "too few pages were rendered to mean anything"


def test_pages_a_member_reaches_really_render(app, world):
    """The crawl must see real pages, not just redirects and 404s."""
    client = signed_in_client(app, world.users["member"])
    for url in ("/", f"/g/{world.group_a.slug}", f"/g/{world.group_a.slug}/t/{world.topic.id}",
                f"/g/{world.group_a.slug}/new", f"/posts/{world.post.id}/edit", "/notifications",
                f"/u/{world.users['member'].username}", "/search?q=shift"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert header_problems(response) == [] and inline_code(response.get_data(as_text=True)) == [], url


def test_form_errors_and_error_pages_carry_the_headers_and_no_inline_code(app, world):
    member = signed_in_client(app, world.users["member"])
    anonymous = app.test_client()
    slug, topic_id = world.group_a.slug, world.topic.id
    responses = {
        "login failure": anonymous.post("/auth/login", data={"email": "nobody@x.example", "password": "wrong"}),
        "registration errors": anonymous.post(f"/invite/{world.invitation_token}", data={"email": "not-an-address"}),
        "empty topic": member.post(f"/g/{slug}/new", data={"title": "", "body": ""}),
        "empty reply": member.post(f"/g/{slug}/t/{topic_id}/reply", data={"body": ""}),
        "not found": member.get("/no/such/page"),
        "secret group of others": signed_in_client(app, world.users["outsider"]).get(f"/g/{slug}"),
        "wrong method": member.get(f"/g/{slug}/t/{topic_id}/reply"),
        "robots.txt": anonymous.get("/robots.txt"),
        "static file": anonymous.get("/static/css/app.css"),
        "health": anonymous.get("/healthz"),
    }
    assert responses["empty topic"].status_code == 422 and responses["empty reply"].status_code == 422
    assert responses["not found"].status_code == 404 and responses["secret group of others"].status_code == 404
    assert responses["wrong method"].status_code == 405
    for name, response in responses.items():
        assert header_problems(response) == [], name
        if response.mimetype == "text/html":
            assert inline_code(response.get_data(as_text=True)) == [], name


def test_robots_txt_disallows_everything(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = [line.strip() for line in response.get_data(as_text=True).splitlines()]
    assert "User-agent: *" in lines and "Disallow: /" in lines
    assert "noindex" in response.headers["X-Robots-Tag"]


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/auth/login").headers
    secure = client.get("/auth/login", base_url="https://konsil.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert int(secure.headers["Strict-Transport-Security"].split("=")[1].split(";")[0]) >= 31536000


def test_a_forged_forwarded_proto_does_not_count_without_a_trusted_proxy(client):
    response = client.get("/auth/login", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


@pytest.fixture
def behind_one_proxy(app_config):
    app_config["TRUSTED_PROXY_COUNT"] = 1


def test_behind_a_trusted_proxy_https_is_recognised(behind_one_proxy, client):
    response = client.get("/auth/login", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
    assert "Strict-Transport-Security" in response.headers


def test_pages_are_never_cached_but_static_files_may_be(client):
    assert client.get("/auth/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/static/css/app.css").headers.get("Cache-Control", "")


def test_the_session_cookie_is_httponly_and_samesite(app, world):
    client = app.test_client()
    user = world.users["member"]
    response = sign_in(client, user)
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("konsil_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert db.session.query(Post).count() >= 3  # the world is really there
