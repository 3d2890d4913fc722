"""The word table written beside a Whoosh commit, for :mod:`index.sidecar`.

A search typed at the shell, words alone on an index that is up to date, is
answered from this file with the standard library only (see
:mod:`index.sidecar`): importing Whoosh, newsdesk's data model and opening
the index cost most of such a search. The table holds what Whoosh's BM25F
needs for the ``text`` field, as Whoosh's own reader gives it (each word's
idf and per-segment document frequency, its live postings with their
weights, each passage's field length as Whoosh decodes it, the average field
length), the stored fields a result line shows, and every word of the
passages' text with what the index holds for it (its stem, or none for a
stop word): the query's words are looked up there instead of analysed, and
the snippets find their words by it.

It is keyed to the commit it describes by that commit's table of contents,
byte for byte, so it can never answer for another commit: a reader finding
another key searches through Whoosh. It is written after each final commit
(not at the checkpoints of a first index: each would rewrite it), whole or
not at all, and when an update finds nothing to do and the table is missing
or stale (an index written before it existed).
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from array import array
from collections import Counter
from contextlib import suppress
from math import log
from pathlib import Path
from typing import Any

from whoosh.index import TOC, FileIndex
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from .. import sidecar
from ..folder import INDEX_NAME
from .words import TOKEN_PATTERN, index_form

FIELD = "text"
_TOKEN = re.compile(TOKEN_PATTERN)


def toc_name(generation: int) -> str:
    return TOC._filename(INDEX_NAME, generation)


def write(storage: Any, path: Path) -> None:
    """Write the table of the latest commit of the index at ``path``; a
    failure leaves no table (a search then goes through Whoosh)."""
    target = Path(path) / sidecar.NAME
    try:
        generation = int(TOC._latest_generation(storage, INDEX_NAME))
        if generation < 0:
            return
        toc_bytes = (Path(path) / toc_name(generation)).read_bytes()
        toc = TOC.read(storage, INDEX_NAME, gen=generation)
        reader = FileIndex._reader(storage, toc.schema, toc.segments, toc.generation)
        data = _table(Searcher(reader), generation, toc_bytes, _previous_words(path))
        _write_atomic(target, data)
    except Exception:  # the commit stands; only the shortcut is lost
        with suppress(OSError):
            target.unlink()


def current(path: Path) -> bool:
    """Whether the table beside the index at ``path`` is the latest commit's."""
    from .whoosh import IndexStorage

    generation = int(TOC._latest_generation(IndexStorage(str(path)), INDEX_NAME))
    return generation >= 0 and sidecar.open_table(path, generation) is not None


def _previous_words(path: Path) -> dict[str, str]:
    """The words the table beside the index knows already (what a word's
    index form is does not change with the commit)."""
    with suppress(Exception):
        return sidecar.all_words(path)
    return {}


def _table(searcher: Searcher, generation: int, toc: bytes, known: dict[str, str]) -> bytes:
    reader = searcher.reader()
    leaves = list(reader.leaf_readers())
    ndocs = reader.doc_count_all()
    lengths = array("I", bytes(4 * ndocs))
    stored: dict[int, bytes] = {}
    words: dict[str, str] = {}
    entries: dict[str, list[Any]] = {}
    for position, (leaf, offset) in enumerate(leaves):
        infos = dict(_terms(leaf))
        for term, info in infos.items():
            entry = entries.get(term)
            if entry is None:
                entry = entries[term] = [[], array("I"), array("d"), 0]
            entry[0].append((position, info.doc_frequency()))
            entry[3] += info.doc_frequency()
        if leaf.doc_count():  # a segment whose documents are all deleted has no postings
            _segment(leaf, offset, infos, entries, (lengths, stored, words, known))
    forms: dict[str, list[str]] = {}
    for word, form in words.items():
        if form:
            forms.setdefault(form, []).append(word)
    # Whoosh's BM25F statistics, as its searcher computes them (deleted
    # documents included, as Whoosh counts them).
    avgfl = searcher.avg_field_length(FIELD) or 1
    every = reader.doc_count_all()
    ordered = sorted(entries)
    blobs = []
    for text in ordered:
        segments, postings, weights, frequency = entries[text]
        idf = log(every / (frequency + 1)) + 1  # whoosh.scoring.WeightingModel.idf
        blobs.append(
            marshal.dumps(
                (
                    idf,
                    tuple(segments),
                    postings.tobytes(),
                    weights.tobytes(),
                    tuple(sorted(forms.get(text, ()))),
                )
            )
        )
    word_items = sorted(words.items())
    header = {
        "toc": toc,
        "generation": generation,
        "avgfl": float(avgfl),
        "key_file": toc_name(generation),
        "offsets": [offset for _leaf, offset in leaves],
        "docs": ndocs,
        "byteorder": sys.byteorder,
    }
    return sidecar.pack(
        header,
        [t.encode("utf-8", "surrogatepass") for t in ordered],
        blobs,
        [w.encode("utf-8", "surrogatepass") for w, _ in word_items],
        [f.encode("utf-8") for _, f in word_items],
        lengths,
        [stored.get(n, b"") for n in range(ndocs)],
    )


def _segment(
    leaf: Any,
    offset: int,
    infos: dict[str, Any],
    entries: dict[str, list[Any]],
    into: tuple[array, dict[int, bytes], dict[str, str], dict[str, str]],
) -> None:
    """A segment's passages: their stored fields, field lengths and words,
    and each word's postings. The postings are counted from the passages'
    text by its words' index forms (reading Whoosh's posting blocks in Python
    took most of the time), and the counts are checked against what Whoosh
    recorded for every word of the segment (its documents and its weight,
    deleted passages included): should any differ, the segment's postings
    are read from Whoosh instead."""
    lengths, stored, words, known = into
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
    counted: dict[str, list[int]] = {}
    live: list[tuple[int, dict[str, int]]] = []
    spelt: dict[str, str] = {}  # a token as written -> its index form
    for docnum in _passages(leaf):
        fields = leaf.stored_fields(docnum)
        text = fields.get(FIELD) or ""
        counts: dict[str, int] = {}
        for token, times in Counter(_TOKEN.findall(text)).items():
            form = spelt.get(token)
            if form is None:
                key = token.lower()
                form = words.get(key)
                if form is None:
                    form = known.get(key)
                    if form is None:
                        form = index_form(token) or ""
                    words[key] = form
                spelt[token] = form
            if form:
                counts[form] = counts.get(form, 0) + times
        for form, weight in counts.items():
            total = counted.get(form)
            if total is None:
                counted[form] = [1, weight]
            else:
                total[0] += 1
                total[1] += weight
        if docnum in deleted:
            continue
        number = offset + docnum
        # None: a passage without a word (Whoosh scores none such)
        lengths[number] = leaf.doc_field_length(docnum, FIELD, 1) or 0
        stored[number] = marshal.dumps(
            (
                fields.get("article"),
                fields.get("number"),
                fields.get("start"),
                fields.get("end"),
                fields.get("title"),
                fields.get("source"),
                text,
            )
        )
        live.append((number, counts))
    same = len(counted) == len(infos) and all(
        counted.get(term) == [info.doc_frequency(), info.weight()] for term, info in infos.items()
    )
    if not same:
        for term, info in infos.items():
            _postings(leaf, info, offset, entries[term][1], entries[term][2])
        return
    for number, counts in live:
        for form, weight in counts.items():
            entry = entries[form]
            entry[1].append(number)
            entry[2].append(weight)


def _passages(leaf: Any) -> list[int]:
    """The segment's passages, deleted ones too, by the postings of ``kind:passage``."""
    try:
        info = leaf._terms.term_info("kind", b"passage")
    except TermNotFound:
        return []
    matcher = leaf._codec.postings_reader(leaf._terms._postfile, info, leaf.schema["kind"].format)
    return list(matcher.all_ids())


def _terms(leaf: Any) -> Any:
    """Each word of the segment's ``text`` field with its term info."""
    for (fieldname, term), info in leaf._terms.items_from(FIELD, b""):
        if fieldname != FIELD:
            return
        yield (term.decode("utf-8", "surrogatepass") if isinstance(term, bytes) else term), info


def _postings(leaf: Any, info: Any, offset: int, numbers: array, weights: array) -> None:
    """Append a word's live postings in the segment (global numbers) and weights."""
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else None
    if info.is_inlined():
        ids, found, _values = info.inlined_postings()
        blocks = [(ids, found)]
    else:
        matcher = leaf._codec.postings_reader(
            leaf._terms._postfile, info, leaf.schema[FIELD].format
        )
        blocks = []
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            blocks.append((matcher._ids, matcher._weights))
            matcher._next_block()
    for ids, found in blocks:
        if deleted is None and offset == 0:
            numbers.extend(iter(ids))  # Whoosh keeps them in arrays of any width
            weights.extend(iter(found))
            continue
        for docnum, weight in zip(ids, found, strict=True):
            if deleted is None or docnum not in deleted:
                numbers.append(offset + docnum)
                weights.append(weight)


def _write_atomic(target: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=sidecar.SPARE, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
