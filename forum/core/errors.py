"""One error type for refused requests: a message for the user, the form field it belongs to, and
the HTTP status a view answers with."""
from __future__ import annotations


class DomainError(ValueError):
    """A rule refused the request; the message is shown to the user as it is."""

    status = 400

    def __init__(self, message: str, field: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if status is not None:
            self.status = status


class NotAllowed(DomainError):
    """The actor may not do this (any more): answered with 403 and the message."""

    status = 403


class AlreadyDecided(DomainError):
    """Someone else decided first; this request changed nothing."""

    status = 409


def add_field_error(field, message: str) -> None:
    field.errors = list(field.errors or []) + [message]


def put_on_form(form, error: DomainError, *, flash_otherwise: bool = True) -> bool:
    """Show the error next to its field, keeping what the user typed; without such a field, flash it
    (unless told not to). True when it went onto a field."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        add_field_error(field, str(error))
        return True
    if flash_otherwise:
        from flask import flash

        flash(str(error), "error")
    return False
