"""Names the model left untagged: runs of capitalised words and two-letter
acronyms (:func:`capitalised`); page furniture that is no name
(:func:`page_furniture`); and the shape of a person's name."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence, Set

from ..model import Mention
from ..names import ROLES, given_names
from ..numbers import MONTH_ABBREVIATIONS
from ..spans import SpanSet
from .casing import _SMALL
from .words import _WORD

# Capitalised words that are not names (calendar words, the pronoun I).
_NOT_NAMES = frozenset(
    ["i", "mr", "mrs", "ms", "dr"]
    + [name.lower() for name in (*calendar.month_name, *calendar.day_name) if name]
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}['’]?s")
# The small words between the capitalised words of a name ("Bank of England").
_JOINS = r"(?:of|the|and|de|du|van|von|for|on)"
_CAPITAL_WORD = r"[A-Z][\w'’&-]*"
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’.-]){_CAPITAL_WORD}(?:\s(?:{_JOINS}\s)?{_CAPITAL_WORD})*")
# The same, joined over "of the" too: a title or a body ("Top of the Pops", "Lord
# of the Rings", "Office of the Deputy Prime Minister").
_CAPITALISED_TITLE = re.compile(
    rf"(?<![\w'’.-]){_CAPITAL_WORD}(?:\s(?:{_JOINS}\s|of\sthe\s)?{_CAPITAL_WORD})*"
)

# A run's first word and the small words after it ("The Tar Heels" -> "Tar Heels").
_AFTER_FIRST = re.compile(rf"\S+\s(?:{_JOINS}\s)*(?=[A-Z])")


def _given_and_more(span: str, lower: Set[str]) -> bool:
    """Whether a run of capitalised words opens with a given name and goes on:
    a person's name at the head of a line or a sentence ("Gary Speed"), where
    the text never writes that name in lower case ("Will", "Grace")."""
    first, _, rest = span.partition(" ")
    return bool(rest) and first.lower() in given_names() and first.lower() not in lower


def capitalised(
    text: str, mentions: Sequence[Mention], regions: Iterable[tuple[int, int]]
) -> list[Mention]:
    """``mentions`` plus the names the model left untagged: runs of capitalised words
    within a sentence ("Internet Explorer", "Tar Heels"), or the whole of a
    quotation (a title: "the sequel to \"Twilight\""), kind "other". A word at a
    sentence start, after an opening quote, in a run of capitals, a calendar word,
    or a single word the article also writes lower case, says nothing and is left."""
    taken = SpanSet((m.start, m.end) for m in mentions)
    added = SpanSet()  # found here, in text order: appended, not inserted
    lower = {w for w in _WORD.findall(text) if w.islower()}
    found = list(mentions)
    for start, end in regions:
        for match in _capitalised_runs(text, start, end, taken):
            span, begin = match.group(), match.start()
            before = text[max(start, begin - 3) : begin].rstrip(" ")
            # an item of a list of names ("6 - Marcus Gayle (Wimbledon), Gary Speed");
            # ``before`` is empty at the region's first word
            listed = not before or before[-1] in ",;:-–(\n" or before[-1].isdigit()
            if _quoted_title(text, begin, match.end(), start):
                pass  # a title in quotes is a name from its first word: "Twilight"
            elif (not before or before[-1] in ".!?:;\n\"“‘'(—–-") and not _given_and_more(
                span, lower
            ):
                # a sentence's first word says nothing: what follows it may, and
                # a given name before it ("1. Sylvain Bouchard", "- Gary Speed")
                rest = _AFTER_FIRST.match(span)
                if rest is None:
                    continue
                span, begin = span[rest.end() :], begin + rest.end()
                listed = False
            words = span.split()
            if words[-1].rstrip("'’").lower() in _SMALL or span.isupper():
                continue
            if len(words) == 1 and (
                len(span) < 3
                or span.lower() in lower
                or span.lower() in _NOT_NAMES
                or _PLURAL_ACRONYM.fullmatch(span)  # "MPs", "CEOs": a class of people
            ):
                continue
            if any(w.lower() in _NOT_NAMES or w.lower().startswith(("i'", "i’")) for w in words):
                continue
            if all(w.lower().rstrip(".") in ROLES for w in words):
                continue  # "Sen", "Chairman": what a person is, not a name
            if span.endswith(("'s", "’s")):
                span = span[:-2]
            if not taken.overlaps(begin, begin + len(span)) and not added.overlaps(
                begin, begin + len(span)
            ):
                # "Tony Underwood" in a squad list; not "the Flora Lite 5K road race",
                # nor "Morris Minor" where the text writes "minor"
                person = (
                    listed
                    and _a_person(span, 0, len(span))
                    and lower.isdisjoint(w.lower() for w in span.split())
                )
                kind, label = ("person", "PERSON") if person else ("other", "")
                found.append(Mention(begin, begin + len(span), span, kind, label))
                added.add(begin, begin + len(span))
    found += _two_letter_acronyms(text, found, regions)
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _capitalised_runs(text: str, start: int, end: int, taken: SpanSet) -> Iterator[re.Match[str]]:
    """The runs of capitalised words in ``text[start:end]``, joined over "of the"
    where the model named none of their words ("Top of the Pops"); where it did
    ("Ivan Ljubicic of the Czech Republic"), a person with a title stands before
    it ("Col Eric Schnaible of the PCO") or "and" joins two ("Finding Nemo and The
    Lord of the Rings"), the runs on either side apart."""
    for match in _CAPITALISED_TITLE.finditer(text, start, end):
        run = match.group()
        before = run.split(" of the ", 1)[0].split()
        if " of the " in run and (
            " and " in run
            or taken.overlaps(match.start(), match.end())
            or (len(before) > 1 and before[0].lower().rstrip(".") in ROLES)
        ):
            yield from _CAPITALISED_RUN.finditer(text, match.start(), match.end())
        else:
            yield match


def _quoted_title(text: str, begin: int, end: int, start: int) -> bool:
    """Whether the capitalised run at ``begin:end`` is the whole of a quotation, as
    the title of a book or a film is written ("the sequel to \"Twilight.\"")."""
    if begin <= start or text[begin - 1] not in '"“':
        return False
    after = text[end : end + 2]
    return after[:1] in ('"', "”") or (after[:1] in ",." and after[1:2] in ('"', "”"))


_ABBREVIATED = ("organisation", "place", "other")  # not people: "GB" is not Gordon Brown
_TWO_CAPITALS = re.compile(r"(?<![\w'’.&-])[A-Z]{2}(?![\w'’&-]|\.\w)")


def _two_letter_acronyms(
    text: str, mentions: Sequence[Mention], regions: Iterable[tuple[int, int]]
) -> list[Mention]:
    """Two capitals the model leaves ("IE") where the article names what they are
    the initials of ("Internet Explorer"): every occurrence, with that name's kind.
    Too short to look for on their own ("TV", "PM" say nothing), and whether "IE"
    is Internet Explorer is still left to the merge's evidence."""
    named: dict[str, str] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.kind in _ABBREVIATED and len(words) == 2 and all(w[:1].isupper() for w in words):
            named.setdefault("".join(w[0] for w in words), mention.kind)
    if not named:
        return []
    taken = SpanSet((m.start, m.end) for m in mentions)
    return [
        Mention(match.start(), match.end(), match.group(), named[match.group()], "")
        for start, end in regions
        for match in _TWO_CAPITALS.finditer(text, start, end)
        if match.group() in named and not taken.overlaps(match.start(), match.end())
    ]


# A page's furniture inside what the model took for a person's name: a photo's
# credit ("Getty Images Pentagon"), a caption's button ("Hide Caption"), a date
# in a listing ("Opens Dec. 25").
# ("Getty" alone is a surname: J. Paul Getty).
_FURNITURE_WORD = re.compile(r"\b(?:Images|Caption|Captions|Photo|Photos)\b")


def page_furniture(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` are page furniture, not a name:
    they hold a furniture word, or end with a month written short before its
    period ("Opens Dec."; "Jan Brewer" is a name)."""
    if _FURNITURE_WORD.search(text, start, end):
        return True
    last = text[start:end].rsplit(None, 1)[-1:]
    return bool(last) and last[0] in MONTH_ABBREVIATIONS and text[end : end + 1] == "."


# A person's name as a name table knows it: a given name (see
# :func:`index.names.given_names`), an initial or a word more, a surname.
_PERSON_NAME = re.compile(r"(?P<given>[A-Z][a-z]+)(?: [A-Z]\.| [A-Z][\w'’-]+)? [A-Z][\w'’-]+")


def _a_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is shaped as a person's name (:data:`_PERSON_NAME`)."""
    found = _PERSON_NAME.fullmatch(text, start, end)
    return found is not None and found.group("given").lower() in given_names()
