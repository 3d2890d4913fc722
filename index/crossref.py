"""Compare what the articles of a story say: fact groups and their relations,
wire copies, related passages, entity coverage, and the omission matrix.

Everything here works on plain data (fact and mention dicts as stored in the
index) and runs at index time; the reader only looks the results up.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .intervals import CONTEXT, DIFFER, ratio, relate, same_key
from .model import Article, Fact
from .subjects import describe, in_sentence, split_key
from .tfidf import text_tfidf

ONLY_HERE = "only here"
RELATION_ORDER = ("differ", "compatible", "agree")
SHINGLE = 8
COPY_WORDS = 30
RELATED_PER_PASSAGE = 5
MIN_RELATED_SCORE = 0.08


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


@dataclass
class FactIndex:
    """Facts grouped by comparison key, to find a fact's counterparts fast."""

    by_key: dict[str, list[Comparable]] = field(default_factory=lambda: defaultdict(list))

    def add(self, item: Comparable) -> None:
        self.by_key[item.ckey].append(item)

    def others(self, item: Comparable) -> list[Comparable]:
        return [o for o in self.by_key.get(item.ckey, ()) if o.fact.article != item.fact.article]


def groups(index: FactIndex) -> list[dict[str, Any]]:
    """One group per (story, comparison key), with its relation over
    independent sources (wire copies count once)."""
    found = []
    for ckey, items in sorted(index.by_key.items()):
        by_story: dict[str | None, list[Comparable]] = defaultdict(list)
        for item in items:
            by_story[item.story].append(item)
        for story, members in sorted(by_story.items(), key=lambda kv: str(kv[0])):
            off_day = off_day_facts(members)
            pairs = group_pairs(members, off_day)
            relation = overall(r for _, _, r in pairs)
            # named by the figures that give the group its relation: "people
            # killed" that differ, not "people wounded" that agree under one noun
            compared = {fid for a, b, r in pairs if r == relation for fid in (a, b)}
            named = [m for m in members if m.fact.id in compared] or members
            found.append(
                {
                    "key": ckey,
                    "subject": subject_of(named, off_day),
                    "story": story,
                    "relation": relation,
                    "members": [m.fact.id for m in members],
                    "sources": independent_sources(members),
                    "pairs": [[a, b, r] for a, b, r in pairs],
                }
            )
    return found


def group_pairs(
    members: Sequence[Comparable], off_day: Set[str] | None = None
) -> list[tuple[str, str, str]]:
    """Each pair of facts of independent sources that can be compared, with its
    relation: a group's relation is its worst pair, but a fact that fits every
    other is never part of a differing pair."""
    found = []
    lone, torn = lone_articles(members), torn_articles(members)
    if off_day is None:
        off_day = off_day_facts(members)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.source_group != b.source_group:
                relation = relate_pair(a, b, lone, torn, off_day)
                if relation:
                    found.append((a.fact.id, b.fact.id, relation))
    return found


def _group_relation(members: Sequence[Comparable], off_day: Set[str] | None = None) -> str:
    return overall(r for _, _, r in group_pairs(members, off_day))


def subject_of(members: Sequence[Comparable], off_day: Set[str] | None = None) -> str:
    """What a group's facts are about, in words: the most specific key among
    them ("prisoners of war exchanged" over "pows"), but not the day of a figure
    about another day than the story's ("people killed on sunday", not on the
    saturday of another quake recalled: see :func:`off_day_facts`); quotes are
    grouped by speaker, so theirs names the speaker ("quotes of Kathy Griffin")."""
    if members and all(m.fact.kind == "quote" for m in members):
        speakers = [m.fact.speaker for m in members if m.fact.speaker]
        if speakers:  # "quotes of a Russian official", not "of A Russian official"
            return f"quotes of {in_sentence(speakers[0])}"
    if off_day is None:
        off_day = off_day_facts(members)
    own = [m.fact.key for m in members if m.fact.id not in off_day and m.fact.key]
    # one subject per verb, the most stated first: "people killed / people
    # wounded" where both differ under the counted noun "people"
    by_verb: dict[str | None, list[str]] = defaultdict(list)
    for key in own:
        by_verb[split_key(key).verb].append(key)
    named = sorted(by_verb.values(), key=lambda keys: (-len(keys), min(keys)))
    texts = [m.fact.text for m in members]  # the words' case: "Palestinians killed"
    return " / ".join(describe(min(keys, key=lambda k: (-len(k), k)), texts) for keys in named)


# Wire copies ---------------------------------------------------------------

_WORDS = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = [w.lower() for w in _WORDS.findall(text)]
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def wire_copies(
    articles: Mapping[str, Article], candidates: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Pairs of articles sharing long runs of identical words (the same wire copy)."""
    cache: dict[str, set[int]] = {}

    def of(article_id: str) -> set[int]:
        if article_id not in cache:
            article = articles[article_id]
            cache[article_id] = shingles(" ".join(p.text for p in article.passages))
        return cache[article_id]

    found = []
    for a, b in candidates:
        shared = len(of(a) & of(b))
        if shared + SHINGLE - 1 >= COPY_WORDS:
            found.append({"a": a, "b": b, "shared_words": shared + SHINGLE - 1})
    return found


def independent_sources(members: Sequence[Comparable]) -> int:
    """How many outlets state these facts: wire copies count once, and so do
    articles of one outlet; an article with no outlet named counts on its own."""
    groups_of: dict[str, set[str]] = defaultdict(set)
    for member in members:
        outlet = member.data.get("source")
        groups_of[outlet or "#" + member.fact.article].add(member.source_group)
    links = [
        {"a": a, "b": b}
        for groups in groups_of.values()
        for a, b in zip(sorted(groups), sorted(groups)[1:], strict=False)
    ]
    return len(set(source_groups({m.source_group for m in members}, links).values()))


def source_groups(ids: Iterable[str], copies: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Article id -> a representative: articles that copy each other share one."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in copies:
        ra, rb = find(pair["a"]), find(pair["b"])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in parent}


# Related passages ----------------------------------------------------------


def _postings(
    passages: Sequence[tuple[str, int, str]], sets_of: Mapping[tuple[str, int], set[str]]
) -> dict[str, list[int]]:
    """Each entity (or fact key) -> the passages that hold it, by position."""
    found: dict[str, list[int]] = defaultdict(list)
    for j, (aid, number, _) in enumerate(passages):
        for member in sets_of.get((aid, number), ()):
            found[member].append(j)
    return found


def _shared_counts(mine: set[str], postings: Mapping[str, list[int]], size: int) -> np.ndarray:
    """How many of ``mine`` each passage holds too."""
    counts = np.zeros(size)
    for member in mine:
        counts[postings[member]] += 1  # a passage is listed once per member
    return counts


def related_passages(
    passages: Sequence[tuple[str, int, str]],
    entity_sets: Mapping[tuple[str, int], set[str]],
    fact_keys: Mapping[tuple[str, int], set[str]],
    names: Mapping[str, str],
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """For each passage, the best passages of *other* articles, with reasons.

    ``passages`` are (article id, number, text) of one story. The score mixes
    TF-IDF cosine with shared entities and shared fact keys.
    """
    if len({aid for aid, _, _ in passages}) < 2:
        return {}  # one article: no passage of another to relate to
    weighted = text_tfidf([text for _, _, text in passages])
    if weighted is None:
        return {}  # no passage has a word that is not a stop word
    matrix, vocabulary = weighted
    cosine = (matrix @ matrix.T).toarray()
    weights: dict[int, dict[int, float]] = {}

    def weights_of(row: int) -> dict[int, float]:
        """Term -> weight of one passage (slicing a sparse row each time cost more
        than the rest of the comparison)."""
        if row not in weights:
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            terms = matrix.indices[start:end].tolist()
            weights[row] = dict(zip(terms, matrix.data[start:end].tolist(), strict=True))
        return weights[row]

    # Each passage is scored against the whole story at once: a row of cosines,
    # plus the entities and fact keys it shares, counted through postings (a
    # passage shares none with most others). Pair by pair in Python, this was
    # the largest part of the corpus-wide pass at 20,000 articles.
    entity_postings, key_postings = _postings(passages, entity_sets), _postings(passages, fact_keys)
    codes = {aid: n for n, aid in enumerate(dict.fromkeys(aid for aid, _, _ in passages))}
    article_codes = np.array([codes[aid] for aid, _, _ in passages])
    result: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for i, (aid, number, _) in enumerate(passages):
        entities = entity_sets.get((aid, number), set())
        keys = fact_keys.get((aid, number), set())
        row = cosine[i] + 0.08 * _shared_counts(entities, entity_postings, len(passages))
        row = row + 0.15 * _shared_counts(keys, key_postings, len(passages))
        row[article_codes == codes[aid]] = -np.inf  # passages of other articles only
        found = np.flatnonzero(row >= MIN_RELATED_SCORE)
        ranked = found[np.argsort(-row[found], kind="stable")]  # ties in the story's order
        scored = []
        for j in ranked[:RELATED_PER_PASSAGE].tolist():
            other, onumber, _ = passages[j]
            shared_entities = entities & entity_sets.get((other, onumber), set())
            shared_keys = keys & fact_keys.get((other, onumber), set())
            scored.append((row[j], j, shared_entities, shared_keys))
        picks = []
        for score, j, shared_entities, shared_keys in scored:
            mine, theirs = weights_of(i), weights_of(j)
            overlap = [(mine[t] * theirs[t], t) for t in mine.keys() & theirs.keys()]
            best = sorted(overlap, key=lambda pair: (-pair[0], pair[1]))[:4]
            terms = [str(vocabulary[t]) for product, t in best if product > 0]
            reasons = [f"entity: {names.get(e, e)}" for e in sorted(shared_entities)][:4]
            reasons += [f"fact: {describe(k)}" for k in sorted(shared_keys)][:3]
            reasons += [f"terms: {', '.join(terms)}"] if terms else []
            other, onumber, _ = passages[j]
            picks.append(
                {
                    "id": other,
                    "passage": onumber,
                    "score": round(float(score), 3),
                    "reasons": reasons,
                }
            )
        result[(aid, number)] = picks
    return result
