"""Cross-source comparison read back from the index state.

The work (stories, fact groups and relations, related passages) is done at
index time; these functions only look it up, so moving to another passage
costs a dictionary look-up and one stored document.
"""

from __future__ import annotations

from typing import Any

from . import codec
from .model import OmissionMatrix


def cross_source(library: Any, article_id: str, number: int) -> dict[str, Any]:
    """What the other sources say about passage ``number`` of ``article_id``."""
    passage = library.passage(article_id, number)
    if passage is None:
        raise KeyError(f"no passage {number} in article '{article_id}'")
    views = library.views(article_id).get(str(number), {})
    return {
        "passage": {
            "id": article_id,
            "passage": number,
            "start": passage.start,
            "end": passage.end,
            "text": passage.text,
        },
        "related": views.get("related", []),
        "facts": views.get("facts", []),
        "entities": views.get("entities", []),
        "quotes": views.get("quotes", []),
    }


def omission_matrix(library: Any, story_id: str) -> OmissionMatrix:
    """Facts (rows) by sources (columns) for one story (empty for an unknown one)."""
    stored = library.state().get("matrices", {}).get(story_id)
    return codec.from_json(stored, OmissionMatrix) if stored else OmissionMatrix(story_id)
