"""The Whoosh schema: one index holding articles and their passages.

Passage documents carry the article's source, title, date and story so a
query such as ``source:EFE prisoners`` filters passages directly (the fields
are those of :mod:`index.engines.base`; the analysis is :mod:`.words`).
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .words import name_analyzer, text_analyzer


def build_schema() -> Schema:
    """The one schema. ``uid`` is unique within a ``kind``: an article id, or
    ``id#pN`` for a passage (see ``index.store.numbers_of``: a file may be named
    like another kind's uid, so ``uid`` alone is not a key)."""
    text = text_analyzer()
    names = name_analyzer()
    schema = Schema(
        uid=ID(unique=True, stored=True),
        kind=ID(stored=True),
        article=ID(stored=True),
        path=ID(stored=True),
        number=NUMERIC(stored=True),
        start=STORED(),
        end=STORED(),
        source=TEXT(analyzer=names, stored=True),
        title=TEXT(analyzer=text, stored=True),
        date=ID(stored=True),
        story=ID(stored=True),
        text=TEXT(analyzer=text, stored=True, phrase=True),
        entity=KEYWORD(commas=True, lowercase=True, scorable=True),
        fact=KEYWORD(commas=True, lowercase=True),
        relation=KEYWORD(commas=True, lowercase=True),
        # File state, on article and skipped-file documents, for incremental runs.
        size=STORED(),
        mtime=STORED(),
        hash=ID(stored=True),
        data=STORED(),
    )
    return schema


SCHEMA = build_schema()
