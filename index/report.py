"""The discrepancy report: the figures sources disagree on, most worth a
reader's time first, each cited to its source, file, offsets and exact words.

Ranking: a real difference (two figures that cannot both be true) before a
loose fit; then differences between more independent sources (wire copies
count once), about what more of the story's articles report (its central
facts), stated by the narrator rather than a quoted speaker, and early in the
articles. Loose fits (compatible figures) are left out unless asked for; the
summary on top counts them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from . import crossref
from .model import ArticleInfo, Fact, outlet_label
from .safety import clean_line
from .subjects import describe

DIFFER, COMPATIBLE = "differ", "compatible"


@dataclass(frozen=True)
class Citation:
    """One fact of a differing pair, cited to its article and exact words."""

    fact: str
    source: str | None
    title: str | None
    date: str | None
    file: str
    article: str
    passage: int
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True)
class FactPair:
    """Two facts of one group and how they compare."""

    a: str
    b: str
    relation: str


@dataclass(frozen=True)
class Discrepancy:
    """A figure sources give differently (or, with loose fits, compatibly)."""

    key: str
    subject: str
    speaker: str | None
    relation: str
    story: str
    story_title: str
    sources: int
    pairs: tuple[FactPair, ...]
    citations: tuple[Citation, ...]
    score: float = 0.0


@dataclass(frozen=True)
class StoryDiscrepancies:
    """A story and the discrepancies listed for it, ranked."""

    id: str
    title: str
    discrepancies: tuple[Discrepancy, ...] = ()


@dataclass(frozen=True)
class ReportSummary:
    """The counts on top of the report."""

    stories: int
    differences: int
    loose_fits: int
    shown: int
    loose_included: bool


@dataclass(frozen=True)
class Report:
    """The discrepancy report: its summary, the discrepancies ranked, and the
    same discrepancies by story (``newsdesk report --format json``)."""

    summary: ReportSummary
    discrepancies: tuple[Discrepancy, ...]
    stories: tuple[StoryDiscrepancies, ...]


def discrepancies(library: Any, loose: bool = False) -> Report:
    """The report of the whole corpus; ``loose`` also lists compatible figures."""
    state = library.state()
    facts = {f.id: f for f in library.facts()}
    meta = {row.id: row for row in library.articles()}
    stories = {s["id"]: s for s in state.get("stories", [])}
    pairs = state.get("copies", [])
    copies = crossref.source_groups({*meta, *(p[k] for p in pairs for k in "ab")}, pairs)
    found = []
    counts = {"stories": len(stories), "differences": 0, "loose_fits": 0}
    for group in state.get("groups", []):
        if group["story"] not in stories or group["key"].startswith("quote"):
            continue  # a speaker's different words are no discrepancy the report can show
        # A group that differs is not listed again as a loose fit.
        items = _discrepancies(group, DIFFER, facts, meta, copies, stories)
        counts["differences"] += len(items)
        if not items:
            items = _discrepancies(group, COMPATIBLE, facts, meta, copies, stories)
            counts["loose_fits"] += len(items)
            items = items if loose else []
        found.extend(items)
    found.sort(key=lambda d: (-d.score, d.story, d.key))
    by_story: dict[str, list[Discrepancy]] = defaultdict(list)
    for item in found:
        by_story[item.story].append(item)
    return Report(
        summary=ReportSummary(**counts, shown=len(found), loose_included=loose),
        discrepancies=tuple(found),
        stories=tuple(
            StoryDiscrepancies(sid, s["title"], tuple(by_story.get(sid, [])))
            for sid, s in stories.items()
        ),
    )


def _discrepancies(group, relation, facts, meta, copies, stories) -> list[Discrepancy]:
    """The group's pairs with ``relation``, one discrepancy for each set of
    facts they join, each citing the facts that take part: people killed and
    people wounded are grouped under the noun they count and never compared
    with each other, so each is its own discrepancy, named by its own facts.
    None (an empty list) where the group has no such pair (a fact that fits
    every other is not cited)."""
    pairs = [p for p in _pairs(group, facts) if p[2] == relation]
    parts = [
        (part, cited)
        for part in _joined(pairs)
        if (cited := sorted({fid for a, b, _ in part for fid in (a, b) if fid in facts}))
    ]
    story = stories[group["story"]]
    key, _, speaker = group["key"].partition("|")
    found = []
    for part, cited in parts:
        citations = [_citation(facts[fid], meta) for fid in cited]
        sources = {copies.get(c.article, c.article) for c in citations}
        if len(parts) == 1:
            subject = group.get("subject") or describe(key)
        else:
            subject = crossref.facts_subject([facts[fid] for fid in cited]) or describe(key)
        item = Discrepancy(
            key=group["key"],
            subject=subject,
            speaker=_speaker(citations, speaker),
            relation=relation,
            story=story["id"],
            story_title=story["title"],
            sources=len(sources),
            pairs=tuple(FactPair(a, b, r) for a, b, r in part),
            citations=tuple(citations),
        )
        found.append(replace(item, score=_score(item, group, story)))
    return found


def _joined(pairs: list[tuple[str, str, str]]) -> list[list[tuple[str, str, str]]]:
    """``pairs`` in the sets that share facts (connected parts, joined as
    :func:`crossref.source_groups` joins wire copies), each in the pairs'
    order, the parts in the order of their first pair."""
    links = [{"a": a, "b": b} for a, b, _ in pairs]
    root = crossref.source_groups({f for a, b, _ in pairs for f in (a, b)}, links)
    parts: dict[str, list[tuple[str, str, str]]] = {}
    for pair in pairs:
        parts.setdefault(root[pair[0]], []).append(pair)
    return list(parts.values())


def _pairs(group: dict[str, Any], facts: dict[str, Fact]) -> list[tuple[str, str, str]]:
    """Stored pairs; an index written before groups kept pairs has only members."""
    if "pairs" in group:
        return [tuple(p) for p in group["pairs"]]  # type: ignore[misc]
    members = [m for m in group["members"] if m in facts]
    return [(a, b, group["relation"]) for i, a in enumerate(members) for b in members[i + 1 :]]


def _score(item: Discrepancy, group: dict[str, Any], story: dict[str, Any]) -> float:
    """Higher for what a reader should see first (see the module docstring)."""
    score = 100.0 if item.relation == DIFFER else 0.0
    score += 10.0 * min(item.sources, 5)
    reporting = {m.rsplit(":", 2)[0] for m in group["members"]}
    score += 20.0 * len(reporting) / max(1, len(story["articles"]))
    score += 0.0 if item.speaker else 5.0
    first = min(c.passage for c in item.citations)
    return score + max(0.0, 10.0 - first)


def _speaker(citations: list[Citation], fallback: str) -> str | None:
    """Who states every cited figure, or None when a narrator states one of
    them (a speaker's figure differs from what another report states)."""
    named = [c.speaker for c in citations if c.speaker]
    if len(named) < len(citations):
        return None
    return max(named, key=len) if named else (fallback or None)


def _citation(fact: Fact, meta: dict[str, ArticleInfo]) -> Citation:
    article = meta.get(fact.article)
    return Citation(
        fact=fact.id,
        source=article.source if article else None,
        title=article.title if article else None,
        date=article.date if article else None,
        file=article.path if article else fact.article,
        article=fact.article,
        passage=fact.passage,
        start=fact.start,
        end=fact.end,
        text=fact.text,
        speaker=fact.speaker,
    )


def to_markdown(report: Report) -> str:
    """The report as Markdown, ready to paste into a fact-check: a summary, then
    the discrepancies ranked, most worth reading first."""
    lines = ["# Discrepancies between sources", "", *_summary(report.summary), ""]
    for rank, item in enumerate(report.discrepancies, 1):
        lines.extend(_discrepancy_md(rank, item))
    return "\n".join(lines)


def _discrepancy_md(rank: int, item: Discrepancy) -> list[str]:
    who = f" (according to {item.speaker})" if item.speaker else ""
    verdict = "differ" if item.relation == DIFFER else "compatible (a loose fit)"
    lines = [
        f"## {rank}. {md_escape(item.subject)}{md_escape(who)}: {verdict}",
        f"Story {item.story}, {md_escape(item.story_title)}; {_sources(item)}.",
        "",
    ]
    for c in item.citations:
        source = md_escape(outlet_label(c.source))
        lines.append(
            f"- {source}, “{md_escape(c.text)}” — {md_escape(c.file)} "
            f"¶{c.passage}, characters {c.start}–{c.end}"
        )
    return [*lines, ""]


def _sources(item: Discrepancy) -> str:
    """How many independent sources state the figures; where no outlet is named,
    only how many articles do (two unnamed reports may be one agency's)."""
    unnamed = sum(not c.source for c in item.citations)
    if unnamed == len(item.citations):
        return f"{_count(item.sources, 'article', 'articles')}, no outlet named"
    if unnamed:
        unnamed_said = _count(unnamed, "citation names", "citations name")
        return f"{item.sources} independent sources ({unnamed_said} no outlet)"
    return f"{item.sources} independent sources"


def _summary(summary: ReportSummary) -> list[str]:
    lines = [
        f"{_count(summary.differences, 'figure differs', 'figures differ')} between "
        f"sources across {_count(summary.stories, 'story', 'stories')}; "
        f"{summary.loose_fits} more only loosely fit (rounded or approximate "
        "figures that can both be true)."
    ]
    if not summary.loose_included and summary.loose_fits:
        lines.append("The loose fits are left out; `newsdesk report --all` lists them too.")
    if not summary.shown:
        lines.append("No figure differs between the sources of any story.")
    return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def md_escape(text: str | None) -> str:
    """Escape Markdown emphasis and link characters in untrusted text, on one
    line: a title holding a line break and ``# ...`` would start a heading."""
    text = clean_line(text)
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text
