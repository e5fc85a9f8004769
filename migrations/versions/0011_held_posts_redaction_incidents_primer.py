"""held posts, redaction, privacy incidents and the patient-data primer

Revision ID: 0011
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('post_reads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('first_read_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_reads_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_post_reads_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_reads')),
    sa.UniqueConstraint('post_id', 'user_id', name='uq_post_reads_post_user')
    )
    with op.batch_alter_table('post_reads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_reads_post_id'), ['post_id'], unique=False)

    op.create_table('privacy_incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('members_in_window', sa.Integer(), server_default='0', nullable=False),
    sa.Column('readers', sa.JSON(), nullable=False),
    sa.Column('handler_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('notification_needed', sa.Boolean(), nullable=True),
    sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notified_to', sa.String(length=300), server_default='', nullable=False),
    sa.Column('assessment', sa.Text(), server_default='', nullable=False),
    sa.Column('assessed_by_id', sa.Integer(), nullable=True),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('close_reason', sa.String(length=1000), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['assessed_by_id'], ['users.id'], name=op.f('fk_privacy_incidents_assessed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_privacy_incidents_closed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_privacy_incidents_group_id_groups'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['handler_id'], ['users.id'], name=op.f('fk_privacy_incidents_handler_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_privacy_incidents_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_privacy_incidents_topic_id_topics'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_incidents'))
    )
    with op.batch_alter_table('privacy_incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_incidents_group_id'), ['group_id'], unique=False)
        batch_op.create_index('ix_privacy_incidents_state_deadline', ['state', 'deadline_at'], unique=False)

    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guard_policy', sa.String(length=16), server_default='hold', nullable=False))

    with op.batch_alter_table('post_revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redacted', sa.Boolean(), server_default='0', nullable=False))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_privacy_officer', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('primer_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('primer_accepted_at', sa.DateTime(timezone=True), nullable=True))



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('primer_accepted_at')
        batch_op.drop_column('primer_version')
        batch_op.drop_column('is_privacy_officer')

    with op.batch_alter_table('post_revisions', schema=None) as batch_op:
        batch_op.drop_column('redacted')

    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('guard_policy')

    with op.batch_alter_table('privacy_incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_privacy_incidents_state_deadline')
        batch_op.drop_index(batch_op.f('ix_privacy_incidents_group_id'))

    op.drop_table('privacy_incidents')
    with op.batch_alter_table('post_reads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_reads_post_id'))

    op.drop_table('post_reads')
