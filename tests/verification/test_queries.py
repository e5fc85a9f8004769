"""The verifiers' and admins' lists answer in a number of queries that does not grow with their length."""
from contextlib import contextmanager

from sqlalchemy import event

from forum.accounts.models import VerificationStatus
from forum.extensions import db
from forum.verification.services import decide, submit

from .support import CREDENTIALS


@contextmanager
def counted():
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _add_applicants(make, count, admin):
    for number in range(count):
        inviter = make.user(f"Inviter {number}")
        user = make.user(f"Applicant {number}", status=VerificationStatus.PENDING)
        user.invited_by_id = inviter.id
        earlier = submit(user, **CREDENTIALS)
        db.session.flush()
        decide(admin, earlier, approve=False, reason="Please check the number.")
        submit(user, **CREDENTIALS)
    db.session.commit()


def _queries(browser, url) -> int:
    browser.get(url)  # warm up: the first request loads the session user
    with counted() as statements:
        assert browser.get(url).status_code == 200
    return len(statements)


def test_queue_and_member_list_queries_do_not_grow(app, make, login):
    admin = make.user("Ada Admin", admin=True)
    browser = login(admin)
    with app.test_request_context():
        _add_applicants(make, 2, admin)
    few = {url: _queries(browser, url) for url in ("/admin/verifications", "/admin/users")}
    with app.test_request_context():
        _add_applicants(make, 8, admin)
    many = {url: _queries(browser, url) for url in ("/admin/verifications", "/admin/users")}
    assert many == few
