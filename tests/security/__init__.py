"""Attacks on spbe-arch's trust boundaries (see docs/security.md)."""
