"""The Markdown results table of run_all.py, each figure beside its target.

python benchmarks/report.py RESULTS.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Row = tuple[str, Callable[[dict[str, Any]], str], str]


def _get(data: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


def _fmt(value: Any, spec: str = ".0f", suffix: str = "") -> str:
    return "n/m" if value is None else f"{value:{spec}}{suffix}"


def _ratio(a: Any, b: Any, spec: str = ".1f") -> str:
    return "n/m" if a is None or not b else f"{a / b:{spec}}x"


def _nlp_rate(size: dict[str, Any], nlp: dict[str, Any] | None) -> str:
    """Measured replay rate combined with the measured NER rate (an estimate)."""
    replay, ner = _get(size, "nlp_index", "rate"), _get(nlp or {}, "analyse_rate")
    if replay and ner:
        return f"{1 / (1 / replay + 1 / ner):.1f} (est.)"
    return "n/m"


def _search(size: dict[str, Any], engine: str, at: int) -> str:
    value = _get(size, "search", engine)
    return "n/m" if value is None else f"{value[at]:.1f}"


def _engine_ratio(size: dict[str, Any], other: str, spec: str) -> str:
    ours, theirs = _get(size, "search", "newsdesk"), _get(size, "search", other)
    return f"{_search(size, other, 0)}, {_ratio(ours and ours[0], theirs and theirs[0], spec)}"


def _vs_minimal(size: dict[str, Any], *path: str) -> str:
    return _ratio(
        _get(size, *path, "first_screen_s"), _get(size, "minimal", "first_screen_s"), ".2f"
    )


def _grouping(size: dict[str, Any], key: str) -> str:
    wall, cpu = _get(size, key, "seconds"), _get(size, key, "cpu_seconds")
    return f"{_fmt(wall, '.1f')} ({_fmt(cpu, '.1f')}), {_fmt(_get(size, key, 'peak_rss_mb'))}"


def _value(*path: str, spec: str = ".1f") -> Callable[[dict[str, Any]], str]:
    return lambda size: _fmt(_get(size, *path), spec)


def rows(nlp: dict[str, Any] | None) -> list[Row]:
    return [
        ("Indexing, no NLP (articles/s)", _value("index", "rate"), ""),
        (
            "tantivy indexing, same passages (articles/s)",
            _value("search", "tantivy_rate", spec=".0f"),
            "",
        ),
        ("Indexing with NLP (articles/s)", lambda s: _nlp_rate(s, nlp), ""),
        ("... of which after NER (NER replayed, articles/s)", _value("nlp_index", "rate"), ""),
        (
            "Incremental, nothing changed (s)",
            _value("index", "unchanged_s", spec=".2f"),
            "< 1 s at 20k",
        ),
        ("Incremental, 1% changed (s)", _value("index", "changed_s"), ""),
        ("Incremental, 1% changed, with NLP state (s)", _value("nlp_index", "changed_s"), ""),
        ("Index size (MB)", _value("index", "index_mb", spec=".0f"), ""),
        ("tantivy index size (MB)", _value("search", "tantivy_index_mb", spec=".0f"), ""),
        ("Indexing peak RSS (MB)", _value("index", "peak_rss_mb", spec=".0f"), ""),
        (
            "Search median / p95 (ms)",
            lambda s: f"{_search(s, 'newsdesk', 0)} / {_search(s, 'newsdesk', 1)}",
            "",
        ),
        (
            "Search as you type p95 (ms): first results shown / all results",
            lambda s: f"{_search(s, 'typed_first', 1)} / {_search(s, 'typed', 1)}",
            "< 50 ms at 100k",
        ),
        (
            "ripgrep median (ms), newsdesk / ripgrep",
            lambda s: _engine_ratio(s, "ripgrep", ".2f"),
            "",
        ),
        (
            "tantivy median (ms), newsdesk / tantivy",
            lambda s: _engine_ratio(s, "tantivy", ".0f"),
            "",
        ),
        ("Reader first full screen (s)", _value("reader", "first_screen_s", spec=".2f"), ""),
        ("Minimal Textual app (s)", _value("minimal", "first_screen_s", spec=".2f"), ""),
        ("Reader / minimal app", lambda s: _vs_minimal(s, "reader"), "< 1.5x"),
        (
            "Reader (NLP index) / minimal app",
            lambda s: _vs_minimal(s, "nlp_index", "reader"),
            "< 1.5x",
        ),
        (
            "Key press to cross-source pane p95 (ms)",
            _value("reader", "key_p95_ms"),
            "< 30 ms at 100k",
        ),
        ("... NLP index p95 (ms)", _value("nlp_index", "reader", "key_p95_ms"), "< 30 ms at 100k"),
        ("Reader peak RSS (MB)", _value("reader", "peak_rss_mb", spec=".0f"), "< 300 MB at 100k"),
        (
            "... NLP index (MB)",
            _value("nlp_index", "reader", "peak_rss_mb", spec=".0f"),
            "< 300 MB",
        ),
        (
            "Reader loaded spaCy",
            lambda s: str(
                _get(s, "nlp_index", "reader", "spacy_loaded")
                if _get(s, "nlp_index", "reader")
                else _get(s, "reader", "spacy_loaded")
            ),
            "False",
        ),
        ("Story grouping, sparse: s (CPU s), peak MB", lambda s: _grouping(s, "stories"), ""),
        (
            "Story grouping, dense (before): s (CPU s), peak MB",
            lambda s: _grouping(s, "stories_dense"),
            "",
        ),
    ]


def table(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    nlp = results.get("nlp")
    head = "| | " + " | ".join(f"{s['size']:,}" for s in sizes) + " | target |"
    lines = [head, "|---" * (len(sizes) + 2) + "|"]
    for label, cell, target in rows(nlp):
        lines.append(f"| {label} | " + " | ".join(cell(s) for s in sizes) + f" | {target} |")
    if nlp:
        lines.append("")
        lines.append(
            f"NLP on {nlp['sample']} articles: single-process spaCy "
            f"{nlp['spacy_1proc_rate']:.1f} articles/s, newsdesk analysis in one process "
            f"{nlp['analyse_1proc_rate']:.1f}, as the indexer runs it "
            f"{nlp['analyse_rate']:.1f} ({nlp['ratio_vs_spacy']:.2f}x spaCy; target >= 1.8x)."
        )
    lines.append(f"\nMachine: {results['machine']}; date: {results['date']}.")
    return "\n".join(lines)


def main() -> None:
    print(table(json.loads(Path(sys.argv[1]).read_text())))


if __name__ == "__main__":
    main()
