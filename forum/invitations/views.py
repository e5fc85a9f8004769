from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import permissions
from ..accounts.forms import RegistrationForm
from ..auth.views import start_session
from ..extensions import db
from ..forms import EmptyForm
from ..groups.access import visible_group_or_404
from ..mail import send
from .forms import InvitationForm
from .models import Invitation
from .services import (InvitationError, create_invitation, invitation_link, invitations_for, join_with_invitation,
                       register_with_invitation, revoke, usable_invitation)
from flask_babel import gettext as _
from ..i18n import as_recipient, date_filter, locale_of

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
            field = getattr(form, error.field, None) if error.field else None
            if field is None:
                return _invalid()
            field.errors = list(field.errors) + [str(error)]
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
    form = EmptyForm()
    already = permissions.membership_for(current_user, invitation.group) is not None
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
        if permissions.is_verified(current_user):
            return redirect(url_for("groups.show", slug=invitation.group.slug))
        return redirect(url_for("main.dashboard"))
    return render_template("invitations/join.html", invitation=invitation, form=form, already=already)


@bp.route("/g/<slug>/invites", methods=["GET", "POST"])
@login_required
def manage(slug):
    group = visible_group_or_404(slug)
    if not permissions.can_invite_to(current_user, group):
        abort(403)
    form = InvitationForm()
    if request.method == "GET" or not form.language.data:
        form.language.data = locale_of(current_user)
    new_link = None
    if form.validate_on_submit():
        invitation, token = create_invitation(current_user, group, form.email.data or None)
        db.session.commit()
        new_link = invitation_link(token)
        if invitation.email:
            # Written in the language the inviter chose for their colleague.
            with as_recipient(current_user, locale=form.language.data):
                subject = _("%(name)s invites you to %(group)s on Konsil", name=current_user.display_name,
                            group=group.name)
                body = _("%(name)s invites you to join the closed group “%(group)s” on Konsil, a forum for verified "
                         "health professionals.", name=current_user.display_name, group=group.name)
                link_line = _("Open this link to register (valid until %(date)s):",
                              date=date_filter(invitation.expires_at))
            send(invitation.email, subject, f"{body}\n\n{link_line}\n{new_link}\n")
        flash(_("Invitation created. Copy the link now: it is shown only once."), "success")
        form = InvitationForm(formdata=None)
    everyone = permissions.can_moderate(current_user, group)
    return render_template("invitations/manage.html", group=group, form=form, new_link=new_link,
                           invitations=invitations_for(group, current_user, everyone), everyone=everyone,
                           revoke_form=EmptyForm())


@bp.route("/g/<slug>/invites/<int:invitation_id>/revoke", methods=["POST"])
@login_required
def revoke_invitation(slug, invitation_id):
    group = visible_group_or_404(slug)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.group_id != group.id:
        abort(404)
    if not (invitation.inviter_id == current_user.id or permissions.can_moderate(current_user, group)):
        abort(403)
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
