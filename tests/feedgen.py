"""Feeds generated for the tests: RSS 2.0, RSS 1.0 (RDF) and Atom, with entries
that have a body, a summary only, or only a title and a link."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Entry:
    number: int
    body: str | None = "Talks ended in Istanbul.\n\nPrisoners will be exchanged."
    date: str = "2025-05-16T10:00:00Z"
    author: str | None = "Ann Reporter"
    guid: bool = True

    @property
    def link(self) -> str:
        return f"https://news.example.org/story/{self.number}"

    @property
    def title(self) -> str:
        return f"Story number {self.number}"


def _html(body: str) -> str:
    return escape("".join(f"<p>{part}</p>" for part in body.split("\n\n")))


def rss(entries: list[Entry], title: str = "Example Wire") -> bytes:
    items = []
    for e in entries:
        parts = [f"<title>{e.title}</title><link>{e.link}</link>"]
        if e.guid:
            parts.append(f'<guid isPermaLink="false">urn:story:{e.number}</guid>')
        if e.body is not None:
            parts.append(f"<description>{_html(e.body)}</description>")
        if e.author:
            parts.append(f"<dc:creator>{e.author}</dc:creator>")
        parts.append("<pubDate>Fri, 16 May 2025 10:00:00 GMT</pubDate>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>https://news.example.org/</link>"
        "<description>News</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def rdf(entries: list[Entry], title: str = "RDF Wire") -> bytes:
    seq = "".join(f'<rdf:li rdf:resource="{e.link}"/>' for e in entries)
    items = []
    for e in entries:
        body = f"<description>{_html(e.body)}</description>" if e.body else ""
        author = f"<dc:creator>{e.author}</dc:creator>" if e.author else ""
        items.append(
            f'<item rdf:about="{e.link}"><title>{e.title}</title><link>{e.link}</link>'
            f"{body}<dc:date>{e.date}</dc:date>{author}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="https://news.example.org/"><title>{title}</title>'
        "<link>https://news.example.org/</link><description>News</description>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>" + "".join(items) + "</rdf:RDF>"
    ).encode()


def atom(entries: list[Entry], title: str = "Atom Wire") -> bytes:
    items = []
    for e in entries:
        content = f'<content type="html">{_html(e.body)}</content>' if e.body else ""
        author = f"<author><name>{e.author}</name></author>" if e.author else ""
        items.append(
            f"<entry><id>urn:story:{e.number}</id><title>{e.title}</title>"
            f'<link href="{e.link}"/><updated>{e.date}</updated>{author}{content}</entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:feed</id><updated>2025-05-16T10:00:00Z</updated>"
        + "".join(items)
        + "</feed>"
    ).encode()
