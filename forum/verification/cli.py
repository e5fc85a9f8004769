"""`flask --app wsgi forum send-reminders`: run daily from a timer, next to send-digests."""
import click

from ..core.cli import forum_cli
from ..extensions import db


@forum_cli.command("send-reminders")
def send_reminders_command() -> None:
    """Remind members whose verification lapses soon, and tell those whose verification lapsed."""
    from .services import deliver, send_reminders

    mails = send_reminders()
    deliver(mails)  # sent once the commit below succeeds
    db.session.commit()
    click.echo(f"{len(mails)} verification reminder{'s' if len(mails) != 1 else ''} sent.")
