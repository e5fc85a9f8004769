"""registrations through an invitation wait for their address to be confirmed; the moderation log keeps
neutral labels (never a topic's title)

Revision ID: 0018
Revises: 0017
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('registration_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('credentials', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'],
                            name=op.f('fk_registration_requests_invitation_id_invitations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration_requests')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_registration_requests_token_hash'))
    )
    with op.batch_alter_table('registration_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_requests_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_requests_invitation_id'), ['invitation_id'], unique=False)


    # The log kept topics' titles as its entries' labels; a title can hold patient data that a redaction must
    # be able to remove, so every entry about a post or a topic now reads "topic #<id> in <group>". (The log is
    # append-only for the application; this one-time rewrite removes the copies it should never have held.)
    label = "'topic #' || CAST(t.id AS VARCHAR(20)) || ' in ' || g.name"
    bind = op.get_bind()
    # The application refuses any rewrite of the log; this reviewed one says so (forum/moderation/log_guard.py).
    reviewed = {"reviewed_moderation_log_rewrite": True}
    bind.execute(sa.text(f"""
        UPDATE moderation_log SET target_label = COALESCE((
            SELECT SUBSTR({label}, 1, 200) FROM posts p JOIN topics t ON t.id = p.topic_id
            JOIN groups g ON g.id = t.group_id WHERE p.id = moderation_log.target_id), 'a deleted topic')
        WHERE target_type = 'post'""").execution_options(**reviewed))
    bind.execute(sa.text(f"""
        UPDATE moderation_log SET target_label = COALESCE((
            SELECT SUBSTR({label}, 1, 200) FROM topics t JOIN groups g ON g.id = t.group_id
            WHERE t.id = moderation_log.target_id), 'a deleted topic')
        WHERE target_type = 'topic'""").execution_options(**reviewed))


def downgrade():
    with op.batch_alter_table('registration_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_requests_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_registration_requests_expires_at'))
    op.drop_table('registration_requests')
