"""submission ids scoped to their author; when a sign-in throttle last told the account's owner

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa



revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_posts_submission_id'), type_='unique')
        batch_op.create_unique_constraint('uq_posts_author_submission', ['author_id', 'submission_id'])

    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.drop_column('notified_at')

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_posts_author_submission', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_posts_submission_id'), ['submission_id'])
