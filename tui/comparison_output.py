"""Plain-terminal output of the comparison commands: entities, facts,
stories, related passages and the discrepancy report."""

from __future__ import annotations

import argparse

from rich.text import Text

from index import codec
from index.model import (
    CitedFact,
    EntityCoverage,
    Fact,
    FactGroup,
    FactView,
    QuoteView,
    outlet_label,
    quote_groups,
)
from index.safety import clean, clean_line, dumps
from index.subjects import subject_of

from . import render
from .inert import inert
from .output import EXIT_NOT_FOUND, EXIT_OK, error, note, stdout

# The pane's words for each relation; the shell's own colours (no block badge).
BADGES = {relation: label for relation, (label, _style) in render.BADGES.items()}
BADGE_STYLES = {
    "agree": "green",
    "compatible": "yellow",
    "differ": "bold red",
    "only here": "dim",
    "context": "dim",
}


def entities(library, args: argparse.Namespace) -> int:
    found = library.entities(args.label)
    if args.json:
        print(dumps({"entities": codec.to_json(found)}))
        return EXIT_OK
    ids = {row[0] for row in library.listing()}  # the compact list, not the whole catalog
    for entity in found:
        line = Text.assemble(
            (clean_line(entity.name), "bold"),
            f"  {entity.kind}",
            (f"  {len(entity.mentions)} mentions", "dim"),
        )
        stdout.print(line)
        for alias in entity.aliases:
            sources = _alias_sources(alias.sources, ids)
            stdout.print(
                Text(f"    {clean_line(alias.text)} ×{alias.count}  ({sources})", style="dim")
            )
    return EXIT_OK


def _alias_sources(sources: tuple[str, ...], ids: set[str]) -> str:
    """Who writes a spelling: its outlets, and an article that names none by its
    id, or, for several, how many they are ("AP, Fox News; 28 reports of
    unknown outlet"), where every id was listed and one line ran to pages."""
    outlets = [clean_line(s) for s in sources if s not in ids]
    unnamed = [clean_line(s) for s in sources if s in ids]
    if len(unnamed) > 1:
        return "; ".join(
            filter(None, [", ".join(outlets), render.spelling_source(None, len(unnamed))])
        )
    return ", ".join(outlets + unnamed)


def facts(library, args: argparse.Namespace) -> int:
    found, groups = library.facts(), library.fact_groups()
    if args.json:
        print(dumps({"facts": codec.to_json(found), "groups": codec.to_json(groups)}))
        return EXIT_OK
    for fact in found:
        stdout.print(
            Text.assemble(
                (f"{clean_line(fact.article)} ¶{fact.passage}", "dim"),
                f"  {fact.kind}  ",
                (clean_line(fact.text), "bold"),
                f"  {clean_line(subject_of(fact))}{_said_by(fact)}",
            )
        )
    _groups_block(groups, {fact.id: fact for fact in found})
    return EXIT_OK


RELATION_ORDER = ("differ", "compatible", "agree", "only here")


def _said_by(fact: Fact | None) -> str:
    """`` [speaker]`` after a fact someone is quoted as stating."""
    return f"  [{clean_line(fact.speaker)}]" if fact and fact.speaker else ""


def _groups_block(groups: list[FactGroup], by_id: dict[str, Fact]) -> None:
    """The comparisons ``--json`` gives as ``groups``: worst relation first, each
    with the facts compared and the pairs that differ."""
    if groups:
        stdout.print(
            Text("\nGroups: one subject in one story, compared across sources", "underline")
        )
    ordered = sorted(groups, key=lambda g: (RELATION_ORDER.index(g.relation), g.story or ""))
    for group in ordered:
        relation = group.relation
        stdout.print(
            Text.assemble(
                (BADGES[relation], BADGE_STYLES[relation]),
                "  ",
                (clean_line(group.subject), "bold"),
                (f"  story {clean_line(group.story)}, {_sources(group.sources)}", "dim"),
            )
        )
        for member in group.members:
            fact = by_id.get(member)
            text = clean_line(fact.text if fact else None)
            stdout.print(Text(f"    {clean_line(member)}  {text}{_said_by(fact)}", style="dim"))
        for first, second, pair in group.pairs:
            if pair == "differ":
                stdout.print(
                    Text(
                        f"    {BADGES[pair]}: {clean_line(first)} / {clean_line(second)}",
                        style="dim",
                    )
                )


def _sources(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


STORY_LEAD = 70  # characters of an untitled article's text in `stories`


def stories(library, args: argparse.Namespace) -> int:
    found = library.stories()
    if args.json:
        print(dumps({"stories": codec.to_json(found)}))
        return EXIT_OK
    # id, outlet, title and an untitled article's lead, as the sources list has them
    entries = {row[0]: render.Entry._make(row) for row in library.listing()}
    for story in found:
        stdout.print(Text.assemble((story.id, "bold"), "  ", clean_line(story.title)))
        for aid in story.articles:
            entry = entries.get(aid)
            source = entry.source if entry else None
            heading = clean_line(render.heading(entry)) if entry else ""
            if entry and not entry.title and heading:  # the start of its text, quoted
                heading = f"“{render.shorten(heading, STORY_LEAD)}”"
            stdout.print(
                Text(
                    f"    {clean_line(aid)}  {outlet_label(clean_line(source))}  {heading}",
                    style="dim",
                )
            )
    return EXIT_OK


def related(library, args: argparse.Namespace) -> int:
    if library.article(args.id) is None:
        error(f"no article with id '{args.id}' (see 'newsdesk sources')")
        return EXIT_NOT_FOUND
    try:
        view = library.related(args.id, args.passage)
    except KeyError as missing:
        error(str(missing.args[0]))
        return EXIT_NOT_FOUND
    if args.id in library.first_looks():  # an update's pass runs in another process
        note(
            f"'{args.id}' is still being compared with the whole folder: this is a first "
            "look, from the articles nearest it; the index updates it once that is saved"
        )
    elif args.id in library.comparing():
        note(
            f"'{args.id}' is still being compared with the other sources: "
            "what they say about it is shown once the index is updated"
        )
    if args.json:
        print(dumps(codec.to_json(view)))
        return EXIT_OK
    stdout.print(Text(clean(view.passage.text), style="bold"), soft_wrap=True)
    _facts_block(view.facts)
    if view.related:
        stdout.print(Text("\nRelated passages", style="underline"))
    for item in view.related:
        stdout.print(
            Text.assemble(
                (f"{clean_line(item.article_id)} ¶{item.passage}", "bold"),
                (f"  {item.score:.2f}  ", "dim"),
                inert("; ".join(item.reasons), "dim"),
            )
        )
        stdout.print(Text(clean(item.text)), soft_wrap=True)
    _entities_block(view.entities)
    _quotes_block(view.quotes)
    return EXIT_OK


def _in_parentheses(source: str | None, unnamed: int = 0) -> str:
    """An outlet inside parentheses: for none, the placeholder without its own, so
    a spelling reads "Kiev (unknown outlet)", not "Kiev ((unknown outlet))", or
    how many reports name none ("Kiev (AP, 3 reports of unknown outlet)")."""
    if clean_line(source):
        return clean_line(source)
    return render.spelling_source(None, unnamed).strip("()")


def _entities_block(items: tuple[EntityCoverage, ...]) -> None:
    if items:
        stdout.print(Text("\nEntities", style="underline"))
    for item in items:
        spellings = "; ".join(
            f"{clean_line(s.text)} ({', '.join(_in_parentheses(x, s.unnamed) for x in s.sources)})"
            for s in item.spellings
        )
        stdout.print(
            Text(
                f"{clean_line(item.entity.name)}: named by {item.sources} of "
                f"{item.of} sources — {spellings}"
            )
        )


def _cited(fact: CitedFact, source: str | None = None) -> str:
    """Who says ``fact`` in another source: its outlet, or where the article
    names none, the article's id (as its related passages are cited), so that
    three reports of unknown outlets are still told apart."""
    return clean_line(source or fact.source) or clean_line(fact.article)


def _quotes_block(items: tuple[QuoteView, ...]) -> None:
    """What the passage's speakers say in other sources, as the pane lists it."""
    if items:
        stdout.print(Text("\nQuotes", style="underline"))
    for item in quote_groups(items):
        stdout.print(Text(clean_line(item.speaker) or "unknown speaker", style="bold"))
        for here in item.here:
            stdout.print(Text(f"    here: {clean_line(here.text)}"))
        for other, elsewhere in item.marked():
            where = "  (another story)" if elsewhere else ""
            stdout.print(Text(f"    {_cited(other)}: {clean_line(other.text)}{where}"))


def _facts_block(items: tuple[FactView, ...]) -> None:
    if items:
        stdout.print(Text("\nFacts", style="underline"))
    for item in items:
        fact = item.fact
        stdout.print(
            Text.assemble(
                (BADGES[item.relation], BADGE_STYLES[item.relation]),
                "  ",
                (clean_line(fact.text), "bold"),
                (f"  {clean_line(subject_of(fact))}", "dim"),
            )
        )
        for other in item.others:
            where = "" if other.same_story else "  (another story)"
            relation = other.relation or "not comparable"
            stdout.print(
                Text(
                    f"    {BADGES.get(relation, relation)}  "
                    f"{_cited(other.fact, other.source)}: {clean_line(other.fact.text)}"
                    f"{where}"
                )
            )


def report(library, args: argparse.Namespace) -> int:
    from index.report import to_markdown

    found = library.report(loose=getattr(args, "all", False))
    if args.format == "json" or args.json:
        print(dumps(codec.to_json(found)))
    else:
        print(clean(to_markdown(found)))
    return EXIT_OK


VIEWS = {
    "entities": entities,
    "facts": facts,
    "stories": stories,
    "related": related,
    "report": report,
}
