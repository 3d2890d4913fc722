"""The Whoosh schema: one index holding articles and their passages.

Passage documents carry the article's source, title, date and story so a
query such as ``source:EFE prisoners`` filters passages directly. The text
analyzer folds accents ("Dolmabahce" finds "Dolmabahçe") and stems
("prisoner" finds "prisoners"); numbers keep their digits ("1,000" = "1000").
"""

from __future__ import annotations

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"\d+(?:,\d{3})+(?:\.\d+)?|\w+(?:\.\w+)*"


class WordStemFilter(StemFilter):
    """Stems words, but not the stem of a wildcard the user typed.

    Whoosh analyses ``pris*`` like a word (``removestops=False`` marks it);
    stemming it would turn it into ``pri*`` and find "prioritize".
    """

    def __call__(self, tokens):
        stem = self._stem
        for token in tokens:
            if not token.stopped and (token.mode != "query" or token.removestops):
                token.text = stem(token.text)
            yield token


# Entity kinds a query can name, e.g. ``person:Fidan``: searched in ``entity``
# through the canonical entity's aliases (see ``index.search``).
ENTITY_FIELDS = ("person", "organisation", "place", "group", "event")


def text_analyzer() -> Analyzer:
    """Tokenise, lowercase, fold accents, drop stop words, stem."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | SubstitutionFilter(r"(?<=\d),(?=\d)", "")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | WordStemFilter()
    )


def name_analyzer() -> Analyzer:
    """For names (sources, entity aliases): no stemming, accents folded."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


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
