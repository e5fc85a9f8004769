import time

import click
from flask.cli import with_appcontext

from ..extensions import db
from .indexer import rebuild


@click.command("reindex")
@with_appcontext
def reindex() -> None:
    """Rebuild the search index from every post (visible, published posts only)."""
    started = time.monotonic()

    def progress(total, last_id):
        if total and total % 50_000 < 2000:
            click.echo(f"  {total} posts indexed (up to post {last_id})")

    with db.engine.begin() as connection:
        total = rebuild(connection, progress=progress)
    click.echo(f"Search index rebuilt: {total} posts in {time.monotonic() - started:.1f} s.")
