"""guard: the instance's public service numbers, and how moderators decided what the guard raised

Revision ID: 0008
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('guard_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_numbers', sa.JSON(), nullable=True))

    op.create_table('guard_outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('finding_type', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_guard_outcomes_group_id_groups'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guard_outcomes'))
    )
    with op.batch_alter_table('guard_outcomes', schema=None) as batch_op:
        batch_op.create_index('ix_guard_outcomes_type_outcome', ['finding_type', 'outcome'], unique=False)


def downgrade():
    with op.batch_alter_table('guard_outcomes', schema=None) as batch_op:
        batch_op.drop_index('ix_guard_outcomes_type_outcome')
    op.drop_table('guard_outcomes')
    with op.batch_alter_table('guard_settings', schema=None) as batch_op:
        batch_op.drop_column('public_numbers')
