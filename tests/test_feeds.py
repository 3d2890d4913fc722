"""Feeds of every flavour read right: RDF, headline entries, feed metadata, stable ids."""

from __future__ import annotations

import pytest

from index.model import NO_BODY
from index.readers import read_bytes

from .feedgen import Entry, atom, rdf, rss

FLAVOURS = [("rss", rss), ("rdf", rdf), ("atom", atom), ("xml", rdf)]


@pytest.mark.parametrize(("extension", "make"), FLAVOURS)
def test_every_entry_of_every_flavour_is_read(extension, make):
    entries = [Entry(n, body=None if n % 3 == 0 else Entry(0).body) for n in range(69)]
    result = read_bytes(make(entries), f"wire.{extension}")
    assert len(result.articles) == 69 and not result.skipped
    assert len({a.id for a in result.articles}) == 69


@pytest.mark.parametrize("make", [rss, rdf, atom])
def test_an_rdf_or_any_feed_under_another_extension_is_read(make):
    assert len(read_bytes(make([Entry(1), Entry(2)]), "saved.rss").articles) == 2


@pytest.mark.parametrize(("extension", "make"), FLAVOURS)
def test_feed_and_entry_metadata_are_used(extension, make):
    (article,) = read_bytes(make([Entry(7)], title="The Wire"), f"w.{extension}").articles
    assert (article.title, article.source, article.date, article.author, article.url) == (
        "Story number 7",
        "The Wire",
        "2025-05-16",
        "Ann Reporter",
        "https://news.example.org/story/7",
    )
    assert [p.text for p in article.passages] == [
        "Talks ended in Istanbul.",
        "Prisoners will be exchanged.",
    ]
    assert not article.notes


@pytest.mark.parametrize("make", [rss, rdf, atom])
def test_a_headline_entry_is_kept_and_says_its_body_is_not_there(make):
    (article,) = read_bytes(make([Entry(3, body=None)]), "headlines.rss").articles
    assert article.title == "Story number 3" and article.text == "Story number 3"
    assert article.url == "https://news.example.org/story/3"
    assert article.notes == (NO_BODY,)


@pytest.mark.parametrize("make", [rss, rdf, atom])
def test_an_entry_keeps_its_id_in_a_later_copy_of_the_feed(make):
    first = read_bytes(make([Entry(1), Entry(2)]), "wire.rss").articles
    later = read_bytes(make([Entry(4), Entry(3), Entry(2), Entry(1)]), "wire.rss").articles
    ids = {a.title: a.id for a in first}
    assert {a.title: a.id for a in later if a.title in ids} == ids
    assert len({a.id for a in later}) == 4


def test_an_entry_without_guid_is_named_by_its_link_and_a_repeat_is_skipped():
    entries = [Entry(1, guid=False), Entry(2, guid=False), Entry(1, guid=False)]
    result = read_bytes(rss(entries), "wire.rss")
    assert [a.title for a in result.articles] == ["Story number 1", "Story number 2"]
    (repeat,) = result.skipped
    assert "entry 3 repeats entry 1" in repeat.reason


def test_an_entry_with_neither_text_nor_title_is_skipped_with_the_reason():
    feed = (
        b"<rss><channel><title>W</title><item><link>https://x.org/1</link></item></channel></rss>"
    )
    result = read_bytes(feed, "w.rss")
    assert not result.articles and "no entry of this feed has text" in result.skipped[0].reason
