"""The model's spans mended: a list of names or two names in one span split
(:func:`split_spans`), a royal's style, a regnal number or a name after a
style taken in, a nickname joined to the name around it (:func:`nicknamed`),
and a name the model cut in two joined again where the article writes its
end whole (:func:`rejoined`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..gazetteer import is_major_place, state_names
from ..model import Mention
from ..names import PARTICLES, ROLES, alias_key, given_names
from .capitalised_runs import _NOT_NAMES, _a_person, page_furniture
from .edges import _ROYAL, _STYLE, _mend
from .words import _WORD, NAMED_KINDS, SPEECH_VERBS, _bare, _function_words

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
# A verb of speech between two names: 'the vehicles," Lackey told The Associated
# Press' (one span of the model's).
_SPEECH_INSIDE = re.compile(rf"\s+(?:{SPEECH_VERBS}|asks|claims)\s+")
# A preposition between two names the article names alone ("Durst in New York"):
# see :func:`_parts`.
_BETWEEN = re.compile(r"\s+(?:in|to|for)\s+(?=[A-Z])")
# A possessive between two names ("Istanbul's Dolmabahçe Palace"), not in a day's
# name ("New Year's Eve", "St Patrick's Day") nor after a plural that opens an
# institution's name ("Children's Hospital Colorado", "St. Jude Children's Research
# Center", "Women's World Cup", "People's Republic of China").
_INNER_POSSESSIVE = re.compile(
    r"(?<!\bChildren)(?<!\bWomen)(?<!\bMen)(?<!\bPeople)['’]s\s+(?=[A-Z])(?!(?:Day|Eve)\b)"
)


def split_spans(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with bad spans mended: a list of names is one mention per name
    ("Barkley, Beattie, Christophers"; "Advanced Micro Devices/ATI Technologies"),
    two names joined by "and" or "or" are two where each is named alone in the article
    or ends a longer name of it ("Locke and Salazar" after "Gary Locke"), so are
    two names around "in", "to" or "for" where the first is named alone
    ("Durst in New York") and the second alone or ending a longer name ("Durst
    for Berman" after "Susan Berman"), two people's full names ("Ernie Els and
    Retief Goosen"), two titles
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
    mentions = [piece for mention in mentions for piece in _out_of_brackets(text, mention)]
    named = [m for m in mentions if m.kind in NAMED_KINDS]
    whole = {_bare(m.text) for m in named}
    # and the last words of longer names ("Locke" of "Gary Locke"), not of a name
    # itself joined by "and" ("Herzegovina" of "Bosnia and Herzegovina")
    alone = whole | {_bare(m.text).rsplit(" ", 1)[-1] for m in named if _last_word_named(m.text)}
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
        pieces = _broken_parts(text, mention.start, mention.text, broken, (whole, alone))
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


# A footnote's mark and what precedes it after a name: "South Australia.[66]",
# "fetal alcohol syndrome (FAS).[1]".
_FOOTNOTE = re.compile(r"[\s.,;:]*\[\d.*$")
# An editor's bracket opened before a point and not closed: '"[President ', '[W'.
_EDITED = re.compile(r"\[[^\[\]\n]{0,60}$")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)+")


def _out_of_brackets(text: str, mention: Mention) -> list[Mention]:
    """A named mention as the brackets around and in it allow. An editor's
    bracket in a quote, opened before the span, is part of the name it runs
    into ('"[President Barack] Obama\'s war"', 'from [special prosecutor
    Robert] Mueller') or ends with it ('"[at Morningside Recovery] in"'), and
    a word of the language so capitalised is no name ('"[W]e write to inform
    you"'); a footnote's mark ends a name ("South
    Australia.[66]"); a bracket closed in the span that it did not open ends
    the name before it, and a name may follow ("the agency's (Nasa) Ames
    Research Center", "the Carrington Event)7 Shortly")."""
    span = mention.text
    if mention.kind not in NAMED_KINDS or not any(mark in span for mark in "()[]"):
        return [mention]
    if "\x1b" in span:  # a terminal's escape sequence ("\x1b]52;"), no bracket: it is
        return [mention]  # made harmless where names are shown
    closing = span.find("]")
    edited = _EDITED.search(text, max(0, mention.start - 61), mention.start)
    if closing > 0 and "[" not in span[:closing] and edited:
        if span.replace("]", "", 1).lower() in _function_words():
            return []  # "[W]e", "[O]ur"
        if span[closing + 1 :].lstrip()[:1].isupper():  # "[President Barack] Obama"
            span = span[:closing] + " " + span[closing + 1 :]  # read on over the bracket
        else:  # "[at Morningside Recovery] in": the name ends with the bracket
            span = span[:closing]
    if footnote := _FOOTNOTE.search(span):
        span = span[: footnote.start()]
    pieces, depth, begin = [], 0, 0
    for at, mark in enumerate(span):
        if mark in "([":
            depth += 1
        elif mark in ")]":
            if depth:
                depth -= 1
            else:  # closed without being opened here: the name before it ends
                pieces.append((begin, at))
                begin = at + 1
    pieces.append((begin, len(span)))
    found = []
    for number, (a, b) in enumerate(pieces):
        piece = span[a:b]
        a += len(piece) - len(piece.lstrip())
        b = a + len(piece.strip())
        if b <= a:
            continue
        # The first piece keeps the model's kind. What follows a bracket is a
        # name where it is two capitalised words or more ("Ames Research
        # Center"; not "Island" of "St. Ivan (St. John) Island"), its kind
        # voted in its article.
        kind, label = (mention.kind, mention.label) if number == 0 else ("other", "")
        if number and not _CAPITALISED_WORDS.fullmatch(span[a:b].replace("  ", " ")):
            continue
        at, end = mention.start + a, mention.start + b
        found.append(Mention(at, end, text[at:end], kind, label))
    return found


# A street named by its number, or a house number and a street's name.
_NUMBERED = re.compile(
    r"\d+(?:st|nd|rd|th)?(?: [A-Z][\w'’.-]*)*"
    r" (?:Street|St\.?|Avenue|Ave\.?|Road|Boulevard|Lane|Drive|Place|Square)"
)


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


def rejoined(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A person's name the model cut in two at a space is one mention where
    the article also names the person by the name's end whole: "Enrique Peña"
    and "Nieto" are "Enrique Peña Nieto" in a report that writes "Peña Nieto"
    elsewhere (a two-word surname the model takes for a given name and a
    surname). Two people side by side ("Obama Romney clash" in a headline)
    stay two: the article never writes "Romney" after "Obama" as one name."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    names = {_spaced(m.text) for m in ordered if m.kind == "person" and " " in m.text.strip()}
    result: list[Mention] = []
    for mention in ordered:
        last = result[-1] if result else None
        if (
            last is not None
            and last.kind == mention.kind == "person"
            and text[last.end : mention.start] == " "
            and _ends_a_name(_spaced(last.text), _spaced(mention.text), names)
        ):
            result[-1] = Mention(
                last.start, mention.end, text[last.start : mention.end], "person", last.label
            )
            continue
        result.append(mention)
    return result


def _spaced(name: str) -> str:
    return " ".join(name.split())


def _ends_a_name(first: str, second: str, names: set[str]) -> bool:
    """Whether ``first`` and ``second`` joined end with one of ``names`` that
    starts within ``first`` ("Peña Nieto" of "Enrique Peña" and "Nieto")."""
    words = first.split(" ")
    return any(f"{' '.join(words[at:])} {second}" in names for at in range(len(words)))


def _in_a_list(text: str, start: int, end: int) -> bool:
    """Whether the names at ``start:end`` are in a list of names with brackets
    ("Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia)", a team sheet)."""
    return text[end:].lstrip(" ")[:1] == "(" or text[:start].rstrip(" ")[-1:] == ")"


def _last_word_named(text: str) -> bool:
    """Whether a name's last word may be named on its own: a name of more than
    one word, none of them "and" or "or" ("Gary Locke", not "Fish and Wildlife")."""
    return " " in text.strip() and _JOINED.search(text) is None


def _parts(span: str, named: tuple[set[str], set[str]]) -> list[tuple[int, int]]:
    """Where the names of ``span`` are, relative to it. ``named``: what the
    article names on its own, as whole names, and with the last words of longer
    ones besides."""
    whole, alone = named
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
    pieces = _split(span, _BETWEEN)
    if (
        len(pieces) == 2
        and _bare(span[: pieces[0][1]]) in whole
        and _bare(span[pieces[1][0] :]) in alone
    ):
        return pieces  # "Durst in New York", "Durst for Berman" after "Durst" alone;
        # "Arsenal to Real Madrid" (not "Transport for London" after "Department
        # for Transport": "Transport" is never named alone)
    pieces = _split(span, _SPEECH_INSIDE)
    if len(pieces) > 1 and all(span[a:b][:1].isupper() for a, b in pieces):
        return pieces
    pieces = _split(span, _INNER_POSSESSIVE)
    if len(pieces) == 2:
        return pieces
    return [(0, len(span))]


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
    text: str,
    at: int,
    span: str,
    broken: re.Pattern[str] | None,
    named: tuple[set[str], set[str]],
) -> list[tuple[int, int]]:
    """:func:`_parts` of each piece of ``span`` (at ``at`` in ``text``) between
    the marks that break it (see :func:`_broken`), less a piece of one word
    that is a slug's or a field's name: first on its line ("CRICKET - LARA",
    "Goalkeepers - Bogdan Stelea"), a word the article also writes in lower
    case ('"New" Labour'), or a function word ("The")."""
    if broken is None:
        return _parts(span, named)
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
        found += [(a + start, a + end) for start, end in _parts(piece, named)]
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
