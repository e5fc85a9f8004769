"""Session identity, sign out everywhere, idle timeout and the list of recent sign-ins."""
from datetime import timedelta

from forum.accounts.models import SecurityEvent
from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership, Role
from tests.factories import PASSWORD

from .helpers import is_signed_in
from tests.conftest import sign_in

FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.5 Mobile/15E148 Safari/604.1")


def test_signing_in_starts_a_new_session_identity(app, make, client):
    member = make.user()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
        session["sid"] = "fixed-by-an-attacker"
    sign_in(client, member)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["sid"] != "fixed-by-an-attacker"
        first = session["sid"]
    client.post("/auth/logout")
    sign_in(client, member)
    with client.session_transaction() as session:
        assert session["sid"] != first


def test_sign_out_everywhere_ends_other_sessions_and_keeps_this_one(app, make, login):
    member = make.user()
    laptop, phone = login(member), login(member)
    assert is_signed_in(laptop) and is_signed_in(phone)
    response = laptop.post("/settings/sessions/end-all")
    assert response.status_code == 302
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert "/auth/login" in phone.get("/").location
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:sessions:end_all").count() == 1


def test_a_password_change_ends_other_sessions(app, make, login, smtp_server):
    member = make.user()
    laptop, phone = login(member), login(member)
    new = "quiet harbour copper lantern"
    response = laptop.post("/settings/password", data={"current_password": PASSWORD, "password": new,
                                                       "password_confirm": new})
    assert response.status_code == 302
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert [m["Subject"] for m in smtp_server] == ["Your Konsil password was changed"]


def test_a_privilege_change_renews_the_session_identity(app, make, client):
    member = make.user()
    group = make.group(members=[member])
    sign_in(client, member)
    with client.session_transaction() as session:
        before = session["sid"]
    membership = db.session.query(Membership).filter_by(user_id=member.id, group_id=group.id).one()
    membership.role = Role.MODERATOR
    db.session.commit()
    assert client.get(f"/g/{group.slug}").status_code == 200  # 2FA not required in this configuration
    with client.session_transaction() as session:
        assert session["sid"] != before
    assert is_signed_in(client)


def test_idle_sessions_are_signed_out(app, make, client):
    member = make.user()
    sign_in(client, member)
    assert is_signed_in(client)
    idle = app.config["SESSION_IDLE_MINUTES"]
    with client.session_transaction() as session:
        session["last_active"] = (utcnow() - timedelta(minutes=idle - 1)).isoformat()
    assert is_signed_in(client)  # just inside the limit; the request refreshes it
    with client.session_transaction() as session:
        session["last_active"] = (utcnow() - timedelta(minutes=idle + 1)).isoformat()
    response = client.get("/settings")
    assert response.status_code == 302 and "/auth/login" in response.location
    assert "signed out after a period of inactivity" in client.get(response.location).get_data(as_text=True)
    assert not is_signed_in(client)


def test_idle_timeout_follows_the_configuration(app, make, client):
    app.config["SESSION_IDLE_MINUTES"] = 5
    member = make.user()
    sign_in(client, member)
    with client.session_transaction() as session:
        session["last_active"] = (utcnow() - timedelta(minutes=6)).isoformat()
    assert not is_signed_in(client)


def test_recent_sign_ins_show_browser_os_and_a_coarse_network_only(app, make, client):
    member = make.user()
    sign_in(client, member, environ={"REMOTE_ADDR": "198.51.100.77", "HTTP_USER_AGENT": FIREFOX_LINUX})
    client.post("/auth/logout", environ_base={"REMOTE_ADDR": "198.51.100.77", "HTTP_USER_AGENT": FIREFOX_LINUX})
    sign_in(client, member, environ={"REMOTE_ADDR": "2001:db8:abcd:12::5", "HTTP_USER_AGENT": SAFARI_IPHONE})
    page = client.get("/settings/sessions", environ_base={"REMOTE_ADDR": "2001:db8:abcd:12::5",
                                                          "HTTP_USER_AGENT": SAFARI_IPHONE}).get_data(as_text=True)
    assert "Firefox on Linux" in page and "198.51.100.0/24" in page
    assert "Safari on iOS" in page and "2001:db8:abcd::/48" in page
    assert "198.51.100.77" not in page and "2001:db8:abcd:12::5" not in page
    assert page.count("this session") == 2  # in the active sessions and in the sign-in history
    active = page.split("Recent sign-ins")[0]
    assert "Safari on iOS" in active and "Firefox on Linux" not in active  # that one signed out
    stored = " ".join(f"{e.ip_prefix} {e.client} {e.details}" for e in db.session.query(SecurityEvent))
    assert "198.51.100.77" not in stored and "2001:db8:abcd:12::5" not in stored


def _copy_of_session(app, client):
    """What someone who stole the cookie would hold."""
    thief = app.test_client()
    name = app.config["SESSION_COOKIE_NAME"]
    thief.set_cookie(name, client.get_cookie(name).value)
    return thief


def test_signing_out_ends_the_session_on_the_server(app, make, client):
    member = make.user()
    sign_in(client, member)
    stolen = _copy_of_session(app, client)
    assert is_signed_in(stolen)
    client.post("/auth/logout")
    assert not is_signed_in(stolen)


def test_a_session_can_be_signed_out_from_the_list(app, make, login):
    from forum.accounts.models import UserSession

    member, other = make.user(), make.user()
    laptop, phone = login(member), login(member)
    other_browser = login(other)
    phone_row = db.session.query(UserSession).filter_by(user_id=member.id).order_by(UserSession.id.desc()).first()
    laptop_row = db.session.query(UserSession).filter_by(user_id=member.id).order_by(UserSession.id).first()
    assert "Sign out</button>" in laptop.get("/settings/sessions").get_data(as_text=True)

    assert other_browser.post(f"/settings/sessions/{phone_row.id}/end").status_code == 404
    assert is_signed_in(phone)
    own = laptop.post(f"/settings/sessions/{laptop_row.id}/end", follow_redirects=True)
    assert "To end this session, sign out." in own.get_data(as_text=True) and is_signed_in(laptop)

    assert laptop.post(f"/settings/sessions/{phone_row.id}/end").status_code == 302
    assert not is_signed_in(phone)
    assert is_signed_in(laptop)
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:session:end").count() == 1
