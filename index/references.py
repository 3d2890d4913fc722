"""Common nouns that stand for a named entity within one article.

A headline calls people by what they are ("Woman Killed in Queens Hit-And-Run",
"Chargers' Receiver Arrested") and a sentence may open with "Police" for the
force its article names. Such a word is a mention of that entity (it belongs to
its mentions and its coverage) but never one of its names: the corpus-wide merge
(:func:`index.entities.merge`) adds it to the entity of its target without making
it an alias or the displayed name.

A common noun is linked only on evidence in its own article, and only where
exactly one candidate has it. The candidates are a headline's capitalised person
nouns ("Woman", "RECEIVER"), a person noun after a place's or a people's name
anywhere ("a Brownsville mother of 12"; the span takes the name in), or after an
organisation's where it opens its sentence ("A suspected Mafia boss arrested
..."), and "Police" or "Cops" in a headline or opening a passage. The evidence:

- the noun right before a person's name is that person's title ("President
  Obama"; before a one-word name only a title such as "President");
- the text calls one person by that noun: before the name ("wide receiver Vincent
  Jackson", "Lohan's attorney, Shawn Holley"), in an apposition that closes
  ("Robert Buckley, 32, a British climber,"), with a copula ("Jackson is a
  receiver"), "identified as", or a headline's "as" ("Hire Maurice Cheeks as Head
  Coach"); with a name before the noun ("Texas inmate"), that name must be there too;
- a teenager ("Teen") is the one person given an age from 13 to 19
  ("16-year-old Kimani Gray");
- a headline's noun the lead introduces ("A 32-year-old British climber"), or the
  lead's own subject ("A suspected Mafia boss arrested ... has been found dead"),
  is the person whose name opens the next sentence, where the lead brings in no
  other of the headline's nouns and not both a man and a woman;
- a headline's "Woman", "Mother", "Man" is the one person named with "she" or
  "her" ("he", "his") in the name's own sentence, where the body itself writes the
  noun in lower case;
- "Police" or "Cops" is the one police force the article names ("NYPD");
- a headline's capitalised noun that ends the one longer name of a thing its body
  names and writes in lower case is that thing ("Palin's Church": the Wasilla Bible
  Church), unless another word qualifies it ("Different Rehab Centre").

A headline's one word the model tagged as a name that a reference reads as a
common noun ("Church") is no name (:func:`common_nouns`).

Once stories are grouped, a headline's person noun that its own article calls no
one by ("Lawyer: Lindsay Lohan checks into rehab"), and "Police" in an article that
names no force, is read in the story's other articles (:func:`story_references`):
the people they call by that noun with the same evidence, or the forces they name.
The merge links it only where all of those are one entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Article, Mention
from .names import ROLES

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
# Words that end a noun phrase between a name and the noun: "Buckley, 32, was
# climbing to a small hut" says nothing of what he is.
_STOP = frozenset(
    {"and", "or", "but", "for", "of", "with", "to", "from", "by", "in", "on", "at", "was", "is",
     "were", "are", "has", "had", "have", "said", "says", "told", "who", "which", "that", "after",
     "before", "when", "while", "as", "than"}
)  # fmt: skip
_AGE = re.compile(r"\b(1[3-9])[-\s]year[-\s]old\s+$")
_AGE_AFTER = re.compile(r"^\s*,\s*(1[3-9])\s*,")
_FEMALE_WORDS = re.compile(r"\b(?:she|her|herself)\b", re.IGNORECASE)
_MALE_WORDS = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_NOT_A_PERSON = re.compile(r"\b(?:in|of|from|at|near|to|a|an)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# A name that opens its sentence, after an age or a title at most.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?:\d+-year-old\s+|[A-Z][a-z]{0,3}\.?\s+)?$")
_QUOTED = re.compile(r"\b(?:said|says|told|according|spokes\w*)\b", re.IGNORECASE)
_POLICE_NAME = re.compile(r"\bpolice\b|\bsheriff|^[A-Z]{1,4}PD$", re.IGNORECASE)


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


def find_references(article: Article, mentions: Sequence[Mention]) -> list[Reference]:
    """The common nouns of ``article`` that stand for one of its named ``mentions``
    (see the module's rules), in text order."""
    text = article.text
    heads = _headlines(article)
    body_start = heads[-1][1] if heads else 0
    people = _people(mentions, text, body_start)
    forces = {m.text.casefold(): m for m in mentions if _is_force(m)}
    found = []
    in_headline = [m for m in mentions if m.end <= body_start and " " not in m.text]
    body_words = set(_LOWER.findall(text, body_start)) if in_headline else set()
    taken = [
        (m.start, m.end) for m in mentions if not _common_in_headline(m, body_start, body_words)
    ]
    candidates = _candidates(text, article, heads, mentions)
    nouns = {noun for _, _, at, noun in candidates if at < body_start} - POLICE_NOUNS
    named_after = _titled(text, mentions)
    for start, end, at, noun in candidates:
        if any(s <= at < e for s, e in taken):
            continue
        if noun in POLICE_NOUNS:
            target = next(iter(forces.values())) if len(forces) == 1 else None
        elif end in named_after:  # "President Obama": the title of the name it precedes
            target = named_after[end]
        else:
            target = _person_for(noun, (start, end, at), text, people, body_start, nouns)
        if target is not None:
            found.append(Reference(start, end, text[start:end], target.start, target.end))
    found.extend(_heads_named(text, heads, body_start, mentions, taken))
    return sorted(found, key=lambda r: r.start)


_BEFORE_WORD = re.compile(r"([\w'’.-]+)\s+$")


def _fits(before: str, name: str) -> bool:
    """Whether the headline word before the noun leaves it the thing named: a small
    word, a possessive ("Palin's Church") or a word of the name; not another
    modifier ("Different Rehab Centre", "Obama Administration")."""
    match = _BEFORE_WORD.search(before)
    if not match:
        return True
    word = match.group(1)
    if word.casefold() in _SMALL_WORDS or re.search(r"['’]s?$", word):
        return True
    return word.casefold() in {w.casefold() for w in _WORD.findall(name)}


_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def _common_in_headline(mention: Mention, body_start: int, body_words: set[str]) -> bool:
    """A headline's one word that the model took for a name but its body writes in
    lower case ("Church", "Woman"): a common noun, free to stand for a name."""
    word = mention.text.removesuffix("'s").removesuffix("’s")
    return mention.end <= body_start and word.isalpha() and word.casefold() in body_words


def common_nouns(mentions: Sequence[Mention], references: Sequence[Reference]) -> list[Mention]:
    """``mentions`` without those a reference now reads as a common noun (the
    model's "Church" in "Palin's Church Damaged"): they are no names."""
    spans = {(r.start, r.end) for r in references}
    return [m for m in mentions if (m.start, m.end) not in spans or " " in m.text]


def _heads_named(
    text: str,
    heads: list[tuple[int, int]],
    body_start: int,
    mentions: Sequence[Mention],
    taken: list[tuple[int, int]],
) -> list[Reference]:
    """A headline's capitalised common noun that ends the one longer name of a
    thing its body gives ("Palin's Church Damaged" where the body names the
    "Wasilla Bible Church" and writes "the church"): the definite description by
    its head word. Not for people ("Smith" is no common noun)."""
    by_head: dict[str, dict[str, Mention]] = {}
    for mention in mentions:
        words = _WORD.findall(mention.text)
        if mention.kind in _THINGS and len(words) >= 2 and mention.start >= body_start:
            head = words[-1].casefold().removesuffix("'s").removesuffix("’s")
            by_head.setdefault(head, {}).setdefault(mention.text.casefold(), mention)
    found = []
    body = text[body_start:]
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            word = match.group().removesuffix("'s").removesuffix("’s")
            named = by_head.get(word.casefold(), {})
            if (
                len(named) == 1
                and word[:1].isupper()
                and not any(s <= match.start() < e for s, e in taken)
                and re.search(rf"\b{re.escape(word.casefold())}\b", body)
                and _fits(text[start : match.start()], next(iter(named.values())).text)
            ):
                (target,) = named.values()
                at = match.start()
                found.append(Reference(at, at + len(word), word, target.start, target.end))
    return found


def _titled(text: str, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """People named right after a word, by where that word ends: "President
    Obama", "wide receiver Vincent Jackson". A one-word name only after a title
    ("Wife Swap" is a programme's name, not a wife's)."""
    found = {}
    for mention in mentions:
        at = mention.start - 1
        if mention.kind != "person" or text[at : at + 1] != " ":
            continue
        before = _LAST_WORD.search(text, max(0, at - 20), at)
        title = before is not None and before.group().casefold() in ROLES
        if " " in mention.text.strip() or title:
            found[at] = mention
    return found


_LAST_WORD = re.compile(r"[A-Za-z]+$")


def _headlines(article: Article) -> list[tuple[int, int]]:
    """The article's title, where its text holds it."""
    from .mentions import title_span

    span = title_span(article)
    return [span] if span else []


# What ends an apposition: "Gary Speed, the Greek striker found the corner" is a
# clause of its own, "Thomas, the Wales captain)" and "Lohan, the actress, said" not.
_CLOSED = r"\b(?=\s*(?:[,.;:)!?'\"”’]|$)|\s+(?:of|in|at|for|from|who|with|and|since)\b)"
# Whose the noun is, before an apposition's comma: "Lohan's attorney, Shawn Holley".
_OWNED = re.compile(
    r"(?:['’]s?|\b(?:his|her|their|its|the|a|an|of))\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)
_NEXT_WORD = re.compile(r" ([A-Za-z]+)\b")
_FOLLOWING = re.compile(r" ([\w'’-]+)")
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])")
_OF_COUNT = re.compile(r"\s+of\s+\d+\b")
_MODIFIERS = ("place", "group", "organisation")
_THINGS = ("organisation", "place", "other", "event")
_SMALL_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "into", "at", "on", "to", "for", "from", "by", "with", "and"}
)


def _candidates(
    text: str, article: Article, heads: list[tuple[int, int]], mentions: Sequence[Mention]
) -> list[tuple[int, int, int, str]]:
    """Person and police nouns that may stand for a name, as (start, end, where the
    noun is, the noun): in a headline any with a capital ("Woman"); anywhere one
    after a place or people's name ("a Brooklyn mother of 12", "San Diego lineman"),
    whose span takes that name in; "Police" or "Cops" beginning a passage."""
    nouns: dict[int, tuple[int, int, str]] = {}  # where the noun is: start, end, noun
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            word = match.group().removesuffix("'s").removesuffix("’s")
            if word[0].isupper() and word.casefold() in PERSON_NOUNS:
                nouns[match.start()] = (match.start(), match.start() + len(word), word.casefold())
    for mention in mentions:  # a person noun right after a place's, a people's or a body's name
        after = _NEXT_WORD.match(text, mention.end) if mention.kind in _MODIFIERS else None
        if after and after.group(1).casefold() in PERSON_NOUNS:
            if mention.kind == "organisation" and not _opens_sentence(text, mention.start):
                continue  # "A Mafia boss ..." leads; "Arsenal captain Tony Adams" is a title
            nouns[after.start(1)] = (mention.start, after.end(1), after.group(1).casefold())
    found = []
    for at, (start, end, noun) in nouns.items():
        count = _OF_COUNT.match(text, end)
        found.append((start, count.end() if count else end, at, noun))
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            if match.group()[0].isupper() and match.group().casefold() in POLICE_NOUNS:
                found.append((match.start(), match.end(), match.start(), match.group().casefold()))
    for passage in article.passages:
        first = _WORD.match(text, passage.start)
        if first and first.end() <= passage.end and first.group().casefold() in POLICE_NOUNS:
            found.append((first.start(), first.end(), first.start(), first.group().casefold()))
    return sorted(found)


def _is_force(mention: Mention) -> bool:
    """A police force's name: "NYPD", "New York Police", "the Sheriff's Office"."""
    return mention.kind == "organisation" and bool(_POLICE_NAME.search(mention.text.strip()))


def _people(mentions: Sequence[Mention], text: str, body_start: int) -> list[_Person]:
    """The article's people, each named in the body: a full name with the bare
    surnames that can only be that person's (two McDermotts share none); a name
    of one word alone, unless written after "in", "of" or "a" ("of Burnsville",
    "a Sikh tradition": not a person the model took it for)."""
    people: dict[str, list[Mention]] = {}
    bare: dict[str, list[Mention]] = {}
    for mention in sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start):
        words = [w for w in _WORD.findall(mention.text) if w.casefold().rstrip(".") not in ROLES]
        if not words:
            continue
        surname = words[-1].casefold().removesuffix("'s").removesuffix("’s")
        if len(words) >= 2:
            people.setdefault(" ".join(words).casefold(), []).append(mention)
        else:
            bare.setdefault(surname, []).append(mention)
    fulls: dict[str, list[str]] = {}
    for key in people:
        fulls.setdefault(key.rsplit(" ", 1)[-1].removesuffix("'s"), []).append(key)
    for surname, found in bare.items():
        keys = fulls.get(surname, [])
        if len(keys) == 1:
            people[keys[0]].extend(found)
        elif not keys and not any(
            _NOT_A_PERSON.search(text, max(0, m.start - 8), m.start) for m in found
        ):
            people[surname] = found
    result = []
    for found in people.values():
        found.sort(key=lambda m: m.start)
        body = [m for m in found if m.start >= body_start]
        full = [m for m in body if len(_WORD.findall(m.text)) >= 2]
        if body:
            result.append(_Person((full or body)[0], found))
    return result


def _person_for(
    noun: str,
    candidate: tuple[int, int, int],
    text: str,
    people: list[_Person],
    body_start: int,
    nouns: set[str],
) -> Mention | None:
    """The one person the text calls by ``noun``, or None. ``candidate`` is where
    the reference starts, ends and has its noun: a name before the noun ("U.S.
    Attorney") must be the one the text gives the person ("District Attorney Paul
    Howard" is another attorney)."""
    start, _, at = candidate
    modifier = text[start:at].split()
    called = [p for p in people if any(_called(noun, m, text, []) for m in p.mentions)]
    if modifier and called:  # every one so called, and so with that name before the noun
        fits = [p for p in called if any(_called(noun, m, text, modifier) for m in p.mentions)]
        if len(fits) < len(called):
            return None
    headline = at < body_start
    if not called and (headline or _opens_sentence(text, start)):
        # A headline's noun, or the subject of the lead: "A suspected Mafia boss ..."
        called = _introduced(noun, at, text, people, body_start, nouns)
    if not called and noun in TEEN:
        called = [p for p in people if any(_teen(m, text) for m in p.mentions)]
    gendered = noun in FEMALE or noun in MALE
    if not called and headline and gendered and _written_lower(noun, text, body_start):
        called = _by_pronoun(noun in FEMALE, people, text)
    return called[0].target if len(called) == 1 else None


_SUBJECT = re.compile(r"(?:a|an)\s+(?:[\w'’-]+\s+){0,3}", re.IGNORECASE)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the noun phrase at ``start`` is its sentence's subject, brought in
    by "a" or "an" and at most three words: "A suspected Mafia boss ...", not
    "a verdict for one of the men accused of murdering a Brownsville mother"."""
    return _SUBJECT.fullmatch(_sentence_before(text, start, 60).lstrip()) is not None


def _sentence_before(text: str, at: int, reach: int) -> str:
    """The words of ``at``'s sentence before it, at most ``reach`` characters."""
    return _SENTENCE_END.split(text[max(0, at - reach) : at])[-1]


def _called(noun: str, mention: Mention, text: str, modifier: list[str]) -> bool:
    """Whether the text says the person of ``mention`` is a ``noun`` (with the
    name before it in ``modifier``, if any, or none)."""
    before = text[max(0, mention.start - 40) : mention.start]
    before = before.rsplit("\n", 1)[-1]  # within its line: a headline does not run on
    match = re.search(rf"(\S+\s+)?\b({noun})(?:\s+of\s+\d+)?\s*(,?)\s*$", before, re.IGNORECASE)
    if match:
        word = (match.group(1) or "").strip()
        if match.group(3) and not _OWNED.search(before, 0, match.start(2)):
            return False  # "as US President, Tony Blair has said": a clause, not a title
        if match.group(2)[0].isupper() and len(_WORD.findall(mention.text)) < 2:
            return False  # "Wife Swap": a title of something, not a wife named Swap
        # "36-year-old champion Klitschko" may be "the Ukrainian champion"; "including
        # captain Tana Umaga" is no "France captain", "met President Bush" no
        # "Pakistani president".
        return not modifier or word in modifier or any(c.isdigit() for c in word)
    if re.search(
        rf"\b{noun}\b[^.\n]{{0,40}}\bidentified\s+(?:him|her\s+)?as\s+$", before, re.IGNORECASE
    ):
        return True
    after = text[mention.end : mention.end + 80].split("\n", 1)[0]
    match = re.match(
        r"^(?:['’]s)?\s*(?:,\s*(?:\d+\s*,\s*)?(?:who\s+(?:is|was)\s+)?|\s+(?:is|was|as)\s+)"
        r"((?:a|an|the|its|their|his|her|new)\s+)?((?:[\w'’-]+\s+){0,3}?)" + noun + _CLOSED,
        after,
        re.IGNORECASE,
    )
    if not match:
        return False
    words = match.group(2).split()
    if any(w.casefold() in _STOP for w in words):
        return False
    if modifier and not set(modifier) <= set(words):
        return False  # "Audrey Tautou, star of Amelie" is no "Hollywood star"
    # Without an article, only a headline's capitalised words or ages stand between.
    return bool(match.group(1)) or all(w[0].isupper() or w[0].isdigit() for w in words)


def _introduction(noun: str) -> re.Pattern[str]:
    """How a lead brings in someone it names later: "a 59-year-old woman", "an
    escaped inmate", for a teenager "an 18-year-old"."""
    if noun in TEEN:
        return re.compile(
            r"\b(?:a|an)\s+1[3-9]-year-old\b|\b(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?teen(?:ager)?\b",
            re.IGNORECASE,
        )
    return re.compile(rf"\b(?:a|an)\s+((?:[\w'’-]+\s+){{0,3}}?){noun}\b", re.IGNORECASE)


def _introduced(
    noun: str, at: int, text: str, people: list[_Person], body_start: int, nouns: set[str]
) -> list[_Person]:
    """The person a news lead introduces by ``noun`` and names next: "A 32-year-old
    British climber ... Robert Buckley, 32, was climbing". Only where the lead
    before that name brings in no other of the headline's nouns ("An intoxicated
    driver ... a woman": either could be the one named) and the name is no one
    quoted ("said Sheriff ...")."""
    first = min(
        (m for p in people for m in p.mentions if m.start >= body_start),
        key=lambda m: m.start,
        default=None,
    )
    if first is None or at > first.start or not _SENTENCE_START.search(text, 0, first.start):
        return []  # the name is its sentence's subject: "An Atlanta judge sentenced Nichols"
    lead = text[body_start : first.start]
    if len(lead) > 600 or not _is_introduction(_introduction(noun), lead):
        return []
    if any(_is_introduction(_introduction(other), lead) for other in nouns - {noun}):
        return []
    genders = {g for g, words in (("f", FEMALE), ("m", MALE)) if noun in words}
    genders |= {g for g, words in (("f", FEMALE), ("m", MALE)) if _introduces(words, lead)}
    if len(genders) > 1:
        return []  # "A man ... killed a Burnsville woman": the next name may be either
    if _QUOTED.search(_sentence_before(text, first.start, 30) + text[first.start : first.end + 30]):
        return []
    chosen = [p for p in people if first in p.mentions]
    if noun in FEMALE or noun in MALE:  # "a Brownsville mother ... Andrew Lopez, 20, ... he"
        chosen = [p for p in chosen if p not in _by_pronoun(noun in MALE, people, text)]
    return chosen


def _introduces(words: frozenset[str], lead: str) -> bool:
    pattern = rf"\b(?:a|an)\s+((?:[\w'’-]+\s+){{0,3}}?)(?:{'|'.join(sorted(words))})\b"
    return _is_introduction(re.compile(pattern, re.IGNORECASE), lead)


def _is_introduction(pattern: re.Pattern[str], lead: str) -> bool:
    for match in pattern.finditer(lead):
        words = (match.group(1) or "").split() if match.groups() else []
        if not any(w.casefold() in _STOP for w in words):
            return True
    return False


def _teen(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_AGE.search(before) or _AGE_AFTER.match(text, mention.end))


def _written_lower(noun: str, text: str, body_start: int) -> bool:
    return re.search(rf"\b{noun}\b", text[body_start:]) is not None


def _by_pronoun(female: bool, people: list[_Person], text: str) -> list[_Person]:
    """The people whose name the next pronoun after it (in the same sentence,
    before another person is named) gives the wanted gender: "Raj Chohan was
    leaving her car"."""
    wanted, other = (_FEMALE_WORDS, _MALE_WORDS) if female else (_MALE_WORDS, _FEMALE_WORDS)
    starts = sorted(m.start for p in people for m in p.mentions)
    result = []
    for person in people:
        for mention in person.mentions:
            limit = next((s for s in starts if s >= mention.end), len(text))
            window = _SENTENCE_END.split(text[mention.end : min(limit, mention.end + 200)])[0]
            first_wanted, first_other = wanted.search(window), other.search(window)
            if first_wanted and (not first_other or first_wanted.start() < first_other.start()):
                result.append(person)
                break
    return result


def story_references(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    groups: Mapping[str, str],
    references: Mapping[str, Sequence[Reference]],
) -> list[StoryReference]:
    """The headlines' person nouns ("Lawyer:", "Teen Arrested") that their own
    article calls no one by, with the people the other articles of their story
    call so ("lawyer Mark Heller", or a reference of that noun there): after
    stories are grouped, the articles of one story are one context. Only the
    story's evidence of the same kind as an article's own (see
    :func:`find_references`), and for a person only one its own article names
    ("Heller argued ..."): a story may gather reports of several people so
    called. Not a noun before a name or another noun ("Rapper 50 Cent", "Police
    chief"). Whether the people found are one person is the merge's to say."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for aid in sorted(articles):
        by_story[groups.get(aid, aid)].append(aid)
    found = []
    for members in by_story.values():
        if len(members) < 2:
            continue
        context = {aid: _Context(aid, articles[aid], mentions.get(aid, ())) for aid in members}
        lower = set().union(*(set(_LOWER.findall(articles[aid].text)) for aid in members))
        for aid in members:
            own = context[aid]
            for start, end, noun, modifier in own.open_nouns(references.get(aid, ()), lower):
                said = [
                    context[other].called(noun, modifier, references.get(other, ()))
                    for other in members
                    if other != aid
                ]
                targets = [t for found_there in said if found_there for t in found_there]
                if not targets or None in said:
                    continue
                if noun not in POLICE_NOUNS and not own.writes_any(
                    _surname_of(articles[a].text[s:e]) for a, s, e in targets
                ):
                    continue  # a headline is about someone its own article names
                text = own.article.text[start:end]
                found.append(StoryReference(aid, start, end, text, tuple(t[:2] for t in targets)))
    return found


def without_story_nouns(
    mentions: Mapping[str, Sequence[Mention]], found: Sequence[StoryReference]
) -> dict[str, list[Mention]]:
    """``mentions`` without a headline's one word the model took for a name that a
    story's reference reads as a common noun ("Teen"): it is no name, whether or
    not the merge then finds the people it points to one person."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ref in found:
        covered[ref.article].append((ref.start, ref.end))
    return {
        aid: [
            m
            for m in spans
            if not (
                _noun_of(m.text) in PERSON_NOUNS | POLICE_NOUNS
                and any(s <= m.start and m.end <= e for s, e in covered.get(aid, ()))
            )
        ]
        for aid, spans in mentions.items()
    }


def _surname_of(name: str) -> str:
    """A person's last word, without a suffix or a possessive ("Comeaux" of
    "Arcade Joseph Comeaux Jr.")."""
    words = [w for w in _WORD.findall(name) if w.casefold().rstrip(".") not in _SUFFIXES]
    return words[-1].removesuffix("'s").removesuffix("’s") if words else ""


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _noun_of(text: str) -> str:
    return text.strip().casefold().removesuffix("'s").removesuffix("’s")


class _Context:
    """What the story-level step reads of one article: its headline's candidate
    nouns and the people its body names."""

    def __init__(self, aid: str, article: Article, mentions: Sequence[Mention]) -> None:
        self.aid = aid
        self.article = article
        self.mentions = mentions
        heads = _headlines(article)
        self.heads = heads
        self.body_start = heads[-1][1] if heads else 0
        self._people: list[_Person] | None = None
        self._lower: set[str] | None = None
        self._capital: set[str] = set()

    @property
    def people(self) -> list[_Person]:
        if self._people is None:
            self._people = _people(self.mentions, self.article.text, self.body_start)
        return self._people

    def open_nouns(
        self, references: Sequence[Reference], story_words: set[str]
    ) -> list[tuple[int, int, str, list[str]]]:
        """The headline's person nouns that no reference of the article reads and
        that it calls no one of its own by, and "Police" where it names no force:
        (start, end, noun, the name before it). A headline's one word that the
        model took for a name is such a noun where the story writes it in lower
        case (``story_words``): "Teen", "Escapee"."""
        text, body_start = self.article.text, self.body_start
        if not self.heads:
            return []
        body_words = set(_LOWER.findall(text, body_start)) | story_words
        taken = [
            (m.start, m.end)
            for m in self.mentions
            if not _common_in_headline(m, body_start, body_words)
        ]
        taken += [(r.start, r.end) for r in references]
        forces = any(_is_force(m) for m in self.mentions)
        found: list[tuple[int, int, str, list[str]]] = []
        for start, end, at, noun in _candidates(text, self.article, self.heads, self.mentions):
            if any(s <= at < e for s, e in taken) or not self._heads_phrase(end, body_start):
                continue
            if noun in POLICE_NOUNS:
                if not forces:  # where it names a force, its own rule decided
                    found.append((start, end, noun, []))
                continue
            if at >= body_start or any(
                _called(noun, m, text, []) for p in self.people for m in p.mentions
            ):
                continue  # the article's own evidence decided (none, or not one)
            found.append((start, end, noun, text[start:at].split()))
        return found

    def writes_any(self, names: Iterable[str]) -> bool:
        """Whether the article's body writes one of ``names`` as a word."""
        body = self.article.text[self.body_start :]
        return any(name and re.search(rf"\b{re.escape(name)}\b", body) for name in names)

    def _heads_phrase(self, end: int, body_start: int) -> bool:
        """Whether the noun ending at ``end`` is the head of its phrase: not the
        title of a name that follows ("Rapper 50 Cent scores", a name the model
        missed), nor a word before another noun ("Police chief backs ...")."""
        after = _FOLLOWING.match(self.article.text, end)
        if after is None:
            return True  # "Lawyer: Lindsay Lohan checks into rehab"
        word = after.group(1)
        if word[0].isdigit() or word.casefold() in PERSON_NOUNS | POLICE_NOUNS:
            return False
        if not word[0].isupper():
            return True
        if self._lower is None:  # a name the body writes: "Rapper Snoop Dogg arrested"
            body = self.article.text[body_start:]
            self._lower = {w.casefold() for w in _LOWER.findall(body)}
            self._capital = {w.casefold() for w in _CAPITAL.findall(body)}
        return word.casefold() in self._lower or word.casefold() not in self._capital

    def called(
        self, noun: str, modifier: list[str], references: Sequence[Reference]
    ) -> list[tuple[str, int, int]] | None:
        """The named mentions (article, start, end) of the people this article calls
        by ``noun`` (with the name before it in ``modifier``, if any), or of the
        police forces it names, or whose reference reads that noun; None where it
        calls someone so without that name ("District Attorney Paul Howard" is no
        "U.S. Attorney"), which rules the story's link out."""
        text, aid = self.article.text, self.aid
        found: list[tuple[str, int, int]] = []
        if noun in POLICE_NOUNS:
            found.extend((aid, m.start, m.end) for m in self.mentions if _is_force(m))
        for person in self.people if noun not in POLICE_NOUNS else ():
            if any(_called(noun, m, text, []) for m in person.mentions):
                if modifier and not any(_called(noun, m, text, modifier) for m in person.mentions):
                    return None
                found.append((aid, person.target.start, person.target.end))
        for ref in references:
            words = {
                w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(ref.text)
            }
            if noun in words:
                found.append((aid, ref.target_start, ref.target_end))
        return found
