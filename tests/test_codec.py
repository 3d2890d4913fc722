"""The typed results go to JSON and back unchanged, with the keys the README
documents: what the CLI prints, an export holds or the index stores reads
back as the result it was made from."""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import asdict, fields, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from index import codec
from index.incremental import digest
from index.model import (
    Alias,
    Article,
    ArticleInfo,
    CitedFact,
    Counterpart,
    CrossSourceView,
    Entity,
    EntityCoverage,
    EntityMention,
    EntityRef,
    Fact,
    FactGroup,
    FactView,
    Hit,
    MatrixCell,
    MatrixRow,
    MatrixSource,
    Mention,
    OmissionMatrix,
    Passage,
    PassageView,
    QuoteView,
    RelatedPassage,
    SearchResult,
    Spelling,
    Story,
)
from index.report import (
    Citation,
    Discrepancy,
    FactPair,
    Report,
    ReportSummary,
    StoryDiscrepancies,
)
from index.store import pack, unpack

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
SPANS = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=4).map(tuple)
# Scores are shown to four places: the ones drawn here already are.
SCORES = st.integers(0, 10**7).map(lambda n: n / 10**4)
HITS = st.builds(
    Hit,
    article_id=TEXT,
    passage=st.integers(1, 10_000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    score=SCORES,
    snippet=TEXT,
    matches=SPANS,
    title=st.none() | TEXT,
    source=st.none() | TEXT,
)
STORIES = st.builds(Story, id=TEXT, title=TEXT, articles=st.lists(TEXT).map(tuple))
RESULTS = st.builds(SearchResult, total=st.integers(0, 10**6), hits=st.lists(HITS).map(tuple))


@SETTINGS
@given(RESULTS)
def test_a_search_result_survives_json(result):
    printed = json.dumps(codec.to_json(result))
    assert codec.from_json(json.loads(printed), SearchResult) == result


def test_a_hit_keeps_the_documented_keys():
    hit = Hit(
        "a.txt", 2, 10, 40, 1.234567, "the prisoners", ((4, 13),), "Talks", "EFE", ("prison",)
    )
    assert codec.to_json(hit) == {
        "id": "a.txt",
        "passage": 2,
        "start": 10,
        "end": 40,
        "score": 1.2346,
        "snippet": "the prisoners",
        "matches": [[4, 13]],
        "title": "Talks",
        "source": "EFE",
    }


def test_a_search_result_prints_its_total_and_hits_only():
    assert codec.to_json(SearchResult(3, (), complete=False)) == {"total": 3, "hits": []}


@SETTINGS
@given(st.lists(STORIES))
def test_stories_survive_json(stories):
    printed = json.dumps(codec.to_json(stories))
    assert codec.from_json(json.loads(printed), list[Story]) == stories


def test_a_story_keeps_the_documented_keys():
    story = Story("s1", "Istanbul talks", ("a.txt", "b.txt"))
    assert codec.to_json(story) == {
        "id": "s1",
        "title": "Istanbul talks",
        "articles": ["a.txt", "b.txt"],
    }


MENTIONS = st.builds(
    EntityMention,
    article=TEXT,
    passage=st.integers(1, 10_000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=TEXT,
)
ALIASES = st.builds(
    Alias, text=TEXT, count=st.integers(0, 10**4), sources=st.lists(TEXT).map(tuple)
)
ENTITIES = st.builds(
    Entity,
    id=TEXT,
    name=TEXT,
    kind=st.sampled_from(["person", "organisation", "place", "group", "event", "other"]),
    aliases=st.lists(ALIASES, max_size=3).map(tuple),
    mentions=st.lists(MENTIONS, max_size=3).map(tuple),
)


@SETTINGS
@given(st.lists(ENTITIES, max_size=5))
def test_entities_survive_json(entities):
    printed = json.dumps(codec.to_json(entities))
    assert codec.from_json(json.loads(printed), list[Entity]) == entities


def test_an_entity_keeps_the_documented_keys():
    kyiv = Entity(
        "place:kyiv",
        "Kyiv",
        "place",
        (Alias("Kiev", 3, ("b.txt",)),),
        (EntityMention("b.txt", 4, 1234, 1238, "Kiev"),),
    )
    assert codec.to_json(kyiv) == {
        "id": "place:kyiv",
        "name": "Kyiv",
        "label": "place",
        "aliases": [{"text": "Kiev", "count": 3, "sources": ["b.txt"]}],
        "mentions": [{"id": "b.txt", "passage": 4, "start": 1234, "end": 1238, "text": "Kiev"}],
    }


CELLS = st.builds(
    MatrixCell,
    text=TEXT,
    fact=TEXT,
    passage=st.integers(1, 10_000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    value=st.none() | st.floats(allow_nan=False),  # "inf" for "more than 40"
)
MATRICES = st.builds(
    OmissionMatrix,
    story=TEXT,
    title=TEXT,
    sources=st.lists(st.builds(MatrixSource, article_id=TEXT, source=st.none() | TEXT)).map(tuple),
    rows=st.lists(
        st.builds(
            MatrixRow,
            key=TEXT,
            label=TEXT,
            relation=st.sampled_from([None, "agree", "compatible", "differ"]),
            cells=st.dictionaries(TEXT, st.none() | CELLS, max_size=3),
        ),
        max_size=3,
    ).map(tuple),
)


@SETTINGS
@given(MATRICES)
def test_an_omission_matrix_survives_the_stored_json(matrix):
    stored = json.dumps(codec.to_json(matrix))  # as index.store packs it
    assert codec.from_json(json.loads(stored), OmissionMatrix) == matrix


def test_a_matrix_column_names_its_article_id():
    matrix = OmissionMatrix("s1", "Talks", (MatrixSource("a.txt", "EFE"),))
    assert codec.to_json(matrix)["sources"] == [{"id": "a.txt", "source": "EFE"}]


# An interval's bounds may be open-ended ("more than 40": up to infinity).
BOUNDS = st.none() | st.floats(allow_nan=False)
FACTS = st.builds(
    CitedFact,
    id=TEXT,
    article=TEXT,
    passage=st.integers(1, 10_000),
    kind=st.sampled_from(["quantity", "duration", "date", "quote"]),
    text=TEXT,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    key=st.none() | TEXT,
    value=BOUNDS,
    low=BOUNDS,
    high=BOUNDS,
    low_open=st.booleans(),
    high_open=st.booleans(),
    qualifier=st.none() | TEXT,
    unit=st.none() | TEXT,
    speaker=st.none() | TEXT,
    quote=st.none() | TEXT,
    source=TEXT,
    subject=TEXT,
)
FACT_FIELDS = [f.name for f in fields(Fact)]
RELATIONS = st.sampled_from(["agree", "compatible", "differ", "only here"])
RELATED = st.builds(
    RelatedPassage,
    article_id=TEXT,
    passage=st.integers(1, 10_000),
    score=SCORES,
    reasons=st.lists(TEXT, max_size=3).map(tuple),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=TEXT,
    source=st.none() | TEXT,
    title=st.none() | TEXT,
    same_story=st.booleans(),
)
COUNTERPARTS = st.builds(
    Counterpart,
    fact=FACTS,
    relation=st.none() | RELATIONS,
    same_story=st.booleans(),
    source=TEXT,
    same_wire=st.booleans(),
)
FACT_VIEWS = st.builds(
    FactView,
    fact=FACTS,
    relation=RELATIONS,
    others=st.lists(COUNTERPARTS, max_size=3).map(tuple),
    elsewhere=st.integers(0, 10**4),
)
COVERAGE = st.builds(
    EntityCoverage,
    entity=st.builds(EntityRef, id=TEXT, name=TEXT, kind=TEXT),
    sources=st.integers(0, 50),
    of=st.integers(0, 50),
    spellings=st.lists(
        st.builds(Spelling, text=TEXT, sources=st.lists(TEXT, max_size=3).map(tuple)), max_size=3
    ).map(tuple),
)
QUOTES = st.builds(
    QuoteView,
    speaker=st.none() | TEXT,
    here=FACTS,
    others=st.lists(FACTS, max_size=2).map(tuple),
)
SECTIONS = {
    "related": st.lists(RELATED, max_size=3).map(tuple),
    "facts": st.lists(FACT_VIEWS, max_size=2).map(tuple),
    "entities": st.lists(COVERAGE, max_size=3).map(tuple),
    "quotes": st.lists(QUOTES, max_size=2).map(tuple),
}
PASSAGES = st.builds(
    Passage,
    article_id=TEXT,
    number=st.integers(1, 10_000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=TEXT,
)


@SETTINGS
@given(
    st.dictionaries(st.integers(1, 500).map(str), st.builds(PassageView, **SECTIONS), max_size=3)
)
def test_an_articles_stored_views_read_back(views):
    stored = json.dumps(codec.to_json(views))  # as index.store packs it
    assert codec.from_json(json.loads(stored), dict[str, PassageView]) == views


@SETTINGS
@given(st.builds(CrossSourceView, passage=PASSAGES, **SECTIONS))
def test_a_cross_source_view_survives_json(view):
    printed = json.dumps(codec.to_json(view))
    assert codec.from_json(json.loads(printed), CrossSourceView) == view


def test_a_cross_source_view_keeps_the_documented_keys():
    more = CitedFact(
        "b.txt:3:1", "b.txt", 3, "quantity", "more than 40", 10, 22, "people", 40.0, 40.0,
        float("inf"), True, False, "more than", "count", source="EFE", subject="people",
    )  # fmt: skip
    view = CrossSourceView(
        Passage("a.txt", 3, 100, 180, "Officials said 45 people ..."),
        (RelatedPassage("b.txt", 3, 0.62, ("entity: Kyiv",), 0, 40, "More than 40", "EFE"),),
        (FactView(more, "compatible", (Counterpart(more, "agree", True, "EFE", False),)),),
        (EntityCoverage(EntityRef("place:kyiv", "Kyiv", "place"), 2, 2, (Spelling("Kiev"),)),),
        (QuoteView("Medinsky", more),),
    )
    printed = codec.to_json(view)
    assert printed["passage"] == {
        "id": "a.txt", "passage": 3, "start": 100, "end": 180, "text": "Officials said 45 people ...",
    }  # fmt: skip
    assert list(printed["related"][0]) == [
        "id", "passage", "score", "reasons", "start", "end", "text", "source", "title", "same_story",
    ]  # fmt: skip
    fact = printed["facts"][0]
    assert (fact["fact"]["high"], fact["fact"]["source"], fact["elsewhere"]) == ("inf", "EFE", 0)
    assert list(fact["others"][0]) == ["fact", "relation", "same_story", "source", "same_wire"]
    assert printed["entities"][0]["entity"] == {
        "id": "place:kyiv",
        "name": "Kyiv",
        "label": "place",
    }
    assert printed["quotes"][0] == {
        "speaker": "Medinsky", "here": fact["fact"], "others": [], "beyond": 0,
    }  # fmt: skip


@SETTINGS
@given(st.lists(FACTS.map(lambda f: Fact(**{k: getattr(f, k) for k in FACT_FIELDS})), max_size=4))
def test_facts_survive_json(facts):
    printed = json.dumps(codec.to_json(facts))
    assert codec.from_json(json.loads(printed), list[Fact]) == facts


def test_a_fact_keeps_the_keys_the_analysis_stores():
    fact = Fact("a.txt:2:1", "a.txt", 2, "quantity", "more than 40", 5, 17, "people", 40.0, 40.0)
    fact = replace(fact, high=float("inf"), low_open=True, unit="count")
    assert codec.to_json(fact) == fact.to_json()  # what the index holds reads back
    assert codec.from_json(fact.to_json(), Fact) == fact


GROUPS = st.builds(
    FactGroup,
    key=TEXT,
    subject=TEXT,
    story=st.none() | TEXT,
    relation=RELATIONS,
    members=st.lists(TEXT, max_size=3).map(tuple),
    sources=st.integers(0, 50),
    pairs=st.lists(st.tuples(TEXT, TEXT, RELATIONS), max_size=3).map(tuple),
)


@SETTINGS
@given(st.lists(GROUPS, max_size=4))
def test_fact_groups_survive_the_stored_json(groups):
    stored = json.dumps(codec.to_json(groups))  # as the corpus-wide state holds them
    assert codec.from_json(json.loads(stored), list[FactGroup]) == groups


def test_a_fact_group_keeps_the_documented_keys():
    group = FactGroup("days|narrator", "days", "s1", "differ", ("a:1:1", "b:1:1"), 2,
                      (("a:1:1", "b:1:1", "differ"),))  # fmt: skip
    assert codec.to_json(group) == {
        "key": "days|narrator", "subject": "days", "story": "s1", "relation": "differ",
        "members": ["a:1:1", "b:1:1"], "sources": 2, "pairs": [["a:1:1", "b:1:1", "differ"]],
    }  # fmt: skip


MENTION_SPANS = st.builds(
    Mention,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=TEXT,
    kind=st.sampled_from(["person", "organisation", "place", "group", "date", "other"]),
    label=TEXT,
)


@SETTINGS
@given(st.lists(MENTION_SPANS, max_size=4))
def test_an_articles_mentions_read_back_as_the_analysis_stored_them(mentions):
    stored = json.dumps([asdict(m) for m in mentions])  # as the analysis stores them
    assert codec.from_json(json.loads(stored), list[Mention]) == mentions


def test_an_articles_row_reads_back_as_newsdesk_sources_lists_it():
    article = Article(
        "a.txt", "a.txt", "text", "Talks.\n\nMore.", "Talks", "EFE", "2025-07-23",
        passages=(Passage("a.txt", 1, 0, 6, "Talks."), Passage("a.txt", 2, 8, 13, "More.")),
        notes=("outlet 'EFE' from the dateline",),
    )  # fmt: skip
    row = codec.from_json(article.to_json(), ArticleInfo)  # as the catalog stores it
    assert (row.passages, row.notes) == (2, article.notes)
    assert codec.to_json(row) == article.to_json()


CITATIONS = st.builds(
    Citation,
    fact=TEXT,
    source=st.none() | TEXT,
    title=st.none() | TEXT,
    date=st.none() | TEXT,
    file=TEXT,
    article=TEXT,
    passage=st.integers(1, 10_000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=TEXT,
    speaker=st.none() | TEXT,
)
DISCREPANCIES = st.builds(
    Discrepancy,
    pairs=st.lists(st.builds(FactPair, a=TEXT, b=TEXT, relation=TEXT), max_size=3).map(tuple),
    citations=st.lists(CITATIONS, max_size=3).map(tuple),
    score=st.floats(0, 200),
)
REPORTS = st.builds(
    Report,
    discrepancies=st.lists(DISCREPANCIES, max_size=3).map(tuple),
    stories=st.lists(
        st.builds(
            StoryDiscrepancies,
            discrepancies=st.lists(DISCREPANCIES, max_size=2).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
)


@SETTINGS
@given(REPORTS)
def test_a_report_survives_json(report):
    printed = json.dumps(codec.to_json(report))
    assert codec.from_json(json.loads(printed), Report) == report


def test_a_report_keeps_the_documented_keys():
    """``newsdesk report --format json`` as the README documents it."""
    cited = Citation(
        "a.txt:1:1", "EFE", "Talks", "2025-05-16", "a.txt", "a.txt", 1, 4, 9, "1,000", None
    )
    item = Discrepancy(
        "prisoners|narrator", "prisoners", None, "differ", "s1", "Talks", 2,
        (FactPair("a.txt:1:1", "b.txt:1:1", "differ"),), (cited,), 150.0,
    )  # fmt: skip
    summary = ReportSummary(1, 1, 0, 1, False)
    found = codec.to_json(Report(summary, (item,), (StoryDiscrepancies("s1", "Talks", (item,)),)))
    assert list(found) == ["summary", "discrepancies", "stories"]
    assert list(found["summary"]) == [
        "stories", "differences", "loose_fits", "shown", "loose_included",
    ]  # fmt: skip
    (printed,) = found["discrepancies"]
    assert set(printed) == {
        "key", "subject", "speaker", "relation", "story", "story_title", "sources", "score",
        "pairs", "citations",
    }  # fmt: skip
    assert printed["pairs"] == [{"a": "a.txt:1:1", "b": "b.txt:1:1", "relation": "differ"}]
    assert printed["citations"][0] == {
        "fact": "a.txt:1:1", "source": "EFE", "title": "Talks", "date": "2025-05-16",
        "file": "a.txt", "article": "a.txt", "passage": 1, "start": 4, "end": 9,
        "text": "1,000", "speaker": None,
    }  # fmt: skip
    assert found["stories"] == [{"id": "s1", "title": "Talks", "discrepancies": [printed]}]


# What an analysis stores: text of any kind (an article's control characters and
# scripts included), offsets, counts and finite figures, nested.
_stored = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_stored)
@SETTINGS
def test_what_the_index_stores_reads_back_the_same(data):
    assert unpack(pack(data)) == data


def test_an_index_stored_by_an_earlier_newsdesk_still_reads():
    """Blobs written with the standard library's JSON (which writes ``NaN`` and
    escapes every non-ASCII character) read back as written."""
    data = {"title": "Zelenskyy in Kyiv — “talks”", "score": float("inf"), "n": [1, 2.5]}
    earlier = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 6)
    assert unpack(earlier) == data
    assert math.isnan(unpack(zlib.compress(b'{"x":NaN}'))["x"])


def test_what_orjson_refuses_is_stored_as_json_would_store_it():
    """A key that is not a string, an integer past 64 bits, text holding a byte
    its file could not decode (a lone surrogate): stored, not an error."""
    assert unpack(pack({1: "a"})) == {"1": "a"}
    assert pack({"n": 10**30})  # stored; read back as a number
    undecoded = {"text": "caf\udce9 au lait"}
    assert unpack(pack(undecoded)) == undecoded


def test_a_digest_ignores_key_order_and_tells_values_apart():
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})
    assert digest({"a": 1}) != digest({"a": 2})
    assert digest({1: "a"}) == digest({1: "a"})  # not a string key: still a digest
