"""Time per file: one long file must not hold indexing for minutes.

The rules after NLP (people, quotes, figures, names found again) once took
time growing with the square of a file's length: a page of 20,000 names took
over three minutes, 1.5 MB of repeated names over ten. Their time must grow
with the length, and a file too long to analyse is skipped with the reason.
"""

from __future__ import annotations

import json
import re
import time

from index.analysis import MAX_ANALYSED_CHARS
from index.facts import extract_facts
from index.mentions import capitalised, propagate
from index.model import Article, Mention, Passage
from tui.cli import main

_SENTENCES = [
    'Hakan Fidan said the talks would resume. "We will meet again," Fidan said.',
    "Rustem Umerov told reporters 1,000 prisoners would be exchanged on Friday.",
    'Word{n} Medinsky, the head of the delegation, said: "We are ready," he said.',
    "Talks with Word{n} Peskov lasted 90 minutes, and 12 people were wounded",
]


def _article(count: int, one_passage: bool) -> tuple[Article, list[Mention]]:
    """``count`` sentences naming ``count`` different people, in one passage
    (no paragraph breaks, as text pulled out of a page of spans) or one each."""
    pieces = [_SENTENCES[n % 4].format(n=n) for n in range(count)]
    text = (" " if one_passage else "\n\n").join(pieces)
    spans, at = [], 0
    for piece in pieces:
        spans.append((at, at + len(piece)))
        at += len(piece) + (1 if one_passage else 2)
    if one_passage:
        spans = [(0, len(text))]
    passages = tuple(Passage("a.txt", n, s, e, text[s:e]) for n, (s, e) in enumerate(spans, 1))
    pattern = r"(?:Word\d+|Hakan|Rustem) [A-Z][a-z]+"
    mentions = [
        Mention(m.start(), m.end(), m.group(), "person", "PERSON")
        for m in re.finditer(pattern, text)
    ]
    article = Article(id="a.txt", path="a.txt", format="text", text=text, passages=passages)
    return article, mentions


def _seconds(count: int, one_passage: bool) -> float:
    article, mentions = _article(count, one_passage)
    regions = [(p.start, p.end) for p in article.passages]
    started = time.perf_counter()
    found = propagate(article.text, capitalised(article.text, mentions, regions), regions)
    facts = extract_facts(article, found)
    assert len(facts) > count // 2  # the rules still find what they find
    assert any(f.speaker == "Hakan Fidan" for f in facts)
    return time.perf_counter() - started


def test_the_rules_after_nlp_take_time_in_proportion_to_the_text():
    for one_passage in (True, False):
        small = min(_seconds(1_000, one_passage) for _ in range(2))
        large = _seconds(8_000, one_passage)  # about 560,000 characters
        # Eight times the text: about eight times the time, never the 64 of a square.
        assert large < 20 * small + 0.5, (one_passage, small, large)
        assert large < 30


def test_a_file_too_long_to_analyse_is_skipped_with_the_reason(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = "Hakan Fidan met Rustem Umerov in Istanbul, and Fidan said little.\n"
    (corpus / "long.txt").write_text(line * (MAX_ANALYSED_CHARS // len(line) + 10))
    assert main(["index", str(corpus), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    (skipped,) = summary["skipped"]
    assert skipped["path"] == "long.txt"
    assert skipped["reason"].startswith("too slow to analyse")
    assert f"{MAX_ANALYSED_CHARS:,}" in skipped["reason"]
    # Listed as skipped, not as an article, and said again on the next run.
    assert main(["sources", str(corpus), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == []
    assert main(["index", str(corpus), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)["skipped"]
    assert [s["path"] for s in again] == ["long.txt"]
