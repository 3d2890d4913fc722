"""What one user has read, and where they have been, kept between sessions.

Read marks, the back history, marked articles and passages, and named
searches are per user and per corpus (keyed by the index location), saved as
JSON in ``user_state_dir("newsdesk")``. Saving never stops the reader: a
read-only home only means the state is not kept.
No Textual here: the state is plain data the screens ask about.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_state_dir

from index.textio import write_atomic

HISTORY_LIMIT = 100
STATE_FILE = "reading.json"


@dataclass(frozen=True)
class Position:
    """A place in the corpus: an article and a passage number (from 1)."""

    article_id: str
    passage: int = 1


@dataclass(frozen=True)
class Mark:
    """A marked article (``passage`` None) or one passage of it."""

    article_id: str
    passage: int | None = None


@dataclass
class ReadingState:
    """Read marks, back history, marks and saved searches of one corpus, for one user."""

    key: str
    path: Path | None = None
    read: set[str] = field(default_factory=set)
    history: list[Position] = field(default_factory=list)
    last: Position | None = None
    marks: list[Mark] = field(default_factory=list)  # in the order they were made
    searches: dict[str, str] = field(default_factory=dict)  # name -> query

    @classmethod
    def load(cls, key: str, directory: Path | None = None) -> ReadingState:
        """The saved state for ``key``, or a fresh one if there is none or it is unreadable."""
        path = (directory or Path(user_state_dir("newsdesk"))) / STATE_FILE
        state = cls(key=key, path=path)
        try:
            saved = json.loads(path.read_text(encoding="utf-8")).get("corpora", {}).get(key, {})
            state.read = {str(a) for a in saved.get("read", [])}
            state.history = [Position(str(a), int(n)) for a, n in saved.get("history", [])]
            state.last = Position(*saved["last"]) if saved.get("last") else None
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return state
        state.marks, state.searches = _marks(saved), _searches(saved)
        return state

    def is_read(self, article_id: str) -> bool:
        return article_id in self.read

    def mark_read(self, article_id: str, read: bool = True) -> None:
        if read:
            self.read.add(article_id)
        else:
            self.read.discard(article_id)

    def push(self, position: Position) -> None:
        """Remember where the user was before a jump, so Back can return there."""
        if not self.history or self.history[-1] != position:
            self.history.append(position)
            del self.history[:-HISTORY_LIMIT]

    def back(self) -> Position | None:
        return self.history.pop() if self.history else None

    def is_marked(self, mark: Mark) -> bool:
        return mark in self.marks

    def toggle_mark(self, mark: Mark) -> bool:
        """Mark ``mark``, or unmark it if it was; True if it is marked now."""
        if mark in self.marks:
            self.marks.remove(mark)
            return False
        self.marks.append(mark)
        return True

    def save_search(self, name: str, query: str) -> None:
        """Keep ``query`` under ``name`` (a name used before now names this query)."""
        self.searches[name] = query

    def save(self) -> bool:
        """Write the state atomically; False if it could not be written."""
        if self.path is None:
            return False
        try:
            data = self._read_all()
            data.setdefault("corpora", {})[self.key] = {
                "read": sorted(self.read),
                "history": [[p.article_id, p.passage] for p in self.history],
                "last": [self.last.article_id, self.last.passage] if self.last else None,
                "marks": [[m.article_id, m.passage] for m in self.marks],
                "searches": dict(self.searches),
            }
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1), ".reading-")
        except OSError:
            return False
        return True

    def _read_all(self) -> dict:
        """Every corpus's state, so saving one keeps the others."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def _marks(saved: dict) -> list[Mark]:
    """The saved marks; a damaged entry is left out, not the others with it."""
    marks: list[Mark] = []
    for item in saved.get("marks") or []:
        try:
            article, passage = item
            mark = Mark(str(article), None if passage is None else int(passage))
        except (TypeError, ValueError):
            continue
        if mark not in marks:
            marks.append(mark)
    return marks


def _searches(saved: dict) -> dict[str, str]:
    found = saved.get("searches")
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, str) and v.strip()}
