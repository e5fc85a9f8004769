"""Shared helpers for the hardening tests: the persona world with URL values, and checks for headers and
inline code in HTML."""
from __future__ import annotations

import importlib
import pkgutil
from html.parser import HTMLParser

from forum.extensions import db
from forum.invitations.services import create_invitation


PERSONAS = ("anonymous", "pending", "outsider", "member", "moderator", "verifier", "admin")


class World:
    """The suite's persona world (tests/factories.py: PersonaWorld) with a night-shift topic in group A,
    its reply by `member` as the post and an invitation to A by the moderator; the same attributes the
    access rules' PARAMS and SETUP functions expect (.app, .group_a, .group_b, .topic, .post, .users, .make)."""

    def __init__(self, app, make):
        self.app = app
        self.make = make
        self.people = make.personas()
        users = self.users = {persona: self.people.users[persona] for persona in PERSONAS if persona != "anonymous"}
        self.group_a, self.group_b = self.people.group_a, self.people.group_b
        self.topic = make.topic(self.group_a, users["member"], title="Night shift handover", replies=1)
        self.post = make.reply(self.topic, users["member"], body="A reply in ward A.")
        invitation, self.invitation_token = create_invitation(users["moderator"], self.group_a, None)
        db.session.commit()
        self.invitation_id = invitation.id
        self._setup_done: set[str] = set()

    def builtin_params(self) -> dict:
        return {
            "slug": self.group_a.slug,
            "topic_id": self.topic.id,
            "post_id": self.post.id,
            "username": self.users["member"].username,
            "invitation_id": self.invitation_id,
            "user_id": self.users["member"].id,
            "account_id": self.users["member"].id,
        }

    def url_value(self, endpoint: str, name: str):
        """A real value for a URL parameter: ours, else an access rules module's PARAMS, else None."""
        if endpoint == "invitations.landing" and name == "token":
            return self.invitation_token
        builtin = self.builtin_params()
        if name in builtin:
            return builtin[name]
        for module in access_rule_modules():
            params = getattr(module, "PARAMS", {})
            if name in params:
                if module.__name__ not in self._setup_done and hasattr(module, "SETUP"):
                    module.SETUP(self)
                    db.session.commit()
                    self._setup_done.add(module.__name__)
                return params[name](self)
        return None


def access_rule_modules():
    import tests.access_rules as package

    return [importlib.import_module(f"{package.__name__}.{info.name}")
            for info in pkgutil.iter_modules(package.__path__)]


REQUIRED_CSP = ("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src", "base-uri 'none'", "form-action 'self'")


def header_problems(response) -> list[str]:
    """Everything missing from the security headers every response must carry."""
    headers = response.headers
    problems = []
    csp = headers.get("Content-Security-Policy", "")
    for directive in REQUIRED_CSP:
        if directive == "object-src":
            if "object-src 'none'" not in csp and "default-src 'none'" not in csp:
                problems.append("CSP allows plugins")
        elif directive not in csp:
            problems.append(f"CSP lacks {directive}")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append("CSP allows inline code")
    expected = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
    for name, value in expected.items():
        if headers.get(name) != value:
            problems.append(f"{name} is {headers.get(name)!r}")
    policy = headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        if feature not in policy:
            problems.append(f"Permissions-Policy lacks {feature}")
    if "noindex" not in headers.get("X-Robots-Tag", ""):
        problems.append("X-Robots-Tag lacks noindex")
    return problems


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, <style>, style= and on*= attributes,
    javascript: URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): (value or "") for name, value in attrs}
        if tag == "script" and not names.get("src"):
            self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in names.items():
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems
