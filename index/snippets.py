"""Where the words of a passage stand, found as
``index.engines.words.TOKEN_PATTERN`` finds them but without ``re``, and the
snippet a search result shows of a passage, around its first match (the
Whoosh path's snippets, :func:`index.search.make_snippet`, are cut here too).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported (see index.sidecar)
if TYPE_CHECKING:
    from collections.abc import Iterator

SNIPPET_CHARS = 240  # how much of a long passage a search result shows


def spans(text: str) -> list[tuple[int, int]]:
    """Where the words of ``text`` stand, as ``index.engines.words.TOKEN_PATTERN``
    finds them (``\\d+(?:,\\d{3})+(?:\\.\\d+)?|\\w+(?:\\.\\w+)*``), without ``re``:
    ``\\w`` is a letter, digit or number character or ``_``, ``\\d`` a decimal."""
    return list(words_from(text))


def words_from(text: str, i: int = 0) -> Iterator[tuple[int, int]]:
    """:func:`spans` one word at a time, from offset ``i`` (the words of the
    whole text from there on where ``i`` follows a character no word holds)."""
    n = len(text)
    while i < n:
        c = text[i]
        if not (c.isalnum() or c == "_"):
            i += 1
            continue
        if c.isdecimal():
            j = i + 1
            while j < n and text[j].isdecimal():
                j += 1
            k = j
            while (
                k + 3 < n
                and text[k] == ","
                and text[k + 1].isdecimal()
                and text[k + 2].isdecimal()
                and text[k + 3].isdecimal()
            ):
                k += 4
            if k > j:
                if k + 1 < n and text[k] == "." and text[k + 1].isdecimal():
                    k += 2
                    while k < n and text[k].isdecimal():
                        k += 1
                yield i, k
                i = k
                continue
        j = i + 1
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        while j + 1 < n and text[j] == "." and (text[j + 1].isalnum() or text[j + 1] == "_"):
            j += 2
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
        yield i, j
        i = j


def snippet(text: str, spellings: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """``index.search.make_snippet`` with the matched words found by their
    spellings (lower-cased) rather than analysed one by one."""
    found = [(s, e) for s, e in spans(text) if text[s:e].lower() in spellings] if spellings else []
    return window(text, found)


def window(text: str, found: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A passage's snippet: the passage whole when short, else about
    ``SNIPPET_CHARS`` around its first match, cut at spaces; with the matches
    ``found`` (offsets in ``text``) moved to the snippet's offsets."""
    if len(text) <= SNIPPET_CHARS + 60:
        return text, found
    centre = found[0][0] if found else 0
    start = max(0, centre - SNIPPET_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_CHARS)
    space = text.find(" ", end)
    end = space if space != -1 else len(text)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in found if s >= start and e <= end]
    return prefix + text[start:end] + suffix, inside
