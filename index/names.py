"""Name keys: the plain form two spellings of one name share, acronym initials,
and the table of given names and their nicknames.

:mod:`index.entities` groups mentions by these keys and :mod:`index.gazetteer`
looks GeoNames names up by the same keys, so they live here, where both can
import them without importing each other. Nothing heavier than ``anyascii`` is
imported, so computing a search key stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Words acronyms usually leave out ("Organisation of the Islamic Cooperation": OIC).
SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "des"})
# Words in lower case a name may hold between its capitalised words: particles of
# surnames and of names in other languages ("Vincent van Gogh", "Osama bin Laden",
# "David dal Maso", "Médecins sans Frontières"), not a description ("Balco boss
# Victor Conte").
PARTICLES = frozenset(
    {"de", "da", "di", "dal", "del", "della", "dei", "degli", "do", "dos", "das", "du", "des",
     "van", "von", "der", "den", "dem", "ten", "ter", "zu", "und", "af", "bin", "bint", "ibn",
     "ben", "abu", "al", "el", "la", "le", "les", "y", "e", "et", "au", "aux", "sur", "sous",
     "en", "sans"}
)  # fmt: skip

_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?!\w)")
_DOTTED = re.compile(r"\b[a-z]\.(?: ?[a-z]\.)+|\b(?:[a-z]\.)+[a-z]\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 17)  # a corpus names the same few names again and again
def alias_key(text: str) -> str:
    """The form two spellings must share to be the same alias (and the search key).

    Accent-folded, lowercased, without possessive, leading "the" or the dots of an
    abbreviation: "the U.N.'s" -> "un", "Dolmabahçe" -> "dolmabahce".
    """
    folded = _POSSESSIVE.sub("", anyascii(text).lower())
    folded = _DOTTED.sub(lambda match: match.group().replace(".", "").replace(" ", ""), folded)
    words = _NON_WORD.sub(" ", folded.replace("'", "")).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names in lower case, those of :func:`nickname_pairs`
    ("ernie", "willie", "elizabeth")."""
    return frozenset(name for pair in nickname_pairs() for name in pair)


@lru_cache(maxsize=1)
def nickname_pairs() -> tuple[tuple[str, str], ...]:
    """(given name, nickname) pairs of English given names, in lower case: the
    hand-curated table of the ``nicknames`` package (read when first asked)."""
    from nicknames import NickNamer

    return tuple(
        (name, nickname)
        for name, nicknames in NickNamer().nickname_lookup.items()
        for nickname in nicknames
    )


def initials_of(tokens: list[str]) -> set[str]:
    """What an acronym of these words may spell, with and without the small words."""
    kept = [t for t in tokens if t not in SMALL_WORDS]
    return {"".join(t[0] for t in tokens), "".join(t[0] for t in kept)}


# Words before a name that say what the person is, not who ("Mr Blair", "Defense
# Minister Rustem Umerov", "actress Lindsay Lohan"). Mrs, Ms and Miss are kept: "Mrs
# Blair" is not Tony Blair.
ROLES = frozenset(
    [
        "mr",
        "dr",
        "sir",
        "lord",
        "prof",
        "professor",
        "rev",
        "reverend",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "congressman",
        "congresswoman",
        "rep",
        "representative",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "attorney",
        "lawyer",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "maj",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "corporal",
        "cpl",
        "constable",
        "const",
        "superintendent",
        "supt",
        "det",
        "officer",
        "detective",
        "inspector",
        "commander",
        "admiral",
        "ambassador",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "bishop",
        "archbishop",
        "cardinal",
        "sheikh",
        "chairman",
        "chairwoman",
        "chief",
        "executive",
        "ceo",
        "director",
        "spokesman",
        "spokeswoman",
        "coach",
        "manager",
        "actor",
        "actress",
        "singer",
        "rapper",
        "comedian",
        "star",
        "striker",
        "defender",
        "midfielder",
        "goalkeeper",
        "captain",
        "skipper",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "health",
        "justice",
        "state",
        "former",
        "late",
    ]
)


# Words after a surname that are not the surname ("Arcade Joseph Comeaux Jr.").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def without_suffix(words: list[str]) -> list[str]:
    """A name's words without a trailing generational suffix (Jr., Sr., III)."""
    while len(words) > 1 and words[-1].lower().rstrip(".,") in SUFFIXES:
        words = words[:-1]
    return words
