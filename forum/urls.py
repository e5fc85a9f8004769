"""URLs that services build for notifications, mail and the CLI, inside or outside a request."""
from flask import current_app, has_request_context, url_for


def link_to(endpoint: str, *, external: bool = False, **values) -> str:
    """External links always start with the configured BASE_URL, never with the Host header of
    the current request, which a client can forge to plant another domain in e-mails."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:
        with current_app.test_request_context():
            path = url_for(endpoint, **values)
    if external:
        return current_app.config["BASE_URL"].rstrip("/") + path
    return path


def posts_per_page() -> int:
    return current_app.config["POSTS_PER_PAGE"]


def page_of(number: int) -> int:
    """The page of a topic on which the post with this number appears."""
    return max(1, (number - 1) // posts_per_page() + 1)


def post_link(post) -> str:
    """The permalink of a post: its topic page, at the page and anchor where the post appears."""
    page = page_of(post.number)
    values = {"page": page} if page > 1 else {}
    return link_to("posts.topic", slug=post.topic.group.slug, topic_id=post.topic_id, **values) + f"#post-{post.number}"
