"""security events and sessions store the client as data (browser, OS, device kind), not an English sentence

Revision ID: 0020
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0016'
branch_labels = None
depends_on = None

TABLES = ('security_events', 'user_sessions')
BROWSERS = ('Edge', 'Opera', 'Samsung Internet', 'Firefox', 'Chrome', 'Safari')
SYSTEMS = ('iOS', 'Android', 'ChromeOS', 'Windows', 'macOS', 'Linux')
# Only the operating system says what kind of device it was; a phone and a tablet look alike here.
COMPUTERS = ('Windows', 'macOS', 'Linux', 'ChromeOS')


def parse(text):
    """(browser, system, device) from a stored sentence: "Firefox on Linux", "a browser on iOS", "Chrome",
    "an unknown client", "no client given". Anything else is kept as the browser, cut to fit."""
    text = (text or '').strip()
    if not text or text in ('an unknown client', 'no client given'):
        return '', '', ''
    browser, system = text, ''
    if ' on ' in text:
        browser, system = text.rsplit(' on ', 1)
        if system not in SYSTEMS:
            browser, system = text, ''
    if browser == 'a browser':
        browser = ''
    device = 'computer' if system in COMPUTERS else ''
    return browser[:32], system[:32], device


def unparse(browser, system):
    if browser and system:
        return f'{browser} on {system}'
    if browser or system:
        return browser or f'a browser on {system}'
    return ''


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('client_browser', sa.String(length=32), server_default='', nullable=False))
            batch_op.add_column(sa.Column('client_os', sa.String(length=32), server_default='', nullable=False))
            batch_op.add_column(sa.Column('client_device', sa.String(length=16), server_default='', nullable=False))
        rows = sa.table(table, sa.column('client', sa.String), sa.column('client_browser', sa.String),
                        sa.column('client_os', sa.String), sa.column('client_device', sa.String))
        bind = op.get_bind()
        # One UPDATE per distinct sentence: there are only a few dozen, however long the log is.
        for (text,) in bind.execute(sa.select(rows.c.client).distinct()).fetchall():
            browser, system, device = parse(text)
            if browser or system or device:
                bind.execute(rows.update().where(rows.c.client == text)
                             .values(client_browser=browser, client_os=system, client_device=device))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('client')


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('client', sa.String(length=80), server_default='', nullable=False))
        rows = sa.table(table, sa.column('client', sa.String), sa.column('client_browser', sa.String),
                        sa.column('client_os', sa.String))
        bind = op.get_bind()
        pairs = bind.execute(sa.select(rows.c.client_browser, rows.c.client_os).distinct()).fetchall()
        for browser, system in pairs:
            text = unparse(browser, system)
            if text:
                bind.execute(rows.update().where(rows.c.client_browser == browser, rows.c.client_os == system)
                             .values(client=text))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('client_device')
            batch_op.drop_column('client_os')
            batch_op.drop_column('client_browser')
