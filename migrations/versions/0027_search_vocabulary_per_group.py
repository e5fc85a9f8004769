"""search: the vocabulary counted per group, so that a prefix search stands for the words most frequent
in the reader's groups only (another group's words never decide what it covers)

Revision ID: 0027
Revises: 0025
"""
from alembic import op
import sqlalchemy as sa


revision = '0027'
down_revision = '0025'
branch_labels = None
depends_on = None


def _prefix_index():
    op.create_index('ix_search_terms_group_token', 'search_terms', ['group_id', 'token', 'documents'],
                    unique=False, postgresql_ops={'token': 'text_pattern_ops'})


def upgrade():
    from forum.search.indexer import fill_vocabulary

    op.drop_table('search_terms')
    op.create_table('search_terms',
    sa.Column('token', sa.String(length=400), nullable=False),
    sa.Column('group_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('documents', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('token', 'group_id', name=op.f('pk_search_terms'))
    )
    _prefix_index()
    fill_vocabulary(op.get_bind())


def downgrade():
    op.execute('CREATE TABLE search_terms_forum_wide AS '
               'SELECT token, SUM(documents) AS documents FROM search_terms GROUP BY token')
    op.drop_index('ix_search_terms_group_token', table_name='search_terms')
    op.drop_table('search_terms')
    op.create_table('search_terms',
    sa.Column('token', sa.String(length=400), nullable=False),
    sa.Column('documents', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_search_terms'))
    )
    op.execute('INSERT INTO search_terms (token, documents) SELECT token, documents FROM search_terms_forum_wide')
    op.drop_table('search_terms_forum_wide')
