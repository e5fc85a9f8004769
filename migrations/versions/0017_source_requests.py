"""source requests on posts

Revision ID: 0017
Revises: 0020
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'source_requests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('post_id', sa.Integer(), nullable=False),
        sa.Column('requester_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=32), nullable=False),
        sa.Column('note', sa.String(length=500), server_default='', nullable=False),
        sa.Column('state', sa.String(length=16), server_default='open', nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_source_requests_closed_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_source_requests_post_id_posts'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requester_id'], ['users.id'], name=op.f('fk_source_requests_requester_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_source_requests')),
    )
    with op.batch_alter_table('source_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_requests_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_requests_requester_id'), ['requester_id'], unique=False)
        batch_op.create_index('ix_source_requests_state_created', ['state', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('source_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_source_requests_state_created')
        batch_op.drop_index(batch_op.f('ix_source_requests_requester_id'))
        batch_op.drop_index(batch_op.f('ix_source_requests_post_id'))
    op.drop_table('source_requests')
