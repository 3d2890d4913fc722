"""Hostile and broken folders: every file is read or skipped with its reason,
nothing else is lost, and no single file can stop, hang or crash a run.

The corpus is generated here in ``tmp_path`` (a sparse 100 MB file, 10,000 tiny
files, a 1,200-level folder tree, pipes, devices, link loops), never committed.
"""

from __future__ import annotations

import codecs
import errno
import os
import time
from pathlib import Path

import pytest

from index.build import update
from index.corpus import Corpus
from index.library import Library
from index.readers import FORMATS, read, read_bytes
from index.store import Store

GOOD = "Peace talks ended in Istanbul.\n\nPrisoners of war will be exchanged, officials said.\n"
UNICODE = "Talks in Dolmabahçe: “1,200 prisoners” — Genève, Kyiv, Ünal.\n\nSecond paragraph.\n"

# name -> bytes: each must be read (passages slicing the text) or skipped with a reason.
BROKEN = {
    "empty.txt": b"",
    "zero.rss": b"",
    "zero.atom": b"",
    "zero.xml": b"",
    "spaces.md": b" \n\t\n ",
    "binary.txt": bytes(range(256)) * 64,
    "png.html": b"\x89PNG\r\n\x1a\n" + bytes(200),
    "elf.json": b"\x7fELF\x02\x01\x01" + bytes(500),
    "nul-in-text.txt": b"Peace talks\x00 ended.\n\nPrisoners\x00 freed.\n",
    "truncated.json": b'{"title": "Talks", "text": "Peace talks en',
    "truncated-list.json": b'[{"text": "One."}, {"text": "Tw',
    "bare-string.json": b'"just a string"',
    "number.json": b"42",
    "huge-int.json": b'{"text": "Talks ended.", "count": ' + b"9" * 5000 + b"}",
    "deep.json": b"[" * 100_000,
    "no-text.json": b'{"title": "Only a title"}',
    "wrong-types.json": b'{"text": ["a", 1, null], "title": {"x": []}, "date": [1, 2]}',
    "broken-lines.jsonl": b'{"text": "Good line."}\n{"text": \n' + b"9" * 5000 + b"\n[1,2]\n",
    "truncated.html": b"<html><head><title>Talks</title></head><body><article><p>Peace talks en",
    "tags-only.html": b"<html><body><div><div><span></span></div></div></body></html>",
    "deep.html": b"<div>" * 50_000 + b"Peace talks ended in Istanbul today." * 5,
    "truncated.rss": b"<?xml version='1.0'?><rss><channel><item><title>Talks</title><descr",
    "truncated.atom": b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>Talks</title>",
    "not-a-feed.xml": b"<?xml version='1.0'?><config><value>1</value></config>",
    "malformed.rss": b"<rss><channel><item><description>Peace & talks <b>ended</item></rss>",
    "deep.xml": b"<rss><channel>" + b"<x>" * 50_000 + b"</channel></rss>",
    "entity-bomb.rss": (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        b"<rss><channel><item><title>t</title><description>&d;</description></item></channel></rss>"
    ),
    "bad-front.md": b"---\ntitle: [unclosed\n---\nBody.\n",
    "yaml-object.md": b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nBody.\n",
    "front-list.md": b"---\n- a\n- b\n---\nBody.\n",
    "only-front.md": b"---\ntitle: Nothing after\n---\n",
    "bad-toml.md": b"+++\ntitle = \n+++\nBody.\n",
    "bad-utf16.txt": codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00",
    "odd-utf16.txt": codecs.BOM_UTF16_BE + b"\x00a\x00",
    "bad-utf32.txt": codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 4,
    "invalid-utf8.md": UNICODE.encode() + b"\xff\xfe\xc3",
    "long-line.txt": b"word " * 1_000_000,
    "long-paragraphs.md": (b"# Title\n\n" + b"sentence after sentence. " * 40_000 + b"\n\n") * 3,
    "many-lines.txt": b"line\n" * 200_000,
    "crlf.txt": GOOD.replace("\n", "\r\n").encode(),
    "cr-only.txt": GOOD.replace("\n", "\r").encode(),
}

# Every encoding the reader decodes, and the text each must give back.
ENCODED = {
    f"enc-{name}.txt": UNICODE.encode(name)
    for name in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32")
}
ENCODED["enc-latin-1.txt"] = "Le président a parlé à Genève; £100.\n\nSecond.\n".encode("latin-1")
ENCODED["enc-cp1252.txt"] = "“Quoted” — the talks’ end.\n\nSecond.\n".encode("cp1252")
# Wrong guesses: bytes that fit several encodings; they must still be read, not dropped.
AMBIGUOUS = {
    "guess-koi8.txt": "Переговоры в Стамбуле завершились.\n\nВторой.\n".encode("koi8-r"),
    "guess-shiftjis.txt": "イスタンブールでの和平交渉\n\n第二段落\n".encode("shift_jis"),
    "guess-greek.txt": "Οι συνομιλίες τελείωσαν.\n\nΔεύτερο.\n".encode("iso-8859-7"),
    "guess-mixed.txt": "café ".encode() + "café ".encode("latin-1") + b"\n\nSecond.\n",
}


def assert_read_or_skipped(result, name: str) -> None:
    """The contract for any file: articles whose passages slice their text, or a reason."""
    assert result.articles or result.skipped, f"{name}: neither read nor skipped"
    for article in result.articles:
        assert article.path == name and article.id.startswith(name)
        for passage in article.passages:
            assert article.text[passage.start : passage.end] == passage.text
        article.text.encode("utf-8")  # nothing that cannot be printed or stored
    for skip in result.skipped:
        assert skip.path.startswith(name) and skip.reason.strip()


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_file_is_read_or_skipped_with_a_reason(name):
    started = time.monotonic()
    result = read_bytes(BROKEN[name], name)
    assert_read_or_skipped(result, name)
    assert time.monotonic() - started < 20, f"{name} took too long"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("zero.rss", "empty file"),
        ("binary.txt", "binary"),
        ("nul-in-text.txt", "NUL"),
        ("truncated.json", "invalid JSON at line 1"),
        ("huge-int.json", "cannot be read"),
        ("deep.json", "nested too deeply"),
        ("no-text.json", "no article text"),
        ("truncated.rss", "feed"),
        ("not-a-feed.xml", "no entries"),
        ("bad-front.md", "front matter"),
        ("yaml-object.md", "front matter"),
        ("front-list.md", "not a mapping"),
        ("only-front.md", "no text after the front matter"),
        ("bad-utf16.txt", "invalid utf-16"),
    ],
)
def test_skip_reasons_say_what_is_wrong(name, reason):
    result = read_bytes(BROKEN[name], name)
    assert not result.articles
    assert reason in result.skipped[0].reason


def test_json_lines_keep_good_lines_and_name_the_bad_ones():
    result = read_bytes(BROKEN["broken-lines.jsonl"], "broken-lines.jsonl")
    assert [a.text for a in result.articles] == ["Good line."]
    assert {s.path for s in result.skipped} == {
        "broken-lines.jsonl#2",
        "broken-lines.jsonl#3",
        "broken-lines.jsonl#4",
    }


def test_lone_surrogates_in_json_cannot_poison_later_output():
    data = b'{"text": "Talks \\ud800 ended.", "title": "T\\udfff", "source": "\\udc80X"}'
    (article,) = read_bytes(data, "s.json").articles
    assert article.text == "Talks \ufffd ended."
    assert (article.title, article.source) == ("T\ufffd", "\ufffdX")


def test_long_lines_and_paragraphs_are_read_whole():
    (line,) = read_bytes(BROKEN["long-line.txt"], "long-line.txt").articles
    assert len(line.passages) == 1 and line.passages[0].end == 5_000_000 - 1
    (md,) = read_bytes(BROKEN["long-paragraphs.md"], "long-paragraphs.md").articles
    assert md.title == "Title" and len(md.passages) == 6


def test_a_file_of_200000_lines_is_skipped_not_left_to_stall_indexing():
    started = time.monotonic()
    result = read_bytes(BROKEN["many-lines.txt"], "many-lines.txt")
    assert time.monotonic() - started < 10  # was quadratic: 86 s
    assert not result.articles
    assert "200,000 passages, more than an article holds" in result.skipped[0].reason
    (kept,) = read_bytes(b"line\n" * 5_000, "lines.txt").articles
    assert len(kept.passages) == 5_000  # one word per line is text, not a tag trailer


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_supported_encoding_gives_back_the_text(name):
    (article,) = read_bytes(ENCODED[name], name).articles
    encoding = name[4:-4]
    assert article.text == ENCODED[name].decode(encoding).lstrip("\ufeff")
    assert article.passages[-1].text == "Second." or article.passages[-1].text.startswith("Second")


@pytest.mark.parametrize("name", sorted(AMBIGUOUS))
def test_ambiguous_encodings_are_read_not_dropped(name):
    result = read_bytes(AMBIGUOUS[name], name)
    assert_read_or_skipped(result, name)
    (article,) = result.articles
    assert article.passages[-1].text.startswith(("Второй", "第二段落", "Δεύτερο", "Second"))
    if name != "guess-mixed.txt":  # one encoding: it must be the right one
        assert article.text.startswith(("Переговоры", "イスタンブール", "Οι συνομιλίες"))


@pytest.mark.parametrize("extension", sorted(FORMATS))
def test_every_reader_survives_garbage(extension):
    name = f"garbage{extension}"
    for data in (
        bytes(range(256)) * 8,
        b"<" * 10_000,
        b"{" * 10_000,
        b"\xff\xfe" + b"\x00\xd8" * 50,
    ):
        assert_read_or_skipped(read_bytes(data, name), name)


def test_a_100_mb_file_is_skipped_by_the_cap_without_being_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: instant to create, no disk used
        handle.truncate(100 * 1024 * 1024)
    read_sizes = []
    real_read = os.read

    def counting_read(fd, size):
        read_sizes.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", counting_read)
    started = time.monotonic()
    result, content_hash = read(str(huge), "huge.txt")
    assert time.monotonic() - started < 1
    assert content_hash == "" and not result.articles
    assert "100.0 MB, over the 20 MB cap" in result.skipped[0].reason
    assert sum(read_sizes) < 1024 * 1024


def remove_deep_tree(deep: Path, levels: int) -> None:
    """Remove the deep folder bottom up: shutil.rmtree (and pytest's clean-up) recurse."""
    here = os.getcwd()
    try:
        os.chdir(deep / ("d/" * levels))
        for name in os.listdir("."):
            os.unlink(name)
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def make_hostile_corpus(root: Path) -> dict[str, str]:
    """Write every kind of bad input under ``root``; return {id: expected reason part}."""
    root.mkdir()
    for name, data in {**BROKEN, **ENCODED, **AMBIGUOUS}.items():
        (root / name).write_bytes(data)
    (root / "good.txt").write_text(GOOD)
    deep = root / "deep"
    deep.mkdir()
    here = os.getcwd()
    try:  # 1,200 levels: deeper than Python's recursion limit; relative mkdir stays short
        os.chdir(deep)
        for _ in range(1200):
            os.mkdir("d")
            os.chdir("d")
        Path("bottom.txt").write_text("Deep report on prisoners.\n")
    finally:
        os.chdir(here)
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    os.mkfifo(root / "pipe.txt")
    os.symlink("/dev/zero", root / "zero-device.txt")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    (root / "sub").mkdir()
    os.symlink(root, root / "sub" / "up")  # a folder loop
    (root / "locked.txt").write_text(GOOD)
    (root / "locked-folder").mkdir()
    (root / "locked-folder" / "inside.txt").write_text(GOOD)
    with open(os.fsencode(root) + b"/bad-name-\xff.txt", "wb") as handle:  # not UTF-8
        handle.write(GOOD.encode())
    (root / "bad-name-\x1b[2J.txt").write_text(GOOD)
    return {
        "huge.txt": "cap",
        "pipe.txt": "not a regular file",
        "zero-device.txt": "outside the corpus",  # and not a regular file (test_outside_corpus)
        "loop-a.txt": "loop",
        "loop-b.txt": "loop",
        "dangling.txt": "broken",
        "sub/up": "loop",
        "locked.txt": "permission denied",
        "locked-folder": "cannot open folder",
    }


def test_a_hostile_folder_indexes_everything_readable_and_explains_the_rest(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    expected = make_hostile_corpus(corpus)
    try:
        check_hostile_folder(corpus, expected, tmp_path, monkeypatch)
    finally:
        remove_deep_tree(corpus / "deep", 1200)


def check_hostile_folder(corpus, expected, tmp_path, monkeypatch):
    real_open, real_listdir, real_scandir = open, os.listdir, os.scandir

    def deny_open(path, *args, **kwargs):  # root reads anything: simulate a denied file
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def deny_listdir(path="."):
        if str(path).endswith("locked-folder"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)

    def deny_scandir(path="."):  # the corpus lists a folder with os.scandir
        if str(path).endswith("locked-folder"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("builtins.open", deny_open)
    monkeypatch.setattr(os, "listdir", deny_listdir)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    started = time.monotonic()
    summary = update(Corpus.of([corpus]), tmp_path / "ix")
    elapsed = time.monotonic() - started
    again = update(Corpus.of([corpus]), tmp_path / "ix")
    monkeypatch.undo()
    assert not again.changed, "a second run over the same hostile folder changed the index"

    store = Store(tmp_path / "ix")
    read_ids = {row["path"] for row in store.articles()}
    reasons = {s.path: s.reason for s in store.skipped() + summary.skipped}
    for name, part in expected.items():
        assert part in reasons.get(name, ""), (name, reasons.get(name))
    every_file = set(BROKEN) | set(ENCODED) | set(AMBIGUOUS) | {"good.txt"}
    skipped_files = {path.split("#")[0] for path in reasons}
    assert every_file <= read_ids | skipped_files, "a file was neither read nor skipped"
    deepest = "deep/" + "d/" * 1200 + "bottom.txt"
    assert {"good.txt", deepest, "bad-name-\x1b[2J.txt", "bad-name-\\xff.txt"} <= read_ids
    assert elapsed < 60
    library = Library([corpus], tmp_path / "ix")
    assert {h.article_id for h in library.search("prisoners", limit=100).hits} >= {
        "good.txt",
        "deep/" + "d/" * 1200 + "bottom.txt",
    }


def test_ten_thousand_tiny_files_index_within_a_minute(tmp_path):
    corpus = tmp_path / "many"
    for folder in range(20):
        sub = corpus / f"f{folder:02}"
        sub.mkdir(parents=True)
        for n in range(500):
            (sub / f"{n:03}.txt").write_text(f"Report {folder}-{n} on prisoners.\n")
    started = time.monotonic()
    summary = Library([corpus], tmp_path / "ix").update()
    elapsed = time.monotonic() - started
    assert len(summary.added) == 10_000 and not summary.skipped
    assert elapsed < 90, f"10,000 files took {elapsed:.0f} s"  # ~20 s idle, 2 cores
    assert len(Store(tmp_path / "ix").articles()) == 10_000
