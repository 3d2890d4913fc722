"""A user's query, parsed and checked before it reaches an engine.

Queries use Whoosh syntax (AND/OR/NOT, "phrases", ``field:value``, ``pris*``,
``prisonrs~`` for a word one letter off). What a user could get wrong is
explained as a :class:`QueryError`. The check is made on the parsed query, not
on its text, so it holds whatever spelling reaches a field (``x.kind:catalog``
is the field ``kind`` to Whoosh): only the documented fields can be searched,
and nothing matches every passage or costs a pass over the whole vocabulary
(``*``, ``text:*``, ``date:[TO]``, ``a*``, ``istanbul~9``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whoosh import query as q

from ..errors import QueryError
from .base import Expander
from .whoosh_schema import SCHEMA
from .words import ENTITY_FIELDS

if TYPE_CHECKING:  # Whoosh's parser is imported for queries that are more than words
    from whoosh.qparser import QueryParser

MAX_QUERY_CHARS = 2000
MIN_WILDCARD_CHARS = 2
MAX_EDITS = 2  # istanbul~2: two letters off; more finds unrelated words
SEARCHABLE = (
    "text",
    "title",
    "source",
    "date",
    "story",
    "entity",
    "fact",
    "relation",
    "article",
    *ENTITY_FIELDS,
)
RANGE_FIELDS = frozenset({"date"})  # date:[2025-05-01 TO 2025-05-31]
_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):(?=\S)")
_EMPTY_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):(?=[\s)]|$)")
_WHOOSH_FIELD = re.compile(r"(\w+):")  # Whoosh's own pattern (qparser.FieldsPlugin)
_STORED_ONLY = frozenset(name for name in SCHEMA.names() if not SCHEMA[name].indexed)
_EDITS = re.compile(r"(?<=[^\s\"'])~(\d+)")
EXPANDED = ("entity", "story", "relation", *ENTITY_FIELDS)
_EXPANDED_TERM = re.compile(rf"\b({'|'.join(EXPANDED)}):(\"[^\"]*\"|'[^']*'|[^\s()]+)")
# Words of letters and digits alone, none of them an operator of Whoosh's parser.
_WORDS = re.compile(r"[^\W_]+(?:\s+[^\W_]+)*")
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})

# An expander maps (field, what the user typed) to what it stands for:
# ``person:Fidan`` is every alias of the canonical Hakan Fidan (``"entity"``,
# alias keys), a story its ``"articles"``, a relation the ``"passages"``
# holding its facts.
# Where the index keeps what an expansion names.
_HELD_IN = {"articles": "article", "passages": "uid"}


def parse(text: str, expand: Expander | None = None) -> q.Query:
    """Parse a user's query, or raise :class:`QueryError` saying why not."""
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}"
        )
    _check_shape(text)
    for name in _FIELD.findall(text):
        if name.lower() not in SEARCHABLE:
            raise _unknown_field(name)
    for name in _WHOOSH_FIELD.findall(text):  # x.data: is data: to Whoosh, which
        if name in _STORED_ONLY:  # then fails on a field with nothing to search
            raise _unknown_field(name)
    _check_edits(text)
    produced: set[tuple[str, str]] = set()  # (field, term) the expander wrote
    text = _distributed(_fields_lowered(text))
    text = _EXPANDED_TERM.sub(lambda m: _expanded_clause(m, expand, produced), text)
    try:
        parsed = _words(text)
        if parsed is None:
            parsed = _parser().parse(text)
    except Exception as error:  # the parser's own errors have no common base
        raise QueryError(f"the query could not be read: {error}") from None
    if parsed is q.NullQuery or isinstance(parsed, q.NullQuery.__class__):
        raise QueryError("the query has no words to search for (only operators or stop words)")
    for leaf in leaves(parsed):
        _check_leaf(leaf, produced)
    return parsed


@dataclass(frozen=True)
class TypedWord:
    """A word of a query (a phrase, or after an entity field a name) as the
    user typed it: the field it is searched in, and where it stands."""

    field: str
    start: int
    end: int
    text: str  # the query's own characters from start to end
    quoted: bool = False  # typed within quotes: a phrase or a quoted value


def typed_words(text: str) -> list[TypedWord]:
    """The words, phrases and names of a query in the order typed, each in
    the field :func:`parse` searches it in and at its place in ``text``, for
    what replaces a word and leaves the rest as typed (close spellings).
    Wildcards, fuzzy and boosted words and ranges are left out: the user
    chose what they match. Raises :class:`QueryError` where :func:`parse` does.

    Entity fields are read as :func:`parse` reads them, before Whoosh's parser
    (which would take their names for words of ``text``); Whoosh's parser
    reads the rest, and records where each of its words starts and ends."""
    parse(text)
    text = _fields_lowered(text)
    stripped = text.strip()
    if _WORDS.fullmatch(stripped) and not OPERATORS.intersection(stripped.split()):
        return [TypedWord("text", m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    groups = _groups(text)
    found = [_typed(group.field, term.span(), text) for group in groups for term in group.terms]
    # Each entity group and clause blanked out: the other words keep their places.
    rest = text
    for group in groups:
        rest = rest[: group.start] + " " * (group.end - group.start) + rest[group.end :]
    found += [
        _typed(match.group(1).lower(), match.span(2), text)
        for match in _EXPANDED_TERM.finditer(rest)
    ]
    rest = _EXPANDED_TERM.sub(lambda match: " " * len(match.group()), rest)
    found.extend(_typed_in(_parser().process(rest), text))
    return sorted(found, key=lambda word: word.start)


@dataclass(frozen=True)
class _Group:
    """An entity field before parentheses, ``person:(Umerov OR "Hakan Fidan")``:
    where it starts and ends in the query, and the names in it."""

    field: str
    start: int
    end: int
    terms: tuple[re.Match[str], ...]


_EXPANDED_GROUP = re.compile(rf"\b({'|'.join(EXPANDED)}):\(")
_GROUP_TERM = re.compile(r"\"[^\"]*\"|'[^']*'|[^\s()\"']+")


def _groups(text: str) -> list[_Group]:
    """Each entity field before parentheses, read up to its closing one (or the
    query's end), with its names: every word or quoted name inside that is no
    operator (``person:(Umerov OR Fidan)`` names two people)."""
    found: list[_Group] = []
    for match in _EXPANDED_GROUP.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # inside the last group: its words are already its names
        depth, at = 1, match.end()
        while at < len(text) and depth:
            if text[at] == '"':
                closing = text.find('"', at + 1)
                at = closing if closing >= 0 else len(text) - 1
            elif text[at] == "(":
                depth += 1
            elif text[at] == ")":
                depth -= 1
            at += 1
        inner_end = at - 1 if depth == 0 else at
        terms = tuple(
            term
            for term in _GROUP_TERM.finditer(text, match.end(), inner_end)
            if term.group() not in OPERATORS
        )
        found.append(_Group(match.group(1).lower(), match.start(), at, terms))
    return found


def _fields_lowered(text: str) -> str:
    """Field names as the index spells them, "Title:" as "title:" (Whoosh's parser
    would search a field it does not know as words of the text); the query keeps
    its length, so every word keeps its place."""
    return _FIELD.sub(lambda match: match.group(1).lower() + ":", text)


def _distributed(text: str) -> str:
    """Entity groups written out name by name, as the expander reads them:
    ``person:(Umerov OR Fidan)`` is ``(person:Umerov OR person:Fidan)``."""
    for group in reversed(_groups(text)):
        pieces, at = [], group.start + len(group.field) + 1  # from the group's "("
        for term in group.terms:
            pieces += [text[at : term.start()], f"{group.field}:", term.group()]
            at = term.end()
        text = text[: group.start] + "".join(pieces) + text[at:]
    return text


def _typed(field: str, span: tuple[int, int], text: str) -> TypedWord:
    """The word at ``span`` of ``text`` in ``field``, without its quotes if quoted."""
    start, end = span
    quoted = end - start > 1 and text[start] in "\"'" and text[end - 1] == text[start]
    if quoted:
        start, end = start + 1, end - 1
    return TypedWord(field, start, end, text[start:end], quoted)


def _typed_in(node: Any, text: str) -> Iterator[TypedWord]:
    """The words of one node of Whoosh's syntax tree (its parser's own nodes,
    before they become a query: stop words and words of several tokens are
    still one word, with the characters they came from)."""
    from whoosh.qparser import syntax
    from whoosh.qparser.plugins import PhrasePlugin

    if isinstance(node, syntax.GroupNode):
        for child in node.nodes:
            yield from _typed_in(child, text)
    elif isinstance(node, PhrasePlugin.PhraseNode):  # from its opening quote to the closing one
        start, end = node.startchar + 1, text.find('"', node.startchar + 1)
        yield TypedWord(node.fieldname or "text", start, end, text[start:end], quoted=True)
    elif type(node) is syntax.WordNode and node.boost == 1.0:
        start, end = node.startchar, node.endchar
        quoted = end - start > 1 and text[start] == text[end - 1] == "'"  # 'a single term'
        if quoted:
            start, end = start + 1, end - 1
        yield TypedWord(node.fieldname or "text", start, end, text[start:end], quoted)


def _check_shape(text: str) -> None:
    """Mistakes Whoosh would quietly read as something else: an unclosed quote
    (the rest of the query as one phrase) and a field with no word after it."""
    if text.count('"') % 2:
        raise QueryError('a quotation mark is not closed: "prisoners of war"')
    empty = _EMPTY_FIELD.search(text)
    if empty:
        raise QueryError(f"'{empty.group(1)}:' needs a word to search for ({empty.group(1)}:word)")


def _words(text: str) -> q.Query | None:
    """A query of words alone (``prisoners``, ``talks Istanbul 2025``) as
    Whoosh's parser reads it (each word analysed as the ``text`` field
    analyses a query, stop words dropped, the rest all required), without
    importing the parser and compiling its patterns: most of what a search
    typed at the shell is. None for anything else, or a word that analyses
    into several."""
    if not _WORDS.fullmatch(text):
        return None
    words = text.split()
    if any(word in OPERATORS for word in words):
        return None
    field = SCHEMA["text"]
    terms: list[q.Query] = []
    for word in words:
        forms = list(field.process_text(word, mode="query", tokenize=True, removestops=True))
        if len(forms) > 1:
            return None
        terms.extend(q.Term("text", form) for form in forms)
    return q.And(terms).normalize()


def _parser() -> QueryParser:
    from whoosh.qparser import FuzzyTermPlugin, QueryParser

    parser = QueryParser("text", SCHEMA)
    parser.add_plugin(FuzzyTermPlugin())
    return parser


def _unknown_field(name: str) -> QueryError:
    return QueryError(f"unknown field '{name}'; fields are {', '.join(SEARCHABLE)}")


def _check_edits(text: str) -> None:
    """Whoosh reads one digit after ``~`` and drops the rest: ``istanbul~10``
    would silently be ``istanbul~1``."""
    for found in _EDITS.finditer(text):
        if int(found.group(1)) > MAX_EDITS:
            raise QueryError(
                f"'~{found.group(1)}' allows too many differences: a word may be at "
                f"most {MAX_EDITS} letters off (istanbul~{MAX_EDITS})"
            )


def _expanded_clause(
    match: re.Match[str], expand: Expander | None, produced: set[tuple[str, str]]
) -> str:
    field, value = match.group(1).lower(), match.group(2).strip("\"'")
    if expand is None:
        target, terms = ("entity" if field in ENTITY_FIELDS else field), [value.lower()]
    else:
        target, terms = expand(field, value)
        target = _HELD_IN.get(target, target)
    terms = [t.replace("'", " ") for t in terms] or ["-none-"]
    produced.update((target, t) for t in terms)
    return "(" + " OR ".join(f"{target}:'{t}'" for t in terms) + ")"


def _check_leaf(node: q.Query, produced: set[tuple[str, str]]) -> None:
    field = getattr(node, "fieldname", None)
    text = getattr(node, "text", None)
    if field is not None and field not in SEARCHABLE and (field, text) not in produced:
        raise _unknown_field(field)
    if isinstance(node, q.Every):
        raise QueryError(
            "a lone * or an open range ([TO]) would match every passage: type at least "
            f"{MIN_WILDCARD_CHARS} letters before a *, or give a range a start or an end"
        )
    if isinstance(node, (q.Prefix, q.Wildcard)):
        if len(re.sub(r"[*?]", "", str(node.text))) < MIN_WILDCARD_CHARS:
            raise QueryError(
                f"'{node.text}*' would match too many words: type at least "
                f"{MIN_WILDCARD_CHARS} letters before the *"
            )
    elif isinstance(node, q.FuzzyTerm):
        _check_fuzzy(node)
    elif isinstance(node, (q.TermRange, q.NumericRange)):
        _check_range(node)
    elif isinstance(node, q.Term) and not str(text or "").strip():
        raise QueryError(f"'{field}:' needs a word to search for")


def _check_fuzzy(node: q.FuzzyTerm) -> None:
    """Bounded, and compared with words as the index holds them: ``Prisonrs~``
    is looked for as "prisonr", one letter from the indexed stem "prison"."""
    if node.maxdist > MAX_EDITS:  # also caught in the text: a Whoosh query could say more
        raise QueryError(f"a word may be at most {MAX_EDITS} letters off")
    shortest = 2 * node.maxdist + 1
    if len(node.text) < shortest:
        letters = "letter" if node.maxdist == 1 else "letters"
        raise QueryError(
            f"'{node.text}~{node.maxdist}' would match too many words: a word needs "
            f"{shortest} letters or more to be {node.maxdist} {letters} off"
        )
    field = SCHEMA[node.fieldname]
    if field.analyzer is not None:
        forms = [t.text for t in field.analyzer(node.text, mode="index") if not t.stopped]
        node.text = forms[0] if len(forms) == 1 else node.text.lower()


def _check_range(node: q.Query) -> None:
    field = getattr(node, "fieldname", "")
    if field not in RANGE_FIELDS:
        raise QueryError(
            f"ranges are for dates only (date:[2025-05-01 TO 2025-05-31]), not '{field}:'"
        )
    if not getattr(node, "start", None) and not getattr(node, "end", None):
        raise QueryError("a date range needs a start or an end (date:[2025-05-01 TO])")


def leaves(node: q.Query) -> Iterable[q.Query]:
    """Every word, phrase, prefix, range... of a parsed query."""
    if node.is_leaf():
        yield node
    else:
        for child in node.children():
            yield from leaves(child)
