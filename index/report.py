"""The discrepancy report: per story, the facts that differ or only loosely
fit, each cited to its source, file, offsets and exact words."""

from __future__ import annotations

from typing import Any

from .safety import clean_line

REPORTED = ("differ", "compatible")


def discrepancies(library: Any) -> dict[str, Any]:
    """``{"stories": [{"id", "title", "discrepancies": [{"key", "relation", "citations"}]}]}``"""
    state = library.state()
    facts = {f["id"]: f for f in library.facts()}
    meta = {row["id"]: row for row in library.articles()}
    stories = []
    for story in state.get("stories", []):
        found = []
        for group in state.get("groups", []):
            if group["story"] != story["id"] or group["relation"] not in REPORTED:
                continue
            citations = [_citation(facts[m], meta) for m in group["members"] if m in facts]
            found.append(
                {"key": group["key"], "relation": group["relation"], "citations": citations}
            )
        found.sort(key=lambda d: (REPORTED.index(d["relation"]), d["key"]))
        stories.append({"id": story["id"], "title": story["title"], "discrepancies": found})
    return {"stories": stories}


def _citation(fact: dict[str, Any], meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
    article = meta.get(fact["article"], {})
    return {
        "source": article.get("source"),
        "title": article.get("title"),
        "date": article.get("date"),
        "file": article.get("path", fact["article"]),
        "article": fact["article"],
        "passage": fact["passage"],
        "start": fact["start"],
        "end": fact["end"],
        "text": fact["text"],
        "speaker": fact.get("speaker"),
    }


def to_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown, ready to paste into a fact-check."""
    lines = ["# Discrepancies between sources", ""]
    for story in report["stories"]:
        lines += [f"## {_md(story['title'])} ({story['id']})", ""]
        if not story["discrepancies"]:
            lines += ["No differing figures between the sources of this story.", ""]
        for item in story["discrepancies"]:
            key, _, speaker = item["key"].partition("|")
            who = "" if speaker in ("", "narrator") else f" (as said by {speaker})"
            lines.append(f"- **{_md(key)}**{_md(who)}: {item['relation']}")
            for c in item["citations"]:
                source = _md(c["source"] or "unknown source")
                lines.append(
                    f"  - {source}, “{_md(c['text'])}” — {_md(c['file'])} "
                    f"¶{c['passage']}, characters {c['start']}–{c['end']}"
                )
        lines.append("")
    return "\n".join(lines)


def _md(text: str | None) -> str:
    """Escape Markdown emphasis and link characters in untrusted text, on one
    line: a title holding a line break and ``# ...`` would start a heading."""
    text = clean_line(text)
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text
