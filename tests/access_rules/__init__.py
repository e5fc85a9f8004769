"""Who gets which answer from every route; read by tests/test_access_matrix.py.

Each module states RULES = {endpoint: {persona: expectation}}, where an expectation is "login" (the
sign-in gate) or the precise status the persona gets ("200", "302", "403", "404", ...). Personas
allowed to use a route are written "ok" in the shared tables below and resolved by `answers`, which
says the exact status they get; a bare "ok" is refused by the matrix."""

ALLOWED = "ok"


def answers(rules: dict[str, str], status: int, **own: int | str) -> dict[str, str]:
    """rules with every allowed persona given `status`, and the personas named in `own` their own answer."""
    resolved = {persona: str(status) if value == ALLOWED else value for persona, value in rules.items()}
    resolved.update({persona: str(value) for persona, value in own.items()})
    return resolved
