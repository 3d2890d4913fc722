"""Name keys and spelling forms: how a mention's name is keyed, shown and compared.

An alias key without a nickname or the role before a name, the spelling shown, a
word's romanised form, a company's plain name, and given names with their familiar
forms. Every rule of the merge compares names through these, so they sit apart
from the rules that use them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import ENTITY_KINDS, Mention
from ..names import ROLES, SUFFIXES, alias_key, nickname_pairs, without_suffix

# An editor's bracket within a name: closed after a word, before the next ("Barack]
# Obama"), or opened before it ("[Barack] Obama"); not a terminal's escape ("\x1b]0;").
_EDITORS_BRACKET = re.compile(r"(?<=[\w.])\](?= )|^\[(?=\w[^\[\]]*\] )")
_SPELLING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPELLING_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$", re.IGNORECASE)
# Romanisations of one name differ in these spellings (Zelenskyy / Zelenskiy, Kyjiv).
_TRANSLIT = ((re.compile(r"x"), "ks"), (re.compile(r"(?<=\w)[yj]"), "i"), (re.compile("w"), "v"),
             (re.compile("ph"), "f"), (re.compile("tz"), "ts"), (re.compile("ou"), "u"),
             (re.compile(r"(.)\1+"), r"\1"))  # fmt: skip


# The fewest letters of a name whose romanisation variants are one name.
_ROMANISED = 6


# What a company's name may end with or not ("Intel Corp." / "Intel").
_COMPANY_FORMS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
     "plc", "ag", "sa", "nv", "gmbh", "group", "holdings", "usa"}
)  # fmt: skip
# What may end a person's name after it: a generational suffix or a regnal
# number ("Pius XII", "John XXIII"), which is no surname ("xii" would read "xi",
# its letters doubled, and Xi Jinping join the pope). Not "XI" nor "VI", names too.
_NUMBERED = SUFFIXES | frozenset(
    {"vii", "viii", "ix", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
     "xxi", "xxii", "xxiii"}
)  # fmt: skip
# British and American spellings of words common in names of organisations and places,
# and the words a name is shortened to ("Lib Dems", "Warner Bros.").
_SPELLINGS = {"centre": "center", "theatre": "theater", "organisation": "organization",
              "defence": "defense", "labour": "labor", "programme": "program",
              "lib": "liberal", "dem": "democrat", "dems": "democrats",
              "bros": "brothers"}  # fmt: skip


def _plain(tokens: list[str]) -> str:
    while len(tokens) > 1 and tokens[-1] in _COMPANY_FORMS:
        tokens = tokens[:-1]
    return " ".join(_SPELLINGS.get(token, token) for token in tokens)


@lru_cache(maxsize=1 << 17)
def _spelling(text: str) -> str:
    """How an alias is shown: the source's spelling, minus "the", a possessive
    and an editor's bracket closed inside the name ("Barack] Obama" of
    "[President Barack] Obama" is Barack Obama)."""
    text = " ".join(_EDITORS_BRACKET.sub("", text).split())
    text = _SPELLING_POSSESSIVE.sub("", text)
    stripped = _SPELLING_THE.sub("", text)
    return stripped or text


def _translit(token: str) -> str:
    """A name's word with the usual romanisation variants made equal (see
    :func:`_romanised`); a short one as it is written, its variants being other
    names ("Scott" and "Scot", "Allan" and "Alan", "Bay" and "Bai", "Wu" and "Vu")."""
    return token if len(token) < _ROMANISED else _romanised(token)


@lru_cache(maxsize=1 << 16)
def _romanised(token: str) -> str:
    """A token with the usual romanisation variants made equal."""
    for pattern, replacement in _TRANSLIT:
        token = pattern.sub(replacement, token)
    return token


def _vote(kinds: Counter[str]) -> str:
    """The most common kind; ties go to the kind listed first in ENTITY_KINDS."""
    return min(kinds, key=lambda kind: (-kinds[kind], ENTITY_KINDS.index(kind)))


@lru_cache(maxsize=1 << 16)  # asked of every mention by several rules
def _is_abbreviation(spelling: str) -> bool:
    """Written like an acronym: capitals, optionally dotted (UN, U.N., NATO)."""
    letters = spelling.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_NICKNAME = re.compile(
    r"\s+(?:[\"“”][^\"“”]{1,30}[\"“”]|['‘’][^'‘’]{1,20}['‘’]|\([^()]{1,20}\))(?=\s)"
)


def _key(mention: Mention) -> str:
    """A mention's alias key; a person's without a quoted nickname or the words
    before the name that say what the person is."""
    return _key_of(mention.text, mention.kind == "person")


@lru_cache(maxsize=1 << 17)  # worked out once per spelling, not per mention
def _key_of(text: str, person: bool) -> str:
    key = alias_key(_without_nickname(text))
    if person:
        tokens = key.split()
        while len(tokens) > 1 and tokens[0] in ROLES:
            tokens = tokens[1:]
        key = " ".join(tokens)
    return key


def _without_nickname(text: str) -> str:
    """A name without a nickname in quotes or brackets: 'Vincent "The Chin"
    Gigante' -> Vincent Gigante, "Kimani (Kiki) Gray" -> Kimani Gray."""
    plain = _NICKNAME.sub("", text)
    return plain if plain != text and " " in plain.strip() else text


def _surname(tokens: list[str]) -> str:
    return without_suffix(tokens)[-1]


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names the nickname list knows ("elizabeth", "george")."""
    return frozenset(name for pair in _nicknames() for name in pair)


def _familiar(given: str, other: str, nicknames: bool = True) -> bool:
    """A familiar form of a given name (compared in ``_romanised`` forms): one a
    nickname of the other in a curated table ("Joe" / "Joseph", "Dick" /
    "Richard", "Bill" / "William"), or one begins the other, or they share their
    first three letters ("Fred" / "Frederick", "Katie" / "Kathryn"); not initials."""
    given, other = _romanised(given), _romanised(other)
    if given == other or min(len(given), len(other)) < 2:
        return False
    if nicknames and ((given, other) in _nicknames() or (other, given) in _nicknames()):
        return True
    if min(len(given), len(other)) < 3:
        return False
    return given.startswith(other) or other.startswith(given) or given[:3] == other[:3]


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    """(nickname, given name) pairs of English given names, in ``_romanised`` forms:
    the hand-curated table of the ``nicknames`` package (2,600 pairs), less the
    pairs of two short names ("Anna" / "Anne", "Bob" / "Rob", "Jack" / "John"):
    two people so named are as often two people."""
    return frozenset(
        (_romanised(nickname), _romanised(name))
        for name, nickname in nickname_pairs()
        if max(len(name), len(nickname)) > 4
    )
