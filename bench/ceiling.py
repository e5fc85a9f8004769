"""The ceiling for Konsil's pages: a bare Flask 3 + SQLAlchemy 2 + Jinja page.

One query reads 20 rows of about 1 KB each from SQLite and a base layout renders them; no sign-in,
no CSRF, no permissions. Nothing a real forum page does can be faster on the same stack, so
bench/pages.py reports each Konsil page as a share of this page's throughput, measured in the
same run (a ratio holds on a noisy machine; an absolute figure does not).

    gunicorn --pythonpath bench 'ceiling:create_app()'    # CEILING_DATABASE names the SQLite file
"""
from __future__ import annotations

import os
import random

from flask import Flask, render_template
from sqlalchemy import String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

ROWS_SHOWN = 20
ROWS_SEEDED = 2_000

LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{% block title %}{% endblock %}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<main>{% block main %}{% endblock %}</main><footer>Ceiling</footer></body></html>"""

PAGE = """{% extends "layout.html" %}{% block title %}Rows{% endblock %}{% block main %}
<h1>Twenty rows</h1>
{% for row in rows %}<article id="r{{ row.id }}"><h2>{{ row.title }}</h2><p>{{ row.body }}</p></article>
{% endfor %}{% endblock %}"""


class Base(DeclarativeBase):
    pass


class Row(Base):
    __tablename__ = "rows"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


def seed(database_path: str) -> None:
    engine = create_engine(f"sqlite:///{database_path}")
    Base.metadata.create_all(engine)
    words = ("handover anticoagulation renal dose night staffing infusion audit ward round escalation "
             "pharmacist creatinine clearance guideline").split()
    rng = random.Random(7)
    with Session(engine) as session:
        if session.scalar(select(Row.id).limit(1)) is None:
            session.add_all(Row(title=f"Row {i}", body=" ".join(rng.choice(words) for _ in range(130))[:1024])
                            for i in range(ROWS_SEEDED))
            session.commit()
    engine.dispose()


def create_app(database_path: str | None = None) -> Flask:
    database_path = database_path or os.environ["CEILING_DATABASE"]
    app = Flask(__name__)
    from jinja2 import DictLoader

    app.jinja_loader = DictLoader({"layout.html": LAYOUT, "page.html": PAGE})
    engine = create_engine(f"sqlite:///{database_path}")
    make_session = sessionmaker(engine)

    @app.get("/")
    def rows():
        with make_session() as session:
            shown = session.scalars(select(Row).order_by(Row.id.desc()).limit(ROWS_SHOWN)).all()
            return render_template("page.html", rows=shown)

    return app
