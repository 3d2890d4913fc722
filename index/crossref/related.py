"""Related passages: for each passage of a story, the best passages of the other
articles, scored by TF-IDF cosine, shared entities and shared fact keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..subjects import describe
from ..tfidf import text_tfidf

# Related passages ----------------------------------------------------------

RELATED_PER_PASSAGE = 5
MIN_RELATED_SCORE = 0.08


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
            reasons += [f"fact: {describe(_named(k, names))}" for k in sorted(shared_keys)][:3]
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


def _named(key: str, names: Mapping[str, str]) -> str:
    """A fact key with its speaker's entity id ("quote|person:donald-trump") as
    the entity's name ("quote|Donald Trump"), as a reader says it."""
    subject, bar, speaker = key.partition("|")
    return f"{subject}{bar}{names.get(speaker, speaker)}" if bar else key
