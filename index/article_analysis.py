"""One article's analysis: what is stored of it given its NLP mentions (the
references, the facts, the passages' search fields and the word counts), the
shape of its lines that says what a name is, and the cap on the text analysed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import Article, Mention

if TYPE_CHECKING:
    from .story_features import WordCounts

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
# An article with more text than this is skipped, not analysed: NLP and facts
# take about 30 s per million characters on one core, and no news article is
# near it (a long feature is 50,000). Like the file size cap, it is said.
MAX_ANALYSED_CHARS = 500_000
# Where an analysis carries the model's own spans of its article's pieces of
# text, ``{"model": index.nlp.model_identity(), "pieces": {piece key: spans}}``:
# stored beside the article (not in its analysis) and handed back when the
# article is analysed again, so that a new version of the rules (a new analysis
# key) or an edit runs the model only on the pieces it has not seen.
MODEL_SPANS = "model_spans"
# Kept spans by article id, as stored under MODEL_SPANS.
Known = dict[str, dict[str, Any]]


def stored_parts(article: Article, analysis: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """What is stored of an analysed article: the article with its analysis
    (what the corpus-wide pass reads), and apart from them the model's spans
    (None where it has none)."""
    analysis = dict(analysis)
    spans = analysis.pop(MODEL_SPANS, None)
    return {"article": article.to_json(with_text=True), **analysis}, spans


def analysed(
    article: Article, found: Sequence[Mention], words: WordCounts | None = None
) -> dict[str, Any]:
    """What is stored of one article given its NLP mentions: the mentions (a
    common noun standing for a name marked so), those references, the facts,
    the passages' search fields and the word counts story grouping reads
    (``words``, counted here where not given: a batch counts them at once)."""
    from .facts import extract_facts
    from .references import common_nouns, find_references
    from .story_features import word_counts

    references = find_references(article, found)
    found = common_nouns(found, references)
    facts = extract_facts(article, found)
    if words is None:
        (words,) = word_counts([(article.title, article.passages)])
    return {
        # plain fields: copied, not through asdict's deep copy
        "mentions": [dict(m.__dict__) for m in found],
        "references": [dict(r.__dict__) for r in references],
        "facts": [f.to_json() for f in facts],
        "passage_fields": _passage_fields(article, found, facts),
        "word_counts": words,
    }


def _shaped(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions where a line's shape says what its names are: the teams of a
    sports table, the places of a dateline."""
    from .datelines import datelines
    from .tables import teams

    return datelines(text, teams(text, mentions, spans), spans)


def _too_long(article: Article) -> str:
    return (
        f"too slow to analyse: {len(article.text):,} characters of text "
        f"(the cap is {MAX_ANALYSED_CHARS:,})"
    )


def _passage_fields(article: Article, mentions: Sequence[Mention], facts) -> dict[str, dict]:
    """Search fields of each passage: entity alias keys and fact keys."""
    from .entities import alias_key
    from .passages import PassageLocator
    from .subjects import search_keys

    entities: dict[int, set[str]] = defaultdict(set)
    keys: dict[int, set[str]] = defaultdict(set)
    locate = PassageLocator({article.id: article.passages})
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            number = locate(article.id, mention.start)
            if number:
                entities[number].add(alias_key(mention.text).replace(",", " "))
    for fact in facts:
        for key in search_keys(fact.key):
            keys[fact.passage].add(key.replace(",", " "))
    fields = {}
    for passage in article.passages:
        extra = {}
        if entities.get(passage.number):
            extra["entity"] = ",".join(sorted(entities[passage.number]))
        if keys.get(passage.number):
            extra["fact"] = ",".join(sorted(keys[passage.number]))
        if extra:
            fields[str(passage.number)] = extra
    return fields
