"""search: a title-only FTS5 table on SQLite (title searches walk titles only), a (group_id, post_id) index on PostgreSQL (the scope as a column)

Revision ID: 0021
Revises: 0012
"""
from alembic import op


revision = '0021'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    from forum.search.schema import create_title_index

    create_title_index(op.get_bind())


def downgrade():
    from forum.search.schema import drop_title_index

    drop_title_index(op.get_bind())
