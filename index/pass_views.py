"""The indexes the corpus-wide pass (:mod:`index.corpus_pass`) builds over the
whole corpus once per summary, and what it makes of them: the facts by
comparison key with what each figure's sentence says of it, the wire copies,
each story's related passages, each passage's cross-source view (related
passages, facts with their counterparts, entities, quotes) with a digest of
what the views of a story read, and each story's matrix of figures."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from itertools import combinations, islice
from typing import Any

from . import codec, crossref
from .crossref.fact_groups import _group_relation
from .entities import alias_key
from .facts import unify_keys
from .gazetteer import country_of
from .incremental import RelatedMemo, digest, related_digest
from .mentions import story_members
from .model import (
    CitedFact,
    Counterpart,
    EntityCoverage,
    EntityMention,
    EntityRef,
    FactView,
    PassageView,
    QuoteView,
    RelatedPassage,
    Spelling,
    outlet_label,
    outlet_of,
)
from .subjects import period_of, sentence_around, split_key, subject_of, unsettled

COMPARED_KINDS = ("quantity", "duration", "date")
OTHER_STORY_FACTS = 5
# How many facts of other stories (the first, in the index's order) a view looks
# at for those few counterparts: a bounded walk, so views do not grow as the
# square of the corpus, and the same window the view's digest covers.
OTHER_STORY_SCAN = 25


# The kinds of entity a figure can belong to: "Bowe (45-1, 33 KOs)", "Davidson's
# 17 turnovers", "O'Brien ... a three-year deal".
HOLDER_KINDS = frozenset(["person", "organisation"])


@cache
def _country(name: str) -> str | None:
    """The country of a place entity's name (:func:`country_of`), worked out
    once per name, not once per figure that names it."""
    return country_of(alias_key(name))


# An event the model may tag an organisation ("the Sochi Games", "Venice Film
# Festival") is when or where a figure is, not whose.
_EVENT_NAME = re.compile(
    r"\b(?:Games|Olympics?|Cup|Championships?|Open|Festival|Awards?|Summit|Conference|"
    r"Forum|Elections?|War|Expo|Show|Week|Marathon|Grand Prix|Tour)$"
)


# An entity's coverage in a story: the articles naming it, each spelling's
# outlets (None: an article naming none), each spelling's articles naming none.
_Coverage = tuple[set[str], dict[str, set[str | None]], dict[str, int]]


class _Context:
    """Indexes over the whole corpus, built once per summary."""

    def __init__(
        self,
        articles,
        analyses,
        entities,
        alias_index,
        story_of,
        memo: RelatedMemo | None = None,
        copies: list[dict[str, Any]] | None = None,
    ) -> None:
        """``copies``: the wire copies among each story's articles, where already
        found (see :func:`index.crossref.story_copies`)."""
        self.articles = articles
        self.analyses = analyses
        self._facts_digests: dict[str, str] = {}
        self.memo: RelatedMemo = {}  # what the next run may reuse
        self._last_memo: RelatedMemo = memo or {}
        self.story_of = story_of
        self.members: dict[str, list[str]] = defaultdict(list)
        for article_id, story_id in sorted(story_of.items()):
            self.members[story_id].append(article_id)
        # (entity, story) -> the articles naming it, and its spellings' outlets
        self._covered: dict[tuple[str, str], _Coverage] = {}
        self._by_article: dict[str, dict[str, list[EntityMention]]] = {}
        self._cited_facts: dict[str, CitedFact] = {}
        self.alias_index = alias_index
        self.entity_by_id = {e.id: e for e in entities}
        # Each article's outlet, None where nothing names one: what the views and
        # matrices store (the reader draws None as the placeholder).
        self.sources = {aid: outlet_of(a.source) for aid, a in articles.items()}
        keys = {
            f["key"] for blob in analyses.values() for f in blob.get("facts", []) if f.get("key")
        }
        self.unified = unify_keys(keys)
        if copies is None:
            pairs = (p for ids in story_members(articles, story_of) for p in combinations(ids, 2))
            copies = crossref.wire_copies(articles, pairs)
        self.copies = copies
        self.source_group = crossref.source_groups(articles, self.copies)
        # Each passage's entity mentions (offsets and entity), and the entities it names.
        self.mentions_in: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
        for entity in entities:
            for mention in entity.mentions:
                self.mentions_in[(mention.article, mention.passage)].append(
                    (mention.start, mention.end, entity.id)
                )
        self.entities_in = {
            place: {eid for _, _, eid in found} for place, found in self.mentions_in.items()
        }
        self.facts = crossref.FactIndex()
        self.facts_of: dict[tuple[str, int], list[crossref.Comparable]] = defaultdict(list)
        for aid, blob in sorted(analyses.items()):
            for data in blob.get("facts", []):
                self._add_fact(aid, data)
        self.related = self._related()
        # Facts by story, then by comparison key (in the index's order): each
        # story's matrix reads its own instead of every fact of the corpus.
        self.facts_by_story: dict[str | None, dict[str, list[crossref.Comparable]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for ckey, items in self.facts.by_key.items():
            for item in items:
                self.facts_by_story[item.story][ckey].append(item)
        self._statements_of: dict[tuple[str | None, str], tuple[set[str], set[str], set[str]]] = {}

    def _statements(self, story: str | None, ckey: str) -> tuple[set[str], set[str], set[str]]:
        """The articles of ``story`` that state one figure under ``ckey``, those
        that state two that cannot both be true, and the facts of another day
        than the story's (see :mod:`index.crossref`)."""
        found = self._statements_of.get((story, ckey))
        if found is None:
            in_story = self.facts_by_story[story][ckey]
            found = (
                crossref.lone_articles(in_story),
                crossref.torn_articles(in_story),
                crossref.off_day_facts(in_story),
            )
            self._statements_of[(story, ckey)] = found
        return found

    def speaker_id(self, speaker: str | None) -> str | None:
        return self.alias_index.get(alias_key(speaker)) if speaker else None

    def _add_fact(self, aid: str, data: dict[str, Any]) -> None:
        fact = crossref.fact_from_json(data)
        speaker = self.speaker_id(fact.speaker) or (fact.speaker or "")
        if fact.kind == "quote":
            ckey = f"quote|{speaker}" if speaker else None
        elif fact.key and fact.key != "date":  # a bare date says nothing comparable
            # "1,000 POWs" and "1,000 prisoners of war exchanged" are one group;
            # intervals.relate keeps "people struck" from "people injured" in it.
            # Whoever states a figure, it is in one group with the narrator's: "the
            # department said it had received 55,000 pages" against another
            # report's "50,000 pages" (crossref.relate_pair keeps two different
            # speakers' figures from being compared).
            noun = split_key(fact.key)[0]
            ckey = self.unified.get(noun, noun)
        else:
            ckey = None
        if ckey is None:
            return
        item = crossref.Comparable(
            fact,
            {**data, "source": self.sources[aid], "subject": subject_of(fact)},
            ckey,
            self.story_of.get(aid),
            self.source_group[aid],
            speaker,
            *self._setting(aid, fact),
        )
        self.facts.add(item)
        self.facts_of[(aid, fact.passage)].append(item)

    def _setting(self, aid: str, fact) -> tuple[frozenset[str], str, bool, frozenset[str]]:
        """What a figure's own sentence says about it: the people and
        organisations it names (whose figure it may be), the periods it names
        (see :func:`period_of`), whether the figure is not what stands (see
        :func:`unsettled`) and the countries of the places it names;
        :func:`crossref.relate_pair` reads all four."""
        article = self.articles[aid]
        passage = next((p for p in article.passages if p.number == fact.passage), None)
        if fact.kind == "quote" or passage is None:
            return frozenset(), "", False, frozenset()
        bounds = (passage.start, passage.end)
        begin, end = sentence_around(article.text, fact.start, fact.end, bounds)
        named = [
            self.entity_by_id[eid]
            for eid in {
                eid
                for start, stop, eid in self.mentions_in.get((aid, fact.passage), ())
                if start < end and stop > begin
            }
        ]
        holders = frozenset(
            # a person by surname: "Gray" where the story's merge left him apart
            # from "Kimani Gray" is still no other holder
            e.name.split()[-1].lower() if e.kind == "person" else e.id
            for e in named
            if e.kind in HOLDER_KINDS and e.name.split() and not _EVENT_NAME.search(e.name)
        )
        countries = frozenset(
            code for e in named if e.kind == "place" and (code := _country(e.name))
        )
        return (
            holders,
            period_of(article.text, fact.start, fact.end, bounds),
            unsettled(article.text, fact.start, fact.end, fact.kind, bounds),
            countries,
        )

    def _related(self) -> dict[tuple[str, int], list[dict[str, Any]]]:
        by_story = defaultdict(list)
        for aid, article in sorted(self.articles.items()):
            for passage in article.passages:
                by_story[self.story_of.get(aid, aid)].append((aid, passage.number, passage.text))
        keys = {place: {c.ckey for c in items} for place, items in self.facts_of.items()}
        names = {eid: e.name for eid, e in self.entity_by_id.items()}
        result = {}
        self.related_keys: dict[str, str] = {}
        for story, passages in by_story.items():
            self.related_keys[story] = related_digest(passages, self.entities_in, keys, names)
            result.update(self._related_in(passages, keys, names, self.related_keys[story]))
        return result

    def _related_in(
        self, passages, keys, names, key: str
    ) -> dict[tuple[str, int], list[dict[str, Any]]]:
        """One story's related passages, from the memo when nothing they are
        computed from has changed (most stories, after a small update)."""
        if len({aid for aid, _, _ in passages}) < 2:
            return {}  # one article: nothing to relate, nothing worth keeping
        found = self._last_memo.get(key)
        if found is None:
            related = crossref.related_passages(passages, self.entities_in, keys, names)
            found = [[aid, number, picks] for (aid, number), picks in related.items()]
        self.memo[key] = found
        return {(aid, number): picks for aid, number, picks in found}

    def changed_views(
        self, last: set[str], keys: set[str], changed: set[str]
    ) -> tuple[dict[str, Any], list[str]]:
        """The views of the stories whose view inputs differ from every story's
        of the last run (``last``, by digest) or that hold an article of
        ``changed``; and the articles whose stored views stand. ``keys``
        receives every story's digest."""
        views: dict[str, Any] = {}
        unchanged: list[str] = []
        for story, members in sorted(self.members.items()):
            key = self.view_key(story, members)
            keys.add(key)
            if key in last and not changed.intersection(members):
                unchanged += members
            else:
                views.update((aid, self.views(aid)) for aid in members)
        return views, unchanged

    def view_key(self, story: str, members: list[str]) -> str:
        """A digest of everything :meth:`views` reads for the articles of
        ``story``: their passages and what relates them (see
        :func:`index.incremental.related_digest`), their outlets and titles,
        their facts with every counterpart a view cites or counts, and the
        names, kinds and spellings of their entities in the story."""
        places = [(aid, p.number) for aid in members for p in self.articles[aid].passages]
        named = sorted({eid for place in places for eid in self.entities_in.get(place, ())})
        facts = [item for place in places for item in self.facts_of.get(place, ())]
        return digest(
            [
                self.related_keys.get(story, ""),
                [self._article_inputs(aid) for aid in members],
                [self._facts_digest(aid) for aid in members],
                [[i.fact.id, i.ckey, i.source_group] for i in facts],
                [self._counterparts(story, ckey) for ckey in sorted({i.ckey for i in facts})],
                [self._entity_inputs(eid, story) for eid in named],
            ]
        )

    def _article_inputs(self, aid: str) -> list[Any]:
        article = self.articles[aid]
        spans = [[p.number, p.start, p.end] for p in article.passages]
        return [aid, article.title, self.sources[aid], self.source_group[aid], spans]

    def _counterparts(self, story: str, ckey: str) -> list[Any]:
        """The facts under ``ckey`` a view of ``story`` reads beyond its own."""
        everywhere = self.facts.by_key[ckey]
        outside = self._outside(story, ckey)
        if ckey.startswith("quote|"):  # the same speaker's, in its story and a few beyond
            return [ckey, [self._fact_inputs(o) for o in outside[:OTHER_STORY_FACTS]]]
        return [ckey, len(everywhere), [self._fact_inputs(o) for o in outside]]

    def _outside(self, story: str | None, ckey: str) -> list[crossref.Comparable]:
        """The facts of other stories under ``ckey`` that a view of ``story``
        looks at: the first :data:`OTHER_STORY_SCAN`, in the index's order."""
        everywhere = self.facts.by_key[ckey]
        return list(islice((o for o in everywhere if o.story != story), OTHER_STORY_SCAN))

    def _fact_inputs(self, item: crossref.Comparable) -> list[Any]:
        """A fact as a view cites it: what it says is its article's stored
        facts (digested once per article), its outlet and wire."""
        article = item.fact.article
        return [item.fact.id, self._facts_digest(article), self.sources[article], item.source_group]

    def _facts_digest(self, aid: str) -> str:
        if aid not in self._facts_digests:
            self._facts_digests[aid] = digest(self.analyses[aid].get("facts", []))
        return self._facts_digests[aid]

    def _entity_inputs(self, eid: str, story: str) -> list[Any]:
        entity = self.entity_by_id[eid]
        naming, spellings, unnamed = self._coverage(eid, story)
        said = sorted((text, sorted(found, key=outlet_label)) for text, found in spellings.items())
        return [eid, entity.name, entity.kind, sorted(naming), said, unnamed]

    def views(self, aid: str) -> dict[str, Any]:
        """The article's views as stored: JSON through the codec, by passage number."""
        article = self.articles[aid]
        return {str(p.number): codec.to_json(self._view(aid, p.number)) for p in article.passages}

    def _view(self, aid: str, number: int) -> PassageView:
        related = []
        for pick in self.related.get((aid, number), []):
            other = self.articles[pick["id"]]
            passage = other.passages[pick["passage"] - 1]
            related.append(
                RelatedPassage(
                    article_id=pick["id"],
                    passage=pick["passage"],
                    score=pick["score"],
                    reasons=tuple(pick["reasons"]),
                    start=passage.start,
                    end=passage.end,
                    text=passage.text,
                    source=self.sources[pick["id"]],
                    title=other.title,
                    same_story=self.story_of.get(pick["id"]) == self.story_of.get(aid),
                )
            )
        items = self.facts_of.get((aid, number), [])
        return PassageView(
            related=tuple(related),
            facts=tuple(self._fact_view(i) for i in items if i.fact.kind != "quote"),
            entities=self._entity_view(aid, number),
            quotes=tuple(self._quote_view(i) for i in items if i.fact.kind == "quote"),
        )

    def _cited(self, item: crossref.Comparable) -> CitedFact:
        """The fact with its outlet and subject, made once however many views cite it."""
        found = self._cited_facts.get(item.fact.id)
        if found is None:
            found = self._cited_facts[item.fact.id] = codec.from_json(item.data, CitedFact)
        return found

    def _fact_view(self, item: crossref.Comparable) -> FactView:
        """The fact with every counterpart in its story, and a few from other
        stories as context (all of them would grow as the square of the corpus)."""
        in_story = self.facts_by_story[item.story][item.ckey]
        everywhere = self.facts.by_key[item.ckey]
        lone, torn, off_day = self._statements(item.story, item.ckey)
        found = [
            (other, crossref.counterpart_relation(item, other, lone, torn, off_day))
            for other in in_story
            if other.fact.article != item.fact.article
        ]
        # A few facts of other stories, from a bounded window of them (walking
        # every fact under this key made the views grow as the square of the
        # corpus: 200 of 400 s at 20,000 articles), and only counterparts
        # (context): under one key, "650,000 people signed" has nothing to say
        # about "thousands of people missing".
        elsewhere = len(everywhere) - len(in_story)
        if elsewhere:
            outside = (
                (other, crossref.counterpart_relation(item, other, lone, torn, off_day))
                for other in self._outside(item.story, item.ckey)
            )
            found += islice(((o, r) for o, r in outside if r is not None), OTHER_STORY_FACTS)
        others = [
            Counterpart(
                fact=self._cited(other),
                relation=relation,
                same_story=other.story == item.story,
                source=other.data["source"],
                same_wire=other.source_group == item.source_group,
            )
            for other, relation in found
        ]
        relations = [o.relation for o in others if o.same_story and not o.same_wire]
        others.sort(key=lambda o: (not o.same_story, o.fact.article))
        return FactView(
            fact=self._cited(item),
            relation=crossref.overall(relations),
            others=tuple(others),
            elsewhere=elsewhere,
        )

    def _quote_view(self, item: crossref.Comparable) -> QuoteView:
        """The quote with the same speaker's quotes in the other articles of
        its story, then a few of other stories as context: all of them would
        grow as the square of the corpus (a speaker quoted in hundreds of
        reports; at 20,000 articles, 3.8 million quotes cited by 1,000 views)."""
        article = item.fact.article
        in_story = self.facts_by_story[item.story][item.ckey]
        outside = list(islice(self._outside(item.story, item.ckey), OTHER_STORY_FACTS))
        found = [o for o in in_story if o.fact.article != article] + outside
        speaker = self.entity_by_id.get(self.speaker_id(item.fact.speaker) or "")
        return QuoteView(
            # as the entities name the speaker ("Donald Trump", whichever report
            # wrote "Donald John Trump"), else as the report does
            speaker=speaker.name if speaker is not None else item.fact.speaker,
            here=self._cited(item),
            others=tuple(self._cited(o) for o in found),
            beyond=len(outside),
        )

    def _entity_view(self, aid: str, number: int) -> tuple[EntityCoverage, ...]:
        story = self.story_of.get(aid)
        members = self.members.get(story, [aid]) if story else [aid]
        views: list[EntityCoverage] = []
        for eid in sorted(self.entities_in.get((aid, number), ())):
            entity = self.entity_by_id[eid]
            naming, spellings, unnamed = self._coverage(eid, story or aid)
            views.append(
                EntityCoverage(
                    entity=EntityRef(eid, entity.name, entity.kind),
                    sources=self._outlets(naming),
                    of=self._outlets(members),
                    spellings=tuple(
                        # None (no outlet named) sorts as its placeholder is read
                        Spelling(t, tuple(sorted(s, key=outlet_label)), unnamed.get(t, 0))
                        for t, s in sorted(spellings.items())
                    ),
                )
            )
        views.sort(key=lambda v: (-v.sources, v.entity.name))
        return tuple(views)

    def _outlets(self, articles: Iterable[str]) -> int:
        """How many outlets these articles are from (an article with none named
        is one of its own): "named by 2 of 6 sources" counts outlets."""
        return len({self.articles[a].source or "#" + a for a in articles})

    def _coverage(self, eid: str, story: str) -> _Coverage:
        """The articles of ``story`` naming entity ``eid``, the spellings they
        use by the outlets writing each (None for an article that names none),
        and how many articles naming none write each; worked out once per
        entity and story rather than per passage."""
        key = (eid, story)
        if key not in self._covered:
            by_article = self._mentions_by_article(eid)
            naming: set[str] = set()
            spellings: dict[str, set[str | None]] = defaultdict(set)
            unnamed: dict[str, set[str]] = defaultdict(set)
            for article in set(self.members.get(story, [story])):
                for mention in by_article.get(article, ()):
                    naming.add(article)
                    if not mention.common:  # "Woman" is no spelling of her name
                        spellings[mention.text].add(self.sources[article])
                        if self.sources[article] is None:
                            unnamed[mention.text].add(article)
            counted = {text: len(found) for text, found in unnamed.items()}
            self._covered[key] = (naming, spellings, counted)
        return self._covered[key]

    def _mentions_by_article(self, eid: str) -> dict[str, list[EntityMention]]:
        """Entity ``eid``'s mentions by article, once per entity: a story reads its
        own articles' instead of every mention in the corpus (a country named
        in thousands of articles was scanned once per story)."""
        if eid not in self._by_article:
            found: dict[str, list[EntityMention]] = defaultdict(list)
            for mention in self.entity_by_id[eid].mentions:
                found[mention.article].append(mention)
            self._by_article[eid] = found
        return self._by_article[eid]

    def matrix(self, story: dict[str, Any]) -> dict[str, Any]:
        members = story["articles"]
        rows: dict[str, dict[str, Any]] = {}
        for ckey, in_story in sorted(self.facts_by_story.get(story["id"], {}).items()):
            if in_story[0].fact.kind not in COMPARED_KINDS:
                continue
            cells: dict[str, Any] = {aid: None for aid in members}
            for item in in_story:
                if cells[item.fact.article] is None:
                    cells[item.fact.article] = {
                        "text": item.fact.text,
                        "value": item.fact.value,
                        "fact": item.fact.id,
                        "passage": item.fact.passage,
                        "start": item.fact.start,
                        "end": item.fact.end,
                    }
            off_day = self._statements(story["id"], ckey)[2]
            relation = _group_relation(in_story, off_day)
            rows[ckey] = {
                "key": ckey,
                "label": crossref.subject_of(in_story, off_day) + row_speaker(in_story),
                "relation": relation,
                "cells": cells,
            }
        return {
            "story": story["id"],
            "title": story["title"],
            "sources": [{"id": aid, "source": self.sources[aid]} for aid in members],
            "rows": sorted(
                rows.values(), key=lambda r: (-sum(1 for c in r["cells"].values() if c), r["key"])
            ),
        }


def row_speaker(in_story: Iterable[crossref.Comparable]) -> str:
    """What a matrix row's label adds for its speaker: ' — Umerov' where a
    speaker states every figure of the row (the narrator's figures share it,
    see ``_Context._add_fact``), else ''. Of two speakers, the longer name, and
    of two as long, the last in alphabetical order: never the order of a set,
    which changes from one process to the next."""
    speakers = sorted({i.fact.speaker or "" for i in in_story}, key=lambda s: (len(s), s))
    return f" — {speakers[-1]}" if speakers[0] else ""
