"""Read numbers, qualifiers, time units and calendar words as values.

Facts compare what different sources *say*, so "1,000" and "one thousand" must
read the same, "under two hours" must compare with "40 minutes", and "Friday"
must become a day. Everything here is pure string-to-value reading with no
knowledge of articles, so it can be tested (and reused) on its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from .spans import SpanSet

_ONES = re.findall(
    r"\w+",
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
)
_TENS = re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_ONES)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
WORD_VALUES.update({"a": 1.0, "an": 1.0, "dozen": 12.0, "a dozen": 12.0})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}

# Thousands set apart by a comma, or by a comma and a space as tokenised text
# writes them ("20, 000 people", "100, 000", "1, 300 biologists"), not a list
# of numbers ("rooms 101, 102 and 103", "scores of 272, 310"); a number of up to
# 18 digits so that a long run of groups costs no more than a short one.
_DIGITS = (
    r"(?:\d{1,3}(?=(?:,\s?\d{3}){0,4}, 0\d\d(?!\d))(?:,\s?\d{3}){1,5}(?!\d)"
    r"|\d{1,3}(?:,\d{3})+"
    r"|\d{1,2}, \d{3}(?!\d|\s*(?:,|and\b|or\b|to\b)\s*\d)|\d+)(?:\.\d+)?"
)
_WORDS = (
    rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES[1:10])}))?"
    rf"|a\s+dozen|dozen|{'|'.join(sorted(_ONES, key=len, reverse=True))}|an?"
)
# "two dozen", "two-dozen": a count of dozens.
NUMBER = rf"(?:{_DIGITS}|{_WORDS})(?:[\s-]+dozen(?![\w-]))?(?:\s+(?:{'|'.join(SCALES)}))?"
# A number standing alone: not glued to letters, digits or a preceding hyphen
# ("COVID-19", "A4"), so "24-hour" still matches but "2-L" is caught later.
NUMBER_RE = re.compile(rf"(?<![\w\-/:.,$€£])(?:{NUMBER})(?![\w])", re.IGNORECASE)

# Phrases before a number, longest first so "just over" wins over "just".
# fmt: off
QUALIFIER_PHRASES: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "just over": "more than",
    "well over": "more than", "exceeding": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "just under": "less than", "short of": "less than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "not less than": "at least", "a minimum of": "at least",
    "at most": "at most", "up to": "at most", "no more than": "at most",
    "not more than": "at most", "a maximum of": "at most", "as many as": "at most",
    "within": "at most",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "about", "almost": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "circa": "about",
    "just": "exact", "only": "exact", "exactly": "exact", "precisely": "exact",
    "a mere": "exact", "merely": "exact",
}
# fmt: on
QUALIFIER_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, QUALIFIER_PHRASES), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)

# Orders of magnitude a report gives instead of a figure ("thousands of Web
# sites"), with the counts each stands for.
# fmt: off
VAGUE_MAGNITUDES = {"dozens": (24, 100), "hundreds": (200, 1e3), "thousands": (2e3, 1e4),
                    "tens of thousands": (2e4, 1e5), "hundreds of thousands": (2e5, 1e6),
                    "millions": (2e6, 1e9)}
# fmt: on
VAGUE = re.compile(
    r"\b(" + "|".join(sorted(VAGUE_MAGNITUDES, key=len, reverse=True)) + r")\s+of\b",
    re.IGNORECASE,
)

# Time units, read into three comparable scales: below a day in minutes, days
# and weeks in days, months and longer in years. Each scale is exact within
# itself; intervals.relate converts between scales when it must.
# fmt: off
TIME_UNITS: dict[str, tuple[str, float]] = {
    "second": ("minutes", 1 / 60), "minute": ("minutes", 1.0), "hour": ("minutes", 60.0),
    "day": ("days", 1.0), "week": ("days", 7.0), "fortnight": ("days", 14.0),
    "month": ("years", 1 / 12), "year": ("years", 1.0), "decade": ("years", 10.0),
}
# fmt: on
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|year|decade)s?"
# How many of the finer unit one coarser unit holds (days to years is approximate).
UNIT_FACTORS = {("days", "minutes"): 1440.0, ("years", "days"): 365.25}

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def parse_number(text: str) -> float | None:
    """The value of a number as written ("1,000", "12.5", "twenty-four",
    "3 million", "an"); ``None`` when it is not a number."""
    plain = re.sub(r"(?<=\d), (?=\d)", "", text.strip().lower()).replace(",", "")
    words = re.sub(r"-dozen\b", " dozen", plain).split()
    if not words:
        return None
    scale = 1.0
    if len(words) > 1 and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    if len(words) > 1 and words[-1] == "dozen" and words[:-1] != ["a"]:
        scale *= 12.0  # "two dozen" is 24
        words.pop()
    head = " ".join(words)
    value: float | None
    try:
        value = float(head)
    except ValueError:
        value = _word_value(head)
    if value is None or not math.isfinite(value * scale):
        return None
    return value * scale


def _word_value(text: str) -> float | None:
    if text in WORD_VALUES:
        return WORD_VALUES[text]
    parts = re.split(r"[-\s]+", text)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ONES[1:10]:
        return WORD_VALUES[parts[0]] + WORD_VALUES[parts[1]]
    return None


def qualifier_before(text: str) -> tuple[str, int] | None:
    """The qualifier ending ``text`` ("... more than ") and its length."""
    match = QUALIFIER_RE.search(text[-40:])
    if not match:
        return None
    return QUALIFIER_PHRASES[match.group(1).lower()], len(match.group())


def bounds(
    value: float, qualifier: str, high: float | None = None
) -> tuple[float, float, bool, bool]:
    """The interval ``(low, high, low_open, high_open)`` a qualified number claims.

    "more than" excludes its number (so "more than 40" and "40" differ, just as
    "less than 40" and "40" do); "at least" keeps it. "about" is a band of
    ±10%, or of the precision a round number implies (:func:`approximation`).
    Quantities are never negative, so "less than" starts at 0.
    """
    if high is not None:
        return min(value, high), max(value, high), False, False
    if qualifier == "more than":
        return value, math.inf, True, True
    if qualifier == "at least":
        return value, math.inf, False, True
    if qualifier == "less than":
        return 0.0, value, False, True
    if qualifier == "at most":
        return 0.0, value, False, False
    if qualifier == "about":
        reach = approximation(value)
        return value - reach, value + reach, False, False
    return value, value, False, False


def approximation(value: float) -> float:
    """How far from ``value`` "about ``value``" reaches: 10% of it, or half the
    step its roundness shows where that is more ("about 20 games" is rounded
    to tens, so 16 to 24; "about 250" to fifties), never beyond a fifth of
    it ("some 2,000 athletes" is 1,600 to 2,400: 2,500 is another figure). A
    round number states its figure loosely; a precise one ("about 24") keeps
    the 10%."""
    if value != int(value):
        return 0.1 * value
    step = 1.0
    if value >= 10:
        while value % (step * 10) == 0:
            step *= 10
        if value % (step * 5) == 0:
            step *= 5
    return min(max(0.1 * value, step / 2), 0.2 * value)


def day_span(year: int, month: int, day: int | None = None) -> tuple[int, int] | None:
    """Proleptic ordinals of a day, or of the whole month when ``day`` is None."""
    try:
        if day is not None:
            ordinal = dt.date(year, month, day).toordinal()
            return ordinal, ordinal
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1).toordinal(), dt.date(year, month, last).toordinal()
    except (ValueError, OverflowError):
        return None


def year_span(year: int) -> tuple[int, int] | None:
    """Proleptic ordinals of the first and last day of ``year``."""
    first, last = day_span(year, 1, 1), day_span(year, 12, 31)
    return (first[0], last[0]) if first and last else None


def last_weekday(on_or_before: dt.date, weekday: int) -> dt.date | None:
    """The most recent ``weekday`` (Monday is 0) on or before a date: news
    says "on Friday" about the Friday just gone. None before year 1."""
    try:
        return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)
    except OverflowError:
        return None


def nearest_year(today: dt.date, month: int) -> int:
    """The year that puts ``month`` nearest to ``today`` (ties go to the past):
    "in May" written in July is this May, "by the end of August" this August."""
    here = today.year * 12 + today.month - 1
    return min(
        (today.year - 1, today.year, today.year + 1),
        key=lambda y: (abs(y * 12 + month - 1 - here), y),
    )


def parse_iso_date(text: str | None) -> dt.date | None:
    """An article's ISO date as a date, or None when missing or unreadable."""
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


# Dates ------------------------------------------------------------------------

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Months as a date abbreviates them ("Dec. 25"; "May" is never short for May).
MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
MONTH = rf"(?:{_MONTH_NAMES}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)"  # a month as written
_ORDINAL = r"(?:st|nd|rd|th)?"
_PREPOSITION = r"\b(?:in|since|by|until|till|before|after|during|from|through|early|late|of)\s+"
# Most specific first: a phrase matched once is not matched again by a later form.
_DATE_FORMS = (
    ("dmy", rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})\b"),
    ("my", rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<y>\d{{4}})\b"),
    ("md", rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?!,?\s*\d)"),
    (
        "m",
        rf"{_PREPOSITION}(?P<m>{_MONTH_NAMES})(?:\s+(?:and|or|to|through)\s+(?P<m2>{_MONTH_NAMES}))?\b",
    ),
    ("w", r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("y", r"(?<![\w,.$-])(?P<y>1[89]\d\d|2[01]\d\d)(?![\w-]|,\d)"),
)
DATE_PATTERNS = tuple((form, re.compile(pattern)) for form, pattern in _DATE_FORMS)


@dataclass(frozen=True)
class DatePhrase:
    """Where a date is written and the days it covers (ordinals), if known."""

    start: int
    end: int
    days: tuple[float, float] | None


def find_dates(text: str, start: int, end: int, on_or_before: dt.date | None) -> list[DatePhrase]:
    """Dates written in ``text[start:end]``: full dates, months, weekdays, years.

    Weekdays and dates without a year are read as the most recent one on or
    before ``on_or_before`` (the article's date); without it their days are None.
    """
    found: list[DatePhrase] = []
    taken = SpanSet()
    for form, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            begin = match.start("m") if form == "m" else match.start()
            if taken.overlaps(begin, match.end()):
                continue
            if form == "y" and plural_follows(text, match.end()):
                continue
            days = _days(form, match.groupdict(), on_or_before)
            found.append(DatePhrase(begin, match.end(), days))
            taken.add(begin, match.end())
    return sorted(found, key=lambda f: f.start)


def plural_follows(text: str, end: int) -> bool:
    """Whether a plural noun follows: "1900 soldiers" counts, "2022 invasion"
    and "2022 was" are years."""
    match = re.match(r"\s+([a-z]{3,})\b", text[end : end + 40])
    if not match:
        return False
    word = match.group(1)
    return word.endswith("s") and not word.endswith(("ss", "us", "was", "has", "this", "its"))


def _days(form: str, groups: dict[str, str], today: dt.date | None) -> tuple[float, float] | None:
    if form == "y":
        return _floats(year_span(int(groups["y"])))
    if form == "w":
        if today is None:
            return None
        day = last_weekday(today, WEEKDAYS[groups["w"].lower()])
        return (float(day.toordinal()), float(day.toordinal())) if day else None
    month = MONTHS[groups["m"].rstrip(".").lower()]
    if form in ("dmy", "my"):
        return _floats(
            day_span(int(groups["y"]), month, int(groups["d"]) if form == "dmy" else None)
        )
    if today is None:
        return None
    if form == "md":
        return _floats(day_span(nearest_year(today, month), month, int(groups["d"])))
    last = MONTHS[groups["m2"].lower()] if groups.get("m2") else month
    first_days = day_span(nearest_year(today, month), month)
    last_days = day_span(nearest_year(today, last), last)
    if not first_days or not last_days:
        return None
    return _floats((min(first_days[0], last_days[0]), max(first_days[1], last_days[1])))


def _floats(days: tuple[int, int] | None) -> tuple[float, float] | None:
    return (float(days[0]), float(days[1])) if days else None
