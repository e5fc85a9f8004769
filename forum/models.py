"""Every model, imported in one place so that Alembic and the app see the whole schema."""
from .accounts.models import Profession, User, VerificationStatus  # noqa: F401
from .audit import LogEntry  # noqa: F401
from .groups.models import Group, GuidelinesVersion, JoinRequest, Membership  # noqa: F401
from .invitations.models import Invitation  # noqa: F401
from .notifications.models import Notification  # noqa: F401
from .posts.models import Post, PostRevision, Topic  # noqa: F401
from .privacy_guard.models import GuardPattern, GuardSettings  # noqa: F401
