"""Verification of professional credentials: submissions, the verifiers' queue, expiry and suspension."""
