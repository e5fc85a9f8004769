"""Kept importable while code moves to forum.policy: the rules, re-exported. New code imports
`forum.policy` (can / ensure / actions_for / scopes); see docs/ARCHITECTURE.md."""
from .policy.rules import *  # noqa: F401,F403
from .policy.rules import _authenticated, _membership_in_force  # noqa: F401
from .policy.status import effective_status  # noqa: F401
