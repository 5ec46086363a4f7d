"""Field values as a user types them, parsed into plan values and shown back.

A parser returns the value for the model or raises ValueError with a message
that says what to type instead. Empty input means "unset" for optional fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

_SLUG = re.compile(r"^[a-z0-9-]+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

Parser = Callable[[str], Any]


def text(raw: str) -> str:
    return raw


def required(raw: str) -> str:
    if not raw.strip():
        raise ValueError("required")
    return raw


def slug(raw: str) -> str:
    value = raw.strip()
    if not _SLUG.match(value):
        raise ValueError("use lowercase letters, digits and hyphens")
    return value


def optional_slug(raw: str) -> str | None:
    return slug(raw) if raw.strip() else None


def slugs(raw: str) -> list[str]:
    """'instagram, tiktok' -> ['instagram', 'tiktok'] (commas or spaces between)."""
    return [slug(part) for part in re.split(r"[,\s]+", raw) if part]


def number(raw: str) -> int | float:
    # Spaces group thousands in Norwegian ("1 200"); keep integers integers.
    value = raw.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(value):
        raise ValueError("a number, such as 1200 or 0.5")
    return float(value) if "." in value else int(value)


def optional_number(raw: str) -> int | float | None:
    return number(raw) if raw.strip() else None


def count(raw: str) -> int | None:
    """A whole number >= 0, or unset."""
    if not raw.strip():
        return None
    value = number(raw)
    if not isinstance(value, int) or value < 0:
        raise ValueError("a whole number, 0 or more")
    return value


def share(raw: str) -> int | float | None:
    value = optional_number(raw)
    if value is not None and not 0 <= value <= 100:
        raise ValueError("a percentage from 0 to 100")
    return value


def optional_date(raw: str) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError("a date as YYYY-MM-DD, such as 2027-06-30") from None


def show(value: Any) -> str:
    """A plan value as a user edits it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
