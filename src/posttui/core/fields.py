"""Field values as a user types them, parsed into plan values and shown back.

A parser returns the value for the model or raises FieldError, which says what
to type instead in any language. Empty input means "unset" for optional fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from posttui.core.i18n import Catalog
from posttui.core.ids import transliterate

_SLUG = re.compile(r"^[a-z0-9-]+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

Parser = Callable[[str], Any]

# What to type instead, by kind of value.
EXPECTED = Catalog(
    "fields",
    en={
        "required": "required",
        "slug": "use lowercase letters, digits and hyphens",
        "number": "a number, such as 1200 or 0.5",
        "count": "a whole number, 0 or more",
        "share": "a percentage from 0 to 100",
        "date": "a date as YYYY-MM-DD, such as 2027-06-30",
    },
)


class FieldError(ValueError):
    """Input that does not parse; `str()` says what to type instead in English."""

    def __init__(self, key: str) -> None:
        super().__init__(EXPECTED(key))
        self.key = key

    def text(self, lang: str = "en") -> str:
        return EXPECTED(self.key, lang)


def text(raw: str) -> str:
    return raw


def required(raw: str) -> str:
    if not raw.strip():
        raise FieldError("required")
    return raw


def fold(raw: str) -> str:
    """Ids as typed, in the letters ids are made of: 'Følgere' -> 'folgere' (a Norwegian
    letter is a lowercase letter to its writer, not a mistake)."""
    return transliterate(raw)


def fold_id(raw: str) -> str:
    """One id as typed: folded, and a space or underscore typed between words a hyphen."""
    return re.sub(r"[ _]", "-", fold(raw))


def slug(raw: str) -> str:
    value = fold(raw.strip())
    if not _SLUG.match(value):
        raise FieldError("slug")
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
        raise FieldError("number")
    return float(value) if "." in value else int(value)


def optional_number(raw: str) -> int | float | None:
    return number(raw) if raw.strip() else None


def count(raw: str) -> int | None:
    """A whole number >= 0, or unset."""
    if not raw.strip():
        return None
    value = number(raw)
    if not isinstance(value, int) or value < 0:
        raise FieldError("count")
    return value


def share(raw: str) -> int | float | None:
    value = optional_number(raw)
    if value is not None and not 0 <= value <= 100:
        raise FieldError("share")
    return value


def optional_date(raw: str) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise FieldError("date") from None


def show(value: Any) -> str:
    """A plan value as a user edits it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
