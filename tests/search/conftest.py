from types import SimpleNamespace

import pytest


@pytest.fixture
def ward(make):
    """A secret group with a member, a moderator and some clinical threads; and an outsider."""
    member = make.user("Maria Member", profession="pharmacist")
    moderator = make.user("Moritz Moderator")
    outsider = make.user("Otto Outsider")
    group = make.group("Nephrology", members=[member], moderators=[moderator])
    return SimpleNamespace(member=member, moderator=moderator, outsider=outsider, group=group)
