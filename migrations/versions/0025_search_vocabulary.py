"""search: the index's vocabulary (prefix searches stand for its most frequent words), and PostgreSQL's tsvector without the unused group tokens

Revision ID: 0025
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa


revision = '0025'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_terms',
    sa.Column('token', sa.String(length=400), nullable=False),
    sa.Column('documents', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_search_terms'))
    )
    from forum.search.indexer import fill_vocabulary
    from forum.search.schema import vector_without_group_tokens

    connection = op.get_bind()
    fill_vocabulary(connection)
    vector_without_group_tokens(connection)


def downgrade():
    from forum.search.schema import vector_without_group_tokens

    vector_without_group_tokens(op.get_bind(), with_group_tokens=True)
    op.drop_table('search_terms')
