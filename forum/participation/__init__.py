"""Participation: reactions, bookmarks with reminders (and, later, read state, watching and source requests)."""
