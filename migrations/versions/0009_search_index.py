"""full-text search index: search documents with FTS5 (SQLite) or a weighted tsvector (PostgreSQL)

Revision ID: 0009
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_documents',
    sa.Column('post_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('title_tokens', sa.Text(), nullable=False),
    sa.Column('body_tokens', sa.Text(), nullable=False),
    sa.Column('scope_tokens', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_search_documents_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_search_documents_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', name=op.f('pk_search_documents'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_topic_id'), ['topic_id'], unique=False)

    from forum.search.schema import create_engine_index

    connection = op.get_bind()
    create_engine_index(connection)
    _index_existing_posts(connection)


def _index_existing_posts(connection):
    """The posts as this revision knows them; the normaliser and the rule of what is indexed are the app's."""
    from forum.search.indexer import document_for, is_indexable

    posts = sa.table('posts', sa.column('id', sa.Integer), sa.column('topic_id', sa.Integer),
                     sa.column('author_id', sa.Integer), sa.column('number', sa.Integer),
                     sa.column('body_html', sa.Text), sa.column('created_at', sa.DateTime(timezone=True)),
                     sa.column('hidden', sa.Boolean), sa.column('deleted_at', sa.DateTime(timezone=True)))
    topics = sa.table('topics', sa.column('id', sa.Integer), sa.column('group_id', sa.Integer),
                      sa.column('title', sa.String), sa.column('hidden', sa.Boolean))
    documents = sa.table('search_documents', *(sa.column(name) for name in (
        'post_id', 'topic_id', 'group_id', 'author_id', 'created_at', 'title_tokens', 'body_tokens', 'scope_tokens')))
    last_id = 0
    while True:
        rows = connection.execute(sa.select(posts).where(posts.c.id > last_id).order_by(posts.c.id).limit(2000)).all()
        if not rows:
            break
        topic_rows = {row.id: row for row in connection.execute(
            sa.select(topics).where(topics.c.id.in_({row.topic_id for row in rows})))}
        values = [document_for(row, topic_rows.get(row.topic_id)) for row in rows
                  if is_indexable(row, topic_rows.get(row.topic_id))]
        if values:
            connection.execute(documents.insert(), values)
        last_id = rows[-1].id


def downgrade():
    from forum.search.schema import drop_engine_index

    drop_engine_index(op.get_bind())
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_documents_topic_id'))

    op.drop_table('search_documents')
