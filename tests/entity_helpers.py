"""What the tests of the entity rules share: an article analysed from its text and
the spans its mentions cite, one article's passages, and a text's mentions as a
model gives them, built from the names to find in it."""

from __future__ import annotations

from index.analysis import Analysis
from index.model import Mention, Passage
from index.readers import read_bytes


def analysed(text: str, name: str = "story.txt"):
    """An article read from ``text`` as a file, and its mentions from the full analysis."""
    (article,) = read_bytes(text.encode(), name).articles
    (result,) = Analysis().analyse_here([article])
    return article, [Mention(**m) for m in result["mentions"]]


def spans(article, mentions) -> set[str]:
    """The cited text of every mention (offsets are the contract)."""
    assert all(article.text[m.start : m.end] == m.text for m in mentions)
    return {m.text for m in mentions}


def passages_of(text: str, article: str = "a0") -> dict[str, list[Passage]]:
    return {article: [Passage(article, 1, 0, len(text), text)]}


def occurrences(
    text: str, *names: str, kind: str = "organisation", label: str = "ORG"
) -> list[Mention]:
    """Every occurrence of each name in ``text`` (the first names given first:
    a later one inside an earlier one's occurrence is not counted), in text order."""
    found: list[Mention] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            if not any(m.start <= at < m.end for m in found):
                found.append(Mention(at, at + len(name), name, kind, label))
            at = text.find(name, at + len(name))
    return sorted(found, key=lambda m: m.start)


def mentions_in(text: str, *spans: tuple[str, str]) -> list[Mention]:
    found = []
    for span, kind in spans:
        at = text.index(span)
        found.append(Mention(at, at + len(span), span, kind, ""))
    return found


def town_mentions(text: str, *spans: tuple[str, str, str]) -> list[Mention]:
    """The model's mentions: (span, kind, label), each at its first place after the last."""
    found, at = [], 0
    for span, kind, label in spans:
        at = text.index(span, at)
        found.append(Mention(at, at + len(span), span, kind, label))
        at += len(span)
    return found


def located(text: str, *spans: tuple[str, str, str]) -> list[Mention]:
    """Mentions of ``text`` as a model gave them: (spelling, kind, label), each at
    every place the text writes it."""
    found = []
    for spelling, kind, label in spans:
        at = 0
        while (at := text.find(spelling, at)) >= 0:
            found.append(Mention(at, at + len(spelling), spelling, kind, label))
            at += len(spelling)
    return sorted(found, key=lambda m: m.start)
