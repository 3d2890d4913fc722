"""Broken and hostile files: each is read correctly or skipped with a reason,
and the rest of the corpus is indexed."""

from __future__ import annotations

import os

import pytest

from index.build import update
from index.corpus import Corpus
from index.readers import read_bytes
from index.store import Store

TEXT = "Peace talks ended in Istanbul.\n\nPrisoners of war will be exchanged, officials said."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("nul.txt", b"\x00\x01\x02abc\x00\x00" * 100, "binary"),
        ("bad.json", b'{"title": "x", "text": ', "invalid JSON"),
        ("notarticle.json", b"[1, 2, 3]", "not a JSON object"),
        ("truncated.rss", b"<?xml version='1.0'?><rss><channel><item><title>x", "feed"),
        ("empty.atom", b"", "empty file"),
        ("nothing.html", b"<html><body></body></html>", "no article text"),
        ("badfront.md", b"---\ntitle: [unclosed\n---\nBody\n", "front matter"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(name, data, reason):
    result = read_bytes(data, name)
    assert not result.articles
    assert result.skipped and reason in result.skipped[0].reason
    assert result.skipped[0].path == name


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("latin-1", "Le président a parlé à Genève; £100 au café.\n\nSecond.".encode("latin-1")),
        ("cp1252", "“Quoted” — the talks’ end in Dolmabahçe.\n\nSecond.".encode("cp1252")),
        ("utf-16", "Ukraine’s talks in Dolmabahçe.\n\nSecond.".encode("utf-16")),
        ("utf-8-sig", "Ukraine’s talks in Dolmabahçe.\n\nSecond.".encode("utf-8-sig")),
        ("utf-16-le", "Ukraine’s talks in Dolmabahçe.\n\nSecond.".encode("utf-16-le")),
    ],
)
def test_other_encodings_are_decoded(encoding, data):
    (article,) = read_bytes(data, "x.txt").articles
    expected = data.decode(encoding)
    assert article.text == expected.lstrip("\ufeff")
    assert article.passages[-1].text == "Second."


def test_invalid_utf8_is_read_not_dropped():
    data = "Talks in Dolmabahçe ended.\n\nSecond.".encode() + b"\xff\xfe broken \xc3"
    (article,) = read_bytes(data, "x.txt").articles
    assert "Dolmabah" in article.text


def test_corpus_with_every_problem_still_indexes_the_good_files(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "deep" / "er").mkdir(parents=True)
    (corpus / "good.txt").write_text(TEXT)
    (corpus / "deep" / "er" / "good2.md").write_text("# Title\n\n" + TEXT)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "bad.json").write_bytes(b"{")
    (corpus / "huge.txt").write_bytes(b"word " * 300_000)
    (corpus / "locked.txt").write_text(TEXT)
    os.symlink(corpus / "missing.txt", corpus / "broken.txt")
    os.symlink(corpus, corpus / "deep" / "loop")
    monkeypatch.setenv("NEWSDESK_MAX_FILE_MB", "1")
    real_open = open

    def deny(path, *args, **kwargs):  # root can read anything: simulate a denied file
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    summary = update(Corpus.of([corpus]), tmp_path / "ix")
    monkeypatch.setattr("builtins.open", real_open)
    reasons = {s.path: s.reason for s in summary.skipped}
    assert sorted(summary.added) == sorted(
        [
            "good.txt",
            "deep/er/good2.md",
            "empty.txt",
            "binary.txt",
            "bad.json",
            "huge.txt",
            "locked.txt",
        ]
    )
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "invalid JSON" in reasons["bad.json"]
    assert "cap" in reasons["huge.txt"]
    assert reasons["locked.txt"] == "permission denied"
    assert "broken" in reasons["broken.txt"]
    assert "loop" in reasons["deep/loop"]
    ids = [row["id"] for row in Store(tmp_path / "ix").articles()]
    assert ids == ["deep/er/good2.md", "good.txt"]
