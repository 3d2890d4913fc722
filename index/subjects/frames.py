"""When a figure is about and whether it stands, read in its sentence: the year an
article is written in, the time a figure is about when not the article's own,
the period a running figure is counted over, the weekday named, and whether it
is only what could be or a term since cut."""

from __future__ import annotations

import calendar
import re

_YEAR = re.compile(r"(?<![\w,.$-])(1[89]\d\d|20\d\d)(?:\s*[-–]\s*\d{1,4})?(?![\w-]|,\d)")


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
