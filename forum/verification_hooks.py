"""Where accounts hand over to the verification feature, which fills these in."""
from __future__ import annotations


def licence_number_problem(country: str, profession: str, number: str) -> str | None:
    """A clear message when a licence number fails its format or check digit; None otherwise."""
    try:
        from .verification.registries import check_licence_number
    except ImportError:
        return None
    return check_licence_number(country, profession, number)
