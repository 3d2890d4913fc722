"""Markdown articles, with optional YAML (---) or TOML (+++) front matter.

Front matter is parsed by python-frontmatter and always wins over inference.
Passages are markdown-it-py's block tokens (paragraphs, headings, list items,
quotes) mapped back to the exact characters of the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from frontmatter.default_handlers import TOMLHandler, YAMLHandler
from markdown_it import MarkdownIt

from ..textio import Unreadable

_BLOCKS = {"paragraph_open", "heading_open", "blockquote_open", "fence", "code_block", "html_block"}
_parser = MarkdownIt("commonmark")
_LINE_END = re.compile(r"\r\n?|\n")


class _PlainYAML(yaml.SafeLoader):
    """YAML without aliases: ``*name`` repeats what ``&name`` marked without
    copying it, so nine lines of aliases to aliases make a title of 387
    million words when it is read as text, and a 10 KB text repeated by alias
    a 20 MB one. Front matter is a few fields; an alias in it is refused like
    any other invalid front matter."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "it uses YAML aliases (*name), which newsdesk does not expand", mark
            )
        return super().compose_node(parent, index)


class _YAMLFrontMatter(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_PlainYAML)


def split_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The front matter as a dict and the offset where the body starts."""
    for handler in (_YAMLFrontMatter(), TOMLHandler()):
        if not handler.detect(text):
            continue
        try:
            raw, _content = handler.split(text)
            meta = handler.load(raw) or {}
        except Exception as error:  # YAML and TOML errors have no common base class
            raise Unreadable(f"front matter is not valid: {str(error).splitlines()[0]}") from None
        if not isinstance(meta, dict):
            raise Unreadable("front matter is not a mapping of fields")
        fence = handler.END_DELIMITER
        closing = text.find("\n" + fence, len(fence))
        body = text.find("\n", closing + 1) + 1 if closing >= 0 else 0
        return meta, body or len(text)
    return {}, 0


def block_spans(text: str, body_start: int) -> list[tuple[int, int]]:
    """Offsets of each top-level block of the Markdown body."""
    # Lines as markdown-it counts them: "\r" alone ends a line too, so a file
    # with old Mac line ends (or one stray "\r") maps its blocks to the right
    # characters instead of past the end of the list.
    line_starts = [0] + [m.end() for m in _LINE_END.finditer(text)] + [len(text) + 1]
    first_line = len(_LINE_END.findall(text, 0, body_start))
    spans = []
    for token in _parser.parse(text[body_start:]):
        if token.type in _BLOCKS and token.map and token.level == 0:
            begin, end = token.map
            start = line_starts[first_line + begin]
            stop = min(line_starts[first_line + end] - 1, len(text))
            spans.append(_trim(text, start, stop))
    return [span for span in spans if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def heading_title(text: str, spans: list[tuple[int, int]]) -> str | None:
    """A leading "# Title" heading, without its marks."""
    if spans and text[spans[0][0]] == "#":
        return text[slice(*spans[0])].lstrip("#").strip() or None
    return None
