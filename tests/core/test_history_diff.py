"""The edit history shows what each edit removed and added, word by word, escaped."""
from sqlalchemy import select

from forum.extensions import db
from forum.posts.diffs import word_diff
from forum.posts.models import Post


def test_history_shows_a_readable_word_diff(make, login):
    author = make.user("Anna Author")
    group = make.group(members=[author])
    topic = make.topic(group, author, body="Start bisoprolol at 2.5 mg daily.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    browser = login(author)
    assert browser.post(f"/posts/{post.id}/edit", data={"body": "Start bisoprolol at 1.25 mg daily <script>x</script>.",
                                                        "reason": "lower dose"}).status_code == 302
    page = browser.get(f"/posts/{post.id}/history").get_data(as_text=True)
    assert "<del>2.5</del><ins>1.25</ins>" in page
    assert "<ins>daily &lt;script&gt;x&lt;/script&gt;.</ins>" in page and "<script>x" not in page
    assert "lower dose" in page


def test_word_diff_marks_only_what_changed():
    assert str(word_diff("a b c", "a x c")) == '<div class="word-diff">a <del>b</del><ins>x</ins> c</div>'
    assert str(word_diff("", "new")) == '<div class="word-diff"><ins>new</ins></div>'
