"""Typed errors: bad input is reported, never guessed around."""

from __future__ import annotations

__all__ = ["InputError", "TimelineError"]


class TimelineError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(TimelineError, ValueError):
    """A document, file or date that cannot be read as given."""
