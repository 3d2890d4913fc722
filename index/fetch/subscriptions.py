"""The feeds a user follows: a newsboat ``urls`` file or an OPML file, and back.

A ``urls`` file has one feed per line: its URL, then tags, each quoted when
it holds spaces; a tag ``~Name`` names the feed, and lines starting with ``#``
are comments (newsboat's format). newsboat's ``query:``, ``exec:`` and
``filter:`` lines, and anything but an http(s) URL, are reported and left out:
fetching never runs a command or reads a local file. OPML (what most feed
readers import and export) is read with its prolog removed, so no entity it
declares is expanded and no DTD is fetched.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..readers.prolog import without_declarations


@dataclass(frozen=True)
class Subscription:
    """One feed to fetch: its URL, tags and the title the user gave it."""

    url: str
    tags: tuple[str, ...] = ()
    title: str | None = None


@dataclass
class Subscriptions:
    """The feeds a file lists, and the lines of it that were left out, with why."""

    feeds: list[Subscription] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_web_url(url: str) -> bool:
    """An http or https URL with a host: the only thing fetching will request."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def parse(data: bytes) -> Subscriptions:
    """A ``urls`` file or an OPML file, told apart by their content."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return parse_opml(data)
    return parse_urls(data.decode("utf-8", "replace"))


def parse_urls(text: str) -> Subscriptions:
    """newsboat's ``urls`` format."""
    found = Subscriptions()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=False, posix=True)
        except ValueError as error:
            found.problems.append(f"line {number}: {error}")
            continue
        url, tags = words[0], words[1:]
        if not is_web_url(url):
            found.problems.append(f"line {number}: not an http(s) URL, left out: {url[:80]}")
            continue
        title = next((t[1:] for t in tags if t.startswith("~") and len(t) > 1), None)
        kept = tuple(t for t in tags if not t.startswith(("~", "!")))
        found.feeds.append(Subscription(url, kept, title))
    return _unique(found)


def parse_opml(data: bytes) -> Subscriptions:
    """Every outline with an ``xmlUrl``; the outlines around it are its tags."""
    found = Subscriptions()
    try:
        root = ET.fromstring(without_declarations(data))
    except ET.ParseError as error:
        found.problems.append(f"not readable OPML: {error}")
        return found
    body = root.find("body")
    _outlines(body if body is not None else root, (), found)
    return _unique(found)


def _outlines(parent: ET.Element, tags: tuple[str, ...], found: Subscriptions) -> None:
    for outline in parent.findall("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        name = (outline.get("title") or outline.get("text") or "").strip() or None
        if url and is_web_url(url):
            found.feeds.append(Subscription(url, tags, name))
        elif url:
            found.problems.append(f"not an http(s) URL, left out: {url[:80]}")
        _outlines(outline, tags + ((name,) if name and not url else ()), found)


def _unique(found: Subscriptions) -> Subscriptions:
    seen: set[str] = set()
    feeds = []
    for feed in found.feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            feeds.append(feed)
    found.feeds = feeds
    return found


def to_opml(feeds: Iterable[Subscription], title: str = "newsdesk feeds") -> bytes:
    """OPML 2.0 listing ``feeds``, each inside an outline per its first tag."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            tag = feed.tags[0]
            if tag not in folders:
                folders[tag] = ET.SubElement(body, "outline", text=tag, title=tag)
            parent = folders[tag]
        name = feed.title or feed.url
        ET.SubElement(parent, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def to_urls_lines(feeds: Iterable[Subscription]) -> str:
    """``feeds`` as lines of a ``urls`` file."""
    lines = []
    for feed in feeds:
        words = [feed.url, *feed.tags] + ([f"~{feed.title}"] if feed.title else [])
        lines.append(" ".join(_quoted(word) for word in words))
    return "".join(line + "\n" for line in lines)


def _quoted(word: str) -> str:
    """A word of a ``urls`` line, in double quotes (as newsboat writes them) when needed."""
    if word and not any(c.isspace() or c in "\"'\\" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_to_urls(urls: Path, adding: Iterable[Subscription]) -> list[Subscription]:
    """Append the feeds of ``adding`` that ``urls`` lacks at its end, in one write
    (the lines already there stay as they are); the feeds added."""
    known = {f.url for f in parse(urls.read_bytes()).feeds} if urls.exists() else set()
    new = [feed for feed in adding if feed.url not in known]
    if new:
        urls.parent.mkdir(parents=True, exist_ok=True)
        data = to_urls_lines(new).encode()
        if urls.exists() and urls.stat().st_size and not urls.read_bytes().endswith(b"\n"):
            data = b"\n" + data
        with open(urls, "ab") as out:
            out.write(data)
    return new
