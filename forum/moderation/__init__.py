"""Moderation: reports, the review queue, actions on posts and members, appeals, muting and the log views."""
