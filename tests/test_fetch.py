"""Fetching feeds from a real HTTP server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from index.fetch import Politeness, fetch_feeds
from index.fetch.entries import STATE_FILE, StoredEntry, as_markdown, feed_folder
from index.fetch.subscriptions import Subscription
from index.model import NO_BODY
from index.readers import read_bytes
from tui.cli import main

from .feedgen import Entry, atom, rdf, rss
from .feedserver import Route, serving

FAST = Politeness(timeout=1.0, deadline=2.0, host_delay=0.0, max_bytes=200_000)
ARTICLE_PAGE = (
    b"<html><head><title>Full story</title></head><body><nav>Home | World</nav><article>"
    b"<h1>Full story</h1><p>The whole article text, as the outlet's page has it, "
    b"with every paragraph the feed left out of its summary.</p>"
    b"<p>A second paragraph of the page, about the prisoners exchanged.</p></article>"
    b"</body></html>"
)


def fetch(server, paths, corpus, polite=FAST, full_text=False):
    feeds = [Subscription(server.url(p)) for p in paths]
    return {
        r.url.rsplit("/", 1)[-1]: r
        for r in fetch_feeds(feeds, str(corpus), polite, full_text=full_text)
    }


def stored(corpus: Path, server, path: str) -> list[Path]:
    folder = corpus / feed_folder(server.url(path))
    return sorted(folder.glob("*.md")) if folder.exists() else []


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("make", [rss, rdf, atom])
def test_each_entry_is_stored_as_markdown_that_reads_back_with_its_metadata(tmp_path, make):
    feed = make([Entry(1), Entry(2, body=None)], title="The Wire")
    with serving({"/feed": Route(feed)}) as server:
        (report,) = fetch(server, ["/feed"], tmp_path).values()
        files = stored(tmp_path, server, "/feed")
    assert report.error is None and report.title == "The Wire" and len(report.new) == 2
    articles = [read_bytes(f.read_bytes(), f.name).articles[0] for f in files]
    by_title = {a.title: a for a in articles}
    full, headline = by_title["Story number 1"], by_title["Story number 2"]
    assert (full.source, full.date, full.author, full.url) == (
        "The Wire",
        "2025-05-16",
        "Ann Reporter",
        "https://news.example.org/story/1",
    )
    assert [p.text for p in full.passages][-1] == "Prisoners will be exchanged."
    assert [p.text for p in headline.passages] == ["Story number 2"]
    assert headline.body_missing and headline.notes == (NO_BODY,) and not full.notes


def test_a_second_run_asks_conditionally_and_a_later_copy_adds_only_new_entries(tmp_path):
    route = Route(rss([Entry(1), Entry(2)]))
    with serving({"/feed": route}) as server:
        first = fetch(server, ["/feed"], tmp_path)["feed"]
        again = fetch(server, ["/feed"], tmp_path)["feed"]
        assert server.asked("/feed")[1].headers["If-None-Match"] == '"v1"'
        assert server.asked("/feed")[1].headers["If-Modified-Since"] == route.last_modified
        route.body, route.etag = rss([Entry(3), Entry(2), Entry(1)]), '"v2"'
        later = fetch(server, ["/feed"], tmp_path)["feed"]
        assert server.asked("/feed")[0].headers["User-Agent"].startswith("newsdesk/")
    assert len(first.new) == 2 and again.unchanged and not again.new
    assert len(later.new) == 1 and later.known == 2
    assert len(stored(tmp_path, server, "/feed")) == 3
    state = json.loads((tmp_path / STATE_FILE).read_text())["feeds"][server.url("/feed")]
    assert state["etag"] == '"v2"'


def test_last_modified_alone_gives_a_304_too(tmp_path):
    with serving({"/feed": Route(rss([Entry(1)]), etag=None)}) as server:
        fetch(server, ["/feed"], tmp_path)
        assert fetch(server, ["/feed"], tmp_path)["feed"].unchanged
        assert "If-None-Match" not in server.asked("/feed")[1].headers


FAILURES = {
    "/missing": (Route(status=404), "HTTP 404"),
    "/broken": (Route(status=500), "HTTP 500"),
    "/page": (
        Route(b"<!DOCTYPE html><html><body><p>Welcome</p></body></html>", content_type="text/html"),
        "an HTML page, not a feed",
    ),
    "/cut": (Route(rss([Entry(n) for n in range(20)]), behaviour="truncated"), "cut short"),
    "/endless": (Route(behaviour="endless"), "more than the cap"),
    "/trickle": (Route(behaviour="trickle"), "still downloading after"),
    "/silent": (Route(behaviour="silent"), "no answer in 1 s"),
    "/loop": (Route(status=302, location="/loop"), "more than 5 redirects"),
    "/big": (Route(rss([Entry(n) for n in range(900)])), "over the cap"),
}


def test_each_failure_is_reported_for_its_feed_and_the_others_go_on(tmp_path):
    good = Route(rss([Entry(1)]))
    with serving({"/good": good, **{p: r for p, (r, _) in FAILURES.items()}}) as server:
        paths = ["/good", *FAILURES, "/after"]
        server.routes["/after"] = Route(atom([Entry(5)]))
        reports = fetch(server, paths, tmp_path)
    for path, (_route, reason) in FAILURES.items():
        report = reports[path.lstrip("/")]
        assert report.error and reason in report.error, (path, report.error)
        assert not stored(tmp_path, server, path)
    assert reports["good"].error is None and len(reports["good"].new) == 1
    assert reports["after"].error is None and len(reports["after"].new) == 1


def test_a_host_that_does_not_answer_is_reported(tmp_path):
    feeds = [Subscription(f"http://127.0.0.1:{closed_port()}/feed")]
    (report,) = fetch_feeds(feeds, str(tmp_path), FAST)
    assert report.error.startswith("could not connect")


def test_a_failing_run_loses_nothing_stored_and_forgets_nothing(tmp_path):
    route = Route(rss([Entry(1), Entry(2)]))
    with serving({"/feed": route}) as server:
        fetch(server, ["/feed"], tmp_path)
        before = {f: f.read_bytes() for f in stored(tmp_path, server, "/feed")}
        state = (tmp_path / STATE_FILE).read_bytes()
        for broken in (Route(status=500), Route(route.body, behaviour="truncated")):
            server.routes["/feed"] = broken
            assert fetch(server, ["/feed"], tmp_path)["feed"].error
            assert {f: f.read_bytes() for f in stored(tmp_path, server, "/feed")} == before
            assert (tmp_path / STATE_FILE).read_bytes() == state


def test_redirects_are_followed_up_to_the_limit(tmp_path):
    routes = {
        "/old": Route(status=301, location="/older"),
        "/older": Route(status=308, location="/feed"),
        "/feed": Route(rss([Entry(1)])),
    }
    with serving(routes) as server:
        report = fetch(server, ["/old"], tmp_path)["old"]
    assert report.error is None and len(report.new) == 1


def test_requests_to_one_host_wait_the_delay(tmp_path):
    with serving({"/a": Route(rss([Entry(1)])), "/b": Route(rss([Entry(2)]))}) as server:
        fetch(server, ["/a", "/b"], tmp_path, Politeness(timeout=1.0, host_delay=0.4))
        gap = server.asked("/b")[0].at - server.asked("/a")[0].at
    assert gap >= 0.39


def test_a_file_already_there_is_never_overwritten(tmp_path):
    with serving({"/feed": Route(rss([Entry(1)]))}) as server:
        folder = tmp_path / feed_folder(server.url("/feed"))
        fetch(server, ["/feed"], tmp_path)
        (mine,) = folder.glob("*.md")
        mine.write_text("my own notes\n")
        server.routes["/feed"] = Route(rss([Entry(1)]), etag='"v2"')
        report = fetch(server, ["/feed"], tmp_path)["feed"]
    assert report.known == 1 and mine.read_text() == "my own notes\n"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_full_text_is_the_page_s_article_when_asked(tmp_path):
    with serving() as server:
        entry_feed = rss([Entry(1)]).replace(
            b"https://news.example.org/story/1", server.url("/story/1").encode()
        )
        server.routes.update(
            {"/feed": Route(entry_feed), "/story/1": Route(ARTICLE_PAGE, content_type="text/html")}
        )
        report = fetch(server, ["/feed"], tmp_path, full_text=True)["feed"]
        (path,) = stored(tmp_path, server, "/feed")
    (article,) = read_bytes(path.read_bytes(), path.name).articles
    assert report.error is None
    assert "every paragraph the feed left out" in article.text
    assert "Home | World" not in article.text


def test_full_text_is_only_asked_of_web_links(tmp_path):
    feed = rss([Entry(1)]).replace(b"https://news.example.org/story/1", b"file:///etc/passwd")
    with serving({"/feed": Route(feed)}) as server:
        report = fetch(server, ["/feed"], tmp_path, full_text=True)["feed"]
        (path,) = stored(tmp_path, server, "/feed")
    (note,) = report.notes
    assert note.startswith("full text of file:") and note.endswith("not an http(s) URL")
    assert "root:" not in path.read_text()


def test_the_command_reports_each_feed_and_fails_when_one_did(tmp_path, capsys):
    with serving({"/good": Route(rss([Entry(1)])), "/gone": Route(status=404)}) as server:
        urls = tmp_path / "urls"
        urls.write_text(
            f'# my feeds\n{server.url("/good")} news "~Good Wire"\n'
            f'{server.url("/gone")}\nfile:///etc/passwd\n"query:unread:unread = \\"yes\\""\n'
        )
        code = main(
            [
                "fetch",
                "--urls",
                str(urls),
                "--into",
                str(tmp_path / "c"),
                "--no-index",
                "--delay",
                "0",
            ]
        )
    out, err = capsys.readouterr()
    assert code == 1
    assert "1 new" in out and "Example Wire" in out
    assert f"failed     {server.url('/gone')}: HTTP 404" in out
    assert "not an http(s) URL, left out: file:///etc/passwd" in " ".join(err.split())


def test_no_urls_file_is_a_usage_error_that_says_what_to_do(tmp_path, capsys):
    assert main(["fetch", "--urls", str(tmp_path / "none"), "--into", str(tmp_path)]) == 2
    assert "write one feed URL per line" in capsys.readouterr().err


@pytest.mark.slow
def test_fetched_entries_are_indexed_and_searchable(tmp_path, capsys):
    with serving({"/feed": Route(rss([Entry(1), Entry(2, body=None)]))}) as server:
        urls = tmp_path / "urls"
        urls.write_text(server.url("/feed") + "\n")
        corpus, index = tmp_path / "c", tmp_path / "ix"
        args = ["--urls", str(urls), "--into", str(corpus), "--index-dir", str(index)]
        assert main(["fetch", *args, "--delay", "0", "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert main(["fetch", *args, "--delay", "0"]) == 0
        assert "unchanged" in capsys.readouterr().out
    assert len(result["feeds"][0]["new"]) == 2
    assert main(["search", "prisoners", str(corpus), "--index-dir", str(index), "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)["hits"]
    assert hit["source"] == "Example Wire" and hit["title"] == "Story number 1"
    assert main(["sources", str(corpus), "--index-dir", str(index), "--json"]) == 0
    titles = {a["title"] for a in json.loads(capsys.readouterr().out)["articles"]}
    assert titles == {"Story number 1", "Story number 2"}


@pytest.mark.parametrize(
    "value",
    ["a: b *c &d", "k\n---\nfoo: bar", "\x1b[31mred [bold]x[/]", "!!python/object x", "'\"", "…é"],
)
def test_any_value_in_front_matter_reads_back_as_written_on_one_line(value):
    meta = {"title": value, "source": value, "entry": value, "url": "https://a.org/1"}
    data = as_markdown(StoredEntry("x.md", meta, "Body one.\nBody two."))
    (article,) = read_bytes(data, "x.md").articles
    assert article.title == article.source == " ".join(value.split())
    assert [p.text for p in article.passages] == ["Body one.", "Body two."]
