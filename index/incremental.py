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

What is still done over the whole corpus on every update: merging entities
(a bare surname is resolved against the whole corpus), grouping stories (its
term weights are the corpus's), fact groups and the views themselves, which
are then compared with the digests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .engines.base import Reader
from .store import pack, unpack

DIGESTS_UID = "__view_digests__"


def digest(view: Any) -> str:
    """A short stable fingerprint of one article's views (key order ignored)."""
    encoded = json.dumps(view, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.blake2b(encoded, digest_size=12).hexdigest()


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


def plan_views(views: dict[str, Any], before: dict[str, str], reread: Iterable[str]) -> ViewPlan:
    """Views whose content changed since ``before``, or whose article was read
    again in this run (its old documents, view included, are deleted)."""
    again = set(reread)
    digests = {aid: digest(view) for aid, view in views.items()}
    write = {
        aid: view for aid, view in views.items() if aid in again or before.get(aid) != digests[aid]
    }
    return ViewPlan(write, digests, len(views) - len(write))


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


def stored_memo(reader: Reader) -> RelatedMemo:
    doc = reader.get("catalog", MEMO_UID)
    return unpack(doc["data"]) if doc else {}


def memo_document(memo: RelatedMemo) -> dict[str, Any]:
    return {"uid": MEMO_UID, "kind": "catalog", "data": pack(memo)}
