"""Who said a quote or a number, and the article context every fact rule reads.

Speaker finding is the largest self-contained part of fact extraction (people,
sentences, quote attribution), so it lives here rather than in
:mod:`index.facts`, which stays a short overview of what a fact is. The speaker
is found from the words around a quote or number: "X said", "said X", "he said"
(the last person named before, in this passage or the one before it), "a
Russian official told ..." (kept as that descriptor), or an organisation or
office: "the Kremlin had signaled", "Russia's defence ministry said", an
organisation or a place the NLP names ("Moscow said"). Person mentions from the
NLP, when given, make it more reliable; capitalised runs find the names it missed.

:class:`Doc`, :func:`make_fact` and the two word helpers are here too, at the
bottom of the import chain (:mod:`index.facts` -> :mod:`index.figures` -> this
module), because attribution and the number finders both need them and a
module above would make the imports circular.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .mentions import SPEECH_VERBS, needs_truecase, page_furniture
from .model import Article, Fact, Mention, Passage
from .names import ROLES, without_suffix
from .numbers import MONTH_ABBREVIATIONS
from .quoting import QUOTE_RE, is_a_name
from .spans import SpanSet

Span = tuple[int, int]
# Longer than any sentence written to be read (the longest in the seeds is
# about 400 characters); longer runs are cut into pieces of this length.
MAX_SENTENCE = 2_000


def wordset(words: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable."""
    return frozenset(words.split())


def nationality(word: str) -> bool:
    """A nationality adjective ("Russian", "Turkish"), dropped from names and counted words."""
    return word[:1].isupper() and word.lower().endswith(("ian", "ish", "ese", "ean"))


# "described as white, in her 20s" describes someone; it reports no one's words.
# A participle after a determiner is an adjective ("their alleged efforts", "an
# estimated 200"), not a speech verb.
_ADJECTIVE = "".join(
    f"(?<!\\b{word} )" for word in ("a", "an", "the", "their", "his", "her", "its", "our")
)
_SPEECH_RE = re.compile(
    rf"{_ADJECTIVE}\b{SPEECH_VERBS}\b(?<!described)|{_ADJECTIVE}\bdescribed\b(?!\s+as\b)"
)
_AUX_TAIL = re.compile(
    r"(?:[\s,]+(?:also|then|later|has|had|have|was|previously|\w+ly)\b)*[\s,]*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Titles written with a period, which ends no sentence: "Mr. Gowdy said".
_TITLE_PERIOD = "Mr|Mrs|Ms|Dr|Lt|Gen|Col|Sen|Rep|St|Gov|Prof|Sgt|Capt|Maj|Adm"
_ABBREVIATION = re.compile(
    rf"(?:\b[A-Z]\.)+$|\b(?:{_TITLE_PERIOD}|No|vs|{'|'.join(MONTH_ABBREVIATIONS)})\.$"
)
# A word's period that ends no sentence, in a speaker's name: "Mr. Gowdy added",
# "W. Mark Felt said".
_ABBREVIATED = rf"\b(?:{_TITLE_PERIOD}|Jr|Sr|[A-Z])\."
# Up to three words of titles between a speech verb and the name it ends at:
# "said Kremlin spokesperson Dmitry Peskov".
_TITLE_RUN = r"\s+(?:[\w.’'-]+\s+){0,3}$"
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_TITLES = wordset(
    "a an the president presidential minister prime foreign defense defence secretary senator "
    "spokesperson spokesman spokeswoman aide gen general lt chancellor king queen pope prince "
    "princess mr mrs ms dr sir dame ambassador governor mayor kremlin head chief commander "
    "colonel col admiral deputy vice adviser advisor envoy negotiator sen rep representative "
    "judge justice director chairman chairwoman chair leader officer official lead senior "
    "former retired late state agent special"
)
_SENTENCE_WORDS = wordset(
    "in on at for but and or however despite meanwhile still while after before since if some "
    "every no both this that these those when as with by from of to though although yet so "
    "then also even only just during under over "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_INSTITUTIONS = wordset(
    "council ministry palace house union nations states administration agency army forces force "
    "party committee office department bank court parliament government university republic "
    "federation kingdom region square street war summit talks press news times post group "
    "organisation organization fund company corporation airport city county province sea river "
    "island islands gulf ocean security alliance coalition commission assembly senate congress "
    "church hotel hospital school centre center institute foundation network service"
)
# The words that say what a person is, before the name (one list for every rule
# that reads a title): the titles above and the roles a name drops ("Mr", "Sen").
_TITLE_WORDS = "|".join(
    sorted(
        (_TITLES - {"a", "an", "the"}) | {r for r in ROLES if " " not in r}, key=len, reverse=True
    )
)
# A title just before a name: "spokesman Paul Gathitu".
_TITLED = re.compile(rf"\b(?:{_TITLE_WORDS})\.?\s+$")
# A role written as a title, which says the one word after it names a person:
# "President Trump", "Mr. Pence", "Ms. Coulter".
_TITLE_OF_ONE_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {r.capitalize() for r in ROLES | {"mrs", "ms"} if " " not in r}, key=len, reverse=True
        )
    )
    + r")\.?\s+$"
)
_PREPOSITIONS = wordset("to of for with by from and between against about on at in including")


@dataclass
class Doc:
    """One article with what every passage's rules look up: its people, its
    quotes (so numbers inside a quote get the quote's speaker) and sentences."""

    article: Article
    text: str
    date: dt.date | None
    passages: list[Passage]
    people: People
    quote_spans: list[Span] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    quotes: list[list[Fact]] = field(default_factory=list)
    sentences: dict[int, list[Span]] = field(default_factory=dict)
    sentence_starts: dict[int, list[int]] = field(default_factory=dict)
    quote_fact_starts: list[list[int]] = field(default_factory=list)
    pronouns: dict[int, bool] = field(default_factory=dict)
    year: int | None = None  # the year the article is written in (index.subjects.reference_year)


def make_fact(doc: Doc, index: int, kind: str, span: Span, **values: object) -> Fact:
    """A fact of passage ``index`` citing ``doc.text[span]``; its id is set later."""
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


def quote_facts(doc: Doc, index: int) -> list[Fact]:
    """Quoted words of a passage with who said them."""
    passage = doc.passages[index]
    found: list[Fact] = []
    previous: Fact | None = None
    for match in QUOTE_RE.finditer(doc.text, passage.start, passage.end):
        start, end = match.span()
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
        Trump", "and Bill Clinton") rather than only at a sentence's start or in
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
                found.append((span, words[0] in inside and not needs_truecase(line)))
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


def sentence_at(doc: Doc, index: int, position: int) -> Span:
    """The sentence of passage ``index`` holding ``position``."""
    if index not in doc.sentences:
        passage = doc.passages[index]
        spans, begin = [], passage.start
        for match in _SENTENCE_END.finditer(doc.text, passage.start, passage.end):
            if _ABBREVIATION.search(doc.text[max(begin, match.start() - 12) : match.start() + 1]):
                continue
            spans += _cut(doc.text, begin, match.end())
            begin = match.end()
        doc.sentences[index] = spans + _cut(doc.text, begin, passage.end)
        doc.sentence_starts[index] = [start for start, _ in doc.sentences[index]]
    spans = doc.sentences[index]
    at = bisect_right(doc.sentence_starts[index], position) - 1
    return spans[at] if at >= 0 and position < spans[at][1] else spans[-1]


def _cut(text: str, start: int, end: int) -> list[Span]:
    """A sentence, or pieces of at most :data:`MAX_SENTENCE` characters cut at
    spaces: every rule reads its whole sentence, so a page of text without a
    full stop would be read once per figure in it."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, end)]


def _in_quote(doc: Doc, position: int) -> bool:
    i = bisect_left(doc.quote_starts, position + 1) - 1
    return i >= 0 and position < doc.quote_spans[i][1]


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


def _prepositional(doc: Doc, start: int, position: int) -> bool:
    """Whether the name at ``position`` follows a preposition ("aide to President X")."""
    words = re.findall(r"[\w’'.-]+", doc.text[start:position])
    while words and (words[-1].lower().rstrip(".") in _TITLES or nationality(words[-1])):
        words.pop()
    return bool(words) and words[-1].lower() in _PREPOSITIONS


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


def _resolve_pronoun(doc: Doc, index: int, position: int) -> str | None:
    """Who "he" or "she" at ``position`` is: the last person named before it in
    its own sentence, else the subject of the last sentence before it, outside
    quotes, that names a person of that sex or of none known (see
    :func:`_sentence_subject`): in this passage, the one before, and further
    back while passages keep saying "he"/"she"."""
    said = _HE_OR_SHE.search(doc.text, max(0, position - 4), position + 4)
    sex = said.group().lower() if said else None
    own = sentence_at(doc, index, position)[0]
    last = _last_person(doc, own, position, sex)
    if last and not _says_he_or_she_in(doc, own, last[0]):
        return doc.people.fullest(last)  # "... meeting with Trump, when he said"
    # else the sentences before: "He said ... with Ashton that he ..." is not Ashton
    for depth in range(3):
        if index - depth < 0:
            break
        passage = doc.passages[index - depth]
        limit = own if depth == 0 else passage.end
        while (last := _last_person(doc, passage.start, limit, sex)) is not None:
            subject, limit = _sentence_subject(doc, index - depth, last, sex)
            if subject is not None:
                return doc.people.fullest(subject)
            # that sentence's subject is "he" or "she" too: the one before it
        if depth > 0 and not _says_he_or_she(doc, index - depth):
            break
    return None


def _last_person(doc: Doc, start: int, end: int, sex: str | None) -> Span | None:
    """The last person named in ``[start, end)`` outside quotes who may be "he"
    (``sex``) or "she": the article never calls them the other."""
    return next(
        (
            span
            for span in doc.people.before(start, end)
            if not _in_quote(doc, span[0]) and doc.people.sex(span) in (None, sex)
        ),
        None,
    )


def _sentence_subject(doc: Doc, index: int, last: Span, sex: str | None) -> tuple[Span | None, int]:
    """The person a "he" or "she" after the sentence naming ``last`` most likely
    is, with where that sentence begins: one the sentence says speaks ("..., Rucker
    said in a statement"); else the first person of its last clause, after an
    opening "As ..., " or "when ..., ", not after a preposition nor owning
    something ("Nancy Pelosi ... tried to play down any split between Democrats
    and Mr. Obama. “...,” she said"), and the one a title leads after a body's
    name ("Rite Aid spokeswoman Susan Henderson"); None where the clause says
    "he" or "she" before it ("He said Obama was ..."); else ``last``."""
    start, _ = sentence_at(doc, index, last[0])
    people = [
        span
        for span in doc.people.between(start, last[1])
        if not _in_quote(doc, span[0]) and doc.people.sex(span) in (None, sex)
    ]
    speaking = [p for p in people if doc.people.speaks_at(p)]
    if speaking:
        return speaking[-1], start
    begin = start
    for clause in _CLAUSE.finditer(doc.text, start, last[0]):
        begin = clause.end()
    opening = _OPENING.match(doc.text, begin, last[0])
    if opening:
        begin = opening.end()
    people = [
        span
        for span in people
        if span[0] >= begin
        and not _prepositional(doc, begin, span[0])
        and not doc.text.startswith(("’s", "'s"), span[1])
        and not _MODIFIER.search(doc.text, max(0, span[0] - 5), span[0])
    ]
    if not people:
        return last, start
    first = people[0]
    if _says_he_or_she_in(doc, begin, first[0]):
        return None, start
    for span in people[1:]:
        gap = doc.text[first[1] : span[0]]
        if gap.strip() and _TITLED.search(gap) and not re.search(r"[,;:.]", gap):
            return span, start
    return first, start


# A name after an article is a modifier, not a subject: "into the Ridulph case".
_MODIFIER = re.compile(r"\b(?:[Tt]he|an?)\s+$")
# Where a sentence's last clause begins: "..., but when she didn't show up for
# work, Mario Olgin knew"; and an opening subordinate clause, up to its comma.
_CLAUSE = re.compile(r";\s*|,\s+(?:but|and|yet|so|while)\s+")
_OPENING = re.compile(
    r"(?i:as|when|while|after|before|although|though|if|since|because|once|until)\b"
    r"[^,.;:!?]{1,150},[”\"’]?\s*"
)


def _says_he_or_she_in(doc: Doc, start: int, end: int) -> bool:
    """Whether "he" or "she" stands between ``start`` and ``end``, outside quotes."""
    return any(not _in_quote(doc, m.start()) for m in _HE_OR_SHE.finditer(doc.text, start, end))


def _says_he_or_she(doc: Doc, index: int) -> bool:
    """Whether passage ``index`` says "he" or "she" (kept: asked once per pronoun after it)."""
    if index not in doc.pronouns:
        passage = doc.passages[index]
        doc.pronouns[index] = bool(_HE_OR_SHE.search(doc.text, passage.start, passage.end))
    return doc.pronouns[index]


_HE_OR_SHE = re.compile(r"\b(?:he|she)\b", re.I)


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
