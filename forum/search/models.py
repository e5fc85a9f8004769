from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db_types import UTCDateTime
from ..extensions import db


class SearchDocument(db.Model):
    """One visible, published post as the index sees it: normalised tokens (see text.py), never the
    text itself. Written only by the indexer (indexer.py), in the transaction that changed the post.

    The engine-specific index sits beside it (schema.py): an FTS5 table over these columns on SQLite,
    a weighted tsvector column with a GIN index on PostgreSQL."""
    __tablename__ = "search_documents"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True,
                                         autoincrement=False)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The topic title's tokens, on the topic's opening post only (weighted above the body).
    title_tokens: Mapped[str] = mapped_column(Text, default="")
    body_tokens: Mapped[str] = mapped_column(Text, default="")
    # "zzg<group id> zzu<author id>": lets the engine restrict a query to readable groups inside the index.
    scope_tokens: Mapped[str] = mapped_column(String(64), default="")


class SearchTerm(db.Model):
    """The index's vocabulary: every token of a title or a body and the number of documents that hold
    it, kept in step with search_documents by the indexer (a word that leaves every document, a
    redacted one for instance, leaves the vocabulary too). A prefix search (`cardio*`) stands for the
    most frequent tokens that start with it, read from here, so its work is bounded however many words
    share the prefix."""
    __tablename__ = "search_terms"

    token: Mapped[str] = mapped_column(String(400), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, server_default="0")
