"""`flask --app wsgi forum ...`: operator commands."""
from __future__ import annotations

import json
import os
import sys

import click
from sqlalchemy import func, select

from .accounts.addresses import InvalidAddress, normalise_address
from .accounts.models import User, VerificationStatus
from .accounts.passwords import password_problems
from .accounts.services import AccountError, create_user, find_by_email
from .core.cli import forum_cli
from .extensions import db



@forum_cli.command("create-admin")
@click.option("--email", required=True, help="The admin's e-mail address.")
@click.option("--name", required=True, help="The admin's display name.")
@click.option("--password", default=None, help="Prefer FORUM_ADMIN_PASSWORD or the prompt: arguments show up in ps.")
def create_admin(email: str, name: str, password: str | None) -> None:
    """Create an administrator account (verified, admin and verifier)."""
    try:
        email = normalise_address(email)  # the same rule as the sign-in form, so the admin can sign in
    except InvalidAddress as error:
        raise click.ClickException(str(error)) from error
    password = password or os.environ.get("FORUM_ADMIN_PASSWORD")
    if not password:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    problems = password_problems(password, [email, name])
    if problems:
        raise click.ClickException(f"The password is not strong enough: {problems[0]}")
    if find_by_email(email) is not None:
        raise click.ClickException(f"An account with the e-mail address {email} already exists.")
    try:
        user = create_user(email=email, display_name=name, password=password, status=VerificationStatus.VERIFIED,
                           profession="other", organisation="Konsil operator")
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    user.is_admin = True
    user.is_verifier = True
    from . import audit

    audit.record(None, "user:admin:create", target_type="user", target_id=user.id, target_label=user.display_name,
                 subject_user=user)
    db.session.commit()
    click.echo(f"Admin {user.email} created.")


@forum_cli.command("demo")
def demo() -> None:
    """Fill an empty database with a realistic demo; on a loaded demo, list its logins."""
    from .demo import DEMO_PASSWORD, PEOPLE, demo_logins, seed_demo

    if db.session.scalar(select(func.count(User.id))):
        if find_by_email(PEOPLE[0][0]) is not None:
            _print_demo_logins("The demo is already loaded (make demo-reset starts afresh). Sign in with any of "
                               f"these (password: {DEMO_PASSWORD}):", demo_logins())
        else:
            click.echo("The database already has accounts; the demo is only loaded into an empty database.")
        return
    seed_demo()
    db.session.commit()
    _print_demo_logins(f"Demo data loaded. Sign in with any of these (password: {DEMO_PASSWORD}):", demo_logins())


def _print_demo_logins(heading: str, logins: list[tuple[str, str]]) -> None:
    click.echo(heading)
    for email, role in logins:
        click.echo(f"  {email:38} {role}")


@forum_cli.command("demo-reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def demo_reset(yes: bool) -> None:
    """Drop every table of the database, migrate it afresh and load the demo (never in production)."""
    from flask import current_app

    from .demo import DEMO_PASSWORD, demo_logins, seed_demo

    if current_app.config.get("ENV_NAME") == "production":
        raise click.ClickException("demo-reset throws the whole database away; it is refused in production.")
    url = db.engine.url
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)
    if not yes:
        click.confirm(f"Delete everything in {where} and load a fresh demo?", abort=True)
    _drop_everything()
    import flask_migrate

    flask_migrate.upgrade()
    seed_demo()
    db.session.commit()
    _print_demo_logins(f"A fresh demo is loaded. Sign in with any of these (password: {DEMO_PASSWORD}):",
                       demo_logins())


def _drop_everything() -> None:
    """Every table the database has (not only those the models know), the migration record included."""
    from sqlalchemy import MetaData

    db.session.remove()
    existing = MetaData()
    existing.reflect(bind=db.engine)
    existing.drop_all(bind=db.engine)
    db.engine.dispose()


@forum_cli.command("invite")
@click.option("--group", "slug", required=True, help="The group's slug.")
@click.option("--email", default=None, help="Bind the invitation to this address.")
@click.option("--days", default=None, type=int, help="Days until the link expires (default 7).")
def invite(slug: str, email: str | None, days: int | None) -> None:
    """Create an invitation and print its link."""
    from .groups.services import get_by_slug
    from .invitations.services import create_invitation, invitation_link

    group = get_by_slug(slug)
    if group is None:
        raise click.ClickException(f"There is no group with the slug {slug!r}.")
    from .invitations.services import InvitationError

    try:
        _, token = create_invitation(None, group, email, valid_days=days)
    except InvitationError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(invitation_link(token))


@forum_cli.command("scan-phi")
@click.argument("path", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--all-posts", is_flag=True, help="Check every stored post; prints post ids and types, never the text.")
def scan_phi(path: str | None, all_posts: bool) -> None:
    """Check a file (or standard input) with the patient-data guard; exit status 1 when anything is found."""
    from .privacy_guard.service import find_identifiers

    if all_posts:
        from .posts.models import Post

        found_any = False
        for post_id, body in db.session.execute(select(Post.id, Post.body_source).where(Post.deleted_at.is_(None))
                                                .order_by(Post.id)).yield_per(500):
            findings = find_identifiers(body)
            if findings:
                found_any = True
                click.echo(json.dumps({"post_id": post_id, "findings": [
                    {"start": f["start"], "end": f["end"], "type": f["type"]} for f in findings]}))
        sys.exit(1 if found_any else 0)
    if path and path != "-":
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    else:
        text = sys.stdin.read()
    findings = find_identifiers(text)
    for finding in findings:
        click.echo(json.dumps({key: finding[key] for key in ("start", "end", "type", "explanation")},
                              ensure_ascii=False))
    sys.exit(1 if findings else 0)


@forum_cli.command("send-digests")
def send_digests_command() -> None:
    """E-mail each member a digest of their unread notifications when it is due by their preference and outside
    their quiet hours (run hourly from a timer; see forum/notifications/digest.py)."""
    from .notifications.digest import send_digests
    from .participation.services import fire_due_reminders

    # Bookmark reminders first, so that a reminder that falls due today is in today's digest.
    reminders = fire_due_reminders()
    db.session.commit()
    if reminders:
        click.echo(f"{reminders} bookmark reminder{'s' if reminders != 1 else ''} sent.")
    count = send_digests()
    click.echo(f"{count} digest{'s' if count != 1 else ''} sent.")


@forum_cli.command("purge-uploads")
def purge_uploads_command() -> None:
    """Delete images that were never attached to a post within UPLOAD_UNATTACHED_HOURS (run daily)."""
    from .uploads.services import purge_unattached

    count = purge_unattached()
    db.session.commit()
    click.echo(f"{count} unattached image{'s' if count != 1 else ''} deleted.")
