"""Find the numbers of an article: dates, durations and counted quantities.

These are the facts other sources can confirm or contradict by value, and the
bulk of :mod:`index.facts`' rules, so they live in their own module; the keys
and units they produce are described in :mod:`index.facts`. Reading a number,
a qualifier or a date phrase as a value is left to :mod:`index.numbers`, and
who states a number to :mod:`index.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from . import numbers as num
from .events import STOP as _STOP
from .events import date_key, duration_key
from .model import Fact
from .spans import SpanSet
from .speakers import Doc, Span, make_fact, nationality, sentence_at, speaker, wordset
from .subjects import day_of, framed, needed, quantity_subject, rate, time_frame, verb_near

# Casualty words kept in a quantity's key, with synonyms merged ("dead" is "killed").
_PARTICIPLES = {
    **{w: w for w in wordset("killed wounded missing detained displaced captured arrested")},
    **{"dead": "killed", "injured": "wounded", "hurt": "wounded"},
}
_INVARIANT = wordset("people police staff personnel troops aircraft sheep fish deer news media")
_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women"}
_IRREGULAR_PLURALS = set(_IRREGULAR.values()) | _INVARIANT

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
_WORD = re.compile(r"\s+([^\W\d_][\w’'.-]*)")


def _free(taken: SpanSet, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps no span an earlier finder took."""
    return not taken.overlaps(start, end)


# Dates ----------------------------------------------------------------------


def dates(doc: Doc, index: int, taken: SpanSet) -> list[Fact]:
    """Dates of passage ``index``; run first, so every span goes into ``taken``."""
    passage = doc.passages[index]
    found = []
    for phrase in num.find_dates(doc.text, passage.start, passage.end, doc.date):
        span = (phrase.start, phrase.end)
        taken.add(*span)
        low, high = phrase.days or (None, None)
        fact = make_fact(
            doc, index, "date", span, key=date_key(doc, index, span), value=low, low=low,
            high=high, unit="date", qualifier="exact" if phrase.days and low == high else "range",
        )  # fmt: skip
        found.append(fact)
    return found


# Durations --------------------------------------------------------------------


def durations(doc: Doc, index: int, taken: SpanSet) -> list[Fact]:
    """Durations of passage ``index`` outside ``taken`` (and added to it)."""
    passage = doc.passages[index]
    found = []
    for match in _DURATION.finditer(doc.text, passage.start, passage.end):
        if re.match(r"\s+(?:ago|earlier|later|old|long)\b", doc.text[match.end() : passage.end]):
            continue
        if _not_a_duration(doc, match):
            continue
        fact = _duration(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            taken.add(fact.start, fact.end)
            found.append(fact)
    return found


def _duration(doc: Doc, index: int, match: re.Match[str]) -> Fact | None:
    value = num.parse_number(match.group("num"))
    high = num.parse_number(match.group("num2")) if match.group("num2") else None
    if value is None or (match.group("num2") and high is None):
        return None
    unit, factor = num.TIME_UNITS[match.group("unit").lower().rstrip("s")]
    start, qualifier = _qualified_start(doc.text, match.start(), "range" if high else "exact")
    extra, end = _compound(doc, match, unit) if high is None else (0.0, match.end())
    value = value * factor + extra
    high = high * factor if high is not None else None
    low, top, low_open, high_open = num.bounds(value, qualifier, high)
    key = duration_key(doc, index, start, end, "-" in match.group("sep"))
    if key == "duration:prison sentence" and _penalty(doc.text, start, qualifier):
        key = None  # "carries a maximum of three years": what the law allows, not a sentence
    key = framed(key, frame_at(doc, index, start, window=False)[0]) if key else None
    return make_fact(
        doc, index, "duration", (start, end), key=key, value=value, low=low, high=top,
        low_open=low_open, high_open=high_open, qualifier=qualifier, unit=unit,
        speaker=speaker(doc, index, match.start()),
    )  # fmt: skip


_COMPOUND = re.compile(
    rf"(?:,\s*|\s+and\s+|-and-)(?P<num>{num.NUMBER})[\s-]+(?P<unit>{num.UNIT_RE})\b", re.I
)


def _compound(doc: Doc, match: re.Match[str], unit: str) -> tuple[float, int]:
    """The finer part of "7 years, 1 month" or "7-year-and-one-month" (in the
    first part's unit) and where the whole duration ends; (0, end) otherwise."""
    more = _COMPOUND.match(doc.text, match.end())
    if not more:
        return 0.0, match.end()
    value = num.parse_number(more.group("num"))
    finer, factor = num.TIME_UNITS[more.group("unit").lower().rstrip("s")]
    if (
        value is None
        or finer != unit
        or factor >= num.TIME_UNITS[match.group("unit").lower().rstrip("s")][1]
    ):
        return 0.0, match.end()
    return value * factor, more.end()


def _penalty(text: str, start: int, qualifier: str) -> bool:
    """A maximum the law sets ("faces up to five years", "carries a maximum of")."""
    before = text[max(0, start - 40) : start]
    cue = re.search(r"\b(?:maximum|faces?|facing|carr(?:y|ies)|could\s+get)\b", before, re.I)
    return qualifier == "at most" or bool(cue)


def _not_a_duration(doc: Doc, match: re.Match[str]) -> bool:
    """ "A second person" and "for a second straight day" are ordinals,
    "“48 Hours”" or "48 Hours:" names a programme, and a "zero-day" flaw is one
    its makers did not know of."""
    number, unit = match.group("num").lower(), match.group("unit")
    if unit.lower().startswith("second") and number in ("a", "an", "one"):
        return True
    if number == "zero" and "-" in match.group("sep"):
        return True  # "a zero-day flaw": a kind of flaw, not how long anything took
    after = doc.text[match.end() : match.end() + 1]
    return unit[0].isupper() and (in_short_quote(doc, match.start(), match.end()) or after in ':”"')


def in_short_quote(doc: Doc, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is inside quotation marks around a few words: a name
    or a title ("“Two Fat Ladies”"), not a statement."""
    at = bisect_right(doc.quote_starts, start) - 1  # quotes never overlap
    if at < 0 or doc.quote_spans[at][1] < end:
        return False
    qs, qe = doc.quote_spans[at]
    return len(doc.text[qs:qe].split()) <= 5


def frame_at(
    doc: Doc, index: int, position: int, window: bool = True
) -> tuple[str | None, str | None]:
    """The time a figure at ``position`` is about, when it is not the article's
    own, and the weekday its sentence names (see :mod:`index.subjects`). A
    duration's clause names no window ("talks since 2022 lasted two hours")."""
    sentence = sentence_at(doc, index, position)
    spans = doc.sentences[index]
    i = bisect_left(doc.sentence_starts[index], sentence[0])
    previous = doc.text[spans[i - 1][0] : spans[i - 1][1]] if i > 0 else ""
    text = doc.text[sentence[0] : sentence[1]]
    offset = position - sentence[0]
    bounds = [m.start() for m in _CLAUSE_END.finditer(text)]
    begin = max([b for b in bounds if b < offset], default=0)
    end = min([b for b in bounds if b > offset], default=len(text))
    earlier = doc.text[max(0, sentence[0] - EARLIER) : sentence[0]]
    frame = time_frame(text, text[begin:end], previous, doc.year, window, earlier)
    return frame, day_of(text)


# How far back a sentence told from an earlier time ("A year later") looks for
# the year it counts from.
EARLIER = 600
_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s")


def _qualified_start(text: str, start: int, default: str) -> tuple[int, str]:
    """Extend a number's start over its qualifier ("less than", "just")."""
    found = num.qualifier_before(text[max(0, start - 40) : start])
    if found is None or default == "range":
        return start, default
    qualifier, length = found
    return start - length, qualifier


# Quantities -------------------------------------------------------------------


def quantities(doc: Doc, index: int, taken: SpanSet) -> list[Fact]:
    """Counts of passage ``index`` outside ``taken``, vague ones ("dozens of") too."""
    passage = doc.passages[index]
    found = []
    for match in _NUMBER_AT.finditer(doc.text, passage.start, passage.end):
        fact = _quantity(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            taken.add(fact.start, fact.end)
            found.append(fact)
    for match in num.VAGUE.finditer(doc.text, passage.start, passage.end):
        fact = _vague_quantity(doc, index, match)
        if fact and _free(taken, fact.start, fact.end):
            found.append(fact)
    return found


def _quantity(doc: Doc, index: int, match: re.Match[str]) -> Fact | None:
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
    if _in_a_name(doc, index, match, words_end):
        return None
    qualifier = "range" if high is not None else "exact"
    start, qualifier = _qualified_start(text, match.start(), qualifier)
    each = re.match(r"\s+each\b", text[words_end:end])
    if each:
        words_end += each.end()
        qualifier = "each" if qualifier == "exact" else qualifier
    low, top, low_open, high_open = num.bounds(value, qualifier, high)
    return make_fact(
        doc, index, "quantity", (start, words_end),
        key=_quantity_key(doc, index, words, (start, words_end), value), value=value, low=low,
        high=top, low_open=low_open, high_open=high_open, qualifier=qualifier, unit="count",
        speaker=speaker(doc, index, match.start()),
    )  # fmt: skip


def _in_a_name(doc: Doc, index: int, match: re.Match[str], end: int) -> bool:
    """A number inside a name or title: "filming Two Fat Ladies" (a number word
    capitalised inside a sentence) or a few quoted words ("“48 Hours”")."""
    if in_short_quote(doc, match.start(), end):
        return True
    number = match.group("num")
    if not number[0].isupper() or number.isupper() and len(number) > 1:
        return False
    sentence = sentence_at(doc, index, match.start())
    return bool(re.search(r"\w", doc.text[sentence[0] : match.start()]))


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
    ("55-year-old", "four-way", "2-L"), times, percentages, "no one", ranks and
    scores."""
    after = text[num_end:end]
    number = match.group("num")
    if re.match(r"-[^\W\d_]|:\d|\s*(?:%|per\s?cent|percent)", after):
        return True
    if number.isdigit() and _a_models_number(text, match.start(), num_end):
        return True
    if re.fullmatch(r"\d{4}", number) and 1000 <= int(number) < 3000:
        # "the deadly 2012 attacks" is a year; "1900 soldiers" a count
        attributive = re.search(
            r"(?:\b(?:the|a|an|its|their|his|her)|[’']s)(?:\s+[a-z]+)?\s+$",
            text[max(0, match.start() - 20) : match.start()],
        )
        return bool(attributive) or not num.plural_follows(text, match.end("num"))
    if number[0] == "0" and number.isdigit() and len(number) > 1:
        return True  # "007", "0800": a code, no count (a thousand written "31, 000" is
        # one number to num.NUMBER)
    if _RATIO.search(text, max(0, match.start() - 20), match.start()):
        return True  # "one in every 500 Windows users": a share, not a count
    before = text[max(0, match.start() - 12) : match.start()].lower().split()
    previous = before[-1] if before else ""
    if number.lower() == "one" and previous in {"no", "any", "every", "some", "each", "someone"}:
        return True
    if previous in {"number", "no.", "nos.", "#"}:
        return True  # "world number two Rodney Eyles", "the No. 2 seed": a rank
    if _score(match):
        return True
    small_word = not number[0].isdigit() and (num.parse_number(number) or 0) <= 10
    return small_word and previous in {"the", "these", "those", "both", "all"}


def _score(match: re.Match[str]) -> bool:
    """ "15-12" or "39-12": a score or a result, not a range (which rises: "12-15
    people")."""
    if not match.group("num2") or match.group("link") not in ("-", "–"):
        return False
    first, second = num.parse_number(match.group("num")), num.parse_number(match.group("num2"))
    return first is not None and second is not None and second < first


# The denominator of a share: "one in every 500", "1 in 5", "one out of 10".
# A capitalised word inside a sentence just before a number: the name of a
# model or a version ("AK 47", "Windows 2000", "Boeing 747"), not what is
# counted; not a month, a weekday or a word a headline capitalises.
_MODEL = re.compile(
    rf"(?<=[\w,;)] )(?!(?:{num.MONTH}|{'|'.join(w.title() for w in num.WEEKDAYS)}) $)"
    r"(?!(?:The|A|An|About|Some|Almost|Nearly|Over|Under|Only|All|Of|In|On|At|By|For|To|"
    r"With|And|But|Or|Than|From|Around|Roughly|More|Less|Fewer|Up|Top|Just|Least|Most|No|"
    r"Number|Page|Room|Unit|Route|Highway|Interstate|Section|Article|Chapter|Rule) $)"
    r"[A-Z][A-Za-z]{0,15} $"
)


def _a_models_number(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` names a model or a version after a
    capitalised word ("six AK 47 rifles", "Windows 2000 users"; after another
    number, "14 AK 47 Rifles"), not a headline's count ("Police Arrest 12 Men",
    the word after it capitalised too)."""
    model = _MODEL.search(text, max(0, start - 30), start)
    if model is None:
        return False
    headline = re.match(r"\s+[A-Z]", text[end:]) is not None
    after_a_number = re.search(r"\d\s+$", text[max(0, model.start() - 8) : model.start()])
    return not headline or after_a_number is not None


_RATIO = re.compile(r"\b(?:one|1|a)\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)


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
        if _skipped_modifier(word, words, following):
            stop = match.end(1)
            continue
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


def _skipped_modifier(word: str, words: list[str], following: str) -> bool:
    """A possessive or a participle between "of" and what is counted: "55,000
    pages of Clinton's emails" and "50,000 pages of printed emails" both count
    "pages of emails"."""
    if not words or words[-1].lower() != "of" or not following:
        return False
    lower, after = word.lower(), following.lower()
    modifier = lower.endswith(("’s", "'s")) or (lower.endswith("ed") and lower not in _PARTICIPLES)
    return modifier and after not in _STOP and not after.endswith(("’s", "'s", "ed", "ly"))


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


def _vague_quantity(doc: Doc, index: int, match: re.Match[str]) -> Fact | None:
    counted = _counted(doc.text, match.end(), doc.passages[index].end, 2)
    if counted is None:
        return None
    words, words_end = counted
    low, high = num.VAGUE_MAGNITUDES[match.group(1).lower()]
    return make_fact(
        doc, index, "quantity", (match.start(), words_end),
        key=_quantity_key(doc, index, words, (match.start(), words_end), low),
        value=low, low=low, high=high, high_open=True, qualifier="range", unit="count",
        speaker=speaker(doc, index, match.start()),
    )  # fmt: skip


def _quantity_key(doc: Doc, index: int, words: list[str], span: Span, value: float) -> str | None:
    """The comparable name of what is counted (see :mod:`index.facts` and
    :mod:`index.subjects`); None when it names nothing comparable."""
    text, (start, end) = doc.text, span
    kept = [w for w in words if not nationality(w)] or words
    lowered = [w.lower() for w in kept]
    verb = _PARTICIPLES.get(lowered[-1]) if lowered[-1] in _PARTICIPLES else None
    if verb:
        lowered.pop()
    sentence = sentence_at(doc, index, start)
    before, after = text[sentence[0] : start], text[end : sentence[1]]
    verb = verb or _verb_before(text[max(0, start - 30) : start]) or verb_near(before, after)
    if lowered:
        head = lowered.index("of") - 1 if "of" in lowered else len(lowered) - 1
        lowered[head] = _plural(lowered[head])
    if needed(before, after) or rate(after):
        return None  # "needs 60 votes", "1.75 cents per ounce": not a tally to compare
    if lowered in (["pounds"], ["lbs"]) and _WEIGHS.search(before):
        return "weight"  # a bare count: compared only where each report states one
    subject = quantity_subject(" ".join(lowered), value, verb)
    return framed(subject, *frame_at(doc, index, start)) if subject else None


# A person's or a thing's weight in pounds: "weighs about 120 pounds", or after
# a height, "5-foot-8 and 130 pounds", "6 feet 2 inches tall, 200 pounds".
_WEIGHS = re.compile(
    r"(?:\bweigh(?:s|ed|ing)?\s+(?:in\s+at\s+)?|"
    r"\b\d+(?:-foot-\d+|\s+(?:feet|foot)(?:\s+\d+(?:\s+inch(?:es)?)?)?|'\s*\d+\"?)"
    r"(?:\s+tall)?\s*(?:,\s*|\s+and\s+|,\s+and\s+))$",
    re.I,
)


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
