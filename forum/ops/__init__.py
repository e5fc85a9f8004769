"""Endpoints for operators and their tools (load balancers, monitoring), not for people."""
