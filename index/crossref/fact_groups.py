"""A story's facts grouped by comparison key: each group's pairs, its relation
and its subject in words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from ..model import Fact
from ..subjects import describe, in_sentence, split_key
from .copies import independent_sources
from .relations import Comparable, lone_articles, off_day_facts, overall, relate_pair, torn_articles


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
    """What a group's facts are about, in words (see :func:`facts_subject`);
    not the day of a figure about another day than the story's ("people killed
    on sunday", not on the saturday of another quake recalled: see
    :func:`off_day_facts`)."""
    if off_day is None:
        off_day = off_day_facts(members)
    return facts_subject([m.fact for m in members], off_day)


def facts_subject(facts: Sequence[Fact], off_day: Set[str] = frozenset()) -> str:
    """What ``facts`` are about, in words: the most specific key among them
    ("prisoners of war exchanged" over "pows"), leaving out those of
    ``off_day``; quotes are grouped by speaker, so theirs names the speaker
    ("quotes of Kathy Griffin")."""
    if facts and all(f.kind == "quote" for f in facts):
        speakers = [f.speaker for f in facts if f.speaker]
        if speakers:  # "quotes of a Russian official", not "of A Russian official"
            return f"quotes of {in_sentence(speakers[0])}"
    own = [f.key for f in facts if f.id not in off_day and f.key]
    # one subject per verb, the most stated first: "people killed / people
    # wounded" where both differ under the counted noun "people"
    by_verb: dict[str | None, list[str]] = defaultdict(list)
    for key in own:
        by_verb[split_key(key).verb].append(key)
    named = sorted(by_verb.values(), key=lambda keys: (-len(keys), min(keys)))
    texts = [f.text for f in facts]  # the words' case: "Palestinians killed"
    return " / ".join(describe(min(keys, key=lambda k: (-len(k), k)), texts) for keys in named)
