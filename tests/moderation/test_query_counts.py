"""Moderation pages answer in a number of SQL queries that does not grow with the cases, entries or
members they show."""
from __future__ import annotations

from forum import audit
from forum.extensions import db

from ..core.support import count_queries
from .conftest import decide, report


def queries_for(browser, path: str) -> int:
    browser.get(path)
    with count_queries() as statements:
        response = browser.get(path)
    assert response.status_code == 200, path
    return len(statements)


def cases_by_many(scene, make, login, count: int, title: str):
    authors = [make.user(f"{title} author {index}") for index in range(count)]
    for author in authors:
        make.member(scene.group, author)
    topic = make.topic(scene.group, authors[0], title=title)
    for index, author in enumerate(authors):
        post = make.reply(topic, author, f"{title} post {index}")
        report(login(scene.reporters[index % 3]), post, "misinformation" if index % 2 else "patient_privacy",
               f"details {index}")
        report(login(scene.reporters[(index + 1) % 3]), post, "spam")


def test_the_queue_does_not_grow_with_cases(scene, make, login):
    moderator = login(scene.moderator)
    cases_by_many(scene, make, login, 2, "Few")
    few = queries_for(moderator, f"/g/{scene.group.slug}/moderation")
    cases_by_many(scene, make, login, 6, "Many")
    many = queries_for(moderator, f"/g/{scene.group.slug}/moderation")
    assert few == many
    assert moderator.get(f"/g/{scene.group.slug}/moderation").get_data(as_text=True).count('<article class="card case') == 8


def test_the_resolved_tab_and_the_admin_queue_do_not_grow(scene, make, login):
    moderator = login(scene.moderator)
    admin = login(scene.admin)
    cases_by_many(scene, make, login, 2, "Few")
    for post_id in _open_post_ids(scene):
        decide(moderator, scene.group, _post(post_id), "escalate", reason="Admins please.")
    few = (queries_for(moderator, f"/g/{scene.group.slug}/moderation?tab=resolved"),
           queries_for(admin, "/admin/moderation"))
    cases_by_many(scene, make, login, 6, "Many")
    for post_id in _open_post_ids(scene):
        decide(moderator, scene.group, _post(post_id), "escalate", reason="Admins please.")
    many = (queries_for(moderator, f"/g/{scene.group.slug}/moderation?tab=resolved"),
            queries_for(admin, "/admin/moderation"))
    assert few == many


def _open_post_ids(scene):
    from sqlalchemy import select

    from forum.moderation.models import ModerationCase

    return list(db.session.scalars(select(ModerationCase.post_id).where(ModerationCase.state == "open",
                                                                        ModerationCase.escalated.is_(False))))


def _post(post_id):
    from forum.posts.models import Post

    return db.session.get(Post, post_id)


def test_the_log_and_the_members_page_do_not_grow(scene, make, login):
    moderator = login(scene.moderator)
    admin = login(scene.admin)

    def grow(count):
        for index in range(count):
            user = make.user(f"Joiner {count}-{index}")
            make.member(scene.group, user)
            audit.record(scene.moderator, "moderation:member:warn", target_label=user.display_name,
                         subject_user=user, group_id=scene.group.id, reason="r")
        db.session.commit()

    grow(3)
    few = [queries_for(moderator, f"/g/{scene.group.slug}/moderation/log"),
           queries_for(admin, "/admin/log"), queries_for(moderator, f"/g/{scene.group.slug}/members")]
    grow(30)
    many = [queries_for(moderator, f"/g/{scene.group.slug}/moderation/log"),
            queries_for(admin, "/admin/log"), queries_for(moderator, f"/g/{scene.group.slug}/members")]
    assert few == many


def test_the_admin_queue_does_not_grow_with_groups(scene, make, login):
    admin = login(scene.admin)

    def escalated_case_in_a_new_group(number):
        owner, author, reporter = (make.user(f"{role} {number}") for role in ("Owner", "Author", "Reporter"))
        group = make.group(f"Group {number}", owner=owner, members=[author, reporter])
        post = make.reply(make.topic(group, author), author, "Reported")
        report(login(reporter), post)
        decide(login(owner), group, post, "escalate", reason="Admins please.")

    escalated_case_in_a_new_group(1)
    few = queries_for(admin, "/admin/moderation")
    for number in range(2, 5):
        escalated_case_in_a_new_group(number)
    assert queries_for(admin, "/admin/moderation") == few
    page = admin.get("/admin/moderation").get_data(as_text=True)
    assert page.count('<article class="card case') == 4 and "Group 4" in page
