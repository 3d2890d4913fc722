"""What a figure is about: its subject, its time frame, and how to say it in words.

Two figures are counterparts only when they count or measure the same thing at
the same time: "1,000 prisoners of war exchanged" and "1,200 prisoners of war
swapped" are, "six people injured" and "four people struck" are not, nor are
"three Israelis killed on Thursday" and "thirteen Israelis died" in a war of
2008. A figure's key (see :mod:`index.facts`) carries all of it, so facts are
compared only under one key:

* a quantity's key is what is counted and, when the sentence says, what
  happened to it ("people injured", "votes needed"); a generic noun ("people",
  "times") with no such verb names nothing comparable and gets no key;
* a figure about a year before the article's gets the year (" in 2008");
* :func:`describe` turns a key into words for a reader ("duration of the talks").

Plain regular expressions over the sentence, like the rest of fact finding.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .events import WORDS
from .model import CitedFact, Fact
from .speakers import wordset

# A verb near a count, in the participle used in keys, synonyms merged.
_VERBS = {
    "kill": "killed", "killed": "killed", "killing": "killed", "died": "killed",
    "dead": "killed", "die": "killed",
    "wound": "wounded", "wounded": "wounded", "wounding": "wounded", "injure": "wounded",
    "injured": "wounded", "injuring": "wounded", "hurt": "wounded", "hurting": "wounded",
    "strike": "struck", "struck": "struck", "striking": "struck", "shot": "shot",
    "shoot": "shot", "shooting": "shot",
    "exchange": "exchanged", "exchanged": "exchanged", "exchanging": "exchanged",
    "swap": "exchanged", "swapped": "exchanged", "swapping": "exchanged",
    "release": "released", "released": "released", "releasing": "released",
    "free": "released", "freed": "released", "freeing": "released",
    "arrest": "arrested", "arrested": "arrested", "arresting": "arrested",
    "detain": "detained", "detained": "detained", "detaining": "detained",
    "evacuate": "evacuated", "evacuated": "evacuated", "evacuating": "evacuated",
    "displace": "displaced", "displaced": "displaced",
    "furlough": "furloughed", "furloughed": "furloughed", "furloughing": "furloughed",
    "deploy": "deployed", "deployed": "deployed", "deploying": "deployed",
    "rescue": "rescued", "rescued": "rescued", "capture": "captured", "captured": "captured",
    "infect": "infected", "infected": "infected", "sicken": "infected", "sickened": "infected",
    "hospitalized": "hospitalised", "hospitalised": "hospitalised",
    "missing": "missing", "return": "returned", "returned": "returned",
    "in custody": "detained", "under arrest": "arrested",
    "launch": "fired", "launched": "fired", "launching": "fired",
    "charge": "charged", "charged": "charged", "indict": "charged", "indicted": "charged",
    "convict": "convicted", "convicted": "convicted", "fire": "fired", "fired": "fired",
    "lay": "laid off", "laid": "laid off", "hire": "hired", "hired": "hired",
    "vote": "voted", "voted": "voted", "voting": "voted", "sign": "signed", "signed": "signed",
    "participate": "taking part", "participating": "taking part", "participated": "taking part",
    "taking part": "taking part", "take part": "taking part", "took part": "taking part",
    "compete": "taking part", "competing": "taking part", "competed": "taking part",
    "attend": "attended", "attended": "attended", "attending": "attended",
}  # fmt: skip
_VERB_WORDS = "|".join(sorted(_VERBS, key=len, reverse=True))
_AUX = (
    r"(?:(?:were|was|are|is|have|has|had|been|being|be|remain|remains|reportedly|also|later|"
    r"all|now|still|will|would|could|may|might|to)\s+)*"
)
# "Six people, including two congressmen, were injured": a clause may sit between.
_VERB_AFTER = re.compile(
    rf"^(?:\s*,[^,.;:]{{0,90}},)?\s+(?:who\s+|that\s+)?{_AUX}(?P<verb>{_VERB_WORDS})\b", re.I
)
_VERB_BEFORE = re.compile(
    rf"\b(?P<verb>{_VERB_WORDS})(?:\s+(?:a\s+total\s+of|some|about|around|nearly|more\s+than|"
    rf"over|at\s+least|up\s+to|an\s+estimated|just|only|the|another|an\s+additional|"
    rf"additional|a\s+further|further))*\s*$",
    re.I,
)
# A count of what a vote or rule needs, not of what happened.
_NEEDED_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required|requiring|threshold\s+of|"
    r"majority\s+of|supermajority\s+of|minimum\s+of)\s+(?:at\s+least\s+|only\s+|just\s+)?$",
    re.I,
)
_NEEDED_AFTER = re.compile(
    r"^\s+(?:needed|required|necessary|to\s+(?:pass|advance|break|overcome|override|clear|end|"
    r"block|confirm|win|approve))\b",
    re.I,
)
# Nouns that say too little to compare a count of them without a verb.
GENERIC = wordset(
    "people persons others ones times things members cases years days months weeks hours "
    "minutes percent points miles kilometers kilometres feet meters metres pounds dollars "
    "degrees items parts pieces ways steps reasons questions issues words pages"
)
_YEAR = re.compile(r"(?<![\w,.$-])(1[89]\d\d|20\d\d)(?:\s*[-–]\s*\d{1,4})?(?![\w-]|,\d)")


def verb_near(before: str, after: str) -> str | None:
    """What happened to what is counted, from the words just before the number
    ("killing more than", "exchange") or just after the counted words ("were killed")."""
    found = _VERB_AFTER.match(after) or _VERB_BEFORE.search(before[-60:])
    return _VERBS[found.group("verb").lower()] if found else None


def needed(before: str, after: str) -> bool:
    """Whether a count is a threshold ("needs 60 votes to advance"), not a tally."""
    return bool(_NEEDED_BEFORE.search(before[-40:]) or _NEEDED_AFTER.match(after))


# Units of measure and money: "0.17 s", "3 cm spits", "32 cents" are
# measurements, not tallies; what they measure is not in the words after them.
MEASURES = wordset(
    "s ms sec secs min mins h hr hrs cm mm km m μm nm ft in yd mi kg g mg lb lbs oz t "
    "mph kph kmh mb gb kb tb mw kw gw hz ghz mhz cents cent pence pennies euros yen yuan "
    "rupees francs pesos yards inches tons tonnes acres hectares gallons litres liters "
    "ounces grams kilograms kilos bytes megabytes gigabytes megapixels watts volts "
    "miles feet metres meters kilometres kilometers knots"
)


def quantity_subject(noun: str, value: float, verb: str | None) -> str | None:
    """The key of a counted figure: the noun, with the verb when there is one;
    None when the noun alone says nothing comparable ("people", "times"), the
    number only introduces someone ("one man approached") or the figure is a
    measurement that does not say of what ("0.17 s", "32 cents", "3 cm spits";
    "five inches of rain" does)."""
    words = noun.split()
    if words and words[0] in MEASURES and words[1:2] != ["of"]:
        return None
    if verb and not noun.endswith(verb):
        return f"{noun} {verb}"
    head = noun.split(" of ")[0].split()[-1] if noun else ""
    if not verb and (value == 1 or (head in GENERIC and " " not in noun)):
        return None
    return noun


def measured(key: str | None) -> bool:
    """Whether a key names a measure but not of what: "13 nautical miles" (from
    the warship, or off Aden?), "548 rushing yards" (whose?). Two such figures
    alike may agree; different, they are no contradiction anyone can tell."""
    noun = split_key(key).noun if key else ""
    words = noun.split(" of ")[0].split()
    return bool(words) and words[-1] in MEASURES and " of " not in noun


def rate(after: str) -> bool:
    """Whether a count is a rate ("1.75 cents per ounce", "30 miles a day")."""
    return bool(re.match(rf"\s+(?:per|a|an|each)\s+(?:{_UNIT_WORDS})\b", after, re.I)) or bool(
        re.match(r"\s+per\b", after, re.I)
    )


_UNIT_WORDS = "second|minute|hour|day|week|month|year|ounce|pound|gallon|mile|person|head|capita"


def reference_year(year: int | None, text: str) -> int | None:
    """The year an article is written in: its date's, else the latest year it names."""
    if year:
        return year
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return max(years) if years else None


_SINCE = re.compile(r"\b(?:since|after|before|until|than\s+in)\b[^,;—–]*", re.I)
_RELATIVE = re.compile(r"\b(?:(?:so\s+far\s+)?this|last)\s+(?:year|month|week)\b", re.I)
_EARLIER = re.compile(
    r"\b(?:previous|prior|earlier|last)\s+(?:\w+\s+)?(?:wars?|operations?|conflicts?|time|"
    r"rounds?|shutdowns?|elections?|attacks?|outbreaks?)\b",
    re.I,
)


_WINDOW = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?P<since>[\w’'-]+(?:\s+\d+)?)|"
    r"(?:over|in|during)\s+the\s+(?:last|past)\s+(?P<past>(?:[\w-]+\s+)?[\w-]+)|"
    r"(?P<scene>(?:at|on)\s+the\s+scene))",
    re.I,
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def time_frame(
    sentence: str,
    clause: str,
    previous: str,
    reference: int | None,
    window: bool = True,
    earlier: str = "",
) -> str | None:
    """When a figure is about, if not the article's own time: a year before the
    article's ("killed 1,400 in the 2008-2009 war": "in 2008"), taken from the
    sentence or, when it names no time itself, the one before; a span such as
    "this year" or "last month" ("750 rockets fired this year"); or a window
    its own clause names ("killed over the last 24 hours", "since July 8"; not
    for a duration: "talks since 2022 lasted two hours"). A time told from an
    earlier one ("A year later, he was convicted ... He was sentenced to seven
    years") is the year ``earlier`` (the article's text before the sentence)
    names last, where that is before the article's."""
    found = _WINDOW.search(clause) if window else None
    if found:
        if found.group("since"):
            return "since " + found.group("since").lower()
        if found.group("past"):
            return "in the past " + found.group("past").lower()
        return "at the scene"
    for n, text in enumerate((sentence, previous)):
        text = _SINCE.sub("", text)
        if _EARLIER.search(text):
            return "before"
        relative = _RELATIVE.search(text)
        if relative:
            words = relative.group().lower().split()[-2:]
            if words == ["last", "year"] and reference:
                return f"in {reference - 1}"
            return " ".join(words)
        if _YEAR.search(text):
            # A year in another clause is about something else ("the deal resolved
            # a case from 2000"); in the figure's own clause, or the sentence
            # before when this one names none, it dates the figure.
            return _past(_SINCE.sub("", clause) if n == 0 else text, reference)
        if _LATER.match(text) and earlier:
            return _counted_from(earlier, reference)
    if not previous and earlier:
        # the paragraph before, opening with such a time
        head, _, last = earlier.rstrip().rpartition("\n")
        if _LATER.match(last) and not _YEAR.search(last):
            return _counted_from(head, reference)
    return None


def _counted_from(earlier: str, reference: int | None) -> str | None:
    """The year a time told from an earlier one counts from: the last one
    ``earlier`` names, where that is before the article's."""
    years = [int(m.group(1)) for m in _YEAR.finditer(earlier)]
    return f"in {years[-1]}" if years and reference and years[-1] < reference else None


# A sentence told from a time named before it: "A year later, ...", "Two years
# later", "The following year", "Months later".
_LATER = re.compile(
    r"\s*(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+"
    r"(?:years?|months?|decades?)\s+later|(?:years|months|decades)\s+later|"
    r"the\s+(?:following|next)\s+(?:year|month)|later\s+that\s+(?:year|month))\b",
    re.I,
)


# The period a running figure is counted over: "this season", "since Week 11",
# "over four nights", "a career record of 58 wins", "by the end".
_PERIOD = re.compile(
    r"\b(?:(?:this|last|next|that|the\s+(?:past|last|previous|first))\s+"
    r"(?:[\w-]+\s+)?(?:seasons?|years?|weeks?|months?|nights?|days?|games?|decades?)\b|"
    r"(?:19|20)\d\d(?:-\d\d)?\s+season|since\s+[\w’'-]+(?:\s+\d+)?|so\s+far|to\s+date|"
    r"career|all-time|by\s+the\s+end|\b(?:19|20)\d\d\b|"
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\bmidnight\b|\bnoon\b|"
    r"(?:over|in|during|across)\s+(?:the\s+)?(?:(?:last|past|first)\s+)?(?:\d+|a\s+few|several|"
    r"two|three|four|five|six|seven|eight|nine|ten)\s+(?:seasons|nights|games|weeks|years|days))",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")


def sentence_around(text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """Where the sentence holding ``start``-``end`` begins and ends, within
    ``bounds`` (its passage)."""
    low, high = bounds
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, low, start)), default=low)
    after = _SENTENCE_END.search(text, end, high)
    return begin, after.start() + 1 if after else high


def period_of(text: str, start: int, end: int, bounds: tuple[int, int]) -> str:
    """The periods the sentence of a figure at ``start``-``end`` names, in
    lower case ("this season", "since week 11"), "" where it names none: two
    running figures ("258 receiving yards this season", "176 since Week 11";
    "46 people had been arrested by the end", "one person has been arrested")
    are another count each when their periods differ. A month named without a
    day in a sentence told in the past perfect is such a period, one before
    the report's event: "Early November, the British Royal Navy had captured
    eight pirates", in a report of the 23 the Indian navy caught."""
    begin, stop = sentence_around(text, start, end, bounds)
    begin, stop = _clause_around(text, start, end, begin, stop)
    sentence = text[begin:stop]
    found = {" ".join(m.group().lower().split()) for m in _PERIOD.finditer(sentence)}
    if _HAD_DONE.search(sentence):
        found |= {f"before, in {m.group(1).lower()}" for m in _MONTH_ALONE.finditer(sentence)}
    return " / ".join(sorted(found))


# Where a sentence turns to another clause that a period named there belongs
# to, not the figure: "in 19 states ..., but DeVine says so far they have had
# nothing credible".
_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although|though)\b|;\s")


def _clause_around(text: str, start: int, end: int, begin: int, stop: int) -> tuple[int, int]:
    """The part of the sentence ``begin``-``stop`` between the clause breaks
    around the figure at ``start``-``end``."""
    for match in _CLAUSE_BREAK.finditer(text, begin, stop):
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= end:
            return begin, match.start()
    return begin, stop


# A past perfect ("had captured", "had been arrested"): what happened before
# the time the report tells of.
_HAD_DONE = re.compile(
    r"\b(?:had|'d)\s+(?:(?:already|earlier|previously|also|just|not|never)\s+)*"
    r"(?:been|\w+ed|\w+en|caught|lost|held|made|sent|fled|left|shot|hit|found|told|paid|"
    r"put|done|gone|begun|run|sold|struck|won|seen|brought|bought|fought|met|kept|led|set)\b"
)
# A month named with no day after it ("Early November", "in late October"); not
# "May", which as often opens a sentence or names someone.
_MONTH_ALONE = re.compile(
    rf"\b({'|'.join(m for m in calendar.month_name[1:] if m != 'May')})\b(?![\s.]*\d)"
)


# A figure that is only possible: "could receive a maximum one-year suspension",
# "would cost 300 jobs", "might take six months"; or only wanted: "prosecutors
# sought a 10-year sentence", "Teixeira is seeking a 10-year contract" (not
# "police are seeking two men", whom they seek).
_MODAL = re.compile(
    r"\b(?:could|would|might|may|maximum|minimum"
    r"|(?:seek(?:s|ing)?|sought|ask(?:s|ing|ed)\s+for)\s+an?\b)[^.;:!?]*$"
)


def hypothetical(text: str, start: int, bounds: tuple[int, int]) -> bool:
    """Whether the figure at ``start`` is what could or would be, or what
    someone seeks, not what is reported: a rule's maximum against a ban
    imposed, or the sentence prosecutors sought against the one given, is no
    contradiction."""
    low = max(bounds[0], start - 80)
    before = text[low:start]
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    return bool(_MODAL.search(before[sentence_start:]))


# A term the rest of its sentence says was cut or changed: "sentenced to one to
# three years, with all but six months suspended", "a 10-year term, later
# commuted"; not "Three players were suspended", whose count comes first.
_ALTERED = re.compile(r"\b(?:suspended|commuted|reduced|halved|quashed|overturned)\b")


def altered(text: str, end: int, bounds: tuple[int, int]) -> bool:
    """Whether the rest of the sentence after a term ending at ``end`` says it
    was cut or changed: the term imposed is not the one served ("served most of
    a six-month sentence"), so the two are no contradiction."""
    _, stop = sentence_around(text, end, end, bounds)
    return bool(_ALTERED.search(text, end, stop))


def unsettled(text: str, start: int, end: int, kind: str, bounds: tuple[int, int]) -> bool:
    """Whether the figure at ``start``-``end`` is not what stands: only what
    could be or is sought (:func:`hypothetical`), or a term since cut
    (:func:`altered`)."""
    return hypothetical(text, start, bounds) or (kind == "duration" and altered(text, end, bounds))


def _past(text: str, reference: int | None) -> str | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    past = [y for y in years if reference and y < reference]
    return f"in {past[0]}" if past and len(past) == len(years) else None


def day_of(sentence: str) -> str | None:
    """The weekday a sentence names, to keep "killed on Thursday" from "killed
    on Wednesday" (a toll a day later is another figure)."""
    days = {m.group(1).lower() for m in _WEEKDAY.finditer(sentence)}
    return days.pop() if len(days) == 1 else None


def framed(key: str, frame: str | None, day: str | None = None) -> str:
    """The key of a figure about another time than the article's, and the day
    the sentence names (compared only with another named day)."""
    key = f"{key} {frame}" if frame else key
    return f"{key} on {day}" if day else key


def subject_of(fact: Fact) -> str:
    """What a fact is about, in words: a cited fact's, the subject the
    corpus-wide pass stored (else its key's words); an analysed fact's, its key
    described with its own words, as the pass describes it ("Palestinians
    killed")."""
    if isinstance(fact, CitedFact):
        return fact.subject or describe(fact.key)
    return describe(fact.key, [fact.text])


# Days and months, written with their capital in a subject shown to a reader (keys
# are in lower case): not "may" and "march", words of the language too.
_CALENDAR_NAMES = [
    name.lower()
    for name in (*calendar.day_name, *calendar.month_name[1:])
    if name not in ("May", "March")
]
_CALENDAR = re.compile(rf"\b(?:{'|'.join(_CALENDAR_NAMES)})\b")


def describe(key: str | None, texts: Iterable[str] = ()) -> str:
    """A key in words for a reader: "duration:talks" is "duration of the talks",
    "date:talks" "date of the talks", a speaker after "|" is said as "(X)".
    ``texts``, the facts' own words, give the key's words their case
    ("Palestinians killed", "cases of AFM")."""
    if not key:
        return ""
    subject, _, speaker = key.partition("|")
    kind, colon, rest = subject.partition(":")
    if colon and kind == "duration":
        words = "time since it last happened" if rest == "since" else f"duration of the {rest}"
    elif colon and kind == "date":
        words = f"date of the {rest}"
    elif colon and kind == "quote" or subject == "quote":
        words = "quote"
    else:
        words = _CALENDAR.sub(lambda match: match.group().capitalize(), subject)
        words = _cased(words, texts)
    if speaker and speaker != "narrator":
        # a canonical speaker is an entity id ("person:vladimir medinsky")
        name = re.sub(r"^(?:person|organisation|place|group|event|other):", "", speaker)
        words += f" (according to {in_sentence(name)})"
    return words


def _cased(words: str, texts: Iterable[str]) -> str:
    """``words`` (in lower case) with each word a text writes with a capital,
    but for its first word, written so: "palestinians" of "more than 1,400
    Palestinians", "afm" of "12 cases of AFM"."""
    forms = {
        word.lower(): word
        for text in texts
        for word in WORDS.findall(text)[1:]
        if not word.islower() and not word[0].isdigit()
    }
    if not forms:
        return words
    return WORDS.sub(lambda match: forms.get(match.group(), match.group()), words)


# The article a speaker's description opens with, capitalised where it opened a
# sentence ("A senior Ukrainian official said", "The Kremlin said").
_ARTICLE = re.compile(r"^(?:A|An|The)(?= )")


def in_sentence(speaker: str) -> str:
    """A speaker as words within a sentence: "quotes of a senior Ukrainian
    official", "(according to the Kremlin)", not with the capital of the
    sentence the description opened."""
    return _ARTICLE.sub(lambda match: match.group().lower(), speaker)


_PARTICIPLES = frozenset(_VERBS.values())
_LONGEST_FIRST = tuple(sorted(_PARTICIPLES, key=len, reverse=True))
_FRAME = re.compile(
    r" (?:in \d{4}|this year|this month|this week|last month|last week|before|at the scene|"
    r"since [\w’'-]+(?: \d+)?|in the past (?:[\w-]+ )?[\w-]+)$"
)
_DAY = re.compile(r" on (?:mon|tues|wednes|thurs|fri|satur|sun)day$")


class Subject(NamedTuple):
    """A key taken apart: what is counted with its time frame (the comparison
    group), the verb ("wounded") and the weekday named, when there are."""

    noun: str
    verb: str | None
    day: str | None


@lru_cache(maxsize=1 << 16)  # the corpus-wide pass splits the same keys millions of times
def split_key(key: str) -> Subject:
    """A quantity key as what is counted (with its time frame), the verb and the
    day: "people injured" -> ("people", "wounded", None); reports that name no
    verb ("1,000 POWs each") can be counterparts of those that do."""
    day = _DAY.search(key)
    if day:
        key = key[: day.start()]
    frame = _FRAME.search(key)
    core = key[: frame.start()] if frame else key
    tail = frame.group() if frame else ""
    found = day.group()[4:] if day else None
    for verb in _LONGEST_FIRST:
        if core.endswith(" " + verb):
            return Subject(core[: -len(verb) - 1] + tail, verb, found)
    return Subject(key, None, found)


def search_keys(key: str | None) -> set[str]:
    """The forms a ``fact:`` search finds a fact by: its key, and what is counted
    without the verb, time or day ("prisoners of war" for "prisoners of war
    exchanged on wednesday")."""
    if not key:
        return set()
    noun = split_key(key).noun
    frame = _FRAME.search(noun)
    return {key, noun, noun[: frame.start()] if frame else noun}
