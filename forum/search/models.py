from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
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
    """The index's vocabulary, group by group: every token of a title or a body and the number of the
    group's documents that hold it, kept in step with search_documents by the indexer (a word that
    leaves every post of a group, a redacted one for instance, leaves that group's row). A prefix
    search (`cardio*`) stands for the tokens that start with it most frequent in the groups the reader
    may read, summed over those groups only -- so another group's words never decide which words a
    reader's prefix covers -- and its work is bounded however many words share the prefix."""
    __tablename__ = "search_terms"
    # A reader's prefix look-up: for each readable group, a range on the token, the count read from
    # the index alone -- no other group's rows are read, so the time it takes says nothing of them. On
    # PostgreSQL with text_pattern_ops, whose operators (~>=~, ~<~) compare bytes whatever the
    # collation. Every group at once (an administrator) reads the primary key's range.
    __table_args__ = (Index("ix_search_terms_group_token", "group_id", "token", "documents",
                            postgresql_ops={"token": "text_pattern_ops"}),)

    token: Mapped[str] = mapped_column(String(400), primary_key=True)
    group_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    documents: Mapped[int] = mapped_column(Integer, server_default="0")
