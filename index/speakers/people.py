"""Where persons are named in one article (:class:`People`): the NLP's person
mentions, the capitalised runs naming the people it missed, and the fullest
form, sex and speech of each name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property

from ..mentions import SPEECH_VERBS, needs_truecase, page_furniture
from ..model import Mention
from ..names import ROLES, given_names, without_suffix
from ..spans import SpanSet
from .words import (
    _INSTITUTIONS,
    _SENTENCE_WORDS,
    _TITLE_OF_ONE_WORD,
    _TITLE_RUN,
    _TITLES,
    _TOKEN,
    Span,
    nationality,
)


class People:
    """Where persons are named in one article, and the fullest form of each name.

    Person mentions from the NLP are used when given; capitalised runs of two or
    three words (titles such as "Foreign Minister" stripped, runs naming
    institutions dropped) add names it missed; a lone surname of a known full
    name ("Medinsky" for "Vladimir Medinsky") is a person too.
    """

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        valid = [m for m in mentions if 0 <= m.start < m.end <= len(text)]
        named = {
            span
            for m in valid
            if m.kind == "person"
            and not page_furniture(text, *(span := _trim_possessive(text, m.start, m.end)))
        }
        spans = {
            s
            for s in named
            if " " in text[s[0] : s[1]]
            or _TITLE_OF_ONE_WORD.search(text, max(0, s[0] - 16), s[0])
            and not re.match(r"[\w-]", text[s[1] : s[1] + 1])
        }
        # Each word of the article with how often it is written: read once for
        # the runs below and for the full names a shared surname may stand for.
        self._words = Counter(_TOKEN.findall(text))
        spans |= {
            s for s in _runs_missed(text, valid, named, self._words) if not page_furniture(text, *s)
        }
        full = {" ".join(text[s:e].split()) for s, e in spans}
        self.names = sorted(full, key=lambda name: (-len(name), name))  # the same every run
        # The longest name ending with each run of last words: looked up, not
        # searched (a page naming 8,000 people asks once per figure).
        self._by_tail: dict[tuple[str, ...], str] = {}
        # Tails two different people end with ("Trump" of Donald and of Melania
        # Trump): resolved by the nearest full name before, never by length.
        self._shared: set[tuple[str, ...]] = set()
        for name in self.names:
            lowered = name.lower().split()
            # "Mr. Conway" is George T. Conway III: his tails without the suffix too
            bare = without_suffix(lowered)
            for words in (lowered, bare) if bare != lowered else (lowered,):
                for size in range(1, len(words) + 1):
                    tail = tuple(words[-size:])
                    kept = self._by_tail.setdefault(tail, name)
                    if kept != name and not _one_person(kept.lower().split(), lowered):
                        self._shared.add(tail)
        surnames = {without_suffix(n.split())[-1] for n in self.names}
        spans |= {s for s in named - spans if self._speaks(s[1])}
        in_names = SpanSet(spans)
        # a surname's word inside a longer name of a place or body the NLP found is
        # no person ("Vegas" of the Las Vegas Convention and Visitors Authority;
        # "DeVine" alone, a person the NLP took for a body, still is)
        in_others = SpanSet(
            [
                (m.start, m.end)
                for m in valid
                if m.kind in ("place", "organisation", "event") and " " in text[m.start : m.end]
            ]
        )
        for match in _TOKEN.finditer(text):
            if (
                match.group() in surnames
                and not in_names.covers(match.start())
                and not in_others.covers(match.start())
            ):
                spans.add(match.span())
        self.spans = sorted(s for s in spans if s[0] < s[1])
        self.starts = [s[0] for s in self.spans]
        self.ends = {s[1]: s for s in self.spans}
        # Organisations, and places standing for their governments ("Moscow said").
        bodies = [m for m in valid if m.kind in ("organisation", "group", "place")]
        self.bodies = {_trim_possessive(text, m.start, m.end)[1]: m for m in bodies}

    @cached_property
    def _full_spans(self) -> list[tuple[Span, bool]]:
        """Full names a bare surname may stand for, each with whether its first
        word is one the article capitalises inside a sentence ("President Donald
        Trump", "and Bill Clinton") or a given name ("Donald Trump assumed ...",
        opening the report), rather than only at a sentence's start or in
        a headline's capitals ("Democrats Urge Sestak", or any name of a line in
        Title Case: "White House Asked Bill Clinton to Urge Sestak"); not those that start
        with a title or a word the article also writes in lower case ("Did
        Trump"). Asked only where two people share a surname."""
        text = self.text
        common = {w for w in self._words if w.islower()} | _TITLES | ROLES
        inside = _inside_sentences(text)
        found = []
        for span in self.spans:
            words = _TOKEN.findall(text, span[0], span[1])
            if " " in text[span[0] : span[1]].strip() and words[0].lower() not in common:
                end = text.find("\n", span[1])
                line = text[text.rfind("\n", 0, span[0]) + 1 : end if end >= 0 else len(text)]
                real = words[0] in inside or words[0].lower() in given_names()
                found.append((span, real and not needs_truecase(line)))
        return found

    @cached_property
    def _sexes(self) -> dict[str, str | None]:
        """Each surname the article writes after "Mr." ("he") or "Ms."/"Mrs."/"Miss"
        ("she"); None where it writes both."""
        found: dict[str, str | None] = {}
        for match in _HONORIFIC.finditer(self.text):
            sex = "he" if match.group(1) == "Mr" else "she"
            name = match.group(2)
            found[name] = sex if found.get(name, sex) == sex else None
        return found

    def sex(self, span: Span) -> str | None:
        """ "he" or "she" for a surname the article writes after Mr. or Ms.: a
        surname alone, as a full name may be another of the family (Melania Trump
        where the article writes "Mr. Trump")."""
        words = self.text[span[0] : span[1]].split()
        return self._sexes.get(words[0]) if len(words) == 1 else None

    def speaks_at(self, span: Span) -> bool:
        """Whether the text says this person speaks: "Rucker said", "said Rucker"."""
        return self._speaks(span[1]) or bool(
            _INVERTED_BEFORE.search(self.text[max(0, span[0] - 40) : span[0]])
        )

    def _speaks(self, end: int) -> bool:
        """A one-word person mention counts when a speech verb follows it:
        "Jones said" (the NLP also tags places like "Kyiv" as persons)."""
        return bool(re.match(rf"\s+(?:also\s+)?{SPEECH_VERBS}\b", self.text[end : end + 40]))

    def fullest(self, span: Span) -> str:
        """The longest name in the article ending with the words at ``span``. Where
        two people of the article end with them ("Trump" of Donald and of Melania
        Trump, "Davis" of Wendy and of Jeff Davis): the one named before it in its
        own paragraph, else the one the article names in full most often (the
        first named, on a tie); the words as written when neither is named."""
        words = self.text[span[0] : span[1]].split()
        while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES | ROLES:
            words = words[1:]  # "Professor Prideaux" is Gavin Prideaux
        tail = tuple(w.lower() for w in words)
        if tail not in self._shared:
            return self._by_tail.get(tail, " ".join(words))
        named: dict[str, list[int]] = {}
        given: dict[str, bool] = {}
        near: str | None = None
        for (start, end), inside in self._full_spans:
            full = self.text[start:end].split()
            if len(full) <= len(tail) or tuple(w.lower() for w in full[-len(tail) :]) != tail:
                continue
            name = self._by_tail.get(tuple(w.lower() for w in full), " ".join(full))
            named.setdefault(name, []).append(start)
            given[name] = given.get(name, False) or inside
            if end <= span[0] and "\n" not in self.text[end : span[0]]:
                near = name  # the last one before it in its paragraph
        if near:
            return near
        if not named:
            return " ".join(words)
        return min(named, key=lambda n: (-len(named[n]), not given[n], named[n][0]))

    def named(self, words: str) -> str | None:
        """The person of the article whose name ends with ``words``, in any case
        ("TRUMP" is Donald Trump); None where it names none, or two."""
        tail = tuple(words.lower().split())
        return None if tail in self._shared else self._by_tail.get(tail)

    def between(self, start: int, end: int) -> list[Span]:
        """Person spans inside ``[start, end)``, in text order."""
        found = []
        for span in self.spans[bisect_left(self.starts, start) :]:
            if span[1] > end:
                break
            found.append(span)
        return found

    def before(self, start: int, end: int) -> Iterator[Span]:
        """Person spans inside ``[start, end)``, last first, found by bisection."""
        for at in range(bisect_left(self.starts, end) - 1, -1, -1):
            span = self.spans[at]
            if span[0] < start:
                break
            if span[1] <= end:
                yield span

    def ending_at(self, end: int) -> Span | None:
        return self.ends.get(end)

    def body_ending_at(self, end: int) -> str | None:
        """An organisation or a place named just before ``end`` ("the Kremlin said")."""
        found = self.bodies.get(end)
        return " ".join(self.text[found.start : end].split()) if found else None


# An inverted speech verb before a name, after a quote or a comma: "..., said Rucker".
_INVERTED_BEFORE = re.compile(rf"[,”\"’]\s*{SPEECH_VERBS}{_TITLE_RUN}")
_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s+([A-Z][\w’'-]+)")


def _inside_sentences(text: str) -> set[str]:
    """The capitalised words the text writes inside a sentence: just after a word
    in lower case, a title or a word such as "When" ("said Wendy", "Sen. Wendy",
    "When Linda"), not at a sentence's start nor inside a headline's run of
    capitals ("Republicans Ask Sestak")."""
    found = set()
    previous, end = "", 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        gap = text[end : match.start()]
        title = previous.lower() in _TITLES or previous.lower() in ROLES
        after = previous and (previous[0].islower() or title or previous.lower() in _SENTENCE_WORDS)
        if after and (gap == " " or title and gap == ". ") and word[0].isupper():
            found.add(word)
        previous, end = word, match.end()
    return found


def _one_person(a: list[str], b: list[str]) -> bool:
    """Whether two names ending alike can be one person: they end in the same two
    words or more ("Archaeologist Giles Hamm", "Pic Giles Hamm"), one ends with
    the other ("Melania Trump", "first lady Melania Trump"), or both start with
    the same first name ("Donald Trump", "Donald J. Trump")."""
    short, long = sorted((a, b), key=len)
    return long[len(long) - len(short) :] == short or a[-2:] == b[-2:] or a[0] == b[0]


def _runs_missed(
    text: str, mentions: Sequence[Mention], named: set[Span], words: Counter[str]
) -> set[Span]:
    """Capitalised runs that name a person the NLP missed: not those over a
    place or an event it found ("Hurricane Irene", "Carling Cup", "New Year";
    its organisations are not trusted here: it tags many people so), nor a
    run that only adds a word before a full name it found ("Add Donald Trump",
    a headline's capitals)."""
    others = SpanSet([(m.start, m.end) for m in mentions if m.kind in ("place", "event")])
    full = {end: start for start, end in named if " " in text[start:end]}
    runs = [
        (start, end)
        for start, end in _name_spans(text, {w for w in words if w.islower()})
        if not others.overlaps(start, end) and not start < full.get(end, start)
    ]
    # A person is named again by surname ("Lambach said" after "Randy W. Lambach")
    # or speaks where named; a run that is neither is more likely a thing's name
    # ("Range Rover", "Hide Caption", "WTS Paradigm").
    return {
        (start, end)
        for start, end in runs
        if words[text[start:end].split()[-1]] > 1
        or _SPEAKS_NEXT.match(text, end)
        or _SPEECH_BEFORE.search(text[max(0, start - 60) : start])
    }


# After a name: its speech verb, a comma (an appositive), or a verb and ", saying"
# ("Marco Rubio downplayed expectations, saying"); before it, an inverted speech
# verb and up to three words of titles (", said Kremlin spokesperson Dmitry Peskov").
_SPEAKS_NEXT = re.compile(
    rf"\s+(?:(?:also|has|had|have|was|is|then|later)\s+)*(?:{SPEECH_VERBS}|quoted)\b|,"
    r"|\s+[a-z]+ed\b[^.!?“\"]{0,60},\s+saying\b"
)
_SPEECH_BEFORE = re.compile(  # not "told National Geographic": who is told is no speaker
    rf"\b(?!told\b|tells\b|telling\b|asked\b){SPEECH_VERBS}{_TITLE_RUN}"
)


def _trim_possessive(text: str, start: int, end: int) -> Span:
    words = text[start:end]
    if words.endswith(("’s", "'s")):
        end -= 2
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _name_spans(text: str, common: set[str]) -> list[Span]:
    """Spans of capitalised word runs that look like a person's name (``common``:
    the words the text writes in lower case)."""
    found: list[Span] = []
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text):
        if run and text[run[-1].end() : match.start()] != " ":
            found += _name_in_run(run, common)
            run = []
        word = match.group()
        if word[0].isupper() and any(c.islower() for c in word) and not word.endswith(("’s", "'s")):
            run.append(match)
        elif run:
            found += _name_in_run(run, common)
            run = []
    return found + _name_in_run(run, common)


def _name_in_run(run: list[re.Match[str]], common: set[str]) -> list[Span]:
    """The name in a capitalised run, after its titles and the words capitalised
    only because they begin a sentence or a headline: a word the article also
    writes in lower case ("Endorses Rick Perry", "Now Vodafone", "Replace John
    Kerry") is no part of a name."""
    words = [m.group().lower() for m in run]
    cut = max(
        (
            i
            for i, w in enumerate(words)
            if w in _TITLES
            or w in _SENTENCE_WORDS
            or nationality(run[i].group())
            or all(v in common for v in words[: i + 1])
        ),
        default=-1,
    )
    rest = run[cut + 1 :]
    if 2 <= len(rest) <= 3 and not any(m.group().lower() in _INSTITUTIONS for m in rest):
        return [(rest[0].start(), rest[-1].end())]
    return []
