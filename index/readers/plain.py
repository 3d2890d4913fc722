"""Plain-text articles: infer what a clean file would have said outright.

Pasted reports carry their metadata in the text: a photo caption with a credit
("... EFE/EPA/ERDEM SAHIN") above a short headline, a dateline naming the agency
("Istanbul, Turkey (EFE).-"), a sign-off ("... working groups. EFE"), a
"Source; Al Jazeera" line and CMS tags ("int-seo", "world") at the end. Each is
recognised by its shape, never by a list of outlets, and kept out of the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import dates
from ..passages import paragraph_spans
from .plain_lines import (
    _CAPTION_START,
    _CREDIT,
    _TAG_LINE,
    _headline_sized,
    is_buttons,
    is_caption,
    is_credit_group,
    is_furniture,
    is_stamp,
    is_title,
    stamp_after,
)

# The credit's first word ends a longer name: a photographer's ("Photo by James
# Nielsen/AFP", "Brendan McDermid/Reuters") or a byline's ("By Laura Woods/GoBankingRates"),
# not an outlet. An agency's code follows the caption's last sentence ("3035. EFE/EPA/...").
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*[\w'’]\s+$")
# A file photo is older than the report it illustrates: its date is not the article's.
_FILE_PHOTO = re.compile(r"^FILE\b|\bfile (?:photo|picture|image)\b", re.I)
_SOURCE_LINE = re.compile(r"^(?:source|sources|via|credit)\s*[;:,-]\s*(.{2,60}?)\s*\.?$", re.I)
# A "Source:" line that gives a link or a date cites a study or a page
# ("SOURCE: bit.ly/23o5QvC Cancer, online January 25, 2016"): it names no outlet.
_CITATION = re.compile(r"\b(?:https?:|www\.)|\w\.[a-z]{2,}/|\b\d{4}\b", re.I)
# A desk's or a writer's contact closing a wire report, after a dash: "-- London
# Newsroom +44 171 542 7717", "-- Wall Street Desk, 212-859-1734.", "-- Sandor
# Peto, Budapest newsroom (36 1) 327 4040". Names in it are no part of the report.
_PHONE = r"\(?\+?\d[\d\s().x/-]{5,}\d\)?"
_CONTACT_LINE = re.compile(
    rf"^(?:-{{1,2}}|[–—])\s*[A-Z][^\d()+]{{0,80}}?"
    rf"(?:(?:newsroom|desk|bureau)[,\s]*|[,\s]*(?=\+|(?:\D*\d){{9}})){_PHONE}"
    rf"(?:,?\s*(?:fax|tel|phone)[:.]?\s*{_PHONE})?\.?$",
    re.I,
)
# Capitals that close a reader's comment, not an agency's sign-off: "... them
# was the days ! LOL".
_NO_AGENCY = r"(?!(?:LOL|LMAO|ROFL|OMG|WTF|BTW|FYI|IMO|IMHO|TBH|PS|OK|NOT)\b)"
_SIGN_OFF = re.compile(rf"(?<=[.!?\"”’)])\s+{_NO_AGENCY}([A-Z]{{2,6}})\s*$")
_LONE_SIGN_OFF = re.compile(rf"^(?:{_NO_AGENCY}[A-Z]{{2,6}}|\([A-Z][A-Za-z]{{1,15}}\))$")
# A dateline's place: "Istanbul", "BOMBAY, India".
_DATELINE_PLACE = r"([A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?)"
_DATELINE = re.compile(
    rf"^{_DATELINE_PLACE}\s*\(([A-Z][A-Za-z&. ]{{1,30}})\)\s*(?:\.?\s*[-–—]+|:)\s*"
)
# A dateline alone on the first line, its town in capitals, with its agency or a
# page's rule after it: "NEW YORK (CNNMoney)", "CAIRO |", "CHRISTCHURCH, New
# Zealand |" (Reuters' pages, the full dateline opening the next paragraph).
_LONE_DATELINE = re.compile(
    r"([A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?)\s*(?:\(([A-Z][A-Za-z&. ]{1,30})\)|\|)"
)
# A dateline on a line of its own, a place and the day in ISO form, as news
# archives keep them ("LONDON 1996-12-06", "BOMBAY, India 1996-12-06").
_DATE_LINE = re.compile(rf"{_DATELINE_PLACE}\s+(\d{{4}}-\d{{2}}-\d{{2}})")
# A byline on a line of its own, naming the writer and, after "of the", a comma or
# a slash, the outlet: "By Hayes Hickman of the Knoxville News Sentinel", "By Laura
# Woods/GoBankingRates". Every word is capitalised, as names are.
_NAME_WORD = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"By\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
    rf"(?:\s*(?:,|/|\s+of)\s*(?:the\s+)?({_NAME_WORD}(?:\s+(?:of\s+|&\s+)?{_NAME_WORD}){{0,5}}))?"
)
# A page's time stamp after a byline, past a bullet or a bar ("By Alex Acquisto ,
# BDN Staff • June 14, 2017 2:30 pm"), or before one, then "by" ("March 10, 2012
# 10:54 am ET by MMFA Staff").
_STAMP_AFTER = re.compile(r"\s*[•|·]\s*([^•|·]+)$")
_STAMP_BEFORE = re.compile(rf"(.+?)\s+by\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
# A photo's credit closing the headline it was pasted with ("Does the PCT have an
# overcrowding problem? Photo: Pete Brook").
_TITLE_CREDIT = re.compile(
    rf"\s+(?i:photo|image|picture)(?:\s+(?i:credit))?:\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}$"
)
# An outlet's own staff signing a report: the outlet, not a writer ("BDN Staff").
_STAFF = re.compile(r"\s+staff(?:\s+writers?)?$", re.I)
# A writer's name alone on the line above such a dateline ("Robert Kitson",
# "Simona de Logu", "K.T. Arasu"), as agencies' archives keep it.
_WRITER_LINE = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:(?:de|da|di|del|der|van|von|la|le|bin|al)\s+)?{_NAME_WORD}){{1,3}}"
)
# The line under a byline naming the outlet and where the writer files from:
# "By Dan Collyns" / "BBC News, Lima".
_DESK_LINE = re.compile(
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}),\s*({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
# An agency's name opening the first paragraph, without a place: "(CNN) Wearing a
# nearly 5-inch coat...", "(Reuters Health) - One in seven...". Its paragraph is a
# sentence of the report, not an embedded post ("(Thread) — Alyssa Milano ...").
_LEAD_AGENCY = re.compile(
    r"\(([A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2})\)\s*(?:[-–—]+\s*)?(?=[A-Z0-9“\"‘'])"
)
MIN_LEAD_WORDS = 12
MAX_STAMPED_HEADLINE_WORDS = 12  # a sentence-like headline by a page's time stamp
MAX_TRAILER_LINES = 8


@dataclass
class Inferred:
    """What inference found: metadata, body spans and notes on each decision."""

    meta: dict[str, str] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def infer(text: str) -> Inferred:
    """Split ``text`` into metadata and body passages."""
    result = Inferred()
    spans = paragraph_spans(text)
    sources: Counter[str] = Counter()
    spans = _take_trailer(text, spans, result, sources)
    spans = _take_byline(text, spans, result, sources)
    spans = _take_header(text, spans, result, sources)
    spans = _take_captions(text, spans, result, sources)
    spans = _take_dateline_and_sign_off(text, spans, result, sources)
    if sources:
        result.meta["source"] = sources.most_common(1)[0][0]
    result.spans = spans
    return result


def _take_trailer(text: str, spans: list, result: Inferred, sources: Counter[str]) -> list:
    """Tags, "Source; X" lines and a desk's contact at the end of the file.

    A trailer is a few lines: when more than :data:`MAX_TRAILER_LINES` (or all
    of them) look like tags, as in a file of one word per line, they are the
    text and all kept. Walking back by index keeps this linear in the lines.
    """
    tags: list[str] = []
    end = len(spans)
    while end > 1 and len(spans) - end < MAX_TRAILER_LINES:
        last = text[slice(*spans[end - 1])]
        source = _SOURCE_LINE.match(last)
        if source and not _CITATION.search(source.group(1)):
            sources[source.group(1).strip()] += 3
            result.notes.append(f"outlet '{source.group(1).strip()}' from the line '{last}'")
        elif _LONE_SIGN_OFF.match(last):
            sources[last.strip("()")] += 2
            result.notes.append(f"outlet '{last.strip('()')}' from the closing sign-off")
        elif _CONTACT_LINE.match(last):
            result.notes.append(f"contact line kept out of the text: '{last}'")
        elif _TAG_LINE.match(last) and len(last) <= 40:
            tags.append(last)
        else:
            break
        end -= 1
    if tags and (end == 1 or len(spans) - end >= MAX_TRAILER_LINES):
        return spans  # tag-like lines all the way up: that is the text, not a trailer
    tags.reverse()
    if tags:
        result.meta["tags"] = ", ".join(tags)
        result.notes.append(f"trailing tags kept out of the text: {', '.join(tags)}")
    return spans[:end]


def _take_byline(text: str, spans: list, result: Inferred, sources: Counter[str]) -> list:
    """A byline as the first line is the writer and outlet, not a headline."""
    if len(spans) < 2:
        return spans
    line = text[slice(*spans[0])].strip()
    signed, stamp = _unstamped(line)
    byline = _BYLINE.fullmatch(signed)
    if not byline:
        return spans
    writer: str | None = byline.group(1)
    outlet: str | None = byline.group(2)
    if writer and _STAFF.search(writer):  # "BDN Staff": the outlet signs it
        outlet = _STAFF.sub("", writer)
        writer = None
    if outlet and _STAFF.search(outlet):
        outlet = _STAFF.sub("", outlet)
    if not outlet and (" " not in byline.group(1) or byline.group(1).startswith("The ")):
        # "By Reuters", "By The Associated Press": an outlet, no writer
        writer, outlet = None, byline.group(1).removeprefix("The ")
    result.notes.append(f"byline '{line}' kept out of the text")
    if stamp is not None:
        _dated(dates.find_date(stamp), f"the time stamp '{stamp}' of the byline", result)
    if writer:
        result.meta["author"] = writer
    spans = spans[1:]
    desk = _DESK_LINE.fullmatch(text[slice(*spans[0])].strip()) if len(spans) > 1 else None
    if not outlet and desk:
        outlet = desk.group(1)
        result.meta.setdefault("place", desk.group(2))
        result.notes.append(f"'{desk.group(0)}' under the byline kept out of the text")
        spans = spans[1:]
    if outlet:
        sources[outlet] += 2
        result.notes.append(f"outlet '{outlet}' from the byline")
    return spans


def _unstamped(line: str) -> tuple[str, str | None]:
    """A byline's line without the page's time stamp beside it, as a byline
    reads, and the stamp (None for none): "By Alex Acquisto , BDN Staff • June
    14, 2017 2:30 pm" is the byline "By Alex Acquisto , BDN Staff"; "March 10,
    2012 10:54 am ET by MMFA Staff" is "By MMFA Staff"."""
    after = _STAMP_AFTER.search(line)
    if after and is_stamp(after.group(1)):
        return line[: after.start()], after.group(1).strip()
    before = _STAMP_BEFORE.fullmatch(line)
    if before and is_stamp(before.group(1)):
        return f"By {before.group(2)}", before.group(1).strip()
    return line, None


def _take_header(text: str, spans: list, result: Inferred, sources: Counter[str]) -> list:
    """Leading captions, then a headline if the next paragraph looks like one."""
    captions = []
    while len(spans) > 1:
        paragraph = text[slice(*spans[0])]
        if is_buttons(paragraph):
            _use_buttons(paragraph, result)
        elif is_caption(paragraph):
            captions.append(spans[0])
        else:
            break
        spans.pop(0)
    for start, end in captions:
        _use_caption(text[start:end], result, sources)
    lone = _LONE_DATELINE.fullmatch(text[slice(*spans[0])].strip()) if len(spans) > 1 else None
    if lone:
        spans.pop(0)
        result.meta.setdefault("place", lone.group(1).strip())
        result.notes.append(f"dateline '{lone.group(0)}' kept out of the text")
        if lone.group(2):
            sources[lone.group(2).strip()] += 2
            result.notes.append(f"outlet '{lone.group(2).strip()}' from the dateline")
    stamped = _take_stamps(text, spans, result)  # no headline: it may be under them
    if len(spans) > 1 and (
        is_title(text[slice(*spans[0])]) or _stamped_headline(text, spans, stamped)
    ):
        title = text[slice(*spans.pop(0))]
        credit = _TITLE_CREDIT.search(title)
        if credit and credit.start():
            result.notes.append(f"photo credit '{credit.group().strip()}' kept out of the title")
            title = title[: credit.start()]
        stamp = stamp_after(title)
        day = dates.find_date(title[stamp:]) if stamp is not None else None
        if day is not None:  # a stamp with a day, not a headline's "at 10:30"
            if not _dated(day, f"the time stamp '{title[stamp:]}'", result):
                result.notes.append(f"time stamp '{title[stamp:]}' kept out of the title")
            title = title[:stamp].rstrip(" |,-–—•")
        result.meta["title"] = title
        _take_stamps(text, spans, result)
        if len(spans) > 1 and _same_words(text[slice(*spans[0])], result.meta["title"]):
            spans.pop(0)  # a page's headline scraped with the file's own above it
            result.notes.append("the headline repeated under itself kept out of the text")
    return spans


_NOT_A_WORD = re.compile(r"\W+")


def _same_words(a: str, b: str) -> bool:
    return _NOT_A_WORD.sub(" ", a).strip().casefold() == _NOT_A_WORD.sub(" ", b).strip().casefold()


def _stamped_headline(text: str, spans: list, stamped: bool) -> bool:
    """A short line ending like a sentence ("FIRED IN PHILLY!!", "Colts clinch
    playoff berth with 20-13 win in K. C.") is a page's headline where a time
    stamp stands right above or under it."""
    line = text[slice(*spans[0])]
    below = len(spans) > 2 and is_stamp(text[slice(*spans[1])])
    return (
        (stamped or below)
        and _headline_sized(line)
        and len(line.split()) <= MAX_STAMPED_HEADLINE_WORDS
        and not line.rstrip().endswith(":")  # "The Latest on Campaign 2016 (all times EDT):"
        and not line.startswith(("(", "["))  # "(News 12 at 11)"
        and not _DATELINE.match(line)
        and not is_caption(line)
        and not is_buttons(line)
    )


def _take_stamps(text: str, spans: list, result: Inferred) -> bool:
    """Take the page's time stamps that open ``spans`` out of the text (never its
    last paragraph); the first to give a day in full dates the article when the
    file named none. Whether there was one."""
    taken = False
    while len(spans) > 1 and is_stamp(line := text[slice(*spans[0])].strip()):
        spans.pop(0)
        taken = True
        if not _dated(dates.find_date(line), f"the time stamp '{line}'", result):
            result.notes.append(f"time stamp '{line}' kept out of the text")
    return taken


def _dated(found: str | None, where: str, result: Inferred) -> bool:
    """Date the article by ``found`` (a date read from ``where``) unless it has one."""
    if not found or "date" in result.meta:
        return False
    result.meta["date"] = found
    result.notes.append(f"date '{found}' from {where}")
    return True


def _use_caption(caption: str, result: Inferred, sources: Counter[str]) -> None:
    credit = _CREDIT.search(caption)
    if credit and not _NAME_BEFORE.search(caption, 0, credit.start(1)):
        sources[credit.group(1)] += 1
        result.notes.append(f"outlet '{credit.group(1)}' from the photo credit")
    _dated(
        None if _FILE_PHOTO.search(caption) else dates.find_date(caption),
        "the photo caption",
        result,
    )
    result.meta.setdefault("captions", "")
    result.meta["captions"] = (result.meta["captions"] + "\n" + caption).strip()
    result.notes.append("photo caption kept out of the text")


def _use_buttons(line: str, result: Inferred) -> None:
    result.notes.append(f"share or follow buttons kept out of the text: '{line}'")


def _take_captions(text: str, spans: list, result: Inferred, sources: Counter[str]) -> list:
    """Captions inside the body ("Image copyright Getty Images ...", "... (Photo:
    Ethan Miller, AP)"), rows of share or follow buttons, and other furniture."""
    kept = []
    for span in spans:
        paragraph = text[slice(*span)]
        if len(spans) > 1 and (_CAPTION_START.match(paragraph) or is_credit_group(paragraph)):
            _use_caption(paragraph, result, sources)
        elif len(spans) > 1 and is_buttons(paragraph):
            _use_buttons(paragraph, result)
        elif len(spans) > 1 and is_furniture(paragraph):
            result.notes.append(f"page furniture kept out of the text: '{paragraph.strip()}'")
        else:
            kept.append(span)
    return kept or spans


def _take_archive_head(text: str, spans: list, result: Inferred) -> list:
    """An agency archive's head above a dateline of a place and an ISO day: the
    headline, even one ending with a full stop ("Britain sets conditions to
    clear American alliance."), and the writer's name alone on its line ("Edna
    Fernandes"). Anything else above the dateline leaves the head as it is."""
    lines = [text[slice(*span)].strip() for span in spans[:3]]
    at = next((k for k, line in enumerate(lines) if _DATE_LINE.fullmatch(line)), None)
    if not at or len(spans) < at + 2:
        return spans
    above = lines[:at]
    writer = None
    if _WRITER_LINE.fullmatch(above[-1]) and (at == 2 or "title" in result.meta):
        writer = above.pop()
    if above and "title" not in result.meta and _headline_sized(above[0]):
        result.meta["title"] = above.pop()
    if above:
        return spans
    if writer:
        result.meta.setdefault("author", writer)
        result.notes.append(f"writer '{writer}' above the dateline kept out of the text")
    return spans[at:]


def _take_dateline_and_sign_off(
    text: str, spans: list, result: Inferred, sources: Counter[str]
) -> list:
    if not spans:
        return spans
    spans = _take_archive_head(text, spans, result)
    first = text[slice(*spans[0])]
    dated = _DATE_LINE.fullmatch(first.strip())
    if dated and len(spans) > 1:
        result.meta.setdefault("date", dated.group(2))
        result.meta.setdefault("place", dated.group(1).strip())
        result.notes.append(f"dateline '{first.strip()}' kept out of the text")
        spans = spans[1:]
        first = text[slice(*spans[0])]
    dateline = _DATELINE.match(first)
    agency = _LEAD_AGENCY.match(first)
    if dateline:
        sources[dateline.group(2).strip()] += 2
        result.meta.setdefault("place", dateline.group(1).strip())
        result.notes.append(f"outlet '{dateline.group(2).strip()}' from the dateline")
    elif agency and len(first.split()) >= MIN_LEAD_WORDS:
        sources[agency.group(1)] += 2
        result.notes.append(f"outlet '{agency.group(1)}' from the agency opening the text")
    start, end = spans[-1]
    sign_off = _SIGN_OFF.search(text, start, end)
    if sign_off:
        sources[sign_off.group(1)] += 2
        result.notes.append(f"outlet '{sign_off.group(1)}' from the sign-off")
        spans = spans[:-1] + [(start, sign_off.start())]
    return spans
