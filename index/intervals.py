"""How two facts relate: they agree, are compatible, or differ.

Every quantity, duration and date fact claims an interval (``low``/``high``
with open or closed ends, see :func:`index.numbers.bounds`), so comparing two
reports is comparing two intervals:

* **agree**: the same interval ("less than two hours" and "under two hours");
* **compatible**: they overlap but are not the same ("less than an hour" and
  "40 minutes": both can be true);
* **differ**: they cannot both be true, even allowing for the rounding a
  reporter implies: "1,000" and "1,200" differ, but "lasted just 40 minutes"
  and "lasted less than 40 minutes" (``[40, 40]`` and ``[0, 40)`` touch) or
  "1,000" and "1,012" (a round number 1.2% off) are compatible.

Two facts are compared only when they are about the same thing: the same key
(acronyms unified, a count with no verb matching one with a verb, but "people
injured" never "people struck"), and the same unit scale. A count of one word
and no verb ("five half-siblings") is compared only where each article states
it once and the values are near (:func:`near`).

A counterpart from another story (``CONTEXT``) is never compared: the seeds'
two rounds of talks each have their own date.

Quotes have no interval. Two quotes of the same speaker agree when their words
are the same (ignoring case, punctuation and curly-quote spelling), and are
otherwise compatible: a speaker can say several things, and different words
are no contradiction the machine can see.
"""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from .facts import unify_keys
from .model import Fact
from .numbers import VAGUE
from .subjects import measured, split_key

AGREE, COMPATIBLE, DIFFER = "agree", "compatible", "differ"
ONLY_HERE = "only here"  # a fact with no counterpart in any other source
# A counterpart from another story: shown beside the fact, never compared with it
# (the seeds' "Tuesday" of the other round of talks contradicts nothing).
CONTEXT = "context"

# Minutes in one unit of each time scale, to compare across scales.
_MINUTES = {"minutes": 1.0, "days": 1440.0, "years": 365.25 * 1440.0}


class Interval(NamedTuple):
    """A fact's claim as numbers: ``[low, high]`` with either end excludable."""

    low: float
    high: float
    low_open: bool
    high_open: bool


def relate(
    a: Fact, b: Fact, lone: bool = False, spans: bool = True, one_speaker: bool = False
) -> str | None:
    """``AGREE``, ``COMPATIBLE`` or ``DIFFER``; ``None`` when the two facts say
    nothing about the same thing (other kind, key, unit or speaker).

    ``lone``: each is the only count of its kind in its article, so a key of
    one word with no verb ("four half-siblings") can still be compared, when
    the values are near (see :func:`near`), or whatever their values when
    ``one_speaker`` says one named person or body states both (a spokesman's
    "11 states" and "19 states" with sightings). ``spans``: hours that fit
    within days are compatible (see :func:`_within_span`), not different
    lengths."""
    if a.kind != b.kind:
        return None
    if a.kind == "quote":
        return _relate_quotes(a, b)
    if not same_key(a.key, b.key):
        return None
    bare = a.kind == "quantity" and not specific(a.key or "", b.key or "")
    if bare and not (lone and (one_speaker or near(a, b))):
        return None
    pair = _in_common_unit(a, b)
    if pair is None:
        return None
    relation = compare(*pair, slack=_whole_units(a, b))
    if relation == DIFFER and (vague(a) or vague(b) or measured(a.key) or measured(b.key)):
        return None  # "thousands of Web sites", "13 nautical miles": nothing to contradict
    if relation == DIFFER and spans and _within_span(a, b, *pair):
        return COMPATIBLE
    return relation


def vague(fact: Fact) -> bool:
    """Whether a count is only an order of magnitude ("thousands of Web sites",
    :data:`numbers.VAGUE`): it can fit or overlap another report's figure, never
    contradict it."""
    return fact.kind == "quantity" and bool(VAGUE.match(fact.text))


def _within_span(a: Fact, b: Fact, ia: Interval, ib: Interval) -> bool:
    """Whether one duration counted in hours or minutes fits inside another
    counted in days or longer: "30 hours of deliberation" over "the four days
    they tried to decide" is time spent within a span of the calendar, not
    another length of it."""
    if a.kind != "duration" or a.unit == b.unit:
        return False
    short, long = (ia, ib) if _MINUTES[a.unit or ""] < _MINUTES[b.unit or ""] else (ib, ia)
    small = a if short is ia else b
    return small.unit == "minutes" and short.high <= long.high


def compare(a: Interval, b: Interval, slack: float = 0.0) -> str:
    """The relation of two intervals (see the module docstring); ``slack`` is how
    far apart a rounded duration may be ("seven years" for 7 years, 1 month)."""
    if _same(a, b):
        return AGREE
    if overlap(a, b) or _within_rounding(a, b, slack) or _within_rounding(b, a, slack):
        return COMPATIBLE
    return DIFFER


def _whole_units(a: Fact, b: Fact) -> float:
    """Half a unit of a duration stated as a whole number of its unit ("seven
    years" may be 7 years and a month; "three-month" may be 90 days), in the
    finer unit of the two."""
    if a.kind != "duration":
        return 0.0
    finer = min(_MINUTES.get(a.unit or "", 1.0), _MINUTES.get(b.unit or "", 1.0))
    halves = []
    for fact in (a, b):
        if fact.low is None or fact.low != fact.high:
            continue
        unit = 1 / 12 if fact.unit == "years" and _MONTHS.search(fact.text) else 1.0
        if math.isclose(fact.low / unit, round(fact.low / unit)):
            halves.append(0.5 * unit * _MINUTES.get(fact.unit or "", 1.0) / finer)
    return max(halves, default=0.0)


_MONTHS = re.compile(r"\bmonths?\b", re.I)


# How far a round figure may be from the exact one: "1,000" for 1,012 (1.2%).
ROUNDING = 0.02


def _within_rounding(a: Interval, b: Interval, slack: float = 0.0) -> bool:
    """Whether ``a`` lies below ``b`` by no more than a reporter's rounding: the
    two touch ("less than 40" and "just 40": one rounded 39 down, the other up),
    or a round number is within 2% of the other end ("1,000" and "1,012")."""
    gap = b.low - a.high
    if gap < 0 or math.isinf(gap):
        return False
    if _close(gap, 0) or gap <= slack:
        return True
    rounded = [v for v in (a.high, b.low) if _round(v)]
    return any(gap <= ROUNDING * v for v in rounded)


def _round(value: float) -> bool:
    """A number a reporter may have rounded: a multiple of 100 (1,000; 12,000)."""
    return value >= 100 and value % 100 == 0


def overlap(a: Interval, b: Interval) -> bool:
    """Whether some value lies in both intervals (open ends excluded)."""
    low, low_open = max((a.low, a.low_open), (b.low, b.low_open))
    high, closed_high = min((a.high, not a.high_open), (b.high, not b.high_open))
    if _close(low, high):
        return not low_open and closed_high
    return low < high


def same_key(a: str | None, b: str | None) -> bool:
    """Whether two fact keys name the same thing, acronyms included
    ("pows" and "prisoners of war"), with no verbs or weekdays that disagree
    ("people wounded" is not "people struck", nor "killed on Thursday"
    "killed on Wednesday")."""
    if not a or not b:
        return False
    sa, sb = split_key(a), split_key(b)
    if sa.verb and sb.verb and sa.verb != sb.verb:
        return False
    if sa.day and sb.day and sa.day != sb.day:
        return False
    noun_a, noun_b = _unified(sa.noun, sb.noun)
    return noun_a == noun_b


@lru_cache(maxsize=1 << 16)  # asked for the same two nouns across many pairs of facts
def _unified(a: str, b: str) -> tuple[str, str]:
    """Two counted nouns with an acronym read as the words it stands for, where
    the other spells them (see :func:`index.facts.unify_keys`)."""
    unified = unify_keys([a, b])
    return unified.get(a, a), unified.get(b, b)


_VAGUE_WORDS = frozenset(
    ["other", "more", "additional", "new", "young", "old", "several", "different", "such"]
)


def specific(a: str, b: str) -> bool:
    """Whether two counts' keys say enough to be the same figure: a verb on both
    sides, or what is counted in more than one word ("prisoners of war");
    "33 Democrats" and "10 Democrats", or "two soldiers killed" and "three
    soldiers" (in prison), do not."""
    sa, sb = split_key(a), split_key(b)
    if sa.verb and sb.verb:
        return True
    noun = _unified(sa.noun, sb.noun)[0]
    return len([w for w in noun.split() if w not in _VAGUE_WORDS]) > 1


# How far apart two lone counts of one word may be and still be one figure told
# two ways: "four half-siblings" and "five" are; "eight children" and "five",
# or "seven artefacts" and "4,300", are more likely two different groups.
NEAR = 1.25


def near(a: Fact, b: Fact) -> bool:
    """Whether two counts are close enough to be two reports of one figure."""
    times = ratio(a, b)
    return times is not None and times <= NEAR


def ratio(a: Fact, b: Fact) -> float | None:
    """How many times the larger of two positive, finite figures is the
    smaller; None where either is missing, zero or less, or open-ended."""
    values = sorted(v for v in (a.value, b.value) if v is not None and v > 0)
    if len(values) < 2 or math.isinf(values[1]):
        return None
    return values[1] / values[0]


def interval_of(fact: Fact) -> Interval | None:
    """The fact's interval, or None when it has none (e.g. an unresolved date)."""
    if fact.low is None or fact.high is None:
        return None
    if math.isnan(fact.low) or math.isnan(fact.high):
        return None
    return Interval(fact.low, fact.high, fact.low_open, fact.high_open)


def _in_common_unit(a: Fact, b: Fact) -> tuple[Interval, Interval] | None:
    ia, ib = interval_of(a), interval_of(b)
    if ia is None or ib is None:
        return None
    if a.unit == b.unit:
        return ia, ib
    if a.unit not in _MINUTES or b.unit not in _MINUTES:
        return None
    finer = min(_MINUTES[a.unit], _MINUTES[b.unit])
    return _scale(ia, _MINUTES[a.unit] / finer), _scale(ib, _MINUTES[b.unit] / finer)


def _scale(interval: Interval, factor: float) -> Interval:
    return interval._replace(low=interval.low * factor, high=interval.high * factor)


def _same(a: Interval, b: Interval) -> bool:
    return (
        _close(a.low, b.low)
        and _close(a.high, b.high)
        and a.low_open == b.low_open
        and a.high_open == b.high_open
    )


def _close(x: float, y: float) -> bool:
    return x == y or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def _relate_quotes(a: Fact, b: Fact) -> str | None:
    if not same_speaker(a.speaker, b.speaker):
        return None
    return AGREE if _words(a.quote or a.text) == _words(b.quote or b.text) else COMPATIBLE


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speaker names can be one person: one is the end of the other
    ("Medinsky", "Vladimir Medinsky"), or they differ only in the spelling of the
    surname ("Zelensky", "Zelenskyy") with no first names that disagree."""
    wa, wb = _words(a or "").split(), _words(b or "").split()
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    if long[len(long) - len(short) :] == short:
        return True
    if len(wa) > 1 and len(wb) > 1 and wa[0] != wb[0]:
        return False
    first_letter = wa[-1][0] == wb[-1][0]
    return first_letter and SequenceMatcher(None, wa[-1], wb[-1]).ratio() >= 0.8


def _words(text: str) -> str:
    """Text reduced to its lowercase words, so spelling of quotes and
    punctuation does not make two equal quotes look different."""
    return " ".join(re.findall(r"\w+", text.replace("’", "'").lower()))
