"""How two facts under one comparison key relate: the rules that compare a pair
(of one story, or a counterpart from another), the worst relation of several
(:func:`overall`), and what a fact carries for them (:class:`Comparable`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from typing import Any

from ..intervals import CONTEXT, DIFFER, ratio, relate, same_key
from ..model import Fact
from ..subjects import split_key

ONLY_HERE = "only here"
RELATION_ORDER = ("differ", "compatible", "agree")


def fact_from_json(data: Mapping[str, Any]) -> Fact:
    """A stored fact dict back as a :class:`Fact` ("inf" strings to floats)."""
    values = dict(data)
    for name in ("low", "high", "value"):
        if isinstance(values.get(name), str):
            values[name] = float(values[name])
    known = Fact.__dataclass_fields__
    return Fact(**{k: v for k, v in values.items() if k in known})


def relate_facts(
    a: Fact, b: Fact, lone: bool = False, spans: bool = True, one_speaker: bool = False
) -> str | None:
    """:func:`intervals.relate`, plus undated weekdays compared by name: two
    reports of one event that name different days disagree."""
    relation = relate(a, b, lone, spans, one_speaker)
    if relation is None and a.kind == b.kind == "date" and _undated_weekdays(a, b):
        return "agree" if a.text.lower() == b.text.lower() else "differ"
    return relation


def counterpart_relation(
    item: Comparable,
    other: Comparable,
    lone: Set[str],
    torn: Set[str] = frozenset(),
    off_day: Set[str] = frozenset(),
) -> str | None:
    """How ``other`` relates to ``item`` in the cross-source pane: compared when
    both are of one story (``lone``, ``torn``, ``off_day``: see :func:`relate_pair`); from another
    story, only context (another round of talks has another date: no
    contradiction), and only when it is a counterpart at all: the same subject,
    verb, day and unit. Under one comparison key, "650,000 people signed" and
    another story's "thousands of people missing", or "dozens of groups" and
    "three groups", are not."""
    if other.story != item.story:
        if (item.fact.key or "").startswith(_OWN_EVENT):
            return None  # "the first in three years": since this story's own event
        if item.fact.kind == "date" and _years_apart(item.fact, other.fact):
            return None  # talks of 2012 are no context for a summit of 2018
        if _two_speakers(item, other):
            return None
        return CONTEXT if relate_facts(item.fact, other.fact) else None
    return relate_pair(item, other, lone, torn, off_day)


# Keys measured from the story's own event, so no other story's figure is a
# counterpart of them.
_OWN_EVENT = "duration:since"


def _years_apart(a: Fact, b: Fact) -> bool:
    """Whether two dates are known and more than a year apart: not another round
    of the same talks but a meeting of another year on some weekday."""
    if a.value is None or b.value is None:
        return False  # weekdays of undated articles: compared by name
    return abs(a.value - b.value) > 366


def lone_articles(members: Iterable[Comparable]) -> set[str]:
    """The articles that state only one of ``members`` (a story's facts under one key)."""
    counts = Counter(m.fact.article for m in members)
    return {article for article, n in counts.items() if n == 1}


def torn_articles(members: Iterable[Comparable]) -> set[str]:
    """The articles that state, under one key, two figures of one speaker that
    are not one length or count: "12 hours of deliberation" (to convict) and
    "four days" (over the penalty), or "548 rushing yards" (this season) and
    "189" (in the last two games). Such a key holds more than one thing in that
    article, and which of them another report's figure is about cannot be told."""
    by_article: dict[str, list[Comparable]] = defaultdict(list)
    for member in members:
        if member.fact.kind != "quote":
            by_article[member.fact.article].append(member)
    torn = set()
    for article, mine in by_article.items():
        for i, a in enumerate(mine):
            if any(
                not _two_speakers(a, b)
                and not _two_holders(a, b)
                and relate_facts(a.fact, b.fact, True, spans=False) == DIFFER
                for b in mine[i + 1 :]
            ):
                torn.add(article)
                break
    return torn


def relate_pair(
    a: Comparable,
    b: Comparable,
    lone: Set[str],
    torn: Set[str] = frozenset(),
    off_day: Set[str] = frozenset(),
) -> str | None:
    """The relation of two facts of one story, where ``lone`` are the articles
    that state only one fact under their key: a count each article states once
    is the one figure of its kind both report, so a bare noun ("five
    half-siblings") is enough to compare it (:func:`intervals.relate`).
    ``torn`` are the articles that state two figures under the key that cannot
    both be true (:func:`torn_articles`): a figure of theirs differs from no
    other report's, as it may be about another thing than the other's.
    ``off_day`` are the facts that name a day other than the one the story's
    reports give for their key (:func:`off_day_facts`): a figure of theirs
    differs only from another of that day."""
    if _two_speakers(a, b):
        return None
    both = a.fact.article in lone and b.fact.article in lone
    relation = relate_facts(a.fact, b.fact, both, one_speaker=_one_named_speaker(a, b))
    if relation == DIFFER and _maybe_two_things(a, b, torn, off_day):
        return None
    return relation


def _maybe_two_things(
    a: Comparable, b: Comparable, torn: Set[str], off_day: Set[str] = frozenset()
) -> bool:
    """Whether anything says two figures under one key may be about two
    things: either article states two figures there (``torn``), they belong to
    different holders, periods or days (``off_day``), they are an order of
    magnitude apart, or either is only what could be; or their sentences
    place them in different countries."""
    return (
        a.fact.article in torn
        or b.fact.article in torn
        or _two_holders(a, b)
        or _two_countries(a, b)
        or _two_periods(a, b)
        or _far_apart(a.fact, b.fact)
        or _other_day(a, b, off_day)
        or a.hypothetical
        or b.hypothetical
    )


def off_day_facts(members: Iterable[Comparable]) -> set[str]:
    """The facts among ``members`` (a story's facts under one key) whose
    sentence names a weekday other than the one most of the story's reports
    name for the key: "On Saturday, more than a dozen people were killed by a
    quake in eastern China", in a story whose reports give Sunday for the
    deaths of its own quake. Where no day is named by more reports than any
    other, there is none."""
    members = list(members)
    days_of: dict[str, set[str]] = defaultdict(set)
    for member in members:
        day = split_key(member.fact.key or "").day
        if day:
            days_of[member.fact.article].add(day)
    votes = Counter(day for days in days_of.values() for day in days)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return set()
    main = ranked[0][0]
    return {m.fact.id for m in members if split_key(m.fact.key or "").day not in (None, main)}


def _other_day(a: Comparable, b: Comparable, off_day: Set[str]) -> bool:
    """Whether either figure is of another day than the story's (see
    :func:`off_day_facts`) and the other does not name that same day."""
    if a.fact.id not in off_day and b.fact.id not in off_day:
        return False
    return split_key(a.fact.key or "").day != split_key(b.fact.key or "").day


# The kinds of canonical entity a speaker may be (not words such as "officials").
_NAMED_SPEAKERS = ("person:", "organisation:")


def _one_named_speaker(a: Comparable, b: Comparable) -> bool:
    """Whether one person or organisation the corpus names states both figures
    (a canonical entity id, not words such as "officials" or "police", which
    may be different people in two reports)."""
    return a.speaker == b.speaker and a.speaker.startswith(_NAMED_SPEAKERS)


def _two_speakers(a: Comparable, b: Comparable) -> bool:
    """Whether two figures are stated by two different speakers: each side's
    claim ("Medinsky said 3,000", "Kyiv said 2,000") is compared with what the
    narrators report, never with the other side's."""
    return bool(a.speaker and b.speaker and a.speaker != b.speaker)


def _two_holders(a: Comparable, b: Comparable) -> bool:
    """Whether two figures may belong to different people or organisations:
    both passages name some, but none in common ("Bowe (45-1, 33 KOs)" and
    "Rahman (45-7-2, 36 KOs)"; "O'Brien ... a three-year deal" and "six-year
    deals with Kyle Korver"), or both name organisations, but none in common,
    whoever else they share ("The Orioles have offered Teixeira a seven-year
    deal", "the Red Sox ... offered Teixeira an eight-year deal"). Such figures
    may agree, as two reports of one figure can name different people around
    it; they never differ."""
    if a.holders and b.holders and not a.holders & b.holders:
        return True
    bodies_a = {h for h in a.holders if h.startswith("organisation:")}
    bodies_b = {h for h in b.holders if h.startswith("organisation:")}
    return bool(bodies_a and bodies_b and not bodies_a & bodies_b)


def _two_countries(a: Comparable, b: Comparable) -> bool:
    """Whether two figures' sentences place them in different countries, with
    no country in common: "Five people were killed when a crop-spraying plane
    ... crashed ... in South Africa's North West region" and "Two people were
    killed when an executive jet en route to Ireland from Michigan crashed",
    two crashes a story put together. Reports of one event name its place, or
    none; "in Kyiv" and "in Ukraine" are one country. They may agree; they never
    differ."""
    return bool(a.countries and b.countries and not a.countries & b.countries)


def _two_periods(a: Comparable, b: Comparable) -> bool:
    """Whether two figures are counted over periods that are not the same:
    "258 receiving yards this season" and "176 receiving yards" since Week 11,
    "58 wins" of a career and "51 wins" by knockout, "over 50 arrests over four
    nights" and "46 arrests" of one night. They may agree; they never differ."""
    return a.period != b.period


# How many times one figure may be another's and still be a report of the same
# thing: none of the true differences between reports labelled in the
# benchmarks is further apart than 5 to 1 ("12 wounded" against "18"), while
# "more than 300 crew members" held by all pirates this year and a trawler's
# "Sixteen crew members" are.
FAR_APART = 10.0


def _far_apart(a: Fact, b: Fact) -> bool:
    """Whether two counts or lengths are so far apart (an order of magnitude)
    that they are more likely two things than two reports of one."""
    if a.kind == "date" or b.kind == "date":
        return False
    times = ratio(a, b)
    return times is not None and times > FAR_APART


def _undated_weekdays(a: Fact, b: Fact) -> bool:
    """Two weekdays of one event named in articles without a date."""
    undated = a.value is None and b.value is None
    weekdays = bool(_WEEKDAY.fullmatch(a.text) and _WEEKDAY.fullmatch(b.text))
    return undated and weekdays and same_key(a.key, b.key)


_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I)


def overall(relations: Iterable[str | None]) -> str:
    """The relation of a group: its worst pair (differ > compatible > agree)."""
    found = {r for r in relations if r}
    for relation in RELATION_ORDER:
        if relation in found:
            return relation
    return ONLY_HERE


@dataclass
class Comparable:
    """A fact with the context needed to compare it."""

    fact: Fact
    data: dict[str, Any]
    ckey: str
    story: str | None
    source_group: str
    # Who states it: the canonical speaker, or "" for the narrator.
    speaker: str = ""
    # The people and organisations named where it is stated: whose figure it
    # may be (empty where the passage names none).
    holders: frozenset[str] = frozenset()
    # The periods its sentence names ("this season", "since week 11"), "" for none.
    period: str = ""
    # Whether it is only what could or would be ("could receive a maximum one-year
    # ban"), or a term its sentence says was cut ("with all but six months suspended").
    hypothetical: bool = False
    # The countries of the places its sentence names (ISO codes; empty where it
    # names none the gazetteer places).
    countries: frozenset[str] = frozenset()
