"""URLs that services build for notifications, mail and the CLI, inside or outside a request."""
from flask import current_app, has_request_context, url_for


def link_to(endpoint: str, *, external: bool = False, **values) -> str:
    if has_request_context():
        return url_for(endpoint, _external=external, **values)
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        return url_for(endpoint, _external=external, **values)
