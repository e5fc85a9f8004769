"""Every model, imported in one place so that Alembic and the app see the whole schema."""
from .accounts.models import Profession, User, VerificationStatus  # noqa: F401
from .accounts.models import LoginThrottle, PasswordResetToken, RecoveryCode, SecurityEvent, TwoFactor, UserSession  # noqa: F401,E501
from .audit import LogEntry  # noqa: F401
from .groups.models import Group, GuidelinesVersion, JoinRequest, Membership  # noqa: F401
from .invitations.models import Invitation  # noqa: F401
from .notifications.models import Mute, Notification, NotificationPreference  # noqa: F401
from .posts.models import Post, PostRevision, Topic  # noqa: F401
from .privacy_guard.models import GuardOutcome, GuardPattern, GuardSettings  # noqa: F401
from .verification.models import AccountSuspension, VerificationReminder, VerificationRequest  # noqa: F401
from .moderation.models import Appeal, MemberWarning, ModerationCase, Report  # noqa: F401
from .incidents.models import PostRead, PrivacyIncident  # noqa: F401
from .uploads.models import GroupImageSettings, ImageConsent, Upload  # noqa: F401
from .search.models import SearchDocument  # noqa: F401
from .search import schema as _search_schema  # noqa: F401,E402  (the engine-specific index beside it)
from .participation.models import Bookmark, GroupWatch, Reaction, TopicRead, TopicWatch  # noqa: F401
