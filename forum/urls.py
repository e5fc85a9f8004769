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
