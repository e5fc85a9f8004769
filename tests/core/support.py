"""Helpers shared by the core journey tests."""
from __future__ import annotations

import re
from contextlib import contextmanager
from html.parser import HTMLParser

from sqlalchemy import event

from forum.extensions import db

# A registration that passes every check: the NPI 1234567893 has a valid check digit.
REGISTRATION = {
    "display_name": "Dr. Ines Carvalho",
    "password": "tundra-violin-amber-58-quietly",
    "password_confirm": "tundra-violin-amber-58-quietly",
    "profession": "physician",
    "specialty": "Nephrology",
    "organisation": "Lakeside General Hospital",
    "country": "US",
    "licence_number": "1234567893",
    "licence_authority": "NPPES",
    "accept_terms": "y",
}


def registration(email: str, **changes) -> dict:
    return {"email": email, **REGISTRATION, **changes}


def mails_to(client, address: str) -> list:
    """The e-mails sent to `address` so far (the test outbox of the client's app), oldest first."""
    from email import message_from_bytes, policy
    from pathlib import Path

    folder = Path(client.application.config["MAIL_OUTBOX_DIR"])
    paths = sorted(folder.glob("*.eml"), key=lambda path: path.stat().st_mtime_ns)  # names order by the second only
    messages = [message_from_bytes(path.read_bytes(), policy=policy.default) for path in paths]
    return [message for message in messages if address.lower() in str(message["To"]).lower()]


def confirmation_link(client, address: str) -> str:
    """The path of the newest registration confirmation link mailed to `address`."""
    for message in reversed(mails_to(client, address)):
        match = re.search(r"https?://[^/\s]+(/register/confirm/[A-Za-z0-9_-]+)", message.get_content())
        if match:
            return match.group(1)
    raise AssertionError(f"no confirmation link was mailed to {address}")


def post_and_close(client, path: str, data: dict):
    """POST and close the answer as a WSGI server does once it is sent: mail queued to go out after the answer
    (a registration's confirmation, a reset link) is delivered now."""
    response = client.post(path, data=data)
    response.get_data()
    response.close()
    return response


def register(client, token: str, data: dict):
    """Registers through the invitation link as a person would: the form, then the link mailed to the address,
    then its button. Returns the last answer (a redirect to the dashboard when it worked)."""
    answer = post_and_close(client, f"/invite/{token}", data)
    if answer.status_code != 200 or "Check your e-mail" not in answer.get_data(as_text=True):
        return answer
    link = confirmation_link(client, data["email"])
    assert client.get(link).status_code == 200
    return client.post(link, data={})


def token_from_link(link: str) -> str:
    match = re.search(r"/invite/([A-Za-z0-9_-]+)", link)
    assert match, f"no invitation token in {link!r}"
    return match.group(1)


def link_from_page(html: str) -> str:
    match = re.search(r'id="new-link"[^>]*value="([^"]+)"', html)
    assert match, "the new invitation link is not on the page"
    return match.group(1)


def main_text(html: str) -> str:
    """The page's <main>, without the header (whose nav differs per user)."""
    start, end = html.find("<main"), html.find("</main>")
    assert start != -1 and end != -1
    return html[start:end]


@contextmanager
def count_queries():
    """Counts every SQL statement sent to the database inside the block."""
    statements: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


class TextOf(HTMLParser):
    """The visible text of a fragment, to assert on wording without markup."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return re.sub(r"\s+", " ", "".join(parser.parts)).strip()
