"""Find and check article dates.

A date is only shown as a date when it can be right: a year far in the future
(the seed typed "3035") or before newspapers is kept as the raw text with a
note that says why it was not trusted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\b"
)
EARLIEST_YEAR = 1800


@dataclass(frozen=True)
class CheckedDate:
    """An ISO date when trusted, else ``None`` with the raw text and a note."""

    iso: str | None
    raw: str | None
    note: str | None


def today() -> dt.date:
    """Today's date (a function so tests can fix the clock)."""
    return dt.date.today()


def check(raw: object) -> CheckedDate:
    """Parse ``raw`` (a string, date or datetime) and decide whether to trust it."""
    if raw is None or raw == "":
        return CheckedDate(None, None, None)
    text = raw.isoformat() if isinstance(raw, dt.date) else str(raw).strip()
    parsed = _parse(raw)
    if parsed is None:
        return CheckedDate(None, text, f"'{text}' could not be read as a date")
    limit = today() + dt.timedelta(days=2)
    if parsed.year < EARLIEST_YEAR:
        return CheckedDate(None, text, f"year {parsed.year} is implausibly early; kept as written")
    if parsed > limit:
        note = (
            f"{parsed.isoformat()} is in the future (today is {today().isoformat()}), "
            "probably a typing error; kept as written, not used as the date"
        )
        return CheckedDate(None, text, note)
    return CheckedDate(parsed.isoformat(), text, None)


def _parse(raw: object) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dateparser.parse(str(raw), default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError, TypeError):
        return None


def find_date(text: str) -> str | None:
    """The first date-looking phrase in ``text`` ("Jul. 23, 2025"), if any."""
    match = DATE_PATTERN.search(text)
    return match.group() if match else None
