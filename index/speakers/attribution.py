"""Who said a quote (:func:`quote_facts`) or states a number
(:func:`speaker`): the words around it, a person, a descriptor, or an
organisation or office."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..mentions import SPEECH_VERBS
from ..model import Fact
from ..quoting import is_a_name, quote_spans
from .doc import Doc, _in_quote, _prepositional, make_fact, sentence_at
from .pronouns import _resolve_pronoun
from .words import (
    _ABBREVIATED,
    _AUX_TAIL,
    _SPEECH_RE,
    _TITLE_WORDS,
    _TITLED,
    Span,
    wordset,
)


def quote_facts(doc: Doc, index: int) -> list[Fact]:
    """Quoted words of a passage with who said them."""
    passage = doc.passages[index]
    found: list[Fact] = []
    previous: Fact | None = None
    for start, end in quote_spans(doc.text, passage.start, passage.end):
        if is_a_name(doc.text, start, end):
            continue
        who = _quote_speaker(doc, index, (start, end), previous)
        fact = make_fact(
            doc, index, "quote", (start, end),
            key=f"quote:{who.lower()}" if who else "quote",
            speaker=who, quote=doc.text[start + 1 : end - 1].strip(),
        )  # fmt: skip
        found.append(fact)
        previous = fact
    return found


def speaker(doc: Doc, index: int, position: int) -> str | None:
    """Who states a number: the quote's speaker when it is quoted, else a named
    person whose words the sentence reports; None for the narrator."""
    quotes = doc.quotes[index]
    if len(doc.quote_fact_starts) != len(doc.quotes):  # by bisection: a passage may hold 1,000s
        doc.quote_fact_starts = [[q.start for q in found] for found in doc.quotes]
    at = bisect_right(doc.quote_fact_starts[index], position) - 1
    if at >= 0 and position < quotes[at].end:
        return quotes[at].speaker
    return _reported_by(doc, index, position)


def _quote_speaker(doc: Doc, index: int, span: Span, previous: Fact | None) -> str | None:
    """The attribution after the quote, else before it in its sentence, else the
    speaker of the quote just before it ("..." Medinsky said. "...")."""
    trail_end = sentence_at(doc, index, span[1] - 1)[1]
    opens = not doc.text[sentence_at(doc, index, span[0])[0] : span[0]].strip()
    if opens and doc.text[span[1] - 2] in "?!" and trail_end - span[1] <= 1:
        # a quoted question opening its sentence ends none: “Why speculate?” Mr.
        # Gowdy added. (Not one a speaker leads: Cohen pushed back: “says who?”)
        trail_end = max(trail_end, sentence_at(doc, index, trail_end)[1])
    i = bisect_left(doc.quote_starts, span[1])
    following = doc.quote_starts[i : i + 1]
    who = _trailing(doc, index, span[1], min([trail_end, *following]))
    if who:
        return who
    begin = sentence_at(doc, index, span[0])[0]
    same_sentence = previous is not None and previous.end > begin
    if previous is not None and same_sentence:
        begin = previous.end
    who = _leading(doc, index, begin, span[0])
    if who or previous is None:
        return who
    return previous.speaker if same_sentence or not doc.text[begin : span[0]].strip() else None


def _trailing(doc: Doc, index: int, start: int, end: int) -> str | None:
    after = doc.text[start:end]
    inverted = re.match(rf"\s*[,:]?\s*{SPEECH_VERBS}\b", after)
    if inverted:
        return _named_after(doc, index, start + inverted.end(), end)
    subject = re.match(
        rf"\s*[,:]?\s*((?:{_ABBREVIATED}|[^,.;:!?“”\"]){{1,80}}?)\s+{SPEECH_VERBS}\b", after
    )
    if subject:
        return _subject(doc, index, start + subject.start(1), start + subject.end(1))
    return _named_before_apposition(doc, start, end)


# What follows a speaker's name and comes before the speech verb: "..., the
# executive director of the Marijuana Industry Group, a Colorado-based trade
# group, said".
_APPOSITION = re.compile(rf",[^“”\";!?]{{1,160}}?,\s*(?:\w+ly\s+)?{SPEECH_VERBS}\b")


def _named_after_quote(doc: Doc, start: int, end: int) -> Span | None:
    """The person named just after a quote's closing mark and comma, if any."""
    found = doc.people.between(start, end)
    return found[0] if found and _LEAD.fullmatch(doc.text, start, found[0][0]) else None


# Between a quote's closing mark and its speaker's name: a comma, spaces and up to
# three words of titles ("Sen. John Cornyn, R-Texas, said").
_LEAD = re.compile(rf"[\s,]*(?:(?i:an?|the|{_TITLE_WORDS})\.?\s+){{0,3}}")


def _named_before_apposition(doc: Doc, start: int, end: int) -> str | None:
    """“...,” Michael Elliott, the executive director of the group, said."""
    person = _named_after_quote(doc, start, end)
    if person and _APPOSITION.match(doc.text, person[1], end):
        return doc.people.fullest(person)
    return None


def _leading(doc: Doc, index: int, start: int, end: int) -> str | None:
    verbs = [v for v in _SPEECH_RE.finditer(doc.text, start, end) if not _in_quote(doc, v.start())]
    if verbs:
        return _subject(doc, index, start, verbs[-1].start())
    first = next((s for s in doc.people.between(start, end) if not _in_quote(doc, s[0])), None)
    near_start = first and first[0] - start <= 40 and "," not in doc.text[start : first[0]]
    if first and near_start and not _prepositional(doc, start, first[0]):
        return doc.people.fullest(first)
    label = _LABEL.fullmatch(doc.text, start, end)
    if label:  # a transcript's "TRUMP: “...”", where the article names him
        return doc.people.named(label.group(1))
    return None


# A speaker's name in capitals before a colon, opening a transcript's line.
_LABEL = re.compile(r"\s*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}):\s*")


def _named_after(doc: Doc, index: int, start: int, end: int) -> str | None:
    """The speaker named after an inverted verb: "said Kremlin spokesperson Dmitry Peskov"."""
    stop = _stop(doc.text, start, end)
    window = min(end, stop, start + 80)
    people = doc.people.between(start, window)
    if people:
        # the one a title leads where there are two: "said Kenya Wildlife Service
        # spokesman Paul Gathitu" (the body's words can end like a name)
        titled = [p for p in people if _TITLED.search(doc.text, start, p[0])]
        return doc.people.fullest((titled or people)[0])
    phrase = doc.text[start:window].strip()
    if re.fullmatch(r"(?:he|she)\b.*", phrase, re.IGNORECASE):
        return _resolve_pronoun(doc, index, start)
    return _descriptor(phrase)


_PUNCTUATION = re.compile(r"[,.;:!?“”\"]")
_ABBREVIATED_END = re.compile(rf"{_ABBREVIATED}$")


def _stop(text: str, start: int, end: int) -> int:
    """Where the words after ``start`` stop naming anyone: the first punctuation
    mark, where a period ends no initial or title ("said Representative Patrick T.
    McHenry, Republican of North Carolina"); ``end`` if none does."""
    for mark in _PUNCTUATION.finditer(text, start, end):
        if mark.group() != "." or not _ABBREVIATED_END.search(text, start, mark.end()):
            return mark.start()
    return end


def _subject(doc: Doc, index: int, start: int, end: int) -> str | None:
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
    if re.match(r"(?:he|she)\s", phrase, re.IGNORECASE) and (
        _PARTICIPLE.match(doc.text, end) or _NO_SUBJECT.search(phrase)
    ):  # "He signaled he did, saying, “...”"; "He paused, then added: “...”"
        return _resolve_pronoun(doc, index, start + 2)
    return _descriptor(phrase) or _body(doc, start, end, phrase)


# A speech verb whose subject is the sentence's: "He ..., saying", "She ..., adding".
_PARTICIPLE = re.compile(r"[\s,]*(?:saying|adding|telling|noting|stressing|warning)\b")
# The words before a speech verb that has no subject of its own: "..., but said".
_NO_SUBJECT = re.compile(r"(?:,|\b(?:and|but|then|also|later))$")
_OFFICE = re.compile(
    r"(?:^|\s)(?:[\w’'.-]+\s+){0,4}?(?:ministry|office|kremlin|government|army|military|"
    r"spokes(?:man|woman|person)|agency|department|council|commission|embassy|presidency|"
    r"parliament|pentagon|white\s+house|cabinet|command)$",
    re.I,
)


def _body(doc: Doc, start: int, end: int, phrase: str) -> str | None:
    """An organisation or office as the speaker: "Russia's defence ministry said",
    "Gazprom said", "Moscow said" (a place standing for its government). Police
    and officials in general are how reporters source what they state
    themselves, so they stay with the narrator."""
    named = doc.people.body_ending_at(end)
    if named and not _prepositional(doc, start, end - len(named)):
        return named
    office = _OFFICE.search(phrase.split(",")[-1])
    if office and len(office.group().split()) <= 6 and not re.search(r"[“”\"]", office.group()):
        return office.group().strip()
    return None


def _descriptor(phrase: str) -> str | None:
    """ "A Russian official" or "the chairman of the Bar Council", up to where
    the noun phrase ends: "The president over the weekend", "The attorney
    general has again" and "an IMF official in a briefing on Wednesday" are
    "The president", "The attorney general" and "an IMF official"."""
    head = re.split(r",|\s[—–]\s", phrase)[0].strip()
    if not re.match(r"(?:a|an|the)\s", head, re.IGNORECASE) or len(head.split()) > 8:
        return None
    words = head.split()
    end = next((i for i, w in enumerate(words[1:], 1) if _ends_noun_phrase(w)), len(words))
    head = " ".join(words[:end])
    if end < 2 or words[1].lower() in _TIMES or re.search(r"[“”\"]", head):
        return None  # "A day after ...": when, not who
    return head


_TIMES = wordset("day week month year moment time while")
_NOT_IN_A_NAME = wordset(
    "in on at over during after before meanwhile again also has had have would will could "
    "can may might is was were are then later recently today yesterday tonight who that "
    "which than"
)


def _ends_noun_phrase(word: str) -> bool:
    """A word no title or office holds: a preposition of time or place, an adverb,
    an auxiliary verb or a number ("the new plant would produce 150")."""
    lower = word.lower()
    return (
        lower in _NOT_IN_A_NAME
        or lower.endswith("ly")
        or bool(re.fullmatch(r"[$£€]?[\d.,]+", word))
    )


def _reported_by(doc: Doc, index: int, position: int) -> str | None:
    """A named speaker whose words the sentence at ``position`` reports."""
    start, end = sentence_at(doc, index, position)
    for verb in _SPEECH_RE.finditer(doc.text, start, end):
        if _in_quote(doc, verb.start()):
            continue
        who = _subject(doc, index, start, verb.start())
        before = doc.text[start : verb.start()].rstrip()
        if not who and (not before or before[-1] in ",\"”’'"):
            # inverted: "..., said Kremlin spokesperson Dmitry Peskov"; after a
            # subject ("Officials said John Aguillon ...") a name is what is said
            who = _named_after(doc, index, verb.end(), end)
        if who:
            return who
    according = re.search(r"\baccording to\s+", doc.text[start:end])
    if according:
        after = start + according.end()
        people = doc.people.between(after, min(end, after + 40))
        if people and people[0][0] - after < 20:
            return doc.people.fullest(people[0])
    return None
