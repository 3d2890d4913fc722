"""What every reader shares: turning text, spans and metadata into an Article."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import dates
from ..model import Article, Passage, Skipped
from ..passages import paragraph_spans

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates (from ``"\\ud800"`` in JSON or a feed) made U+FFFD.

    They cannot be encoded, so one of them would make every later print of the
    corpus (``newsdesk sources``) fail; one character for one keeps offsets.
    """
    return _SURROGATE.sub("\ufffd", text)


@dataclass
class ReadResult:
    """The articles a file holds, and any entries of it that were skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def first_str(meta: Mapping[str, Any], *names: str) -> str | None:
    """The first of ``names`` that ``meta`` gives as a non-empty scalar, as text."""
    for name in names:
        value = meta.get(name)
        if isinstance(value, Mapping):
            value = value.get("name") or value.get("title")
        if isinstance(value, list) and value and not isinstance(value[0], (dict, list)):
            value = ", ".join(str(v) for v in value)
        if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
            return without_surrogates(" ".join(str(value).split()))
    return None


def build_article(
    *,
    article_id: str,
    path: str,
    fmt: str,
    text: str,
    meta: Mapping[str, Any],
    spans: Sequence[tuple[int, int]] | None = None,
    content_hash: str = "",
    notes: Sequence[str] = (),
) -> Article:
    """Assemble an Article; ``spans`` default to the paragraphs of ``text``."""
    text = without_surrogates(text)
    if spans is None:
        spans = paragraph_spans(text)
    passages = tuple(
        Passage(article_id, number, start, end, text[start:end])
        for number, (start, end) in enumerate(spans, 1)
    )
    checked = dates.check(meta.get("date"))
    return Article(
        id=article_id,
        path=path,
        format=fmt,
        text=text,
        title=first_str(meta, "title"),
        source=first_str(meta, "source"),
        date=checked.iso,
        date_raw=checked.raw and without_surrogates(checked.raw),
        date_note=checked.note and without_surrogates(checked.note),
        url=first_str(meta, "url"),
        author=first_str(meta, "author"),
        passages=passages,
        hash=content_hash,
        notes=tuple(notes),
    )
