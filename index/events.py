"""What a duration or a date is about: the event that lasted or happened.

"The talks lasted just 40 minutes" is the duration of the talks, "met on
Tuesday" the date of the talks; "walking 20 miles a day for five months" or
"the past nine years" say how long, but of nothing another report would state
again, so they get no key and are never compared. Durations and dates are
compared only under one of these keys (see :mod:`index.facts`).
"""

from __future__ import annotations

import re

from .speakers import Doc, Span, sentence_at, wordset

EVENTS = {
    **dict.fromkeys(
        wordset(
            "talks talk meeting meetings negotiations negotiation discussions discussion "
            "session sessions"
        ),
        "talks",
    ),
    **dict.fromkeys(
        wordset("ceasefire ceasefires cease-fire cease-fires truce truces"), "ceasefire"
    ),
    **dict.fromkeys(["summit", "summits"], "summit"),
}
# "a meeting" or "their previous meeting" is not the event the story is about.
_NOT_THIS_EVENT = wordset(
    "a an previous last next future earlier later prior upcoming possible her his"
)
STOP = wordset(
    "a an the and or but nor to in on at for with from by as than that which who whom whose "
    "this these those its their his her our your my is are was were be been being have has had "
    "will would could can may might should must shall do does did each all both per including "
    "according since during after before over under about into across between among against "
    "of off out up down so if then there here when where while also not no more less most "
    "it he she they we you i long"
)
# A word as keys and subjects read it: letters, digits, apostrophes and hyphens.
WORDS = re.compile(r"[\w’'-]+")
_LAST_VERB = re.compile(
    r"\b(?:lasted|lasting|lasts|last|concluded|ended|finished|wrapped up|broke up|took|ran|"
    r"spanned|closed)\b(?:\s+\w+ly)?(?:\s+(?:in|after|for|within|at|by))?\s*$",
    re.IGNORECASE,
)
# A date of something else than the event: a previous one, or one still to come.
_OTHER_OCCASION = re.compile(
    r"\b(?:since|previous|last|earlier|prior|first|next|upcoming)\b(?:\W+\w+){0,2}\W*$", re.I
)
_SAID = re.compile(
    r"\b(?:said|says|wrote|writes|told|announced|tweeted|added|stated)\s+(?:on\s+|late\s+|early\s+)?$",
    re.I,
)
_SEVERAL = re.compile(r"\b(?:second|third|fourth|fifth)\s+(?:time|such\s+meeting)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|to\s+continue|to\s+resume|plans?\s+to|planned|scheduled|expected\s+to)\b",
    re.I,
)


def date_key(doc: Doc, index: int, span: Span) -> str:
    """``date:<event>`` when the sentence says an event happened on this date:
    an event noun just before or after it ("met ... on Tuesday for another round
    of negotiations"; "met Morsi late Monday" names no event, and the meeting
    may be another than the story's); plain ``date`` (never
    compared) for a date of another occasion ("since their Dec. 11 meeting",
    "return on Friday to continue the talks")."""
    sentence = sentence_at(doc, index, span[0])
    before = doc.text[sentence[0] : span[0]]
    after = doc.text[span[1] : sentence[1]]
    if _OTHER_OCCASION.search(before) or _FUTURE.search(before + " " + after):
        return "date"
    if _SAID.search(before):
        return "date"  # "Mattis wrote Thursday": the day of a statement
    if _SEVERAL.search(before + " " + after):
        return "date"  # "Thursday's meeting marks the second time in a week": which one?
    near = event_in(" ".join(WORDS.findall(before)[-6:])) or event_in(
        " ".join(WORDS.findall(after)[:5])
    )
    if near:
        return f"date:{near}"
    verbs = r"\b(?:met|meet|meets|held|concluded|ended|lasted|began|opened|started|convened)\b"
    event = event_in(before)  # "the talks ... concluded ... on Friday"
    if event and re.search(verbs, " ".join(WORDS.findall(before)[-6:])):
        return f"date:{event}"
    return "date"


def event_in(text: str) -> str | None:
    """The canonical event named last in ``text``, skipping other events like
    "a meeting" or "their previous meeting"."""
    words = re.findall(r"[\w-]+", text.lower())
    for i in range(len(words) - 1, -1, -1):
        if words[i] in EVENTS and (i == 0 or words[i - 1] not in _NOT_THIS_EVENT):
            return EVENTS[words[i]]
    return None


def duration_key(doc: Doc, index: int, start: int, end: int, hyphen: bool) -> str | None:
    """What lasted, from the words around the duration ``[start, end)``: the
    subject of "lasted", the noun of "a 77-minute press conference" or "four
    days of hearings", the time since "the first ... in three years"; None
    when the sentence names nothing that lasted."""
    sentence = sentence_at(doc, index, start)
    before = doc.text[sentence[0] : start]
    after = doc.text[end : sentence[1]]
    verb = _LAST_VERB.search(before)
    if verb:
        subject = event_in(before[: verb.start()]) or _subject_of(before[: verb.start()])
        return f"duration:{subject}" if subject else None
    noun = _noun_after(after, hyphen)
    if noun in _EXTREMES:
        return None  # "four-month highs": the highest for that long, no length of anything
    if noun:
        return "duration:" + ("prison sentence" if _PRISON.search(noun) else noun)
    if _PRISON_AFTER.match(after) or _SENTENCED.search(before):
        # "He served four months in federal prison" is the time served, not the
        # sentence ("sentenced to one to three years, all but six months suspended")
        return "duration:time served" if _SERVED.search(before) else "duration:prison sentence"
    spell = _spell_in(before, after)
    if spell:
        return f"duration:{spell}"
    if (
        re.search(r"\bfirst\b", before, re.I)
        and re.search(r"\b(?:in|for)\s+$", before, re.I)
        and not _CLOCK.search(doc.text[start:end])  # "the first relay medal ... in 38.07 seconds"
    ):
        return "duration:since"
    near = re.search(r"\b([\w-]+)\s+(?:in|after|within|for|of)\s+$", before)
    if near and near.group(1).lower() in EVENTS:
        return "duration:" + EVENTS[near.group(1).lower()]
    return None


_PRISON = re.compile(r"\b(?:prison|jail|sentence)\b")
_SERVED = re.compile(
    r"\b(?:served|serving|spent|spending)\s+(?:(?:about|nearly|almost|just|only|more\s+than|less\s+than)\s+)?$",
    re.I,
)
_EXTREMES = frozenset(["high", "highs", "low", "lows", "peak", "peaks", "record", "records"])
_CLOCK = re.compile(r"\b(?:second|minute|hour)s?\b", re.I)
_PRISON_AFTER = re.compile(
    r"\s+(?:in|behind)\s+(?:a\s+)?(?:federal\s+|state\s+)?(?:prison|jail|bars)\b"
)
_SENTENCED = re.compile(
    r"\b(?:sentenced|sentencing)\b(?:\s+[\w’'.-]+){0,5}\s+to\s+$|\bto\s+serve\s+$"
)
_FOR = re.compile(r"\b(?:for|in\s+the|over\s+the|during\s+the)\s+$", re.I)


def _spell_in(before: str, after: str) -> str | None:
    """What "for 35 days" measures when its sentence names one spell of
    something and only one: "a shutdown that left workers without pay for 35 days"."""
    if not _FOR.search(before):
        return None
    words = {w.lower() for w in WORDS.findall(before + " " + after)}
    found = {_SPELL_NAMES.get(w, w) for w in words if w in _SPELLS or w in _SPELL_NAMES}
    found = {EVENTS.get(w, singular(w)) for w in found}
    return found.pop() if len(found) == 1 else None


_SPELL_NAMES = {"shuttered": "shutdown", "shut": "shutdown"}


def _subject_of(before: str) -> str | None:
    """The noun before "lasted" ("The shutdown lasted"), past a clause set off by commas."""
    text = re.sub(r",[^,]*,?\s*$", "", before.rstrip())
    words = WORDS.findall(text)
    if not words or not words[-1].islower() or words[-1] in STOP:
        return None
    return singular(words[-1])


def _noun_after(after: str, hyphen: bool) -> str | None:
    """What "a 77-minute press conference" or "four days of hearings" measures."""
    if hyphen:
        words = re.match(r"\s*([a-z][\w-]*)(?:\s+([a-z][\w-]*))?", after)
        if not words or words.group(1) in STOP:
            return None
        first, second = words.group(1), words.group(2) or ""
        if first in EVENTS:
            return EVENTS[first]
        compound = second and second not in STOP and not second.endswith(("ed", "ing", "ly"))
        noun = f"{first} {singular(second)}" if compound else singular(first)
        extended = _of_what(after) if second == "of" else None
        return f"{noun} of {extended}" if extended else noun
    of = re.match(r"\s+of\s+((?:[\w-]+\s+){0,4}?)([a-z][\w-]*)\b", after)
    if of and of.group(2) in _SPELLS and not any(w in STOP for w in of.group(1).split()):
        return EVENTS.get(of.group(2), singular(of.group(2)))
    return None


def _of_what(after: str) -> str | None:
    """What a "two-year extension of tax cuts" extends: the last word of the
    noun phrase after "of" ("cuts"; "unemployment insurance" is "insurance"),
    so that two extensions of different measures are two subjects."""
    phrase = re.match(r"\s*[\w-]+\s+of\s+((?:[\w’'-]+\s*)+)", after)
    if not phrase:
        return None
    words: list[str] = []
    for word in phrase.group(1).split():
        if word.lower() in STOP:
            if words:
                break
            continue
        words.append(word)
    return words[-1].lower() if words else None


# What "four days of ..." can measure: events, not "eight years of tax returns".
_SPELLS = frozenset(EVENTS) | wordset(
    "hearings hearing attacks strikes airstrikes fighting bombing bombings shelling protests "
    "war violence captivity detention testimony deliberations deliberation debate trial "
    "clashes talks negotiations siege lockdown shutdown strike"
)


def singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
