"""How text becomes words in the index, the same for every engine.

The text analyzer folds accents ("Dolmabahce" finds "Dolmabahçe") and stems
("prisoner" finds "prisoners"); numbers keep their digits ("1,000" = "1000").
Names (sources, entity aliases) are folded but not stemmed. Whoosh's analysis
chain does the work for every engine (another engine indexes the words it
makes), so a query means the same whichever engine runs it.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
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


@lru_cache(maxsize=200_000)
def index_form(word: str) -> str | None:
    """What the index holds for one word of text (None for a stop word), worked
    out once: highlighting asks for the same words again and again."""
    for token in _text()(word, removestops=False, mode="index"):
        return None if token.stopped else token.text
    return None


@lru_cache(maxsize=1)
def _text() -> Analyzer:
    return text_analyzer()
