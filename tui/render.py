"""The one place where article data becomes Rich text.

Everything shown from an article (text, titles, sources, file names, dates,
snippets, facts) is untrusted: it goes through :func:`index.safety.clean`
and into :class:`rich.text.Text` objects, never into markup strings, so an
escape sequence or ``[bold]`` in an article is shown as inert characters.
``clean`` keeps the text's length, so every offset still points at the same
words and spans can be styled in place.

Styles pair an ANSI colour (works in 16 colours) with an attribute (bold,
underline, italic, reverse) so that highlighting still reads with NO_COLOR,
where Textual turns colours into greys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from rich.console import Console
from rich.text import Text

from index.diffing import Token
from index.model import (
    NO_BODY,
    UNKNOWN_OUTLET,
    Article,
    CitedFact,
    EntityCoverage,
    FactView,
    Hit,
    MatrixCell,
    Mention,
    Passage,
    QuoteGroup,
    RelatedPassage,
    outlet_label,
)
from index.safety import clean, clean_line
from index.search import term_spans
from index.subjects import subject_of

KIND_STYLES: dict[str, str] = {
    "person": "bold magenta",
    "organisation": "underline cyan",
    "place": "italic green",
    "group": "bold italic yellow",
    "date": "underline blue",
    "number": "bold cyan",
    "event": "bold underline red",
    "other": "italic",
}
TERM_STYLE = "bold reverse"
UNTRUSTED_STYLE = "italic yellow"
DIM = "dim"
BADGES: dict[str, tuple[str, str]] = {
    "agree": ("✓ agree", "bold green"),
    "compatible": ("≈ compatible", "yellow"),
    # A block, white on magenta: it stands out with NO_COLOR (light on grey, 10:1)
    # and in 16 colours, where the focused border and the cursor are red.
    "differ": ("✗ differ", "bold bright_white on magenta"),
    "only here": ("• only here", "dim"),
    # A value of another story: beside the fact, never a contradiction of it.
    "context": ("· context", "dim"),
    # About something near but not the same ("29 Palestinians" beside "19 Palestinians
    # killed"): shown for the reader to judge, never compared.
    "not comparable": ("– not comparable", "dim"),
}
NOTABLE_DIFF_STYLE = "bold reverse red"
OTHER_STORY = "(other story)"  # after a value from an article of another story
_NOTE_AS_ONE_WORD = OTHER_STORY.replace(" ", "\ue000")  # wrapped as one word
CHANGED_DIFF_STYLE = "underline"


# An entity's id ("person:oleh-syniehubov"), which the analysis may hand over where
# a name is wanted: shown as the name it stands for.
ENTITY_ID = re.compile(r"\b(?:person|organisation|place|group|event|other):([^\s,;:()]+)")


def readable(value: object) -> str:
    """``value`` on one line, with any entity id in it turned into a name."""
    line = clean_line(None if value is None else str(value))
    return ENTITY_ID.sub(lambda m: m.group(1).replace("-", " ").title(), line)


class Entry(NamedTuple):
    """One article as the sources list shows it (read once when the list loads;
    a tuple, as 100,000 of them are made at every start)."""

    id: str
    source: str | None
    date: str | None
    date_raw: str | None
    title: str | None
    lead: str = ""


def heading(entry: Entry | Article) -> str:
    """What stands for an article in the lists: its title, else the start of
    its first passage ("" for neither)."""
    return entry.title or entry.lead


def title_of(entry: Entry | Article) -> Text:
    """The title, or the start of the first passage dimmed when there is none."""
    if entry.title:
        return Text(clean_line(entry.title))
    return Text(clean_line(heading(entry)) or "(no title)", style=DIM)


def date_of(entry: Entry | Article) -> Text:
    """The date, or the raw date marked with '?' when it could not be trusted."""
    if entry.date:
        return Text(clean_line(entry.date))
    if entry.date_raw:
        return Text(f"?{clean_line(entry.date_raw)}", style=UNTRUSTED_STYLE)
    return Text("no date", style=DIM)


def outlet_text(source: str | None, style: str = "bold") -> Text:
    """The outlet, or the placeholder for none, marked as such (dim, italic)."""
    name = clean_line(source)
    return Text(name, style=style) if name else Text(UNKNOWN_OUTLET, style=f"{DIM} italic")


# An article's heading by its id (its title, else the start of its text), as the
# sources list shows it; None where the article is not listed.
Headings = Callable[[str], str | None]
CITED_HEADING = 32  # characters of a heading that stand for an unnamed outlet


def cited_text(
    source: str | None, article_id: str, headings: Headings | None, style: str = "bold"
) -> Text:
    """Who says it, for the cross-source pane: the outlet; where the article names
    none, the start of its heading in quotes (dim, italic), so that three reports
    of unknown outlets are still told apart; the placeholder where neither is known."""
    if clean_line(source) or headings is None:
        return outlet_text(source, style)
    heading = clean_line(headings(article_id))
    if not heading:
        return outlet_text(source, style)
    return Text(f"“{shorten(heading, CITED_HEADING)}”", style=f"{DIM} italic")


def source_entry(entry: Entry, read: bool) -> Text:
    """Two lines for the sources list: mark, outlet and date; then the title."""
    mark = Text("  ", style=DIM) if read else Text("● ", style="bold")
    line = Text.assemble(mark, outlet_text(entry.source, "bold" if not read else ""))
    if entry.date or entry.date_raw:
        line.append(" · ", style=DIM).append_text(date_of(entry))
    return line.append("\n").append_text(title_of(entry))


def group_heading(title: str, count: int) -> Text:
    return Text.assemble((clean_line(title), "bold underline"), (f"  {count}", DIM))


def article_header(article: Article) -> Text:
    """Title and metadata; an untrusted date is shown raw with the reason."""
    title = title_of(article)
    title.stylize("bold")
    text = Text.assemble(title, "\n")
    meta = [("source", outlet_text(article.source))]
    meta.append(("date", date_of(article)))
    if article.author:
        meta.append(("author", Text(clean_line(article.author))))
    meta.append(("file", Text(clean_line(article.path))))
    for label, value in meta:
        text.append(f"{label} ", style=DIM).append_text(value).append("  ")
    if article.date_note:
        text.append("\n⚠ date not used: ", style=UNTRUSTED_STYLE)
        text.append(clean_line(article.date_note), style=UNTRUSTED_STYLE)
    if article.body_missing:
        text.append("\n").append(NO_BODY, style=DIM)
    if article.url:
        text.append("\n").append(clean_line(article.url), style=DIM)
    return text


def passage_text(
    passage: Passage,
    mentions: Iterable[Mention] = (),
    terms: Iterable[str] = (),
) -> Text:
    """A passage with its entity mentions and search terms highlighted.

    ``mentions`` carry offsets into the article text; they are shifted to the
    passage here. ``terms`` are a search's hit terms in index form (``Hit.terms``):
    every word that indexes as one of them is highlighted, by the rule that
    marked the hit's snippet, so ``prisoner`` finds ``Prisoners`` here too.
    """
    text = Text(clean(passage.text))
    for mention in mentions:
        start, end = mention.start - passage.start, mention.end - passage.start
        if 0 <= start < end <= len(text):
            text.stylize(KIND_STYLES.get(mention.kind, "italic"), start, end)
    for start, end in term_spans(passage.text, set(terms)):
        text.stylize(TERM_STYLE, start, end)
    return text


def hit_text(hit: Hit, title: Text | None = None) -> Text:
    """A search result: outlet, title (or ``title`` given for an untitled article), passage,
    then the snippet with its matches."""
    head = Text.assemble(
        outlet_text(hit.source),
        (" · ", DIM),
        Text(clean_line(hit.title)) if hit.title else title or Text(clean_line(hit.article_id)),
        (f"  ¶{hit.passage}", DIM),
        "\n",
    )
    snippet = Text(clean_line(hit.snippet))
    for start, end in hit.matches:
        snippet.stylize(TERM_STYLE, start, end)
    return head.append_text(snippet)


def badge(relation: str) -> Text:
    """A relation badge that reads without colour: a symbol and a word."""
    label, style = BADGES.get(relation, (f"? {relation}", DIM))
    return Text(label, style=style)


# How a figure was read, in the analysis's words that tell a reader nothing: a
# date "Friday" with no day of publication is a "range" of days.
_UNSAID = frozenset({"exact", "range"})


def fact_label(fact: CitedFact) -> Text:
    """A fact's words, with what it is about (in words, not the internal key) and
    how it was read ("less than" for "under two hours") where its words do not
    say so already ("less than two hours") and a reader has a word for it."""
    text = Text(clean_line(fact.text), style="bold")
    qualifier = fact.qualifier
    if qualifier in _UNSAID or (qualifier and qualifier.lower() in fact.text.lower()):
        qualifier = None
    extras = [subject_of(fact), qualifier]
    if fact.speaker:
        extras.append(f"said by {fact.speaker}")
    details = ", ".join(readable(e) for e in extras if e)
    return text.append(f"  ({details})" if details else "", style=DIM)


def fact_block(item: FactView, headings: Headings | None = None) -> Text:
    """One fact of this passage and what each other source reports for it."""
    text = fact_label(item.fact)
    if not item.others:
        return text.append("\n  ").append_text(badge("only here"))
    for other in item.others:
        text.append("\n  ").append_text(badge(other.relation or "not comparable"))
        text.append("  ").append_text(cited_text(other.source, other.fact.article, headings))
        text.append(": ", style="bold").append(clean_line(other.fact.text))
        if not other.same_story:
            text.append(f"  {OTHER_STORY}", style=DIM)
    return text


def related_text(item: RelatedPassage, headings: Headings | None = None) -> Text:
    """A related passage of another source, with why it is related."""
    head = Text.assemble(
        cited_text(item.source, item.article_id, headings),
        (f"  ¶{item.passage}", DIM),
        (f"  {item.score:.2f}", DIM),
        "\n",
    )
    head.append(shorten(clean_line(item.text)))
    reasons = ", ".join(readable(r) for r in item.reasons)
    return head.append(f"\n  because: {reasons}" if reasons else "", style=DIM)


def wrap_block(text: Text, console: Console, width: int) -> list[Text]:
    """``text`` wrapped to ``width``, each line's continuations indented two cells
    past the line's own indent, so a wrapped value is still told from its source;
    the other-story note is never left alone on a line."""
    wrapped: list[Text] = []
    for line in text.split("\n"):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        hang = indent + 2 if indent else 0
        body = line[indent:]
        body.plain = body.plain.replace(OTHER_STORY, _NOTE_AS_ONE_WORD)  # same length
        pieces = list(body.wrap(console, max(width - hang, 8), overflow="fold"))
        for piece in pieces:
            piece.plain = piece.plain.replace(_NOTE_AS_ONE_WORD, OTHER_STORY)
        _keep_note_with_value(pieces)
        for number, piece in enumerate(pieces):
            wrapped.append(Text(" " * (hang if number else indent)).append_text(piece))
    return wrapped


def _keep_note_with_value(pieces: list[Text]) -> None:
    """Move the last word before a lone other-story note onto the note's line."""
    if len(pieces) < 2 or pieces[-1].plain.strip() != OTHER_STORY:
        return
    before = pieces[-2]
    cut = before.plain.rstrip().rfind(" ")
    if cut > 0:
        word = before[cut + 1 :]
        word.rstrip()
        pieces[-2] = before[:cut]
        pieces[-1] = Text.assemble(word, "  ", pieces[-1])


def shorten(text: str, limit: int = 200) -> str:
    """At most ``limit`` characters, cut at a word and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def spelling_source(source: str | None, unnamed: int) -> str:
    """An outlet writing a spelling; for articles that name none, the
    placeholder, or how many they are ("12 reports of unknown outlet"), so that
    a story whose reports name no outlet still tells which spelling most use."""
    if clean_line(source):
        return outlet_label(clean_line(source))
    return f"{unnamed} reports of unknown outlet" if unnamed > 1 else UNKNOWN_OUTLET


def entity_block(item: EntityCoverage) -> Text:
    """An entity of this passage: how many sources name it, and how."""
    entity = item.entity
    text = Text.assemble(
        (clean_line(entity.name), KIND_STYLES.get(entity.kind, "bold")),
        (f"  {entity.kind}", DIM),
        f"  in {item.sources} of {item.of} sources",
    )
    for spelling in item.spellings:
        sources = ", ".join(spelling_source(s, spelling.unnamed) for s in spelling.sources)
        text.append(f"\n  “{clean_line(spelling.text)}”", style="italic")
        text.append(f"  {sources}", style=DIM)
    return text


def quote_block(item: QuoteGroup, headings: Headings | None = None) -> Text:
    """Quotes by the same speaker in other sources (see :func:`quote_groups`)."""
    text = Text(readable(item.speaker) or "unknown speaker", style="bold")
    for here in item.here:
        text.append("\n  here: ", style=DIM).append(clean_line(here.text), style="italic")
    for other, elsewhere in item.marked():
        text.append("\n  ").append_text(cited_text(other.source, other.article, headings, DIM))
        text.append(": ", style=DIM)
        text.append(clean_line(other.text), style="italic")
        if elsewhere:
            text.append(f"  {OTHER_STORY}", style=DIM)
    return text


def diff_text(text: str, diff_tokens: Sequence[Token]) -> Text:
    """A passage with the words the other side lacks marked (numbers and names most)."""
    rendered = Text(clean(text))
    for token in diff_tokens:
        if token.notable:
            rendered.stylize(NOTABLE_DIFF_STYLE, token.start, token.end)
        elif token.changed and token.kind != "punct":
            rendered.stylize(CHANGED_DIFF_STYLE, token.start, token.end)
    return rendered


def matrix_cell(cell: MatrixCell | None) -> Text:
    """One cell of the omission matrix: the source's words, or a gap (the row
    carries how the sources relate)."""
    if cell is None:
        return Text("— not reported", style=DIM)
    return Text(clean_line(cell.text))


def citation(article: Article, passage: Passage) -> str:
    """The passage as plain text with where it comes from, for the clipboard."""
    date = article.date or (f"{article.date_raw} (unverified)" if article.date_raw else "no date")
    head = (
        f"{outlet_label(clean_line(article.source))}, "
        f"“{clean_line(article.title or article.lead)}”, {clean_line(date)}, "
        f"{clean_line(article.path)} ¶{passage.number} [{passage.start}:{passage.end}]"
    )
    return f"“{clean(passage.text)}”\n— {head}"
