from sqlalchemy import select

from forum.demo import seed_demo
from forum.extensions import db
from forum.moderation.models import ModerationCase, Report


def test_the_demo_has_an_open_report_for_the_moderators(app, login):
    with app.test_request_context():
        seed_demo()
        db.session.commit()
    [report] = db.session.scalars(select(Report)).all()
    assert (report.reason, report.state) == ("misinformation", "open")
    case = db.session.scalar(select(ModerationCase))
    assert case.state == "open" and "POPular TAVI" in case.post_excerpt
    assert report.reporter_id != case.post_author_id
