"""Compare what the articles of a story say: fact groups and their relations,
wire copies, related passages, entity coverage, and the omission matrix.

Everything here works on plain data (fact and mention dicts as stored in the
index) and runs at index time; the reader only looks the results up.
"""

from __future__ import annotations

from .copies import CopiesMemo, source_groups, story_copies, wire_copies
from .fact_groups import FactIndex, facts_subject, group_pairs, groups, subject_of
from .related import related_passages
from .relations import (
    Comparable,
    counterpart_relation,
    fact_from_json,
    lone_articles,
    off_day_facts,
    overall,
    relate_pair,
    torn_articles,
)

__all__ = [
    "Comparable",
    "FactIndex",
    "counterpart_relation",
    "fact_from_json",
    "group_pairs",
    "groups",
    "lone_articles",
    "off_day_facts",
    "overall",
    "related_passages",
    "relate_pair",
    "source_groups",
    "subject_of",
    "facts_subject",
    "torn_articles",
    "wire_copies",
    "story_copies",
    "CopiesMemo",
]
