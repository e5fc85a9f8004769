"""notifications as data: a message key and parameters, rendered when read, with the audience and the
group they concern so that they are checked against the policy at read time

Existing notifications were stored as finished sentences. They keep their text (key 'legacy') and
get the group they concern: the group named by their link (/g/<slug>/...), or else the group whose
name appears in the text. Notices addressed to the reader about themselves ("You ...", "Your ...")
stay visible to them ('subject'); every other notice about a group is shown only while the reader can
see that group ('member').

Revision ID: 0007
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=48), server_default='legacy', nullable=False))
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('audience', sa.String(length=16), server_default='subject', nullable=False))
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('topic_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_notifications_group_id'), ['group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_notifications_group_id_groups'), 'groups', ['group_id'], ['id'],
                                    ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_notifications_topic_id_topics'), 'topics', ['topic_id'], ['id'],
                                    ondelete='SET NULL')

    connection = op.get_bind()
    groups = connection.execute(sa.text("SELECT id, slug, name FROM groups")).all()
    rows = connection.execute(sa.text("SELECT id, message, link FROM notifications")).all()
    for row in rows:
        group_id = None
        link = row.link or ""
        for group in groups:
            if link.startswith(f"/g/{group.slug}/") or link == f"/g/{group.slug}":
                group_id = group.id
                break
        if group_id is None:
            for group in sorted(groups, key=lambda g: -len(g.name)):
                if group.name and group.name in (row.message or ""):
                    group_id = group.id
                    break
        if group_id is None:
            continue
        about_reader = (row.message or "").startswith(("You ", "Your "))
        connection.execute(sa.text("UPDATE notifications SET group_id = :group_id, audience = :audience "
                                   "WHERE id = :id"),
                           {"group_id": group_id, "audience": "subject" if about_reader else "member", "id": row.id})


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notifications_topic_id_topics'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notifications_group_id_groups'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_notifications_group_id'))
        batch_op.drop_column('topic_id')
        batch_op.drop_column('group_id')
        batch_op.drop_column('audience')
        batch_op.drop_column('params')
        batch_op.drop_column('key')
