from forum.extensions import db
from forum.posts.models import Post


def test_member_reads_and_replies_in_their_group(make, login):
    member = make.user("Anna Schmidt")
    group = make.group(members=[member])
    topic = make.topic(group, member, title="Heparin bridging", replies=2)
    browser = login(member)

    page = browser.get(f"/g/{group.slug}")
    assert page.status_code == 200
    assert "Heparin bridging" in page.get_data(as_text=True)

    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "We **stopped** bridging."})
    assert response.status_code == 302
    thread = browser.get(response.location.split("#")[0]).get_data(as_text=True)
    assert "<strong>stopped</strong>" in thread
    assert db.session.query(Post).filter_by(topic_id=topic.id).count() == 4
