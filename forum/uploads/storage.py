"""The files of uploads: <UPLOAD_DIR>/<2 chars>/<id>.full and .thumb, written atomically (temporary file in
the same directory, fsync, rename). Deletions wait for the commit that decides them; files written by a
transaction that rolls back are removed, so the database and the directory agree."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

VARIANTS = ("full", "thumb")


def root() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def relative_path(upload_id: str, variant: str) -> str:
    return f"{upload_id[:2]}/{upload_id}.{variant}"


def path_for(upload_id: str, variant: str) -> Path:
    return root() / relative_path(upload_id, variant)


def write(session: Session, upload_id: str, variant: str, data: bytes) -> None:
    target = path_for(upload_id, variant)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    existed = target.exists()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if not existed:
        session.info.setdefault("upload_files_written", []).append(target)


def delete_after_commit(session: Session, upload_id: str) -> None:
    for variant in VARIANTS:
        session.info.setdefault("upload_files_doomed", []).append(path_for(upload_id, variant))


def read(upload_id: str, variant: str) -> bytes:
    return path_for(upload_id, variant).read_bytes()


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    session.info.pop("upload_files_written", None)
    for path in session.info.pop("upload_files_doomed", []):
        Path(path).unlink(missing_ok=True)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session, previous_transaction):
    if previous_transaction.parent is not None:  # a savepoint: the outer transaction decides
        return
    session.info.pop("upload_files_doomed", None)
    for path in session.info.pop("upload_files_written", []):
        Path(path).unlink(missing_ok=True)
