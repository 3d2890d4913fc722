"""Wire copies: articles that share long runs of identical words, and how many
independent sources a group's facts have once copies count once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

from ..model import Article
from .relations import Comparable

# Wire copies ---------------------------------------------------------------

SHINGLE = 8
COPY_WORDS = 30

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


# A story's wire copies under the digest of its articles, as :func:`wire_copies`
# gives them: [{"a": ..., "b": ..., "shared_words": ...}, ...].
CopiesMemo = dict[str, list[dict[str, Any]]]


def story_copies(
    articles: Mapping[str, Article],
    digests: Mapping[tuple[str, ...], str],
    last: Mapping[str, list[dict[str, Any]]],
    kept: CopiesMemo,
) -> list[dict[str, Any]]:
    """:func:`wire_copies` of every pair of articles within each story, a story
    at a time: ``digests`` maps each story's articles (in id order) to a digest
    of their texts (see ``index.corpus_pass.story_digests``), and a story
    whose digest the last run kept (``last``) has that run's copies, so an
    update compares again only the stories it touches (a twelfth of the
    corpus-wide pass at 20,000 articles was spent on the words of every
    article of every story). ``kept`` receives every story's copies by digest."""
    found: list[dict[str, Any]] = []
    for members, key in digests.items():
        copies = last.get(key)
        if copies is None:
            copies = wire_copies(articles, combinations(members, 2))
        kept[key] = copies
        found += copies
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
