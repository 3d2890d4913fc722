"""Mentions beyond what the model tags on its own: headlines, and names found
once found everywhere in their article.

A small NER model misses names in headlines written in Title Case or capitals
("Lohan Checks into Betty Ford") and misses some repeats of a name it found
elsewhere ("Umerov stressed" after "Rustem Umerov"). Both are fixed here with
plain text rules, never with lists of names:

- :func:`truecase` rewrites a headline in the case its words have in the body
  (or lower case for common words), keeping every character's offset, so the
  model reads "Lohan checks into Betty Ford" and its spans map back unchanged;
- :func:`propagate` finds every further occurrence of a name recognised in the
  article (and of a person's surname), with word boundaries and the same case.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import replace
from functools import cache
from typing import Any

from .gazetteer import is_known_place, is_major_place, state_names
from .model import Article, Mention
from .names import PARTICLES, ROLES, alias_key, given_names, without_suffix
from .nlp import KINDS
from .numbers import MONTH_ABBREVIATIONS
from .spans import SpanSet

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# Common words a headline capitalises (articles, prepositions, auxiliaries...): read
# lower case unless the body capitalises them mid-sentence.
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "off",
        "on",
        "or",
        "our",
        "out",
        "over",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "upon",
        "was",
        "we",
        "were",
        "what",
        "when",
        "who",
        "why",
        "will",
        "with",
        "after",
        "amid",
        "about",
        "against",
        "before",
        "new",
        "says",
        "said",
        "say",
        "after",
        "how",
        "more",
        "most",
        "all",
        "back",
        "down",
        "near",
        "under",
    ]
)
_MIN_NAME = 3  # a name of fewer characters is not looked for elsewhere


def truecase(title: str, body: str, listing: bool = False) -> str:
    """``title`` with each word in the case the ``body`` writes it, same length.

    A headline capitalises every word, so a capital there says nothing: a word
    takes the body's most common spelling mid-sentence, else a capital where the
    body starts a sentence with it; a small word ("Into") or an inflected one the
    body never uses ("Checks", "Killed") is read lower case, a short acronym in
    capitals stays; any other word is most likely a name and keeps its capital (a
    line of names such as a results table is read as written). The first word
    keeps its capital. Where a case change would change the length (a few
    Unicode letters), the word is left as it is. In a ``listing`` (a line of
    the body in capitals, not the headline) a word after a given name is a
    surname ("Gary Speed"), where a headline's may be a verb ("Perry Wins").
    """
    middle, starts = _body_forms(body)
    shouting = title.isupper()
    words = list(_WORD.finditer(title))
    pieces, last = [], 0
    for index, match in enumerate(words):
        word = match.group()
        if (
            listing
            and not shouting
            and index
            and _after_given(title, words[index - 1], match, middle)
        ):
            pieces += [title[last : match.start()], word]  # "Gary Speed" in a list: a surname
            last = match.end()
            continue
        cased = _case_of(word, middle, starts, first=index == 0, shouting=shouting)
        if len(cased) != len(word):
            cased = word
        pieces.append(title[last : match.start()])
        pieces.append(cased)
        last = match.end()
    pieces.append(title[last:])
    return "".join(pieces)


def _after_given(
    title: str, before: re.Match[str], word: re.Match[str], middle: dict[str, Counter[str]]
) -> bool:
    """Whether a capitalised word follows a given name that opens a run of
    capitals and that the body never writes in lower case ("Gary Speed", not
    "Bill Passes" where the body writes "bill", nor "IE Zero Day Flaw")."""
    given = before.group()
    ahead = _LAST_BEFORE.search(title, 0, before.start())
    return (
        (ahead is None or not ahead.group(1)[:1].isupper())
        and word.group()[:1].isupper()
        and given[:1].isupper()
        and title[before.end() : word.start()] == " "
        and given.lower() in given_names()
        and not any(spelling.islower() for spelling in middle.get(given.lower(), ()))
    )


# The word before a word, with only spaces between.
_LAST_BEFORE = re.compile(r"(\w[\w'’-]*) +$")
_INFLECTED = re.compile(r"\w{2,}(?:s|ed|ing|ly)$")


def _body_forms(body: str) -> tuple[dict[str, Counter[str]], set[str]]:
    """Each word's spellings mid-sentence in the body, by lower-case form, and the
    lower-case forms of the words seen capitalised at a sentence start."""
    middle: dict[str, Counter[str]] = defaultdict(Counter)
    starts: set[str] = set()
    for match in _WORD.finditer(body):
        word = match.group()
        before = body[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘(")
        if not before or before.endswith((".", "!", "?", "\n", ":")):
            if word[0].isupper():
                starts.add(word.lower())
            continue
        middle[word.lower()][word] += 1
    return middle, starts


def _case_of(
    word: str, middle: dict[str, Counter[str]], starts: set[str], first: bool, shouting: bool
) -> str:
    lower = word.lower()
    seen = middle.get(lower)
    if seen:
        cased = seen.most_common(1)[0][0]
    elif lower in _SMALL:
        cased = lower
    elif word.isupper() and word.isalpha() and len(word) <= 4 and not shouting:
        cased = word  # an acronym: FBI, NASA (in a headline not all in capitals)
    elif lower in starts:
        cased = word[0].upper() + word[1:].lower()
    elif _INFLECTED.search(lower):
        cased = lower  # "Checks", "Killed", "Dies": a headline's verbs, read as words
    elif shouting:
        cased = lower  # a headline in capitals: its names are in the body
    else:
        cased = word  # unseen and not inflected: a name in a list ("Rotor Volgograd 3")
    if first and cased[:1].islower():
        cased = cased[0].upper() + cased[1:]
    return cased


def a_sentence(region: str) -> bool:
    """Whether a passage is prose that names many, not a headline in Title Case:
    it writes a word of five letters or more in lower case ("Gary Speed scored
    in Virginia Beach"), which Title Case keeps for the short words only
    ("Obama Administration Restores Endangered Species Act Protections!")."""
    return any(
        len(word) >= 5 and word.islower() and word not in _TITLE_LOWER
        for word in _WORD.findall(region)
    )


# Longer words a headline in Title Case may still write in lower case.
_TITLE_LOWER = frozenset(
    {"about", "above", "across", "after", "against", "along", "among", "around", "before",
     "behind", "below", "beneath", "beside", "between", "beyond", "despite", "during",
     "inside", "outside", "since", "through", "toward", "towards", "under", "until",
     "unlike", "versus", "within", "without"}
)  # fmt: skip


def needs_truecase(title: str) -> bool:
    """Whether a headline is written in Title Case or capitals (most words capitalised)."""
    words = [w for w in _WORD.findall(title) if w.lower() not in _SMALL]
    if len(words) < 3:  # "Nadim Ladki": a byline, not a headline
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


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


# Words of a web page's furniture that end up in front of a name ("Add Donald Trump").
_FURNITURE = frozenset({"Add", "Follow", "Share", "Read", "Watch", "Listen", "Subscribe",
                        "Click", "Tweet", "Email", "Like", "Vote", "Related", "More"})  # fmt: skip


@cache
def _function_words() -> frozenset[str]:
    """spaCy's English stop words ("sometimes", "meanwhile", "however"), less the
    two that are given names too ("Will", "May"): read where the model runs."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - {"will", "may"}


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


_LIST_BREAK = re.compile(r"\s*(?:,\s*(?:and\s+)?|/|;\s*|\s+(?:v|vs)\.?\s+)\s*")
_JOINED = re.compile(r"\s+(?:and|&|or)\s+")
# A spaced dash inside a span: a wire's slug or a listing's field before a name
# ("CRICKET - LARA", "Forwards - Altin Rraklli", "Royal Ballet - Darcey Bussell"),
# never inside one name ("Stratford-upon-Avon", "Spider-Man" have no spaces).
_DASH = re.compile(r"\s+[-–—]\s+")
# A double quote: a span holding one that is not closed in it ran over a quote's
# edge ('"New" Labour', 'Unabomber" Ted Kaczynski', 'American Revolution “&').
_QUOTE = re.compile(r"\s*[\"“”]\s*")
# Words in lower case inside a span, between two of its capitalised words, one of
# them neither a particle of a name ("Ludwig van Beethoven", "Osama bin Laden") nor
# a small word a title leaves in lower case ("Cold as Ice", "More or Less"): the
# model ran on over a verb or a description ("Anthony became Lopez", "Balco boss
# Victor Conte", "Blewett b Warne" of a cricket card).
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
     "of", "off", "on", "per", "to", "up", "via", "with", "without", "from", "into", "over",
     "upon"}
)  # fmt: skip
_NAME_LOWER = "|".join(sorted(PARTICLES | _TITLE_SMALL_WORDS)) + r"|v\.?|vs\.?"
_LOWER_RUN = re.compile(
    rf"\s+(?=(?:[a-z][a-z'’.-]*\s+)*(?!(?:{_NAME_LOWER})\s)[a-z])"
    rf"(?:[a-z][a-z'’.-]*\s+)+(?=[A-Z\"“])"
)
# Two names of two or three words joined by "and": two people's where either
# starts with a given name (see :func:`index.names.given_names`); joined by "&",
# a firm's ("Bank Oyens & Van Eeghen").
_TWO_PEOPLE = re.compile(
    r"(?P<one>[A-Z][a-z]+)(?: [A-Z][\w'’-]+){1,2}\s+and\s+"
    r"(?P<other>[A-Z][a-z]+)(?: [A-Z][\w'’-]+){1,2}"
)
# Verbs that report what someone said (:mod:`index.speakers` finds speakers by them).
SPEECH_VERBS = (
    r"(?:said|says|told|tells|stressed|added|adds|noted|stated|emphasi[sz]ed|explained|warned|"
    r"insisted|acknowledged|argued|declared|announced|confirmed|described|wrote|asked|replied|"
    r"urged|claimed|saying|telling|adding|noting|stressing|warning|signaled|signalled|expressed|"
    r"tweeted|denied|maintained|estimated|alleged)"
)
# A verb of speech between two names: 'the vehicles," Lackey told The Associated
# Press' (one span of the model's).
_SPEECH_INSIDE = re.compile(rf"\s+(?:{SPEECH_VERBS}|asks|claims)\s+")
# A possessive between two names ("Istanbul's Dolmabahçe Palace"), not in a day's
# name ("New Year's Eve", "St Patrick's Day").
_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])(?!(?:Day|Eve)\b)")


def split_spans(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with bad spans mended: a list of names is one mention per name
    ("Barkley, Beattie, Christophers"; "Advanced Micro Devices/ATI Technologies"),
    two names joined by "and" or "or" are two where each is named alone in the article
    or ends a longer name of it ("Locke and Salazar" after "Gary Locke"), so are
    two people's full names ("Ernie Els and Retief Goosen"), two titles
    ("Midnight Express and The Commitments") and two names around a verb of
    speech ("Lackey told The Associated Press"); a spaced dash or a quote not
    closed in the span breaks it, and a wire's slug or a field's name before
    the dash is no name ("CRICKET - LARA", "Forwards - Altin Rraklli",
    'Unabomber" Ted Kaczynski'); a royal's style and regnal number the model
    left out are part of the name ("Prince Charles", "Charles I"); a possessive
    holds two names ("Istanbul's Dolmabahçe Palace"); an initial or a company's
    legal form alone is no name ("(R., Ohio)", "Inc."); and page furniture, a
    trailing word or score, or what follows a bracket is cut ("Add Donald
    Trump", "Evansville 91-73", "Banstead in", "M Corry (Leicester")."""
    named = [m for m in mentions if m.kind in NAMED_KINDS]
    alone = {_bare(m.text) for m in named}
    # and the last words of longer names ("Locke" of "Gary Locke"), not of a name
    # itself joined by "and" ("Herzegovina" of "Bosnia and Herzegovina")
    alone |= {_bare(m.text).rsplit(" ", 1)[-1] for m in named if _last_word_named(m.text)}
    result = []
    for mention in mentions:
        if mention.kind not in NAMED_KINDS:
            result.append(mention)
            continue
        if mention.kind == "person" and _STYLE_LAST.search(mention.text):
            mention = _styled_on(text, mention)
        if mention.kind == "person" and " " not in mention.text:
            mention = _regnal(text, mention)
        if mention.kind != "person" and _two_people(mention.text):
            mention = replace(mention, kind="person", label="PERSON")
        broken = _broken(mention.text)
        if broken is _QUOTE and _NICKNAMED.match(text, mention.start):
            broken = None  # 'William "Mo': :func:`nicknamed` reads it whole
        pieces = _broken_parts(text, mention.start, mention.text, broken, alone)
        cut = broken is not None and not (
            broken is _LOWER_RUN and [a for a, _ in pieces] == [0]
        )  # not only a title or a day cut off the end ("Vancouver police Const.")
        if cut:  # the model's kind was the whole span's ("CRICKET - LARA" an
            mention = replace(mention, kind="other", label="")  # organisation): each
            # name left is a capitalised run, its kind voted in its article
        for start, end in pieces:
            start, end = _mend(mention.text, start, end, mention.kind == "person")
            if (bracket := mention.text.find("(", start, end)) > start:
                end = len(mention.text[:bracket].rstrip())  # "M Corry (Leicester"
            at = mention.start + start
            if mention.kind == "person" and page_furniture(text, at, at + end - start):
                continue
            if end > start and _named_start(mention.text[start:end]):
                piece = mention.text[start:end]
                if _INITIAL.fullmatch(piece) or piece.lower().rstrip(".") in _SUFFIX_PIECES:
                    continue  # an initial or a suffix alone names no one: "(R., Ohio)",
                    # "T. rex", "Inc." after "Nuance Communications,"
                kind, label = mention.kind, mention.label
                if cut and _a_person(mention.text, start, end):
                    kind = "person"  # "Dana W. White - DoD", 'Unabomber" Ted Kaczynski'
                if kind != "place" and _a_state_after_its_town(text, at, piece):
                    kind, label = "place", "GPE"  # "of Schenectady, N. Y.,"
                result.append(
                    Mention(at, at + end - start, text[at : at + end - start], kind, label)
                )
    return result


def _named_start(piece: str) -> bool:
    """Whether a piece of a span begins as a name does: with a capital, or with
    a number that is part of a street's name ("117th Street", "10 Downing
    Street"), not a count or a rank before a name ("1st Euro")."""
    return piece[:1].isupper() or bool(_NUMBERED.fullmatch(piece))


# A street named by its number, or a house number and a street's name.
_NUMBERED = re.compile(
    r"\d+(?:st|nd|rd|th)?(?: [A-Z][\w'’.-]*)*"
    r" (?:Street|St\.?|Avenue|Ave\.?|Road|Boulevard|Lane|Drive|Place|Square)"
)


# The styles of royals and popes, part of how they are called ("Prince Charles").
_ROYAL = r"King|Queen|Prince|Princess|Pope"
# The styles a person is named with, part of the name ("Sir Alex Ferguson").
_STYLE = rf"Lord|Lady|Sir|Dame|Baron|Baroness|{_ROYAL}|Sheikh"
# A style a name follows, last in a person's span: the model cut the name short
# ("former Tory Treasurer Lord" before "Ashcroft"), and the name is what follows.
_STYLE_LAST = re.compile(rf"\s(?:{_STYLE})$")
_NAME_AFTER = re.compile(r"(?: [A-Z][\w'’-]+){1,3}")


# A town's name and the comma after it ("Old Tappan, ").
_TOWN_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*, $")


def _a_state_after_its_town(text: str, at: int, piece: str) -> bool:
    """Whether ``piece`` (at ``at``) is a state as agencies abbreviate it, with
    points, right after a town and a comma ("Schenectady, N. Y.", "Old Tappan,
    N. J."), which the model read as a person or an organisation ("the Press
    Association, PA," is no Pennsylvania)."""
    return (
        "." in piece
        and alias_key(piece) in state_names()
        and _TOWN_BEFORE.search(text, max(0, at - 40), at) is not None
    )


# A royal's or a pope's style before a given name, and a regnal number after it:
# "Prince Charles", "Pope Francis", "Charles I", "Henry VIII".
_ROYAL_BEFORE = re.compile(rf"\b(?:{_ROYAL}|Emperor|Empress|Tsar|Czar) $")
_REGNAL_AFTER = re.compile(r" (?:[IVX]{2,}|[IVX](?=[,;:)]|['’]s\b))")


def _regnal(text: str, mention: Mention) -> Mention:
    """A one-word person's mention with the royal style before it or the regnal
    number after it, which the model left out: "Charles" of "Prince Charles's
    marriage" or "the death warrant for Charles I," is no Ray Charles of another
    report, and a bare given name would join him."""
    start, end = mention.start, mention.end
    if before := _ROYAL_BEFORE.search(text, max(0, start - 9), start):
        start = before.start()
    if after := _REGNAL_AFTER.match(text, end):
        end = after.end()
    if (start, end) == (mention.start, mention.end):
        return mention
    return Mention(start, end, text[start:end], mention.kind, mention.label)


def _styled_on(text: str, mention: Mention) -> Mention:
    """A person's mention ending with a style, run on over the name after it
    ("Tory Treasurer Lord Ashcroft"): never a surname "Lord" that every peer of
    the article would then be found by."""
    after = _NAME_AFTER.match(text, mention.end)
    if after is None:
        return mention
    end = after.end()
    return Mention(mention.start, end, text[mention.start : end], mention.kind, mention.label)


# A given name, a nickname in brackets or quotes, a surname: "Luis Gerardo
# (Jerry) Ortiz", "Kimani (Kiki) Gray", 'William "Mo" Cowan'.
_NICKNAMED = re.compile(
    r"\b(?P<given>[A-Z][a-z]+(?: [A-Z][a-z]+| [A-Z]\.)?)"
    r" (?:\((?P<bracketed>[A-Z][a-z]+)\)|[\"“](?P<quoted>[A-Z][\w.' ]{0,24}?)[\"”])"
    r" (?P<surname>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b"
)


def nicknamed(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A person named with a nickname between given name and surname is one
    mention, where the model cut it at the bracket or quote ("Luis Gerardo",
    "Jerry" and "Ortiz"; 'John "Jay'): the model's person mention starts at the
    given name, the nickname names no place ("Bellow (Canada) Gabriel" is a
    list of laureates, by the next bracket) and the surname starts no longer
    name of its own."""
    starts = {m.start: m for m in mentions if m.kind in NAMED_KINDS}
    result = list(mentions)
    for given in [m for m in mentions if m.kind == "person"]:
        match = _NICKNAMED.match(text, given.start)  # "Chief of Staff William "Mo" Cowan"
        if match is None or given.end > match.start("surname"):
            continue
        nickname = match.group("bracketed") or match.group("quoted")
        if is_major_place(alias_key(nickname)) or _in_a_list(text, match.start(), match.end()):
            continue
        if match.group("surname").lower() in _NOT_NAMES:
            continue  # 'Trump "Yes" Monday': a day, no surname
        after = starts.get(match.start("surname"))
        if after is not None and after.end > match.end("surname"):
            continue  # "... (Canada) Gabriel Garcia Marquez"
        start, end = match.start(), match.end()
        if not any(m.start == start and m.end == end for m in result):  # not joined already
            result = [m for m in result if m.end <= start or m.start >= end]
            result.append(Mention(start, end, text[start:end], "person", given.label))
    return sorted(result, key=lambda m: (m.start, m.end))


def _in_a_list(text: str, start: int, end: int) -> bool:
    """Whether the names at ``start:end`` are in a list of names with brackets
    ("Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia)", a team sheet)."""
    return text[end:].lstrip(" ")[:1] == "(" or text[:start].rstrip(" ")[-1:] == ")"


def _last_word_named(text: str) -> bool:
    """Whether a name's last word may be named on its own: a name of more than
    one word, none of them "and" or "or" ("Gary Locke", not "Fish and Wildlife")."""
    return " " in text.strip() and _JOINED.search(text) is None


def _parts(span: str, alone: set[str]) -> list[tuple[int, int]]:
    """Where the names of ``span`` are, relative to it. ``alone``: what the
    article names on its own (whole names and the last words of longer ones)."""
    pieces = _with_suffixes(span, _split(span, _LIST_BREAK))
    if len(pieces) > 1 and all(span[a:b][:1].isupper() for a, b in pieces):
        return pieces
    pieces = _split(span, _JOINED)
    if len(pieces) > 1 and all(_bare(span[a:b]) in alone for a, b in pieces):
        return pieces  # "Locke and Salazar" after "Gary Locke" and "Ken Salazar";
        # "Hartlepool or Boston" after each alone
    if _two_people(span):
        return pieces  # "Ernie Els and Retief Goosen", "Hayden Tanner and Willie Davies"
    if len(pieces) == 2 and " " in span[: pieces[0][1]] and span[pieces[1][0] :][:4] == "The ":
        return pieces  # two titles: "Midnight Express and The Commitments" ("Echo and
        # The Bunnymen", one word before, stays one band)
    pieces = _split(span, _SPEECH_INSIDE)
    if len(pieces) > 1 and all(span[a:b][:1].isupper() for a, b in pieces):
        return pieces
    pieces = _split(span, _INNER_POSSESSIVE)
    if len(pieces) == 2:
        return pieces
    return [(0, len(span))]


# A person's name as a name table knows it: a given name (see
# :func:`index.names.given_names`), an initial or a word more, a surname.
_PERSON_NAME = re.compile(r"(?P<given>[A-Z][a-z]+)(?: [A-Z]\.| [A-Z][\w'’-]+)? [A-Z][\w'’-]+")


def _a_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is shaped as a person's name (:data:`_PERSON_NAME`)."""
    found = _PERSON_NAME.fullmatch(text, start, end)
    return found is not None and found.group("given").lower() in given_names()


def _two_people(span: str) -> bool:
    """Whether ``span`` is two people's full names joined by "and" (see
    :data:`_TWO_PEOPLE`), whatever kind the model gave it."""
    two = _TWO_PEOPLE.fullmatch(span)
    if two is None:
        return False
    return not given_names().isdisjoint((two.group("one").lower(), two.group("other").lower()))


def _broken(span: str) -> re.Pattern[str] | None:
    """What breaks ``span`` into several names: a quote not closed in it, a
    spaced dash, or words in lower case between two names; None where nothing
    does."""
    if len(re.findall(r"[\"“”]", span)) % 2:
        return _QUOTE
    if _DASH.search(span):
        return _DASH
    return _LOWER_RUN if _LOWER_RUN.search(span) else None


def _broken_parts(
    text: str, at: int, span: str, broken: re.Pattern[str] | None, alone: set[str]
) -> list[tuple[int, int]]:
    """:func:`_parts` of each piece of ``span`` (at ``at`` in ``text``) between
    the marks that break it (see :func:`_broken`), less a piece of one word
    that is a slug's or a field's name: first on its line ("CRICKET - LARA",
    "Goalkeepers - Bogdan Stelea"), a word the article also writes in lower
    case ('"New" Labour'), or a function word ("The")."""
    if broken is None:
        return _parts(span, alone)
    pieces = _lower_pieces(span) if broken is _LOWER_RUN else _split(span, broken)
    slug = broken is _DASH and not text[text.rfind("\n", 0, at) + 1 : at].strip()
    found = []
    for a, b in pieces:
        piece = span[a:b]
        word = piece.lower()
        if " " not in piece and (
            (a == 0 and slug)
            or word in _function_words()
            or word.rstrip(".") in _NOT_NAMES
            or word.rstrip(".") in ROLES
            or re.search(rf"\b{re.escape(word)}\b", text)
        ):
            continue
        found += [(a + start, a + end) for start, end in _parts(piece, alone)]
    return found


# One initial: "R." of "(R., Ohio)", "T." of "T. rex".
_INITIAL = re.compile(r"[A-Z]\.")
# What ends a name after a comma, no name of its own: a company's legal form
# ("Nuance Communications, Inc."), a generational suffix ("Bruce L Castor Jr").
_SUFFIX_PIECES = frozenset({"inc", "corp", "ltd", "llc", "plc", "co", "jr", "sr"})


def _with_suffixes(span: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` with each that is a suffix (:data:`_SUFFIX_PIECES`) joined to
    the one before it."""
    joined: list[tuple[int, int]] = []
    for a, b in pieces:
        if joined and span[a:b].lower().rstrip(".") in _SUFFIX_PIECES:
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def _lower_pieces(span: str) -> list[tuple[int, int]]:
    """``span``'s pieces between its runs of words in lower case (see
    :data:`_LOWER_RUN`); a run before a title stays with the name before it
    ("Vancouver police" of "Vancouver police Const."; "Commons after" of "Commons
    after Mr Brown", whose "after" :func:`_mend` cuts)."""
    pieces, last = [], 0
    for match in _LOWER_RUN.finditer(span):
        title = _WORD.match(span, match.end())
        if title is not None and title.group().lower().rstrip(".") in ROLES:
            pieces.append((last, len(span[: match.end()].rstrip())))
        else:
            pieces.append((last, match.start()))
        last = match.end()
    pieces.append((last, len(span)))
    return [(a, b) for a, b in pieces if b > a]


def _split(span: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces, last = [], 0
    for match in pattern.finditer(span):
        pieces.append((last, match.start()))
        last = match.end()
    pieces.append((last, len(span)))
    return [(a, b) for a, b in pieces if b > a]


def _mend(span: str, start: int, end: int, person: bool = False) -> tuple[int, int]:
    """A part without leading page furniture, nor trailing small words, scores or
    words the model ran on into (see :func:`_trails`); a person's without a word
    that opened its sentence ("Sometimes Cruz misbehaved": an English function
    word, no given name)."""
    words = span[start:end].split(" ", 1)
    leading = len(words) == 2 and words[1][:1].isupper()
    if leading and (words[0] in _FURNITURE or person and words[0].lower() in _function_words()):
        start += len(words[0]) + 1
    elif leading and person and _role_before_a_name(words[0], words[1]):
        start += len(words[0]) + 1  # "Defender Hassan Abbas": what he is, then who
    if (figure := _FIGURE_LAST.search(span, start, end)) and figure.start() > start:
        end = figure.start()
    if person and (rank := _RANK_LAST.search(span, start, end)) and rank.start() > start:
        end = rank.start()  # "Carl 44th": a place in a table; not "September 11th"
    # "Banstead in", "Evansville 91-73", "Mary be", "Christie today", a word at a time
    while (last := _LAST_WORD.search(span, start, end)) and last.start() > start:
        if not _trails(last.group(1)):
            break
        end = last.start()
    return start, end


def _role_before_a_name(word: str, rest: str) -> bool:
    """Whether a person's span opens with what the person is before a full name
    ("Defender Hassan Abbas", "Midfielder Valentin Stefan"), not a style that
    is part of the name ("Sir Alex Ferguson", "Prince Charles")."""
    role = word.lower().rstrip(".")
    return role in ROLES and role not in _STYLES and len(rest.split()) >= 2


_STYLES = frozenset(_STYLE.lower().split("|")) | {"cardinal"}  # "Cardinal Newman" too
# A span's last word: a score ("91-73", a bowler's "7-0-40-2", a set's "1-6,4-6"),
# a figure with its unit ("2bn"), one in lower case, or one written short; not a
# version or a frequency ("Firefox 1.0", "Power 105.1").
_LAST_WORD = re.compile(
    r"\s+([\d–-]+|\d[\d.,]*[–-][\d.,–-]*|\d[\d.,]*(?:bn|m|k)|[a-z]+|[A-Z][a-z]{1,4}\.?)$"
)
# A rank after a person's name in a table ("Reich 29th, Carl 44th").
_RANK_LAST = re.compile(r"\s+\d+(?:st|nd|rd|th)$")
# A figure and what it counts, run on after a name ("Barrick 75 percent", "Bowyer
# 4,000 pounds"); "Varig 2bn" above.
_FIGURE_LAST = re.compile(r"\s+\d[\d.,]*\s+[a-z]+$")
# Words that run on after a name which are not function words of the language:
# a match's "v", a day's adverb, an ordinal.
_RUN_ON = frozenset(
    {"v", "vs", "today", "yesterday", "tonight", "tomorrow", "second", "fourth", "fifth",
     "sixth", "seventh", "eighth", "ninth", "tenth"}
)  # fmt: skip
# Titles written short, which no one bears as a name ("Sgt.", unlike "King").
_SHORT_TITLES = frozenset(
    {"mr", "dr", "prof", "rev", "sen", "rep", "gov", "gen", "col", "maj", "capt", "lt", "sgt",
     "cpl", "det", "const", "supt"}
)  # fmt: skip


def _trails(word: str) -> bool:
    """Whether a span's last word is no part of the name before it, where the
    model ran on past the name: a score ("Evansville 91-73"), a function word
    ("Banstead in", "Mary be", "ITV1 show"), a day's adverb or an ordinal
    ("Christie today", "Brett Rund fourth"), not a noun a name takes ("Bush
    administration", "Qeshm island"); or a title written short before the name
    it did not take ("Las Vegas Police Sgt" before "John Sheahan")."""
    if not word[0].isalpha():
        return True
    if word[0].isupper():
        return word.lower().rstrip(".") in _SHORT_TITLES
    return word in _function_words() or word in _RUN_ON


def trim_headlines(
    text: str, mentions: Sequence[Mention], headlines: Sequence[tuple[int, int]]
) -> list[Mention]:
    """Mentions with a headline's span cut to the names the article's body knows:
    in Title Case the model runs a name into the words around it ("Lindsay Lohan
    Check", "Colts Beat Chiefs", "Esther Williams Dead"), which the body never
    writes with a capital. A span the body names as it is, or with words that may
    be part of the name (see :func:`_part_of_a_name`), is kept."""
    inside = SpanSet(headlines)
    named = [m.kind in NAMED_KINDS and inside.overlaps(m.start, m.end) for m in mentions]
    if not any(named):  # most articles: nothing to cut, so nothing to read
        return list(mentions)
    names = _names([m for m, here in zip(mentions, named, strict=True) if not here])
    if not names:
        return list(mentions)
    spellings = _Spellings(names)
    middle: dict[str, Counter[str]] | None = None  # the body's case, read once if needed
    result = []
    for mention, here in zip(mentions, named, strict=True):
        found = list(spellings.finditer(text, mention.start, mention.end)) if here else []
        if found and not _named_as_is(mention.text, names, found):
            if middle is None:
                body = "\n".join(text[a:b] for a, b in _outside(headlines, len(text)))
                middle = _body_forms(body)[0]
            if not _part_of_a_name(text, mention, found, middle, names):
                result += [Mention(at, at + len(name), name, *names[name]) for at, name in found]
                continue
        result.append(mention)
    return result


def _outside(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters outside ``spans``."""
    result, last = [], 0
    for start, end in sorted(spans):
        result.append((last, start))
        last = max(last, end)
    return result + [(last, length)]


def _named_as_is(span: str, names: Mapping[str, object], found) -> bool:
    return _bare(span) in names or (len(found) == 1 and len(found[0][1]) == len(span))


def _part_of_a_name(
    text: str, mention: Mention, found, middle, names: Mapping[str, tuple[str, str]]
) -> bool:
    """Whether the words of ``mention`` outside the names ``found`` in it may be
    part of a name: one the body writes with a capital mid-sentence ("New York
    Times" beside "New York"), or, after a one-word name the body gives a person,
    a word the body never writes (the surname of "Lindsay Lohan" beside
    "Lindsay"; not "Colts Clinch", where the body's Colts are a team)."""
    taken = SpanSet((at, at + len(name)) for at, name in found)
    unknown = False
    for word in _WORD.finditer(text, mention.start, mention.end):
        if taken.overlaps(word.start(), word.end()):
            continue
        spellings = middle.get(word.group().lower())
        if spellings and spellings.most_common(1)[0][0][:1].isupper():
            return True
        unknown = unknown or not spellings
    at, name = found[0]
    given = len(found) == 1 and " " not in name and at == mention.start
    return unknown and given and mention.kind == "person" and names[name][0] == "person"


def surname(words: Sequence[str]) -> str | None:
    """The surname of a full name's words ("Arcade Joseph Comeaux Jr." -> Comeaux)."""
    words = [w.rstrip(",") for w in without_suffix(list(words))]
    return words[-1] if len(words) > 1 else None


def relabel(mentions: Sequence[Mention], text: str | None = None) -> list[Mention]:
    """One kind per name within an article: a bare name that is the surname of a
    person named in full here is that person ("Teixeira" tagged as an
    organisation beside "Mark Teixeira"; "LARA" in a headline's capitals); a
    name ``text`` writes as a body's ("oil giant Yukos", "Manchester United
    striker Wayne Rooney") is an organisation (see :func:`_bodies`); otherwise
    mentions of one spelling take the kind most of them have. A capitalised run
    the model left (label "") has a say only where the model never labelled
    that spelling."""
    mentions = [_titled(m) for m in mentions]
    surnames = set()
    for mention in mentions:
        if mention.kind == "person":
            last = surname(mention.text.split())
            if last and _is_surname(last):
                surnames.add(last)
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            votes[_bare(mention.text)][(mention.kind, mention.label)] += 1
    bodies = _bodies(text, mentions) - surnames if text is not None else set()
    bodies |= _companies(text, mentions) if text is not None else set()
    things = _things(text, mentions) - surnames if text is not None else set()
    result = []
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            bare = _bare(mention.text)
            if bare in surnames or _a_surname_in_capitals(mention, bare, surnames):
                kind, label = "person", "PERSON"
            elif bare in bodies:
                kind, label = "organisation", "ORG"
            elif bare in things:
                kind, label = "other", ""
            else:
                kind, label = _voted(votes[bare])
            if kind != mention.kind:
                mention = Mention(mention.start, mention.end, mention.text, kind, label)
        result.append(mention)
    return result


# The label of a one-word name the text itself shows to be a person's: a
# title or what the person is just before it ("Dr. Collins", "Lord Falconer",
# "singer Usher": the model's span leaves it out) or "he" or "she" after it,
# before any other name.
PERSON_SHOWN = "SHOWN"
_WORD_BEFORE = re.compile(r"(?:^|(?<=\W))([^\W\d_]+)\.?\s+$")
_AFTER_PREPOSITION = re.compile(
    r"(?:^|\W)(?:at|in|to|from|on|for|with|against|of|into|by|over|beat|beating)\s+$"
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_LETTERS = re.compile(r"[^\W\d_]+")
_HE_SHE = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
_NOT_HE_SHE = frozenset({"it", "its", "itself", "they", "their", "them", "themselves", "which"})


def shown_people(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions``, a one-word person's labelled :data:`PERSON_SHOWN` where the
    text shows a person there (see :func:`_shows_person`)."""
    return [
        Mention(m.start, m.end, m.text, m.kind, PERSON_SHOWN)
        if m.kind == "person" and " " not in m.text.strip() and _shows_person(text, m)
        else m
        for m in mentions
    ]


def role_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is a person's title or role
    (:data:`PERSON_BEFORE`: "England coach Sven-Goran Eriksson", "Mr. Brown")."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in PERSON_BEFORE


def _shows_person(text: str, mention: Mention) -> bool:
    """A title or a person's role just before the name, or, in the rest of its
    sentence, "he" or "she" (his, her, ...) before any capitalised word, "it" or
    "they", where no preposition comes before the name ("Bono said he"; not
    "Firefox has seen its", "Everton boss David Moyes said he", "at Anfield
    since he")."""
    if role_before(text, mention.start):
        return True
    if _AFTER_PREPOSITION.search(text, max(0, mention.start - 8), mention.start):
        return False  # "back at Anfield since he joined": the place is not "he"
    rest = text[mention.end : mention.end + 120]
    end = _SENTENCE_END.search(rest)
    for word in _LETTERS.findall(rest[: end.start()] if end else rest):
        lower = word.lower()
        if lower in _HE_SHE:
            return True
        if lower in _NOT_HE_SHE or word[0].isupper():
            return False
    return False


# The label of a name the text itself shows to be a place's: after a
# preposition of place ("in Kashmir", "the region of Darfur"), before "-based" or
# "border", or in a list with a place any gazetteer knows ("Zimbabwe and Burma").
PLACE_SHOWN = "AT"
_PLACE_BEFORE = re.compile(
    r"(?:^|\W)(?:in|near|across|outside|throughout|around|inside|at|from|into|via|towards?|"
    r"back\s+to|"
    r"(?:region|city|town|state|province|island|capital|village|county|country|parts|north|"
    r"south|east|west) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... but not a stake, a role or a flaw in it, nor a bid from it ("shares in
# Gazprom", "a flaw in Windows", "starred in Sideways", "chief executive at
# Xstrata", "a takeover proposal from Newmont").
_NOT_PLACE_BEFORE = re.compile(
    r"\b(?:stakes?|shares|interest|investment|holdings?|deal|flaws?|bugs?|holes?|loopholes?|"
    r"roles?|star|starring|starred|works?|worked|jobs?|career|chief|boss|executive|head|"
    r"nominated|nominations?|bids?|offers?|proposals?)\s+\w+\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"-based\b|\s+(?:region|province|border|coast)\b")
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


# The words of a web page's furniture that a scraped article keeps in its text
# ("Hide Caption 1 of 43 Photos: The search for MH370", "Replay More Videos",
# "Enlarge Image"), and a paper's figures ("Supplementary Fig. 3"); not
# "Close", "Read" or "Next", which are also names.
PAGE_WORDS = frozenset(
    {"hide", "caption", "captions", "photo", "photos", "image", "images", "enlarge",
     "video", "videos", "replay", "more", "gallery", "slideshow", "playlist", "loading",
     "subscribe", "advertisement", "related", "watch", "share", "click", "view", "buy",
     "autoplay", "skip", "download", "news", "fig", "figs", "supplementary"}
)  # fmt: skip


def without_furniture(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that are more than a page's furniture (:data:`PAGE_WORDS`),
    without two or more such words before the name ("Enlarge Image Glenn
    Close" is Glenn Close; "Related Companies" stays whole), and more than a
    word of the language (see :func:`_no_name`)."""
    kept = []
    for mention in mentions:
        if _no_name(text, mention):
            continue
        words = list(_WORD.finditer(mention.text))
        lead = 0
        while lead < len(words) and words[lead].group().lower() in PAGE_WORDS:
            lead += 1
        if lead == len(words) and words:
            continue
        if lead >= 2:
            cut = words[lead].start()
            mention = replace(mention, start=mention.start + cut, text=mention.text[cut:])
        kept.append(mention)
    return kept


def _no_name(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is words of the language, not a name: one function
    word the model or a title's cut left as a name of no kind ("Last" of a
    dateline's "Last updated at 11:11 GMT", "Twelve" of "Ocean's Twelve", "Never"
    of "It's Now or Never"; an acronym in capitals stays) or as a place ("Us
    magazine" is not the US), function words
    labelling a line ("Subs Not Used: Johnson, Smertin"), or a title before a
    name alone (:data:`PERSON_BEFORE`: "Sgt." of "Sgt. Shayne La Croix",
    "Cardinal" read as a body)."""
    word = mention.text.lower().rstrip(".")
    if (
        " " not in word
        and word in PERSON_BEFORE  # not "Justice" of "the Justice Department"
        and (mention.kind != "person" or word in _SHORT_TITLES)
        and _CAPITAL_NEXT.match(text, mention.end)
    ):
        return True
    words = mention.text.split()
    if not words or not all(word.lower() in _function_words() for word in words):
        return False
    if text[mention.end : mention.end + 1] == ":":
        return True
    # one function word of no kind, or a place's written in lower case after a
    # capital: "Us magazine" is not the US (written "US"); a headline's "Tell Us"
    return (
        len(words) == 1
        and mention.kind in ("other", "place")
        and not mention.text.isupper()
        and (mention.kind == "other" or mention.text.istitle())
    )


_CAPITAL_NEXT = re.compile(r"\.? [A-Z]")


# What a person's name makes an organisation of when it follows: "the Obama
# administration said", "the Trump campaign", "the Blair government".
_RUN_BY = re.compile(r" (?:administration|campaign|government|presidency|cabinet|team)\b")


def run_by(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with a person's name and the word after it that makes it a body
    he or she leads one organisation ("Obama administration"): what it says is
    not what the person says, nor is it the person."""
    result = []
    for mention in mentions:
        after = _RUN_BY.match(text, mention.end) if mention.kind == "person" else None
        if after is not None:
            mention = replace(
                mention, end=after.end(), text=text[mention.start : after.end()],
                kind="organisation",
            )  # fmt: skip
        result.append(mention)
    return result


def shown_places(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (in text order), a place's labelled :data:`PLACE_SHOWN`
    where the text shows a place there."""
    result = list(mentions)
    for i, mention in enumerate(result):
        if mention.kind != "place" or not mention.label:
            continue
        before = text[max(0, mention.start - 30) : mention.start]
        if (
            place_before(before)
            or _PLACE_AFTER.match(text, mention.end)
            or any(_listed_with(text, mention, other) for other in result[max(0, i - 1) : i + 2])
        ):
            result[i] = Mention(mention.start, mention.end, mention.text, mention.kind, PLACE_SHOWN)
    return result


def place_before(before: str) -> bool:
    """Whether the words ``before`` a name show a place there: a preposition of
    place ("in Kashmir", "bring the cup back to Manchester"), not a stake, a role
    or a bid in it ("shares in Gazprom")."""
    return bool(_PLACE_BEFORE.search(before)) and not _NOT_PLACE_BEFORE.search(before)


def _listed_with(text: str, mention: Mention, other: Mention) -> bool:
    """``other`` is a place a gazetteer knows, next to ``mention`` in a list."""
    first, second = sorted((mention, other), key=lambda m: m.start)
    return (
        other is not mention
        and other.kind == "place"
        and _LISTED.fullmatch(text, first.end, second.start) is not None
        and is_known_place(alias_key(other.text))
    )


# Words that only ever come before a person's name ("Mr Kilroy-Silk", "Sir Alex
# Ferguson"); not "Miss" ("Miss World") nor "Dr" ("Dr Who", "Dr Pepper").
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Sir", "Dame", "Lord", "Lady", "Baroness"})
# What only a person's name follows: a title, a word for what a person is
# (names.ROLES, and a few of sport and show business), less the words that also
# come before a thing's name ("state", "former", "chief", "health").
PERSON_BEFORE = (
    ROLES
    | {title.lower() for title in _TITLES}
    | {"boss", "forward", "frontman", "keeper", "presenter", "winger"}
) - {
    "chief", "defence", "defense", "deputy", "executive", "finance", "foreign", "former",
    "general", "health", "interior", "justice", "late", "major", "prime", "star", "state",
    "vice",
}  # fmt: skip
_TITLED = re.compile(r"(\w+)\.?\s+[A-Z]")


_LOWER_AFTER_HYPHEN = re.compile(r"[A-Z][a-z]*-[a-z]+")  # one word: not "Ban Ki-moon"


def _titled(mention: Mention) -> Mention:
    """A mention opening with a person's title is a person, whatever the model
    called it ("Mr Kilroy-Silk" read as a place); one word written with a small
    letter after a hyphen is a thing's name, not a person's ("Blu-ray", never "Ray";
    but "Ban Ki-moon")."""
    if mention.kind in NAMED_KINDS and mention.kind != "person":
        found = _TITLED.match(mention.text)
        if found and found.group(1) in _TITLES:
            return Mention(mention.start, mention.end, mention.text, "person", "PERSON")
    elif mention.kind == "person" and _LOWER_AFTER_HYPHEN.fullmatch(mention.text):
        return Mention(mention.start, mention.end, mention.text, "other", "PRODUCT")
    return mention


# What a company, a club or a party is called just before its name ("oil giant
# Yukos", "the Russian oil firm Yukos") and what follows the name of one
# ("Manchester United striker Wayne Rooney", "Yukos shareholders", "Lib Dem
# leader Charles Kennedy"); a person's name is followed by none of these
# ("Jackson spokesman" is a person's, and in "Beckham shares his secret" shares
# is a verb), nor preceded ("Wikileaks publisher Julian Assange", "Broadway
# producer Gary Goddard", "camera operator", "film maker" name people).
# What only a company is called just before its name, and what only follows one.
_COMPANY_WORDS = (
    "firm|company|conglomerate|lender|insurer|carrier|airline|retailer|supermarket|"
    "manufacturer|broadcaster|utility"
)
_COMPANY_PARTS = "chairman|chief executive|shareholders|directors|executives|subsidiary"
_BODY_BEFORE = re.compile(
    rf"\b(?:{_COMPANY_WORDS}|giant|group|bank|chain|network|club|side|party|label|studio|"
    r"agency|regulator|watchdog)\s+$"
)
_BODY_AFTER = re.compile(
    rf"^\s+(?:{_COMPANY_PARTS}|striker|midfielder|defender|goalkeeper|winger|keeper|leader|"
    r"MPs|stake|board|employees|workers|staff|headquarters)\b"
)


def _bodies(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The bare names the model reads as people ("Yukos", "Manchester United")
    that ``text`` writes somewhere as those of companies, clubs or parties (not
    "French striker ...", a people's name: only mentions read as people)."""
    people = [m for m in mentions if m.kind == "person"]
    return _written_as(text, people, _BODY_BEFORE, _BODY_AFTER, 20)


def _written_as(
    text: str, mentions: Sequence[Mention], before: re.Pattern[str], after: re.Pattern[str],
    reach: int,
) -> set[str]:  # fmt: skip
    """The bare names of ``mentions`` that ``text`` writes somewhere with
    ``before`` ending the 30 characters before one, or ``after`` opening the
    ``reach`` characters after it."""
    found = set()
    for mention in mentions:
        if before.search(text[max(0, mention.start - 30) : mention.start]) or after.match(
            text[mention.end : mention.end + reach]
        ):
            found.add(_bare(mention.text))
    return found


# What only a company's name follows or is followed by, for a one-word name the
# model reads as a place ("gas giant Gazprom", "BT chief executive Ben
# Verwaayen"); not "Asian giant China", "Detroit workers" nor "Tokyo shares".
_COMPANY_BEFORE = re.compile(
    r"\b(?:(?:oil|gas|energy|telecoms?|phone|mining|media|drinks|drugs|software|internet|"
    rf"search|retail|banking|chemicals|steel|car|computer|electronics|food)\s+giant|"
    rf"{_COMPANY_WORDS}|maker|operator)\s+$"
)
_COMPANY_AFTER = re.compile(rf"^(?:'s)?\s+(?:{_COMPANY_PARTS})\b")


def _companies(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The one-word names the model reads as places that ``text`` writes somewhere
    as a company's."""
    places = [m for m in mentions if m.kind == "place" and " " not in m.text.strip()]
    return _written_as(text, places, _COMPANY_BEFORE, _COMPANY_AFTER, 22)


_DETERMINER = re.compile(r"(?:^|\W)(?:the|an|a)\s+$")


def _things(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The one-word names the model reads as people that ``text`` writes after
    "the", "a" or "an" at least half the times it names them ("the Premiership",
    "an Oscar for"), not before a noun ("the Gershon review"): a thing's name, not
    a person's ("the Blair government" once among many "Blair" is still his)."""
    after: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for mention in mentions:
        if mention.kind != "person" or " " in mention.text.strip():
            continue
        bare = _bare(mention.text)
        total[bare] += 1
        if _DETERMINER.search(text, max(0, mention.start - 5), mention.start):
            noun = _NEXT_WORD.match(text, mention.end)  # "the Gershon review": his
            if noun is None or noun.group(1) in _function_words():
                after[bare] += 1
    people = {m.text.split()[-1] for m in mentions if m.kind == "person" and m.text.split()}
    return {name for name, n in after.items() if 2 * n >= total[name] and not _family(name, people)}


def _family(name: str, people: set[str]) -> bool:
    """A family named in the plural ("the Obamas" beside "Obama")."""
    return name.endswith("s") and (name[:-1] in people or name[:-2] in people)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _a_surname_in_capitals(mention: Mention, bare: str, surnames: set[str]) -> bool:
    """Whether a name in capitals is the surname of a person named here: "LARA"
    of a wire's headline after "Brian Lara", "TRUMP" the model read as an
    organisation; never a town ("WASHINGTON" of a dateline, beside Denzel
    Washington), which the model or the dateline labelled a place."""
    return KINDS.get(mention.label) != "place" and bare.isupper() and bare.title() in surnames


def _voted(votes: Counter[tuple[str, str]]) -> tuple[str, str]:
    """The most common (kind, label), the model's labels before the backoff's."""
    labelled = Counter({vote: n for vote, n in votes.items() if vote[1]})
    return (labelled or votes).most_common(1)[0][0]


def _bare(text: str) -> str:
    """A spelling without a possessive ending."""
    return re.sub(r"['’]s?$", "", " ".join(text.split()))


def propagate(
    text: str,
    mentions: Sequence[Mention],
    regions: Iterable[tuple[int, int]],
    known: Sequence[Mention] = (),
) -> list[Mention]:
    """``mentions`` plus every further occurrence, inside ``regions``, of a name
    they (or ``known``, mentions from elsewhere in ``text``'s story) recognise: the
    same words in the same case (or in capitals), and a person's surname alone
    (of this article's names only). Kinds are voted over the name's mentions;
    spans that overlap a mention already found are left to it, unless the name
    covers it whole, where the model cut the name short ("Gulf" in the headline
    "Indian Navy foils attack in Gulf of Aden", "Betty Ford" in "Lindsay Lohan
    checks into Betty Ford Center"; see :func:`_cut_short`). A page's furniture
    is left out, found or given (see :func:`without_furniture`: "Replay" is no
    surname of a "Twitter Replay")."""
    names = _names(mentions)
    for name, voted in _names(known, surnames=False).items():
        names.setdefault(name, voted)
    if not names:
        return without_furniture(text, mentions)
    taken = SpanSet((m.start, m.end) for m in mentions)
    spans = {(m.start, m.end) for m in mentions}
    added = SpanSet()  # found here, in text order: appended, not inserted
    found = list(mentions)
    spellings = _Spellings(names)
    for start, end in regions:
        for at, name in spellings.finditer(text, start, end):
            stop = at + len(name)
            if (at, stop) in spans or added.overlaps(at, stop):
                continue
            kind, label = names[name]
            if taken.overlaps(at, stop):
                inner = [m for m in found if m.start < stop and at < m.end]
                if not _cut_short(inner, name, kind, at, stop):
                    continue
                found = [m for m in found if m not in inner]
            found.append(Mention(at, stop, name, kind, label))
            added.add(at, stop)
    found.sort(key=lambda m: (m.start, m.end))
    return without_furniture(text, found)


def _cut_short(inner: Sequence[Mention], name: str, kind: str, start: int, end: int) -> bool:
    """Whether the name ``name`` of ``kind`` at ``start:end`` replaces the mentions
    ``inner`` it overlaps: one name, covered whole ("Gulf" in "Gulf of Aden",
    "Maurice" in "Maurice Cheeks", "Press" in "Associated Press"). Besides places
    ("Qeshm island"), not a name ending with a word in lower case, a span the model
    ran on ("SEACOM undersea cable"), nor a class of people ("Labour MPs"), nor one
    beginning with what a person is ("Mr Blair": the name is Blair, and the entity
    is named Tony Blair). Kept to places until sports teams' names were joined
    (index/teams.py): "Kansas City" and "Chiefs" inside "Kansas City Chiefs" were
    then left apart from the articles' many bare "Chiefs"."""
    words = name.split()
    return (
        len(inner) == 1
        and (
            kind == "place"
            or not (
                words[-1].islower()
                or _PLURAL_ACRONYM.fullmatch(words[-1])
                or words[0].lower().rstrip(".") in ROLES
            )
        )
        and inner[0].kind in NAMED_KINDS
        and start <= inner[0].start
        and inner[0].end <= end
    )


def _names(mentions: Sequence[Mention], surnames: bool = True) -> dict[str, tuple[str, str]]:
    """Spellings to look for, with the kind and label voted over their mentions."""
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for mention in mentions:
        if mention.kind not in NAMED_KINDS or not mention.text[:1].isupper():
            continue
        text = " ".join(mention.text.split())
        if len(text) < _MIN_NAME or text != mention.text:
            continue
        votes[text][(mention.kind, mention.label)] += 1
        last = surname(text.split()) if mention.kind == "person" and surnames else None
        if last and _is_surname(last):
            votes[last][(mention.kind, mention.label)] += 1
    names = {}
    for text, counted in votes.items():
        best = counted.most_common(1)[0][0]
        names[text] = best
        if text.upper() != text and len(text) > _MIN_NAME:
            names.setdefault(text.upper(), best)
    return names


# A surname as names are written: "Umerov", and also "McConnell", "DiCaprio",
# "O'Gara" and "Kilroy-Silk"; not an acronym ("BBC") nor "Blu-ray".
_SURNAME = re.compile(r"[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)*(?:-[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)*)*")


def _is_surname(word: str) -> bool:
    return (
        len(word) >= _MIN_NAME
        and _SURNAME.fullmatch(word) is not None
        and any(c.islower() for c in word)
    )


class _Spellings:
    """The names to look for as a tree of characters, so that finding the
    longest name at a place costs that name's length, not the number of names:
    one pattern alternating the names tried each of them at every word (3.4 s
    for 16,000 names in 320,000 characters, 15 times a quarter of that).

    A name matches as the pattern
    ``(?<![\\w.'’-])NAME(?=['’]s\\b|(?<=s)['’](?!\\w)|[^\\w'’.-]|\\.(?!\\w)|$)`` would,
    with ``end`` read as the end of the text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.root: dict[str, Any] = {}
        for name in names:
            node = self.root
            for char in name:
                node = node.setdefault(char, {})
            node[""] = name  # a whole name ends here
        first = "".join(sorted(self.root))
        self.starts = re.compile(rf"(?<![\w.'’-])(?=[{re.escape(first)}])")

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """``(offset, name)`` of each name in ``text[start:end]``, leftmost and
        longest first, never overlapping."""
        after = start
        for match in self.starts.finditer(text, start, end):
            at = match.start()
            if at < after:
                continue
            name = self._longest(text, at, end)
            if name is not None:
                after = at + len(name)
                yield at, name

    def _longest(self, text: str, at: int, end: int) -> str | None:
        node, best = self.root, None
        for position in range(at, end):
            child = node.get(text[position])
            if child is None:
                break
            node = child
            if "" in node and _name_ends(text, position + 1, end):
                best = node[""]
        return best


def _name_ends(text: str, position: int, end: int) -> bool:
    """Whether a name may end before ``position``: at the end, before a
    possessive (a plural's too), a full stop that ends no word, or a character of
    no word."""
    if position >= end:
        return True
    char = text[position]
    if char == ".":
        return position + 1 >= end or not _word_char(text[position + 1])
    if char in "'’":
        if text[position - 1] == "s":  # a plural's possessive: "the Chargers' lineman"
            return position + 1 >= end or not _word_char(text[position + 1])
        return (
            position + 1 < end
            and text[position + 1] == "s"
            and (position + 2 >= end or not _word_char(text[position + 2]))
        )
    return not _word_char(char) and char != "-"


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def title_span(article: Article) -> tuple[int, int] | None:
    """Where the title stands in the article's text, when it does (a headline line
    of a text file; not a title that only metadata holds)."""
    if not article.title:
        return None
    limit = article.passages[0].start if article.passages else len(article.text)
    at = article.text.find(article.title, 0, limit + len(article.title))
    if at < 0 or any(p.start < at + len(article.title) and at < p.end for p in article.passages):
        return None
    return at, at + len(article.title)


def regions(article: Article) -> list[tuple[int, int]]:
    """The spans of text that mentions are looked for in: title and passages."""
    title = title_span(article)
    return ([title] if title else []) + [(p.start, p.end) for p in article.passages]


def share_names(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    groups: Mapping[str, str],
) -> dict[str, list[Mention]]:
    """Each article's mentions plus the names that other articles of its story
    recognise and it repeats where the model missed them (often as a sentence's
    first word, "Chargers defensive tackle Jamal Williams..."): a story's articles
    name the same people, places and organisations. A full name (two words or
    more) is looked for as it is; a one-word name only where the model tagged it
    in two articles of the story and the article never writes it in lower case
    ("Police" is no name where it writes "police")."""
    result = {aid: list(found) for aid, found in mentions.items()}
    for members in story_members(articles, groups):
        result.update(share_in_story(articles, mentions, members))
    return result


def story_members(articles: Iterable[str], groups: Mapping[str, str]) -> list[list[str]]:
    """The articles of each story of more than one article, each list sorted:
    the stories :func:`share_names` shares names in."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for article in sorted(articles):
        by_story[groups.get(article, article)].append(article)
    return [members for members in by_story.values() if len(members) > 1]


def share_in_story(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    members: Sequence[str],
) -> dict[str, list[Mention]]:
    """:func:`share_names` in one story: its articles' mentions with the names
    shared (it reads nothing of the corpus beyond these articles)."""
    full = [m for aid in members for m in mentions.get(aid, ()) if " " in m.text.strip()]
    single = _story_words(members, mentions)
    result = {}
    for aid in members:
        own, text = mentions.get(aid, []), articles[aid].text
        lower = {w for w in _WORD.findall(text) if w.islower()}
        known = full + [m for m in single if m.text.lower() not in lower]
        result[aid] = propagate(text, own, regions(articles[aid]), known)
    return result


def _story_words(
    members: Sequence[str], mentions: Mapping[str, Sequence[Mention]]
) -> list[Mention]:
    """The one-word names the model itself tagged (not a rule's guess) in at least
    two articles of a story, one mention of each per article; not a class of
    people in capitals ("MPs")."""
    seen: dict[str, dict[str, Mention]] = defaultdict(dict)
    for aid in members:
        for mention in mentions.get(aid, ()):
            word = mention.text
            if (mention.label and mention.kind in NAMED_KINDS and _WORD.fullmatch(word)
                    and not _PLURAL_ACRONYM.fullmatch(word)):  # fmt: skip
                seen[word].setdefault(aid, mention)
    return [m for found in seen.values() if len(found) >= 2 for m in found.values()]
