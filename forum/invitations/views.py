from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import policy
from ..accounts.forms import RegistrationForm
from ..auth.views import start_session
from ..core.errors import add_field_error, put_on_form
from ..core.outbox import send_now
from ..extensions import db
from ..forms import EmptyForm
from ..groups.access import visible_group_or_404
from .forms import InvitationForm
from .models import Invitation
from .services import (InvitationError, create_invitation, invitation_link, invitations_for, is_banned_from,
                       join_with_invitation, register_with_invitation, revoke, usable_invitation)
from ..i18n import SUPPORTED_LOCALES, as_recipient, date_filter, locale_of

bp = Blueprint("invitations", __name__)


def _invalid():
    return render_template("invitations/invalid.html"), 404


@bp.route("/invite/<token>", methods=["GET", "POST"])
def landing(token):
    invitation = usable_invitation(token)
    if invitation is None:
        return _invalid()
    if current_user.is_authenticated:
        return _join_existing(invitation)
    form = RegistrationForm()
    if request.method == "GET" and invitation.email:
        form.email.data = invitation.email
    if form.validate_on_submit():
        try:
            user = register_with_invitation(
                invitation, email=form.email.data, display_name=form.display_name.data, password=form.password.data,
                profession=form.profession.data, specialty=(form.specialty.data or "").strip(),
                organisation=form.organisation.data.strip(), country=form.country.data,
                licence_number=form.licence_number.data.strip(), licence_authority=form.licence_authority.data.strip(),
            )
        except InvitationError as error:
            db.session.rollback()
            if not put_on_form(form, error, flash_otherwise=False):
                return _invalid()
        else:
            start_session(user)
            db.session.commit()
            flash(_("Welcome to Konsil. Your professional credentials are now being checked."), "success")
            return redirect(url_for("main.dashboard"))
    return render_template("invitations/register.html", form=form, invitation=invitation, token=token), (
        422 if request.method == "POST" else 200)


def _join_existing(invitation: Invitation):
    if invitation.email and invitation.email != current_user.email:
        # A link bound to someone else says nothing about itself, like any unusable link.
        return _invalid()
    if is_banned_from(current_user, invitation.group):
        return _invalid()  # no invitation undoes a ban; the page says no more than for any unusable link
    form = EmptyForm()
    already = policy.membership_for(current_user, invitation.group) is not None
    if already:
        # Nothing to join: the link stays usable for the person it was meant for.
        if request.method == "POST":
            return redirect(url_for("main.dashboard"))
        return render_template("invitations/join.html", invitation=invitation, form=form, already=True)
    if request.method == "POST" and form.validate_on_submit():
        try:
            join_with_invitation(current_user, invitation)
        except InvitationError as error:
            db.session.rollback()
            flash(str(error), "error")
            return redirect(url_for("main.dashboard"))
        db.session.commit()
        flash(_("You joined %(group)s.", group=invitation.group.name), "success")
        if policy.is_verified(current_user):
            return redirect(url_for("groups.show", slug=invitation.group.slug))
        return redirect(url_for("main.dashboard"))
    return render_template("invitations/join.html", invitation=invitation, form=form, already=already)


@bp.route("/g/<slug>/invites", methods=["GET", "POST"])
@login_required
def manage(slug):
    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.invite", group)
    form = InvitationForm()
    if request.method == "GET" or not form.language.data:
        form.language.data = locale_of(current_user)
    new_link = None
    if form.validate_on_submit():
        try:
            invitation, token = create_invitation(current_user, group, form.email.data or None)
        except InvitationError as error:
            db.session.rollback()
            add_field_error(form.email, str(error))
        else:
            db.session.commit()  # the invitation is stored whether or not its e-mail goes out
            new_link = invitation_link(token)
            if invitation.email and not _send_invitation(invitation, new_link, form.language.data):
                flash(_("The invitation was created, but the e-mail could not be sent just now. Copy the link "
                        "below and send it yourself."), "warning")
            else:
                flash(_("Invitation created. Copy the link now: it is shown only once."), "success")
            form = InvitationForm(formdata=None)
    everyone = policy.can_moderate(current_user, group)
    return render_template("invitations/manage.html", group=group, form=form, new_link=new_link,
                           invitations=invitations_for(group, current_user, everyone), everyone=everyone,
                           revoke_form=EmptyForm())


def _send_invitation(invitation: Invitation, link: str, locale: str | None = None) -> bool:
    """The e-mail comes from the forum's address, so what the member wrote (their name, the group's name)
    stays out of the subject and is quoted, as theirs, in the body. It is written in the language the
    inviter chose for their colleague."""
    site = current_app.config["SITE_NAME"]
    with as_recipient(current_user, locale=locale if locale in SUPPORTED_LOCALES else None):
        body = render_template("invitations/mail/invitation.txt", site_name=site, link=link,
                               inviter_name=_quoted(current_user.display_name),
                               group_name=_quoted(invitation.group.name), expires=date_filter(invitation.expires_at))
        subject = _("An invitation to a closed group on %(site)s", site=site)
    # Sent at once, after the commit: the page says whether it went out.
    return send_now(invitation.email, subject, body)


def _quoted(text: str) -> str:
    """One line, at most 80 characters, without anything that could pass for a link or a line of the e-mail."""
    line = " ".join("".join(char if char.isprintable() else " " for char in text or "").split())[:80]
    return line.replace("://", ": //").replace("www.", "www .")


@bp.route("/g/<slug>/invites/<int:invitation_id>/revoke", methods=["POST"])
@login_required
def revoke_invitation(slug, invitation_id):
    group = visible_group_or_404(slug)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.group_id != group.id:
        abort(404)
    policy.ensure(current_user, "invitation.revoke", invitation)
    form = EmptyForm()
    if form.validate_on_submit():
        try:
            revoke(current_user, invitation)
            db.session.commit()
            flash(_("The invitation was revoked; its link no longer works."), "success")
        except InvitationError as error:
            db.session.rollback()
            flash(str(error), "error")
    return redirect(url_for("invitations.manage", slug=slug))
