"""watching levels for topics and groups, and each member's notification preferences

Everyone who has posted in a topic watches it from now on, as posting in a topic will do (the topic's starter
kept hearing of replies before; now every member who took part does).

Revision ID: 0016
Revises: 0021
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notification_preferences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('muted_kinds', sa.JSON(), nullable=True),
    sa.Column('digest', sa.String(length=8), server_default='daily', nullable=False),
    sa.Column('quiet_start', sa.Integer(), nullable=True),
    sa.Column('quiet_end', sa.Integer(), nullable=True),
    sa.Column('watch_on_post', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('last_digest_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_preferences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_preferences')),
    sa.UniqueConstraint('user_id', name=op.f('uq_notification_preferences_user_id'))
    )
    op.create_table('group_watches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=16), server_default='normal', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_group_watches_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_group_watches_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_watches')),
    sa.UniqueConstraint('user_id', 'group_id', name='uq_group_watches_user_group')
    )
    with op.batch_alter_table('group_watches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_watches_group_id'), ['group_id'], unique=False)

    op.create_table('topic_watches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=16), server_default='watching', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_topic_watches_topic_id_topics'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_topic_watches_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic_watches')),
    sa.UniqueConstraint('user_id', 'topic_id', name='uq_topic_watches_user_topic')
    )
    with op.batch_alter_table('topic_watches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topic_watches_topic_id'), ['topic_id'], unique=False)

    op.execute(sa.text(
        "INSERT INTO topic_watches (user_id, topic_id, level, updated_at) "
        "SELECT DISTINCT author_id, topic_id, 'watching', CURRENT_TIMESTAMP FROM posts "
        "WHERE author_id IS NOT NULL AND deleted_at IS NULL"))


def downgrade():
    with op.batch_alter_table('topic_watches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_topic_watches_topic_id'))

    op.drop_table('topic_watches')
    with op.batch_alter_table('group_watches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_watches_group_id'))

    op.drop_table('group_watches')
    op.drop_table('notification_preferences')
