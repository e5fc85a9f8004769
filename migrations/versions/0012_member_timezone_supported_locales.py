"""member time zone; languages limited to those with complete catalogues

Revision ID: 0012
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='', nullable=False))
    # Only en, de and hi have complete catalogues; members who chose another language read English.
    op.execute("UPDATE users SET locale = 'en' WHERE locale NOT IN ('en', 'de', 'hi') OR locale IS NULL")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('timezone')
