"""The corpus-wide pass: from every article's stored mentions and facts to
entities, stories, fact groups and the per-passage cross-source views."""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from . import codec, crossref
from .entities import CorpusText, Named, alias_key, merge, named
from .facts import unify_keys
from .incremental import Memo, NamesMemo, digest, group_by_component
from .mentions import share_in_story, story_members
from .model import Article, Mention, Story
from .pass_views import COMPARED_KINDS, _Context
from .passages import passage_key
from .references import Reference, StoryReference, references_in_story, without_story_nouns
from .store import article_from_json
from .stories import StoryInput, story_title
from .story_features import story_text

__all__ = [
    "STATE_VERSION",
    "collector_paused",
    "entity_sets",
    "expander",
    "figure_of",
    "shared_names",
    "stated_date",
    "story_inputs",
    "story_inputs_of",
    "summarise",
]

STATE_VERSION = 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: the corpus-wide pass makes millions
    of objects (every stored analysis, the merge's nodes and entities) and next
    to no cyclic garbage, and each full collection walks all of them (a third
    of the entity merge's CPU seconds on 2,225 articles). Objects without
    cycles are freed as usual; a pause within a pause leaves it to the outer."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@collector_paused()
def summarise(
    analyses: dict[str, dict[str, Any]],
    memo: dict[str, Any] | None = None,
    changed: Iterable[str] = (),
) -> dict[str, Any]:
    """Everything the reader shows about more than one article at a time.

    ``memo`` is what the last run computed under digests of its inputs (see
    :class:`index.incremental.Memo`): a part of the story graph, a story's
    related passages or its views whose inputs are unchanged are not computed
    again. ``views`` then holds only the views computed (every view of the
    stories of ``changed``, the articles read again); ``views_kept`` lists the
    articles whose stored views stand. The memo to keep is returned under
    ``memo``."""
    last, kept = Memo.from_json(memo), Memo()
    articles = {aid: article_from_json(blob["article"]) for aid, blob in analyses.items()}
    mentions = {
        aid: [Mention(**m) for m in blob.get("mentions", [])] for aid, blob in analyses.items()
    }
    sources = {aid: a.source or aid for aid, a in articles.items()}
    passages = {aid: a.passages for aid, a in articles.items()}
    text = CorpusText(passages)  # read once for both merges
    first = named(mentions, passages, text=text)  # what story grouping reads of a merge
    stories = _stories(articles, analyses, first, last, kept)
    story_of = {aid: s["id"] for s in stories for aid in s["articles"]}
    digests = story_digests(articles, mentions, story_of)
    copies = crossref.story_copies(articles, digests, last.copies, kept.copies)
    mentions = shared_names(articles, mentions, digests, last.names, kept.names)
    references = {
        aid: [Reference(**r) for r in blob["references"]]
        for aid, blob in analyses.items()
        if blob.get("references")
    }
    across = story_references_of(
        articles, mentions, references, digests, last.references, kept.references
    )
    mentions = without_story_nouns(mentions, across)
    entities = merge(
        mentions,
        sources,
        passages,
        groups=story_of,
        text=text,
        references=references,
        story_references=across,
    )
    alias_index = {alias_key(a.text): e.id for e in entities for a in e.aliases}
    context = _Context(articles, analyses, entities, alias_index, story_of, last.related, copies)
    views, unchanged = context.changed_views(last.views, kept.views, set(changed))
    kept.related = context.memo
    return {
        "version": STATE_VERSION,
        "stories": stories,
        "story_of": story_of,
        "entities": codec.to_json(entities),
        "alias_index": alias_index,
        "groups": crossref.groups(context.facts),
        "copies": context.copies,
        "unified_keys": context.unified,
        "matrices": {s["id"]: context.matrix(s) for s in stories},
        "views": views,
        "views_kept": unchanged,
        "memo": kept.to_json(),
    }


def story_digests(
    articles: dict[str, Article],
    mentions: dict[str, list[Mention]],
    story_of: dict[str, str],
) -> dict[tuple[str, ...], str]:
    """Each story of more than one article (its articles in id order, as
    :func:`index.mentions.story_members` gives them) -> a digest of its
    articles' ids, titles, texts, passages and mentions: all that sharing
    names, finding wire copies (a passage is a span of its text) and reading
    headline nouns read of a story, besides its articles' references."""
    return {
        tuple(members): digest(
            [_names_inputs(aid, articles[aid], mentions.get(aid, ())) for aid in members]
        )
        for members in story_members(articles, story_of)
    }


def shared_names(
    articles: dict[str, Article],
    mentions: dict[str, list[Mention]],
    digests: Mapping[tuple[str, ...], str],
    last: NamesMemo,
    kept: NamesMemo,
) -> dict[str, list[Mention]]:
    """:func:`index.mentions.share_names`, a story at a time: a story whose
    articles are those of a story of the last run (``digests``, see
    :func:`story_digests`; ``last``, by digest) has that run's result.
    ``kept`` receives every story's result by digest."""
    result = {aid: list(found) for aid, found in mentions.items()}
    for members, key in digests.items():
        found = last.get(key)
        if found is None:
            shared = share_in_story(articles, mentions, members)
            found = {aid: [[m.start, m.end, m.text, m.kind, m.label] for m in spans]
                     for aid, spans in shared.items()}  # fmt: skip
        else:
            shared = {aid: [Mention(*m) for m in spans] for aid, spans in found.items()}
        kept[key] = found
        result.update(shared)
    return result


def story_references_of(
    articles: dict[str, Article],
    mentions: dict[str, list[Mention]],
    references: dict[str, list[Reference]],
    digests: Mapping[tuple[str, ...], str],
    last: dict[str, list[list[Any]]],
    kept: dict[str, list[list[Any]]],
) -> list[StoryReference]:
    """:func:`index.references.references_in_story`, a story at a time: a story
    whose articles are those of a story of the last run (``digests``, see
    :func:`story_digests`) and hold the same references has that run's result
    (``last``, by digest). ``kept`` receives every story's result by digest."""
    found: list[StoryReference] = []
    for members, story_key in digests.items():
        held = [
            [
                aid,
                [
                    [r.start, r.end, r.text, r.target_start, r.target_end]
                    for r in references.get(aid, ())
                ],
            ]
            for aid in members
        ]
        key = digest([story_key, held])
        stored = last.get(key)
        if stored is None:
            read = references_in_story(articles, mentions, members, references)
            stored = [
                [r.article, r.start, r.end, r.text, [list(t) for t in r.targets]] for r in read
            ]
        else:
            read = [
                StoryReference(a, s, e, text, tuple((t[0], t[1]) for t in targets))
                for a, s, e, text, targets in stored
            ]
        kept[key] = stored
        found += read
    return found


def _names_inputs(aid: str, article: Article, mentions: Iterable[Mention]) -> list[Any]:
    """All that sharing names reads of one article."""
    spans = [[p.start, p.end] for p in article.passages]
    said = [[m.start, m.end, m.text, m.kind, m.label] for m in mentions]
    return [aid, article.title, article.text, spans, said]


def entity_weights(entities: list[Named], articles: int) -> dict[str, dict[str, float]]:
    """How much each article is about each entity it names, as TF-IDF weighs a
    word: the times it names it, by the entity's smoothed IDF over the corpus's
    articles (a story's name puts "Sochi", named throughout its reports and
    rarely elsewhere, before "Russian" and "FBI", named everywhere)."""
    found = {}
    for entity in entities:
        idf = math.log((1 + articles) / (1 + len(entity.articles))) + 1
        found[entity.id] = {a: n * idf for a, n in entity.mentions.items()}
    return found


def entity_sets(entities: list[Named]) -> dict[str, set[str]]:
    """Each article's named entities (canonical ids), for story grouping."""
    found: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind in ("person", "organisation", "place", "event", "group"):
            for article in entity.articles:
                found[article].add(entity.id)
    return found


def figure_of(fact: dict[str, Any], unified: dict[str, str] | None = None) -> str | None:
    """A fact as a comparable token ("prisoners of war=1000 count"), for story grouping.

    Only figures that say what they count or time: a bare "duration=2" is as
    likely "two years in jail" as "two days before", and would tie unrelated
    reports together. Undated weekdays count by name: reports of one event name
    the same day.
    """
    key = fact.get("key")
    if fact.get("kind") not in COMPARED_KINDS or not key or key in COMPARED_KINDS:
        return None
    key = (unified or {}).get(key, key)
    value = fact.get("value")
    unit = fact.get("unit") or ""
    return f"{key}={value if value is not None else fact['text'].lower()} {unit}".rstrip()


def story_inputs_of(analyses: dict[str, dict[str, Any]]) -> list[StoryInput]:
    """The story grouping's inputs from stored analyses alone, as ``summarise``
    builds them (for measuring and testing the grouping)."""
    articles = {aid: article_from_json(blob["article"]) for aid, blob in analyses.items()}
    mentions = {
        aid: [Mention(**m) for m in blob.get("mentions", [])] for aid, blob in analyses.items()
    }
    passages = {aid: a.passages for aid, a in articles.items()}
    return story_inputs(articles, analyses, entity_sets(named(mentions, passages)))


def story_inputs(
    articles: dict[str, Article], analyses, named: dict[str, set[str]]
) -> list[StoryInput]:
    """What story grouping sees of each article: its text and title, trusted
    date, canonical entities and stated figures."""
    keys = {f["key"] for blob in analyses.values() for f in blob.get("facts", []) if f.get("key")}
    unified = unify_keys(keys)
    inputs = []
    for aid in sorted(articles):
        article = articles[aid]
        facts = analyses[aid].get("facts", [])
        figures = frozenset(figure for f in facts if (figure := figure_of(f, unified)))
        text = story_text(article.passages)
        entities = frozenset(named.get(aid, ()))
        stated = stated_date(facts)
        counts = analyses[aid].get("word_counts")
        inputs.append(
            StoryInput(aid, text, article.date, entities, figures, article.title, stated, counts)
        )
    return inputs


def stated_date(facts: list[dict[str, Any]]) -> str | None:
    """The latest date an article states ("May 3, 2013", "2013"): near the time
    it was written when the file itself gives no date."""
    days = [
        int(f["value"])
        for f in facts
        if f.get("kind") == "date" and isinstance(f.get("value"), int | float)
    ]
    days = [d for d in days if 1 <= d <= dt.date.max.toordinal()]
    return dt.date.fromordinal(max(days)).isoformat() if days else None


def _stories(
    articles: dict[str, Article], analyses, first: list[Named], last: Memo, kept: Memo
) -> list[dict[str, Any]]:
    inputs = story_inputs(articles, analyses, entity_sets(first))
    by_id = {i.id: i for i in inputs}
    names = {entity.id: entity.name for entity in first}  # titled by names, not by keys
    weights = entity_weights(first, len(articles))
    stories = [
        Story(
            f"s{number}", story_title([by_id[m] for m in members], names, weights), tuple(members)
        )
        for number, members in enumerate(group_by_component(inputs, last.stories, kept.stories), 1)
    ]
    return codec.to_json(stories)  # stored as JSON, read back as Story by the library


def expander(state: dict[str, Any]):
    """What ``person:Fidan``, ``story:s1``, ``relation:differ`` stand for: an
    entity's alias keys, a story's articles, the passages holding a fact of a
    relation (see ``index.engines.syntax``, which makes them the engine's terms)."""
    entities = {e["id"]: e for e in state.get("entities", [])}
    alias_index = state.get("alias_index", {})
    kinds = {"organisation", "person", "place", "group", "event"}

    def expand(field: str, value: str) -> tuple[str, list[str]]:
        if field in kinds or field == "entity":
            key = alias_key(value)
            eid = alias_index.get(key) or _loose_match(key, entities, field)
            entity = entities.get(eid) if eid else None
            if entity is None or (field in kinds and entity["label"] != field):
                return "entity", [key]
            return "entity", sorted({alias_key(a["text"]) for a in entity["aliases"]})
        if field == "story":
            story = next((s for s in state.get("stories", []) if s["id"] == value), None)
            return "articles", story["articles"] if story else [value]
        if field == "relation":
            # The groups themselves: a key is one subject in one story, and another
            # story's group of that key ("date of the talks" of another round) may agree.
            wanted = [g for g in state.get("groups", []) if g["relation"] == value]
            return "passages", _passages_with(wanted) or ["-none-"]
        return field, [value]

    return expand


def _loose_match(key: str, entities: dict[str, Any], field: str) -> str | None:
    """A surname or partial name typed alone: the entity whose alias ends with it."""
    for eid, entity in entities.items():
        if field not in ("entity", entity["label"]):
            continue
        if any(alias_key(a["text"]).split()[-1:] == [key] for a in entity["aliases"]):
            return eid
    return None


def _passages_with(groups: list[dict[str, Any]]) -> list[str]:
    """The passages holding a member fact of these groups."""
    found = set()
    for group_ in groups:
        for fact_id in group_["members"]:
            article, passage, _n = fact_id.rsplit(":", 2)
            found.add(passage_key(article, int(passage)))
    return sorted(found)
