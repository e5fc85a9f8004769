"""moderation: cases, reports, warnings, appeals, mutes

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mutes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('muted_user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['muted_user_id'], ['users.id'], name=op.f('fk_mutes_muted_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_mutes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mutes')),
    sa.UniqueConstraint('user_id', 'muted_user_id', name='uq_mutes_user_muted')
    )

    with op.batch_alter_table('mutes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mutes_user_id'), ['user_id'], unique=False)

    op.create_table('appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('decision_action', sa.String(length=64), nullable=False),
    sa.Column('original_actor_id', sa.Integer(), nullable=True),
    sa.Column('appellant_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('statement', sa.String(length=2000), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_reason', sa.String(length=1000), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['appellant_id'], ['users.id'], name=op.f('fk_appeals_appellant_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_appeals_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['moderation_log.id'], name=op.f('fk_appeals_decision_id_moderation_log')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_appeals_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['original_actor_id'], ['users.id'], name=op.f('fk_appeals_original_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_appeals_post_id_posts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals')),
    sa.UniqueConstraint('decision_id', name='uq_appeals_decision_id')
    )

    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeals_appellant_id'), ['appellant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appeals_group_id'), ['group_id'], unique=False)

    op.create_table('moderation_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('post_author_id', sa.Integer(), nullable=True),
    sa.Column('post_author_name', sa.String(length=80), nullable=False),
    sa.Column('topic_title', sa.String(length=200), nullable=False),
    sa.Column('post_number', sa.Integer(), server_default='1', nullable=False),
    sa.Column('post_excerpt', sa.String(length=600), nullable=False),
    sa.Column('report_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('has_privacy_report', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('escalated', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('escalated_by_id', sa.Integer(), nullable=True),
    sa.Column('escalation_reason', sa.String(length=1000), server_default='', nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('note', sa.String(length=1000), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['escalated_by_id'], ['users.id'], name=op.f('fk_moderation_cases_escalated_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_moderation_cases_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['users.id'], name=op.f('fk_moderation_cases_moderator_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_author_id'], ['users.id'], name=op.f('fk_moderation_cases_post_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_moderation_cases_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_moderation_cases_topic_id_topics'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_cases'))
    )

    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_cases_escalated', ['escalated', 'state'], unique=False)
        batch_op.create_index('ix_moderation_cases_group_state', ['group_id', 'state', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_moderation_cases_post_author_id'), ['post_author_id'], unique=False)
        batch_op.create_index('uq_moderation_cases_open_post', ['post_id'], unique=True, sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))

    op.create_table('moderation_warnings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.String(length=1000), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['moderation_cases.id'], name=op.f('fk_moderation_warnings_case_id_moderation_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_moderation_warnings_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['users.id'], name=op.f('fk_moderation_warnings_moderator_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_moderation_warnings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_warnings'))
    )

    with op.batch_alter_table('moderation_warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_warnings_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moderation_warnings_user_id'), ['user_id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('automatic', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('details', sa.String(length=2000), server_default='', nullable=False),
    sa.Column('state', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['moderation_cases.id'], name=op.f('fk_reports_case_id_moderation_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_reports_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['users.id'], name=op.f('fk_reports_moderator_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_reports_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_reports_reporter_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports'))
    )

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_reporter_id'), ['reporter_id'], unique=False)
        batch_op.create_index('uq_reports_open_reporter_post', ['post_id', 'reporter_id'], unique=True, sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))


def downgrade():
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('uq_reports_open_reporter_post', sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))
        batch_op.drop_index(batch_op.f('ix_reports_reporter_id'))
        batch_op.drop_index(batch_op.f('ix_reports_post_id'))
        batch_op.drop_index(batch_op.f('ix_reports_group_id'))
        batch_op.drop_index(batch_op.f('ix_reports_case_id'))

    op.drop_table('reports')

    with op.batch_alter_table('moderation_warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_warnings_user_id'))
        batch_op.drop_index(batch_op.f('ix_moderation_warnings_group_id'))

    op.drop_table('moderation_warnings')

    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.drop_index('uq_moderation_cases_open_post', sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))
        batch_op.drop_index(batch_op.f('ix_moderation_cases_post_author_id'))
        batch_op.drop_index('ix_moderation_cases_group_state')
        batch_op.drop_index('ix_moderation_cases_escalated')

    op.drop_table('moderation_cases')

    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeals_group_id'))
        batch_op.drop_index(batch_op.f('ix_appeals_appellant_id'))

    op.drop_table('appeals')

    with op.batch_alter_table('mutes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mutes_user_id'))

    op.drop_table('mutes')
