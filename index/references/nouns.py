"""The nouns a reference may be and what the rules find.

The person nouns a headline calls someone by (with those of a woman, a man and a
teenager), the police nouns, the word pattern every rule reads, and the records:
a :class:`Reference` of one article, a :class:`StoryReference` of a story, and
the ``_Person`` a reference stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention

# Nouns a headline calls a person by. Singular; a plural is not one person.
PERSON_NOUNS = frozenset(
    {"woman", "man", "girl", "boy", "teen", "teenager", "mother", "mom", "father", "dad",
     "grandmother", "grandfather", "grandma", "grandpa", "wife", "husband", "widow", "son",
     "daughter", "actress", "actor", "singer", "rapper", "star", "driver", "motorist",
     "lawyer", "attorney", "inmate", "prisoner", "escapee", "convict", "fugitive", "suspect",
     "gunman", "coach", "player", "climber", "hiker", "doctor", "nurse", "teacher", "student",
     "pilot", "receiver", "quarterback", "lineman", "tackle", "linebacker", "pitcher",
     "boxer", "champion", "striker", "goalkeeper", "captain", "chief", "director",
     "spokesman", "spokeswoman", "officer", "cop", "soldier", "priest", "bishop", "pope",
     "governor", "mayor", "senator", "president", "minister", "businessman", "businesswoman",
     "billionaire", "heiress", "model", "host", "comedian", "author", "writer", "judge",
     "brother", "sister", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
     "granddaughter", "stepmother", "stepfather", "stepmom", "stepdad", "girlfriend",
     "boyfriend", "fiance", "fiancee", "bride", "groom", "neighbour", "neighbor", "swimmer",
     "mountaineer", "skier", "cyclist", "runner", "golfer", "jockey", "footballer",
     "cricketer", "accused", "robber", "thief", "burglar", "killer", "shooter", "murderer",
     "victim", "survivor", "hero", "worker", "employee", "accountant", "manager", "owner",
     "musician", "guitarist", "drummer", "dancer", "producer", "presenter", "anchor",
     "journalist", "reporter", "photographer", "blogger", "activist", "lawmaker",
     "congressman", "congresswoman", "diplomat", "ambassador", "detective", "sheriff",
     "trooper", "firefighter", "surgeon", "physician", "scientist", "professor", "principal",
     "boss", "leader"}
)  # fmt: skip
FEMALE = frozenset(
    {"woman", "girl", "mother", "mom", "grandmother", "grandma", "wife", "widow", "daughter",
     "actress", "spokeswoman", "businesswoman", "heiress", "sister", "aunt", "niece",
     "granddaughter", "stepmother", "stepmom", "girlfriend", "fiancee", "bride",
     "congresswoman"}
)  # fmt: skip
MALE = frozenset(
    {"man", "boy", "father", "dad", "grandfather", "grandpa", "husband", "son", "gunman",
     "spokesman", "businessman", "brother", "uncle", "nephew", "grandson", "stepfather",
     "stepdad", "boyfriend", "fiance", "groom", "congressman"}
)  # fmt: skip
TEEN = frozenset({"teen", "teenager"})
POLICE_NOUNS = frozenset({"police", "cops"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Reference:
    """A common noun at ``start``-``end`` standing for the named mention at
    ``target_start``-``target_end`` of the same article."""

    start: int
    end: int
    text: str
    target_start: int
    target_end: int


@dataclass(frozen=True)
class StoryReference:
    """A headline's common noun at ``start``-``end`` of ``article`` that its own
    article names no one by, standing for the person the other articles of its
    story call so: ``targets`` are those named mentions, as (article, start). It
    joins their entity only where they are all one (see
    :func:`index.entities.merge`)."""

    article: str
    start: int
    end: int
    text: str
    targets: tuple[tuple[str, int], ...]


@dataclass
class _Person:
    """A person of one article: the mentions of one full name and the bare surname
    only it can have; the first full one is the target of what refers to them."""

    target: Mention
    mentions: list[Mention]
