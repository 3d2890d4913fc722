"""The order the sources list shows articles in, and the head of it.

Articles are grouped by story, stories in the order the analysis ranks them,
and the articles in no story come last. The first :data:`HEAD` articles of that
order are stored with every commit in a document of their own, so the reader
draws its first screen from a few hundred rows, whatever the corpus size; the
whole listing follows a moment later.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from .model import Story

HEAD = 300  # articles in the head document: several screens of the list

Row = TypeVar("Row", bound=Sequence[Any])


def arrange(rows: Iterable[Row], stories: Sequence[Story]) -> list[tuple[str | None, list[Row]]]:
    """``rows`` (each starting with an article id) by story, in story order, as
    ``(story title, rows)``; the rows in no story last, under ``None``. An article
    is shown once, in the first story that names it."""
    by_id = {row[0]: row for row in rows}
    seen: set[str] = set()
    found: list[tuple[str | None, list[Row]]] = []
    for story in stories:
        members = [by_id[i] for i in story.articles if i in by_id and i not in seen]
        seen.update(row[0] for row in members)
        if members:
            found.append((story.title or story.id, members))
    rest = [row for article_id, row in by_id.items() if article_id not in seen]
    if rest:
        found.append((None, rest))
    return found


def head(rows: Iterable[Row], stories: Sequence[Story], size: int | None = None) -> dict[str, Any]:
    """The first ``size`` (:data:`HEAD`) articles as the list shows them: ``{"total":
    articles, "groups": [[story title or None, articles in the story, [rows]]]}``."""
    groups, left, total = [], HEAD if size is None else size, 0
    for title, members in arrange(rows, stories):
        total += len(members)
        if left > 0:
            groups.append([title, len(members), list(members[:left])])
            left -= len(members)
    return {"total": total, "groups": groups}
