"""Find comparable facts in an article: quantities, durations, dates and quotes.

A fact is a claim another source can confirm or contradict: "1,000 prisoners
of war each", "lasted just 40 minutes", "on Friday", a quoted sentence. Each
fact gets a ``key`` naming what it is about, so facts of different articles
with one key can be compared (:mod:`index.intervals`), and an interval, so
"under two hours" can be compared with "40 minutes".

Keys:
  * quantity: what is counted, lowercased, head noun in the plural, nationality
    adjectives dropped, a casualty participle kept ("civilians killed",
    "prisoners of war", "pows"; see :func:`unify_keys` for acronyms);
  * duration: ``duration:<event>`` where the event is what lasted ("talks" for
    talks, meetings, negotiations, discussions and sessions; "ceasefire"),
    ``duration:since`` for "the first ... in three years", else ``duration``;
  * date: ``date:<event>`` when the date is when the event happened, else ``date``;
  * quote: ``quote:<speaker lowercased>`` (``quote`` when nobody is named).

Units: durations below a day are in minutes, days and weeks in days, months
and years in years (see :data:`index.numbers.TIME_UNITS`); dates are
``unit="date"`` with proleptic ordinal day numbers as ``low``/``high``.

The rules are plain regular expressions and capitalisation heuristics, so the
extractor works without NLP; person mentions, when given, only make speaker
finding more reliable. No input may raise: a passage that trips a bug loses
its facts, never the article.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from . import numbers as num
from .model import Article, Fact, Mention, Passage

log = logging.getLogger(__name__)

Span = tuple[int, int]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


EVENTS = {
    **dict.fromkeys(
        _wordset(
            "talks talk meeting meetings negotiations negotiation discussions discussion "
            "session sessions"
        ),
        "talks",
    ),
    **dict.fromkeys(
        _wordset("ceasefire ceasefires cease-fire cease-fires truce truces"), "ceasefire"
    ),
    **dict.fromkeys(["summit", "summits"], "summit"),
}
# "a meeting" or "their previous meeting" is not the event the story is about.
_NOT_THIS_EVENT = _wordset("a an previous last next future earlier later prior upcoming possible")
# Casualty words kept in a quantity's key, with synonyms merged ("dead" is "killed").
_PARTICIPLES = {
    **{w: w for w in _wordset("killed wounded missing detained displaced captured arrested")},
    **{"dead": "killed", "injured": "wounded", "hurt": "wounded"},
}
_STOP = _wordset(
    "a an the and or but nor to in on at for with from by as than that which who whom whose "
    "this these those its their his her our your my is are was were be been being have has had "
    "will would could can may might should must shall do does did each all both per including "
    "according since during after before over under about into across between among against "
    "of off out up down so if then there here when where while also not no more less most"
)
_INVARIANT = _wordset("people police staff personnel troops aircraft sheep fish deer news media")
_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women"}
_IRREGULAR_PLURALS = set(_IRREGULAR.values()) | _INVARIANT
_VAGUE = {"dozens": (24, 100), "hundreds": (200, 1e3), "thousands": (2e3, 1e4),
          "tens of thousands": (2e4, 1e5), "hundreds of thousands": (2e5, 1e6),
          "millions": (2e6, 1e9)}  # fmt: skip

_NUMBER_AT = re.compile(
    rf"(?<![\w\-/:.,$€£])(?P<num>{num.NUMBER})"
    rf"(?:\s*(?P<link>–|-|to|and)\s*(?P<num2>{num.NUMBER}))?(?![\w])",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?<![\w\-/:.,$€£])(?P<num>{num.NUMBER})(?:-?\s*(?:to|–|-)\s*(?P<num2>{num.NUMBER}))?"
    rf"(?P<sep>[\s-]+)(?P<unit>{num.UNIT_RE})\b(?!-old|-long)",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(tens of thousands|hundreds of thousands|dozens|hundreds|thousands|millions)\s+of\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[\w’'-]+")
_WORD = re.compile(r"\s+([^\W\d_][\w’'.-]*)")
_LAST_VERB = re.compile(
    r"\b(?:lasted|lasting|lasts|last|concluded|ended|finished|wrapped up|broke up|took|ran|"
    r"spanned|closed)\b(?:\s+\w+ly)?(?:\s+(?:in|after|for|within|at|by))?\s*$",
    re.IGNORECASE,
)


@dataclass
class _Doc:
    """One article with what every passage's rules look up: its people, its
    quotes (so numbers inside a quote get the quote's speaker) and sentences."""

    article: Article
    text: str
    date: dt.date | None
    passages: list[Passage]
    people: _People
    quote_spans: list[Span] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    quotes: list[list[Fact]] = field(default_factory=list)
    sentences: dict[int, list[Span]] = field(default_factory=dict)


def extract_facts(article: Article, mentions: Sequence[Mention] = ()) -> list[Fact]:
    """Every quantity, duration, date and quote fact of ``article``, in text order.

    Ids are ``"<article>:<passage>:<n>"`` with ``n`` counting from 1 within the
    passage, and ``article.text[f.start:f.end] == f.text`` for every fact.
    """
    try:
        doc = _prepare(article, mentions)
    except Exception:  # noqa: BLE001 - a fact bug must never lose the article
        log.exception("fact extraction failed for %s", article.id)
        return []
    found: list[Fact] = []
    for index, passage in enumerate(doc.passages):
        try:
            facts = _passage_facts(doc, index)
        except Exception:  # noqa: BLE001
            log.exception("fact extraction failed in %s passage %s", article.id, passage.number)
            continue
        found += [
            replace(f, id=f"{article.id}:{passage.number}:{n}") for n, f in enumerate(facts, 1)
        ]
    return found


def _prepare(article: Article, mentions: Sequence[Mention]) -> _Doc:
    text = article.text or ""
    passages = [p for p in article.passages if 0 <= p.start <= p.end <= len(text)]
    doc = _Doc(article, text, num.parse_iso_date(article.date), passages, _People(text, mentions))
    quotes = {m.span() for p in passages for m in _QUOTE.finditer(text, p.start, p.end)}
    doc.quote_spans = sorted(quotes)
    doc.quote_starts = [start for start, _ in doc.quote_spans]
    for index in range(len(passages)):
        doc.quotes.append(_quotes(doc, index))
    return doc


def _passage_facts(doc: _Doc, index: int) -> list[Fact]:
    taken: list[Span] = []
    facts = _dates(doc, index, taken) + _durations(doc, index, taken)
    facts += _quantities(doc, index, taken) + doc.quotes[index]
    return sorted(facts, key=lambda f: (f.start, f.end))


def _fact(doc: _Doc, index: int, kind: str, span: Span, **values: object) -> Fact:
    start, end = span
    return Fact(
        id="",
        article=doc.article.id,
        passage=doc.passages[index].number,
        kind=kind,
        text=doc.text[start:end],
        start=start,
        end=end,
        **values,  # type: ignore[arg-type]
    )


def _free(taken: list[Span], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


# Quotes ---------------------------------------------------------------------


def _quotes(doc: _Doc, index: int) -> list[Fact]:
    """Quoted words of a passage with who said them."""
    passage = doc.passages[index]
    found: list[Fact] = []
    previous: Fact | None = None
    for match in _QUOTE.finditer(doc.text, passage.start, passage.end):
        start, end = match.span()
        who = _quote_speaker(doc, index, (start, end), previous)
        fact = _fact(
            doc, index, "quote", (start, end),
            key=f"quote:{who.lower()}" if who else "quote",
            speaker=who, quote=doc.text[start + 1 : end - 1].strip(),
        )  # fmt: skip
        found.append(fact)
        previous = fact
    return found


def _speaker(doc: _Doc, index: int, position: int) -> str | None:
    """Who states a number: the quote's speaker when it is quoted, else a named
    person whose words the sentence reports; None for the narrator."""
    for quote in doc.quotes[index]:
        if quote.start <= position < quote.end:
            return quote.speaker
    return _reported_by(doc, index, position)


# Dates ----------------------------------------------------------------------


def _dates(doc: _Doc, index: int, taken: list[Span]) -> list[Fact]:
    passage = doc.passages[index]
    found = []
    for phrase in num.find_dates(doc.text, passage.start, passage.end, doc.date):
        span = (phrase.start, phrase.end)
        taken.append(span)
        low, high = phrase.days or (None, None)
        fact = _fact(
            doc, index, "date", span, key=_date_key(doc, index, span), value=low, low=low,
            high=high, unit="date", qualifier="exact" if phrase.days and low == high else "range",
        )  # fmt: skip
        found.append(fact)
    return found


def _date_key(doc: _Doc, index: int, span: Span) -> str:
    """``date:<event>`` when the sentence says an event happened on this date:
    an event noun just before or after it, or a verb like "met"/"concluded"
    just before it with an event noun in the sentence."""
    sentence = _sentence_at(doc, index, span[0])
    before = doc.text[sentence[0] : span[0]]
    after = doc.text[span[1] : sentence[1]]
    near = _event_in(" ".join(_WORDS.findall(before)[-6:])) or _event_in(
        " ".join(_WORDS.findall(after)[:5])
    )
    if near:
        return f"date:{near}"
    verbs = r"\b(?:met|meet|meets|held|concluded|ended|lasted|began|opened|started|convened)\b"
    if re.search(verbs, " ".join(_WORDS.findall(before)[-6:])):
        event = _event_in(before + " " + after)
        if event:
            return f"date:{event}"
    return "date"


def _event_in(text: str) -> str | None:
    """The canonical event named last in ``text``, skipping other events like
    "a meeting" or "their previous meeting"."""
    words = re.findall(r"[\w-]+", text.lower())
    for i in range(len(words) - 1, -1, -1):
        if words[i] in EVENTS and (i == 0 or words[i - 1] not in _NOT_THIS_EVENT):
            return EVENTS[words[i]]
    return None


# Durations --------------------------------------------------------------------


def _durations(doc: _Doc, index: int, taken: list[Span]) -> list[Fact]:
    passage = doc.passages[index]
    found = []
    for match in _DURATION.finditer(doc.text, passage.start, passage.end):
        if re.match(r"\s+(?:ago|earlier|later|old|long)\b", doc.text[match.end() : passage.end]):
            continue
        fact = _duration(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            taken.append((fact.start, fact.end))
            found.append(fact)
    return found


def _duration(doc: _Doc, index: int, match: re.Match[str]) -> Fact | None:
    value = num.parse_number(match.group("num"))
    high = num.parse_number(match.group("num2")) if match.group("num2") else None
    if value is None or (match.group("num2") and high is None):
        return None
    unit, factor = num.TIME_UNITS[match.group("unit").lower().rstrip("s")]
    start, qualifier = _qualified_start(doc.text, match.start(), "range" if high else "exact")
    value *= factor
    high = high * factor if high is not None else None
    low, top, low_open, high_open = num.bounds(value, qualifier, high)
    key = _duration_key(doc, index, start, match)
    return _fact(
        doc, index, "duration", (start, match.end()), key=key, value=value, low=low, high=top,
        low_open=low_open, high_open=high_open, qualifier=qualifier, unit=unit,
        speaker=_speaker(doc, index, match.start()),
    )  # fmt: skip


def _qualified_start(text: str, start: int, default: str) -> tuple[int, str]:
    """Extend a number's start over its qualifier ("less than", "just")."""
    found = num.qualifier_before(text[max(0, start - 40) : start])
    if found is None or default == "range":
        return start, default
    qualifier, length = found
    return start - length, qualifier


def _duration_key(doc: _Doc, index: int, start: int, match: re.Match[str]) -> str:
    """What lasted, from the words around the duration (module docstring)."""
    sentence = _sentence_at(doc, index, start)
    before = doc.text[sentence[0] : start]
    verb = _LAST_VERB.search(before)
    if verb:
        return "duration:" + (_event_in(before[: verb.start()]) or "event")
    if "-" in match.group("sep"):
        noun = re.match(r"\s*([a-z][\w-]*)", doc.text[match.end() : sentence[1]])
        if noun and noun.group(1) not in _STOP:
            return "duration:" + EVENTS.get(noun.group(1), _singular(noun.group(1)))
    of = re.search(r"\b([a-z][\w-]*)\s+of\s+$", before)
    if of and of.group(1) not in _STOP:
        return "duration:" + EVENTS.get(of.group(1), _singular(of.group(1)))
    if re.search(r"\bfirst\b", before, re.I) and re.search(r"\b(?:in|for)\s+$", before, re.I):
        return "duration:since"
    near = re.search(r"\b([\w-]+)\s+(?:in|after|within|for)\s+$", before)
    if near and near.group(1).lower() in EVENTS:
        return "duration:" + EVENTS[near.group(1).lower()]
    return "duration"


# Quantities -------------------------------------------------------------------


def _quantities(doc: _Doc, index: int, taken: list[Span]) -> list[Fact]:
    passage = doc.passages[index]
    found = []
    for match in _NUMBER_AT.finditer(doc.text, passage.start, passage.end):
        fact = _quantity(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            taken.append((fact.start, fact.end))
            found.append(fact)
    for match in _VAGUE_RE.finditer(doc.text, passage.start, passage.end):
        fact = _vague_quantity(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            found.append(fact)
    return found


def _quantity(doc: _Doc, index: int, match: re.Match[str]) -> Fact | None:
    text, end = doc.text, doc.passages[index].end
    number = match.group("num")
    value = num.parse_number(number)
    high = _range_high(text, match)
    num_end = match.end() if high is not None else match.end("num")
    if value is None or number.lower() in ("a", "an") or _not_a_count(text, match, num_end, end):
        return None
    counted = _counted(text, num_end, end, value)
    if counted is None:
        return None
    words, words_end = counted
    qualifier = "range" if high is not None else "exact"
    start, qualifier = _qualified_start(text, match.start(), qualifier)
    each = re.match(r"\s+each\b", text[words_end:end])
    if each:
        words_end += each.end()
        qualifier = "each" if qualifier == "exact" else qualifier
    low, top, low_open, high_open = num.bounds(value, qualifier, high)
    return _fact(
        doc, index, "quantity", (start, words_end), key=_quantity_key(words, text, start),
        value=value, low=low, high=top, low_open=low_open, high_open=high_open,
        qualifier=qualifier, unit="count", speaker=_speaker(doc, index, match.start()),
    )  # fmt: skip


def _range_high(text: str, match: re.Match[str]) -> float | None:
    """The upper number of "24 to 48" or "between 5 and 10", else None."""
    if not match.group("num2"):
        return None
    if match.group("link").lower() == "and" and not re.search(
        r"\bbetween\s+$", text[max(0, match.start() - 10) : match.start()], re.I
    ):
        return None
    return num.parse_number(match.group("num2"))


def _not_a_count(text: str, match: re.Match[str], num_end: int, end: int) -> bool:
    """Numbers that are not counts: years, ages and hyphenated modifiers
    ("55-year-old", "four-way", "2-L"), times, percentages, "no one"."""
    after = text[num_end:end]
    number = match.group("num")
    if re.match(r"-[^\W\d_]|:\d|\s*(?:%|per\s?cent|percent)", after):
        return True
    if re.fullmatch(r"\d{4}", number) and 1000 <= int(number) < 3000:
        return not num.plural_follows(text, match.end("num"))
    before = text[max(0, match.start() - 12) : match.start()].lower().split()
    previous = before[-1] if before else ""
    if number.lower() == "one" and previous in {"no", "any", "every", "some", "each", "someone"}:
        return True
    small_word = not number[0].isdigit() and (num.parse_number(number) or 0) <= 10
    return small_word and previous in {"the", "these", "those", "both", "all"}


def _counted(text: str, start: int, end: int, value: float) -> tuple[list[str], int] | None:
    """The words naming what is counted after a number, and where they end."""
    words: list[str] = []
    stop = start
    matches = list(_WORD.finditer(text, start, min(end, start + 200)))
    for i, match in enumerate(matches):
        if match.start() != stop:
            break
        word = match.group(1).rstrip(".")
        following = matches[i + 1].group(1) if i + 1 < len(matches) else ""
        if not _counted_word(word, words, following):
            break
        words.append(word)
        stop = match.start(1) + len(word)
        if word.lower() in _PARTICIPLES or len(words) >= 5:
            break
    while words and words[-1].lower() == "of":
        words.pop()
        stop = text.rfind("of", start, stop)
        stop = len(text[:stop].rstrip())
    if not words or not _number_agrees(words, value):
        return None
    return words, stop


def _counted_word(word: str, words: list[str], following: str) -> bool:
    lower = word.lower()
    if lower in _PARTICIPLES:
        return bool(words)
    if lower == "of":
        return (
            bool(words)
            and "of" not in [w.lower() for w in words]
            and following.lower() not in _STOP
        )
    if lower in _STOP or lower.endswith(("ly", "’s", "'s")) or lower.endswith("ed"):
        return False
    if lower.endswith("ing"):
        return bool(following) and following.lower() not in _STOP and not following.endswith("ed")
    return True


def _number_agrees(words: list[str], value: float) -> bool:
    """Whether the head noun's number fits the count ("one expects" is no count)."""
    head = _head(words).lower()
    plural = head in _IRREGULAR_PLURALS or (head.endswith("s") and not head.endswith(("ss", "us")))
    return plural if value != 1 else not plural or head in _INVARIANT


def _head(words: list[str]) -> str:
    lowered = [w.lower() for w in words]
    if "of" in lowered:
        return words[lowered.index("of") - 1]
    content = [w for w in words if w.lower() not in _PARTICIPLES]
    return content[-1] if content else words[-1]


def _vague_quantity(doc: _Doc, index: int, match: re.Match[str]) -> Fact | None:
    counted = _counted(doc.text, match.end(), doc.passages[index].end, 2)
    if counted is None:
        return None
    words, words_end = counted
    low, high = _VAGUE[match.group(1).lower()]
    return _fact(
        doc, index, "quantity", (match.start(), words_end),
        key=_quantity_key(words, doc.text, match.start()),
        value=low, low=low, high=high, high_open=True, qualifier="range", unit="count",
        speaker=_speaker(doc, index, match.start()),
    )  # fmt: skip


def _quantity_key(words: list[str], text: str, start: int) -> str:
    """The comparable name of what is counted (module docstring)."""
    kept = [w for w in words if not _nationality(w)] or words
    lowered = [w.lower() for w in kept]
    participle = _PARTICIPLES.get(lowered[-1]) if lowered[-1] in _PARTICIPLES else None
    if participle:
        lowered.pop()
    else:
        participle = _verb_before(text[max(0, start - 30) : start])
    if lowered:
        head = lowered.index("of") - 1 if "of" in lowered else len(lowered) - 1
        lowered[head] = _plural(lowered[head])
    return " ".join(lowered + ([participle] if participle else []))


def _nationality(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(("ian", "ish", "ese", "ean"))


def _verb_before(text: str) -> str | None:
    """A casualty verb just before a number: "killing more than 12,000"."""
    match = re.search(r"\b(kill|wound|injur)(?:ed|ing|s|es|e)?\b(?:\s+\w+){0,2}\s*$", text, re.I)
    if not match:
        return None
    return {"kill": "killed", "wound": "wounded", "injur": "wounded"}[match.group(1).lower()]


def _plural(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us"))):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def unify_keys(keys: Iterable[str]) -> dict[str, str]:
    """Map every key to itself, except an acronym key to the longer key whose
    word initials spell it ("pows" -> "prisoners of war"), when there is one.

    Initials are tried with and without small words ("of", "the"), and the
    acronym with and without a plural "s"; ties go to the shortest key.
    """
    unique = sorted({k for k in keys if k})
    longer = [k for k in unique if len(k.split()) > 1]
    mapping = {}
    for key in unique:
        matches = [k for k in longer if _spells(key, k)]
        mapping[key] = min(matches, key=lambda k: (len(k), k)) if matches else key
    return mapping


def _spells(acronym: str, key: str) -> bool:
    if not re.fullmatch(r"[a-z]{2,7}", acronym):
        return False
    words = key.split()
    initials = {"".join(w[0] for w in words)}
    initials.add("".join(w[0] for w in words if w not in {"of", "the", "and", "for", "in", "on"}))
    forms = {acronym, acronym[:-1]} if acronym.endswith("s") else {acronym}
    return bool(forms & initials)


# Speakers ---------------------------------------------------------------------
# Who said a quote or a number, found from the words around it: "X said",
# "said X", "he said" (the last person named before, in this passage or the
# one before it), "a Russian official told ..." (kept as that descriptor).

_QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_SPEECH = (
    r"(?:said|says|told|tells|stressed|added|adds|noted|stated|emphasi[sz]ed|explained|warned|"
    r"insisted|acknowledged|argued|declared|announced|confirmed|described|wrote|asked|replied|"
    r"urged|claimed|saying|telling|adding|noting|stressing|warning)"
)
_SPEECH_RE = re.compile(rf"\b{_SPEECH}\b")
_AUX_TAIL = re.compile(
    r"(?:[\s,]+(?:also|then|later|has|had|have|was|previously|\w+ly)\b)*[\s,]*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|Lt|Gen|Col|Sen|Rep|St|Gov|Prof|Sgt|Capt|Maj|Adm|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_TITLES = _wordset(
    "a an the president presidential minister prime foreign defense defence secretary senator "
    "spokesperson spokesman spokeswoman aide gen general lt chancellor king queen pope prince "
    "princess mr mrs ms dr sir dame ambassador governor mayor kremlin head chief commander "
    "colonel col admiral deputy vice adviser advisor envoy negotiator sen rep representative "
    "judge justice director chairman chairwoman chair leader officer official lead senior "
    "former retired late state"
)
_SENTENCE_WORDS = _wordset(
    "in on at for but and or however despite meanwhile still while after before since if some "
    "every no both this that these those when as with by from of to though although yet so "
    "then also even only just during under over"
)
_INSTITUTIONS = _wordset(
    "council ministry palace house union nations states administration agency army forces force "
    "party committee office department bank court parliament government university republic "
    "federation kingdom region square street war summit talks press news times post group "
    "organisation organization fund company corporation airport city county province sea river "
    "island islands gulf ocean security alliance coalition commission assembly senate congress "
    "church hotel hospital school centre center institute foundation network"
)
_PREPOSITIONS = _wordset("to of for with by from and between against about on at in including")


class _People:
    """Where persons are named in one article, and the fullest form of each name.

    Person mentions from the NLP are used when given; capitalised runs of two or
    three words (titles such as "Foreign Minister" stripped, runs naming
    institutions dropped) add names it missed; a lone surname of a known full
    name ("Medinsky" for "Vladimir Medinsky") is a person too.
    """

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        valid = [m for m in mentions if 0 <= m.start < m.end <= len(text)]
        places = [(m.start, m.end) for m in valid if m.kind == "place"]
        named = {_trim_possessive(text, m.start, m.end) for m in valid if m.kind == "person"}
        spans = {s for s in named if " " in text[s[0] : s[1]]}
        spans |= {s for s in _name_spans(text) if not any(_overlaps(s, p) for p in places)}
        full = {" ".join(text[s:e].split()) for s, e in spans}
        self.names = sorted(full, key=len, reverse=True)
        surnames = {n.split()[-1] for n in self.names}
        spans |= {s for s in named - spans if self._speaks(s[1])}
        for match in _TOKEN.finditer(text):
            if match.group() in surnames and not any(s <= match.start() < e for s, e in spans):
                spans.add(match.span())
        self.spans = sorted(s for s in spans if s[0] < s[1])
        self.starts = [s[0] for s in self.spans]
        self.ends = {s[1]: s for s in self.spans}

    def _speaks(self, end: int) -> bool:
        """A one-word person mention counts when a speech verb follows it:
        "Jones said" (the NLP also tags places like "Kyiv" as persons)."""
        return bool(re.match(rf"\s+(?:also\s+)?{_SPEECH}\b", self.text[end : end + 40]))

    def fullest(self, span: Span) -> str:
        """The longest name in the article ending with the words at ``span``."""
        words = self.text[span[0] : span[1]].split()
        lowered = [w.lower() for w in words]
        for name in self.names:
            if name.lower().split()[-len(lowered) :] == lowered:
                return name
        return " ".join(words)

    def between(self, start: int, end: int) -> list[Span]:
        """Person spans inside ``[start, end)``, in text order."""
        found = []
        for span in self.spans[bisect_left(self.starts, start) :]:
            if span[1] > end:
                break
            found.append(span)
        return found

    def ending_at(self, end: int) -> Span | None:
        return self.ends.get(end)


def _trim_possessive(text: str, start: int, end: int) -> Span:
    words = text[start:end]
    if words.endswith(("’s", "'s")):
        end -= 2
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _name_spans(text: str) -> list[Span]:
    """Spans of capitalised word runs that look like a person's name."""
    found: list[Span] = []
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text):
        if run and text[run[-1].end() : match.start()] != " ":
            found += _name_in_run(run)
            run = []
        word = match.group()
        if word[0].isupper() and any(c.islower() for c in word) and not word.endswith(("’s", "'s")):
            run.append(match)
        elif run:
            found += _name_in_run(run)
            run = []
    return found + _name_in_run(run)


def _name_in_run(run: list[re.Match[str]]) -> list[Span]:
    words = [m.group().lower() for m in run]
    cut = max(
        (
            i
            for i, w in enumerate(words)
            if w in _TITLES or w in _SENTENCE_WORDS or _nationality(run[i].group())
        ),
        default=-1,
    )
    rest = run[cut + 1 :]
    if 2 <= len(rest) <= 3 and not any(m.group().lower() in _INSTITUTIONS for m in rest):
        return [(rest[0].start(), rest[-1].end())]
    return []


def _sentence_at(doc: _Doc, index: int, position: int) -> Span:
    """The sentence of passage ``index`` holding ``position``."""
    if index not in doc.sentences:
        passage = doc.passages[index]
        spans, begin = [], passage.start
        for match in _SENTENCE_END.finditer(doc.text, passage.start, passage.end):
            if _ABBREVIATION.search(doc.text[max(begin, match.start() - 12) : match.start() + 1]):
                continue
            spans.append((begin, match.end()))
            begin = match.end()
        doc.sentences[index] = spans + [(begin, passage.end)]
    spans = doc.sentences[index]
    return next((s for s in spans if s[0] <= position < s[1]), spans[-1])


def _in_quote(doc: _Doc, position: int) -> bool:
    i = bisect_left(doc.quote_starts, position + 1) - 1
    return i >= 0 and position < doc.quote_spans[i][1]


def _quote_speaker(doc: _Doc, index: int, span: Span, previous: Fact | None) -> str | None:
    """The attribution after the quote, else before it in its sentence, else the
    speaker of the quote just before it ("..." Medinsky said. "...")."""
    trail_end = _sentence_at(doc, index, span[1] - 1)[1]
    i = bisect_left(doc.quote_starts, span[1])
    following = doc.quote_starts[i : i + 1]
    who = _trailing(doc, index, span[1], min([trail_end, *following]))
    if who:
        return who
    begin = _sentence_at(doc, index, span[0])[0]
    same_sentence = previous is not None and previous.end > begin
    if previous is not None and same_sentence:
        begin = previous.end
    who = _leading(doc, index, begin, span[0])
    if who or previous is None:
        return who
    return previous.speaker if same_sentence or not doc.text[begin : span[0]].strip() else None


def _trailing(doc: _Doc, index: int, start: int, end: int) -> str | None:
    after = doc.text[start:end]
    inverted = re.match(rf"\s*[,:]?\s*{_SPEECH}\b", after)
    if inverted:
        return _named_after(doc, index, start + inverted.end(), end)
    subject = re.match(rf"\s*[,:]?\s*([^,.;:!?“”\"]{{1,80}}?)\s+{_SPEECH}\b", after)
    if subject:
        return _subject(doc, index, start + subject.start(1), start + subject.end(1))
    return None


def _leading(doc: _Doc, index: int, start: int, end: int) -> str | None:
    verbs = [v for v in _SPEECH_RE.finditer(doc.text, start, end) if not _in_quote(doc, v.start())]
    if verbs:
        return _subject(doc, index, start, verbs[-1].start())
    first = next((s for s in doc.people.between(start, end) if not _in_quote(doc, s[0])), None)
    near_start = first and first[0] - start <= 40 and "," not in doc.text[start : first[0]]
    if first and near_start and not _prepositional(doc, start, first[0]):
        return doc.people.fullest(first)
    return None


def _named_after(doc: _Doc, index: int, start: int, end: int) -> str | None:
    """The speaker named after an inverted verb: "said Kremlin spokesperson Dmitry Peskov"."""
    stop = re.search(r"[,.;:!?“”\"]", doc.text[start:end])
    window = min(end, start + (stop.start() if stop else end - start), start + 80)
    people = doc.people.between(start, window)
    if people:
        return doc.people.fullest(people[0])
    phrase = doc.text[start:window].strip()
    if re.fullmatch(r"(?:he|she)\b.*", phrase, re.IGNORECASE):
        return _resolve_pronoun(doc, index, start)
    return _descriptor(phrase)


def _subject(doc: _Doc, index: int, start: int, end: int) -> str | None:
    """Who the words before a speech verb name: a person, "he"/"she", or a
    descriptor ("a Russian official"); a person after "to"/"of" is not the subject."""
    end = _AUX_TAIL.search(doc.text, start, end).start()  # type: ignore[union-attr]
    phrase = doc.text[start:end].strip()
    if not phrase:
        return None
    last = doc.people.ending_at(end)
    if last and last[0] >= start and not _prepositional(doc, start, last[0]):
        return doc.people.fullest(last)
    if re.search(r"(?:^|\W)(?:he|she)$", phrase, re.IGNORECASE):
        return _resolve_pronoun(doc, index, end)
    for span in doc.people.between(start, end):
        if re.search(r"\b(?:that|which|who|whom|whose|what)\b", doc.text[start : span[0]]):
            break  # a name inside a clause is not the subject: "frustration that Kyiv ..."
        if not _prepositional(doc, start, span[0]) and not _in_quote(doc, span[0]):
            return doc.people.fullest(span)
    return _descriptor(phrase)


def _prepositional(doc: _Doc, start: int, position: int) -> bool:
    """Whether the name at ``position`` follows a preposition ("aide to President X")."""
    words = re.findall(r"[\w’'.-]+", doc.text[start:position])
    while words and (words[-1].lower().rstrip(".") in _TITLES or _nationality(words[-1])):
        words.pop()
    return bool(words) and words[-1].lower() in _PREPOSITIONS


def _descriptor(phrase: str) -> str | None:
    head = phrase.split(",")[0].strip()
    if re.match(r"(?:a|an|the)\s", head, re.IGNORECASE) and len(head.split()) <= 8:
        return None if re.search(r"[“”\"]", head) else head
    return None


def _resolve_pronoun(doc: _Doc, index: int, position: int) -> str | None:
    """The last person named before ``position`` outside quotes: in this passage,
    the one before, and further back while passages keep saying "he"/"she"."""
    for depth in range(3):
        if index - depth < 0:
            break
        passage = doc.passages[index - depth]
        limit = position if depth == 0 else passage.end
        people = doc.people.between(passage.start, limit)
        last = next((s for s in reversed(people) if not _in_quote(doc, s[0])), None)
        if last:
            return doc.people.fullest(last)
        said = re.search(r"\b(?:he|she)\b", doc.text[passage.start : passage.end], re.I)
        if depth > 0 and not said:
            break
    return None


def _reported_by(doc: _Doc, index: int, position: int) -> str | None:
    """A named speaker whose words the sentence at ``position`` reports."""
    start, end = _sentence_at(doc, index, position)
    for verb in _SPEECH_RE.finditer(doc.text, start, end):
        if _in_quote(doc, verb.start()):
            continue
        who = _subject(doc, index, start, verb.start())
        who = who or _named_after(doc, index, verb.end(), end)
        if who:
            return who
    according = re.search(r"\baccording to\s+", doc.text[start:end])
    if according:
        after = start + according.end()
        people = doc.people.between(after, min(end, after + 40))
        if people and people[0][0] - after < 20:
            return doc.people.fullest(people[0])
    return None
