"""Nothing outside the corpus is read, and nothing is fetched, while indexing.

A folder next to the corpus holds files of every format with words found
nowhere else. Corpus files name them in every way a parser could take for
something to open (a path, a ``file://`` URL, a relative path, an external
entity, a DTD, an XInclude, HTML that embeds or links them), and name special
files and URLs too. After indexing, those words must not be searchable.

An audit hook also watches every ``open`` of Python code while reading: one of
the outside folder or of ``/dev`` is refused and recorded (so a regression
fails the test instead of blocking on ``/dev/stdin`` or a named pipe, or
reading ``/dev/zero`` until memory runs out), as is any network use.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from index.build import update
from index.corpus import Corpus
from index.library import Library
from index.readers import read_bytes
from index.store import Store

WORDS = {
    "rss": "zebracornfeed",
    "txt": "quokkafishtext",
    "html": "narwhalopodpage",
    "md": "axolotlinemark",
    "json": "pangolinojson",
    "dtd": "wombatrixentity",
}
_watch: list[tuple[str, object]] | None = None  # what was refused, while a test watches
_outside: str = ""
_hooked: list[bool] = []  # the audit hook is added once, by the first test that watches


def _audit(event: str, args: tuple) -> None:
    if _watch is None:
        return
    if event == "open" and args and isinstance(args[0], (str, bytes)):
        path = os.fsdecode(args[0])
        if path.startswith("/dev/") and path != os.devnull or _outside and _outside in path:
            _watch.append((event, path))
            raise PermissionError(f"newsdesk tests refuse to open {path}")
    elif event in (
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "urllib.Request",
    ):
        _watch.append((event, args))
        raise PermissionError("newsdesk tests refuse the network")


@contextmanager
def watching() -> Iterator[list[tuple[str, object]]]:
    """The opens and network uses refused inside the ``with`` block."""
    global _watch
    if not _hooked:
        _hooked.append(True)
        sys.addaudithook(_audit)  # hooks cannot be removed: this one acts only while watching
    _watch = []
    try:
        yield _watch
    finally:
        _watch = None


def make_outside(folder: Path) -> Path:
    """Private files with unique words, and a named pipe, outside the corpus."""
    global _outside
    folder.mkdir()
    _outside = str(folder)
    item = "<item><title>{0}</title><description>{0} said so.</description></item>"
    (folder / "private.rss").write_text(
        f"<rss><channel><title>{WORDS['rss']}</title>{item.format(WORDS['rss'])}</channel></rss>"
    )
    (folder / "private.txt").write_text(f"{WORDS['txt']} is a secret.\n")
    (folder / "private.html").write_text(
        f"<html><body><article><p>{WORDS['html']} is the private page, "
        "long enough to be taken for an article by anyone.</p></article></body></html>"
    )
    (folder / "private.md").write_text(f"---\ntitle: {WORDS['md']}\n---\n{WORDS['md']} notes.\n")
    (folder / "private.json").write_text(json.dumps({"text": f"{WORDS['json']} data."}))
    (folder / "private.dtd").write_text(f'<!ENTITY leak "{WORDS["dtd"]} leaked">')
    os.mkfifo(folder / "pipe.rss")  # opening it for reading would block for ever
    return folder


def references(outside: Path, corpus: Path) -> list[str]:
    """Every way of naming an outside file that a parser might open."""
    relative = os.path.relpath(outside, corpus)  # the test runs from the corpus folder
    names = []
    for file in ("private.rss", "private.txt", "private.html", "private.md", "private.json"):
        names += [
            str(outside / file),
            f"file://{outside / file}",
            f"file:{outside / file}",
            f"{relative}/{file}",
            f"  {outside / file}\n",
        ]
    return [
        *names,
        str(outside / "pipe.rss"),
        "/dev/stdin",
        "/dev/zero",
        "/dev/tty",
        "/proc/self/environ",
        "http://127.0.0.1:9/feed.rss",
        "feed://127.0.0.1:9/feed.rss",
    ]


def xml_attacks(outside: Path) -> dict[str, str]:
    """Feeds that reach for the outside files through XML itself."""
    url = f"file://{outside}"
    item = "<rss><channel><item><title>Talks</title><description>{}</description></item></channel></rss>"
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Talks</title>{}</entry></feed>'
    doc = '<?xml version="1.0"?>\n'
    return {
        "xxe-url.rss": f'{doc}<!DOCTYPE rss [<!ENTITY x SYSTEM "{url}/private.txt">]>'
        + item.format("Peace &x; talks"),
        "xxe-path.xml": f'{doc}<!DOCTYPE rss [\n<!ENTITY x SYSTEM "{outside}/private.txt">\n]>\n'
        + item.format("Peace &x; talks"),
        "xxe-param.rss": f'{doc}<!DOCTYPE rss [\n<!ENTITY % p SYSTEM "{url}/private.dtd">\n%p;\n]>\n'
        + item.format("Peace &leak; talks"),
        "dtd-system.rss": f'{doc}<!DOCTYPE rss SYSTEM "{url}/private.dtd">\n'
        + item.format("Peace &leak; talks"),
        "dtd-public.atom": f'{doc}<!DOCTYPE feed PUBLIC "-//x//y" "{outside}/private.dtd">\n'
        + atom.format("<content>Peace &leak; talks</content>"),
        "xinclude.rss": item.format(
            f'Peace <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            f'href="{outside}/private.txt" parse="text"/> talks'
        ),
        "stylesheet.rss": f'{doc}<?xml-stylesheet type="text/xsl" href="{url}/private.txt"?>'
        + item.format("Peace talks"),
        "out-of-line.atom": atom.format(
            f'<content src="{url}/private.html" type="text/html"/><summary>Peace talks</summary>'
        ),
        "xml-base.atom": f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{url}/">'
        '<entry><title>Talks</title><content type="html">&lt;p&gt;Peace '
        '&lt;img src="private.txt"&gt;&lt;iframe src="private.html"&gt;&lt;/iframe&gt; '
        "talks&lt;/p&gt;</content></entry></feed>",
        "utf16-xxe.rss": "",  # written below, in UTF-16
    }


def html_attacks(outside: Path) -> dict[str, str]:
    """Pages that embed, link or declare the outside files."""
    url = f"file://{outside}"
    body = "<p>Peace talks ended in Istanbul after two hours, officials said today.</p>"
    return {
        "embeds.html": f'<html><head><link rel="stylesheet" href="{url}/private.txt">'
        f'<base href="{url}/"><script src="{outside}/private.txt"></script>'
        f'<meta http-equiv="refresh" content="0; url={url}/private.html"></head>'
        f'<body><article>{body}<iframe src="{url}/private.html"></iframe>'
        f'<object data="{outside}/private.html"></object><embed src="private.html">'
        f'<img src="{url}/private.txt"></article></body></html>',
        "frames.htm": f'<html><frameset><frame src="{url}/private.html"></frameset>'
        f"<body><article>{body}</article></body></html>",
        "xxe.xhtml": f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY x SYSTEM "{url}/private.txt">'
        f'\n]>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><article>{body}<p>&x;</p>'
        "</article></body></html>",
        "dtd.html": f'<!DOCTYPE html SYSTEM "{url}/private.dtd"><html><body><article>{body}'
        "<p>&leak;</p></article></body></html>",
    }


def other_attacks(outside: Path) -> dict[str, str]:
    url = f"file://{outside}"
    return {
        "tags.md": f"---\ntitle: !include {outside}/private.txt\n---\nPeace talks.\n",
        "links.md": f"---\ntitle: Talks\nurl: {url}/private.html\n---\n"
        f"[see]({url}/private.txt) ![x]({outside}/private.txt)\n\n"
        f'<iframe src="{url}/private.html"></iframe>\n',
        "toml.md": f'+++\ntitle = "{outside}/private.txt"\n+++\nPeace talks.\n',
        "refs.json": json.dumps(
            {"text": f"{outside}/private.txt", "url": f"{url}/private.json", "$ref": url}
        ),
    }


def make_corpus(corpus: Path, outside: Path) -> None:
    corpus.mkdir()
    (corpus / "good.txt").write_text("Peace talks ended in Istanbul.\n")
    for number, reference in enumerate(references(outside, corpus)):
        for extension in ("rss", "atom", "xml", "html", "md", "txt"):
            (corpus / f"ref{number:02}.{extension}").write_text(reference)
        (corpus / f"ref{number:02}.json").write_text(json.dumps(reference))
        (corpus / f"ref{number:02}.jsonl").write_text(json.dumps({"text": reference}) + "\n")
    for name, text in {
        **xml_attacks(outside),
        **html_attacks(outside),
        **other_attacks(outside),
    }.items():
        (corpus / name).write_text(text)
    (corpus / "utf16-xxe.rss").write_bytes(
        xml_attacks(outside)["xxe-url.rss"]
        .replace('"1.0"', '"1.0" encoding="utf-16"')
        .encode("utf-16")
    )


def test_no_file_outside_the_corpus_is_read_and_nothing_is_fetched(tmp_path, monkeypatch):
    outside = make_outside(tmp_path / "outside")
    corpus = tmp_path / "corpus"
    make_corpus(corpus, outside)
    monkeypatch.chdir(corpus)  # relative names would resolve to the outside folder
    started = time.monotonic()
    with watching() as refused:
        summary = update(Corpus.of([corpus]), tmp_path / "ix")
    assert time.monotonic() - started < 120
    assert refused == [], "a reader opened something outside the corpus or used the network"
    assert sorted(summary.added) == sorted(os.listdir(corpus))  # every file read or skipped
    library = Library([corpus], tmp_path / "ix")
    for word in WORDS.values():
        assert library.search(word).total == 0, f"{word} from outside the corpus is searchable"
        assert library.search(f"title:{word}").total == 0
    store = Store(tmp_path / "ix")
    for row in store.articles():
        article = store.article(row["id"])
        assert article is not None
        leaked = [w for w in WORDS.values() if w in article.text or w in (article.title or "")]
        assert not leaked, (row["id"], leaked)
    assert library.search("Istanbul").total >= 1  # the corpus itself was indexed


@pytest.mark.parametrize("extension", ["rss", "atom", "xml"])
def test_a_feed_holding_a_file_name_is_read_as_text_not_opened(tmp_path, extension):
    outside = make_outside(tmp_path / "outside")
    for content in (str(outside / "private.rss"), f"file://{outside}/private.rss", "/dev/stdin"):
        with watching() as refused:
            result = read_bytes(content.encode(), f"x.{extension}")
        assert refused == []
        assert not result.articles
        assert "not a readable feed" in result.skipped[0].reason


@pytest.mark.parametrize(
    "declarations",
    [
        '<!ENTITY a "{x}">',
        '<!ENTITY a "{x}">\n<!ENTITY b "<b>&a;</b>">',
        "<!-- <!ENTITY c \"]>\" --><!ENTITY a '{x}'>",
    ],
)
def test_declared_entities_in_a_feed_are_not_expanded(declarations):
    """Each ``&a;`` would be 20,000 characters: 50 MB from a 30 KB file."""
    subset = declarations.format(x="x" * 20_000)
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{subset}\n]>\n<rss><channel><item>'
        f"<title>Talks</title><description>Peace talks {'&a;' * 2_500}</description>"
        "</item></channel></rss>"
    )
    for data in (feed.encode(), feed.replace('"1.0"', '"1.0" encoding="utf-16"').encode("utf-16")):
        started = time.monotonic()
        (article,) = read_bytes(data, "bomb.rss").articles
        assert time.monotonic() - started < 5
        assert article.title == "Talks"
        assert article.text.startswith("Peace talks") and len(article.text) < 100_000


def test_a_feed_keeps_its_text_when_its_doctype_is_removed():
    netscape = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<!-- a comment -->\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        '<rss version="0.91"><channel><title>Le Monde</title><item><title>Genève</title>'
        "<description>Le président a parlé &amp; répondu</description></item></channel></rss>"
    )
    (article,) = read_bytes(netscape.encode("latin-1"), "n.rss").articles
    assert (article.source, article.title) == ("Le Monde", "Genève")
    assert article.text == "Le président a parlé & répondu"
    with_bom = b"\xef\xbb\xbf" + netscape.replace("iso-8859-1", "utf-8").encode()
    assert read_bytes(with_bom, "b.rss").articles[0].title == "Genève"


@pytest.mark.parametrize(
    "front",
    [
        # Nine levels of nine: a title of 387 million words if aliases were followed.
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + "".join(
            f"{name}: &{name} [{', '.join([f'*{prior}'] * 9)}]\n"
            for prior, name in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "title: *i\ndate: *i\n",
        # One 10 KB text repeated 2,000 times: a 20 MB title from a 30 KB file.
        f'a: &a "{"y" * 10_000}"\ntitle: [x{", *a" * 2_000}]\n',
        'base: &base {source: EFE}\n<<: *base\ntitle: "Talks"\n',
    ],
)
def test_yaml_aliases_in_front_matter_are_refused_not_expanded(front):
    started = time.monotonic()
    result = read_bytes(f"---\n{front}---\nPeace talks ended.\n".encode(), "bomb.md")
    assert time.monotonic() - started < 5
    assert not result.articles
    assert "YAML aliases" in result.skipped[0].reason


@pytest.mark.parametrize(
    "prolog",
    [
        b"<!DOCTYPE r [" + b"<!--" * 50_000,
        b"<!--<!x>" * 25_000,
        b"<?x<!x>" * 25_000,
        b"<!DOCTYPE r [" + b'<!ENTITY a "x">' * 20_000 + b"]>",
        b"<!x>" * 50_000,
    ],
    ids=["open-comments-in-subset", "open-comments", "open-instructions", "entities", "decls"],
)
def test_removing_a_hostile_prolog_is_one_pass(prolog):
    """Comments or instructions that never close, looked for again at each of
    their 50,000 starts, were minutes of work."""
    feed = b"<rss><channel><item><title>T</title><description>Peace talks.</description></item></channel></rss>"
    started = time.monotonic()
    result = read_bytes(prolog + feed, "prolog.rss")
    assert time.monotonic() - started < 2
    assert result.articles or "feed" in result.skipped[0].reason


def make_linked_corpus(corpus: Path, outside: Path) -> None:
    """A corpus of real articles and of links: into the corpus (followed), and
    out of it to private files, their folder, and the folder above the corpus."""
    (corpus / "inner").mkdir(parents=True)
    (corpus / "good.txt").write_text("Peace talks ended in Istanbul.\n")
    (corpus / "inner" / "report.txt").write_text("Prisoners were exchanged in Istanbul.\n")
    (corpus / "again.txt").symlink_to(corpus / "inner" / "report.txt")
    (corpus / "inner-link").symlink_to("inner")
    (corpus / "notes.txt").symlink_to(outside / "private.txt")
    (corpus / "page.html").symlink_to(outside / "private.html")
    (corpus / "photo.jpg").symlink_to(outside / "private.txt")  # no article's name: no report
    (corpus / "private").symlink_to(outside)
    (corpus / "inner" / "up").symlink_to("../..")  # the folder holding the corpus and outside


def test_links_out_of_the_corpus_are_reported_and_not_followed(tmp_path, monkeypatch):
    """A folder from someone else holding ``notes.txt -> ~/.ssh/id_rsa`` or
    ``all -> /`` must not put the user's own files among its articles."""
    monkeypatch.delenv("NEWSDESK_FOLLOW_LINKS", raising=False)
    outside = make_outside(tmp_path / "outside")
    corpus = tmp_path / "corpus"
    make_linked_corpus(corpus, outside)
    with watching() as refused:
        summary = update(Corpus.of([corpus]), tmp_path / "ix")
    assert refused == [], "a file outside the corpus was opened"
    # Links inside are followed (a folder reached twice is read once).
    assert sorted(summary.added)[:2] == ["again.txt", "good.txt"]
    assert sorted(summary.added)[2:] in (["inner/report.txt"], ["inner-link/report.txt"])
    reasons = {s.path: s.reason for s in summary.skipped}
    for name, what in [
        ("notes.txt", "file"),
        ("page.html", "file"),
        ("private", "folder"),
        ("inner/up", "folder"),
    ]:
        assert f"symbolic link to a {what} outside the corpus" in reasons.get(name, ""), name
        assert "NEWSDESK_FOLLOW_LINKS" in reasons[name]
    assert "photo.jpg" not in reasons
    library = Library([corpus], tmp_path / "ix")
    for word in WORDS.values():
        assert library.search(word).total == 0, f"{word} from outside the corpus is searchable"
    assert library.search("Prisoners").total == 2  # the article and the link to it


def test_links_out_of_the_corpus_are_read_when_asked_or_given(tmp_path, monkeypatch):
    outside = make_outside(tmp_path / "outside")
    corpus = tmp_path / "corpus"
    make_linked_corpus(corpus, outside)
    (corpus / "inner" / "up").unlink()  # the whole tmp folder: not what this test reads
    (outside / "pipe.rss").unlink()
    os.symlink("/dev/zero", corpus / "zero.txt")
    # The target given as a path: the link leads inside the corpus.
    given = update(Corpus.of([corpus, outside / "private.txt"]), tmp_path / "given")
    assert "corpus/notes.txt" in given.added and "corpus/page.html" not in given.added
    # Followed wherever they lead, as asked; a link to a device is still no file.
    monkeypatch.setenv("NEWSDESK_FOLLOW_LINKS", "1")
    followed = update(Corpus.of([corpus]), tmp_path / "followed")
    assert {"notes.txt", "page.html", "private/private.txt"} <= set(followed.added)
    assert "not a regular file" in {s.path: s.reason for s in followed.skipped}["zero.txt"]
    library = Library([corpus], tmp_path / "followed")
    assert library.search(WORDS["txt"]).total == 2  # notes.txt and private/private.txt
