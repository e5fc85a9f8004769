"""verification requests, reminders and account suspensions

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('account_suspensions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=2000), nullable=False),
    sa.Column('previous_status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('lifted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lifted_by_id', sa.Integer(), nullable=True),
    sa.Column('lift_note', sa.String(length=2000), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_account_suspensions_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lifted_by_id'], ['users.id'], name=op.f('fk_account_suspensions_lifted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_suspensions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_suspensions'))
    )

    with op.batch_alter_table('account_suspensions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_suspensions_user_id'), ['user_id'], unique=False)

    op.create_table('verification_reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_verification_reminders_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_reminders')),
    sa.UniqueConstraint('user_id', 'kind', 'valid_until', name='uq_verification_reminders_once')
    )

    with op.batch_alter_table('verification_reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_reminders_user_id'), ['user_id'], unique=False)

    op.create_table('verification_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('profession', sa.String(length=32), nullable=False),
    sa.Column('specialty', sa.String(length=120), nullable=False),
    sa.Column('organisation', sa.String(length=160), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('licence_number', sa.String(length=64), nullable=False),
    sa.Column('licence_authority', sa.String(length=160), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=2000), server_default='', nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_verification_requests_reviewer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_verification_requests_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_requests'))
    )

    with op.batch_alter_table('verification_requests', schema=None) as batch_op:
        batch_op.create_index('ix_verification_requests_status_queued_at', ['status', 'queued_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_requests_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_verification_requests_one_pending', ['user_id'], unique=True, sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))


def downgrade():
    with op.batch_alter_table('verification_requests', schema=None) as batch_op:
        batch_op.drop_index('uq_verification_requests_one_pending', sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"))
        batch_op.drop_index(batch_op.f('ix_verification_requests_user_id'))
        batch_op.drop_index('ix_verification_requests_status_queued_at')

    op.drop_table('verification_requests')

    with op.batch_alter_table('verification_reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_reminders_user_id'))

    op.drop_table('verification_reminders')

    with op.batch_alter_table('account_suspensions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_suspensions_user_id'))

    op.drop_table('account_suspensions')
