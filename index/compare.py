"""Cross-source comparison read back from the index state.

The work (stories, fact groups and relations, related passages) is done at
index time; these functions only look it up, so moving to another passage
costs a dictionary look-up and one stored document.
"""

from __future__ import annotations

from typing import Any

from . import codec
from .model import CrossSourceView, OmissionMatrix, PassageView


def cross_source(library: Any, article_id: str, number: int) -> CrossSourceView:
    """What the other sources say about passage ``number`` of ``article_id``."""
    passage = library.passage(article_id, number)
    if passage is None:
        article = library.article(article_id)
        count = len(article.passages) if article is not None else 0
        has = f": its passages are 1 to {count}" if count > 1 else ""
        raise KeyError(f"no passage {number} in article '{article_id}'{has}")
    stored = library.store.views(article_id).get(str(number))
    view = codec.from_json(stored, PassageView) if stored else PassageView()
    return CrossSourceView(passage, view.related, view.facts, view.entities, view.quotes)


def passage_views(stored: dict[str, Any]) -> dict[int, PassageView]:
    """An article's stored views (by passage number, as JSON keys them) read back."""
    return {int(number): codec.from_json(view, PassageView) for number, view in stored.items()}


def omission_matrix(library: Any, story_id: str) -> OmissionMatrix:
    """Facts (rows) by sources (columns) for one story (empty for an unknown one)."""
    stored = library.state().get("matrices", {}).get(story_id)
    return codec.from_json(stored, OmissionMatrix) if stored else OmissionMatrix(story_id)
