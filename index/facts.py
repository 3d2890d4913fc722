"""Find comparable facts in an article: quantities, durations, dates and quotes.

A fact is a claim another source can confirm or contradict: "1,000 prisoners
of war each", "lasted just 40 minutes", "on Friday", a quoted sentence. Each
fact gets a ``key`` naming what it is about, so facts of different articles
with one key can be compared (:mod:`index.intervals`), and an interval, so
"under two hours" can be compared with "40 minutes".

Keys (what a fact is about; :mod:`index.subjects` and :mod:`index.events`):
  * quantity: what is counted, lowercased, head noun in the plural, nationality
    adjectives dropped, with what happened to it when the sentence says
    ("civilians killed", "people wounded", "prisoners of war exchanged"), the
    time it is about when not the article's own ("in 2008", "this year", "in
    the past 24 hours") and the weekday its sentence names ("on thursday");
    no key for a generic noun with no verb ("300 people"), a lone "one", a
    threshold ("needs 60 votes") or a rate ("per ounce"); see
    :func:`unify_keys` for acronyms ("pows");
  * duration: ``duration:<what lasted>``: the event ("talks" for talks,
    meetings, negotiations, discussions and sessions; "ceasefire", "summit"),
    the noun of "a 77-minute press conference" or "four days of hearings",
    "prison sentence", ``duration:since`` for "the first ... in three years";
    no key when the sentence names nothing that lasted;
  * date: ``date:<event>`` when the date is when the event happened, else
    ``date`` (never compared), also for the day of a statement or of another
    occasion ("since their Dec. 11 meeting");
  * quote: ``quote:<speaker lowercased>`` (``quote`` when nobody is named).

Units: durations below a day are in minutes, days and weeks in days, months
and years in years (see :data:`index.numbers.TIME_UNITS`); dates are
``unit="date"`` with proleptic ordinal day numbers as ``low``/``high``.

The rules are plain regular expressions and capitalisation heuristics, so the
extractor works without NLP; person mentions, when given, only make speaker
finding more reliable. No input may raise: a passage that trips a bug loses
its facts, never the article.

This module runs the finders passage by passage: :mod:`index.figures` finds
dates, durations and quantities, :mod:`index.speakers` quotes and who said them
(a person, or an organisation or office: "the Kremlin", "Russia's defence
ministry"), :mod:`index.quoting` which quotation marks hold speech.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from . import numbers as num
from .figures import dates, durations, quantities
from .model import Article, Fact, Mention
from .quoting import quote_spans
from .spans import SpanSet
from .speakers import Doc, People, quote_facts
from .subjects import reference_year, split_key

log = logging.getLogger(__name__)


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


def _prepare(article: Article, mentions: Sequence[Mention]) -> Doc:
    text = article.text or ""
    passages = [p for p in article.passages if 0 <= p.start <= p.end <= len(text)]
    doc = Doc(article, text, num.parse_iso_date(article.date), passages, People(text, mentions))
    doc.year = reference_year(doc.date.year if doc.date else None, text)
    quotes = {span for p in passages for span in quote_spans(text, p.start, p.end)}
    doc.quote_spans = sorted(quotes)
    doc.quote_starts = [start for start, _ in doc.quote_spans]
    for index in range(len(passages)):
        doc.quotes.append(quote_facts(doc, index))
    return doc


def _passage_facts(doc: Doc, index: int) -> list[Fact]:
    taken = SpanSet()
    facts = dates(doc, index, taken) + durations(doc, index, taken)
    facts += quantities(doc, index, taken) + doc.quotes[index]
    return sorted(facts, key=lambda f: (f.start, f.end))


def unify_keys(keys: Iterable[str]) -> dict[str, str]:
    """Map every key to itself, except an acronym key to the longer key whose
    word initials spell it ("pows" -> "prisoners of war"), when there is one.

    Initials are tried with and without small words ("of", "the"), and the
    acronym with and without a plural "s"; ties go to the shortest key.
    """
    keys = [k for k in keys if k]
    unique = sorted(set(keys) | {split_key(k)[0] for k in keys})
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in unique:
        words = key.split()
        if len(words) > 1:
            for form in _initials(words):
                by_initials[form].append(key)
    mapping = {}
    for key in unique:
        matches: set[str] = set()
        if _ACRONYM.fullmatch(key):
            forms = {key, key[:-1]} if key.endswith("s") else {key}
            matches = {k for form in forms for k in by_initials.get(form, ())}
        mapping[key] = min(matches, key=lambda k: (len(k), k)) if matches else key
    return mapping


_ACRONYM = re.compile(r"[a-z]{2,7}")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on"})


def _initials(words: list[str]) -> set[str]:
    """The initials of a multi-word key, with and without its small words."""
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS)}
