"""The typed results go to JSON and back unchanged, with the keys the README
documents: what the CLI prints, an export holds or the index stores reads
back as the result it was made from."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from index import codec
from index.model import (
    Alias,
    Entity,
    EntityMention,
    Hit,
    MatrixCell,
    MatrixRow,
    MatrixSource,
    OmissionMatrix,
    SearchResult,
    Story,
)

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
