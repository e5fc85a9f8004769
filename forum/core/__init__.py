"""Shared machinery every feature builds on: domain errors, pagination, LIKE escaping, the unit of
work (one commit per request, after-commit callbacks) and named signals between features."""
