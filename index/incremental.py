"""Which cross-source views an update must write, and which it may keep.

The corpus-wide pass yields one view document per article (its passages'
related passages, facts, entities and quotes). Most of them come out the same
after a small change: an article added to one story leaves every other story's
views as they were. Rewriting them all cost a sixth of a one-article update on
2,225 articles, and grows with the corpus whatever changed. So each view's
digest is kept beside the index, and an update writes only the views whose
digest differs from the last commit's, plus those of the articles it read again
(deleting a file's documents deletes its view too). What is stored is then
exactly what a full rewrite would store.

The related passages of a story are likewise kept under a digest of all they
are computed from (the story's passages, their entities and fact keys, those
entities' names): a story an update does not touch is not compared again.
Both are content-addressed, so a stale entry can never be used, only missed.
The memo is stored in shards by key prefix, and an update writes only the
shards whose entries changed (see :func:`memo_documents`).

Stories are clustered a connected part of the pair graph at a time (see
:func:`group_by_component`), and a part whose pairs and scores are the last
run's keeps the last run's groups. The views of a story are computed only when
something they read changed (see ``index.corpus_pass``): the digest of a story's
view inputs is kept, and an unchanged one keeps its articles' stored views.

Names shared within a story (see ``index.mentions.share_in_story``) are kept
under a digest of its articles' texts, passages and mentions, and the wire
copies among a story's articles under a digest of their ids and texts (see
``index.crossref.story_copies``), and the nouns of its headlines its other
articles read (``index.references.references_in_story``) under the names'
digest and its articles' references: a story an update does not touch shares
none again, compares none of its texts again and reads none of its headlines
again.

What is still done over the whole corpus on every update: reading every
stored analysis, merging entities (a bare surname is resolved against the
whole corpus, and the merge rules read every mention): once in full, and once
for story grouping without building the entities' mentions and spellings
(``index.entities.named``), the corpus's text read once for both; scoring
story pairs (term weights and nearest neighbours are the corpus's, so one new
article shifts every score a little), fact groups, the omission matrices, the digests
that tell what changed, and the corpus-wide state and catalog documents,
written whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .engines.base import Reader
from .store import dumps, pack, unpack
from .stories import StoryInput, average_linkage, grouped, scored_pairs

DIGESTS_UID = "__view_digests__"


def digest(view: Any) -> str:
    """A short stable fingerprint of plain data (key order ignored): an
    article's views, or the inputs a memo keeps a result under."""
    return hashlib.blake2b(dumps(view, sort_keys=True), digest_size=12).hexdigest()


def stored_digests(reader: Reader) -> dict[str, str]:
    """Article id -> digest of its committed views (empty before the first
    commit that kept them: every view is then written)."""
    doc = reader.get("catalog", DIGESTS_UID)
    return unpack(doc["data"]) if doc else {}


@dataclass
class ViewPlan:
    """The views to write now and the digests to commit with them."""

    write: dict[str, Any]
    digests: dict[str, str]
    kept: int  # views left as committed

    def document(self) -> dict[str, Any]:
        return {"uid": DIGESTS_UID, "kind": "catalog", "data": pack(self.digests)}


def plan_views(
    views: dict[str, Any],
    before: dict[str, str],
    reread: Iterable[str],
    kept: Iterable[str] = (),
) -> ViewPlan:
    """Views whose content changed since ``before``, or whose article was read
    again in this run (its old documents, view included, are deleted). The
    articles in ``kept`` were not computed again: their views are as stored."""
    again = set(reread)
    digests = {aid: before[aid] for aid in kept if aid in before}
    digests.update((aid, digest(view)) for aid, view in views.items())
    write = {
        aid: view for aid, view in views.items() if aid in again or before.get(aid) != digests[aid]
    }
    return ViewPlan(write, digests, len(digests) - len(write))


# A story's related passages under the digest of what they are computed from:
# [[article id, passage number, picks], ...] (JSON has no tuple keys).
RelatedMemo = dict[str, list[list[Any]]]
MEMO_UID = "__related_memo__"


def related_digest(
    passages: Sequence[tuple[str, int, str]],
    entities: Mapping[tuple[str, int], set[str]],
    keys: Mapping[tuple[str, int], set[str]],
    names: Mapping[str, str],
) -> str:
    """Everything one story's related passages depend on (see
    :func:`index.crossref.related_passages`): its passages in order, their
    entities and fact keys, and the names of those entities."""
    places = [(aid, number) for aid, number, _ in passages]
    named = sorted({eid for place in places for eid in entities.get(place, ())})
    return digest(
        [
            [list(p) for p in passages],
            [sorted(entities.get(place, ())) for place in places],
            [sorted(keys.get(place, ())) for place in places],
            [[eid, names.get(eid)] for eid in named],
        ]
    )


# A story's articles' mentions with the names shared in it (see
# index.mentions.share_in_story), by article: [[start, end, text, kind, label], ...].
NamesMemo = dict[str, dict[str, list[list[Any]]]]


@dataclass
class Memo:
    """What the last run computed, each part under the digest of its inputs:
    ``related`` (a story's related passages), ``stories`` (a part of the story
    graph's groups), ``views`` (digests of stories' view inputs whose views
    are stored), ``names`` (a story's mentions with the names shared in it)
    ``copies`` (a story's wire copies, see :func:`index.crossref.story_copies`)
    and ``references`` (the nouns of a story's headlines its other articles
    read, see :func:`index.references.references_in_story`)."""

    related: RelatedMemo = field(default_factory=dict)
    stories: dict[str, list[list[str]]] = field(default_factory=dict)
    views: set[str] = field(default_factory=set)
    names: NamesMemo = field(default_factory=dict)
    copies: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    references: dict[str, list[list[Any]]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Memo:
        data = data or {}
        if "related" not in data:  # written before stories and views were kept
            return cls()
        # A part a memo was written without (kept since) is empty.
        keyed = {part: dict(data.get(part, {})) for part in KEYED}
        return cls(**keyed, views=set(data["views"]))

    def to_json(self) -> dict[str, Any]:
        return {**{part: getattr(self, part) for part in KEYED}, "views": sorted(self.views)}


# The parts of a memo that map a digest to what was computed under it (the
# other, ``views``, is a set of digests).
KEYED = ("related", "stories", "names", "copies", "references")


# The memo is kept in shards, by the first two characters of each entry's key
# (a hex digest): an update writes the few shards whose entries changed, not
# the memo whole (27 s of a one-article update at 20,000 articles).
MEMO_KIND = "memo"
SHARDED = {"sharded": 1}  # the catalog's memo document once the memo is in shards


def stored_memo(reader: Reader) -> dict[str, Any]:
    """The last run's memo, as :meth:`Memo.to_json` wrote it (its shards put
    together again). A memo kept whole, before the shards, is not used: the
    next update computes everything once, as a first index does."""
    doc = reader.get("catalog", MEMO_UID)
    if doc is None or unpack(doc["data"]) != SHARDED:
        return {}
    memo: dict[str, Any] = _empty()
    for shard in reader.documents(MEMO_KIND):
        data = unpack(shard["data"])
        for part in KEYED:
            memo[part].update(data.get(part, {}))
        memo["views"] += data["views"]
    memo["views"].sort()
    return memo


def _empty() -> dict[str, Any]:
    """A memo, or one shard of it, holding nothing."""
    return {**{part: {} for part in KEYED}, "views": []}


def memo_shards(memo: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A memo (as :meth:`Memo.to_json` writes it) in shards, by key prefix."""
    shards: dict[str, dict[str, Any]] = {}

    def shard(key: str) -> dict[str, Any]:
        prefix = key[:2]
        if prefix not in shards:
            shards[prefix] = _empty()
        return shards[prefix]

    for part in KEYED:
        for key, value in memo.get(part, {}).items():
            shard(key)[part][key] = value
    for key in memo.get("views", []):
        shard(key)["views"].append(key)
    return shards


def memo_documents(memo: Mapping[str, Any], last: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The documents to write for ``memo`` where the index holds ``last``: the
    shards that differ (one emptied is written empty) and the catalog's mark."""
    now, before = memo_shards(memo), memo_shards(last)
    empty = _empty()
    docs = [{"uid": MEMO_UID, "kind": "catalog", "data": pack(SHARDED)}]
    for prefix in sorted(set(now) | set(before)):
        shard = now.get(prefix, empty)
        if before.get(prefix) != shard:
            docs.append({"uid": f"memo:{prefix}", "kind": MEMO_KIND, "data": pack(shard)})
    return docs


def group_by_component(
    articles: Sequence[StoryInput], last: Mapping[str, list[list[str]]], kept: dict[str, Any]
) -> list[list[str]]:
    """:func:`index.stories.group`, one part of the pair graph at a time.

    Average linkage merges two clusters only while their mean score is above
    the threshold, so never without a pair above it between them: every group
    lies inside one connected component of the pairs above the threshold, and
    pairs between components never weigh in. Each component is clustered on
    its own pairs, unless its members, pairs, scores and pairs kept apart are
    those of a component of the last run (``last``, by digest): then it has
    that run's groups. The scores come from :func:`index.stories.scored_pairs`,
    whatever scores them. ``kept`` receives every component's groups by digest.

    One thing of the rest of the graph does reach a component in a whole-graph
    run: which of two merging clusters keeps its number follows how many
    neighbours each has, pairs below the threshold included, and numbers order
    merges whose mean scores are exactly equal. Groups can then differ only
    where two merges tie to the last bit and lead to different groups.
    """
    if not articles:
        return []
    ids = [a.id for a in articles]
    rows, cols, values, cut, apart = scored_pairs(articles)
    labels = _components(len(ids), rows[values > cut], cols[values > cut])
    weighed = values > 0 if apart is None else (values > 0) | apart
    groups: list[list[str]] = []
    for members, part in _parts(labels, rows, weighed & (labels[rows] == labels[cols])):
        local = np.searchsorted(members, rows[part]), np.searchsorted(members, cols[part])
        away = None if apart is None else apart[part]
        key = _part_digest([ids[m] for m in members], *local, values[part], away)
        if key not in last:
            found = average_linkage(len(members), *local, values[part], cut, away)
            kept[key] = grouped([ids[m] for m in members], found)
        else:
            kept[key] = last[key]
        groups += kept[key]
    groups += [[ids[i]] for i in np.flatnonzero(np.bincount(labels)[labels] == 1)]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def _components(size: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
    return connected_components(graph, directed=False)[1]


def _parts(labels: np.ndarray, rows: np.ndarray, inside: np.ndarray):
    """Each component of more than one article: its members (in corpus order)
    and the indices of its pairs (those ``inside`` it)."""
    order = np.argsort(labels, kind="stable")
    members_of = np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)
    edges = np.flatnonzero(inside)
    edges = edges[np.argsort(labels[rows[edges]], kind="stable")]
    edge_labels = labels[rows[edges]]
    for members in members_of:
        if len(members) > 1:
            label = labels[members[0]]
            lo, hi = np.searchsorted(edge_labels, [label, label + 1])
            yield members, edges[lo:hi]


def _part_digest(ids: list[str], rows, cols, values, apart) -> str:
    """Everything average linkage reads of one component, exactly (the
    scores' bytes, not a rounding of them)."""
    found = hashlib.blake2b(digest_size=12)
    found.update("\0".join(ids).encode())  # no file name holds a NUL
    for array in (rows, cols, values, apart):
        found.update(b"|" + (b"-" if array is None else np.ascontiguousarray(array).tobytes()))
    return found.hexdigest()
