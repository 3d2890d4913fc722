"""The feeds a user follows: newsboat's urls file, OPML, and the commands on them."""

from __future__ import annotations

import pytest

from index.fetch.subscriptions import Subscription, parse, parse_urls, to_opml, to_urls_lines
from tui.cli import main


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("https://a.org/feed", Subscription("https://a.org/feed")),
        (
            "  https://a.org/feed   news world",
            Subscription("https://a.org/feed", ("news", "world")),
        ),
        (
            'https://a.org/feed "world news" "~The A Times" !hidden',
            Subscription("https://a.org/feed", ("world news",), "The A Times"),
        ),
        ("http://a.org/rss?x=1#top tag", Subscription("http://a.org/rss?x=1#top", ("tag",))),
        ("# https://a.org/commented-out", None),
        ("", None),
    ],
)
def test_a_urls_line(line, expected):
    found = parse_urls(line + "\n")
    assert found.feeds == ([expected] if expected else []) and not found.problems


@pytest.mark.parametrize(
    "line",
    [
        '"query:Unread:unread = \\"yes\\""',
        '"exec:~/bin/feed.sh"',
        '"filter:~/bin/f.sh:https://a.org/feed"',
        "file:///etc/passwd",
        "/home/me/feed.rss",
        "ftp://a.org/feed",
        'https://a.org/"unclosed',
    ],
)
def test_a_line_that_is_no_web_feed_is_left_out_and_said(line):
    found = parse_urls(f"https://ok.org/feed\n{line}\n")
    assert [f.url for f in found.feeds] == ["https://ok.org/feed"]
    (problem,) = found.problems
    assert problem.startswith("line 2: ")


OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE opml [<!ENTITY big "BIG">]>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="World"><outline type="rss" text="A Times" xmlUrl="https://a.org/feed"/>
<outline type="rss" text="B &amp; Co" title="B Post" xmlUrl="https://b.org/rss"/></outline>
<outline type="rss" text="Loose" xmlUrl="http://c.org/atom.xml"/>
<outline type="rss" text="Local" xmlUrl="file:///home/me/x.rss"/>
<outline type="rss" text="Again" xmlUrl="https://a.org/feed"/>
</body></opml>"""


def test_opml_gives_each_feed_with_its_folder_as_tag_and_leaves_out_others():
    found = parse(OPML)
    assert found.feeds == [
        Subscription("https://a.org/feed", ("World",), "A Times"),
        Subscription("https://b.org/rss", ("World",), "B Post"),
        Subscription("http://c.org/atom.xml", (), "Loose"),
    ]
    assert found.problems == ["not an http(s) URL, left out: file:///home/me/x.rss"]


def test_opml_and_urls_lines_read_back_as_written():
    feeds = parse(OPML).feeds
    assert parse(to_opml(feeds)).feeds == feeds
    assert parse(to_urls_lines(feeds).encode()).feeds == feeds


def test_broken_opml_is_a_problem_not_a_crash():
    found = parse(b"<opml><body><outline xmlUrl='https://a.org/feed'>")
    assert not found.feeds and found.problems[0].startswith("not readable OPML")


def test_import_appends_new_feeds_and_keeps_every_line_there(tmp_path, capsys):
    urls, opml = tmp_path / "urls", tmp_path / "subs.opml"
    mine = "# my feeds\nhttps://a.org/feed mine\n  # an indented comment"
    urls.write_text(mine)
    opml.write_bytes(OPML)
    assert main(["fetch", "--urls", str(urls), "--import-opml", str(opml)]) == 0
    text = urls.read_text()
    assert text.startswith(mine + "\n")
    assert (
        text[len(mine) + 1 :] == 'https://b.org/rss World "~B Post"\nhttp://c.org/atom.xml ~Loose\n'
    )
    assert "2 feeds added" in capsys.readouterr().err
    assert main(["fetch", "--urls", str(urls), "--import-opml", str(opml)]) == 0
    assert urls.read_text() == text


def test_export_writes_a_new_file_or_stdout_and_never_overwrites(tmp_path, capsys):
    urls, target = tmp_path / "urls", tmp_path / "out.opml"
    urls.write_text("https://a.org/feed news ~A\n")
    assert main(["fetch", "--urls", str(urls), "--export-opml", str(target)]) == 0
    assert parse(target.read_bytes()).feeds == [Subscription("https://a.org/feed", ("news",), "A")]
    target.write_text("mine")
    assert main(["fetch", "--urls", str(urls), "--export-opml", str(target)]) == 2
    assert target.read_text() == "mine" and "does not overwrite" in capsys.readouterr().err
    assert main(["fetch", "--urls", str(urls), "--export-opml", "-"]) == 0
    assert 'xmlUrl="https://a.org/feed"' in capsys.readouterr().out
