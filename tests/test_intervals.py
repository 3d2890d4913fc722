"""How two facts relate, on hand-made intervals and across the seed reports."""

from __future__ import annotations

import math

import pytest

from index.intervals import AGREE, COMPATIBLE, DIFFER, ONLY_HERE, relate
from index.model import Fact

from .test_facts import find

INF = math.inf


def fact(
    low: float | None,
    high: float | None,
    low_open: bool = False,
    high_open: bool = False,
    key: str = "prisoners of war",
    unit: str = "count",
    kind: str = "quantity",
) -> Fact:
    return Fact(
        id="a:1:1", article="a", passage=1, kind=kind, text="x", start=0, end=1, key=key,
        value=low, low=low, high=high, low_open=low_open, high_open=high_open, unit=unit,
    )  # fmt: skip


RELATIONS = [
    # a, b, relation
    (fact(1000, 1000), fact(1000, 1000), AGREE),
    (fact(1000, 1000), fact(1200, 1200), DIFFER),
    (fact(0, 120, high_open=True), fact(0, 120, high_open=True), AGREE),  # less than / under
    (fact(0, 60, high_open=True), fact(40, 40), COMPATIBLE),  # less than an hour / 40 minutes
    # less than 40 / just 40: they touch, one reporter rounded 39 up or the other down
    (fact(0, 40, high_open=True), fact(40, 40), COMPATIBLE),
    (fact(0, 40, high_open=True), fact(41, 41), DIFFER),  # less than 40 / 41
    (fact(40, 40), fact(45, 45), DIFFER),  # 40 / 45: not a round figure's rounding
    (fact(1000, 1000), fact(1012, 1012), COMPATIBLE),  # 1,000 / 1,012: rounded
    (fact(900, 1100), fact(1012, 1012), COMPATIBLE),  # about 1,000 / 1,012
    (fact(1000, 1000), fact(1030, 1030), DIFFER),  # 3% off a round figure
    (fact(0, 40), fact(40, 40), COMPATIBLE),  # at most 40 / 40
    (fact(12000, INF, True, True), fact(12000, 12000), COMPATIBLE),  # more than / 12,000
    (fact(12000, INF, True, True), fact(11000, 11000), DIFFER),
    (fact(12000, INF, False, True), fact(12000, 12000), COMPATIBLE),  # at least / exactly
    (fact(12000, INF, True, True), fact(12000, INF, True, True), AGREE),
    (fact(12000, INF, True, True), fact(15000, 15000), COMPATIBLE),
    (fact(90, 110), fact(100, 100), COMPATIBLE),  # about 100 / 100
    (fact(1440, 2880), fact(1440, 2880), AGREE),  # 24 to 48 hours, twice
    (fact(1440, 2880), fact(3000, 3000), DIFFER),
]


@pytest.mark.parametrize("a,b,expected", RELATIONS)
def test_relations_of_intervals(a, b, expected):
    assert relate(a, b) == expected
    assert relate(b, a) == expected


@pytest.mark.parametrize(
    "a,b",
    [
        (fact(1, 1, key="bodies"), fact(1, 1, key="children")),  # other thing counted
        (fact(1, 1, kind="duration", unit="minutes"), fact(1, 1)),  # other kind
        (fact(40, 40, unit="minutes"), fact(40, 40, unit="count")),  # other unit
        (fact(None, None, unit="date", kind="date"), fact(5, 5, unit="date", kind="date")),
        (fact(1, 1, key=None), fact(1, 1, key=None)),  # no key: nothing to compare
    ],
)
def test_facts_about_different_things_are_not_comparable(a, b):
    assert relate(a, b) is None


def test_time_scales_convert_before_comparing():
    two_days = fact(2, 2, kind="duration", unit="days", key="duration:ceasefire")
    hours_48 = fact(2880, 2880, kind="duration", unit="minutes", key="duration:ceasefire")
    a_year = fact(1, 1, kind="duration", unit="years", key="duration:ceasefire")
    assert relate(two_days, hours_48) == AGREE
    assert relate(a_year, two_days) == DIFFER


def test_counts_compare_only_when_what_happened_to_them_matches():
    injured = fact(6, 6, key="people wounded")
    assert relate(injured, fact(4, 4, key="people struck")) is None  # other thing happened
    assert relate(injured, fact(4, 4, key="people wounded")) == DIFFER
    swapped = fact(1000, 1000, key="prisoners of war exchanged")
    assert relate(swapped, fact(1000, 1000, key="pows")) == AGREE  # no verb: same count
    assert relate(fact(51, 51, key="votes"), fact(60, 60, key="votes needed")) is None
    assert (
        relate(fact(13, 13, key="israelis killed in 2008"), fact(3, 3, key="israelis killed"))
        is None
    )


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (4, 5, DIFFER),  # four half-siblings against five: a quarter apart at most
        (6, 6, AGREE),
        (5, 8, None),  # eight children against five: likelier two groups
        (7, 4300, None),  # seven artefacts against 4,300
    ],
)
def test_a_lone_bare_count_compares_only_with_a_near_value(a, b, expected):
    """A count of one word and no verb says too little alone; when it is the only
    one of its kind in each article (``lone``), a near value is the same figure."""
    first, second = fact(a, a, key="half-siblings"), fact(b, b, key="half-siblings")
    assert relate(first, second) is None
    assert relate(first, second, lone=True) == expected
    assert relate(second, first, lone=True) == expected


def test_acronym_keys_compare_with_the_words_they_abbreviate():
    assert relate(fact(1000, 1000, key="pows"), fact(1000, 1000)) == AGREE


def quote(words: str, speaker: str | None) -> Fact:
    key = f"quote:{speaker.lower()}" if speaker else "quote"
    return Fact(
        id="a:1:1", article="a", passage=1, kind="quote", text=f"“{words}”", start=0,
        end=len(words) + 2, key=key, speaker=speaker, quote=words,
    )  # fmt: skip


def test_quotes_relate_by_speaker_then_words():
    said = quote("The risk to medics is too high.", "Vladimir Medinsky")
    same = quote("the risk to medics is too high", "Medinsky")  # surname, other punctuation
    other = quote("Every life matters.", "Vladimir Medinsky")
    assert relate(said, same) == AGREE
    assert relate(said, other) == COMPATIBLE  # different words are no contradiction
    assert relate(said, quote("The risk to medics is too high.", "Rustem Umerov")) is None
    assert relate(quote("x", None), quote("x", None)) is None  # nobody named: not comparable
    spelled = quote("Every life matters.", "Zelensky")
    assert relate(quote("Every life matters", "Volodymyr Zelenskyy"), spelled) == AGREE
    assert relate(said, fact(1, 1)) is None


def test_only_here_is_a_relation_name():
    assert ONLY_HERE == "only here"


SEED_RELATIONS = [
    # (seed, kind, text), (seed, kind, text), relation
    (("002", "duration", "just 40 minutes"), ("000", "duration", "less than 40"), COMPATIBLE),
    (("000", "duration", "less than an hour"), ("002", "duration", "just 40"), COMPATIBLE),
    (("001", "duration", "less than two hours"), ("003", "duration", "under two"), AGREE),
    (("000", "duration", "24 to 48"), ("002", "duration", "24- to 48-hour"), AGREE),
    (("001", "duration", "more than three"), ("004", "duration", "over three"), AGREE),
    (("004", "duration", "3 Years"), ("004", "duration", "over three"), COMPATIBLE),
    (("001", "quantity", "1,000 prisoners"), ("003", "quantity", "1,000 POWs"), AGREE),
    (("001", "quantity", "1,000 prisoners"), ("002", "quantity", "1,200 prisoners"), DIFFER),
    (("003", "quantity", "over 12,000"), ("004", "quantity", "more than 12,000"), AGREE),
    (("001", "date", "Friday"), ("003", "date", "Friday"), AGREE),
    (("000", "date", "Tuesday"), ("002", "date", "Wednesday"), DIFFER),
    (("001", "date", "February 2022"), ("003", "date", "2022"), COMPATIBLE),
]


@pytest.mark.parametrize("a,b,expected", SEED_RELATIONS)
def test_relations_across_the_seed_reports(a, b, expected):
    assert relate(find(*a), find(*b)) == expected


def test_seed_talk_durations_share_one_key():
    durations = [
        find("000", "duration", "less than 40"),
        find("001", "duration", "less than two"),
        find("002", "duration", "just 40"),
        find("003", "duration", "under two"),
    ]
    assert {f.key for f in durations} == {"duration:talks"}
