"""The one way newsdesk's typed results become JSON and come back.

The CLI's ``--json``, the exports and the stored documents all go through
here, so a result has one name for each of its parts everywhere: where the
JSON a user reads keeps an older key (a hit's ``article_id`` is ``"id"``), the
rename is written once, below, not at each place that prints it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from cattrs import Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .model import (
    CitedFact,
    Entity,
    EntityMention,
    EntityRef,
    Fact,
    Hit,
    MatrixSource,
    Passage,
    RelatedPassage,
    SearchResult,
)

T = TypeVar("T")

INF = float("inf")
SCORE_DIGITS = 4  # a score's JSON is rounded: more digits say nothing to a reader

# JSON has lists only: a tuple (a span, the hits) is written as one.
_converter = Converter(unstruct_collection_overrides={tuple: list})


def _hit_codec(converter: Converter) -> None:
    """A hit keeps the JSON keys ``newsdesk search --json`` documents; its terms
    are the reader's, to highlight the passage, and not printed. A result that
    extends a hit (an exported one, with its article's link) keeps them too,
    its own keys after them."""
    article_id, terms = override(rename="id"), override(omit=True)
    score = override(unstruct_hook=lambda s: round(s, SCORE_DIGITS))

    def is_hit(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, Hit)

    converter.register_unstructure_hook_factory(
        is_hit,
        lambda kind: make_dict_unstructure_fn(
            kind, converter, article_id=article_id, terms=terms, score=score
        ),
    )
    converter.register_structure_hook_factory(
        is_hit,
        lambda kind: make_dict_structure_fn(kind, converter, article_id=article_id, terms=terms),
    )


def _search_codec(converter: Converter) -> None:
    """A search result's JSON is its total and hits (``complete`` is the reader's)."""
    complete = override(omit=True)
    converter.register_unstructure_hook(
        SearchResult, make_dict_unstructure_fn(SearchResult, converter, complete=complete)
    )
    converter.register_structure_hook(
        SearchResult, make_dict_structure_fn(SearchResult, converter, complete=complete)
    )


def _entity_codec(converter: Converter) -> None:
    """An entity's kind is its ``label`` and a mention's article its ``id`` in the
    JSON ``newsdesk entities --json`` documents (and the index stores)."""
    kind, article = override(rename="label"), override(rename="id")
    common = override(omit_if_default=True)  # only a common noun's mention says so
    converter.register_unstructure_hook(
        EntityMention,
        make_dict_unstructure_fn(EntityMention, converter, article=article, common=common),
    )
    converter.register_structure_hook(
        EntityMention, make_dict_structure_fn(EntityMention, converter, article=article)
    )
    # An entity's hooks are made after its mentions', which they call.
    converter.register_unstructure_hook(
        Entity, make_dict_unstructure_fn(Entity, converter, kind=kind)
    )
    converter.register_structure_hook(Entity, make_dict_structure_fn(Entity, converter, kind=kind))


def _matrix_codec(converter: Converter) -> None:
    """A matrix's column names its article ``id``, as a mention does."""
    article_id = override(rename="id")
    converter.register_unstructure_hook(
        MatrixSource, make_dict_unstructure_fn(MatrixSource, converter, article_id=article_id)
    )
    converter.register_structure_hook(
        MatrixSource, make_dict_structure_fn(MatrixSource, converter, article_id=article_id)
    )


def _bound_out(value: float | None) -> float | str | None:
    """JSON has no infinity: an open-ended interval's bound is written "inf"."""
    if value is not None and value in (INF, -INF):
        return "inf" if value > 0 else "-inf"
    return value


def _bound_in(value: Any, _: Any) -> float | None:
    return None if value is None else float(value)


def _fact_codec(converter: Converter) -> None:
    """A fact's unbounded interval ends are "inf" and "-inf" in its JSON."""
    bounds: dict[str, Any] = {
        name: override(unstruct_hook=_bound_out, struct_hook=_bound_in)
        for name in ("value", "low", "high")
    }
    for kind in (Fact, CitedFact):
        converter.register_unstructure_hook(
            kind, make_dict_unstructure_fn(kind, converter, **bounds)
        )
        converter.register_structure_hook(kind, make_dict_structure_fn(kind, converter, **bounds))


def _view_codec(converter: Converter) -> None:
    """The cross-source view keeps the keys ``newsdesk related --json`` documents:
    a passage's article is its ``id`` and its number its ``passage``, an
    entity's kind its ``label``."""
    renames: list[tuple[type, dict[str, Any]]] = [
        (Passage, {"article_id": override(rename="id"), "number": override(rename="passage")}),
        (RelatedPassage, {"article_id": override(rename="id")}),
        (EntityRef, {"kind": override(rename="label")}),
    ]
    for kind, fields in renames:
        converter.register_unstructure_hook(
            kind, make_dict_unstructure_fn(kind, converter, **fields)
        )
        converter.register_structure_hook(kind, make_dict_structure_fn(kind, converter, **fields))


_hit_codec(_converter)
_fact_codec(_converter)
_view_codec(_converter)
_search_codec(_converter)
_entity_codec(_converter)
_matrix_codec(_converter)


def to_json(value: Any) -> Any:
    """``value`` (a result, or a list of them) as plain JSON data."""
    return _converter.unstructure(value)


def from_json(data: Any, kind: type[T]) -> T:
    """The result of type ``kind`` that :func:`to_json` made ``data`` from."""
    return _converter.structure(data, kind)
